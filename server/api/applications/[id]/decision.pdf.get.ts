import { decisionPdf } from '../../../domain/repairs/decisionPdf'

/** 信用修复决定书: for the applicant, the subject's agents and staff in scope; a 404 for anyone else. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  const { number, bytes } = await decisionPdf(db, user, idParam(event, 'id', '申请'), siteUrl(event))
  setResponseHeaders(event, {
    'content-type': 'application/pdf',
    'content-length': bytes.length,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(`信用修复决定书${number}.pdf`)}`,
    'cache-control': 'private, no-store',
  })
  return bytes
})
