import { loadCity, syncCity } from '../../server/domain/city'
import { closeConnection, useConnection, type Database } from '../../server/utils/db'
import { logError } from '../../server/utils/log'
import { startLocalMeili, type LocalMeili } from '../../server/utils/meiliProcess'
import { applyIndexSettings, configuredEndpoint, searchService, type SearchService } from '../../server/utils/search'

/** The database for a command: the running portal's (through its socket) or opened here. */
export async function openDb(): Promise<Database> {
  const { db } = await useConnection()
  await syncCity(db, loadCity())
  return db
}

/**
 * Meilisearch for a command: MEILI_URL, the running portal's, or — when `start` — one started here
 * for the command's duration. Null when none is reachable and none may be started.
 */
export async function openSearch(start: boolean): Promise<{ search: SearchService, stop: () => Promise<void> } | null> {
  const endpoint = configuredEndpoint()
  if (endpoint) {
    const search = searchService(endpoint)
    if (await search.client.isHealthy()) return { search, stop: async () => {} }
    if (process.env.MEILI_URL) throw new Error(`Meilisearch at ${endpoint.url} is not reachable`)
  }
  if (!start) return null
  const local: LocalMeili = await startLocalMeili()
  const search = searchService(local)
  await applyIndexSettings(search)
  return { search, stop: local.stop }
}

export async function closeDb(): Promise<void> {
  await closeConnection()
}

/** Runs a command and exits with its status: errors in plain words on stderr. */
export function run(main: () => Promise<void>): void {
  main().then(() => closeDb()).then(() => process.exit(0), async (error: Error) => {
    logError(error.message)
    await closeDb().catch(() => {})
    process.exit(1)
  })
}
