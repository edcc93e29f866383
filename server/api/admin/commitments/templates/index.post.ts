import { templateCreateSchema } from '../../../../../shared/schemas/commitments'
import { createTemplate } from '../../../../domain/commitments/templates'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, ['credit_office', 'admin'])
  const input = await readBodyAs(event, templateCreateSchema)
  const { db } = await usePlatform()
  setResponseStatus(event, 201)
  return createTemplate(db, user, input)
})
