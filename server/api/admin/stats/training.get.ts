import { trainingStats } from '../../../domain/training/stats'
import { officeRoles } from '../../../../shared/roles'

/** Learners, tests, passes, certificates, and the share of blacklisted subjects that were trained. */
export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  return trainingStats(db)
})
