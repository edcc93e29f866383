import { trustProxy } from '../utils/proxy'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

const hostOf = (origin: string) => URL.parse(origin)?.host ?? 'invalid'

/**
 * Session cookies are SameSite=Lax; on top of that a state-changing call from another site's page is
 * refused by its Origin. The ingest API is exempt: it authenticates by key, never by cookie.
 */
export default defineEventHandler((event) => {
  if (!unsafe.has(event.method) || !event.path.startsWith('/api/') || event.path.startsWith('/api/ingest')) return
  const origin = getHeader(event, 'origin')
  const foreign = getHeader(event, 'sec-fetch-site') === 'cross-site'
    || (origin !== undefined && hostOf(origin) !== getRequestHost(event, { xForwardedHost: trustProxy() }))
  if (foreign) throw refuse(403, '跨站请求已被拒绝，请从本站页面操作')
})
