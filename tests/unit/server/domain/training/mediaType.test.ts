import { describe, expect, it } from 'vitest'
import { sniffMedia } from '../../../../../server/domain/training/mediaType'

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map(p => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))))

describe('sniffMedia', () => {
  it('recognises the allowed images and videos by content', () => {
    expect(sniffMedia(bytes([0xFF, 0xD8, 0xFF, 0xE0]))).toBe('image/jpeg')
    expect(sniffMedia(bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))).toBe('image/png')
    expect(sniffMedia(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp')
    expect(sniffMedia(bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]))).toBe('video/mp4')
    expect(sniffMedia(bytes([0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'))).toBe('video/webm')
  })

  it('refuses anything else, whatever it claims to be', () => {
    expect(sniffMedia(bytes('%PDF-1.4'))).toBeNull()
    expect(sniffMedia(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull()
    expect(sniffMedia(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull()
    expect(sniffMedia(bytes([0, 0, 0, 0x14], 'ftypqt  '))).toBeNull()
    expect(sniffMedia(bytes([0x1A, 0x45, 0xDF, 0xA3], 'matroska'))).toBeNull()
    expect(sniffMedia(new Uint8Array())).toBeNull()
  })
})
