import { and, eq, isNull } from 'drizzle-orm'
import type { SessionUser } from '../../../shared/schemas/accounts'
import { sessions, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import { sessionUserOf } from './users'

type Writer = Pick<Database, 'update'>

/** How stale `last_seen_at` may get before a request writes it again: one write per session per minute, not per request. */
const lastSeenEveryMs = 60_000

export async function openSession(db: Database, userId: number): Promise<string> {
  const [row] = await db.insert(sessions).values({ userId }).returning({ id: sessions.id })
  return row!.id
}

/**
 * The account behind a live session, in one query: the session not revoked, the account not disabled.
 * Undefined otherwise, and then the cookie opens nothing.
 */
export async function sessionUser(db: Database, sessionId: string, now = new Date()): Promise<SessionUser | undefined> {
  const [row] = await db.select({ user: users, lastSeenAt: sessions.lastSeenAt }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), isNull(users.disabledAt)))
  if (!row) return undefined
  if (now.getTime() - row.lastSeenAt.getTime() > lastSeenEveryMs) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId))
  return sessionUserOf(row.user)
}

/** Signing out: this session only. */
export async function revokeSession(db: Writer, sessionId: string, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
}

/** Every session of the account: "sign out everywhere", a password reset, a disabled account. */
export async function revokeAllSessions(db: Writer, userId: number, now = new Date()): Promise<void> {
  await db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
}
