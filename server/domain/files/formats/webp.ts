import { FormatError, readExactly, type ByteSource } from './source'

/** Where a WebP ends: its RIFF container's declared size, with every chunk inside it fitting exactly. */
export async function webpEnd(source: ByteSource): Promise<number> {
  const header = await readExactly(source, 0, 12)
  const end = 8 + header.readUInt32LE(4)
  if (end > source.size) throw new FormatError('文件不完整（可能上传中断或文件已损坏）')
  let at = 12
  for (let index = 0; at < end; index++) {
    const chunk = await readExactly(source, at, 8)
    const type = chunk.toString('latin1', 0, 4)
    if (index === 0 && !['VP8 ', 'VP8L', 'VP8X'].includes(type)) throw new FormatError('缺少WebP图像数据')
    at += 8 + chunk.readUInt32LE(4) + (chunk.readUInt32LE(4) % 2)
  }
  // A writer may leave the last chunk's pad byte out of the RIFF size.
  if (at !== end && at !== end + 1) throw new FormatError('WebP数据块与文件长度不符')
  return Math.min(at, source.size)
}
