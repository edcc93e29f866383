import { ingestJsonSchema } from '../../shared/schemas/ingest'
import { ingestRows } from '../domain/ingest'
import { ingestFile } from '../domain/ingest/file'
import { IngestInputError, rowsFromJson } from '../domain/ingest/rows'
import { requireDepartment } from '../utils/departmentAuth'
import { badRequest, validationError } from '../utils/errors'
import { notifyOutbox, usePlatform } from '../utils/platform'
import { withUploadedFile } from '../utils/upload'

/** A department's records in: a multipart `file` (CSV/XLSX) or JSON `{ kind, records }`. */
export default defineEventHandler(async (event) => {
  const { db } = await usePlatform()
  const department = await requireDepartment(event, db)
  const options = { department, actor: `department:${department.creditCode}` }
  try {
    const result = (getHeader(event, 'content-type') ?? '').startsWith('multipart/form-data')
      ? await withUploadedFile(event.node.req, file => ingestFile(db, file, options))
      : await readValidatedBody(event, body => ingestJsonSchema.safeParse(body)).then((parsed) => {
          if (!parsed.success) throw validationError(parsed.error)
          const { family, rows } = rowsFromJson(parsed.data.kind, parsed.data.records)
          return ingestRows(db, family, rows, options)
        })
    notifyOutbox()
    return result
  }
  catch (error) {
    if (error instanceof IngestInputError) throw badRequest(error.message, error.field)
    throw error
  }
})
