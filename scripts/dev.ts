// npm run dev: the portal with demo data on a fresh machine. Seeds a few thousand synthetic records the
// first time (never in production: `node .output/server/index.mjs` invents nothing), then starts Nuxt.
import { spawnSync, spawn } from 'node:child_process'

const seed = spawnSync('npx', ['tsx', 'scripts/seed.ts', '--records', process.env.DEMO_RECORDS ?? '3000', '--if-empty'], { stdio: 'inherit' })
if (seed.status !== 0) process.exit(seed.status ?? 1)
const nuxt = spawn('npx', ['nuxt', 'dev', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => nuxt.kill(signal))
nuxt.on('exit', code => process.exit(code ?? 0))
