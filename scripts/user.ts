// npm run user -- --role admin --account admin@example.gov.cn --name 管理员 --password '…' [--department 代码或名称]
// Staff accounts come from an admin (the console) or, for the first admin, from this command.
import { parseArgs } from 'node:util'
import { staffUserSchema } from '../shared/schemas/accounts'
import { createStaffUser } from '../server/domain/accounts/users'
import { findDepartment } from '../server/domain/departments'
import { openDb, run } from './lib/runtime'

run(async () => {
  const { values } = parseArgs({ options: Object.fromEntries(['role', 'account', 'name', 'password', 'department'].map(k => [k, { type: 'string' as const }])) })
  const db = await openDb()
  const department = values.department ? await findDepartment(db, values.department) : undefined
  if (values.department && !department) throw new Error(`未找到数据来源单位：${values.department}`)
  const parsed = staffUserSchema.safeParse({ ...values, departmentId: department?.id })
  if (!parsed.success) throw new Error(parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('\n'))
  const user = await createStaffUser(db, parsed.data, 'cli')
  console.log(JSON.stringify(user))
})
