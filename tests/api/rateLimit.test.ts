import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server'

// Two instances of the portal sharing the machine's Redis (127.0.0.1:6379), as production would.
const env = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `credit-test-${process.pid}-${Date.now()}`,
  SEARCH_RATE_LIMIT: '5',
  SEARCH_RATE_WINDOW: '3600',
}
let a: TestServer
let b: TestServer

beforeAll(async () => {
  ;[a, b] = await Promise.all([startServer(env), startServer(env)])
})
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
})

describe('search rate limit', () => {
  it('counts a client across instances, a page once, and answers 429 with when to retry', async () => {
    const statuses: number[] = []
    // The pages render through the API in-process: that call must not count a second time.
    for (const [server, path] of [[a, '/api/search?q=x'], [b, '/search?q=x'], [a, '/lists/black'], [b, '/api/search?q=y'], [a, '/search?q=z']] as const) {
      statuses.push((await fetch(`${server.url}${path}`)).status)
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    const limited = await fetch(`${b.url}/api/search?q=x`)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).message).toMatch(/查询过于频繁，请\d+秒后再试/)
  })
})
