import { and, eq } from 'drizzle-orm'
import type { QuestionInput } from '../../../shared/schemas/training'
import { courses, questions } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { recordAudit } from '../audit'
import { touchCourse } from './courses'

export async function addQuestion(db: Database, courseId: number, input: QuestionInput, actor: string) {
  return db.transaction(async (tx) => {
    const [course] = await tx.select({ id: courses.id }).from(courses).where(eq(courses.id, courseId))
    if (!course) throw notFound('课程')
    const [question] = await tx.insert(questions).values({ courseId, ...input, answers: [...input.answers].sort((a, b) => a - b) }).returning()
    await touchCourse(tx, courseId)
    await recordAudit(tx, { actor, action: 'question.create', entity: 'question', entityId: String(question!.id), detail: { courseId } })
    return question!
  })
}

/**
 * Edits or deactivates (`active: false`) a question. Questions are never deleted: past attempts name
 * them by id, and their result pages still show them.
 */
export async function updateQuestion(db: Database, courseId: number, questionId: number, input: QuestionInput, actor: string) {
  return db.transaction(async (tx) => {
    const [question] = await tx.update(questions).set({ ...input, answers: [...input.answers].sort((a, b) => a - b) })
      .where(and(eq(questions.id, questionId), eq(questions.courseId, courseId))).returning()
    if (!question) throw notFound('题目')
    await touchCourse(tx, courseId)
    await recordAudit(tx, { actor, action: input.active ? 'question.update' : 'question.deactivate', entity: 'question', entityId: String(questionId), detail: { courseId } })
    return question
  })
}
