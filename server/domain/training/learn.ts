import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { CourseSummary, LearnerCourse, LessonProgressView, LessonView } from '../../../shared/schemas/training'
import { lessonCompletion } from '../../../config/training'
import { courseMedia, courses, lessonProgress, lessons } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { requirementOf, requirementText } from './completion'

const summaryColumns = {
  id: courses.id, title: courses.title, summary: courses.summary, passMark: courses.passMark, questionsPerQuiz: courses.questionsPerQuiz,
  // Qualified by hand: drizzle renders ${courses.id} as a bare "id", which inside the subquery is the lesson's.
  lessons: sql<number>`(select count(*)::int from lessons l where l.course_id = courses.id)`,
}

/** The public list: published courses only. */
export async function publishedCourses(db: Database): Promise<CourseSummary[]> {
  return db.select(summaryColumns).from(courses).where(eq(courses.published, true)).orderBy(desc(courses.id))
}

/** A published course (404 for an unpublished one, as for a missing one). */
export async function publishedCourse(db: Pick<Database, 'select'>, courseId: number) {
  const [course] = await db.select().from(courses).where(and(eq(courses.id, courseId), eq(courses.published, true)))
  if (!course) throw notFound('课程')
  return course
}

/** The learner's progress in the given lessons; nothing for an anonymous visitor. */
export async function progressOf(db: Pick<Database, 'select'>, userId: number | undefined, lessonIds: number[]): Promise<Map<number, LessonProgressView>> {
  if (!userId || !lessonIds.length) return new Map()
  const rows = await db.select().from(lessonProgress).where(and(eq(lessonProgress.userId, userId), inArray(lessonProgress.lessonId, lessonIds)))
  return new Map(rows.map(r => [r.lessonId, { lessonId: r.lessonId, position: r.position, completed: !!r.completedAt }]))
}

export async function learnerCourse(db: Database, courseId: number, userId?: number): Promise<LearnerCourse> {
  const course = await publishedCourse(db, courseId)
  const rows = await db.select({ id: lessons.id, title: lessons.title, position: lessons.position, videoId: lessons.videoId })
    .from(lessons).where(eq(lessons.courseId, courseId)).orderBy(asc(lessons.position), asc(lessons.id))
  const progress = await progressOf(db, userId, rows.map(r => r.id))
  const lessonList = rows.map(r => ({ id: r.id, title: r.title, position: r.position, hasVideo: !!r.videoId, progress: progress.get(r.id) ?? null }))
  return {
    id: course.id, title: course.title, summary: course.summary, passMark: course.passMark, questionsPerQuiz: course.questionsPerQuiz,
    attemptsPerDay: course.attemptsPerDay, lessons: rows.length, lessonList,
    allCompleted: lessonList.length > 0 && lessonList.every(l => l.progress?.completed),
  }
}

/** One lesson of a published course, with the learner's place in it and its neighbours. */
export async function learnerLesson(db: Database, lessonId: number, userId?: number): Promise<LessonView> {
  const [lesson] = await db.select().from(lessons).where(eq(lessons.id, lessonId))
  if (!lesson) throw notFound('章节')
  const course = await publishedCourse(db, lesson.courseId).catch(() => { throw notFound('章节') })
  const order = (await db.select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, lesson.courseId)).orderBy(asc(lessons.position), asc(lessons.id))).map(l => l.id)
  const at = order.indexOf(lesson.id)
  const progress = await progressOf(db, userId, [lesson.id])
  const [video] = lesson.videoId ? await db.select({ durationSeconds: courseMedia.durationSeconds }).from(courseMedia).where(eq(courseMedia.id, lesson.videoId)) : []
  return {
    id: lesson.id, courseId: course.id, courseTitle: course.title, title: lesson.title,
    // Sanitized when it was saved (sanitize.ts), so the page may render it as HTML.
    body: lesson.body,
    videoUrl: lesson.videoId ? `/api/media/${lesson.videoId}` : null,
    requirement: requirementText(lessonCompletion, requirementOf(lessonCompletion, { hasVideo: !!lesson.videoId, videoSeconds: video?.durationSeconds ?? null, readingSeconds: lesson.readingSeconds })),
    progress: progress.get(lesson.id) ?? null,
    previousLessonId: order[at - 1] ?? null,
    nextLessonId: order[at + 1] ?? null,
  }
}
