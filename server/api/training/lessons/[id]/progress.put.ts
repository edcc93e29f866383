import { progressSchema } from '../../../../../shared/schemas/training'
import { saveProgress } from '../../../../domain/training/progress'

/** Where the learner stopped (video seconds or % read), and whether the lesson is complete. */
export default defineEventHandler(async (event) => {
  const user = await requireUser(event)
  const lessonId = idParam(event, 'id', '章节')
  const input = await readBodyAs(event, progressSchema)
  const { db } = await usePlatform()
  return saveProgress(db, user.id, lessonId, input)
})
