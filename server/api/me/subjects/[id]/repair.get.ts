import { repairOptions } from '../../../../domain/repairs'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const { db } = await usePlatform()
  return repairOptions(db, user.id, idParam(event, 'id', '主体'))
})
