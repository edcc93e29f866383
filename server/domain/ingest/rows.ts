import { familyColumns, familyFromHeaders } from '../../../shared/columns'
import { familyOf, type RecordFamily, type RecordKind, kindLabels } from '../../../shared/kinds'
import { toSimplified } from '../../../shared/utils/simplified'
import { toHalfWidth } from '../../../shared/utils/text'
import type { Table } from './table'

/** A row before validation, keyed by field key; `row` is what the clerk sees in the error list. */
export interface RawRow { row: number, values: Record<string, unknown> }

export class IngestInputError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message)
  }
}

/** Headers compare without spaces, width or script differences: 罰款金額(萬元) is 罚款金额（万元）. */
export function canonicalHeader(header: string): string {
  return toSimplified(toHalfWidth(header.replace(/^\uFEFF/, ''))).replace(/[\s*＊]/g, '')
}

function keysByHeader(family: RecordFamily): Map<string, string> {
  return new Map(familyColumns[family].flatMap(c => [[canonicalHeader(c.header), c.key], [c.key, c.key]]))
}

function requireColumns(family: RecordFamily, present: Set<string>): void {
  const missing = familyColumns[family].filter(c => c.required && !present.has(c.key))
    // A licence may carry only its 许可编号; the family column may come from the API's `kind`.
    .filter(c => !(family === 'license' && c.key === 'documentNumber'))
  if (missing.length) throw new IngestInputError(`缺少必填列：${missing.map(c => c.header).join('、')}`, missing[0]!.header)
}

/** A file's family from its headers, and its rows keyed by field. */
export function rowsFromTable(table: Table): { family: RecordFamily, rows: AsyncIterable<RawRow> } {
  const headers = table.headers.map(canonicalHeader)
  const family = familyFromHeaders(headers)
  if (!family) {
    throw new IngestInputError('无法从表头识别数据类别：请使用国家“双公示”数据标准的中文列名（如“行政许可决定文书名称”或“行政处罚决定书文号”），名单使用“名单类别”，其他行政行为使用“行为类别”')
  }
  const known = keysByHeader(family)
  const columnKeys = headers.map(h => known.get(h))
  requireColumns(family, new Set(columnKeys.filter((k): k is string => !!k)))
  async function* rows(): AsyncGenerator<RawRow> {
    for await (const { row, cells } of table.rows) {
      if (cells.every(c => c === null || c === undefined || String(c).trim() === '')) continue
      const values: Record<string, unknown> = {}
      columnKeys.forEach((key, i) => {
        if (key && cells[i] !== undefined) values[key] = cells[i]
      })
      yield { row, values }
    }
  }
  return { family, rows: rows() }
}

/** JSON records use the same Chinese headers (or field keys); `row` is the record's position, first = 1. */
export function rowsFromJson(kind: RecordKind, records: Record<string, unknown>[]): { family: RecordFamily, rows: AsyncIterable<RawRow> } {
  const family = familyOf(kind)
  const known = keysByHeader(family)
  async function* rows(): AsyncGenerator<RawRow> {
    for (const [index, record] of records.entries()) {
      const values: Record<string, unknown> = {}
      if (family === 'action' || family === 'list') values.category = kindLabels[kind]
      for (const [header, value] of Object.entries(record ?? {})) {
        const key = known.get(canonicalHeader(header))
        if (key) values[key] = value
      }
      yield { row: index + 1, values }
    }
  }
  return { family, rows: rows() }
}
