import { auditQuerySchema } from '../../../shared/schemas/admin'
import { listAudit } from '../../domain/audit'
import { adminRoles } from '../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, adminRoles)
  const query = await readQueryAs(event, auditQuerySchema)
  const { db } = await usePlatform()
  return { items: await listAudit(db, query) }
})
