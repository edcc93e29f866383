import { listStaff } from '../../../domain/accounts/users'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['admin'])
  const { db } = await usePlatform()
  return { items: await listStaff(db) }
})
