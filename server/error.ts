import { STATUS_CODES } from 'node:http'
import { defineNitroErrorHandler } from 'nitropack/runtime'
import { logError } from './utils/log'

/**
 * First of the error handlers (nuxt.config.ts puts it before Nuxt's and Nitro's own): an unexpected error
 * is logged here, once, through the redacting logger. The error is then reduced to the plain 500 the
 * handlers after this one would answer anyway ("Server Error", no data), so that they neither print the
 * original (Nitro's default prints the whole error, a database error's query parameters with it) nor show it.
 */
export default defineNitroErrorHandler((error, event) => {
  // The status line carries the standard reason phrase ("Not Found"), never a message: h3 strips a Chinese
  // one down to its digits ("404 18"). The Chinese message stays in the body (issue 15 item 17).
  error.statusMessage = STATUS_CODES[error.statusCode] ?? ''
  // Only what nobody threw on purpose: a page's `fatal` 404 keeps its message ("第18位校验码不正确…").
  if (!error.unhandled) return
  logError(`[request error] [${event.method}] ${event.path}`, error)
  Object.assign(error, { unhandled: false, fatal: false, message: 'Server Error', statusMessage: STATUS_CODES[500], data: undefined, cause: undefined })
})
