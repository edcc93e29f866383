import { learnerLesson } from '../../../../domain/training/learn'

/** One lesson of a published course (sanitized HTML, video URL), with the learner's place in it. */
export default defineEventHandler(async (event) => {
  const lessonId = idParam(event, 'id', '章节')
  const user = await requireUser(event).catch(() => null)
  const { db } = await usePlatform()
  return learnerLesson(db, lessonId, user?.id)
})
