import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

/** API tests run against the built server, as production runs it; SKIP_BUILD=1 reuses a fresh .output. */
export default function setup(): void {
  if (process.env.SKIP_BUILD === '1' && existsSync('.output/server/index.mjs')) return
  execFileSync('npx', ['nuxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
}
