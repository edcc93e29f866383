import { attemptView } from '../../../../domain/training/quiz'

/** The signed-in user's own attempt: open (questions only) or graded (score, answers, certificate). */
export default defineEventHandler(async (event) => {
  const attemptId = idParam(event, 'id', '测试')
  const user = await requireUser(event)
  const { db } = await usePlatform()
  setResponseHeader(event, 'cache-control', 'private, no-store')
  return attemptView(db, user.id, attemptId)
})
