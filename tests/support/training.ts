import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Client } from './client'

/** What one round of training leaves behind: the course, its lesson, the learner's attempt and certificate. */
export interface Training { courseId: number, lessonId: number, attemptId: number, certificate: string }

/**
 * A 修复培训 certificate for `subjectId`, earned as a learner earns one: the credit office publishes a
 * one-lesson course with one question, the learner completes the lesson and passes its test.
 */
export async function certified(office: Client, learner: Client, subjectId: number): Promise<string> {
  return (await trained(office, learner, subjectId)).certificate
}

/** As `certified`, with the ids of everything made on the way. */
export async function trained(office: Client, learner: Client, subjectId: number): Promise<Training> {
  const course = await office.post('/api/admin/courses', { title: '信用修复专题培训', summary: '', passMark: 80, questionsPerQuiz: 1, attemptsPerDay: 3, published: true })
  const lesson = await office.post(`/api/admin/courses/${course.body.id}/lessons`, { title: '第一节 信用修复是什么', body: '<p>失信主体纠正失信行为后可申请信用修复。</p>', readingMinutes: 0 })
  // No minimum reading time set in the console: the lesson may be marked learnt at once.
  await office.post(`/api/admin/courses/${course.body.id}/questions`, { text: '信用修复由哪个部门决定？', options: ['作出认定的部门', '任何机构'], answers: [0] })
  await learner.call('PUT', `/api/training/lessons/${lesson.body.id}/progress`, { position: 100, completed: true })
  const quiz = await learner.post(`/api/training/courses/${course.body.id}/quiz`, { subjectId })
  const graded = await learner.post(`/api/training/attempts/${quiz.body.attemptId}/submit`, { answers: [[0]] })
  expect(graded.body, JSON.stringify(graded.body)).toMatchObject({ passed: true })
  return { courseId: course.body.id, lessonId: lesson.body.id, attemptId: quiz.body.attemptId, certificate: graded.body.certificate.number }
}

/** Ticks the right answers on a test page, read from the console's question bank (the page never has them). */
export async function answerRight(page: Page, office: Client, courseId: number): Promise<void> {
  const course = await office.get(`/api/admin/courses/${courseId}`)
  const bank = new Map<string, number[]>(course.body.questions.map((q: { text: string, answers: number[] }) => [q.text, q.answers]))
  const groups = page.getByRole('group')
  for (let i = 0; i < await groups.count(); i++) {
    const text = (await groups.nth(i).locator('p').first().innerText()).replace(/^\d+\.\s*/, '')
    for (const option of bank.get(text)!) await groups.nth(i).getByRole('checkbox').nth(option).click()
  }
}
