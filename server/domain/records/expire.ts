import { sql } from 'drizzle-orm'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'
import { enqueue } from '../search/outbox'

/** Guards the task when several instances run it (ARCHITECTURE.md, scheduled work). */
const EXPIRY_LOCK = 727_001

/**
 * DOMAIN.md rule 3: a record past its last public day leaves view by itself, with no staff action.
 * Search already filters on the date; this makes the database say so and takes it out of the index.
 * Returns the records expired, or null when another instance holds the task.
 */
export async function expirePublications(db: Database, today: IsoDate = todayInChina()): Promise<number[] | null> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(${EXPIRY_LOCK}) as locked`)
    if (!lock.rows[0]?.locked) return null
    const expired = await tx.execute<{ id: string }>(sql`
      update records set state = 'expired', updated_at = now()
      where state = 'active' and public_until < ${today}
      returning id`)
    const ids = expired.rows.map(r => Number(r.id))
    if (ids.length) {
      await enqueue(tx, ids)
      await tx.execute(sql`insert into audit_log (actor, action, entity, detail) values ('system', 'records.expire', 'record', ${JSON.stringify({ ids, today })}::jsonb)`)
    }
    return ids
  })
}
