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

export function badRequest(message: string, field?: string) {
  return createError({ statusCode: 400, statusMessage: 'Bad Request', message, data: field ? { fields: { [field]: [message] } } : undefined })
}
