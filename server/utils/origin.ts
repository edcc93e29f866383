import { getHeader, getRequestHost, type H3Event } from 'h3'
import { trustProxy } from './proxy'

const hostOf = (origin: string) => URL.parse(origin)?.host ?? 'invalid'

/**
 * Where a request comes from, as the browser tells it: `foreign` when another site's page sent it (its Origin,
 * or Sec-Fetch-Site: cross-site), `own` when this site's page did, `unknown` when the request says neither
 * (a script, a very old browser).
 */
export function requestSite(event: H3Event): 'own' | 'foreign' | 'unknown' {
  const fetchSite = getHeader(event, 'sec-fetch-site')
  if (fetchSite === 'cross-site') return 'foreign'
  const origin = getHeader(event, 'origin')
  if (origin !== undefined) return hostOf(origin) === getRequestHost(event, { xForwardedHost: trustProxy() }) ? 'own' : 'foreign'
  return fetchSite === 'same-origin' ? 'own' : 'unknown'
}
