import { catalogSchema } from '../../../../../shared/schemas/admin'
import { actorOf } from '../../../../domain/audit'
import { setCatalog } from '../../../../domain/departments'
import { officeRoles } from '../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const departmentId = idParam(event, 'id', '部门')
  const { kinds } = await readBodyAs(event, catalogSchema)
  const { db } = await usePlatform()
  await setCatalog(db, departmentId, kinds, actorOf(user))
  return { ok: true }
})
