import { deflateSync } from 'node:zlib'
import { beforeAll, describe, expect, it } from 'vitest'
import type { checkPdf as CheckPdf } from '../../../../../../server/domain/files/formats/pdf'
import { FormatError } from '../../../../../../server/domain/files/formats/source'
import { pdfFile } from '../../../../../support/files'

let checkPdf: typeof CheckPdf
beforeAll(async () => {
  // A short parse budget, so the test of it is quick; production allows 5 s.
  process.env.PDF_PARSE_MS = '1000'
  ;({ checkPdf } = await import('../../../../../../server/domain/files/formats/pdf'))
})

const onePage = '%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 10 10]>>endobj\n'
const reason = (bytes: Buffer) => checkPdf(bytes).then(() => 'accepted', (error: unknown) => (error instanceof FormatError ? error.reason : String(error)))

describe('checkPdf', () => {
  it('accepts a PDF with pages, and one written by hand without a cross-reference table', async () => {
    expect(await reason(await pdfFile(2))).toBe('accepted')
    expect(await reason(Buffer.from(`${onePage}trailer<</Root 1 0 R>>\n%%EOF\n`))).toBe('accepted')
  })

  it('refuses a header followed by a program, by HTML, or by nothing', async () => {
    expect(await reason(Buffer.from('%PDF-1.7\nMZ\x90\0\x03\0This program cannot be run in DOS mode.\n%%EOF'))).toBe('PDF中没有可显示的页面')
    expect(await reason(Buffer.from('%PDF-1.7\n<html><script>alert(1)</script></html>'))).toContain('缺少PDF结束标记')
    expect(await reason(Buffer.from('%PDF-1.7\n%%EOF\n'))).toBe('PDF中没有可显示的页面')
  })

  it('stops parsing a file of too many objects within its time budget', async () => {
    const parts = [onePage]
    for (let i = 4; i < 300_000; i++) parts.push(`${i} 0 obj[${i}]endobj\n`)
    parts.push('trailer<</Root 1 0 R>>\n%%EOF\n')
    const started = performance.now()
    expect(await reason(Buffer.from(parts.join('')))).toContain('PDF结构过于复杂')
    expect(performance.now() - started).toBeLessThan(4000)
  })

  it('refuses an object stream that would inflate to more than 100 MB, without inflating it in memory', async () => {
    const bomb = deflateSync(Buffer.alloc(120 * 1024 * 1024, 0x20))
    const pdf = Buffer.concat([
      Buffer.from(`${onePage}4 0 obj<</Type/ObjStm/N 1/First 4/Length ${bomb.length}/Filter/FlateDecode>>stream\n`), bomb,
      Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'),
    ])
    expect(pdf.length).toBeLessThan(200 * 1024)
    expect(await reason(pdf)).toContain('异常的压缩数据')
  })

  it('refuses a file of more streams than a document needs', async () => {
    const stream = deflateSync(Buffer.from('q Q')).toString('latin1')
    const parts = [onePage]
    for (let i = 4; i < 10_100; i++) parts.push(`${i} 0 obj<</Filter/FlateDecode>>stream\n${stream}\nendstream endobj\n`)
    parts.push('trailer<</Root 1 0 R>>\n%%EOF\n')
    expect(await reason(Buffer.from(parts.join(''), 'latin1'))).toContain('PDF结构过于复杂')
  })
})
