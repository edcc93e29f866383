import { and, asc, desc, eq, ilike, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm'
import { applicationKindLabels, type QueueQuery } from '../../../shared/schemas/applications'
import type { ApplicationSummary } from '../../../shared/schemas/me'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { workingDaysBetween } from '../../../shared/utils/workingDays'
import { applications, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { refuse } from '../../utils/errors'
import { isStaffRole } from '../../../shared/roles'
import { inStaffScope } from '../access/staff'
import { notRecused } from './access'
import type { Actor } from './machine'
import { workflowKinds } from './registry'

const pageSize = 30

/** Working days left until `dueOn` (negative when past it). */
export function daysLeft(dueOn: IsoDate, today: IsoDate): number {
  return dueOn >= today ? workingDaysBetween(today, dueOn) : -workingDaysBetween(dueOn, today)
}

function stateOf(kind: keyof typeof applicationKindLabels, state: string) {
  return workflowKinds[kind]?.workflow.states[state] ?? { label: state, open: false }
}

export function openStates(): string[] {
  return [...new Set(Object.values(workflowKinds).flatMap(k => Object.entries(k.workflow.states).filter(([, s]) => s.open).map(([name]) => name)))]
}

type Row = { application: typeof applications.$inferSelect, subjectName: string }

export function summarize({ application, subjectName }: Row, today: IsoDate): ApplicationSummary {
  const state = stateOf(application.kind, application.state)
  return {
    id: application.id,
    kind: application.kind,
    kindLabel: applicationKindLabels[application.kind],
    state: application.state,
    stateLabel: state.label,
    open: state.open,
    subjectName,
    dueOn: state.open ? application.dueOn : null,
    daysLeft: state.open && application.dueOn ? daysLeft(application.dueOn, today) : null,
    createdAt: application.createdAt.toISOString(),
    updatedAt: application.updatedAt.toISOString(),
  }
}

/**
 * A staff member's review queue: in scope, filtered, the most urgent first. What they must recuse from
 * (回避: they filed it or act for its subject) is not offered: someone else decides it, and they follow
 * their own application in 我的.
 */
export async function reviewQueue(db: Database, actor: Actor, query: QueueQuery, today = todayInChina()) {
  if (!isStaffRole(actor.role)) throw refuse(403, '您的账号无权查看审核队列')
  const where: (SQL | undefined)[] = [inStaffScope(actor, applications.departmentId), notRecused(actor)]
  if (query.kind) where.push(eq(applications.kind, query.kind))
  if (query.status === 'open') where.push(inArray(applications.state, openStates()))
  if (query.status === 'closed') where.push(notInArray(applications.state, openStates()))
  if (query.overdue === '1') where.push(lt(applications.dueOn, today), inArray(applications.state, openStates()))
  if (query.q) where.push(ilike(subjects.name, `%${query.q}%`))
  const condition = and(...where)
  const rows = await db.select({ application: applications, subjectName: subjects.name }).from(applications)
    .innerJoin(subjects, eq(subjects.id, applications.subjectId)).where(condition)
    .orderBy(query.status === 'open' ? asc(applications.dueOn) : desc(applications.updatedAt), asc(applications.id))
    .limit(pageSize).offset((query.page - 1) * pageSize)
  const [count] = await db.select({ total: sql<number>`count(*)::int` }).from(applications)
    .innerJoin(subjects, eq(subjects.id, applications.subjectId)).where(condition)
  return { total: count?.total ?? 0, pageSize, items: rows.map(row => summarize(row, today)) }
}

/** An applicant's own applications, newest first. */
export async function ownApplications(db: Database, userId: number, today = todayInChina()) {
  const rows = await db.select({ application: applications, subjectName: subjects.name }).from(applications)
    .innerJoin(subjects, eq(subjects.id, applications.subjectId))
    .where(eq(applications.applicantId, userId)).orderBy(desc(applications.id)).limit(200)
  return rows.map(row => summarize(row, today))
}
