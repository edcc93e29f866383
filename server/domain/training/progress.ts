import { and, eq, isNull, sql } from 'drizzle-orm'
import { lessonCompletion } from '../../../config/training'
import type { LessonProgressView, ProgressInput } from '../../../shared/schemas/training'
import { courseMedia, lessonProgress, lessons } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { ownSubjects } from '../me'
import { completionBlocker, requirementOf } from './completion'
import { publishedCourse } from './learn'

/** Training counts for the subjects an account acts for: an account with none has nobody to train for. */
export async function requireLearner(db: Database, userId: number) {
  const subjects = await ownSubjects(db, userId)
  if (!subjects.length) throw refuse(403, '请先在“我的”中认领企业或核验本人身份，再参加培训')
  return subjects
}

/**
 * Saves where the learner stopped, and how far a video ever got. A lesson once completed stays completed
 * (a later save from an older offline queue must not undo it); the position is the latest one sent, so
 * the lesson resumes there. Completion asked for is granted only when the lesson was followed
 * (completion.ts); otherwise the answer says what is still missing, and the progress is kept.
 */
export async function saveProgress(db: Database, userId: number, lessonId: number, input: ProgressInput, now = new Date()): Promise<LessonProgressView> {
  await requireLearner(db, userId)
  const [lesson] = await db.select({ courseId: lessons.courseId, videoId: lessons.videoId, readingSeconds: lessons.readingSeconds, videoSeconds: courseMedia.durationSeconds })
    .from(lessons).leftJoin(courseMedia, eq(courseMedia.id, lessons.videoId)).where(eq(lessons.id, lessonId))
  if (!lesson) throw notFound('章节')
  await publishedCourse(db, lesson.courseId).catch(() => { throw notFound('章节') })
  const [row] = await db.insert(lessonProgress).values({ userId, lessonId, position: input.position, furthest: input.position, startedAt: now })
    .onConflictDoUpdate({
      target: [lessonProgress.userId, lessonProgress.lessonId],
      set: { position: input.position, furthest: sql`greatest(${lessonProgress.furthest}, excluded.furthest)`, updatedAt: now },
    }).returning()
  if (row!.completedAt || !input.completed) return { lessonId, position: row!.position, completed: !!row!.completedAt, notYet: null }
  const requirement = requirementOf(lessonCompletion, { hasVideo: !!lesson.videoId, videoSeconds: lesson.videoSeconds, readingSeconds: lesson.readingSeconds })
  const notYet = completionBlocker(lessonCompletion, requirement, row!, now)
  if (notYet) return { lessonId, position: row!.position, completed: false, notYet }
  await db.update(lessonProgress).set({ completedAt: now })
    .where(and(eq(lessonProgress.userId, userId), eq(lessonProgress.lessonId, lessonId), isNull(lessonProgress.completedAt)))
  return { lessonId, position: row!.position, completed: true, notYet: null }
}
