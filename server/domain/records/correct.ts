import { and, eq, type SQL } from 'drizzle-orm'
import { correctableColumns, familyColumns, headerOf } from '../../../shared/columns'
import { familyOf, licenseStatusLabels, severityLabels, subjectKindLabels } from '../../../shared/kinds'
import { recordHistory, records, subjects } from '../../database/schema'
import type { Database, Tx } from '../../utils/db'
import { refuse } from '../../utils/errors'
import { loadDepartments } from '../departments'
import { ingestRows } from '../ingest'
import { rowsFromJson } from '../ingest/rows'
import { enqueue } from '../search/outbox'

type RecordRow = typeof records.$inferSelect
type SubjectRow = typeof subjects.$inferSelect

/** A stored record as the row its department would send (field key → text), the input a correction edits. */
export function rowValuesOf(record: RecordRow, subject: SubjectRow): Record<string, string> {
  const source: Record<string, unknown> = { ...subject, ...record }
  const values: Record<string, string> = {}
  for (const { key } of familyColumns[familyOf(record.kind)]) {
    const value = key === 'subjectCategory' ? subjectKindLabels[subject.kind]
      : key === 'licenseStatus' && record.licenseStatus ? licenseStatusLabels[record.licenseStatus]
        : key === 'severity' && record.severity ? severityLabels[record.severity]
          : source[key]
    if (key === 'category' || value === null || value === undefined) continue
    values[key] = Array.isArray(value) ? value.join(';') : String(value)
  }
  return values
}

/** A record with its subject; `access` narrows it to what the caller may see (a condition for the WHERE). */
export async function loadRecord(db: Pick<Database, 'select'>, recordId: number, access?: SQL) {
  const [row] = await db.select({ record: records, subject: subjects }).from(records)
    .innerJoin(subjects, eq(subjects.id, records.subjectId)).where(and(eq(records.id, recordId), access))
  return row
}

/**
 * 更正: the department's corrected fields go through the same validation and write as its own upload
 * (publication period recomputed, index updated); the version they replace is kept in the record's history.
 */
export async function correctRecord(tx: Tx, recordId: number, corrections: Record<string, string>, actor: string, applicationId: number) {
  const loaded = await loadRecord(tx, recordId)
  if (!loaded) throw refuse(404, '信用记录不存在')
  const { record, subject } = loaded
  const family = familyOf(record.kind)
  const allowed = new Set(correctableColumns(family).map(c => c.key))
  const previous = rowValuesOf(record, subject)
  const changed = Object.entries(corrections).filter(([key, value]) => (previous[key] ?? '') !== value)
  for (const [key] of changed) {
    if (!allowed.has(key)) throw refuse(400, `“${headerOf(family, key)}”不能通过更正修改；主体或文号有误的记录应撤销`, `corrections.${key}`)
  }
  if (!changed.length) throw refuse(400, '更正须至少修改一项内容；内容无误请选择“维持”', 'corrections')
  const department = [...(await loadDepartments(tx)).byCreditCode.values()].find(d => d.id === record.departmentId)!
  const { rows } = rowsFromJson(record.kind, [{ ...previous, ...Object.fromEntries(changed) }])
  const result = await ingestRows(tx, family, rows, { department, actor })
  const error = result.errors[0]
  if (error) throw refuse(400, `${error.field ? `${error.field}：` : ''}${error.reason}`, 'corrections')
  await tx.insert(recordHistory).values({ recordId, action: 'corrected', applicationId, actor, previous: Object.fromEntries(changed.map(([key]) => [key, previous[key] ?? null])) })
}

/** 撤销: the record leaves public view and the index at once; it stays in the database and its history. */
export async function withdrawRecord(tx: Tx, recordId: number, actor: string, applicationId: number) {
  await tx.update(records).set({ state: 'withdrawn', updatedAt: new Date() }).where(eq(records.id, recordId))
  await enqueue(tx, [recordId])
  await tx.insert(recordHistory).values({ recordId, action: 'withdrawn', applicationId, actor })
}
