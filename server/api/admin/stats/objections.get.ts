import { objectionStats } from '../../../domain/objections/stats'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  return { items: await objectionStats(db) }
})
