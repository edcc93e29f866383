import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import PDFDocument from 'pdfkit'
import { encode } from 'uqr'

const FONT_FILE = 'NotoSansHans-Regular.otf'

/**
 * Noto Sans SC (GB2312 set, from the npm package @embedpdf/fonts-sc): the built server carries it beside
 * its entry file (nuxt.config.ts copies it), development reads it from node_modules. No system fonts needed.
 */
function fontPath(): string {
  const candidates = [
    process.env.PDF_FONT,
    process.argv[1] ? join(dirname(process.argv[1]), 'fonts', FONT_FILE) : undefined,
    join(process.cwd(), 'node_modules/@embedpdf/fonts-sc/fonts', FONT_FILE),
  ]
  const found = candidates.find(path => path && existsSync(path))
  if (!found) throw new Error('PDF font not found (set PDF_FONT)')
  return found
}

let font: Buffer | undefined

export type Pdf = InstanceType<typeof PDFDocument>

/** A4 document in Chinese: `draw` lays it out; only the glyphs used are embedded. */
export async function renderPdf(info: { title: string, author: string }, draw: (doc: Pdf) => void): Promise<Buffer> {
  font ??= readFileSync(fontPath())
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info: { Title: info.title, Author: info.author }, lang: 'zh-CN' })
  doc.registerFont('cjk', font)
  doc.font('cjk')
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  draw(doc)
  doc.end()
  return done
}

/** A QR code as vector squares: sharp at any zoom, no image library needed. */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number) {
  const qr = encode(text, { border: 1 })
  const cell = size / qr.size
  doc.save().rect(x, y, size, size).fill('#ffffff')
  qr.data.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) doc.rect(x + c * cell, y + r * cell, cell, cell)
  }))
  doc.fill('#000000').restore()
}
