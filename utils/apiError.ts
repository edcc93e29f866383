/**
 * The API's one error shape (server/utils/errors.ts: `{ statusCode, message, data: { fields } }`) as it
 * reaches the browser. After HTTP it is plain JSON, so it is read by shape, never by class (STYLE.md).
 * $fetch and useFetch put the body under `data`; an XMLHttpRequest hands over the body itself.
 */
export interface ApiProblem {
  /** The HTTP status; undefined when no answer came (offline, network cut). */
  status?: number
  /** One sentence for above the form. */
  message: string
  /** Per-field reasons, by the shared zod schema's field names. */
  fields: Record<string, string[]>
  /** The refusal's other data, e.g. the id of the open application a repeat would duplicate. */
  details: Record<string, unknown>
}

interface ErrorBody { statusCode?: unknown, message?: unknown, data?: unknown }

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

const noAnswer = '网络异常，请检查网络后重试'

/** Reads the body of an error answer; `status` is the HTTP status when the body does not carry it. */
export function readErrorBody(body: unknown, status?: number, fallback = noAnswer): ApiProblem {
  const b: ErrorBody = isObject(body) ? body : {}
  const details = isObject(b.data) ? { ...b.data } : {}
  const fields: Record<string, string[]> = {}
  if (isObject(details.fields)) {
    for (const [name, reasons] of Object.entries(details.fields)) {
      const list = (Array.isArray(reasons) ? reasons : [reasons]).filter((r): r is string => typeof r === 'string' && r !== '')
      if (list.length) fields[name] = list
    }
  }
  delete details.fields
  const code = typeof b.statusCode === 'number' ? b.statusCode : status
  const message = typeof b.message === 'string' && b.message !== '' ? b.message : fallback
  return { status: code, message, fields, details }
}

/** Reads what $fetch or useFetch threw (a FetchError, whose `data` is the body), or anything else thrown. */
export function readApiError(error: unknown, fallback = noAnswer): ApiProblem {
  if (!isObject(error)) return readErrorBody(undefined, undefined, fallback)
  const status = typeof error.statusCode === 'number' ? error.statusCode : undefined
  // No answer at all (fetch failed): the body is missing and the message is the browser's, in English.
  return readErrorBody(error.data, status, fallback)
}

/** The first reason of each field, as a form shows it beside the field. */
export function firstReasons(problem: ApiProblem): { name: string, message: string }[] {
  return Object.entries(problem.fields).map(([name, reasons]) => ({ name, message: reasons[0]! }))
}

/** The message and every field reason not already said, as one sentence (for a list row with no fields). */
export function problemSentence(problem: ApiProblem): string {
  const reasons = Object.values(problem.fields).flat().filter(m => m !== problem.message)
  return [problem.message, ...new Set(reasons)].join('；')
}

/** A service that is down or unreachable, as opposed to a refusal: worth trying again. */
export const isUnavailable = (problem: Pick<ApiProblem, 'status'>) => problem.status === undefined || problem.status >= 500

/** A form's own check (a shared zod schema's issues) in the same shape, so it is shown as the API's would be. */
export function problemOfIssues(issues: readonly { path: readonly PropertyKey[], message: string }[], message = '提交的内容有误，请修改后重试'): ApiProblem {
  const fields: Record<string, string[]> = {}
  for (const issue of issues) (fields[issue.path.map(String).join('.') || '_'] ??= []).push(issue.message)
  return { status: 400, message, fields, details: {} }
}
