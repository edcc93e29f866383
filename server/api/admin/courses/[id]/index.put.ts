import { courseSchema } from '../../../../../shared/schemas/training'
import { actorOf } from '../../../../domain/audit'
import { updateCourse } from '../../../../domain/training/courses'
import { officeRoles } from '../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const id = idParam(event, 'id', '课程')
  const input = await readBodyAs(event, courseSchema)
  const { db } = await usePlatform()
  return updateCourse(db, id, input, actorOf(user))
})
