// A real OpenID Connect provider (oidc-provider) for `npm run dev` and the tests: it stands in for the
// province's unified government identity service, with demo persons instead of a real sign-in. Never used
// by the built portal, which talks to whatever OIDC_ISSUER names.
import { generateKeyPairSync, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import Provider, { type Configuration, type JWK } from 'oidc-provider'

/** A person the demo provider can sign in as: the claims a real-name service would vouch for. */
export interface DemoPerson { login: string, name: string, idNumber: string }

/** A relying party registered with the provider (the portal, or another site in the tests). */
export interface DemoClient { clientId: string, clientSecret: string, redirectUris: string[] }

/** The assurance level every demo sign-in reaches; the portal may require it (OIDC_ACR). */
export const DEMO_ACR = 'L2'

const escape = (text: string) => text.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)

function loginPage(uid: string, persons: DemoPerson[]): string {
  const choices = persons.map((p, i) => `<label><input type="radio" name="login" value="${escape(p.login)}"${i ? '' : ' checked'}> ${escape(p.name)}（${escape(p.idNumber.slice(0, 3))}…）</label>`).join('<br>')
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>统一身份认证（演示）</title><link rel="icon" href="data:,">
<h1>统一身份认证（演示）</h1>
<p>本页代替省统一身份认证平台，仅用于开发和测试。请选择以哪位演示人员的身份完成实名认证：</p>
<form method="post" action="/interaction/${escape(uid)}">${choices}<p><button type="submit">确认并授权</button>
<button type="submit" name="cancel" value="1">取消</button></p></form></html>`
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  let body = ''
  for await (const chunk of req) body += chunk
  return new URLSearchParams(body)
}

/**
 * The provider and the node request handler that serves it, login pages included. Person claims are
 * released by scope (`profile` → name, `id_number` → id_number) at the userinfo endpoint, as a real
 * service usually does; the ID Token carries `sub`, `acr` and the nonce.
 */
export async function createIdentityProvider(issuer: string, persons: DemoPerson[], clients: DemoClient[]) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const byLogin = new Map(persons.map(p => [p.login, p]))
  const configuration: Configuration = {
    clients: clients.map(c => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    })),
    claims: { openid: ['sub'], profile: ['name'], id_number: ['id_number'] },
    scopes: ['openid', 'profile', 'id_number'],
    acrValues: [DEMO_ACR],
    findAccount: async (_ctx, id) => {
      const person = byLogin.get(id)
      return person && { accountId: id, claims: async () => ({ sub: id, name: person.name, id_number: person.idNumber }) }
    },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: 'demo' } as JWK] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
    renderError: async (ctx, out) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><meta charset="utf-8"><title>认证出错</title><p>${escape(String(out.error_description ?? out.error))}</p>`
    },
  }
  const provider = new Provider(issuer, configuration)
  const serveProvider = provider.callback()

  /** The login page: a demo person is chosen, signed in and grants the scopes the portal asked for. */
  async function interaction(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res)
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
      res.end(loginPage(details.uid, persons))
      return
    }
    const form = await formOf(req)
    const person = byLogin.get(form.get('login') ?? '')
    if (form.get('cancel') || !person) {
      await provider.interactionFinished(req, res, { error: 'access_denied', error_description: '用户取消了认证' }, { mergeWithLastSubmission: false })
      return
    }
    const grant = new provider.Grant({ accountId: person.login, clientId: String(details.params.client_id) })
    grant.addOIDCScope(String(details.params.scope))
    await provider.interactionFinished(req, res, {
      login: { accountId: person.login, acr: DEMO_ACR },
      consent: { grantId: await grant.save() },
    }, { mergeWithLastSubmission: false })
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (/^\/interaction\/[\w-]+$/.test(new URL(req.url ?? '/', issuer).pathname)) {
      interaction(req, res).catch((error: Error) => {
        res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(`认证请求无效：${error.message}`)
      })
      return
    }
    serveProvider(req, res)
  }
  return { provider, handle }
}
