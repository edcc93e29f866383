import { repairSchema } from '../../../shared/schemas/repairs'
import { submitRepair } from '../../domain/repairs'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const input = await readBodyAs(event, repairSchema)
  const { db } = await usePlatform()
  const { application, created } = await submitRepair(db, useMailer(), user, input, siteUrl(event))
  setResponseStatus(event, created ? 201 : 200)
  return { id: application.id, state: application.state, created }
})
