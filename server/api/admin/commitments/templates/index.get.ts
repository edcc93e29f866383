import { listTemplates } from '../../../../domain/commitments/templates'
import { officeRoles } from '../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  return { items: await listTemplates(db, true) }
})
