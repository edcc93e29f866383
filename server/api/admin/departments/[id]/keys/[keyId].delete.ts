import { actorOf } from '../../../../../domain/audit'
import { revokeDepartmentKey } from '../../../../../domain/departments'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  await revokeDepartmentKey(db, idParam(event, 'id', '部门'), idParam(event, 'keyId', '接口密钥'), actorOf(user))
  return { ok: true }
})
