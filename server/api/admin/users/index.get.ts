import { listStaff } from '../../../domain/accounts/users'
import { adminRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, adminRoles)
  const { db } = await usePlatform()
  return { items: await listStaff(db) }
})
