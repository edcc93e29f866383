import { draftOptions } from '../../../domain/commitments/templates'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['department_reviewer', 'credit_office', 'admin'])
  const { db } = await usePlatform()
  return draftOptions(db)
})
