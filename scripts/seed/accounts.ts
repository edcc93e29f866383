import { sql } from 'drizzle-orm'
import { createStaffUser, signUp } from '../../server/domain/accounts/users'
import { loadDepartments } from '../../server/domain/departments'
import type { Database } from '../../server/utils/db'

/** The demo's one password; README lists the accounts. Demo data only: production seeds nothing. */
export const DEMO_PASSWORD = 'Demo#2026'

/** Demo accounts for each role, made once, when there are no accounts yet. */
export async function seedDemoAccounts(db: Database): Promise<string[]> {
  const { rows } = await db.execute<{ present: boolean }>(sql`select exists(select 1 from users) as present`)
  if (rows[0]?.present) return []
  const market = (await loadDepartments(db)).byName.get('朝阳市市场监督管理局')
  const staff = [
    { account: 'admin@demo.gov.cn', name: '系统管理员', role: 'admin' as const },
    { account: 'office@demo.gov.cn', name: '信用办审核员', role: 'credit_office' as const },
    { account: 'market@demo.gov.cn', name: '市场监管审核员', role: 'department_reviewer' as const, departmentId: market?.id },
  ]
  for (const user of staff) await createStaffUser(db, { ...user, password: DEMO_PASSWORD }, 'seed')
  await signUp(db, { account: 'business@demo.com', name: '企业经办人', password: DEMO_PASSWORD })
  return [...staff.map(s => s.account), 'business@demo.com']
}
