import { applicationDetail } from '../../../domain/workflow/detail'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return applicationDetail(db, user, idParam(event, 'id', '申请'))
})
