import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32, deflateSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { sniffEvidence } from '../../../../../server/domain/files/sniff'
import { verifyContent, type ContentType } from '../../../../../server/domain/files/verify'
import { sniffMedia } from '../../../../../server/domain/training/mediaType'
import { craftedEvidence, craftedMedia, jpegFile, mp4File, pdfFile, pngFile, webmFile, webpFile } from '../../../../support/files'

const dir = mkdtempSync(join(tmpdir(), 'verify-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let written = 0
/** Lesson media are checked on disk, where they were streamed to. */
function onDisk(bytes: Buffer): string {
  const path = join(dir, String(written++))
  writeFileSync(path, bytes)
  return path
}

async function refusal(type: ContentType, file: Buffer | string, name = '材料') {
  const error = await verifyContent(type, file, name).then(() => null, (e: { statusCode: number, message: string, data?: { fields?: Record<string, string[]> } }) => e)
  if (!error) throw new Error(`${type} accepted`)
  return error
}

describe('verifyContent: whole files of each type are kept', () => {
  it('accepts real PNG, JPEG and PDF evidence, in memory', async () => {
    await verifyContent('image/png', await pngFile(), '营业执照.png')
    await verifyContent('image/jpeg', await jpegFile(640, 480), '现场照片.jpg')
    await verifyContent('application/pdf', await pdfFile(3), '授权委托书.pdf')
  })

  it('accepts real lesson images and videos, on disk', async () => {
    await verifyContent('image/png', onDisk(await pngFile()), '图.png')
    await verifyContent('image/jpeg', onDisk(await jpegFile()), '图.jpg')
    await verifyContent('image/webp', onDisk(await webpFile()), '图.webp')
    await verifyContent('video/mp4', onDisk(mp4File()), '讲解.mp4')
    await verifyContent('video/mp4', onDisk(mp4File(Buffer.alloc(4000, 7), { handler: 'soun', samples: 4 })), '讲解.m4a.mp4')
    await verifyContent('video/webm', onDisk(webmFile()), '讲解.webm')
    await verifyContent('video/webm', onDisk(webmFile({ live: true })), '录屏.webm')
  })

  it('tolerates blank padding after the end, which can hide nothing', async () => {
    await verifyContent('application/pdf', Buffer.concat([await pdfFile(), Buffer.from('\r\n\n')]), 'a.pdf')
    await verifyContent('image/png', Buffer.concat([await pngFile(), Buffer.alloc(512)]), 'a.png')
  })
})

describe('verifyContent: a valid header is not enough', () => {
  it('refuses every crafted evidence file (by its first bytes or by its structure) with a 415 naming the file and the type', async () => {
    for (const crafted of await craftedEvidence()) {
      const type = sniffEvidence(crafted.bytes)
      if (!type) {
        expect(['a zip named .png', 'an SVG with a script'], crafted.why).toContain(crafted.why)
        continue
      }
      const error = await refusal(type, crafted.bytes, crafted.name)
      expect(error.statusCode, crafted.why).toBe(415)
      expect(error.message, crafted.why).toMatch(new RegExp(`^「${crafted.name}」的内容与(PDF|JPG|PNG)格式不符：.+。请上传有效的(PDF|JPG|PNG)文件$`))
      expect(error.data?.fields?.file, crafted.why).toEqual([error.message])
    }
  })

  it('refuses every crafted lesson file on disk with a 415', async () => {
    for (const crafted of await craftedMedia()) {
      const type = sniffMedia(crafted.bytes)
      if (!type) {
        expect(crafted.why).toBe('an SVG with a script')
        continue
      }
      const error = await refusal(type, onDisk(crafted.bytes), crafted.name)
      expect(error.statusCode, crafted.why).toBe(415)
      expect(error.message, crafted.why).toContain(`「${crafted.name}」的内容与`)
    }
  })

  it('says what is wrong: HTML after a picture, a PDF without pages, a video without samples', async () => {
    const html = Buffer.from('<script>alert(1)</script>')
    expect((await refusal('image/jpeg', Buffer.concat([await jpegFile(), html]))).message).toContain('文件结束后还附带了其他内容')
    expect((await refusal('application/pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'))).message).toContain('没有可显示的页面')
    expect((await refusal('video/mp4', onDisk(mp4File(Buffer.alloc(0), { samples: 0 })))).message).toContain('没有可播放的视频或音频轨道')
  })
})

describe('verifyContent: checking never costs more than keeping', () => {
  it('refuses an image of more than 40 megapixels from its header, before decoding it (413)', async () => {
    const jpeg = await jpegFile()
    const frame = jpeg.indexOf(Buffer.from([0xFF, 0xC0]))
    jpeg.writeUInt16BE(60000, frame + 5)
    jpeg.writeUInt16BE(60000, frame + 7)
    const started = performance.now()
    const error = await refusal('image/jpeg', jpeg)
    expect(error.statusCode).toBe(413)
    expect(error.message).toContain('60000×60000')
    expect(performance.now() - started).toBeLessThan(1000)

    const chunk = (type: string, data: Buffer) => {
      const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
      const head = Buffer.alloc(4)
      head.writeUInt32BE(data.length)
      const crc = Buffer.alloc(4)
      crc.writeUInt32BE(crc32(body))
      return Buffer.concat([head, body, crc])
    }
    const header = Buffer.alloc(13)
    header.writeUInt32BE(20000, 0)
    header.writeUInt32BE(20000, 4)
    header[8] = 8
    header[9] = 2
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))])
    expect((await refusal('image/png', png)).statusCode).toBe(413)
  })
})
