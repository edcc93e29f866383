import compression from 'compression'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { NodeMiddleware } from 'h3'

// The package is typed for Express, but reads no more than Node's own request and response (headers, status).
type NodeFilter = (req: IncomingMessage, res: ServerResponse) => boolean
const byType = compression.filter as unknown as NodeFilter

/**
 * Pages and API answers leave compressed, so a phone on a slow network gets them fast with no proxy in front:
 * Brotli when the browser takes it, else gzip (expressjs/compression: streaming Node zlib, `Vary: Accept-Encoding`,
 * nothing under 1 KB, nothing marked `no-transform`, only compressible types). Static files are compressed at build
 * time (nitro.compressPublicAssets) and served before this runs. Left alone: byte ranges (a 206 must describe the
 * bytes of the file itself: media, PDFs, downloads) and event streams, which must reach the client as written.
 */
function compressible(req: IncomingMessage, res: ServerResponse): boolean {
  // Nuxt's error handler renders the page by a request to itself, marked x-nuxt-error and carrying the browser's
  // Accept-Encoding; it sends that text on, so compressing it here would send the outer answer empty.
  if (req.headers['x-nuxt-error']) return false
  if (req.headers.range || res.statusCode === 206) return false
  if (String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) return false
  return byType(req, res)
}

const middleware = compression({ threshold: 1024, filter: compressible })

export default fromNodeMiddleware(middleware as unknown as NodeMiddleware)
