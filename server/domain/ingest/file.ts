import type { Readable } from 'node:stream'
import type { IngestResult } from '../../../shared/schemas/ingest'
import type { Database } from '../../utils/db'
import { ingestRows, type IngestOptions } from './index'
import { IngestInputError, rowsFromTable } from './rows'
import { openTable, TableError } from './table'

/** A CSV or .xlsx file, whatever its name says: format, encoding and kind come from its content. */
export async function ingestFile(db: Database, input: Readable, options: IngestOptions): Promise<IngestResult> {
  try {
    const table = await openTable(input)
    try {
      const { family, rows } = rowsFromTable(table)
      return await ingestRows(db, family, rows, options)
    }
    finally {
      await table.close()
    }
  }
  catch (error) {
    if (error instanceof TableError) throw new IngestInputError(error.message)
    throw error
  }
}
