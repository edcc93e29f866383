import { sql } from 'drizzle-orm'
import { deadlines } from '../../../config/deadlines'
import { workingDaysBetween } from '../../../shared/utils/workingDays'
import type { Database } from '../../utils/db'

export interface DepartmentTimeliness {
  department: string
  records: number
  /** Published within the deadline (DOMAIN.md rule 2), counted in working days from the decision. */
  onTime: number
  onTimeRate: number
  /** Median working days from decision to publication. */
  medianWorkingDays: number
}

/**
 * How promptly each department publishes its 双公示 records. Rows are grouped by day pairs first, so a
 * million records cost a few thousand working-day counts.
 */
export async function publicationTimeliness(db: Database, limit = deadlines.publicationWorkingDays): Promise<DepartmentTimeliness[]> {
  const groups = await db.execute<{ department: string, decided: string, published: string, n: string }>(sql`
    select d.name as department, r.decision_date::text as decided, (r.published_at at time zone 'Asia/Shanghai')::date::text as published, count(*) as n
    from records r join departments d on d.id = r.department_id
    where r.kind in ('license', 'penalty')
    group by 1, 2, 3`)
  const byDepartment = new Map<string, { delay: number, n: number }[]>()
  for (const g of groups.rows) {
    const list = byDepartment.get(g.department) ?? []
    list.push({ delay: workingDaysBetween(g.decided, g.published), n: Number(g.n) })
    byDepartment.set(g.department, list)
  }
  return [...byDepartment].map(([department, list]) => {
    const records = list.reduce((sum, g) => sum + g.n, 0)
    const onTime = list.filter(g => g.delay <= limit).reduce((sum, g) => sum + g.n, 0)
    const sorted = list.sort((a, b) => a.delay - b.delay)
    let seen = 0
    const median = sorted.find(g => (seen += g.n) * 2 >= records)?.delay ?? 0
    return { department, records, onTime, onTimeRate: records ? onTime / records : 1, medianWorkingDays: median }
  }).sort((a, b) => a.onTimeRate - b.onTimeRate)
}
