import { and, desc, eq, gte, ilike, lt, type SQL } from 'drizzle-orm'
import type { AuditQuery } from '../../shared/schemas/admin'
import { auditLog } from '../database/schema'
import type { Database } from '../utils/db'

export type AuditEntry = Omit<typeof auditLog.$inferInsert, 'id' | 'at'>

/**
 * Every change and every staff read of non-public data (DOMAIN.md rule 9). `db` may be a transaction,
 * so the entry commits or rolls back with the change it describes.
 */
export async function recordAudit(db: Pick<Database, 'insert'>, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry)
}

/** The actor string of a signed-in account, as audit entries name it. */
export const actorOf = (user: { id: number, role: string }) => `user:${user.id}:${user.role}`

export async function listAudit(db: Database, query: AuditQuery) {
  const where: SQL[] = []
  if (query.actor) where.push(ilike(auditLog.actor, `%${query.actor}%`))
  if (query.action) where.push(eq(auditLog.action, query.action))
  if (query.entity) where.push(eq(auditLog.entity, query.entity))
  if (query.before) where.push(lt(auditLog.id, query.before))
  // A date means that day in China, not at UTC midnight.
  if (query.since) where.push(gte(auditLog.at, new Date(`${query.since}T00:00:00+08:00`)))
  return db.select().from(auditLog).where(where.length ? and(...where) : undefined).orderBy(desc(auditLog.id)).limit(query.limit)
}
