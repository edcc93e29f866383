import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { identityResults } from '../../shared/schemas/me'
import { addDays, addMonths, todayInChina } from '../../shared/utils/dates'
import { DEMO_ACR } from '../../scripts/lib/identityProvider'
import type { Client} from '../support/client';
import { signedUp } from '../support/client'
import { residentId } from '../support/ids'
import {
  finishVerification, OTHER_CLIENT, PORTAL_CLIENT, ProviderBrowser, startIdentityProvider, startVerification, verifyIdentity,
  type TestIdentityProvider,
} from '../support/identityProvider'
import { ingestAccepted } from '../support/ingest'
import { MARKET, penaltyRow } from '../support/rows'
import { startServer, type TestServer } from '../support/server'

const today = todayInChina()
const personId = residentId('211303', '19900101', '015')
const withoutRecordsId = residentId('211302', '19770503', '041')
const RATE_LIMIT = 30

let provider: TestIdentityProvider
let server: TestServer
let accounts = 0

/** A new account each time: every test starts from an account that has verified nothing. */
const newAccount = () => signedUp(server, `person${++accounts}@example.com`, '市民')
const linkedSubjects = async (client: Client) => (await client.get('/api/me')).body.subjects
const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

beforeAll(async () => {
  provider = await startIdentityProvider([
    { login: 'qianqi', name: '钱七', idNumber: personId },
    { login: 'zhoujiu', name: '周九', idNumber: withoutRecordsId },
  ])
  server = await startServer({ ...provider.portalEnv, IDENTITY_RATE_LIMIT: String(RATE_LIMIT) })
  const person = { 行政相对人名称: '钱七', 行政相对人类别: '自然人', 统一社会信用代码: '', 法定代表人: '', 证件类型: '身份证', 证件号码: personId }
  await ingestAccepted(server, MARKET.creditCode, 'penalty', [
    penaltyRow({ ...person, 行政处罚决定书文号: '朝市监罚〔2026〕303号', 处罚决定日期: addDays(today, -20) }),
    // Long past its publication period: the person still sees it, nobody else does.
    penaltyRow({ ...person, 行政处罚决定书文号: '朝市监罚〔2021〕7号', 处罚决定日期: addMonths(today, -60) }),
  ])
})
afterAll(async () => {
  await server?.stop()
  await provider?.stop()
})

describe('实名核验 through the identity provider', () => {
  it('shows a person all their records, expired ones too, once the provider has vouched for them', async () => {
    const person = await newAccount()
    const stranger = await newAccount()
    expect((await person.get('/api/me')).body).toMatchObject({ subjects: [], identityVerification: true })
    const location = await verifyIdentity(person, provider, 'qianqi')
    const subjectId = Number(/^\/me\/subjects\/(\d+)$/.exec(location)?.[1])
    expect(subjectId).toBeGreaterThan(0)
    expect(await linkedSubjects(person)).toEqual([expect.objectContaining({ id: subjectId, name: '钱七', via: 'person' })])
    const records = await person.get(`/api/me/subjects/${subjectId}/records`)
    expect(records.body.records.map((r: { documentNumber: string, isPublic: boolean }) => [r.documentNumber, r.isPublic]))
      .toEqual([['朝市监罚〔2026〕303号', false], ['朝市监罚〔2021〕7号', false]])
    expect(JSON.stringify(records.body)).not.toContain(personId)
    expect((await stranger.get(`/api/me/subjects/${subjectId}/records`)).status).toBe(404)
    expect(await linkedSubjects(stranger)).toEqual([])
  })

  it('links nothing for a verified person the portal has no record of, and says so', async () => {
    const person = await newAccount()
    expect(await verifyIdentity(person, provider, 'zhoujiu')).toBe('/me/identity?result=none')
    expect(await linkedSubjects(person)).toEqual([])
    const page = await person.call('GET', '/me/identity?result=none', undefined, { accept: 'text/html' })
    expect(page.body.toString()).toContain(identityResults.none)
  })

  it('links nothing when the person cancels at the provider', async () => {
    const person = await newAccount()
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startVerification(person), 'qianqi', { cancel: true })
    expect(await finishVerification(person, callback)).toBe('/me/identity?result=cancelled')
    expect(await linkedSubjects(person)).toEqual([])
  })
})

describe('what the callback refuses', () => {
  it('refuses a forged state', async () => {
    const person = await newAccount()
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startVerification(person), 'qianqi')
    callback.searchParams.set('state', base64url(randomBytes(32)))
    expect(await finishVerification(person, callback)).toBe('/me/identity?result=expired')
    expect(await linkedSubjects(person)).toEqual([])
  })

  it('refuses a callback replayed, with or without the cookie of its attempt', async () => {
    const person = await newAccount()
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startVerification(person), 'qianqi')
    const attempt = person.cookies.get('credit-oidc')!
    expect(await finishVerification(person, callback)).toMatch(/^\/me\/subjects\/\d+$/)
    const attacker = await newAccount()
    expect(await finishVerification(attacker, callback)).toBe('/me/identity?result=expired')
    // Even with the attempt's own cookie (taken before it was used) and its account, the code works once only.
    person.cookies.set('credit-oidc', attempt)
    expect(await finishVerification(person, callback)).toBe('/me/identity?result=failed')
    expect(await linkedSubjects(attacker)).toEqual([])
  })

  it("refuses another account's attempt: the attempt is bound to the account that started it", async () => {
    const victim = await newAccount()
    const attacker = await newAccount()
    const callback = await new ProviderBrowser(provider.issuer).signIn(await startVerification(attacker), 'qianqi')
    victim.cookies.set('credit-oidc', attacker.cookies.get('credit-oidc')!)
    expect(await finishVerification(victim, callback)).toBe('/me/identity?result=expired')
    expect(await linkedSubjects(victim)).toEqual([])
  })

  /** A real code (and tokens) the provider issued to another site, for the portal's nonce when given. */
  async function otherSiteCode(nonce = base64url(randomBytes(16))) {
    const verifier = base64url(randomBytes(32))
    const authorize = new URL('/auth', provider.issuer)
    authorize.search = new URLSearchParams({
      client_id: OTHER_CLIENT.clientId, response_type: 'code', scope: 'openid profile id_number', redirect_uri: OTHER_CLIENT.redirectUri,
      state: base64url(randomBytes(16)), nonce, code_challenge: base64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256',
    }).toString()
    const back = await new ProviderBrowser(provider.issuer).signIn(authorize.href, 'qianqi')
    return { code: back.searchParams.get('code')!, verifier }
  }

  it('refuses a code the provider issued to another site', async () => {
    const person = await newAccount()
    const authorization = new URL(await startVerification(person))
    const { code } = await otherSiteCode()
    const injected = new URL('/api/auth/oidc/callback', server.url)
    injected.search = new URLSearchParams({ code, state: authorization.searchParams.get('state')!, iss: provider.issuer }).toString()
    expect(await finishVerification(person, injected)).toBe('/me/identity?result=failed')
    expect(await linkedSubjects(person)).toEqual([])
  })

  it('refuses an ID Token for another audience, even with the right nonce', async () => {
    const person = await newAccount()
    const authorization = new URL(await startVerification(person))
    const { code, verifier } = await otherSiteCode(authorization.searchParams.get('nonce')!)
    const tokens = await fetch(new URL('/token', provider.issuer), {
      method: 'POST',
      headers: { 'authorization': `Basic ${Buffer.from(`${OTHER_CLIENT.clientId}:${OTHER_CLIENT.clientSecret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: OTHER_CLIENT.redirectUri, code_verifier: verifier }),
    }).then(r => r.json() as Promise<Record<string, unknown>>)
    expect(JSON.parse(Buffer.from(String(tokens.id_token).split('.')[1]!, 'base64url').toString())).toMatchObject({ aud: OTHER_CLIENT.clientId, sub: 'qianqi' })
    const callback = await new ProviderBrowser(provider.issuer).signIn(authorization.href, 'qianqi')
    provider.substituteNextToken(tokens)
    expect(await finishVerification(person, callback)).toBe('/me/identity?result=failed')
    expect(await linkedSubjects(person)).toEqual([])
  })

  it('refuses an ID Token the provider did not sign, however right its claims', async () => {
    const person = await newAccount()
    const authorization = new URL(await startVerification(person))
    const callback = await new ProviderBrowser(provider.issuer).signIn(authorization.href, 'qianqi')
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const now = Math.floor(Date.now() / 1000)
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'demo' }))
    const payload = base64url(JSON.stringify({
      iss: provider.issuer, aud: PORTAL_CLIENT.clientId, sub: 'qianqi', nonce: authorization.searchParams.get('nonce'), iat: now, exp: now + 300,
      acr: DEMO_ACR, name: '钱七', id_number: personId,
    }))
    const signature = base64url(sign('sha256', Buffer.from(`${header}.${payload}`), privateKey))
    provider.substituteNextToken({ access_token: base64url(randomBytes(32)), token_type: 'Bearer', expires_in: 300, id_token: `${header}.${payload}.${signature}` })
    expect(await finishVerification(person, callback)).toBe('/me/identity?result=failed')
    expect(await linkedSubjects(person)).toEqual([])
  })
})

describe('knowledge proves nothing', () => {
  it('has no way to become a person by typing a name and an ID number', async () => {
    const person = await newAccount()
    const old = await person.post('/api/me/identity', { name: '钱七', idNumber: personId })
    expect([404, 405]).toContain(old.status)
    expect(await linkedSubjects(person)).toEqual([])
  })

  it('never writes an ID number to the log', () => {
    expect(server.output()).not.toContain(personId)
    expect(server.output()).not.toContain(withoutRecordsId)
  })

  it(`limits attempts per client to ${RATE_LIMIT} an hour, then answers 429 with Retry-After`, async () => {
    const person = await newAccount()
    let reply = await person.get('/api/auth/oidc/start')
    for (let i = 0; i < RATE_LIMIT && reply.status === 302; i++) reply = await person.get('/api/auth/oidc/start')
    expect(reply.status).toBe(429)
    expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})
