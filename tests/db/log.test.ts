import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { personIdentityKey } from '../../server/domain/ingest/write'
import { subjects } from '../../server/database/schema'
import { logError } from '../../server/utils/log'
import { createTestDatabase, type TestDatabase } from '../support/database'
import { residentId } from '../support/ids'

let t: TestDatabase
const id = residentId('211302', '19650622', '320')
/** What must not reach the log: the digits after the three a mask keeps. */
const secret = id.slice(3)

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t?.close()
})

/** The error a real query throws, and what the logger writes of it. */
async function logged(query: Promise<unknown>): Promise<string> {
  const error = await query.then(() => null, (e: unknown) => e)
  expect(error).toBeInstanceOf(Error)
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    logError('[request error] [GET] /api/test', error)
    return spy.mock.calls.map(call => call.join(' ')).join('\n')
  }
  finally {
    spy.mockRestore()
  }
}

describe('logError (DOMAIN.md rule 7: no ID number in a log)', () => {
  it("drops Drizzle's query parameters and keeps the query and the database's reason", async () => {
    // A NUL byte makes the database refuse the parameter; Drizzle's message quotes every parameter.
    const error = await t.db.select().from(subjects).where(eq(subjects.identityKey, `${personIdentityKey('身份证', id)}\u0000`)).then(() => null, (e: Error) => e)
    expect(`${error?.message}`).toContain(id)
    const text = await logged(Promise.reject(error))
    expect(text).not.toContain(secret)
    expect(text).toContain('Failed query: select')
    expect(text).toContain('params: [not logged]')
    expect(text).toMatch(/caused by: .*(0x00|invalid byte sequence|null character)/i)
  })

  it("masks an ID number quoted in the database's own message or detail", async () => {
    await t.db.insert(subjects).values({ identityKey: personIdentityKey('身份证', id), kind: 'natural_person', name: '钱七', idType: '身份证', idNumber: id })
    const duplicate = await logged(t.db.insert(subjects).values({ identityKey: personIdentityKey('身份证', id), kind: 'natural_person', name: '钱七' }))
    expect(duplicate).not.toContain(secret)
    expect(duplicate).toContain('23505')
    const notAnInteger = await logged(t.db.execute(sql.raw(`select '${id}'::int`)))
    expect(notAnInteger).not.toContain(secret)
    expect(notAnInteger).toContain(`211${'*'.repeat(15)}`)
  })
})
