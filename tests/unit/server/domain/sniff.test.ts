import { describe, expect, it } from 'vitest'
import { cleanFileName } from '../../../../server/domain/files/evidence'
import { sniffEvidence } from '../../../../server/domain/files/sniff'

const bytes = (...values: (number | string)[]) => Buffer.concat(values.map(v => (typeof v === 'string' ? Buffer.from(v, 'latin1') : Buffer.from([v]))))

describe('evidence upload sniffing', () => {
  it('knows PDF, JPEG and PNG by their first bytes', () => {
    expect(sniffEvidence(bytes('%PDF-1.7\n'))).toBe('application/pdf')
    expect(sniffEvidence(bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'JFIF'))).toBe('image/jpeg')
    expect(sniffEvidence(bytes(0x89, 'PNG\r\n', 0x1A, '\n', 0, 0, 0, 13))).toBe('image/png')
  })

  it('refuses anything else whatever its name, including a Windows program renamed .pdf', () => {
    expect(sniffEvidence(bytes('MZ', 0x90, 0, 3, 0))).toBeNull()
    expect(sniffEvidence(bytes('<html><script>'))).toBeNull()
    expect(sniffEvidence(bytes('GIF89a'))).toBeNull()
    expect(sniffEvidence(bytes(' %PDF-1.7'))).toBeNull()
    expect(sniffEvidence(new Uint8Array())).toBeNull()
  })

  it('keeps only the base name of an uploaded file, without control characters', () => {
    expect(cleanFileName('C:\\Users\\张三\\营业执照.pdf')).toBe('营业执照.pdf')
    expect(cleanFileName('../../etc/passwd\u0000.png')).toBe('passwd.png')
    expect(cleanFileName('')).toBe('附件')
  })
})
