import { describe, expect, it } from 'vitest'
import { csvCell, csvText } from '../../../utils/csv'

describe('csvCell', () => {
  it('leaves plain text and numbers as they are', () => {
    expect(csvCell('统一社会信用代码')).toBe('统一社会信用代码')
    expect(csvCell(42)).toBe('42')
  })

  it('quotes commas, quotes and line breaks so Excel does not split the cell', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('说"明"')).toBe('"说""明"""')
    expect(csvCell('第一行\r\n第二行')).toBe('"第一行\r\n第二行"')
  })

  it('turns a leading = + - @ into text so Excel does not run it as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"')
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('-2')).toBe("'-2")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
  })
})

describe('csvText', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    expect(csvText([['行号', '原因'], [3, '缺少文书号']])).toBe('\uFEFF行号,原因\r\n3,缺少文书号\r\n')
  })
})
