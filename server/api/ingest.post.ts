import { ingestJsonSchema } from '../../shared/schemas/ingest'
import { ingestRows } from '../domain/ingest'
import { ingestFile } from '../domain/ingest/file'
import { rowsFromJson } from '../domain/ingest/rows'
import { requireDepartment } from '../utils/departmentAuth'
import { runIngest } from '../utils/ingest'
import { validationError } from '../utils/errors'
import { usePlatform } from '../utils/platform'
import { withUploadedFile } from '../utils/upload'

/** A department's records in: a multipart `file` (CSV/XLSX) or JSON `{ kind, records }`. */
export default defineEventHandler(async (event) => {
  const { db } = await usePlatform()
  const department = await requireDepartment(event, db)
  const options = { department, actor: `department:${department.creditCode}` }
  return runIngest(async () => {
    if ((getHeader(event, 'content-type') ?? '').startsWith('multipart/form-data')) {
      return withUploadedFile(event, file => ingestFile(db, file, options))
    }
    const parsed = await readValidatedBody(event, body => ingestJsonSchema.safeParse(body))
    if (!parsed.success) throw validationError(parsed.error)
    const { family, rows } = rowsFromJson(parsed.data.kind, parsed.data.records)
    return ingestRows(db, family, rows, options)
  })
})
