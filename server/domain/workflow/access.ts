import { and, eq, type SQL } from 'drizzle-orm'
import { applications, subjectAgents } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { Actor } from './machine'

const staffRoles = new Set(['credit_office', 'admin'])

export const isStaff = (actor: Actor) => staffRoles.has(actor.role) || actor.role === 'department_reviewer'

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

/**
 * Whether an actor may see one application: its applicant, an agent of its subject (except claims, which
 * are personal), or staff in scope. Anyone else gets the same 404 as for an id that does not exist.
 */
export async function canSee(db: Database, actor: Actor, application: typeof applications.$inferSelect): Promise<'applicant' | 'agent' | 'staff' | null> {
  if (application.applicantId === actor.id) return 'applicant'
  const scope = staffScope(actor)
  if (scope === undefined) return 'staff'
  if (scope !== false && application.departmentId === actor.departmentId) return 'staff'
  if (application.kind !== 'claim' && await isAgentOf(db, actor.id, application.subjectId)) return 'agent'
  return null
}
