import { courseSchema } from '../../../../shared/schemas/training'
import { actorOf } from '../../../domain/audit'
import { createCourse } from '../../../domain/training/courses'
import { officeRoles } from '../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const input = await readBodyAs(event, courseSchema)
  const { db } = await usePlatform()
  const course = await createCourse(db, input, actorOf(user))
  setResponseStatus(event, 201)
  return course
})
