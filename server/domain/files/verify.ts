import { readFile } from 'node:fs/promises'
import { refuse } from '../../utils/errors'
import type { MediaType } from '../training/mediaType'
import { decodeImage } from './formats/image'
import { jpegEnd } from './formats/jpeg'
import { checkMp4 } from './formats/mp4'
import { checkPdf } from './formats/pdf'
import { pngEnd } from './formats/png'
import { assertNothingAfter, bufferSource, FormatError, withFileSource, type ByteSource } from './formats/source'
import { checkWebm } from './formats/webm'
import { webpEnd } from './formats/webp'
import type { EvidenceType } from './sniff'

export type ContentType = EvidenceType | MediaType

const labels: Record<ContentType, string> = {
  'application/pdf': 'PDF', 'image/jpeg': 'JPG', 'image/png': 'PNG', 'image/webp': 'WebP', 'video/mp4': 'MP4', 'video/webm': 'WebM',
}

async function check(type: ContentType, source: ByteSource, file: Buffer | string): Promise<void> {
  switch (type) {
    case 'application/pdf': return checkPdf(typeof file === 'string' ? await readFile(file) : file)
    case 'image/png':
      await assertNothingAfter(source, await pngEnd(source))
      return decodeImage(file, 'png')
    case 'image/jpeg':
      await assertNothingAfter(source, await jpegEnd(source))
      return decodeImage(file, 'jpeg')
    case 'image/webp':
      await assertNothingAfter(source, await webpEnd(source))
      return decodeImage(file, 'webp')
    case 'video/mp4': return checkMp4(source)
    case 'video/webm': return checkWebm(source)
  }
}

/**
 * The whole file is what its first bytes claim (issue 12): its structure parses or decodes with the
 * format's own rules, and nothing rides after its end (an HTML page or a program behind a valid
 * header). Otherwise a 415 naming the file, the type and what is wrong. `file` is the bytes, or the
 * path of a file already on disk.
 */
export async function verifyContent(type: ContentType, file: Buffer | string, name: string): Promise<void> {
  try {
    if (typeof file === 'string') await withFileSource(file, source => check(type, source, file))
    else await check(type, bufferSource(file), file)
  }
  catch (error) {
    if (!(error instanceof FormatError)) throw error
    const label = labels[type]
    throw refuse(415, `「${name}」的内容与${label}格式不符：${error.reason}。请上传有效的${label}文件`, 'file')
  }
}
