import { FormatError, readExactly, type ByteSource } from './source'

/** Where a PNG ends: after its IEND chunk, walking chunk by chunk from the IHDR that must come first. */
export async function pngEnd(source: ByteSource): Promise<number> {
  let at = 8
  for (let index = 0; ; index++) {
    const header = await readExactly(source, at, 8)
    const length = header.readUInt32BE(0)
    const type = header.toString('latin1', 4, 8)
    if (index === 0 && (type !== 'IHDR' || length !== 13)) throw new FormatError('缺少PNG图像头')
    if (length > 0x7FFFFFFF || !/^[A-Za-z]{4}$/.test(type)) throw new FormatError('PNG数据块损坏')
    at += 12 + length
    if (at > source.size) throw new FormatError('文件不完整（可能上传中断或文件已损坏）')
    if (type === 'IEND') return at
  }
}
