import { revokeAllSessions } from '../../domain/accounts/sessions'

/** 退出所有设备: every session of this account ends, this one included, at its next request on any instance. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  await revokeAllSessions(db, user.id)
  await clearUserSession(event)
  return { ok: true }
})
