import { createError } from 'h3'
import type { ZodError } from 'zod'

/** The one error shape (STYLE.md): `{ statusCode, message, data: { fields } }`, fields by name. */
export function fieldsOf(error: ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {}
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_'
    ;(fields[key] ??= []).push(issue.message)
  }
  return fields
}

export function validationError(error: ZodError, message = '提交的内容有误，请修改后重试') {
  return createError({ statusCode: 400, statusMessage: 'Bad Request', message, data: { fields: fieldsOf(error) } })
}

/** A refusal the user can act on, naming the field when there is one. Domain code throws these too. */
export function refuse(statusCode: number, message: string, field?: string, extra?: Record<string, unknown>) {
  const data = field || extra ? { ...extra, ...(field ? { fields: { [field]: [message] } } : {}) } : undefined
  return createError({ statusCode, message, data })
}

export const badRequest = (message: string, field?: string) => refuse(400, message, field)

/** Someone else's or a missing resource: both answer the same 404, so IDs reveal nothing. */
export const notFound = (what = '内容') => refuse(404, `${what}不存在或无权查看`)
