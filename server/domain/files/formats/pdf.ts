import { setImmediate } from 'node:timers/promises'
import { createInflate, inflateSync } from 'node:zlib'
import { PDFDict, PDFName, PDFNumber, PDFParser } from 'pdf-lib'
import { contentLimits } from '../../../../config/uploads'
import { assertNothingAfter, bufferSource, FormatError } from './source'

const tooComplex = () => new FormatError('PDF结构过于复杂，无法在限定时间内检查，请重新导出或“打印为PDF”后上传')

/** The offset just past the last `%%EOF` marker: a PDF's end, later incremental updates included. */
function pdfEnd(bytes: Buffer): number {
  const marker = bytes.lastIndexOf('%%EOF')
  if (marker === -1) throw new FormatError('缺少PDF结束标记，文件可能不完整')
  return marker + 5
}

/** How many bytes one zlib stream inflates to, counted without keeping them; stops past `budget`. */
function inflatedSizeStreaming(compressed: Buffer, budget: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate()
    let size = 0
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > budget) inflate.destroy()
    })
    inflate.on('close', () => resolve(size))
    inflate.on('error', () => resolve(size))
    inflate.end(compressed)
  })
}

const SMALL_STREAM = 1024 * 1024

/**
 * How many bytes the zlib stream at the start of `compressed` inflates to (it ends by itself; what
 * follows is ignored). Most streams are small and measured at once; a large one is measured as a
 * stream, off the event loop and without keeping its output. 0 when it is not zlib data (another
 * filter, or encrypted): the parser never inflates it either.
 */
async function inflatedSize(compressed: Buffer, budget: number): Promise<number> {
  try {
    return inflateSync(compressed, { maxOutputLength: SMALL_STREAM }).length
  }
  catch (error) {
    if ((error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') return 0
    return inflatedSizeStreaming(compressed, budget)
  }
}

/**
 * The parser inflates object streams whole in memory. Every stream is measured first, without
 * keeping its output, so a small file that inflates to gigabytes is refused before anything does.
 */
async function assertNoInflationBomb(bytes: Buffer): Promise<void> {
  let total = 0
  let streams = 0
  for (let at = bytes.indexOf('stream'); at !== -1; at = bytes.indexOf('stream', at + 6)) {
    if (bytes.toString('latin1', at - 3, at) === 'end') continue
    if (++streams > contentLimits.pdfMaxStreams) throw tooComplex()
    // Measuring is quick but not free: other requests go on between every few hundred streams.
    if (streams % 256 === 0) await setImmediate()
    let start = at + 6
    if (bytes[start] === 0x0D) start++
    if (bytes[start] === 0x0A) start++
    const size = await inflatedSize(bytes.subarray(start), contentLimits.pdfStreamMaxInflatedBytes)
    total += size
    if (size > contentLimits.pdfStreamMaxInflatedBytes || total > contentLimits.pdfTotalMaxInflatedBytes) {
      throw new FormatError('PDF内含异常的压缩数据，请重新导出或“打印为PDF”后上传')
    }
  }
}

/**
 * Parses every object of the file (pdf-lib) within a time and object budget, and requires a document
 * catalog with at least one page: a PDF header in front of anything else has neither.
 */
async function parseWithinBudget(bytes: Buffer): Promise<void> {
  const parser = PDFParser.forBytesWithOptions(bytes, 100, true)
  // The parser yields to the event loop every 100 objects through this hook (private in its types):
  // there it is stopped when it has taken too long or seen too many objects.
  const hooked = parser as unknown as { shouldWaitForTick: () => boolean }
  const shouldWaitForTick = hooked.shouldWaitForTick
  const deadline = performance.now() + contentLimits.pdfParseMs
  let objects = 0
  hooked.shouldWaitForTick = () => {
    if (++objects > contentLimits.pdfMaxObjects || performance.now() > deadline) throw tooComplex()
    return shouldWaitForTick()
  }
  const context = await parser.parseDocument().catch((error: unknown) => {
    throw error instanceof FormatError ? error : new FormatError('PDF结构损坏，无法解析')
  })
  try {
    const catalog = context.lookup(context.trailerInfo.Root, PDFDict)
    const count = catalog.lookup(PDFName.of('Pages'), PDFDict).lookup(PDFName.of('Count'), PDFNumber).asNumber()
    if (!(count >= 1)) throw new Error('no page')
  }
  catch {
    throw new FormatError('PDF中没有可显示的页面')
  }
}

/** A PDF that parses, has pages, and carries nothing after its last `%%EOF` but blank lines. */
export async function checkPdf(bytes: Buffer): Promise<void> {
  await assertNothingAfter(bufferSource(bytes), pdfEnd(bytes))
  await assertNoInflationBomb(bytes)
  await parseWithinBudget(bytes)
}
