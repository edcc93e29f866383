import { departmentOverview } from '../../../domain/departments'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  return { items: await departmentOverview(db) }
})
