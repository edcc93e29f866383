import { publishedCourses } from '../../../domain/training/learn'

/** Published courses, for everyone. */
export default defineEventHandler(async () => {
  const { db } = await usePlatform()
  return { items: await publishedCourses(db) }
})
