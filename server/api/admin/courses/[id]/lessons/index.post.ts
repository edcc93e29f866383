import { lessonSchema } from '../../../../../../shared/schemas/training'
import { actorOf } from '../../../../../domain/audit'
import { addLesson } from '../../../../../domain/training/lessons'
import { officeRoles } from '../../../../../../shared/roles'

/** Adds a lesson at the end; its HTML is sanitized on the server. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const courseId = idParam(event, 'id', '课程')
  const input = await readBodyAs(event, lessonSchema)
  const { db } = await usePlatform()
  const lesson = await addLesson(db, courseId, input, actorOf(user))
  setResponseStatus(event, 201)
  return lesson
})
