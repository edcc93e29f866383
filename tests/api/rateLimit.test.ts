import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../support/server'

// Two instances of the portal sharing the machine's Redis (127.0.0.1:6379), as production would.
const shared = {
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `credit-test-${process.pid}-${Date.now()}`,
  SEARCH_RATE_LIMIT: '5',
  SEARCH_RATE_WINDOW: '3600',
  LOGIN_RATE_LIMIT_ACCOUNT: '10',
  // Behind a proxy: the client is the X-Forwarded-For address, so a test can be a client of its own.
  TRUST_PROXY: '1',
}
// One instance on its own, counting in memory.
const alone = { SEARCH_RATE_LIMIT: '10', SEARCH_RATE_WINDOW: '3600', LOGIN_RATE_LIMIT_CLIENT: '10' }
let a: TestServer
let b: TestServer
let c: TestServer

beforeAll(async () => {
  ;[a, b, c] = await Promise.all([startServer(shared), startServer(shared), startServer(alone)])
})
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop(), c?.stop()])
})

const login = (server: TestServer, account: string) => fetch(`${server.url}/api/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password: 'Wrong#Pass1' }),
})

/** How many of the answers had each status. */
const tally = (responses: Response[]) => responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {})

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

  it('lets exactly the limit through when 50 searches come at once to two instances (Redis)', async () => {
    const client = { 'x-forwarded-for': '198.51.100.7' }
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${(i % 2 ? a : b).url}/api/search?q=${i}`, { headers: client })))
    expect(tally(responses)).toEqual({ 200: 5, 429: 45 })
  })

  it('lets exactly the limit through when 50 searches come at once (memory)', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => fetch(`${c.url}/api/search?q=${i}`)))
    expect(tally(responses)).toEqual({ 200: 10, 429: 40 })
  })
})

describe('login rate limit', () => {
  it('counts an account across instances: of 50 parallel tries exactly 10 are answered (Redis)', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => login(i % 2 ? a : b, '13900000001')))
    expect(tally(responses)).toEqual({ 401: 10, 429: 40 })
    const limited = responses.find(r => r.status === 429)!
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await limited.json()).message).toMatch(/登录尝试过于频繁，请\d+秒后再试/)
    // Another account from the same client is not held back by this one's limit.
    expect((await login(a, '13900000002')).status).toBe(401)
  })

  it('counts the no-JavaScript login form with the API: the same account is held back on both', async () => {
    const account = '13900000003'
    expect(tally(await Promise.all(Array.from({ length: 10 }, () => login(a, account))))).toEqual({ 401: 10 })
    const form = await fetch(`${b.url}/login`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'origin': b.url },
      body: new URLSearchParams({ account, password: 'Wrong#Pass1' }),
    })
    expect([form.status, form.headers.get('location')]).toEqual([303, '/login'])
    const flash = form.headers.getSetCookie().find(line => line.startsWith('login-flash='))!
    expect(decodeURIComponent(flash)).toMatch(/登录尝试过于频繁，请\d+秒后再试/)
  })

  it('counts a client over every account it tries: of 50 parallel tries exactly 10 are answered (memory)', async () => {
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => login(c, `139000001${String(i).padStart(2, '0')}`)))
    expect(tally(responses)).toEqual({ 401: 10, 429: 40 })
  })
})
