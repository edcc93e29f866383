import { sql } from 'drizzle-orm'
import { headerOf } from '../../../shared/columns'
import { kindLabels, type RecordFamily } from '../../../shared/kinds'
import { recordRowSchema, type RecordRow } from '../../../shared/schemas/recordRow'
import type { IngestError, IngestResult, IngestWarning } from '../../../shared/schemas/ingest'
import { todayInChina, type IsoDate } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'
import { legacyCreditCodes } from '../city'
import { logError } from '../../utils/log'
import { loadDepartments, type DepartmentDirectory, type DepartmentInfo } from '../departments'
import { IngestInterruptedError, writeFault } from './interrupted'
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
 * and report every bad row with its number, column and a reason a clerk understands. A failure of the
 * database itself is no row's fault: it stops the ingest with an IngestInterruptedError that says what
 * is saved and from which row to send again.
 */
export async function ingestRows(db: Database, family: RecordFamily, rows: AsyncIterable<RawRow>, options: IngestOptions): Promise<IngestResult> {
  const today = options.today ?? todayInChina()
  const batchSize = options.batchSize ?? 2000
  const legacy = legacyCreditCodes()
  const schema = recordRowSchema(family, { legacyCreditCodes: legacy })
  const result: IngestResult = { accepted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }
  const warnings: IngestWarning[] = []
  let batch: AcceptedRow[] = []
  let keys = new Set<string>()
  let processed = 0
  let firstRow: number | null = null
  let failure: { error: unknown, resendFrom: number } | undefined

  /** What is saved and refused before the row to send again from. */
  const interrupted = (error: unknown, resendFrom: number | null) => {
    const before = <T extends { row: number }>(list: T[]) => list.filter(e => resendFrom === null || e.row < resendFrom).sort((a, b) => a.row - b.row)
    const errors = before(result.errors)
    const saved: IngestResult = { ...result, rejected: errors.length, errors, ...(warnings.length ? { warnings: before(warnings) } : {}) }
    return new IngestInterruptedError({ firstRow, resendFrom, result: saved }, error)
  }

  let directory: DepartmentDirectory
  try {
    directory = await loadDepartments(db)
  }
  catch (error) {
    throw interrupted(error, null)
  }

  const reject = (row: number, field: string, reason: string) => {
    result.rejected++
    result.errors.push({ row, field, reason })
  }
  /** A row taken with a listed legacy code says so, once it is saved. */
  const noteLegacy = (b: AcceptedRow) => {
    for (const key of ['creditCode', 'authorityCreditCode'] as const) {
      const code = b.record[key]
      if (code && legacy.has(code)) {
        const header = headerOf(family, key)
        warnings.push({ row: b.row, field: header, message: `${header}为已登记的历史代码（校验位不符合GB 32100），已按例外接受` })
      }
    }
  }
  /**
   * Writes a batch. One the database refuses for a row's data is retried row by row, so one bad row sinks
   * nothing else; one that lost a race is tried again; any other failure stops the ingest.
   */
  const write = async (current: AcceptedRow[], attempt = 1): Promise<void> => {
    try {
      const outcome = await writeBatch(db, current, options.actor, today)
      result.accepted += outcome.inserted.length
      result.updated += outcome.updated.length
      result.unchanged += outcome.unchanged
      if (legacy.size) current.forEach(noteLegacy)
    }
    catch (error) {
      // The database's message quotes the row's values (ID numbers among them): only its code is logged.
      const code = (error as { cause?: { code?: string } }).cause?.code ?? 'database error'
      const fault = writeFault(error)
      if (fault === 'retry' && attempt < 3) return write(current, attempt + 1)
      if (fault === 'row' && current.length > 1) {
        for (const single of current) {
          if (failure) return
          await write([single])
        }
        return
      }
      if (fault === 'row') {
        logError(`[ingest] row ${current[0]!.row} not saved: ${code}`)
        reject(current[0]!.row, '', '该行保存失败，请核对后重新报送；如仍失败请联系市信用办')
        return
      }
      logError(`[ingest] stopped before row ${current[0]!.row}: ${code}`)
      failure = { error, resendFrom: current[0]!.row }
    }
  }
  // One batch is written while the next is read and validated; writes stay in file order.
  let writing: Promise<void> = Promise.resolve()
  const flush = async () => {
    await writing
    if (failure || !batch.length) return
    const current = batch
    batch = []
    keys = new Set()
    const done = processed
    writing = write(current).then(() => {
      if (!failure) options.onProgress?.(done)
    })
  }

  for await (const raw of rows) {
    if (failure) break
    firstRow ??= raw.row
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
  if (failure) throw interrupted(failure.error, failure.resendFrom)
  // After a large load the planner needs new statistics; PGlite has no autovacuum to gather them.
  // Everything is saved by now: a failure here costs only the statistics.
  if (result.accepted >= 10_000) {
    await db.execute(sql`analyze records, subjects`).catch((error: unknown) => logError(`[ingest] analyze failed: ${(error as { cause?: { code?: string } }).cause?.code ?? 'database error'}`))
  }
  result.errors.sort((a, b) => a.row - b.row)
  warnings.sort((a, b) => a.row - b.row)
  return warnings.length ? { ...result, warnings } : result
}
