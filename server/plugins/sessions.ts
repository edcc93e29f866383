import { endSessionOnClear, requireUser } from '../utils/session'

export default defineNitroPlugin(() => {
  sessionHooks.hook('clear', endSessionOnClear)
  // The page's view of the session (GET /api/_auth/session) is checked like any API call: a session
  // revoked elsewhere shows as signed out, not as a name whose every request then fails.
  sessionHooks.hook('fetch', async (session, event) => {
    if (session.user) await requireUser(event)
  })
})
