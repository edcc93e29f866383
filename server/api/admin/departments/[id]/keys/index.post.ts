import { keyRequestSchema } from '../../../../../../shared/schemas/admin'
import { actorOf } from '../../../../../domain/audit'
import { issueDepartmentKey } from '../../../../../domain/departments'
import { officeRoles } from '../../../../../../shared/roles'

/** A new ingest key, shown this once; `replaces` rotates an old one out. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const departmentId = idParam(event, 'id', '部门')
  const input = await readBodyAs(event, keyRequestSchema)
  const { db } = await usePlatform()
  setResponseStatus(event, 201)
  return { key: await issueDepartmentKey(db, departmentId, input.label, actorOf(user), input.replaces) }
})
