import { sql } from 'drizzle-orm'
import type { Platform } from '../utils/platform'
import { commitmentOutboxLag } from './commitments/outbox'
import { outboxLag } from './search/outbox'

export interface Health { status: 'ok' | 'degraded', db: 'ok' | 'unavailable', search: 'ok' | 'unavailable', indexLag: number | null }

export async function healthOf({ db, search }: Platform): Promise<Health> {
  const [dbOk, searchOk] = await Promise.all([
    db.execute(sql`select 1`).then(() => true, () => false),
    search ? search.client.isHealthy() : Promise.resolve(false),
  ])
  // Both indexes count: a commitment not yet searchable is lag as much as a record.
  const indexLag = dbOk ? await outboxLag(db) + await commitmentOutboxLag(db) : null
  return {
    status: dbOk && searchOk ? 'ok' : 'degraded',
    db: dbOk ? 'ok' : 'unavailable',
    search: searchOk ? 'ok' : 'unavailable',
    indexLag,
  }
}
