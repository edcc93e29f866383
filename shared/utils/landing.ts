import { isStaffRole } from '../roles'
import type { Role } from '../schemas/accounts'

/**
 * Where a sign-in lands: the page asked for, if it is a path on this site (an open redirect would send people
 * to a look-alike page), else the console for staff and 我的 for everyone else. The page and the no-JavaScript
 * form route both ask here.
 */
export function landingAfterLogin(redirect: unknown, role: Role | undefined): string {
  const target = typeof redirect === 'string' ? redirect : ''
  if (target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\')) return target
  return isStaffRole(role) ? '/admin' : '/me'
}
