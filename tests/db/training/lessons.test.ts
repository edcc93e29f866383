import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { courseForConsole, createCourse } from '../../../server/domain/training/courses'
import { addLesson, deleteLesson } from '../../../server/domain/training/lessons'
import { createTestDatabase, type TestDatabase } from '../../support/database'

let t: TestDatabase

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t?.close()
})

describe('lessons in the database', () => {
  it('deletes lessons of one course at the same time, and numbers the rest 1, 2, 3 …', async () => {
    const course = await createCourse(t.db, { title: '信用修复专题培训', summary: '', passMark: 80, questionsPerQuiz: 1, attemptsPerDay: 3, published: false }, 'test')
    const lessons = []
    for (let i = 1; i <= 8; i++) lessons.push(await addLesson(t.db, course.id, { title: `第${i}节`, body: '', videoId: null, readingMinutes: null }, 'test'))
    // Two staff members deleting at once: each renumbering must wait for the other, never fail.
    const gone = lessons.filter((_, i) => i % 2 === 0)
    await Promise.all(gone.map(lesson => deleteLesson(t.db, course.id, lesson.id, 'test')))
    const left = (await courseForConsole(t.db, course.id)).lessons
    expect(left.map(l => l.title)).toEqual(['第2节', '第4节', '第6节', '第8节'])
    expect(left.map(l => l.position)).toEqual([1, 2, 3, 4])
  })
})
