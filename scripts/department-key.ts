// npm run department-key -- <credit code or name> [--label 说明]: prints a new ingest API key, once.
import { parseArgs } from 'node:util'
import { createDepartmentKey, findDepartment } from '../server/domain/departments'
import { openDb, run } from './lib/runtime'

run(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { label: { type: 'string', default: '' } } })
  if (!positionals[0]) throw new Error('用法：npm run department-key -- <统一社会信用代码或单位名称> [--label 说明]')
  const db = await openDb()
  const department = await findDepartment(db, positionals[0])
  if (!department) throw new Error(`未找到数据来源单位：${positionals[0]}`)
  console.log(await createDepartmentKey(db, department.id, values.label))
})
