import { actorOf } from '../../../../../domain/audit'
import { revokeDepartmentKey } from '../../../../../domain/departments'
import { officeRoles } from '../../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  await revokeDepartmentKey(db, idParam(event, 'id', '部门'), idParam(event, 'keyId', '接口密钥'), actorOf(user))
  return { ok: true }
})
