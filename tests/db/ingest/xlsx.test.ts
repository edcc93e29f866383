import { createReadStream, statSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { Unzip, UnzipInflate } from 'fflate'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFile } from '../../../server/domain/ingest/file'
import { addDays, todayInChina } from '../../../shared/utils/dates'
import { creditCodeCheckDigit } from '../../../shared/utils/creditCode'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { MARKET } from '../../support/rows'
import { SharedStrings, SHEET_END, SHEET_START, rowXml, workbookParts, writeParts, type HandCell } from '../../support/xlsx'

/**
 * The Excel round trip of issue 12: every text cell Chinese of varied lengths (3- and 4-byte characters,
 * 𠀀 among them, and the 2-byte ·), 20,000 rows over 5 MB, read in chunks that cut characters in two.
 * What the database holds must be what was written, byte for byte.
 */

const ROWS = 20_000
const today = todayInChina()
let t: TestDatabase

/** mulberry32: the same file on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6D2B79F5) >>> 0
    let x = Math.imul(state ^ (state >>> 15), 1 | state)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
}
const next = random(12)
const between = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
const PUNCTUATION = [...'（）〔〕“”、，。；：《》']
let texts = 0
function chinese(min: number, max: number): string {
  let text = ''
  const length = between(min, max)
  for (let i = 0; i < length; i++) {
    const pick = next()
    // Mostly the basic block (3 bytes), often Extension B (4 bytes, a surrogate pair), now and then
    // punctuation or the middle dot of names such as 买买提·艾力 (2 bytes).
    const code = pick < 0.7 ? between(0x4E00, 0x9FA5) : pick < 0.9 ? between(0x20000, 0x2A6D6) : -1
    text += code > 0 ? String.fromCodePoint(code) : pick < 0.97 ? PUNCTUATION[between(0, PUNCTUATION.length - 1)] : '·'
  }
  // U+20000 itself, the character of the issue, opens and closes one text in fifty.
  return texts++ % 50 ? text : `𠀀${text}𠀀`
}

function creditCode(i: number): string {
  const first17 = `91211300MA${String(i).padStart(7, '0')}`
  return first17 + creditCodeCheckDigit(first17)
}

const headers = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据',
  '处罚类别', '处罚内容', '罚款金额（万元）', '暂扣或吊销证照名称及编号', '处罚决定日期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位',
  '数据来源单位统一社会信用代码', '备注'] as const
type Header = typeof headers[number]
/** The free-text columns (every one Chinese), with the database column that keeps each. */
const stored: [Header, string][] = [
  ['行政相对人名称', 's.name'], ['法定代表人', 's.legal_representative'], ['行政处罚决定书文号', 'r.document_number'], ['违法行为类型', 'r.violation_type'],
  ['违法事实', 'r.violation_facts'], ['处罚依据', 'r.legal_basis'], ['处罚内容', 'r.content'], ['暂扣或吊销证照名称及编号', 'r.suspended_license'],
  ['处罚机关', 'r.authority'], ['数据来源单位', 'r.source_department'], ['备注', 'r.remarks'],
]

const decided = addDays(today, -30)
const rows: Record<Header, string>[] = Array.from({ length: ROWS }, (_, i) => ({
  行政相对人名称: `${chinese(2, 30)}有限公司`,
  行政相对人类别: '法人及非法人组织',
  统一社会信用代码: creditCode(i),
  法定代表人: chinese(2, 6),
  // A document number loses its spaces and full-width forms (，；：（）): none here, and the row number keeps it unique.
  行政处罚决定书文号: `${chinese(1, 4).replace(/[\uFF01-\uFF5E]/g, '')}罚〔2026〕${i + 1}号`,
  违法行为类型: chinese(2, 30),
  违法事实: chinese(20, 600),
  处罚依据: chinese(5, 80),
  处罚类别: i % 2 ? '警告' : '罚款',
  处罚内容: chinese(5, 200),
  '罚款金额（万元）': i % 2 ? '' : String(between(1, 500) / 10),
  暂扣或吊销证照名称及编号: i % 3 ? '' : chinese(1, 40),
  处罚决定日期: decided,
  处罚机关: chinese(4, 30),
  处罚机关统一社会信用代码: MARKET.creditCode,
  数据来源单位: chinese(4, 30),
  数据来源单位统一社会信用代码: MARKET.creditCode,
  备注: i % 4 ? chinese(1, 100) : '',
}))

/** Rich text for one string in seven: two runs, cut between code points. */
function maybeRich(text: string, i: number): string | string[] {
  if (i % 7) return text
  const points = [...text]
  const cut = Math.max(1, Math.floor(points.length / 2))
  return points.length > 1 ? [points.slice(0, cut).join(''), points.slice(cut).join('')] : text
}

/** By hand: shared and inline strings alternating cell by cell, the shared strings ahead of the sheet. */
async function writeByHand(path: string): Promise<void> {
  const strings = new SharedStrings()
  const serial = (Date.parse(`${decided}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000
  const lines = [rowXml(1, headers.map(h => ({ shared: h })), strings)]
  rows.forEach((row, r) => {
    const cells: HandCell[] = headers.map((h, c) => {
      const value = row[h]
      if (value === '') return null
      if (h === '罚款金额（万元）') return Number(value)
      if (h === '处罚决定日期') return r % 2 ? serial : { inline: value }
      const text = maybeRich(value, r + c)
      return (r + c) % 2 ? { shared: text } : { inline: text }
    })
    lines.push(rowXml(r + 2, cells, strings))
  })
  await writeParts(path, [
    ...workbookParts(['处罚'], { sharedStrings: true }),
    ['xl/sharedStrings.xml', [strings.xml()]],
    ['xl/worksheets/sheet1.xml', [SHEET_START, ...lines, SHEET_END]],
  ])
}

/**
 * By exceljs's streaming writer: shared strings only, written after the sheet (so the reader must spill).
 * Plain text only: this writer gives every rich-text value the shared string of the first one.
 */
async function writeWithExcelJs(path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true })
  const sheet = workbook.addWorksheet('处罚')
  sheet.addRow([...headers]).commit()
  for (const row of rows) {
    sheet.addRow(headers.map((h) => {
      const value = row[h]
      if (value === '') return null
      return h === '处罚决定日期' ? new Date(`${value}T00:00:00Z`) : value
    })).commit()
  }
  await sheet.commit()
  await workbook.commit()
}

const CHUNK = 4093
const read = (path: string) => createReadStream(path, { highWaterMark: CHUNK })

/** How many decompressed chunks of the sheet and its strings end inside a character, read as the test reads the file. */
async function charactersCut(path: string): Promise<number> {
  let cut = 0
  const unzip = new Unzip()
  unzip.register(UnzipInflate)
  unzip.onfile = (file) => {
    file.ondata = (_, data) => {
      if (!/worksheets\/|sharedStrings/.test(file.name) || !data.length) return
      let lead = data.length - 1
      while (lead > 0 && lead > data.length - 4 && (data[lead]! & 0xC0) === 0x80) lead--
      const width = data[lead]! >= 0xF0 ? 4 : data[lead]! >= 0xE0 ? 3 : data[lead]! >= 0xC0 ? 2 : 1
      if (data.length - lead < width) cut++
    }
    file.start()
  }
  for await (const chunk of read(path)) unzip.push(chunk as Buffer)
  unzip.push(new Uint8Array(0), true)
  return cut
}

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t?.close()
})

describe('an .xlsx of 20,000 rows of Chinese text', () => {
  it('is stored byte for byte, from inline and shared strings', { timeout: 600_000 }, async () => {
    const path = join(t.dataDir, 'hand.xlsx')
    await writeByHand(path)
    expect(statSync(path).size).toBeGreaterThan(5 * 2 ** 20)
    expect(await charactersCut(path)).toBeGreaterThan(100)

    const result = await ingestFile(t.db, read(path), { actor: 'test', today })
    expect({ ...result, errors: result.errors.slice(0, 5) }).toEqual({ accepted: ROWS, updated: 0, unchanged: 0, rejected: 0, errors: [] })

    const columns = sql.raw(stored.map(([, column]) => column).join(', '))
    const saved = await t.db.execute<Record<string, string | null>>(sql`
      select r.document_number as key, ${columns}, r.decision_date::text as decided
      from records r join subjects s on s.id = r.subject_id`)
    expect(saved.rows).toHaveLength(ROWS)
    const byNumber = new Map(saved.rows.map(row => [row.key, Object.values(row)]))
    const differences: string[] = []
    for (const row of rows) {
      const values = byNumber.get(row.行政处罚决定书文号)
      const expected = [row.行政处罚决定书文号, ...stored.map(([header]) => row[header] || null)]
      for (const [i, value] of expected.entries()) {
        const actual = values?.[i] ?? null
        const same = value === null ? actual === null : actual !== null && Buffer.from(actual).equals(Buffer.from(value))
        if (!same) differences.push(`${row.行政处罚决定书文号} ${stored[i - 1]?.[0] ?? '文号'}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(value)}`)
      }
      if (values?.at(-1) !== decided) differences.push(`${row.行政处罚决定书文号} 处罚决定日期: ${values?.at(-1)}`)
    }
    expect(differences.slice(0, 5)).toEqual([])
    expect(differences).toHaveLength(0)
  })

  it('reads the same rows from exceljs’s writer (sheet before its shared strings) as unchanged', { timeout: 600_000 }, async () => {
    const path = join(t.dataDir, 'exceljs.xlsx')
    await writeWithExcelJs(path)
    expect(statSync(path).size).toBeGreaterThan(5 * 2 ** 20)
    expect(await charactersCut(path)).toBeGreaterThan(100)
    // Unchanged means every normalised value hashes as the stored one: the same text, to the byte.
    const result = await ingestFile(t.db, read(path), { actor: 'test', today })
    expect({ ...result, errors: result.errors.slice(0, 5) }).toEqual({ accepted: 0, updated: 0, unchanged: ROWS, rejected: 0, errors: [] })
  })
})
