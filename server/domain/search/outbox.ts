import { count, inArray, sql } from 'drizzle-orm'
import { todayInChina } from '../../../shared/utils/dates'
import { outbox } from '../../database/schema'
import type { Database } from '../../utils/db'
import type { SearchService } from '../../utils/search'
import { toSearchDocument } from './document'
import { indexSourcesByIds } from './source'

/** How long a claim holds before another worker may take the rows over (a crashed worker's rows). */
const CLAIM_SECONDS = 120

/**
 * Claims a batch of outbox rows. Claims are leases rather than open transactions, so several
 * instances can drain at once without holding a transaction across a call to Meilisearch.
 */
async function claim(db: Database, limit: number): Promise<{ ids: number[], recordIds: number[] }> {
  const result = await db.execute<{ id: string, record_id: string }>(sql`
    update outbox set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
    where id in (
      select id from outbox where claimed_until is null or claimed_until < now()
      order by id limit ${limit} for update skip locked
    )
    returning id, record_id`)
  return {
    ids: result.rows.map(r => Number(r.id)),
    recordIds: [...new Set(result.rows.map(r => Number(r.record_id)))],
  }
}

/**
 * Moves one batch of changes into the index: the current state of each record is read now, so the
 * order of changes does not matter. Rows are deleted only after Meilisearch has applied them; on
 * failure the lease lapses and they are tried again. Returns how many outbox rows were done.
 */
export async function drainOnce(db: Database, search: SearchService, limit = 5000): Promise<number> {
  const { ids, recordIds } = await claim(db, limit)
  if (!ids.length) return 0
  try {
    const today = todayInChina()
    const sources = await indexSourcesByIds(db, recordIds)
    const documents = sources.map(s => toSearchDocument(s, today)).filter(d => d !== null)
    const indexed = new Set(documents.map(d => d.id))
    const removed = recordIds.filter(id => !indexed.has(id))
    const tasks = []
    if (documents.length) tasks.push(search.records.addDocuments(documents, { primaryKey: 'id' }).waitTask({ timeout: 600_000 }))
    if (removed.length) tasks.push(search.records.deleteDocuments(removed).waitTask({ timeout: 600_000 }))
    for (const task of await Promise.all(tasks)) {
      if (task.status !== 'succeeded') throw new Error(`Meilisearch task ${task.uid} ${task.status}: ${task.error?.message ?? ''}`)
    }
    await db.delete(outbox).where(inArray(outbox.id, ids))
    return ids.length
  }
  catch (error) {
    await db.update(outbox).set({ claimedUntil: null }).where(inArray(outbox.id, ids))
    throw error
  }
}

/** Drains until the outbox is empty; returns the rows done. */
export async function drainAll(db: Database, search: SearchService, limit = 5000): Promise<number> {
  let total = 0
  for (let done = await drainOnce(db, search, limit); done > 0; done = await drainOnce(db, search, limit)) total += done
  return total
}

export async function outboxLag(db: Database): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox)
  return row?.n ?? 0
}

/** Queues records for the index (within the caller's transaction when given one). */
export async function enqueue(db: Pick<Database, 'execute'>, recordIds: number[]): Promise<void> {
  for (let i = 0; i < recordIds.length; i += 10_000) {
    const ids = recordIds.slice(i, i + 10_000).map(Number)
    await db.execute(sql`insert into outbox (record_id) select json_array_elements_text(${JSON.stringify(ids)}::json)::bigint`)
  }
}
