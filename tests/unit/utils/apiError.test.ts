import { describe, expect, it } from 'vitest'
import { firstReasons, isUnavailable, problemOfIssues, problemSentence, readApiError, readErrorBody } from '../../../utils/apiError'

// What server/utils/errors.ts sends (validationError, refuse) as $fetch hands it over: the body under `data`.
const validation = {
  statusCode: 400,
  data: { statusCode: 400, statusMessage: 'Bad Request', message: '提交的内容有误，请修改后重试', data: { fields: { creditCode: ['请填写统一社会信用代码'], 'documentFileIds.营业执照': ['请上传营业执照', '文件不存在'] } } },
}

describe('readApiError', () => {
  it('reads the message and the reasons by field', () => {
    const problem = readApiError(validation)
    expect(problem).toEqual({
      status: 400,
      message: '提交的内容有误，请修改后重试',
      fields: { 'creditCode': ['请填写统一社会信用代码'], 'documentFileIds.营业执照': ['请上传营业执照', '文件不存在'] },
      details: {},
    })
    expect(firstReasons(problem)).toEqual([{ name: 'creditCode', message: '请填写统一社会信用代码' }, { name: 'documentFileIds.营业执照', message: '请上传营业执照' }])
  })

  it('keeps a refusal’s other data apart from its fields', () => {
    const problem = readApiError({ statusCode: 409, data: { statusCode: 409, message: '该记录已有处理中的异议', data: { applicationId: 7 } } })
    expect(problem.details).toEqual({ applicationId: 7 })
    expect(problem.fields).toEqual({})
  })

  it('says "check the network" when no answer came, and tells it from a refusal', () => {
    const offline = readApiError(new TypeError('Failed to fetch'))
    expect(offline).toMatchObject({ status: undefined, message: '网络异常，请检查网络后重试' })
    expect(isUnavailable(offline)).toBe(true)
    expect(isUnavailable(readApiError({ statusCode: 503, data: { message: 'Service Unavailable' } }))).toBe(true)
    expect(isUnavailable(readApiError({ statusCode: 404, data: { statusCode: 404, message: '信用记录不存在或无权查看' } }))).toBe(false)
  })

  it('uses the caller’s fallback for a body without a message', () => {
    expect(readApiError({ statusCode: 500, data: '<html>' }, '加载失败').message).toBe('加载失败')
  })
})

describe('readErrorBody', () => {
  it('reads an XMLHttpRequest body, with the status from the request', () => {
    const body = { message: '文件超过10MB上限，请压缩或分页后上传', data: { fields: { file: ['文件超过10MB上限'] } } }
    expect(readErrorBody(body, 413)).toMatchObject({ status: 413, fields: { file: ['文件超过10MB上限'] } })
  })
})

describe('problemSentence', () => {
  it('adds each field reason the message does not already say, once', () => {
    const problem = readErrorBody({ message: '目录无效', data: { fields: { kinds: ['目录无效'], a: ['x'], b: ['x'] } } })
    expect(problemSentence(problem)).toBe('目录无效；x')
  })
})

describe('problemOfIssues', () => {
  it('shapes a form’s own zod issues as the API’s refusal', () => {
    const problem = problemOfIssues([{ path: ['reason'], message: '维持须填写理由' }])
    expect(firstReasons(problem)).toEqual([{ name: 'reason', message: '维持须填写理由' }])
  })
})
