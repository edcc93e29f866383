import type { SessionUser } from '../schemas/accounts'

declare module '#auth-utils' {
  interface User extends SessionUser {}
  interface UserSession {
    /** Milliseconds since epoch; a session older than NUXT_SESSION_MAX_AGE is void. */
    loggedInAt: number
  }
  /** Server-only part of the sealed cookie (never sent to the page). */
  interface SecureSessionData {
    /** The `sessions` row this cookie belongs to: revoked there, the cookie opens nothing. */
    sessionId: string
  }
}

export {}
