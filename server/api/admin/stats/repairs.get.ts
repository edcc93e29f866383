import { repairStats } from '../../../domain/repairs/stats'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  return { items: await repairStats(db) }
})
