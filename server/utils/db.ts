import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync, openSync, closeSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import pg from 'pg'
import { drizzle, type NodePgDatabase, type NodePgQueryResultHKT } from 'drizzle-orm/node-postgres'
import type { PgDatabase } from 'drizzle-orm/pg-core'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import * as schema from '../database/schema'
import { dataDir } from './dataDir'

/**
 * What domain code takes: the pool's database or a transaction on it (`Tx` is one), so the same function
 * runs on its own or inside its caller's transaction without a cast.
 */
export type Database = PgDatabase<NodePgQueryResultHKT, typeof schema>
/** One transaction, as `db.transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
/** The database over its connection pool, as opened here. */
type PoolDatabase = NodePgDatabase<typeof schema> & { $client: pg.Pool }

interface Connection {
  db: PoolDatabase
  pool: pg.Pool
  /** Set in the process that opened the embedded database: it serves the others through the socket. */
  close: () => Promise<void>
  embedded: boolean
}

// PostgreSQL's own naming, so `pg` finds the socket from its directory.
const SOCKET_NAME = '.s.PGSQL.5432'

function poolFor(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool({ max: 8, ...config })
  // An idle client dropped by the server must not crash the process.
  pool.on('error', () => {})
  return pool
}

async function canConnect(socketDir: string): Promise<boolean> {
  if (!existsSync(join(socketDir, SOCKET_NAME))) return false
  const client = new pg.Client({ host: socketDir, user: 'postgres', database: 'postgres' })
  try {
    await client.connect()
    await client.end()
    return true
  }
  catch {
    return false
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch {
    return false
  }
}

/** Takes the lock file, or says which live process holds it. */
function tryLock(lockPath: string): boolean {
  try {
    const fd = openSync(lockPath, 'wx')
    writeFileSync(fd, String(process.pid))
    closeSync(fd)
    return true
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    const holder = Number(readFileSync(lockPath, 'utf8'))
    if (!holder || (holder !== process.pid && !processAlive(holder))) {
      rmSync(lockPath, { force: true })
      return tryLock(lockPath)
    }
    return false
  }
}

/**
 * One connection per process to the embedded database. pglite-socket runs one PGlite session for all its
 * clients: it keeps a transaction to its own client, but outside one it may interleave two clients'
 * extended-protocol messages ("bind message supplies 4 parameters, but prepared statement "" requires 1").
 * PGlite executes one statement at a time anyway, so a pool of one costs no parallelism.
 */
const embeddedPool = () => poolFor({ host: join(dataDir(), 'pglite'), user: 'postgres', database: 'postgres', max: 1 })

/**
 * PGlite can be opened by one process only. The first process to open it (the portal, or a CLI when
 * the portal is not running) serves it on a Unix socket under DATA_DIR; every process, the owner too,
 * talks to it through that socket with the same `pg` driver used for a PostgreSQL server.
 */
async function openEmbedded(): Promise<Connection> {
  const root = join(dataDir(), 'pglite')
  mkdirSync(root, { recursive: true })
  const lockPath = join(root, 'owner.lock')
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (await canConnect(root)) {
      const pool = embeddedPool()
      return { db: drizzle(pool, { schema }) as PoolDatabase, pool, close: () => pool.end(), embedded: true }
    }
    if (tryLock(lockPath)) {
      try {
        return await serveEmbedded(root, lockPath)
      }
      catch (error) {
        rmSync(lockPath, { force: true })
        throw error
      }
    }
    // Another live process is opening it: its socket appears shortly.
    await sleep(200)
  }
  throw new Error(`Timed out waiting for the embedded database in ${root}`)
}

async function serveEmbedded(root: string, lockPath: string): Promise<Connection> {
  const { PGlite } = await import('@electric-sql/pglite')
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket')
  const pglite = await PGlite.create(join(root, 'data'))
  const socketPath = join(root, SOCKET_NAME)
  rmSync(socketPath, { force: true })
  const server = new PGLiteSocketServer({ db: pglite, path: socketPath, maxConnections: 64 })
  await server.start()
  const pool = embeddedPool()
  return {
    db: drizzle(pool, { schema }) as PoolDatabase,
    pool,
    embedded: true,
    close: async () => {
      await pool.end()
      await server.stop()
      await pglite.close()
      rmSync(socketPath, { force: true })
      rmSync(lockPath, { force: true })
    },
  }
}

export async function openDatabase(url = process.env.DATABASE_URL): Promise<Connection> {
  if (url) {
    const pool = poolFor({ connectionString: url, max: 16 })
    return { db: drizzle(pool, { schema }) as PoolDatabase, pool, close: () => pool.end(), embedded: false }
  }
  return openEmbedded()
}

export function migrationsDir(): string {
  const candidates = [
    process.env.MIGRATIONS_DIR,
    process.argv[1] ? join(dirname(process.argv[1]), 'migrations') : undefined,
    join(process.cwd(), 'server/database/migrations'),
  ]
  const found = candidates.find(dir => dir && existsSync(join(dir, 'meta/_journal.json')))
  if (!found) throw new Error('Database migrations not found (set MIGRATIONS_DIR)')
  return found
}

export async function migrateDatabase(db: PoolDatabase): Promise<void> {
  await migrate(db, { migrationsFolder: migrationsDir() })
}

let shared: Promise<Connection> | undefined

/** The process-wide connection, opened and migrated once. */
export function useConnection(): Promise<Connection> {
  shared ??= openDatabase().then(async (connection) => {
    await migrateDatabase(connection.db)
    return connection
  }).catch((error) => {
    shared = undefined
    throw error
  })
  return shared
}

export async function closeConnection(): Promise<void> {
  const current = shared
  shared = undefined
  if (current) await (await current).close()
}
