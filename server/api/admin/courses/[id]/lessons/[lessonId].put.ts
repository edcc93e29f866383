import { lessonSchema } from '../../../../../../shared/schemas/training'
import { actorOf } from '../../../../../domain/audit'
import { updateLesson } from '../../../../../domain/training/lessons'
import { officeRoles } from '../../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const courseId = idParam(event, 'id', '课程')
  const lessonId = idParam(event, 'lessonId', '章节')
  const input = await readBodyAs(event, lessonSchema)
  const { db } = await usePlatform()
  return updateLesson(db, courseId, lessonId, input, actorOf(user))
})
