import { deflateSync } from 'node:zlib'

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes: Buffer): number {
  let c = 0xffffffff
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/**
 * An RGBA PNG on a transparent background, as signature_pad exports one: `stroke` draws a wave whose
 * shape depends on it (0 draws nothing: an empty pad), so two strokes are two different signatures.
 */
export function signaturePng(stroke: number, width = 300, height = 100): string {
  const raw = Buffer.alloc((1 + width * 4) * height)
  if (stroke > 0) {
    for (let x = 20; x < width - 20; x++) {
      const y = Math.round(height / 2 + Math.sin((x / 15) * stroke) * 25)
      for (let dy = -1; dy <= 1; dy++) raw.fill(Buffer.from([0, 0, 0, 255]), (y + dy) * (1 + width * 4) + 1 + x * 4, (y + dy) * (1 + width * 4) + 1 + x * 4 + 4)
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ])
  return `data:image/png;base64,${png.toString('base64')}`
}
