import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'

/** Everything the portal keeps on this machine (PGlite, local Meilisearch, uploads) lives here. */
export function dataDir(): string {
  const dir = resolve(process.env.DATA_DIR || '.data')
  mkdirSync(dir, { recursive: true })
  return dir
}
