import { listTemplates } from '../../../../domain/commitments/templates'

export default defineEventHandler(async (event) => {
  await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  return { items: await listTemplates(db, true) }
})
