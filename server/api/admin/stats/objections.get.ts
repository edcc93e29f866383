import { objectionStats } from '../../../domain/objections/stats'
import { officeRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  return { items: await objectionStats(db) }
})
