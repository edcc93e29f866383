import { createServer, type Server } from 'node:http'
import { createIdentityProvider, DEMO_ACR, type DemoPerson } from '../../scripts/lib/identityProvider'
import { freePort } from '../../server/utils/net'
import type { Client } from './client'

export const PORTAL_CLIENT = { clientId: 'credit-portal', clientSecret: 'portal-secret-for-tests-only' }
/** Another site registered with the same provider: its codes and tokens must be worth nothing to the portal. */
export const OTHER_CLIENT = { clientId: 'other-site', clientSecret: 'other-secret-for-tests-only', redirectUri: 'http://127.0.0.1:9/callback' }

export interface TestIdentityProvider {
  issuer: string
  /** The port the portal must listen on (its callback is registered with the provider) and its OIDC settings. */
  portalEnv: Record<string, string>
  /** The next answer of the token endpoint, whatever is asked: a stand-in for a token swapped in transit. */
  substituteNextToken: (body: Record<string, unknown>) => void
  stop: () => Promise<void>
}

/**
 * A real OpenID Connect provider (oidc-provider, as `npm run dev` runs it) on a port of its own, with the
 * portal registered as a client at a port chosen here for the portal to start on.
 */
export async function startIdentityProvider(persons: DemoPerson[]): Promise<TestIdentityProvider> {
  const [port, portalPort] = [await freePort(), await freePort()]
  const issuer = `http://127.0.0.1:${port}`
  const redirectUrl = `http://127.0.0.1:${portalPort}/api/auth/oidc/callback`
  const { handle } = await createIdentityProvider(issuer, persons, [
    { ...PORTAL_CLIENT, redirectUris: [redirectUrl] },
    { clientId: OTHER_CLIENT.clientId, clientSecret: OTHER_CLIENT.clientSecret, redirectUris: [OTHER_CLIENT.redirectUri] },
  ])
  let substitute: Record<string, unknown> | undefined
  const server: Server = createServer((req, res) => {
    if (substitute && req.method === 'POST' && req.url === '/token') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
      res.end(JSON.stringify(substitute))
      substitute = undefined
      return
    }
    handle(req, res)
  })
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  return {
    issuer,
    portalEnv: {
      PORT: String(portalPort),
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: PORTAL_CLIENT.clientId,
      OIDC_CLIENT_SECRET: PORTAL_CLIENT.clientSecret,
      OIDC_REDIRECT_URL: redirectUrl,
      OIDC_ACR: DEMO_ACR,
    },
    substituteNextToken: (body) => { substitute = body },
    stop: () => new Promise(resolve => server.close(() => resolve())),
  }
}

/** The person's browser at the provider: its own cookies, following redirects until they leave the provider. */
export class ProviderBrowser {
  cookies = new Map<string, string>()
  constructor(readonly issuer: string) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await fetch(url, { ...init, redirect: 'manual', headers: { ...init.headers as Record<string, string>, cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } })
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)]
      if (value && !/expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.set(name, value)
      else this.cookies.delete(name)
    }
    return response
  }

  /**
   * Opens the authorization URL, signs in on the login page as `login` (or cancels there) and returns where the
   * provider finally sends the browser: the relying party's callback with its code and state.
   */
  async signIn(authorizationUrl: string, login: string, { cancel = false } = {}): Promise<URL> {
    let response = await this.request(authorizationUrl)
    for (let hops = 0; hops < 10; hops++) {
      if (response.status === 200) {
        const page = await response.text()
        const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1]
        if (!action) throw new Error(`no login form at the provider: ${page.slice(0, 300)}`)
        const form = new URLSearchParams({ login, ...(cancel ? { cancel: '1' } : {}) })
        response = await this.request(new URL(action, this.issuer).href, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } })
        continue
      }
      const location = response.headers.get('location')
      if (!location) throw new Error(`provider answered ${response.status}: ${await response.text()}`)
      const next = new URL(location, this.issuer)
      if (next.origin !== new URL(this.issuer).origin) return next
      response = await this.request(next.href)
    }
    throw new Error('too many redirects at the provider')
  }
}

/** The portal's redirect to the provider for a signed-in account (GET /api/auth/oidc/start). */
export async function startVerification(client: Client): Promise<string> {
  const started = await client.get('/api/auth/oidc/start')
  const location = started.headers.get('location')
  if (started.status !== 302 || !location) throw new Error(`实名核验 did not start: ${started.status} ${JSON.stringify(started.body)}`)
  return location
}

/** Where the portal's callback sends the browser after the provider's redirect to it. */
export async function finishVerification(client: Client, callback: URL): Promise<string> {
  const finished = await client.get(`${callback.pathname}${callback.search}`)
  if (finished.status !== 303) throw new Error(`callback answered ${finished.status}: ${JSON.stringify(finished.body)}`)
  return finished.headers.get('location')!
}

/** The whole round trip for a signed-in account: portal → provider login as `login` → portal callback. */
export async function verifyIdentity(client: Client, provider: TestIdentityProvider, login: string): Promise<string> {
  const callback = await new ProviderBrowser(provider.issuer).signIn(await startVerification(client), login)
  return finishVerification(client, callback)
}
