import { ownSubjects, unreadCount } from '../../domain/me'
import { oidcSettings } from '../../utils/oidc'

/** 我的: the account, the subjects it acts for, its unread messages and whether 实名核验 is offered. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  const [subjects, unread] = await Promise.all([ownSubjects(db, user.id), unreadCount(db, user.id)])
  return { user, subjects, unread, identityVerification: oidcSettings() !== null }
})
