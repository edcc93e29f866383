import { and, eq, isNull } from 'drizzle-orm'
import type { Role } from '../../shared/schemas/accounts'
import { messages, users } from '../database/schema'
import type { Database } from '../utils/db'
import type { Mailer } from '../utils/mail'

export interface Notice { title: string, body: string, link?: string }

/**
 * Puts a message in the user's box and, when SMTP is configured and the user has an e-mail address,
 * sends it by mail too; a mail failure never undoes the message or the step it reports.
 */
export async function notify(db: Database, mailer: Mailer | null, userId: number, notice: Notice, siteUrl = ''): Promise<void> {
  await db.insert(messages).values({ userId, title: notice.title, body: notice.body, link: notice.link ?? null })
  if (!mailer) return
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId))
  if (!user?.email) return
  const text = notice.link ? `${notice.body}\n\n${siteUrl}${notice.link}` : notice.body
  await mailer.send(user.email, notice.title, text)
}

/** Tells every active account of a staff role (a department's reviewers when `departmentId` is given). */
export async function notifyStaff(db: Database, mailer: Mailer | null, to: { role: Role, departmentId?: number | null }, notice: Notice, siteUrl = ''): Promise<void> {
  const staff = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, to.role), to.departmentId ? eq(users.departmentId, to.departmentId) : undefined, isNull(users.disabledAt)))
  for (const user of staff) await notify(db, mailer, user.id, notice, siteUrl)
}
