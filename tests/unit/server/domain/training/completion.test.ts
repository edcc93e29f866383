import { describe, expect, it } from 'vitest'
import { lessonCompletion } from '../../../../../config/training'
import { completionBlocker, requirementOf, requirementText } from '../../../../../server/domain/training/completion'

const rule = lessonCompletion
const opened = new Date('2026-12-02T02:00:00Z')
const after = (seconds: number) => new Date(opened.getTime() + seconds * 1000)

describe('when a lesson counts as learnt (issue 15 item 4)', () => {
  it('a text lesson: its reading time set in the console, else the default, on the server’s clock', () => {
    const reading = requirementOf(rule, { hasVideo: false, videoSeconds: null, readingSeconds: 300 })
    expect(reading).toEqual({ kind: 'reading', seconds: 300 })
    expect(completionBlocker(rule, reading, { furthest: 100, startedAt: opened }, opened)).toBe('本节学习时间不少于5分钟，请5分钟后再标记学完')
    expect(completionBlocker(rule, reading, { furthest: 100, startedAt: opened }, after(299))).toBe('本节学习时间不少于5分钟，请1秒后再标记学完')
    expect(completionBlocker(rule, reading, { furthest: 0, startedAt: opened }, after(300))).toBeNull()
    expect(requirementOf(rule, { hasVideo: false, videoSeconds: null, readingSeconds: null })).toEqual({ kind: 'reading', seconds: rule.defaultReadingSeconds })
  })

  it('a video: reached to 90% of its length, and open long enough to have watched that at double speed', () => {
    const video = requirementOf(rule, { hasVideo: true, videoSeconds: 600, readingSeconds: 60 })
    expect(video).toEqual({ kind: 'video', seconds: 600 })
    expect(requirementText(rule, video)).toBe('观看视频至90%以上（视频约10分钟）即可标记本节已学完')
    expect(completionBlocker(rule, video, { furthest: 539, startedAt: opened }, after(3600))).toBe('请观看视频至90%以上后再标记学完（已观看到89%）')
    expect(completionBlocker(rule, video, { furthest: 120, startedAt: opened }, after(3600))).toBe('请观看视频至90%以上后再标记学完（已观看到20%）')
    // Seeking to the end at once: the position is there, the time is not.
    expect(completionBlocker(rule, video, { furthest: 600, startedAt: opened }, after(10))).toBe('请按正常进度观看视频，5分钟后可标记学完')
    expect(completionBlocker(rule, video, { furthest: 540, startedAt: opened }, after(270))).toBeNull()
  })

  it('a video whose file states no length falls back to the lesson’s reading time', () => {
    expect(requirementOf(rule, { hasVideo: true, videoSeconds: null, readingSeconds: 90 })).toEqual({ kind: 'reading', seconds: 90 })
  })
})
