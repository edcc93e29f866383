import { IngestInterruptedError } from '../domain/ingest/interrupted'
import { IngestInputError } from '../domain/ingest/rows'
import { badRequest, refuse } from './errors'
import { notifyOutbox } from './platform'

/**
 * Runs one ingest: a whole-input problem becomes a 400 naming it; a database lost mid-way a 503 saying
 * what is saved and from which row to send again (with the rows refused before it). The index worker
 * is woken after either, for what was saved.
 */
export async function runIngest<T>(work: () => Promise<T>): Promise<T> {
  try {
    const result = await work()
    notifyOutbox()
    return result
  }
  catch (error) {
    if (error instanceof IngestInputError) throw badRequest(error.message, error.field)
    if (error instanceof IngestInterruptedError) {
      notifyOutbox()
      const { resendFrom, result } = error.progress
      throw refuse(503, error.message, undefined, { resendFrom, result })
    }
    throw error
  }
}
