import { and, eq, ne, or, sql, type SQL } from 'drizzle-orm'
import { applications, subjectAgents } from '../../database/schema'
import type { Database } from '../../utils/db'
import { actsForSubject } from '../access/subjects'
import type { Actor, Standing } from './machine'

const staffRoles = new Set(['credit_office', 'admin'])

/** The applications an actor's staff role lets it see: all for the credit office, its own department's for a reviewer. */
export function staffScope(actor: Actor): SQL | undefined | false {
  if (staffRoles.has(actor.role)) return undefined
  if (actor.role === 'department_reviewer' && actor.departmentId) return eq(applications.departmentId, actor.departmentId)
  return false
}

export async function isAgentOf(db: Database, userId: number, subjectId: number): Promise<boolean> {
  const [row] = await db.select({ userId: subjectAgents.userId }).from(subjectAgents)
    .where(and(eq(subjectAgents.userId, userId), eq(subjectAgents.subjectId, subjectId)))
  return !!row
}

export type Access = 'applicant' | 'agent' | 'staff'

/**
 * One application as an actor finds it, in one query: whether it may see it at all (its applicant, an agent
 * of its subject except for claims, which are personal, or staff in scope) and how it stands to it, which
 * decides what it may do (machine.ts: staff who filed it or act for its subject do not decide it).
 */
export async function applicationFor(db: Database, actor: Actor, id: number) {
  const applicant = eq(applications.applicantId, actor.id)
  const agent = actsForSubject(actor.id, applications.subjectId)
  const scope = staffScope(actor)
  const staff = scope === false ? sql`false` : scope ?? sql`true`
  const [row] = await db.select({
    application: applications,
    applicant: sql<boolean>`${applicant}`,
    agent: sql<boolean>`${agent}`,
    staff: sql<boolean>`${staff}`,
  }).from(applications)
    .where(and(eq(applications.id, id), or(applicant, staff, and(ne(applications.kind, 'claim'), agent))))
  if (!row) return undefined
  const access: Access = row.applicant ? 'applicant' : row.staff ? 'staff' : 'agent'
  const standing: Standing = { applicant: row.applicant, agent: row.agent }
  return { application: row.application, access, standing }
}

/** How an actor may see one application, or null: anyone else gets the same 404 as for an id that does not exist. */
export async function canSee(db: Database, actor: Actor, application: typeof applications.$inferSelect): Promise<Access | null> {
  return (await applicationFor(db, actor, application.id))?.access ?? null
}
