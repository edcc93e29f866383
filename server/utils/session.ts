import type { H3Event } from 'h3'
import { accountPolicy } from '../../config/accounts'
import type { Role, SessionUser } from '../../shared/schemas/accounts'
import { activeUser } from '../domain/accounts/users'
import { refuse } from './errors'
import { usePlatform } from './platform'

export const sessionMaxAge = () => Number(process.env.NUXT_SESSION_MAX_AGE || accountPolicy.sessionSeconds)

/**
 * The signed-in account, fresh from the database (a changed role or a disabled account counts at once);
 * 401 when there is none or the session has expired, 403 when its role is not among `roles`.
 */
export async function requireUser(event: H3Event, roles?: readonly Role[]): Promise<SessionUser> {
  const session = await getUserSession(event)
  const expired = !session.loggedInAt || Date.now() - session.loggedInAt > sessionMaxAge() * 1000
  const { db } = await usePlatform()
  const user = session.user && !expired ? await activeUser(db, session.user.id, session.loggedInAt) : undefined
  if (!user) {
    if (session.user) await clearUserSession(event)
    throw refuse(401, expired && session.user ? '登录已过期，请重新登录' : '请先登录')
  }
  if (roles && !roles.includes(user.role)) throw refuse(403, '您的账号无权进行此操作')
  return user
}

export async function startSession(event: H3Event, user: SessionUser): Promise<void> {
  await replaceUserSession(event, { user, loggedInAt: Date.now() }, { maxAge: sessionMaxAge() })
}
