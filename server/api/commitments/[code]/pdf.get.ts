import { commitmentPdf } from '../../../domain/commitments/pdf'

/** 信用承诺书 PDF with the signature and a QR code to the commitment's page; visible as the page is. */
export default defineEventHandler(async (event) => {
  const viewer = await requireUser(event).catch(() => null)
  const { db } = await usePlatform()
  const { code, bytes } = await commitmentPdf(db, await textParam(event, 'code'), viewer, siteUrl(event))
  setResponseHeaders(event, {
    'content-type': 'application/pdf',
    'content-length': bytes.length,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(`信用承诺书${code}.pdf`)}`,
    'cache-control': 'private, no-store',
  })
  return bytes
})
