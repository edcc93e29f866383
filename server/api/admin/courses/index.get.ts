import { listCourses } from '../../../domain/training/courses'

/** The console's course list (credit office and admin). */
export default defineEventHandler(async (event) => {
  await requireUser(event, ['credit_office', 'admin'])
  const { db } = await usePlatform()
  return { items: await listCourses(db) }
})
