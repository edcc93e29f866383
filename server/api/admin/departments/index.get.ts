import { departmentOverview } from '../../../domain/departments'
import { officeRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  return { items: await departmentOverview(db) }
})
