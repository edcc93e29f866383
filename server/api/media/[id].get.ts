import { openMedia } from '../../domain/training/media'

/**
 * Public teaching material, streamed from disk with byte ranges so a video can be seeked. A file never
 * changes under its id: cached for a year.
 */
export default defineEventHandler(async (event) => {
  const { db } = await usePlatform()
  const media = await openMedia(db, await textParam(event, 'id'), getRequestHeader(event, 'range'))
  setResponseHeaders(event, { 'accept-ranges': 'bytes', 'x-content-type-options': 'nosniff' })
  if (media.status === 416) {
    setResponseStatus(event, 416)
    setResponseHeader(event, 'content-range', `bytes */${media.size}`)
    return ''
  }
  setResponseStatus(event, media.status)
  setResponseHeaders(event, {
    'content-type': media.mime,
    'content-length': media.size ? media.end - media.start + 1 : 0,
    'cache-control': 'public, max-age=31536000, immutable',
    ...(media.status === 206 ? { 'content-range': `bytes ${media.start}-${media.end}/${media.size}` } : {}),
  })
  return sendStream(event, media.stream())
})
