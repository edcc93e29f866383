import type { IngestResult } from '../../../shared/schemas/ingest'

/** PostgreSQL's SQLSTATE, on the driver's error or on the ORM's wrapper of it. */
function sqlState(error: unknown): string | undefined {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
  }
  return undefined
}

/**
 * What a failed write says about the row. `row`: PostgreSQL refused the data itself (class 22, data
 * exception) or a constraint did (class 23): that row is bad, the others may go in. `retry`: the
 * transaction lost a race (class 40, serialization failure or deadlock): the same write may succeed.
 * Anything else — a lost connection, a server shutting down, a full disk, a bug — is not the row's fault:
 * the ingest stops rather than report good rows as bad.
 */
export function writeFault(error: unknown): 'row' | 'retry' | 'infrastructure' {
  const state = sqlState(error)
  if (state?.startsWith('22') || state?.startsWith('23')) return 'row'
  if (state?.startsWith('40')) return 'retry'
  return 'infrastructure'
}

/** The error's code or the driver's own words; never the ORM's message, which quotes the query's parameters. */
function technicalReason(error: unknown): string {
  let innermost: unknown = error
  while (innermost instanceof Error && innermost.cause instanceof Error) innermost = innermost.cause
  const code = (innermost as { code?: unknown }).code
  if (typeof code === 'string') return code
  const message = innermost instanceof Error ? innermost.message : ''
  return message && !/params:|failed query/i.test(message) ? message : '数据库错误'
}

/** How far the ingest got before the database went away, in the rows' own numbers. */
export interface IngestProgress {
  /** The first row read; null when the database failed before any. */
  firstRow: number | null
  /** The first row whose write failed: every row before it is saved or in `result.errors`. */
  resendFrom: number | null
  /** What was saved and refused before that row. */
  result: IngestResult
}

/**
 * The database (or the way to it) failed mid-ingest. Not a bad row: the ingest stops, and the message
 * says what is saved and from which row to send again (sending the whole file again is safe too: a
 * saved row counts as unchanged).
 */
export class IngestInterruptedError extends Error {
  constructor(readonly progress: IngestProgress, cause: unknown) {
    super(interruptedMessage(progress, technicalReason(cause)), { cause })
  }
}

function interruptedMessage({ firstRow, resendFrom, result }: IngestProgress, reason: string): string {
  const stopped = `导入中断：无法写入数据库（${reason}），已停止导入。`
  if (firstRow === null || resendFrom === null || resendFrom <= firstRow) return `${stopped}本次未保存任何行，请稍后重新报送整个文件。`
  const saved = result.accepted + result.updated + result.unchanged
  const refused = result.rejected ? `，${result.rejected}行未通过（见错误清单）` : ''
  return `${stopped}第${firstRow}行至第${resendFrom - 1}行已处理完毕：已保存${saved}行（新增${result.accepted}、更新${result.updated}、未变化${result.unchanged}）${refused}。`
    + `请从第${resendFrom}行起重新报送；重新报送整个文件也可以，已保存的行会计为“未变化”。`
}
