/** Account security settings (issue 4); the credit office changes them here. */
export const accountPolicy = {
  /** Failed logins in a row before the account is locked. */
  maxFailedLogins: 5,
  lockMinutes: 15,
  resetLinkMinutes: 30,
  /** A session cookie lives this long (seconds) unless NUXT_SESSION_MAX_AGE says otherwise. */
  sessionSeconds: 8 * 3600,
  /**
   * `POST /api/auth/login` per account typed and per client address in one window (LOGIN_RATE_LIMIT_ACCOUNT,
   * LOGIN_RATE_LIMIT_CLIENT and LOGIN_RATE_WINDOW override them). The client limit is generous: a whole office
   * may sign in from one address.
   */
  loginAttempts: { perAccount: 10, perClient: 100, windowSeconds: 15 * 60 },
}
