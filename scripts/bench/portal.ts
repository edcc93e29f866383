import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Portal { base: string, stop: () => void }

/**
 * The built server (.output) on a seeded DATA_DIR, as production runs it: it starts its own Meilisearch and
 * is ready once its index has caught up with the database. Searches are not rate-limited for a bench.
 */
export async function startPortal(dir: string, port: number, log: (message: string) => void, output = '.output'): Promise<Portal> {
  const child = spawn(process.execPath, [join(output, 'server/index.mjs')], {
    env: {
      NUXT_SESSION_PASSWORD: 'bench-session-password-at-least-32-characters',
      ...process.env,
      DATA_DIR: dir,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEARCH_RATE_LIMIT: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (let waited = 0; ; waited += 1) {
    if (child.exitCode !== null) throw new Error(`门户服务已退出（${child.exitCode}）`)
    const health = await fetch(`${base}/api/health`).then(r => r.json() as Promise<{ indexLag: number, search: string }>, () => null)
    if (health?.search === 'ok' && health.indexLag === 0) break
    if (health && waited % 30 === 0) log(`waiting for the index: ${health.indexLag} changes behind`)
    await sleep(1000)
  }
  return { base, stop: () => child.kill('SIGTERM') }
}
