import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { textInput } from '../../../../shared/schemas/fields'
import { badValueError, fieldsOf } from '../../../../server/utils/errors'

describe('fieldsOf', () => {
  it('names the field in front of a control-character message, on a field, in an array and on a record key', () => {
    const schema = z.object({ actor: textInput(), options: z.array(textInput()), fields: z.record(textInput(), textInput()) })
    const parsed = schema.safeParse({ actor: 'a\u0000b', options: ['ok', '\u0007'], fields: { 'k\u0000': 'v', name: 'x\u001B' } })
    expect(fieldsOf(parsed.error!)).toEqual({
      'actor': ['「actor」含有无法识别的控制字符，请删除后重试'],
      'options.1': ['「options.1」含有无法识别的控制字符，请删除后重试'],
      'fields': ['「fields」含有无法识别的控制字符，请删除后重试'],
      'fields.name': ['「fields.name」含有无法识别的控制字符，请删除后重试'],
    })
  })

  it('leaves other messages as the schema wrote them', () => {
    const parsed = z.object({ q: textInput().max(2, '最多2个字') }).safeParse({ q: '三个字' })
    expect(fieldsOf(parsed.error!)).toEqual({ q: ['最多2个字'] })
  })
})

describe('badValueError', () => {
  it('turns a value PostgreSQL refused, wrapped by the ORM, into a 400', () => {
    const driver = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })
    const orm = new Error('Failed query: select … params: P:身份证:211302…', { cause: driver })
    expect(badValueError(orm)).toMatchObject({ statusCode: 400, message: '提交的内容含有无法识别的字符，请删除后重试' })
    expect(badValueError(new Error('x', { cause: Object.assign(new Error('y'), { code: '22P02' }) }))?.statusCode).toBe(400)
    expect(badValueError(Object.assign(new Error('value too long'), { code: '22001' }))?.message).toContain('过长')
  })

  it('leaves every other error to be the server fault it is', () => {
    expect(badValueError(Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' }))).toBeUndefined()
    expect(badValueError(Object.assign(new Error('deadlock'), { code: '40P01' }))).toBeUndefined()
    expect(badValueError(new Error('plain'))).toBeUndefined()
  })
})
