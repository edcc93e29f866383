import { and, eq, ne, not, or, sql } from 'drizzle-orm'
import { applications } from '../../database/schema'
import type { Database } from '../../utils/db'
import { inStaffScope } from '../access/staff'
import { actsForSubject } from '../access/subjects'
import type { Actor, Standing } from './machine'

/** How an actor stands to the application row of the query, as SQL conditions. */
function conditions(actor: Actor) {
  const applicant = eq(applications.applicantId, actor.id)
  const agent = actsForSubject(actor.id, applications.subjectId)
  const staff = inStaffScope(actor, applications.departmentId)
  // Claims are personal: an agent of the subject does not see someone else's claim for it.
  const visible = or(applicant, staff, and(ne(applications.kind, 'claim'), agent))!
  return { applicant, agent, staff, visible }
}

/** "The application in the query's row is one this actor may see", for a WHERE joining `applications`. */
export const visibleTo = (actor: Actor) => conditions(actor).visible

/**
 * 回避 in SQL (machine.ts `recused`): the applications this staff member neither filed nor acts for the
 * subject of. The review queue offers only these, since the others are not theirs to decide.
 */
export function notRecused(actor: Actor) {
  const { applicant, agent } = conditions(actor)
  return not(or(applicant, agent)!)
}

export type Access = 'applicant' | 'agent' | 'staff'

/**
 * One application as an actor finds it, in one query: whether it may see it at all (its applicant, an agent
 * of its subject except for claims, which are personal, or staff in scope) and how it stands to it, which
 * decides what it may do (machine.ts: staff who filed it or act for its subject do not decide it).
 */
export async function applicationFor(db: Database, actor: Actor, id: number) {
  const { applicant, agent, staff, visible } = conditions(actor)
  const [row] = await db.select({
    application: applications,
    applicant: sql<boolean>`${applicant}`,
    agent: sql<boolean>`${agent}`,
    staff: sql<boolean>`${staff}`,
  }).from(applications).where(and(eq(applications.id, id), visible))
  if (!row) return undefined
  const access: Access = row.applicant ? 'applicant' : row.staff ? 'staff' : 'agent'
  const standing: Standing = { applicant: row.applicant, agent: row.agent }
  return { application: row.application, access, standing }
}
