import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { users } from '../../database/schema'

/**
 * "The department in `departmentId` is one this user reviews for": the user is a department reviewer of it.
 * A condition for a query's WHERE, read from the account's row, so a read decides access in the database.
 */
export function reviewsForDepartment(userId: number, departmentId: AnyColumn | SQL): SQL {
  // coalesce: a reviewer without a department, or a NULL column, must still give a plain false.
  return sql`coalesce(${departmentId} = (select ${users.departmentId} from ${users} where ${users.id} = ${userId} and ${users.role} = 'department_reviewer'), false)`
}
