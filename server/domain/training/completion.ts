import type { lessonCompletion } from '../../../config/training'

export type CompletionRule = typeof lessonCompletion

/** What a lesson asks: watching its video (when its file states a length) or reading for a set time. */
export type Requirement = { kind: 'video', seconds: number } | { kind: 'reading', seconds: number }

export interface LessonFacts { hasVideo: boolean, videoSeconds: number | null, readingSeconds: number | null }
export interface ProgressFacts { furthest: number, startedAt: Date }

export function requirementOf(rule: CompletionRule, lesson: LessonFacts): Requirement {
  if (lesson.hasVideo && lesson.videoSeconds) return { kind: 'video', seconds: lesson.videoSeconds }
  return { kind: 'reading', seconds: lesson.readingSeconds ?? rule.defaultReadingSeconds }
}

const durationText = (seconds: number) => (seconds < 60 ? `${Math.ceil(seconds)}秒` : `${Math.ceil(seconds / 60)}分钟`)
const percent = (share: number) => `${Math.round(share * 100)}%`

/** The line the lesson page shows before the learner starts. */
export function requirementText(rule: CompletionRule, requirement: Requirement): string {
  return requirement.kind === 'video'
    ? `观看视频至${percent(rule.videoWatchedShare)}以上（视频约${durationText(requirement.seconds)}）即可标记本节已学完`
    : `本节学习时间不少于${durationText(requirement.seconds)}，之后可标记本节已学完`
}

/**
 * Why the lesson does not count as learnt yet, or null when it does. A video must have been reached to
 * its share of the length, and the lesson open at least as long as watching that share at the fastest
 * counted speed takes; a text lesson must have been open its reading time. Time is the server's, from
 * the first save of the lesson.
 */
export function completionBlocker(rule: CompletionRule, requirement: Requirement, progress: ProgressFacts, now: Date): string | null {
  const elapsed = (now.getTime() - progress.startedAt.getTime()) / 1000
  if (requirement.kind === 'video') {
    const needed = rule.videoWatchedShare * requirement.seconds
    if (progress.furthest < needed) {
      return `请观看视频至${percent(rule.videoWatchedShare)}以上后再标记学完（已观看到${Math.floor(Math.min(progress.furthest / requirement.seconds, 1) * 100)}%）`
    }
    const least = needed / rule.maxPlaybackRate
    return elapsed >= least ? null : `请按正常进度观看视频，${durationText(least - elapsed)}后可标记学完`
  }
  return elapsed >= requirement.seconds ? null : `本节学习时间不少于${durationText(requirement.seconds)}，请${durationText(requirement.seconds - elapsed)}后再标记学完`
}
