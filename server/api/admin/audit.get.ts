import { auditQuerySchema } from '../../../shared/schemas/admin'
import { listAudit } from '../../domain/audit'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['admin'])
  const query = await readQueryAs(event, auditQuerySchema)
  const { db } = await usePlatform()
  return { items: await listAudit(db, query) }
})
