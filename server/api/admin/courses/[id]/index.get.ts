import { courseForConsole } from '../../../../domain/training/courses'
import { officeRoles } from '../../../../../shared/roles'

/** One course with its lessons and its whole question bank, answers included: staff only. */
export default defineEventHandler(async (event) => {
  await requireUser(event, officeRoles)
  const id = idParam(event, 'id', '课程')
  const { db } = await usePlatform()
  return courseForConsole(db, id)
})
