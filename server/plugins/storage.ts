import { join } from 'node:path'
import fsDriver from 'unstorage/drivers/fs-lite'
import { closeRateLimitRedis, rateLimitRedis } from '../utils/rateLimit'
import { dataDir } from '../utils/dataDir'

/**
 * Shared counters (rate limits) live in Redis when there is one, so all instances see the same numbers: its
 * connection opens with the server. Evidence files are private: kept under DATA_DIR/uploads, never served as
 * static files.
 */
export default defineNitroPlugin((nitroApp) => {
  rateLimitRedis()
  nitroApp.hooks.hook('close', closeRateLimitRedis)
  useStorage().mount('evidence', fsDriver({ base: join(dataDir(), 'uploads') }))
})
