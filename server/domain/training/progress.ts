import { eq, sql } from 'drizzle-orm'
import type { LessonProgressView, ProgressInput } from '../../../shared/schemas/training'
import { lessonProgress, lessons } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { ownSubjects } from '../me'
import { publishedCourse } from './learn'

/** Training counts for the subjects an account acts for: an account with none has nobody to train for. */
export async function requireLearner(db: Database, userId: number) {
  const subjects = await ownSubjects(db, userId)
  if (!subjects.length) throw refuse(403, '请先在“我的”中认领企业或核验本人身份，再参加培训')
  return subjects
}

/**
 * Saves where the learner stopped. A lesson once completed stays completed (a later save from an older
 * offline queue must not undo it); the position is the latest one sent, so the lesson resumes there.
 */
export async function saveProgress(db: Database, userId: number, lessonId: number, input: ProgressInput): Promise<LessonProgressView> {
  await requireLearner(db, userId)
  const [lesson] = await db.select({ courseId: lessons.courseId }).from(lessons).where(eq(lessons.id, lessonId))
  if (!lesson) throw notFound('章节')
  await publishedCourse(db, lesson.courseId).catch(() => { throw notFound('章节') })
  const completedAt = input.completed ? new Date() : null
  const [row] = await db.insert(lessonProgress).values({ userId, lessonId, position: input.position, completedAt })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: { position: input.position, completedAt: sql`coalesce(${lessonProgress.completedAt}, excluded.completed_at)`, updatedAt: new Date() },
    }).returning()
  return { lessonId, position: row!.position, completed: !!row!.completedAt }
}
