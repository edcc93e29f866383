import { expect } from 'vitest'
import type { TestServer } from './server'

/** Sends rows as a department does (a new API key, JSON), and expects every one accepted. */
export async function ingestAccepted(server: TestServer, department: string, kind: string, rows: Record<string, string>[]): Promise<void> {
  const key = (await server.cli('scripts/department-key.ts', [department])).stdout.trim().split('\n').at(-1)!
  const response = await fetch(`${server.url}/api/ingest`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ kind, records: rows }),
  })
  expect((await response.json()).errors).toEqual([])
}
