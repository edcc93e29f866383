import { gte, sql } from 'drizzle-orm'
import type { EnqueuedTaskPromise } from 'meilisearch'
import { todayInChina } from '../../../shared/utils/dates'
import { records } from '../../database/schema'
import type { Database } from '../../utils/db'
import { applyIndexSettings, type SearchService } from '../../utils/search'
import { toSearchDocument, type SearchDocument } from './document'
import { enqueue } from './outbox'
import { candidatePage } from './source'

const PAGE = 10_000
// Index administration waits behind whatever the task queue holds: minutes, not the client's 5 s default.
const ADMIN_WAIT = { timeout: 600_000 }

/** Waits for queued tasks: tasks of one index run in order, so the last one's end is everyone's. */
async function settle(search: SearchService, tasks: EnqueuedTaskPromise[]): Promise<void> {
  if (!tasks.length) return
  const enqueued = await Promise.all(tasks)
  await search.client.tasks.waitForTask(enqueued.at(-1)!.taskUid, { timeout: 0, interval: 250 })
  const failed = await search.client.tasks.getTasks({ uids: enqueued.map(t => t.taskUid), statuses: ['failed', 'canceled'] })
  if (failed.results.length) {
    const first = failed.results[0]!
    throw new Error(`Meilisearch task ${first.uid} ${first.status}: ${first.error?.message ?? ''}`)
  }
}

/**
 * Rebuilds the index from the database into a fresh index and swaps it in, so searches never see a
 * half-built index. Changes queued before it started are settled by it; changes made while it runs
 * are queued again once the swap is done.
 */
export async function reindex(db: Database, search: SearchService, onProgress?: (documents: number) => void): Promise<number> {
  const startedAt = new Date()
  // PGlite runs no autovacuum: without fresh statistics the walk below picks a plan several times slower.
  await db.execute(sql`analyze records, subjects`)
  // Changes queued before the rebuild starts are in the state it reads: the rebuild settles them.
  const [{ settled } = { settled: 0 }] = (await db.execute<{ settled: string | null }>(sql`select max(id) as settled from outbox`)).rows
    .map(r => ({ settled: Number(r.settled ?? 0) }))
  const building = `${search.indexName}_rebuild`
  await search.client.deleteIndex(building).waitTask(ADMIN_WAIT)
  await applyIndexSettings(search, building)
  const target = search.client.index<SearchDocument>(building)
  const today = todayInChina()
  let total = 0
  // Every batch is queued at once: Meilisearch merges queued additions into large batches, which index
  // far faster than small ones waited for in turn. The payloads wait in its task queue, not in memory here.
  const pending: EnqueuedTaskPromise[] = []
  for (let afterId = 0; ;) {
    const page = await candidatePage(db, afterId, PAGE)
    if (!page.length) break
    afterId = page.at(-1)!.id
    const documents = page.map(s => toSearchDocument(s, today)).filter(d => d !== null)
    if (documents.length) pending.push(target.addDocuments(documents, { primaryKey: 'id' }))
    total += documents.length
    onProgress?.(total)
  }
  await settle(search, pending)
  await search.client.createIndex(search.indexName, { primaryKey: 'id' }).waitTask(ADMIN_WAIT)
  await search.client.swapIndexes([{ indexes: [search.indexName, building], rename: false }]).waitTask(ADMIN_WAIT)
  await search.client.deleteIndex(building).waitTask(ADMIN_WAIT)
  await db.execute(sql`delete from outbox where id <= ${settled}`)
  await db.execute(sql`insert into outbox (record_id) select id from ${records} where ${gte(records.updatedAt, startedAt)}`)
  return total
}

export interface Drift { missing: number, stale: number, extra: number }

/**
 * Compares the index with the database window by window of ids and queues every difference in the
 * outbox (missing, stale or not-public documents); the drain then repairs it.
 */
export async function reconcile(db: Database, search: SearchService): Promise<Drift> {
  const drift: Drift = { missing: 0, stale: 0, extra: 0 }
  const today = todayInChina()
  const [{ maxId } = { maxId: 0 }] = (await db.execute<{ maxId: string | null }>(sql`select max(id) as "maxId" from records`)).rows
    .map(r => ({ maxId: Number(r.maxId ?? 0) }))
  const toQueue: number[] = []
  for (let from = 0; from <= maxId; from += PAGE) {
    const to = from + PAGE
    const expected = new Map<number, string>()
    // A window of PAGE ids holds at most PAGE records.
    for (const source of (await candidatePage(db, from, PAGE)).filter(s => s.id <= to)) {
      const document = toSearchDocument(source, today)
      if (document) expected.set(document.id, document.rev)
    }
    const indexed = await search.records.getDocuments({ filter: `id > ${from} AND id <= ${to}`, fields: ['id', 'rev'], limit: PAGE + 1 })
    const seen = new Set<number>()
    for (const document of indexed.results) {
      seen.add(document.id)
      const rev = expected.get(document.id)
      if (rev === undefined) drift.extra++
      else if (rev !== document.rev) drift.stale++
      else continue
      toQueue.push(document.id)
    }
    for (const id of expected.keys()) {
      if (!seen.has(id)) {
        drift.missing++
        toQueue.push(id)
      }
    }
  }
  // Documents past the last record (a record deleted from the database, a stray write) are extra too.
  const windowsEnd = (Math.floor(maxId / PAGE) + 1) * PAGE
  for (let offset = 0; ; offset += PAGE) {
    const beyond = await search.records.getDocuments({ filter: `id > ${windowsEnd}`, fields: ['id'], limit: PAGE, offset })
    drift.extra += beyond.results.length
    toQueue.push(...beyond.results.map(d => d.id))
    if (beyond.results.length < PAGE) break
  }
  await enqueue(db, toQueue)
  return drift
}
