import { sql } from 'drizzle-orm'
import { headerOf } from '../../../shared/columns'
import { kindLabels, type RecordFamily } from '../../../shared/kinds'
import { recordRowSchema, type RecordRow } from '../../../shared/schemas/recordRow'
import type { IngestError, IngestResult } from '../../../shared/schemas/ingest'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'
import { logError } from '../../utils/log'
import { loadDepartments, type DepartmentDirectory, type DepartmentInfo } from '../departments'
import type { RawRow } from './rows'
import { writeBatch, type AcceptedRow } from './write'

export interface IngestOptions {
  /** Set by an API key or `--department`: every row must then be this department's. */
  department?: DepartmentInfo
  actor: string
  today?: IsoDate
  batchSize?: number
  onProgress?: (processed: number) => void
}

function rowKey(b: AcceptedRow): string {
  return `${b.departmentId}|${b.record.kind}|${b.record.documentNumber}`
}

/** Which department a row belongs to, and whether the catalog lets it publish the row's kind. */
function assignDepartment(record: RecordRow, directory: DepartmentDirectory, forced: DepartmentInfo | undefined, family: RecordFamily): { department: DepartmentInfo } | IngestError {
  const stated = record.sourceDepartmentCreditCode
    ? directory.byCreditCode.get(record.sourceDepartmentCreditCode)
    : directory.byName.get(record.sourceDepartment ?? '')
  const sourceHeader = headerOf(family, 'sourceDepartmentCreditCode')
  if (forced && record.sourceDepartmentCreditCode && record.sourceDepartmentCreditCode !== forced.creditCode) {
    return { row: 0, field: sourceHeader, reason: `数据来源单位与提交单位（${forced.name}）不一致，不能代其他单位报送` }
  }
  const department = forced ?? stated
  if (!department) {
    return { row: 0, field: sourceHeader, reason: `数据来源单位“${record.sourceDepartment ?? record.sourceDepartmentCreditCode}”不是本市已登记的数据来源单位` }
  }
  if (!department.kinds.has(record.kind)) {
    return { row: 0, field: headerOf(family, family === 'action' || family === 'list' ? 'category' : 'documentNumber'), reason: `${department.name}未获准报送“${kindLabels[record.kind]}”信息（公共信用信息目录）` }
  }
  return { department }
}

/**
 * The one ingest pipeline behind the CLI, the upload and the JSON API: validate each row, write good
 * rows in batches (each batch its own transaction, so nothing accepted is lost if a later one fails),
 * and report every bad row with its number, column and a reason a clerk understands.
 */
export async function ingestRows(db: Database, family: RecordFamily, rows: AsyncIterable<RawRow>, options: IngestOptions): Promise<IngestResult> {
  const today = options.today ?? todayInChina()
  const batchSize = options.batchSize ?? 2000
  const schema = recordRowSchema(family)
  const directory = await loadDepartments(db)
  const result: IngestResult = { accepted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }
  let batch: AcceptedRow[] = []
  let keys = new Set<string>()
  let processed = 0

  const reject = (row: number, field: string, reason: string) => {
    result.rejected++
    result.errors.push({ row, field, reason })
  }
  /** Writes a batch; a batch the database refuses is retried row by row, so one bad row sinks nothing else. */
  const write = async (current: AcceptedRow[]): Promise<void> => {
    try {
      const outcome = await writeBatch(db, current, options.actor, today)
      result.accepted += outcome.inserted.length
      result.updated += outcome.updated.length
      result.unchanged += outcome.unchanged
    }
    catch (error) {
      if (current.length > 1) {
        for (const single of current) await write([single])
        return
      }
      // The database's message quotes the row's values (ID numbers among them): it goes nowhere.
      logError(`[ingest] row ${current[0]!.row} not saved: ${(error as { cause?: { code?: string } }).cause?.code ?? 'database error'}`)
      reject(current[0]!.row, '', '该行保存失败，请核对后重新报送；如仍失败请联系市信用办')
    }
  }
  // One batch is written while the next is read and validated; writes stay in file order.
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    await writing
    if (!batch.length) return
    const current = batch
    batch = []
    keys = new Set()
    const done = processed
    writing = write(current).then(() => options.onProgress?.(done))
  }

  for await (const raw of rows) {
    processed++
    const parsed = schema.safeParse(raw.values)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      reject(raw.row, headerOf(family, String(issue.path[0] ?? '')), issue.message)
      continue
    }
    const record = parsed.data
    if (record.decisionDate > today) {
      reject(raw.row, headerOf(family, 'decisionDate'), `决定日期${record.decisionDate}晚于今天，请核对`)
      continue
    }
    const assigned = assignDepartment(record, directory, options.department, family)
    if ('reason' in assigned) {
      reject(raw.row, assigned.field, assigned.reason)
      continue
    }
    const accepted: AcceptedRow = { row: raw.row, departmentId: assigned.department.id, record }
    // The same record twice in one batch: write the first before taking the second as its update.
    if (keys.has(rowKey(accepted))) await flush()
    keys.add(rowKey(accepted))
    batch.push(accepted)
    if (batch.length >= batchSize) await flush()
  }
  await flush()
  await writing
  // After a large load the planner needs new statistics; PGlite has no autovacuum to gather them.
  if (result.accepted >= 10_000) await db.execute(sql`analyze records, subjects`)
  result.errors.sort((a, b) => a.row - b.row)
  return result
}


