import { createError } from 'h3'
import type { ZodError } from 'zod'
import { CONTROL_CHARACTER_ISSUE } from '../../shared/schemas/fields'

/**
 * The one error shape (STYLE.md): `{ statusCode, message, data: { fields } }`, fields by name. A
 * control character is invisible where it was typed (or pasted): its message names the field. A bad
 * key of a record is told on the record, since the key itself may be what cannot be printed.
 */
export function fieldsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const [path, issues] = issue.code === 'invalid_key' ? [issue.path.slice(0, -1), issue.issues] : [issue.path, [issue]]
    const key = path.join('.') || '_'
    for (const { code, message, ...rest } of issues) {
      const named = code === 'custom' && (rest as { params?: { code?: string } }).params?.code === CONTROL_CHARACTER_ISSUE
      ;(fields[key] ??= []).push(named ? `「${key}」${message}` : message)
    }
  }
  return fields
}

export function validationError(error: ZodError, message = '提交的内容有误，请修改后重试') {
  return createError({ statusCode: 400, message, data: { fields: fieldsOf(error) } })
}

/** A refusal the user can act on, naming the field when there is one. Domain code throws these too. */
export function refuse(statusCode: number, message: string, field?: string, extra?: Record<string, unknown>) {
  const data = field || extra ? { ...extra, ...(field ? { fields: { [field]: [message] } } : {}) } : undefined
  return createError({ statusCode, message, data })
}

export const badRequest = (message: string, field?: string) => refuse(400, message, field)

/** Someone else's or a missing resource: both answer the same 404, so IDs reveal nothing. */
export const notFound = (what = '内容') => refuse(404, `${what}不存在或无权查看`)

/**
 * PostgreSQL's answers to a value it cannot take (SQLSTATE class 22, data exception): bad input that
 * got past validation, so still the client's to fix, never a 500. NUL in text is 22021, in JSON 22P05.
 */
const badValueMessages: Record<string, string> = {
  '22021': '提交的内容含有无法识别的字符，请删除后重试',
  '22P05': '提交的内容含有无法识别的字符，请删除后重试',
  '22P02': '提交的内容格式不正确，请检查后重试',
  '22001': '提交的内容过长，请删减后重试',
  '22003': '提交的数字超出范围，请检查后重试',
  '22007': '提交的日期格式不正确，请检查后重试',
  '22008': '提交的日期超出范围，请检查后重试',
}

/** The 400 for an error whose cause (at any depth: the ORM wraps the driver's) is a bad value, if it is one. */
export function badValueError(error: unknown) {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; cause = (cause as { cause?: unknown }).cause, depth++) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string' && badValueMessages[code]) return refuse(400, badValueMessages[code])
  }
  return undefined
}
