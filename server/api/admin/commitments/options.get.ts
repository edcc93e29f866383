import { draftOptions } from '../../../domain/commitments/templates'
import { staffRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, staffRoles)
  const { db } = await usePlatform()
  return draftOptions(db)
})
