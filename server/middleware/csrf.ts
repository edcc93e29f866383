import { refuse } from '../utils/errors'
import { requestSite } from '../utils/origin'

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Session cookies are SameSite=Lax; on top of that a state-changing request from another site's page is
 * refused by its Origin, whether an API call or a plain form (the login page posts to /login). The ingest API
 * is exempt: it authenticates by key, never by cookie.
 */
export default defineEventHandler((event) => {
  if (!unsafe.has(event.method) || event.path.startsWith('/api/ingest')) return
  if (requestSite(event) === 'foreign') throw refuse(403, '跨站请求已被拒绝，请从本站页面操作')
})
