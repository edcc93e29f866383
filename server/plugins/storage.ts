import redisDriver from 'unstorage/drivers/redis'

/** Shared counters (rate limits) live in Redis when there is one, so all instances see the same numbers. */
export default defineNitroPlugin(() => {
  if (process.env.REDIS_URL) useStorage().mount('ratelimit', redisDriver({ url: process.env.REDIS_URL, base: process.env.REDIS_PREFIX || 'credit-portal' }))
})
