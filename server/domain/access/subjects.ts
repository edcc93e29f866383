import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { subjectAgents, users } from '../../database/schema'

/** The ids of the subjects a user acts for: by approved claims, and the natural person it is verified as. */
function subjectIdsOf(userId: number): SQL {
  return sql`select ${subjectAgents.subjectId} from ${subjectAgents} where ${subjectAgents.userId} = ${userId}
    union all select ${users.personSubjectId} from ${users} where ${users.id} = ${userId} and ${users.personSubjectId} is not null`
}

/**
 * "The subject in `subjectId` is one this user acts for": an agent by an approved claim, or the natural person
 * the account is verified as. A condition for a query's WHERE, so a read decides access in the database.
 * The subquery does not depend on the row: PostgreSQL runs it once and probes its hash, for one row or a list.
 */
export function actsForSubject(userId: number, subjectId: AnyColumn | SQL): SQL<boolean> {
  // coalesce: a NULL column is a plain false, never NULL (which `not (...)` would keep NULL and lose rows).
  return sql<boolean>`coalesce(${subjectId} in (${subjectIdsOf(userId)}), false)`
}

/**
 * How this user acts for the subject in `subjectId`: 'person' when the account is verified as that natural
 * person, 'agent' by an approved claim, NULL when it does not act for it. For a row the query has already
 * narrowed with `actsForSubject`.
 */
export function actingAs(userId: number, subjectId: AnyColumn | SQL): SQL<'person' | 'agent' | null> {
  return sql<'person' | 'agent' | null>`case
    when ${subjectId} = (select ${users.personSubjectId} from ${users} where ${users.id} = ${userId}) then 'person'
    when ${actsForSubject(userId, subjectId)} then 'agent'
  end`
}
