import type { Role } from './schemas/accounts'

/**
 * The role sets that decide access, named once. "Staff" and "office" are two different sets: every console
 * account, versus the city-wide accounts that see every department's work. Import these instead of writing
 * a list of roles where it is used.
 */

/** Staff: every account of the console (a department's reviewer, the credit office, the admin); created by an admin. */
export const staffRoles = ['department_reviewer', 'credit_office', 'admin'] as const satisfies readonly Role[]

/** The city-wide staff: the credit office and the admin see and decide every department's work. */
export const officeRoles = ['credit_office', 'admin'] as const satisfies readonly Role[]

/** Accounts and the audit log. */
export const adminRoles = ['admin'] as const satisfies readonly Role[]

/** Whether a role (of a session that may be absent) is in a set. */
export const hasRole = (roles: readonly Role[], role: Role | null | undefined): boolean => !!role && roles.includes(role)
export const isStaffRole = (role: Role | null | undefined) => hasRole(staffRoles, role)
export const isOfficeRole = (role: Role | null | undefined) => hasRole(officeRoles, role)
