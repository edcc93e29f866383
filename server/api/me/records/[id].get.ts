import { ownRecord } from '../../../domain/me'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return ownRecord(db, user.id, idParam(event, 'id', '信用记录'))
})
