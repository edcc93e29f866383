import { lessonOrderSchema } from '../../../../../../shared/schemas/training'
import { actorOf } from '../../../../../domain/audit'
import { reorderLessons } from '../../../../../domain/training/lessons'
import { officeRoles } from '../../../../../../shared/roles'

/** The whole new order at once: every lesson of the course, each once. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const courseId = idParam(event, 'id', '课程')
  const { lessonIds } = await readBodyAs(event, lessonOrderSchema)
  const { db } = await usePlatform()
  await reorderLessons(db, courseId, lessonIds, actorOf(user))
  return { ok: true }
})
