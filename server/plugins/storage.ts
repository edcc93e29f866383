import { join } from 'node:path'
import fsDriver from 'unstorage/drivers/fs-lite'
import redisDriver from 'unstorage/drivers/redis'
import { dataDir } from '../utils/dataDir'

/**
 * Shared counters (rate limits) live in Redis when there is one, so all instances see the same numbers.
 * Evidence files are private: kept under DATA_DIR/uploads, never served as static files.
 */
export default defineNitroPlugin(() => {
  if (process.env.REDIS_URL) useStorage().mount('ratelimit', redisDriver({ url: process.env.REDIS_URL, base: process.env.REDIS_PREFIX || 'credit-portal' }))
  useStorage().mount('evidence', fsDriver({ base: join(dataDir(), 'uploads') }))
})
