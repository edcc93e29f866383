import { ownRegistrations } from '../../../../domain/registrations/query'

/** 我的: a subject's voluntary registrations with their state; another subject's is a 404. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return { items: await ownRegistrations(db, user.id, idParam(event, 'id', '主体')) }
})
