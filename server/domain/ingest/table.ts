import { pipeline, Readable } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'

/** A spreadsheet read row by row: `row` is its number as the spreadsheet shows it (header = 1). */
export interface TableRow { row: number, cells: unknown[] }
export interface Table { headers: string[], rows: AsyncIterable<TableRow> }

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
  return { headers: first.value.map(String), rows: rows() }
}

/** exceljs gives rich text, formulas and hyperlinks as objects: take what the cell shows. */
function cellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null
  if (typeof value !== 'object' || value instanceof Date) return value
  if ('richText' in value) return value.richText.map(part => part.text).join('')
  if ('result' in value) return value.result instanceof Object && !(value.result instanceof Date) ? null : value.result
  if ('text' in value) return typeof value.text === 'string' ? value.text : null
  if ('error' in value) return null
  return String(value)
}

async function openXlsx(input: Readable): Promise<Table> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit',
  })
  const sheets = workbook[Symbol.asyncIterator]()
  let sheet: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>
  try {
    sheet = await sheets.next()
  }
  catch (error) {
    throw new TableError(`Excel文件无法读取（${(error as Error).message}），请确认是.xlsx格式`)
  }
  if (sheet.done) throw new TableError('Excel文件中没有工作表')
  const rowsOfSheet = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]()
  const toCells = (row: ExcelJS.Row) => (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue)
  let first = await rowsOfSheet.next()
  while (!first.done && toCells(first.value).every(c => c === null || c === '')) first = await rowsOfSheet.next()
  if (first.done) throw new TableError('工作表为空，没有表头')
  const headerRow = first.value.number
  async function* rows(): AsyncGenerator<TableRow> {
    for (let next = await rowsOfSheet.next(); !next.done; next = await rowsOfSheet.next()) {
      yield { row: next.value.number - headerRow + 1, cells: toCells(next.value) }
    }
    // Drain the rest of the workbook so the zip stream closes.
    for (let rest = await sheets.next(); !rest.done; rest = await sheets.next()) {
      for await (const _ of rest.value as unknown as AsyncIterable<unknown>) { /* skip other sheets */ }
    }
  }
  return { headers: toCells(first.value).map(c => (c === null ? '' : String(c))), rows: rows() }
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
