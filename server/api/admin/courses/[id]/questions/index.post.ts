import { questionSchema } from '../../../../../../shared/schemas/training'
import { actorOf } from '../../../../../domain/audit'
import { addQuestion } from '../../../../../domain/training/questions'
import { officeRoles } from '../../../../../../shared/roles'

export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const courseId = idParam(event, 'id', '课程')
  const input = await readBodyAs(event, questionSchema)
  const { db } = await usePlatform()
  const question = await addQuestion(db, courseId, input, actorOf(user))
  setResponseStatus(event, 201)
  return question
})
