import { templateCreateSchema } from '../../../../../shared/schemas/commitments'
import { createTemplate } from '../../../../domain/commitments/templates'
import { officeRoles } from '../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const input = await readBodyAs(event, templateCreateSchema)
  const { db } = await usePlatform()
  setResponseStatus(event, 201)
  return createTemplate(db, user, input)
})
