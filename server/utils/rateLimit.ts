import { getRequestIP, setResponseHeader, type H3Event } from 'h3'
import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { accountPolicy } from '../../config/accounts'
import { refuse } from './errors'
import { logError } from './log'
import { trustProxy } from './proxy'

export interface RateLimit {
  name: string
  limit: number
  windowSeconds: number
  /** What is limited, as the 429's message names it ("查询过于频繁"); 操作 when unset. */
  label?: string
}

let redis: Redis | undefined
const limiters = new Map<string, RateLimiterAbstract>()

/**
 * The shared counters' Redis connection. Opened at start (server/plugins/storage.ts), so the first requests
 * already count in Redis; commands are not queued while it is away, the memory fallback counts instead.
 */
export function rateLimitRedis(): Redis | undefined {
  const url = process.env.REDIS_URL
  if (!url || redis) return redis
  let reported = false
  redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
  // Once per outage, and without the URL (it may hold a password).
  redis.on('error', (error: Error) => {
    if (!reported) logError(`[rate limit] Redis unavailable, counting in memory on this instance: ${error.message}`)
    reported = true
  })
  redis.on('ready', () => { reported = false })
  return redis
}

export async function closeRateLimitRedis(): Promise<void> {
  await redis?.quit().catch(() => redis?.disconnect())
  redis = undefined
}

/**
 * One counter per rule, incremented atomically (a Lua script in Redis, one Map entry in memory), so parallel
 * requests never undercount: Redis when REDIS_URL is set, shared by every instance, with this instance's memory
 * as the fallback while Redis is away; memory on a single machine.
 */
function limiterOf(rule: RateLimit): RateLimiterAbstract {
  const id = `${rule.name}:${rule.limit}:${rule.windowSeconds}`
  const known = limiters.get(id)
  if (known) return known
  const options = { keyPrefix: rule.name, points: rule.limit, duration: rule.windowSeconds }
  const memory = new RateLimiterMemory(options)
  const store = rateLimitRedis()
  const limiter = store
    ? new RateLimiterRedis({
        ...options,
        keyPrefix: `${process.env.REDIS_PREFIX || 'credit-portal'}:ratelimit:${rule.name}`,
        storeClient: store,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory
  limiters.set(id, limiter)
  return limiter
}

export const clientAddress = (event: H3Event) => getRequestIP(event, { xForwardedFor: trustProxy() }) ?? 'unknown'

/**
 * Counts one request against `rule` for `key`: the client's address unless another key is given (an account,
 * a person). Over the limit: 429 with Retry-After.
 */
export async function enforceRateLimit(event: H3Event, rule: RateLimit, key?: string): Promise<void> {
  // A page's own server-side call to the API has no socket: the page request was counted already.
  if (key === undefined && !event.node.req.socket?.remoteAddress) return
  try {
    await limiterOf(rule).consume(key ?? clientAddress(event))
  }
  catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection
    const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))
    setResponseHeader(event, 'retry-after', retryAfter)
    throw refuse(429, `${rule.label ?? '操作'}过于频繁，请${retryAfter}秒后再试`)
  }
}

export const searchRateLimit: RateLimit = {
  name: 'search',
  label: '查询',
  limit: Number(process.env.SEARCH_RATE_LIMIT || 120),
  windowSeconds: Number(process.env.SEARCH_RATE_WINDOW || 60),
}

const { loginAttempts } = accountPolicy
const loginWindow = Number(process.env.LOGIN_RATE_WINDOW || loginAttempts.windowSeconds)

/** Sign-in attempts per account typed (known or not, so the answer tells nothing) and per client address. */
export const loginRateLimits: { perAccount: RateLimit, perClient: RateLimit } = {
  perAccount: { name: 'login-account', label: '登录尝试', limit: Number(process.env.LOGIN_RATE_LIMIT_ACCOUNT || loginAttempts.perAccount), windowSeconds: loginWindow },
  perClient: { name: 'login-client', label: '登录尝试', limit: Number(process.env.LOGIN_RATE_LIMIT_CLIENT || loginAttempts.perClient), windowSeconds: loginWindow },
}
