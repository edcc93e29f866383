import { describe, expect, it } from 'vitest'
import { dequeueProgress, enqueueProgress, isNetworkFailure, parseProgressQueue } from '../../../../shared/utils/progressQueue'

describe('the offline progress queue', () => {
  it('keeps the latest position of a lesson and never loses a completion', () => {
    let queue = enqueueProgress({}, 7, { position: 30, completed: false })
    queue = enqueueProgress(queue, 7, { position: 100, completed: true })
    queue = enqueueProgress(queue, 7, { position: 12, completed: false })
    queue = enqueueProgress(queue, 8, { position: 5, completed: false })
    expect(queue).toEqual({ 7: { position: 12, completed: true }, 8: { position: 5, completed: false } })
    expect(dequeueProgress(queue, 7)).toEqual({ 8: { position: 5, completed: false } })
  })

  it('reads only well-formed entries from storage', () => {
    expect(parseProgressQueue(null)).toEqual({})
    expect(parseProgressQueue('not json')).toEqual({})
    expect(parseProgressQueue('[1,2]')).toEqual({})
    expect(parseProgressQueue('{"3":{"position":4,"completed":true},"x":{"position":1,"completed":false},"5":{"position":-1,"completed":false},"6":"a"}'))
      .toEqual({ 3: { position: 4, completed: true } })
  })

  it('tells a missing network or a failing server from a refusal', () => {
    expect(isNetworkFailure(new TypeError('fetch failed'))).toBe(true)
    expect(isNetworkFailure({ statusCode: 502, response: {} })).toBe(true)
    expect(isNetworkFailure({ statusCode: 403, response: {} })).toBe(false)
    expect(isNetworkFailure({ statusCode: 401, response: {} })).toBe(false)
  })
})
