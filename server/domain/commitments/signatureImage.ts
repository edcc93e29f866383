import { inflateSync } from 'node:zlib'
import { SIGNATURE_MAX_BYTES } from '../../../shared/schemas/commitments'
import { refuse } from '../../utils/errors'

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * The signature must be a real PNG by its bytes, of a sensible size, and not blank: signature_pad
 * exports an RGBA image on a transparent background, so an untouched pad inflates to zeros only.
 * Returns the PNG as base64, as it is stored and sealed.
 */
export function checkSignaturePng(dataUrl: string): string {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1)
  const bytes = Buffer.from(base64, 'base64')
  const bad = () => refuse(400, '签名图像无效，请清除后重新签名', 'signature')
  if (bytes.length > SIGNATURE_MAX_BYTES) throw refuse(400, '签名图像过大，请清除后重新签名', 'signature')
  if (bytes.length < 45 || !bytes.subarray(0, 8).equals(PNG_MAGIC) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw bad()
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  if (width < 100 || height < 50 || width > 4000 || height > 4000) throw bad()
  const bitDepth = bytes[24]
  const colorType = bytes[25]
  const idat: Buffer[] = []
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at)
    const type = bytes.toString('latin1', at + 4, at + 8)
    if (type === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + length))
    at += 12 + length
  }
  if (!idat.length) throw bad()
  let pixels: Buffer
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: 64 * 1024 * 1024 })
  }
  catch {
    throw bad()
  }
  if (bitDepth === 8 && colorType === 6) {
    const row = 1 + width * 4
    let inked = false
    for (let i = 0; i < pixels.length && !inked; i++) if (i % row !== 0 && pixels[i] !== 0) inked = true
    if (!inked) throw refuse(400, '请手写签名', 'signature')
  }
  return bytes.toString('base64')
}
