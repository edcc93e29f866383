/** Account security settings (issue 4); the credit office changes them here. */
export const accountPolicy = {
  /** Failed logins in a row before the account is locked. */
  maxFailedLogins: 5,
  lockMinutes: 15,
  resetLinkMinutes: 30,
  /** A session cookie lives this long (seconds) unless NUXT_SESSION_MAX_AGE says otherwise. */
  sessionSeconds: 8 * 3600,
}
