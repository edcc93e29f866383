import { sql } from 'drizzle-orm'
import type { RecordFamily } from '../../shared/kinds'
import type { IngestResult } from '../../shared/schemas/ingest'
import { todayInChina } from '../../shared/utils/dates'
import { ingestRows } from '../../server/domain/ingest/index'
import type { RawRow } from '../../server/domain/ingest/rows'
import type { Database } from '../../server/utils/db'
import { generateRows, type GenerateOptions } from './generate'

export interface SeedOptions extends GenerateOptions {
  actor?: string
  /** Rows per database transaction (ingestRows' batch). */
  batchSize?: number
  /**
   * Rows of one family gathered before they go to ingestRows. Kept under ingestRows' own ANALYZE
   * threshold (10,000 accepted rows), so a large seed is analysed once at its end, not after every chunk.
   */
  chunk?: number
  /** Error entries kept in the result (the counts stay exact). */
  maxErrors?: number
  onProgress?: (done: number, total: number) => void
}

async function* iterate(rows: RawRow[]): AsyncGenerator<RawRow> {
  yield* rows
}

/**
 * Generates `count` records in one pass and loads them through the one ingest pipeline (validation,
 * catalog check, batches, outbox), a chunk of one family at a time: at most a chunk per family is held
 * in memory, so a million rows never are.
 */
export async function seedRecords(db: Database, count: number, options: SeedOptions = {}): Promise<IngestResult> {
  const today = options.today ?? todayInChina()
  const chunk = options.chunk ?? 9_000
  const maxErrors = options.maxErrors ?? 100
  const total: IngestResult = { accepted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }
  const pending = new Map<RecordFamily, RawRow[]>()
  let done = 0

  const flush = async (family: RecordFamily) => {
    const rows = pending.get(family)
    if (!rows?.length) return
    pending.delete(family)
    const result = await ingestRows(db, family, iterate(rows), { actor: options.actor ?? 'seed', today, batchSize: options.batchSize })
    total.accepted += result.accepted
    total.updated += result.updated
    total.unchanged += result.unchanged
    total.rejected += result.rejected
    total.errors.push(...result.errors.slice(0, Math.max(0, maxErrors - total.errors.length)))
    done += rows.length
    options.onProgress?.(done, count)
  }

  for (const { family, row } of generateRows(count, { ...options, today })) {
    let rows = pending.get(family)
    if (!rows) pending.set(family, rows = [])
    rows.push(row)
    if (rows.length >= chunk) await flush(family)
  }
  for (const family of [...pending.keys()]) await flush(family)
  // PGlite has no autovacuum: after a large load the planner needs fresh statistics.
  if (total.accepted + total.updated >= 10_000) await db.execute(sql`analyze records, subjects`)
  total.errors.sort((a, b) => a.row - b.row)
  return total
}
