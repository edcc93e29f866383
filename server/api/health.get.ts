import { healthOf } from '../domain/health'
import { usePlatform } from '../utils/platform'

export default defineEventHandler(async (event) => {
  const health = await healthOf(await usePlatform())
  // Search down is degraded service, still answered; without the database nothing works.
  setResponseStatus(event, health.db === 'ok' ? 200 : 503)
  setHeader(event, 'cache-control', 'no-store')
  return health
})
