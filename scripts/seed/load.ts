import type { RecordFamily } from '../../shared/kinds'
import type { IngestResult } from '../../shared/schemas/ingest'
import { todayInChina } from '../../shared/utils/dates'
import { ingestRows } from '../../server/domain/ingest/index'
import type { RawRow } from '../../server/domain/ingest/rows'
import type { Database } from '../../server/utils/db'
import { generateRows, type GenerateOptions } from './generate'

export interface SeedOptions extends GenerateOptions {
  actor?: string
  /** Rows per database transaction (ingestRows' batch); ~1,900 is the ceiling of PostgreSQL's 65,535 parameters. */
  batchSize?: number
  /** Rows generated before they are handed to ingestRows family by family; bounds the memory held. */
  chunk?: number
  /** Error entries kept in the result (the counts stay exact). */
  maxErrors?: number
  onProgress?: (done: number, total: number) => void
}

async function* iterate(rows: RawRow[]): AsyncGenerator<RawRow> {
  yield* rows
}

/**
 * Generates `count` records and loads them through the one ingest pipeline (validation, catalog check,
 * batches, outbox), a chunk at a time grouped by family, so a million rows never sit in memory at once.
 */
export async function seedRecords(db: Database, count: number, options: SeedOptions = {}): Promise<IngestResult> {
  const today = options.today ?? todayInChina()
  const chunk = options.chunk ?? 20_000
  const maxErrors = options.maxErrors ?? 100
  const total: IngestResult = { accepted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }
  let pending = new Map<RecordFamily, RawRow[]>()
  let buffered = 0
  let done = 0

  const flush = async () => {
    for (const [family, rows] of pending) {
      const result = await ingestRows(db, family, iterate(rows), {
        actor: options.actor ?? 'seed',
        today,
        batchSize: options.batchSize ?? 1000,
      })
      total.accepted += result.accepted
      total.updated += result.updated
      total.unchanged += result.unchanged
      total.rejected += result.rejected
      total.errors.push(...result.errors.slice(0, Math.max(0, maxErrors - total.errors.length)))
      done += rows.length
    }
    pending = new Map()
    buffered = 0
    options.onProgress?.(done, count)
  }

  for (const { family, row } of generateRows(count, { ...options, today })) {
    let rows = pending.get(family)
    if (!rows) pending.set(family, rows = [])
    rows.push(row)
    if (++buffered >= chunk) await flush()
  }
  await flush()
  total.errors.sort((a, b) => a.row - b.row)
  return total
}
