import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { loadCity, syncCity } from '../../server/domain/city'
import { migrateDatabase, openDatabase, type Database } from '../../server/utils/db'

export interface TestDatabase { db: Database, url?: string, dataDir: string, close: () => Promise<void> }

/** A fresh database per test file: its own database on DATABASE_URL's server, else its own PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'credit-test-'))
  process.env.DATA_DIR = dataDir
  const serverUrl = process.env.DATABASE_URL
  let url: string | undefined
  let dropDatabase = async () => {}
  if (serverUrl) {
    const name = `test_${process.pid}_${Date.now()}`
    const admin = new pg.Client({ connectionString: serverUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    const parsed = new URL(serverUrl)
    parsed.pathname = `/${name}`
    url = parsed.toString()
    dropDatabase = async () => {
      const client = new pg.Client({ connectionString: serverUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
    }
  }
  const connection = await openDatabase(url ?? '')
  await migrateDatabase(connection.db)
  await syncCity(connection.db, loadCity())
  return {
    db: connection.db,
    url,
    dataDir,
    close: async () => {
      await connection.close()
      await dropDatabase()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
