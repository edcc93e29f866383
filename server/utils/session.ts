import type { H3Event } from 'h3'
import { accountPolicy } from '../../config/accounts'
import type { Login, Role, SessionUser } from '../../shared/schemas/accounts'
import { authenticate } from '../domain/accounts/users'
import { openSession, revokeSession, sessionUser } from '../domain/accounts/sessions'
import { refuse } from './errors'
import { enforceRateLimit, loginRateLimits } from './rateLimit'
import { usePlatform } from './platform'

export const sessionMaxAge = () => Number(process.env.NUXT_SESSION_MAX_AGE || accountPolicy.sessionSeconds)

/**
 * The signed-in account, fresh from the database with its session (a changed role, a disabled account or a
 * revoked session counts at once); 401 when there is none or the session has expired, 403 when its role is
 * not among `roles`.
 */
export async function requireUser(event: H3Event, roles?: readonly Role[]): Promise<SessionUser> {
  const session = await getUserSession(event)
  const expired = !session.loggedInAt || Date.now() - session.loggedInAt > sessionMaxAge() * 1000
  const sessionId = session.secure?.sessionId
  const { db } = await usePlatform()
  const user = session.user && sessionId && !expired ? await sessionUser(db, sessionId) : undefined
  if (!user) {
    if (session.user) await clearUserSession(event)
    throw refuse(401, expired && session.user ? '登录已过期，请重新登录' : '请先登录')
  }
  if (roles && !roles.includes(user.role)) throw refuse(403, '您的账号无权进行此操作')
  return user
}

export async function startSession(event: H3Event, user: SessionUser): Promise<void> {
  const { db } = await usePlatform()
  const sessionId = await openSession(db, user.id)
  await replaceUserSession(event, { user, loggedInAt: Date.now(), secure: { sessionId } }, { maxAge: sessionMaxAge() })
}

/** One sign-in, from the page's API call or its plain form: the same limits, the same check, the same session. */
export async function signIn(event: H3Event, input: Login): Promise<SessionUser> {
  await enforceRateLimit(event, loginRateLimits.perClient)
  await enforceRateLimit(event, loginRateLimits.perAccount, input.account)
  const { db } = await usePlatform()
  const user = await authenticate(db, input.account, input.password)
  await startSession(event, user)
  return user
}

/**
 * Clearing the cookie ends its session on the server too, however it is cleared: sign-out, the client's
 * `useUserSession().clear()`, or a session found void above. A copy of the cookie kept elsewhere opens nothing.
 */
export async function endSessionOnClear(session: { secure?: { sessionId?: string } }): Promise<void> {
  const sessionId = session.secure?.sessionId
  if (!sessionId) return
  const { db } = await usePlatform()
  await revokeSession(db, sessionId)
}
