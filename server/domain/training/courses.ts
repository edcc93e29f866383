import { asc, desc, eq, sql } from 'drizzle-orm'
import type { CourseInput } from '../../../shared/schemas/training'
import { courses, lessons, questions } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { recordAudit } from '../audit'

export type Course = typeof courses.$inferSelect

/** The console's list: every course, published or not, with its counts. */
export async function listCourses(db: Database) {
  return db.select({
    id: courses.id, title: courses.title, published: courses.published, passMark: courses.passMark, updatedAt: courses.updatedAt,
    // Written out qualified: drizzle renders ${courses.id} as a bare "id", which inside the subquery is the lesson's.
    lessons: sql<number>`(select count(*)::int from lessons l where l.course_id = courses.id)`,
    questions: sql<number>`(select count(*)::int from questions q where q.course_id = courses.id and q.active)`,
  }).from(courses).orderBy(desc(courses.updatedAt), desc(courses.id))
}

/** One course for the console: its lessons in order and the whole bank, answers included (staff only). */
export async function courseForConsole(db: Database, id: number) {
  const [course] = await db.select().from(courses).where(eq(courses.id, id))
  if (!course) throw notFound('课程')
  const lessonRows = await db.select().from(lessons).where(eq(lessons.courseId, id)).orderBy(asc(lessons.position), asc(lessons.id))
  const bank = await db.select().from(questions).where(eq(questions.courseId, id)).orderBy(asc(questions.id))
  return { course, lessons: lessonRows, questions: bank }
}

export async function createCourse(db: Database, input: CourseInput, actor: string): Promise<Course> {
  return db.transaction(async (tx) => {
    const [course] = await tx.insert(courses).values(input).returning()
    await recordAudit(tx, { actor, action: 'course.create', entity: 'course', entityId: String(course!.id), detail: { title: input.title, published: input.published } })
    return course!
  })
}

export async function updateCourse(db: Database, id: number, input: CourseInput, actor: string): Promise<Course> {
  return db.transaction(async (tx) => {
    const [course] = await tx.update(courses).set({ ...input, updatedAt: new Date() }).where(eq(courses.id, id)).returning()
    if (!course) throw notFound('课程')
    await recordAudit(tx, { actor, action: 'course.update', entity: 'course', entityId: String(id), detail: { ...input, summary: undefined } })
    return course
  })
}

/** Marks the course changed, so the console's list shows recently edited courses first. */
export async function touchCourse(db: Pick<Database, 'update'>, id: number): Promise<void> {
  await db.update(courses).set({ updatedAt: new Date() }).where(eq(courses.id, id))
}
