import { IngestInputError } from '../domain/ingest/rows'
import { badRequest } from './errors'
import { notifyOutbox } from './platform'

/** Runs one ingest: a whole-input problem becomes a 400 naming it, and the index worker is woken after. */
export async function runIngest<T>(work: () => Promise<T>): Promise<T> {
  try {
    const result = await work()
    notifyOutbox()
    return result
  }
  catch (error) {
    if (error instanceof IngestInputError) throw badRequest(error.message, error.field)
    throw error
  }
}
