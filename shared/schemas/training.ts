import { z } from 'zod'
import { courseDefaults, lessonCompletion } from '../../config/training'
import { textInput } from './fields'

const positiveId = (message: string) => z.number({ error: message }).int(message).positive(message)

/** The console's course form (create and edit). */
export const courseSchema = z.object({
  title: textInput({ error: '请填写课程名称' }).trim().min(2, '课程名称至少2个字').max(80, '课程名称最多80个字'),
  summary: textInput().trim().max(1000, '课程简介最多1000字').default(''),
  passMark: z.number({ error: '合格分数应为数字' }).int('合格分数应为整数').min(1, '合格分数应在1到100之间').max(100, '合格分数应在1到100之间').default(courseDefaults.passMark),
  questionsPerQuiz: z.number({ error: '每次测试题数应为数字' }).int('每次测试题数应为整数').min(1, '每次测试至少1题').max(100, '每次测试最多100题').default(courseDefaults.questionsPerQuiz),
  attemptsPerDay: z.number({ error: '每日测试次数应为数字' }).int('每日测试次数应为整数').min(1, '每日至少可测试1次').max(50, '每日最多50次').default(courseDefaults.attemptsPerDay),
  published: z.boolean().default(false),
})
export type CourseInput = z.infer<typeof courseSchema>

/** A lesson: its body is the editor's HTML, cleaned again on the server. */
export const lessonSchema = z.object({
  title: textInput({ error: '请填写章节标题' }).trim().min(2, '章节标题至少2个字').max(80, '章节标题最多80个字'),
  body: textInput().max(200_000, '正文过长，请拆分为多个章节').default(''),
  videoId: textInput().uuid('视频无效，请重新上传').nullable().default(null),
  /** Least reading time in minutes before the lesson counts as read; empty takes the default (config/training.ts). */
  readingMinutes: z.number({ error: '学习时长应为数字' }).int('学习时长应为整数分钟').min(0, '学习时长不能为负')
    .max(lessonCompletion.maxReadingSeconds / 60, `学习时长最多${lessonCompletion.maxReadingSeconds / 60}分钟`).nullable().default(null),
})
export type LessonInput = z.infer<typeof lessonSchema>

export const lessonOrderSchema = z.object({
  lessonIds: z.array(positiveId('章节无效')).min(1, '请提供章节顺序').max(200),
})

/** A question of the bank: 2–6 options, one or more of them correct (indexes into `options`). */
export const questionSchema = z.object({
  text: textInput({ error: '请填写题目' }).trim().min(4, '题目至少4个字').max(500, '题目最多500字'),
  options: z.array(textInput().trim().min(1, '选项不能为空').max(200, '选项最多200字'), { error: '请填写选项' })
    .min(2, '至少需要2个选项').max(6, '最多6个选项'),
  answers: z.array(z.number().int().min(0), { error: '请选择正确答案' }).min(1, '请至少选择一个正确答案'),
  active: z.boolean().default(true),
}).superRefine((q, ctx) => {
  if (new Set(q.answers).size !== q.answers.length) ctx.addIssue({ code: 'custom', path: ['answers'], message: '正确答案有重复' })
  if (q.answers.some(a => a >= q.options.length)) ctx.addIssue({ code: 'custom', path: ['answers'], message: '正确答案须是已填写的选项' })
  if (new Set(q.options).size !== q.options.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '选项内容不能重复' })
})
export type QuestionInput = z.infer<typeof questionSchema>

/** PUT /api/training/lessons/<id>/progress: seconds into the video, or how far the text was read (0–100). */
export const progressSchema = z.object({
  position: z.number({ error: '学习进度应为数字' }).min(0, '学习进度不能为负').max(86_400, '学习进度无效').transform(Math.floor),
  completed: z.boolean().default(false),
})
export type ProgressInput = z.infer<typeof progressSchema>

export const startQuizSchema = z.object({ subjectId: positiveId('请选择参加培训的主体') })

/** One list of chosen option indexes per question, in the order the quiz gave them. */
export const submitQuizSchema = z.object({
  answers: z.array(z.array(z.number().int().min(0).max(5)).max(6), { error: '请提交答案' }).max(100),
})
export type SubmitQuizInput = z.infer<typeof submitQuizSchema>

/** Certificate numbers: PX + YYYYMMDD (China date) + 6-digit serial of that day. */
export const certificateNumberPattern = /^PX\d{8}\d{6}$/

// Answers of the API, shared by the pages.
export interface CourseSummary { id: number, title: string, summary: string, lessons: number, passMark: number, questionsPerQuiz: number }
/** `notYet` says why a completion asked for is not granted yet (a video not watched, a reading time not over). */
export interface LessonProgressView { lessonId: number, position: number, completed: boolean, notYet?: string | null }
export interface LearnerLesson { id: number, title: string, position: number, hasVideo: boolean, progress: LessonProgressView | null }
export interface LearnerCourse extends CourseSummary { attemptsPerDay: number, lessonList: LearnerLesson[], allCompleted: boolean }
/** `requirement` tells the learner what completes the lesson (issue 15 item 4). */
export interface LessonView { id: number, courseId: number, courseTitle: string, title: string, body: string, videoUrl: string | null, requirement: string, progress: LessonProgressView | null, nextLessonId: number | null, previousLessonId: number | null }
/** What a learner sees of a question: never its answers, nor how many there are. */
export interface QuizQuestion { id: number, text: string, options: string[] }
export interface QuizView { attemptId: number, courseId: number, questions: QuizQuestion[] }
export interface GradedQuestion { id: number, text: string, options: string[], chosen: number[], correct: number[], right: boolean }
export interface CertificateView { number: string, subjectName: string, creditCode: string | null, courseTitle: string, score: number, issuedOn: string, valid: boolean }
export interface QuizResult { attemptId: number, courseId: number, score: number, passed: boolean, passMark: number, questions: GradedQuestion[], certificate: CertificateView | null }
export interface TrainingStats { learners: number, attempts: number, passes: number, certificates: number, blacklisted: number, blacklistedTrained: number, trainedRate: number | null }
