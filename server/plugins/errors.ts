import { setResponseStatus } from 'h3'
import { badValueError } from '../utils/errors'

/**
 * A client's bad value that reached the database is answered as a 400 (issue 12): the error is
 * rewritten before any error handler reads it, and is no longer logged as a server fault.
 */
export default defineNitroPlugin((nitroApp) => {
  const onError = nitroApp.h3App.options.onError
  nitroApp.h3App.options.onError = (error, event) => {
    const client = badValueError(error)
    if (client) {
      Object.assign(error, { statusCode: 400, message: client.message, data: client.data, unhandled: false })
      setResponseStatus(event, 400)
    }
    return onError?.(error, event)
  }
})
