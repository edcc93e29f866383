import { learnerCourse } from '../../../../domain/training/learn'

/** A published course with its lessons; the signed-in learner's progress in each (none when anonymous). */
export default defineEventHandler(async (event) => {
  const courseId = idParam(event, 'id', '课程')
  // Public page: a visitor who is not signed in simply sees no progress.
  const user = await requireUser(event).catch(() => null)
  const { db } = await usePlatform()
  return learnerCourse(db, courseId, user?.id)
})
