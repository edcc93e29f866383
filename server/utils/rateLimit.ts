import { createError, getRequestIP, setResponseHeader, type H3Event } from 'h3'
import { useStorage } from 'nitropack/runtime'

export interface RateLimit { name: string, limit: number, windowSeconds: number }

/**
 * A fixed-window counter per client in the `ratelimit` storage mount: Redis when REDIS_URL is set,
 * so every instance counts together; memory on a single machine. Over the limit: 429 with Retry-After.
 */
export async function enforceRateLimit(event: H3Event, rule: RateLimit): Promise<void> {
  // A page's own server-side call to the API has no socket: the page request was counted already.
  if (!event.node.req.socket?.remoteAddress) return
  const client = getRequestIP(event, { xForwardedFor: process.env.TRUST_PROXY === '1' }) ?? 'unknown'
  const now = Math.floor(Date.now() / 1000)
  const window = Math.floor(now / rule.windowSeconds)
  const key = `${rule.name}:${client.replaceAll(':', '_')}:${window}`
  const storage = useStorage('ratelimit')
  const count = ((await storage.getItem<number>(key)) ?? 0) + 1
  await storage.setItem(key, count, { ttl: rule.windowSeconds * 2 })
  if (count > rule.limit) {
    const retryAfter = (window + 1) * rule.windowSeconds - now
    setResponseHeader(event, 'retry-after', retryAfter)
    throw createError({ statusCode: 429, message: `查询过于频繁，请${retryAfter}秒后再试` })
  }
}

export const searchRateLimit: RateLimit = {
  name: 'search',
  limit: Number(process.env.SEARCH_RATE_LIMIT || 120),
  windowSeconds: Number(process.env.SEARCH_RATE_WINDOW || 60),
}
