import { openEvidence } from '../../domain/files/evidence'

/** A private evidence file for its uploader or whoever may see its application; everyone else gets 404. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  const { file, bytes } = await openEvidence(db, useStorage('evidence'), user, await textParam(event, 'id'))
  setResponseHeaders(event, {
    'content-type': file.mime,
    'content-length': bytes.length,
    'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'cache-control': 'private, no-store',
    'x-content-type-options': 'nosniff',
  })
  return bytes
})
