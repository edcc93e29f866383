import { join } from 'node:path'
import pg from 'pg'
import type { TestServer } from './server'

/**
 * Runs SQL straight against a test server's database (its PostgreSQL, or its PGlite through the
 * socket it serves under DATA_DIR/pglite): to change a row behind the portal's back, as a tamperer would.
 */
export async function sqlOn<T extends pg.QueryResultRow = pg.QueryResultRow>(server: TestServer, text: string, values: unknown[] = []): Promise<T[]> {
  const client = server.env.DATABASE_URL
    ? new pg.Client({ connectionString: server.env.DATABASE_URL })
    : new pg.Client({ host: join(server.dataDir, 'pglite'), user: 'postgres', database: 'postgres' })
  await client.connect()
  try {
    return (await client.query<T>(text, values)).rows
  }
  finally {
    await client.end()
  }
}
