/** Clearing the cookie also revokes its session on the server (server/plugins/sessions.ts). */
export default defineEventHandler(async (event) => {
  await clearUserSession(event)
  return { ok: true }
})
