import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { loadCity, syncCity } from '../../server/domain/city'
import { migrateDatabase, openDatabase, type Database } from '../../server/utils/db'

export interface TestDatabase {
  db: Database
  url?: string
  dataDir: string
  close: () => Promise<void>
  /**
   * Takes the database away from every connection, as a crashed server or a killed portal does (the
   * embedded database stops serving; on a server the database refuses connections and its sessions are
   * terminated). The function returned brings it back, its data intact; `db` then works again.
   */
  outage: () => Promise<() => Promise<void>>
}

/**
 * Where DATABASE_URL names a PostgreSQL server, a database of the test's own on it (dropped after);
 * otherwise nothing: the code under test opens PGlite under DATA_DIR.
 */
export async function provisionDatabase(): Promise<{ url?: string, drop: () => Promise<void>, outage?: () => Promise<() => Promise<void>> }> {
  const serverUrl = process.env.DATABASE_URL
  if (!serverUrl) return { drop: async () => {} }
  const name = `test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl })
    await client.connect()
    await client.query(statement)
    await client.end()
  }
  await admin(`create database ${name}`)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () => admin(`drop database if exists ${name} with (force)`),
    outage: async () => {
      await admin(`alter database ${name} with allow_connections false`)
      await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}'`)
      return () => admin(`alter database ${name} with allow_connections true`)
    },
  }
}

/** A fresh database per test file: its own database on DATABASE_URL's server, else its own PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-test-'))
  process.env.DATA_DIR = dataDir
  const { url, drop, outage } = await provisionDatabase()
  let connection = await openDatabase(url ?? '')
  await migrateDatabase(connection.db)
  await syncCity(connection.db, loadCity())
  return {
    get db() {
      return connection.db
    },
    url,
    dataDir,
    close: async () => {
      await connection.close()
      await drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
    outage: outage ?? (async () => {
      await connection.close()
      return async () => {
        connection = await openDatabase('')
      }
    }),
  }
}
