import { and, eq, inArray } from 'drizzle-orm'
import type { ObjectionStats } from '../../../shared/schemas/objections'
import { todayInChina } from '../../../shared/utils/dates'
import { workingDaysBetween } from '../../../shared/utils/workingDays'
import { applicationEvents, applications, departments } from '../../database/schema'
import type { Database } from '../../utils/db'
import { objectionWorkflow } from './workflow'


/** The lower median, as the publication timeliness figures count it. */
const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1]! : null)

/** For the credit office: objections per department, by outcome, with time to decide in working days. */
export async function objectionStats(db: Database, today = todayInChina()): Promise<ObjectionStats[]> {
  const rows = await db.select({ id: applications.id, state: applications.state, dueOn: applications.dueOn, createdAt: applications.createdAt, department: departments.name })
    .from(applications).innerJoin(departments, eq(departments.id, applications.departmentId)).where(eq(applications.kind, 'objection'))
  const closing = rows.length
    ? await db.select({ applicationId: applicationEvents.applicationId, at: applicationEvents.at }).from(applicationEvents)
      .where(and(inArray(applicationEvents.applicationId, rows.map(r => r.id)), inArray(applicationEvents.action, ['correct', 'revoke', 'uphold'])))
    : []
  const decidedAt = new Map(closing.map(c => [c.applicationId, c.at]))
  const byDepartment = new Map<string, ObjectionStats & { days: number[] }>()
  for (const row of rows) {
    const stats = byDepartment.get(row.department) ?? { department: row.department, total: 0, open: 0, overdue: 0, outcomes: { corrected: 0, revoked: 0, upheld: 0, withdrawn: 0 }, medianWorkingDays: null, onTime: 0, days: [] }
    stats.total++
    if (objectionWorkflow.states[row.state as keyof typeof objectionWorkflow.states]?.open) {
      stats.open++
      if (row.dueOn && row.dueOn < today) stats.overdue++
    }
    else if (row.state in stats.outcomes) stats.outcomes[row.state as keyof ObjectionStats['outcomes']]++
    const decided = decidedAt.get(row.id)
    if (decided) {
      const days = workingDaysBetween(todayInChina(row.createdAt), todayInChina(decided))
      stats.days.push(days)
      if (days <= objectionWorkflow.initialDueInWorkingDays) stats.onTime++
    }
    byDepartment.set(row.department, stats)
  }
  return [...byDepartment.values()].map(({ days, ...stats }) => ({ ...stats, medianWorkingDays: median(days) })).sort((a, b) => b.total - a.total)
}
