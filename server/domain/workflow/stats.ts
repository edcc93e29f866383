import { and, eq, inArray } from 'drizzle-orm'
import type { DecisionStats } from '../../../shared/schemas/applications'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { workingDaysBetween } from '../../../shared/utils/workingDays'
import { applicationEvents, applications, departments } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { Workflow } from './machine'

/** The lower median, as the publication timeliness figures count it. */
const median = (values: number[]) => (values.length ? [...values].sort((a, b) => a - b)[Math.ceil(values.length / 2) - 1]! : null)

export interface StatsSpec<O extends string> {
  workflow: Workflow
  /** The steps that decide an application: time to decide runs from filing to the first of them. */
  decisions: readonly string[]
  /** Closed states counted by name. */
  outcomes: readonly O[]
  /** Decided within this many working days of filing counts as on time. */
  onTimeWorkingDays: number
}

/** For the credit office: one kind of application per handling department, by outcome, with time to decide. */
export async function decisionStats<O extends string>(db: Database, spec: StatsSpec<O>, today: IsoDate = todayInChina()): Promise<DecisionStats<O>[]> {
  const rows = await db.select({ id: applications.id, state: applications.state, dueOn: applications.dueOn, createdAt: applications.createdAt, department: departments.name })
    .from(applications).innerJoin(departments, eq(departments.id, applications.departmentId)).where(eq(applications.kind, spec.workflow.kind))
  const closing = rows.length
    ? await db.select({ applicationId: applicationEvents.applicationId, at: applicationEvents.at }).from(applicationEvents)
      .where(and(inArray(applicationEvents.applicationId, rows.map(r => r.id)), inArray(applicationEvents.action, [...spec.decisions])))
    : []
  const decidedAt = new Map<number, Date>()
  for (const c of closing) if (!decidedAt.has(c.applicationId)) decidedAt.set(c.applicationId, c.at)
  const byDepartment = new Map<string, DecisionStats<O> & { days: number[] }>()
  for (const row of rows) {
    const stats = byDepartment.get(row.department) ?? {
      department: row.department, total: 0, open: 0, overdue: 0, outcomes: Object.fromEntries(spec.outcomes.map(o => [o, 0])) as Record<O, number>, medianWorkingDays: null, onTime: 0, days: [],
    }
    stats.total++
    if (spec.workflow.states[row.state]?.open) {
      stats.open++
      if (row.dueOn && row.dueOn < today) stats.overdue++
    }
    else if (row.state in stats.outcomes) stats.outcomes[row.state as O]++
    const decided = decidedAt.get(row.id)
    if (decided) {
      const days = workingDaysBetween(todayInChina(row.createdAt), todayInChina(decided))
      stats.days.push(days)
      if (days <= spec.onTimeWorkingDays) stats.onTime++
    }
    byDepartment.set(row.department, stats)
  }
  return [...byDepartment.values()].map(({ days, ...stats }) => ({ ...stats, medianWorkingDays: median(days) })).sort((a, b) => b.total - a.total)
}
