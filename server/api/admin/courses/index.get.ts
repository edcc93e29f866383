import { listCourses } from '../../../domain/training/courses'
import { officeRoles } from '../../../../shared/roles'

/** The console's course list (credit office and admin). */
export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const { db } = await usePlatform()
  return { items: await listCourses(db) }
})
