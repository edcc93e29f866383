import { repairStats } from '../../../domain/repairs/stats'
import { officeRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  return { items: await repairStats(db) }
})
