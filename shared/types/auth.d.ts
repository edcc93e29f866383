import type { SessionUser } from '../schemas/accounts'

declare module '#auth-utils' {
  interface User extends SessionUser {}
  interface UserSession {
    /** Milliseconds since epoch; a session older than the account's `sessionsValidFrom` is void. */
    loggedInAt: number
  }
}

export {}
