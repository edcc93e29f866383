import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { subjectAgents, users } from '../../database/schema'

/**
 * "The subject in `subjectId` is one this user acts for": an agent by an approved claim, or the natural person
 * the account is verified as. A condition for a query's WHERE, so a read decides access in the database.
 */
export function actsForSubject(userId: number, subjectId: AnyColumn | SQL): SQL {
  // coalesce: an account verified as nobody has a NULL person, and the answer must still be a plain false.
  return sql`coalesce(exists (select 1 from ${subjectAgents} where ${subjectAgents.userId} = ${userId} and ${subjectAgents.subjectId} = ${subjectId})
    or ${subjectId} = (select ${users.personSubjectId} from ${users} where ${users.id} = ${userId}), false)`
}
