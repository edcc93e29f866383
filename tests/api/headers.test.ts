import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STRONG_PASSWORD, signedUp } from '../support/client'
import { missingSecurityHeaders } from '../support/securityHeaders'
import { startServer, type TestServer } from '../support/server'

let server: TestServer
let proxied: TestServer

beforeAll(async () => {
  server = await startServer()
  proxied = await startServer({ TRUST_PROXY: '1' })
})
afterAll(async () => {
  await server?.stop()
  await proxied?.stop()
})

const html = { accept: 'text/html' }

/** Pages, API answers (found and not), a PDF's refusal, a page that does not exist: every kind of answer. */
const answers: [string, Record<string, string>][] = [
  ['/', html], ['/search?q=建材', html], ['/login', html], ['/commitments', html], ['/no-such-page', html],
  ['/api/health', {}], ['/api/search?q=建材', {}], ['/api/records/999999', {}], ['/api/me', {}],
  ['/api/commitments/330100202612010000001/pdf', {}], ['/api/search?page=abc', {}],
]

describe('security headers', () => {
  it('every page and API answer carries the boundaries, and nothing says what runs the server', async () => {
    for (const [path, headers] of answers) {
      const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
      expect(missingSecurityHeaders(response.headers), path).toEqual([])
      expect(response.headers.get('strict-transport-security'), path).toBeNull()
    }
  })

  it('gives a page’s scripts a fresh nonce each time, and runs no script without it', async () => {
    const nonces = new Set<string>()
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${server.url}/`, { headers: html })
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
      expect(nonce).toBeTruthy()
      nonces.add(nonce!)
      const tags = (await response.text()).match(/<script\b[^>]*>/g) ?? []
      expect(tags.length).toBeGreaterThan(0)
      for (const tag of tags) expect(tag).toContain(`nonce="${nonce}"`)
    }
    expect(nonces.size).toBe(2)
  })

  it('sends HSTS only over HTTPS, which only a trusted proxy can tell', async () => {
    const https = { 'x-forwarded-proto': 'https' }
    expect((await fetch(`${server.url}/`, { headers: https })).headers.get('strict-transport-security')).toBeNull()
    expect((await fetch(`${proxied.url}/`, { headers: https })).headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/)
    expect((await fetch(`${proxied.url}/api/health`, { headers: https })).headers.get('strict-transport-security')).toMatch(/max-age=/)
  })
})

describe('the Origin check and X-Forwarded-Host', () => {
  const login = (target: TestServer, headers: Record<string, string>) => fetch(`${target.url}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ account: 'nobody@example.com', password: STRONG_PASSWORD }),
  })

  it('believes X-Forwarded-Host only behind a trusted proxy', async () => {
    // Another site's page, with a forged X-Forwarded-Host naming that site: refused unless a proxy is trusted.
    const forged = { 'origin': 'https://evil.example.com', 'x-forwarded-host': 'evil.example.com' }
    expect((await login(server, forged)).status).toBe(403)
    expect((await login(proxied, { 'origin': 'https://credit.example.gov.cn', 'x-forwarded-host': 'credit.example.gov.cn' })).status).not.toBe(403)
    // The portal's own page still signs in.
    const own = await signedUp(server, 'origin@example.com')
    expect((await own.post('/api/auth/login', { account: 'origin@example.com', password: STRONG_PASSWORD }, { origin: server.url })).status).toBe(200)
  })
})

describe('the local Meilisearch', () => {
  it('keeps its master key off the command line that every user can read', () => {
    const key = readFileSync(join(server.dataDir, 'meili', 'master-key'), 'utf8').trim()
    const commandLines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
    expect(commandLines).toMatch(/meilisearch/)
    expect(commandLines).not.toContain(key)
  })
})

describe('status lines (issue 15 item 17)', () => {
  it('say the standard reason phrase; the Chinese message stays in the body', async () => {
    const cases: [string, Record<string, string>, number, string, string][] = [
      // A page's own 404 with a message naming the check digit, once cut down to "404 18".
      ['/subjects/91211300MA4UH5U3NX', html, 404, 'Not Found', '第18位'],
      ['/records/999999999', html, 404, 'Not Found', '不存在'],
      ['/api/records/999999999', {}, 404, 'Not Found', '不存在'],
      ['/api/search?page=abc', {}, 400, 'Bad Request', ''],
      ['/api/me', {}, 401, 'Unauthorized', ''],
    ]
    for (const [path, headers, status, phrase, message] of cases) {
      const response = await fetch(`${server.url}${path}`, { headers, redirect: 'manual' })
      expect([response.status, response.statusText], path).toEqual([status, phrase])
      expect(await response.text(), path).toContain(message)
    }
  })
})
