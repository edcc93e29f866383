import { ownSubjects, unreadCount } from '../../domain/me'

/** 我的: the account, the subjects it acts for and its unread messages. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  const [subjects, unread] = await Promise.all([ownSubjects(db, user.id), unreadCount(db, user.id)])
  return { user, subjects, unread }
})
