import { createReadStream, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFirstSheet, XlsxError, type SheetRow } from '../../../../../server/domain/ingest/xlsx'
import { SharedStrings, SHEET_END, SHEET_START, rowXml, workbookParts, zipParts } from '../../../../support/xlsx'

const REAL = 'tests/fixtures/real/real-records'

/** The file in small pieces, as an upload arrives. */
const chunked = (file: Buffer, size = 7) => Readable.from(Array.from({ length: Math.ceil(file.length / size) }, (_, i) => file.subarray(i * size, (i + 1) * size)))

async function readAll(input: Readable): Promise<SheetRow[]> {
  const rows: SheetRow[] = []
  for await (const row of readFirstSheet(input)) rows.push(row)
  return rows
}

const strings = new SharedStrings()
const sheet = (rows: string[][]) => SHEET_START + rows.map((cells, i) => rowXml(i + 1, cells.map(shared => ({ shared })), strings)).join('') + SHEET_END
const first = sheet([['名称', '文号'], ['朝阳县盛达房地产开发有限责任公司', '朝市监罚〔2026〕1号']])
const second = sheet([['别的表'], ['不读']])
const [contentTypes, packageRels, workbook, workbookRels] = workbookParts(['处罚', '其他'], { sharedStrings: true })
const expected = [{ row: 1, cells: ['名称', '文号'] }, { row: 2, cells: ['朝阳县盛达房地产开发有限责任公司', '朝市监罚〔2026〕1号'] }]

// Spilled sheets go under os.tmpdir(): a directory of this test's own, to see that nothing is left there.
let spillRoot: string
let previousTmp: string | undefined
beforeEach(() => {
  previousTmp = process.env.TMPDIR
  spillRoot = mkdtempSync(join(tmpdir(), 'xlsx-test-'))
  process.env.TMPDIR = spillRoot
})
afterEach(() => {
  if (previousTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = previousTmp
  rmSync(spillRoot, { recursive: true, force: true })
})

describe('readFirstSheet', () => {
  it('reads the first sheet when every part it needs comes before it', async () => {
    const file = zipParts([contentTypes!, packageRels!, workbook!, workbookRels!, ['xl/sharedStrings.xml', strings.xml()], ['xl/worksheets/sheet1.xml', first], ['xl/worksheets/sheet2.xml', second]])
    expect(await readAll(chunked(file))).toEqual(expected)
    expect(readdirSync(spillRoot)).toEqual([])
  })

  it('keeps a sheet that comes before its shared strings and workbook on disk until they are read, then removes it', async () => {
    const file = zipParts([['xl/worksheets/sheet2.xml', second], ['xl/worksheets/sheet1.xml', first], ['xl/sharedStrings.xml', strings.xml()], workbookRels!, workbook!, contentTypes!])
    expect(await readAll(chunked(file))).toEqual(expected)
    expect(readdirSync(spillRoot)).toEqual([])
  })

  it('removes what it spilled when the reader stops early', async () => {
    const file = zipParts([['xl/worksheets/sheet1.xml', first], ['xl/sharedStrings.xml', strings.xml()], workbookRels!, workbook!])
    const rows = readFirstSheet(chunked(file))
    expect((await rows.next()).value).toEqual(expected[0])
    await rows.return(undefined)
    expect(readdirSync(spillRoot)).toEqual([])
  })

  it('starts at the first sheet the workbook shows, past a hidden one', async () => {
    const parts = workbookParts(['隐藏', '处罚'], { sharedStrings: true, hidden: ['隐藏'] })
    const file = zipParts([...parts, ['xl/sharedStrings.xml', strings.xml()], ['xl/worksheets/sheet1.xml', second], ['xl/worksheets/sheet2.xml', first]])
    expect(await readAll(chunked(file))).toEqual(expected)
  })

  it('reads a workbook without shared strings', async () => {
    const inline = `${SHEET_START}${rowXml(1, [{ inline: '名称' }, 3, true], strings)}${SHEET_END}`
    const file = zipParts([...workbookParts(['一'], { sharedStrings: false }), ['xl/worksheets/sheet1.xml', inline]])
    expect(await readAll(chunked(file))).toEqual([{ row: 1, cells: ['名称', 3, true] }])
  })

  it('says what is wrong with a file that is not a whole workbook', async () => {
    const file = zipParts([contentTypes!, packageRels!, workbook!, workbookRels!, ['xl/sharedStrings.xml', strings.xml()], ['xl/worksheets/sheet1.xml', first]])
    // Cut inside the sheet's compressed data (the central directory at the end is never needed).
    const cut = file.indexOf('xl/worksheets/sheet1.xml') + 40
    await expect(readAll(chunked(file.subarray(0, cut)))).rejects.toBeInstanceOf(XlsxError)
    await expect(readAll(chunked(zipParts([contentTypes!])))).rejects.toThrow('没有工作表')
    const broken = zipParts([...workbookParts(['一'], { sharedStrings: false }), ['xl/worksheets/sheet1.xml', '<worksheet><sheetData><row>']])
    await expect(readAll(chunked(broken))).rejects.toBeInstanceOf(XlsxError)
  })

  it('reads a real government table (MEE 2017, as 信用中国 republished it) cell for cell', async () => {
    const rows = await readAll(createReadStream(join(REAL, 'mee-2017-key-polluters-penalties.xlsx'), { highWaterMark: 1021 }))
    expect(rows[0]).toEqual({ row: 1, cells: ['时间', '区域', '企业名称', '处罚结果', '整改情况'] })
    // The converted CSV beside it was made from this file by another tool: the same names, facts and places.
    const converted = parse(readFileSync(join(REAL, 'mee-2017-key-polluters-penalties.national.csv')), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows.slice(1).map(r => [r.cells[2], r.cells[3]])).toEqual(converted.map(c => [c.行政相对人名称, c.处罚内容]))
    expect(rows.slice(1).map(r => `区域：${r.cells[1]}；整改情况：${r.cells[4]}；来源表：${r.cells[0]}`)).toEqual(converted.map(c => c.备注))
  })
})
