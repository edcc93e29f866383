import { trainingStats } from '../../../domain/training/stats'

/** Learners, tests, passes, certificates, and the share of blacklisted subjects that were trained. */
export default defineEventHandler(async (event) => {
  await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  return trainingStats(db)
})
