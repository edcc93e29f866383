import { FormatError, readExactly, type ByteSource } from './source'

const SCAN_BLOCK = 64 * 1024
const incomplete = () => new FormatError('文件不完整（可能上传中断或文件已损坏）')

/**
 * After a scan's entropy-coded data: the offset of the 0xFF that starts the next marker. Inside the
 * data 0xFF is followed by a stuffed 0x00, a restart marker RST0–7 or more 0xFF fill bytes.
 */
async function afterScan(source: ByteSource, from: number): Promise<number> {
  for (let position = from; position < source.size; position += SCAN_BLOCK) {
    const block = await source.read(position, SCAN_BLOCK + 1)
    for (let i = block.indexOf(0xFF); i !== -1 && i < SCAN_BLOCK; i = block.indexOf(0xFF, i + 1)) {
      if (i + 1 >= block.length) throw incomplete()
      const next = block[i + 1]!
      if (next !== 0x00 && next !== 0xFF && !(next >= 0xD0 && next <= 0xD7)) return position + i
    }
  }
  throw incomplete()
}

/**
 * Where a JPEG ends: after its EOI marker, walking the segments from SOI by their lengths (so a
 * thumbnail inside EXIF is skipped whole) and each scan's data to the next marker.
 */
export async function jpegEnd(source: ByteSource): Promise<number> {
  let at = 2
  for (;;) {
    if ((await readExactly(source, at, 1))[0] !== 0xFF) throw new FormatError('JPEG标记损坏')
    let marker = 0xFF
    while (marker === 0xFF) marker = (await readExactly(source, ++at, 1))[0]!
    at += 1
    if (marker === 0xD9) return at
    if (marker === 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue
    if (marker === 0x00 || marker === 0xD8) throw new FormatError('JPEG标记损坏')
    const length = (await readExactly(source, at, 2)).readUInt16BE(0)
    if (length < 2) throw new FormatError('JPEG标记损坏')
    at += length
    if (at > source.size) throw incomplete()
    if (marker === 0xDA) at = await afterScan(source, at)
  }
}
