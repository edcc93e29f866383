import { pipeline, Readable } from 'node:stream'
import { parse } from 'csv-parse'
import iconv from 'iconv-lite'
import { readFirstSheet, XlsxError } from './xlsx'

/** A spreadsheet read row by row: `row` is its number as the spreadsheet shows it (header = 1). */
export interface TableRow { row: number, cells: unknown[] }
/** `close` ends the reading early (a file refused for its headers): the input and any temporary file go. */
export interface Table { headers: string[], rows: AsyncIterable<TableRow>, close: () => Promise<void> }

export class TableError extends Error {}

const UTF8_BOM = Buffer.from([0xEF, 0xBB, 0xBF])

/** UTF-8 when the first bytes decode as UTF-8, else GB18030 (a superset of GBK), as Excel on Chinese Windows saves CSV. */
function detectEncoding(head: Buffer): 'utf8' | 'gb18030' {
  if (head.subarray(0, 3).equals(UTF8_BOM)) return 'utf8'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true })
    return 'utf8'
  }
  catch {
    return 'gb18030'
  }
}

/** Reads the first bytes of a stream and gives back a stream that still starts at byte 0. */
async function peek(input: Readable, bytes: number): Promise<{ head: Buffer, stream: Readable }> {
  const iterator = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const chunks: Buffer[] = []
  let size = 0
  let ended = false
  while (size < bytes) {
    const next = await iterator.next()
    if (next.done) {
      ended = true
      break
    }
    chunks.push(Buffer.from(next.value))
    size += next.value.length
  }
  const head = Buffer.concat(chunks)
  async function* replay(): AsyncGenerator<Buffer> {
    yield head
    if (ended) return
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) }
}

async function openCsv(head: Buffer, source: Readable): Promise<Table> {
  const encoding = detectEncoding(head)
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, trim: false })
  // pipeline, not pipe: a failing upload (cut off at the size limit) must fail the parse, not stall it.
  pipeline(source, iconv.decodeStream(encoding), parser, () => {})
  const records = parser[Symbol.asyncIterator]() as AsyncIterator<string[]>
  const first = await records.next().catch((error: Error) => {
    throw new TableError(`CSV文件无法解析：${error.message}`)
  })
  if (first.done) throw new TableError('文件为空，没有表头')
  async function* rows(): AsyncGenerator<TableRow> {
    let row = 1
    for (let next = await records.next(); !next.done; next = await records.next()) {
      row++
      yield { row, cells: next.value }
    }
  }
  return { headers: first.value.map(String), rows: rows(), close: async () => { parser.destroy() } }
}

async function openXlsx(input: Readable): Promise<Table> {
  const sheet = readFirstSheet(input)
  const unreadable = (error: unknown): never => {
    throw error instanceof XlsxError ? new TableError(`Excel文件无法读取（${error.message}），请确认是.xlsx格式`) : error
  }
  let first = await sheet.next().catch(unreadable)
  while (!first.done && first.value.cells.every(c => c === null || c === '')) first = await sheet.next().catch(unreadable)
  if (first.done) throw new TableError('工作表为空，没有表头')
  async function* rows(): AsyncGenerator<TableRow> {
    try {
      yield* sheet
    }
    catch (error) {
      unreadable(error)
    }
  }
  return {
    headers: first.value.cells.map(c => (c === null ? '' : String(c))),
    rows: rows(),
    close: async () => {
      await sheet.return(undefined)
    },
  }
}

export type TableFormat = 'csv' | 'xlsx'

/** The format from the content, not the name: an .xlsx is a zip archive ("PK\x03\x04"). */
export function sniffFormat(head: Buffer): TableFormat {
  return head.subarray(0, 4).equals(Buffer.from([0x50, 0x4B, 0x03, 0x04])) ? 'xlsx' : 'csv'
}

export async function openTable(input: Readable): Promise<Table> {
  const { head, stream } = await peek(input, 65536)
  if (head.length === 0) throw new TableError('文件为空')
  return sniffFormat(head) === 'xlsx' ? openXlsx(stream) : openCsv(head, stream)
}
