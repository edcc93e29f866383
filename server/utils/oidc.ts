import type { H3Event } from 'h3'
import { getRequestURL, useSession } from 'h3'
import { useRuntimeConfig } from 'nitropack/runtime'
import * as oidc from 'openid-client'
import { refuse } from './errors'
import { logError, logWarning } from './log'
import type { RateLimit } from './rateLimit'

/**
 * Real-name verification of natural persons through an OpenID Connect provider (in production the
 * province's unified government identity service). The portal is a confidential client using the
 * authorization code flow with PKCE, state and nonce; the ID Token's signature, issuer, audience and
 * nonce are checked by openid-client. Off unless all four of OIDC_ISSUER, OIDC_CLIENT_ID,
 * OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL are set.
 */
export interface OidcSettings {
  issuer: URL
  clientId: string
  clientSecret: string
  /** The callback registered with the provider: https://<portal>/api/auth/oidc/callback. */
  redirectUrl: URL
  scope: string
  /** Which claims carry the verified name and resident ID number. */
  claims: { name: string, idNumber: string }
  /** Accepted assurance levels (`acr`); empty: the provider's own minimum is enough. */
  acr: string[]
}

export function oidcSettings(): OidcSettings | null {
  const env = process.env
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_REDIRECT_URL) return null
  return {
    issuer: new URL(env.OIDC_ISSUER),
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl: new URL(env.OIDC_REDIRECT_URL),
    scope: env.OIDC_SCOPE || 'openid profile id_number',
    claims: { name: env.OIDC_NAME_CLAIM || 'name', idNumber: env.OIDC_ID_NUMBER_CLAIM || 'id_number' },
    acr: (env.OIDC_ACR ?? '').split(/[\s,]+/).filter(Boolean),
  }
}

/** Attempts per client: every attempt starts at /api/auth/oidc/start. */
export const identityRateLimit: RateLimit = {
  name: 'identity',
  limit: Number(process.env.IDENTITY_RATE_LIMIT || 10),
  windowSeconds: Number(process.env.IDENTITY_RATE_WINDOW || 3600),
}

/** Plain HTTP only to a provider on this machine (dev and tests); anything else must be HTTPS. */
const loopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)

let discovered: { key: string, configuration: Promise<oidc.Configuration> } | undefined

/** The provider's metadata and keys, fetched once per process (again after a failure). */
async function configurationOf(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`
  if (discovered?.key !== key) {
    if (settings.issuer.protocol !== 'https:' && !loopback(settings.issuer)) throw new Error('OIDC_ISSUER must be an https:// address')
    const insecure = settings.issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : []
    const configuration = oidc.discovery(settings.issuer, settings.clientId, undefined, oidc.ClientSecretBasic(settings.clientSecret), {
      // ID Token signatures are checked against the provider's published keys, not only trusted by TLS.
      execute: [...insecure, oidc.enableNonRepudiationChecks],
    })
    configuration.catch(() => { if (discovered?.key === key) discovered = undefined })
    discovered = { key, configuration }
  }
  return discovered.configuration
}

/** The attempt in progress, sealed in a cookie of its own that only the callback path receives. */
interface Attempt { userId: number, state: string, nonce: string, verifier: string }

function attemptSession(event: H3Event) {
  // Sealed with the session password; Secure as the session cookie is (NUXT_SESSION_COOKIE_SECURE).
  const { password, cookie } = useRuntimeConfig(event).session
  return useSession<Partial<Attempt>>(event, {
    name: 'credit-oidc',
    password,
    maxAge: 600,
    sessionHeader: false,
    cookie: { path: '/api/auth/oidc', httpOnly: true, secure: (cookie || undefined)?.secure ?? true, sameSite: 'lax' },
  })
}

/** Starts an attempt for the signed-in account: the provider's authorization URL to send the browser to. */
export async function beginVerification(event: H3Event, settings: OidcSettings, userId: number): Promise<URL> {
  const configuration = await configurationOf(settings).catch((error: unknown) => {
    logError('[identity] provider not reachable', error)
    throw refuse(503, '统一身份认证平台暂时无法访问，请稍后再试')
  })
  const attempt: Attempt = { userId, state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier() }
  const session = await attemptSession(event)
  await session.clear()
  await session.update(attempt)
  return oidc.buildAuthorizationUrl(configuration, {
    redirect_uri: settings.redirectUrl.href,
    scope: settings.scope,
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
    code_challenge_method: 'S256',
    ...(settings.acr.length ? { acr_values: settings.acr.join(' ') } : {}),
  })
}

export type VerificationFailure = 'expired' | 'cancelled' | 'failed'
export type Verification = { claims: Record<string, unknown> } | { failure: VerificationFailure }

/**
 * Ends the attempt (its cookie is cleared whatever happens, so a callback URL works once): the verified
 * claims of the ID Token, completed from the userinfo endpoint for the same subject. An attempt that is
 * missing, expired, from another account or for another state is `expired`; the person cancelling at the
 * provider is `cancelled`; anything the provider or the token check refuses is `failed`.
 */
export async function completeVerification(event: H3Event, settings: OidcSettings, userId: number): Promise<Verification> {
  const session = await attemptSession(event)
  const attempt = session.data
  await session.clear()
  const callback = new URL(settings.redirectUrl)
  callback.search = getRequestURL(event).search
  if (!attempt.state || !attempt.nonce || !attempt.verifier || attempt.userId !== userId || callback.searchParams.get('state') !== attempt.state) {
    return { failure: 'expired' }
  }
  try {
    const configuration = await configurationOf(settings)
    const tokens = await oidc.authorizationCodeGrant(configuration, callback, {
      expectedState: attempt.state,
      expectedNonce: attempt.nonce,
      pkceCodeVerifier: attempt.verifier,
      idTokenExpected: true,
    })
    const idToken = tokens.claims()!
    const wanted = [settings.claims.name, settings.claims.idNumber]
    const userinfo = wanted.every(claim => claim in idToken) ? {} : await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub)
    // What the signed ID Token says wins over userinfo.
    return { claims: { ...userinfo, ...idToken } }
  }
  catch (error) {
    if (error instanceof oidc.AuthorizationResponseError && error.error === 'access_denied') return { failure: 'cancelled' }
    logWarning('[identity] verification refused', error)
    return { failure: 'failed' }
  }
}
