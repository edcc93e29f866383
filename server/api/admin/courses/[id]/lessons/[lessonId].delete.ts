import { actorOf } from '../../../../../domain/audit'
import { deleteLesson } from '../../../../../domain/training/lessons'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, ['credit_office', 'admin'])
  const courseId = idParam(event, 'id', '课程')
  const lessonId = idParam(event, 'lessonId', '章节')
  const { db } = await usePlatform()
  await deleteLesson(db, courseId, lessonId, actorOf(user))
  return { ok: true }
})
