import { ownApplications } from '../../domain/workflow/queue'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return { items: await ownApplications(db, user.id) }
})
