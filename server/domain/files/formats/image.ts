import sharp from 'sharp'
import { contentLimits } from '../../../../config/uploads'
import { refuse } from '../../../utils/errors'
import { FormatError } from './source'

// Every upload is read once: libvips' operation cache would only hold memory and file handles.
sharp.cache(false)

/**
 * Decodes the whole image (libvips, off the event loop), refusing one whose format is not the one its
 * first bytes claim or whose pixel data is damaged or cut short. The size is read from the header
 * first: an image of more pixels than the limit is refused before a pixel is decoded.
 */
export async function decodeImage(input: Buffer | string, format: 'png' | 'jpeg' | 'webp'): Promise<void> {
  // The header alone (no pixel is decoded here), so an oversized image is told as such.
  const metadata = await sharp(input, { limitInputPixels: false }).metadata().catch(() => {
    throw new FormatError('无法读取图像信息')
  })
  if (metadata.format !== format) throw new FormatError('图像格式与文件开头不一致')
  if (metadata.width * metadata.height > contentLimits.imageMaxPixels) {
    throw refuse(413, `图片尺寸过大（${metadata.width}×${metadata.height}），最多${contentLimits.imageMaxPixels / 10_000}万像素，请缩小后上传`, 'file')
  }
  // 'error', not sharp's default 'warning': cameras write JPEGs that libjpeg warns about and every viewer shows.
  await sharp(input, { failOn: 'error', limitInputPixels: contentLimits.imageMaxPixels, sequentialRead: true }).stats().catch(() => {
    throw new FormatError('图像数据损坏或不完整')
  })
}
