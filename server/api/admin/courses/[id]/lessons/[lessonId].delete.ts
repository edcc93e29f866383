import { actorOf } from '../../../../../domain/audit'
import { deleteLesson } from '../../../../../domain/training/lessons'
import { officeRoles } from '../../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const courseId = idParam(event, 'id', '课程')
  const lessonId = idParam(event, 'lessonId', '章节')
  const { db } = await usePlatform()
  await deleteLesson(db, courseId, lessonId, actorOf(user))
  return { ok: true }
})
