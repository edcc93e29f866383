import { logError } from '../utils/log'
import { startPlatform, stopPlatform } from '../utils/platform'

/** Database (migrated), city configuration, Meilisearch and the index worker, up with the server. */
export default defineNitroPlugin((nitroApp) => {
  startPlatform().catch((error: Error) => {
    logError('[platform] start failed', error)
    process.exitCode = 1
  })
  nitroApp.hooks.hook('close', stopPlatform)
})
