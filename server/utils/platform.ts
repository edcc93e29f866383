import { setTimeout as sleep } from 'node:timers/promises'
import { loadCity, syncCity } from '../domain/city'
import { drainCommitmentsOnce } from '../domain/commitments/outbox'
import { ensureStandardTemplates } from '../domain/commitments/templates'
import { expirePublications } from '../domain/records/expire'
import { drainOnce } from '../domain/search/outbox'
import { closeConnection, useConnection, type Database } from './db'
import { logError, logWarning } from './log'
import { startLocalMeili, type LocalMeili } from './meiliProcess'
import { applyIndexSettings, configuredEndpoint, searchService, type SearchService } from './search'

/** The server's infrastructure, started once per process by the platform plugin. */
export interface Platform { db: Database, search: SearchService | null }

let started: Promise<Platform> | undefined
let localMeili: LocalMeili | undefined
let stopping = false
let wake: (() => void) | undefined

/** Asks the index worker to look at the outbox now rather than at its next poll. */
export function notifyOutbox(): void {
  wake?.()
}

/** Our own Meilisearch is restarted on the same port when it dies; the index worker then catches up. */
async function superviseLocalMeili(port?: number): Promise<LocalMeili> {
  const meili = await startLocalMeili({ port })
  meili.onUnexpectedExit(() => {
    logError('[search] local Meilisearch exited; restarting')
    const retry = () => superviseLocalMeili(meili.port).then((next) => { localMeili = next }, () => setTimeout(retry, 2000))
    setTimeout(retry, 500)
  })
  return meili
}

async function startSearch(): Promise<SearchService | null> {
  const endpoint = process.env.MEILI_URL ? configuredEndpoint() : (localMeili = await superviseLocalMeili())
  if (!endpoint) return null
  const search = searchService(endpoint)
  try {
    await applyIndexSettings(search)
  }
  catch (error) {
    // The database is the source of truth: the portal starts, health says degraded, the index catches up later.
    logWarning('[search] settings not applied yet', error)
  }
  return search
}

/** Drains the outbox while the process lives; waits when Meilisearch is away and catches up after. */
async function indexWorker(platform: Platform): Promise<void> {
  let backoff = 500
  while (!stopping && platform.search) {
    try {
      const done = await drainOnce(platform.db, platform.search) + await drainCommitmentsOnce(platform.db, platform.search)
      backoff = 500
      if (done > 0) continue
    }
    catch {
      backoff = Math.min(backoff * 2, 5000)
    }
    await Promise.race([sleep(backoff), new Promise<void>((resolve) => { wake = resolve })])
  }
}

export function startPlatform(): Promise<Platform> {
  started ??= (async () => {
    const { db } = await useConnection()
    await syncCity(db, loadCity())
    // A fresh database (production too) gets the standard commitment templates; existing ones are kept.
    await ensureStandardTemplates(db)
    const platform: Platform = { db, search: await startSearch() }
    await expirePublications(db)
    void indexWorker(platform)
    return platform
  })()
  return started
}

export function usePlatform(): Promise<Platform> {
  return startPlatform()
}

export async function stopPlatform(): Promise<void> {
  stopping = true
  wake?.()
  await localMeili?.stop()
  await closeConnection()
}
