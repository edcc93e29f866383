import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm'
import type { QuizResult, QuizView, SubmitQuizInput } from '../../../shared/schemas/training'
import { addDays, chineseDate, todayInChina } from '../../../shared/utils/dates'
import { courses, lessonProgress, lessons, questions, quizAttempts, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound, refuse } from '../../utils/errors'
import { actsForSubject } from '../access/subjects'
import { certificateOfAttempt, issueCertificate } from './certificates'
import { drawQuestions } from './draw'
import { grade } from './grade'
import { publishedCourse } from './learn'
import { requireLearner } from './progress'

/** The advisory-lock class that serialises one learner's test starts (the daily limit). */
const START_LOCK = 727_102

/** Midnight in China of `day`, as an instant. */
const chinaMidnight = (day: string) => new Date(`${day}T00:00:00+08:00`)

/**
 * Starts a test for a subject the account acts for: only after every lesson is completed, at most
 * `attemptsPerDay` a China day, with questions drawn from the active bank. The answer carries the
 * questions and their options only: nothing that tells which option is right.
 */
export async function startQuiz(db: Database, userId: number, courseId: number, subjectId: number, now = new Date()): Promise<QuizView> {
  await requireLearner(db, userId)
  const [own] = await db.select({ id: subjects.id }).from(subjects).where(and(eq(subjects.id, subjectId), actsForSubject(userId, subjects.id)))
  if (!own) throw refuse(404, '主体不存在或您不是该主体的经办人', 'subjectId')
  const course = await publishedCourse(db, courseId)
  const [pending] = await db.select({ n: sql<number>`count(*)::int` }).from(lessons)
    .leftJoin(lessonProgress, and(eq(lessonProgress.lessonId, lessons.id), eq(lessonProgress.userId, userId)))
    .where(and(eq(lessons.courseId, courseId), isNull(lessonProgress.completedAt)))
  const [{ total } = { total: 0 }] = await db.select({ total: sql<number>`count(*)::int` }).from(lessons).where(eq(lessons.courseId, courseId))
  if (!total || (pending?.n ?? 0) > 0) throw refuse(409, '请先学完全部章节，再开始测试')
  const bank = await db.select({ id: questions.id, text: questions.text, options: questions.options }).from(questions)
    .where(and(eq(questions.courseId, courseId), eq(questions.active, true))).orderBy(asc(questions.id))
  if (!bank.length) throw refuse(409, '该课程题库暂无题目，请稍后再试')
  const today = todayInChina(now)
  return db.transaction(async (tx) => {
    // Two starts at the same moment must not both slip under the limit (one learner's starts queue up).
    await tx.execute(sql`select pg_advisory_xact_lock(${START_LOCK}, ${userId})`)
    const [used] = await tx.select({ n: sql<number>`count(*)::int` }).from(quizAttempts)
      .where(and(eq(quizAttempts.userId, userId), eq(quizAttempts.courseId, courseId), gte(quizAttempts.startedAt, chinaMidnight(today))))
    if ((used?.n ?? 0) >= course.attemptsPerDay) {
      const retryOn = addDays(today, 1)
      const retryAfter = Math.max(1, Math.ceil((chinaMidnight(retryOn).getTime() - now.getTime()) / 1000))
      throw refuse(429, `今天的${course.attemptsPerDay}次测试机会已用完，请于${chineseDate(retryOn)}0时后再试`, undefined, { retryOn, retryAfter })
    }
    const drawn = drawQuestions(bank, course.questionsPerQuiz)
    const [attempt] = await tx.insert(quizAttempts).values({ courseId, userId, subjectId, questionIds: drawn.map(q => q.id), startedAt: now }).returning({ id: quizAttempts.id })
    return { attemptId: attempt!.id, courseId, questions: drawn.map(q => ({ id: q.id, text: q.text, options: q.options })) }
  })
}

type Attempt = typeof quizAttempts.$inferSelect

async function ownAttempt(db: Pick<Database, 'select'>, userId: number, attemptId: number): Promise<Attempt> {
  const [attempt] = await db.select().from(quizAttempts).where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId)))
  if (!attempt) throw notFound('测试')
  return attempt
}

async function questionsOf(db: Pick<Database, 'select'>, ids: number[]) {
  const rows = await db.select().from(questions).where(inArray(questions.id, ids))
  const byId = new Map(rows.map(q => [q.id, q]))
  return ids.map(id => byId.get(id)!)
}

function resultOf(attempt: Attempt, bank: (typeof questions.$inferSelect)[], passMark: number, certificate: QuizResult['certificate']): QuizResult {
  const chosen = attempt.answers ?? []
  const graded = grade(bank, chosen, passMark)
  return {
    attemptId: attempt.id, courseId: attempt.courseId, score: attempt.score ?? graded.score, passed: attempt.passed ?? graded.passed, passMark, certificate,
    // Graded: now the correct answers may be shown.
    questions: bank.map((q, i) => ({ id: q.id, text: q.text, options: q.options, chosen: chosen[i] ?? [], correct: q.answers, right: graded.right[i]! })),
  }
}

/**
 * Grades an attempt once, on the server. The conditional update (`submitted_at is null`) is what makes
 * it once: a replay, even at the same moment, updates nothing and gets a 409, so it can never issue a
 * second certificate. The certificate is issued in the same transaction as the grade.
 */
export async function submitQuiz(db: Database, userId: number, attemptId: number, input: SubmitQuizInput, actor: string, now = new Date()): Promise<QuizResult> {
  const attempt = await ownAttempt(db, userId, attemptId)
  if (input.answers.length !== attempt.questionIds.length) throw refuse(400, `答案应与${attempt.questionIds.length}道题一一对应，请重新作答`, 'answers')
  const bank = await questionsOf(db, attempt.questionIds)
  input.answers.forEach((chosen, i) => {
    if (chosen.some(option => option >= bank[i]!.options.length)) throw refuse(400, `第${i + 1}题的选项不存在`, `answers.${i}`)
  })
  const [course] = await db.select({ passMark: courses.passMark }).from(courses).where(eq(courses.id, attempt.courseId))
  const passMark = course?.passMark ?? 100
  const graded = grade(bank, input.answers, passMark)
  return db.transaction(async (tx) => {
    const [done] = await tx.update(quizAttempts).set({ answers: input.answers, score: graded.score, passed: graded.passed, submittedAt: now })
      .where(and(eq(quizAttempts.id, attemptId), eq(quizAttempts.userId, userId), isNull(quizAttempts.submittedAt))).returning()
    if (!done) throw refuse(409, '这次测试已经交卷，不能重复提交；如需再次测试，请返回课程重新开始')
    let certificate: QuizResult['certificate'] = null
    if (graded.passed) {
      await issueCertificate(tx, { courseId: done.courseId, subjectId: done.subjectId, userId, attemptId, score: graded.score, day: todayInChina(now) }, actor)
      certificate = await certificateOfAttempt(tx, attemptId)
    }
    return resultOf(done, bank, passMark, certificate)
  })
}

/** An attempt of the signed-in user: still open (questions only), or graded (with the answers). */
export async function attemptView(db: Database, userId: number, attemptId: number): Promise<{ state: 'open', quiz: QuizView } | { state: 'graded', result: QuizResult }> {
  const attempt = await ownAttempt(db, userId, attemptId)
  const bank = await questionsOf(db, attempt.questionIds)
  if (!attempt.submittedAt) {
    return { state: 'open', quiz: { attemptId: attempt.id, courseId: attempt.courseId, questions: bank.map(q => ({ id: q.id, text: q.text, options: q.options })) } }
  }
  const [course] = await db.select({ passMark: courses.passMark }).from(courses).where(eq(courses.id, attempt.courseId))
  return { state: 'graded', result: resultOf(attempt, bank, course?.passMark ?? 100, await certificateOfAttempt(db, attemptId)) }
}
