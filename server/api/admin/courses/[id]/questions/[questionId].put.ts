import { questionSchema } from '../../../../../../shared/schemas/training'
import { actorOf } from '../../../../../domain/audit'
import { updateQuestion } from '../../../../../domain/training/questions'
import { officeRoles } from '../../../../../../shared/roles'

/** Edits a question, or deactivates it with `active: false` (questions are never deleted). */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event, officeRoles)
  const courseId = idParam(event, 'id', '课程')
  const questionId = idParam(event, 'questionId', '题目')
  const input = await readBodyAs(event, questionSchema)
  const { db } = await usePlatform()
  return updateQuestion(db, courseId, questionId, input, actorOf(user))
})
