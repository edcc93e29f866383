import { startQuizSchema } from '../../../../../shared/schemas/training'
import { startQuiz } from '../../../../domain/training/quiz'

/** Starts a test: the attempt id with the drawn questions and their options, never the answers. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const courseId = idParam(event, 'id', '课程')
  const { subjectId } = await readBodyAs(event, startQuizSchema)
  const { db } = await usePlatform()
  const quiz = await startQuiz(db, user.id, courseId, subjectId).catch((error: { statusCode?: number, data?: { retryAfter?: number } }) => {
    // The daily limit: like the search rate limit, say in seconds when to come back.
    if (error.statusCode === 429 && error.data?.retryAfter) setResponseHeader(event, 'retry-after', error.data.retryAfter)
    throw error
  })
  setResponseStatus(event, 201)
  return quiz
})
