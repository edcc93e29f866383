import { describe, expect, it } from 'vitest'
import { columnIndex, normalizePath, sharedStringsPart, worksheetPart, type SheetRow, type XmlPart } from '../../../../../server/domain/ingest/xlsxParts'

/** Feeds a part its bytes one at a time: every character of more than one byte arrives cut in pieces. */
function feedBytewise(part: XmlPart, xml: string): void {
  for (const byte of Buffer.from(xml)) part.write(Uint8Array.of(byte))
  part.close()
}

function sheetRows(sheetData: string, strings: string[] = []): SheetRow[] {
  const rows: SheetRow[] = []
  feedBytewise(worksheetPart(strings, row => rows.push(row)), `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`)
  return rows
}

describe('worksheetPart', () => {
  it('decodes characters cut between chunks whole, 4-byte ones too', () => {
    const text = '朝阳县盛达房地产开发有限责任公司𠀀·𪚥'
    expect(sheetRows(`<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`)).toEqual([{ row: 1, cells: [text] }])
  })

  it('places cells by their reference and numbers rows as the sheet does', () => {
    const rows = sheetRows([
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>',
      '<row r="5"><c r="B5"><v>2.5</v></c><c><v>7</v></c></row>',
      '<row><c r="AA6" t="b"><v>1</v></c></row>',
      '<row r="9"/>',
    ].join(''), ['甲', '乙'])
    expect(rows).toEqual([
      { row: 1, cells: ['甲', null, null, '乙'] },
      { row: 5, cells: [null, 2.5, 7] },
      { row: 6, cells: [...Array(26).fill(null), true] },
      { row: 9, cells: [] },
    ])
  })

  it('reads each kind of cell as it shows', () => {
    const [row] = sheetRows([
      '<row r="2">',
      '<c r="A2" t="str"><f>A1&amp;"号"</f><v>朝市监罚〔2026〕1号</v></c>',
      '<c r="B2" t="e"><v>#N/A</v></c>',
      '<c r="C2" t="b"><v>0</v></c>',
      '<c r="D2" s="3"><v>46000</v></c>',
      '<c r="E2" t="d"><v>2026-03-08T00:00:00</v></c>',
      '<c r="F2" t="inlineStr"><is><r><t>朝阳</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 鑫达 </t></r><rPh sb="0" eb="2"><t>チョウヨウ</t></rPh></is></c>',
      '<c r="G2" t="inlineStr"><is><t>第一行_x000D_\n第二行 &lt;甲&gt; _x005F_x0041_</t></is></c>',
      '<c r="H2"><f>SUM(A1)</f></c>',
      '<c r="I2" t="s"/>',
      '</row>',
    ].join(''))
    expect(row!.cells).toEqual(['朝市监罚〔2026〕1号', null, false, 46000, '2026-03-08T00:00:00', '朝阳 鑫达 ', '第一行\r\n第二行 <甲> _x0041_', null, null])
  })

  it('refuses a reference to a shared string the file does not hold', () => {
    expect(() => sheetRows('<row r="1"><c r="A1" t="s"><v>3</v></c></row>', ['甲'])).toThrow('共享字符串3不存在')
  })

  it('turns a byte that is not UTF-8 into U+FFFD, for the row validation to refuse', () => {
    const rows: SheetRow[] = []
    const part = worksheetPart([], row => rows.push(row))
    part.write(Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>房'))
    part.write(Uint8Array.of(0xE5, 0x9C))
    part.write(Buffer.from('</t></is></c></row></sheetData></worksheet>'))
    part.close()
    expect(rows[0]!.cells).toEqual(['房\uFFFD'])
  })
})

describe('sharedStringsPart', () => {
  it('takes plain and rich text, keeps whitespace, leaves out the phonetic guide', () => {
    const strings: string[] = []
    feedBytewise(sharedStringsPart(strings), [
      '<sst count="4" uniqueCount="4">',
      '<si><t>房地产</t></si>',
      '<si><r><t xml:space="preserve">朝阳 </t></r><r><rPr><sz val="11"/></rPr><t>盛达&amp;𠀀</t></r></si>',
      '<si><t/></si>',
      '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
      '</sst>',
    ].join(''))
    expect(strings).toEqual(['房地产', '朝阳 盛达&𠀀', '', '漢字'])
  })
})

describe('references and paths', () => {
  it('reads column letters', () => {
    expect(['A1', 'D5', 'Z9', 'AA10', 'AZ1', 'XFD1048576'].map(columnIndex)).toEqual([0, 3, 25, 26, 51, 16383])
  })

  it('compares zip paths as writers spell them', () => {
    expect(normalizePath('xl/./worksheets/../SharedStrings.xml')).toBe('xl/sharedstrings.xml')
    expect(normalizePath('/xl/worksheets/sheet1.xml'.slice(1))).toBe('xl/worksheets/sheet1.xml')
  })
})
