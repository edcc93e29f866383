import { ownMessages } from '../../../domain/me'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return { items: await ownMessages(db, user.id) }
})
