import { startLocalMeili } from '../../server/utils/meiliProcess'
import { applyIndexSettings, searchService, type SearchService } from '../../server/utils/search'

/** A real Meilisearch under the test's DATA_DIR, with the portal's index settings. */
export async function startTestSearch(): Promise<{ search: SearchService, stop: () => Promise<void> }> {
  const local = await startLocalMeili()
  const search = searchService(local)
  await applyIndexSettings(search)
  return { search, stop: local.stop }
}
