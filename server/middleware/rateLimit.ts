import { enforceRateLimit, searchRateLimit } from '../utils/rateLimit'

// Search costs the same whether asked by the API or by a page that renders it.
const limited = /^\/(?:api\/search|search|lists\/)/

export default defineEventHandler(async (event) => {
  if (limited.test(event.path)) await enforceRateLimit(event, searchRateLimit)
})
