import { staffUserSchema } from '../../../../shared/schemas/accounts'
import { actorOf } from '../../../domain/audit'
import { createStaffUser } from '../../../domain/accounts/users'
import { adminRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const admin = await requireUser(event, adminRoles)
  const input = await readBodyAs(event, staffUserSchema)
  const { db } = await usePlatform()
  setResponseStatus(event, 201)
  return { user: await createStaffUser(db, input, actorOf(admin)) }
})
