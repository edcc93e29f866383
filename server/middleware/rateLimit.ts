import { enforceRateLimit, searchRateLimit } from '../utils/rateLimit'

// Search costs the same whether asked by the API or by a page that renders it.
// The commitment search (page and API) counts with it; a commitment's own page and signing do not.
const limited = /^\/(?:api\/search|search|lists\/|(?:api\/)?commitments(?:\?|$))/

export default defineEventHandler(async (event) => {
  if (event.method === 'GET' && limited.test(event.path)) await enforceRateLimit(event, searchRateLimit)
})
