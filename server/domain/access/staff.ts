import { sql, type AnyColumn, type SQL } from 'drizzle-orm'
import { isOfficeRole } from '../../../shared/roles'
import type { Actor } from '../workflow/machine'
import { reviewsForDepartment } from './departments'

/**
 * "Work of `departmentId` is in this staff member's scope": all of it for the city-wide office roles, a
 * reviewer's own department's, nothing for anyone else. A condition for a query's WHERE.
 */
export function inStaffScope(actor: Actor, departmentId: AnyColumn | SQL): SQL {
  if (isOfficeRole(actor.role)) return sql`true`
  return reviewsForDepartment(actor.id, departmentId)
}
