import { and, asc, eq, sql } from 'drizzle-orm'
import type { LessonInput } from '../../../shared/schemas/training'
import { courseMedia, courses, lessons } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { recordAudit } from '../audit'
import { touchCourse } from './courses'
import { isVideo } from './mediaType'
import { sanitizeLessonHtml } from './sanitize'


/** A lesson's video must be an uploaded video, not an image or someone's guess of an id. */
async function checkVideo(tx: Tx, videoId: string | null) {
  if (!videoId) return
  const [media] = await tx.select({ mime: courseMedia.mime }).from(courseMedia).where(eq(courseMedia.id, videoId))
  if (!media || !isVideo(media.mime)) throw refuse(400, '视频不存在或不是视频文件，请重新上传', 'videoId')
}

/**
 * Whatever changes the order of a course's lessons holds its course row first: two such changes at
 * once take turns, where renumbering the same lessons in two orders would deadlock.
 */
async function lockCourse(tx: Tx, courseId: number) {
  const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId)).for('update')
  if (!course) throw notFound('课程')
}

/** Adds a lesson at the end of the course. Its HTML is sanitized here, whatever the editor sent. */
export async function addLesson(db: Database, courseId: number, input: LessonInput, actor: string) {
  return db.transaction(async (tx) => {
    await lockCourse(tx, courseId)
    await checkVideo(tx, input.videoId)
    const [last] = await tx.select({ max: sql<number>`coalesce(max(${lessons.position}), 0)::int` }).from(lessons).where(eq(lessons.courseId, courseId))
    const [lesson] = await tx.insert(lessons).values({
      courseId, position: (last?.max ?? 0) + 1, title: input.title, body: sanitizeLessonHtml(input.body), videoId: input.videoId,
    }).returning()
    await touchCourse(tx, courseId)
    await recordAudit(tx, { actor, action: 'lesson.create', entity: 'lesson', entityId: String(lesson!.id), detail: { courseId, title: input.title } })
    return lesson!
  })
}

export async function updateLesson(db: Database, courseId: number, lessonId: number, input: LessonInput, actor: string) {
  return db.transaction(async (tx) => {
    await checkVideo(tx, input.videoId)
    const [lesson] = await tx.update(lessons).set({ title: input.title, body: sanitizeLessonHtml(input.body), videoId: input.videoId, updatedAt: new Date() })
      .where(and(eq(lessons.id, lessonId), eq(lessons.courseId, courseId))).returning()
    if (!lesson) throw notFound('章节')
    await touchCourse(tx, courseId)
    await recordAudit(tx, { actor, action: 'lesson.update', entity: 'lesson', entityId: String(lessonId), detail: { courseId, title: input.title, videoId: input.videoId } })
    return lesson
  })
}

/** Removes a lesson (and everyone's progress in it) and closes the gap in the order. */
export async function deleteLesson(db: Database, courseId: number, lessonId: number, actor: string) {
  await db.transaction(async (tx) => {
    await lockCourse(tx, courseId)
    const [gone] = await tx.delete(lessons).where(and(eq(lessons.id, lessonId), eq(lessons.courseId, courseId))).returning({ title: lessons.title })
    if (!gone) throw notFound('章节')
    await renumber(tx, courseId)
    await touchCourse(tx, courseId)
    await recordAudit(tx, { actor, action: 'lesson.delete', entity: 'lesson', entityId: String(lessonId), detail: { courseId, title: gone.title } })
  })
}

async function renumber(tx: Tx, courseId: number, order?: number[]) {
  const ids = order ?? (await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, courseId)).orderBy(asc(lessons.position), asc(lessons.id))).map(l => l.id)
  for (const [i, id] of ids.entries()) await tx.update(lessons).set({ position: i + 1 }).where(and(eq(lessons.id, id), eq(lessons.courseId, courseId)))
}

/** The new order must name every lesson of the course exactly once: a stale page cannot lose one. */
export async function reorderLessons(db: Database, courseId: number, lessonIds: number[], actor: string) {
  await db.transaction(async (tx) => {
    await lockCourse(tx, courseId)
    const present = await tx.select({ id: lessons.id }).from(lessons).where(eq(lessons.courseId, courseId))
    const known = new Set(present.map(l => l.id))
    if (new Set(lessonIds).size !== lessonIds.length || lessonIds.length !== known.size || lessonIds.some(id => !known.has(id))) {
      throw refuse(409, '章节列表已变化，请刷新页面后重新排序', 'lessonIds')
    }
    await renumber(tx, courseId, lessonIds)
    await touchCourse(tx, courseId)
    await recordAudit(tx, { actor, action: 'lesson.reorder', entity: 'course', entityId: String(courseId), detail: { lessonIds } })
  })
}

