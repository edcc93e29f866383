import { ownRecords } from '../../../../domain/me'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return ownRecords(db, user.id, idParam(event, 'id', '主体'))
})
