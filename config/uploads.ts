/** Evidence uploads (issue 4): one file's limit in MB; EVIDENCE_MAX_MB changes it. */
export const evidenceMaxBytes = Number(process.env.EVIDENCE_MAX_MB || 10) * 1024 * 1024

/**
 * How far the structure check of an upload may go (issue 12), so that checking a file never costs more
 * than keeping it: an image's pixels are counted from its header before it is decoded (40 megapixels
 * is a 7,300 × 5,500 photo, more than any phone takes); a PDF is parsed within a time and object budget,
 * and its compressed streams may not inflate past a budget (a 10 MB "zip bomb" would be 10 GB).
 */
export const contentLimits = {
  imageMaxPixels: 40_000_000,
  pdfParseMs: Number(process.env.PDF_PARSE_MS || 5000),
  pdfMaxObjects: 200_000,
  pdfMaxStreams: 10_000,
  pdfStreamMaxInflatedBytes: 100 * 1024 * 1024,
  pdfTotalMaxInflatedBytes: 400 * 1024 * 1024,
} as const
