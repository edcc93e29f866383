import { submitQuizSchema } from '../../../../../shared/schemas/training'
import { actorOf } from '../../../../domain/audit'
import { submitQuiz } from '../../../../domain/training/quiz'

/** Grades the attempt once on the server; a pass issues the certificate in the same transaction. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const attemptId = idParam(event, 'id', '测试')
  const input = await readBodyAs(event, submitQuizSchema)
  const { db } = await usePlatform()
  return submitQuiz(db, user.id, attemptId, input, actorOf(user))
})
