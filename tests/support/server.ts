import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { freePort } from '../../server/utils/net'
import { provisionDatabase } from './database'

export interface TestServer {
  url: string
  dataDir: string
  env: Record<string, string>
  /** Everything the server printed, to check that no personal data reaches a log. */
  output: () => string
  /**
   * Runs one of the project's CLI commands against this server's data. Asynchronous on purpose: a
   * blocked event loop keeps idle keep-alive sockets open past the server's timeout, and the next
   * request on one fails with "other side closed".
   */
  cli: (script: string, args: string[]) => Promise<{ stdout: string, stderr: string, status: number | null }>
  stop: () => Promise<void>
}

/**
 * Starts `.output/server/index.mjs` with a data directory (and database) of its own, on a free port or on
 * `extraEnv.PORT` (chosen beforehand when another server must know the portal's address, as an identity provider does).
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-api-'))
  const database = await provisionDatabase()
  const port = Number(extraEnv.PORT) || await freePort()
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    // Seals session cookies; production sets its own secret.
    NUXT_SESSION_PASSWORD: 'test-session-password-at-least-32-chars',
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...extraEnv,
  }
  let output = ''
  const child: ChildProcess = spawn(process.execPath, ['.output/server/index.mjs'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString() })
  let stopping = false
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`server exited unexpectedly (${code ?? signal}):\n${output}`)
  })
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 90_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`)
    const health = await fetch(`${url}/api/health`).then(r => r.json() as Promise<{ db?: string }>, () => null)
    if (health?.db === 'ok') break
    if (Date.now() > deadline) throw new Error(`server did not start: ${output}`)
    await sleep(200)
  }
  return {
    url,
    dataDir,
    env,
    output: () => output,
    cli: (script, args) => new Promise((resolve, reject) => {
      const command = spawn('npx', ['tsx', script, ...args], { env: { ...process.env, ...env } })
      let stdout = ''
      let stderr = ''
      command.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
      command.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
      command.on('error', reject)
      command.on('close', status => resolve({ stdout, stderr, status }))
    }),
    stop: async () => {
      stopping = true
      const exited = new Promise(resolve => child.once('exit', resolve))
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(15_000)])
      if (child.exitCode === null) child.kill('SIGKILL')
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Waits until the server says its index has caught up with the database. */
export async function waitForIndex(server: TestServer, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    // A pooled keep-alive connection the server has just closed fails once ("other side closed"): ask again.
    const health = await fetch(`${server.url}/api/health`).then(r => r.json() as Promise<{ indexLag: number, search: string }>, () => null)
    if (health?.indexLag === 0 && health.search === 'ok') return
    if (Date.now() > deadline) throw new Error(`index still ${health?.indexLag} behind`)
    await sleep(100)
  }
}

/** The portal's own Meilisearch endpoint (from its data directory), for checking the index directly. */
export function meiliOf(server: TestServer): { url: string, apiKey: string } {
  return JSON.parse(readFileSync(join(server.dataDir, 'meili/endpoint.json'), 'utf8'))
}
