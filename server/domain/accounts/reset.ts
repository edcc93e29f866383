import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import { accountPolicy } from '../../../config/accounts'
import { passwordResets, users } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { Mailer } from '../../utils/mail'
import { refuse } from '../../utils/errors'
import { recordAudit } from '../audit'
import { hashPassword } from './password'
import { revokeAllSessions } from './sessions'
import { findUserByAccount } from './users'

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/**
 * Mails a one-time reset link to the account's e-mail address. An unknown account, or one without an
 * address, gets nothing, and the caller answers the same either way.
 */
export async function requestReset(db: Database, mailer: Mailer, account: string, siteUrl: string, now = new Date()): Promise<void> {
  const user = await findUserByAccount(db, account)
  if (!user || user.disabledAt || !user.email) return
  const token = randomBytes(24).toString('base64url')
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt: new Date(now.getTime() + accountPolicy.resetLinkMinutes * 60_000) })
  const link = `${siteUrl}/reset?token=${token}&account=${encodeURIComponent(account)}`
  await mailer.send(user.email, '重设密码', `您正在重设信用中国（辽宁朝阳）账号的密码。请在${accountPolicy.resetLinkMinutes}分钟内打开以下链接设置新密码：\n${link}\n如非本人操作，请忽略本邮件。`)
}

/** Sets the new password, unlocks the account and signs out every device (revokes all its sessions). */
export async function confirmReset(db: Database, token: string, account: string, password: string, now = new Date()): Promise<void> {
  const user = await findUserByAccount(db, account)
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => {
    const [reset] = await tx.update(passwordResets).set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning()
    if (!reset || reset.userId !== user?.id) throw refuse(400, '重置链接无效或已过期，请重新申请', 'token')
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, reset.userId))
    await revokeAllSessions(tx, reset.userId, now)
    await recordAudit(tx, { actor: `user:${reset.userId}`, action: 'password.reset', entity: 'user', entityId: String(reset.userId) })
  })
}
