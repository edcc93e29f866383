import { createHash } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { RecordRow } from '../../../shared/schemas/recordRow'
import type { IsoDate } from '../../../shared/utils/dates'
import { auditLog } from '../../database/schema'
import type { Database } from '../../utils/db'
import { publicationOf } from '../records/publication'
import { enqueue } from '../search/outbox'

/** A validated row with the department it belongs to. */
export interface AcceptedRow { row: number, departmentId: number, record: RecordRow }

export interface BatchOutcome { inserted: number[], updated: number[], unchanged: number }

export const personIdentityKey = (idType: string, idNumber: string) => `P:${idType}:${idNumber}`

export function identityKey(record: RecordRow): string {
  return record.subjectCategory === 'natural_person'
    ? personIdentityKey(record.idType!, record.idNumber!)
    : `C:${record.creditCode}`
}

/** The same normalised row hashes the same, so a re-sent file reports "unchanged". */
const hashes = new WeakMap<AcceptedRow, string>()

/** Computed once per row (the pre-check and the write both need it); keys in code-unit order. */
function contentHash(row: AcceptedRow): string {
  let hash = hashes.get(row)
  if (!hash) {
    const entries = Object.entries({ ...row.record, departmentId: row.departmentId }).sort(([a], [b]) => (a < b ? -1 : 1))
    hash = createHash('sha256').update(JSON.stringify(entries)).digest('base64url')
    hashes.set(row, hash)
  }
  return hash
}

function subjectValues(record: RecordRow) {
  return {
    identityKey: identityKey(record),
    kind: record.subjectCategory,
    name: record.subjectName,
    creditCode: record.creditCode ?? null,
    businessRegNo: record.businessRegNo ?? null,
    orgCode: record.orgCode ?? null,
    taxRegNo: record.taxRegNo ?? null,
    institutionCertNo: record.institutionCertNo ?? null,
    socialOrgCertNo: record.socialOrgCertNo ?? null,
    legalRepresentative: record.legalRepresentative ?? null,
    legalRepIdType: record.legalRepIdType ?? null,
    legalRepIdNumber: record.legalRepIdNumber ?? null,
    idType: record.idType ?? null,
    idNumber: record.idNumber ?? null,
  }
}

/** camelCase field names to the snake_case columns json_populate_recordset matches them to. */
const columnNames = new Map<string, string>()
const columnName = (key: string) => {
  let name = columnNames.get(key)
  if (!name) columnNames.set(key, name = key.replace(/[A-Z]/g, m => `_${m.toLowerCase()}`))
  return name
}

function toColumns(row: Record<string, unknown>): Record<string, unknown> {
  const columns: Record<string, unknown> = {}
  for (const key in row) columns[columnName(key)] = row[key]
  return columns
}

const subjectColumns = ['identity_key', 'kind', 'name', 'credit_code', 'business_reg_no', 'org_code', 'tax_reg_no', 'institution_cert_no',
  'social_org_cert_no', 'legal_representative', 'legal_rep_id_type', 'legal_rep_id_number', 'id_type', 'id_number']
const keepOld = ['business_reg_no', 'org_code', 'tax_reg_no', 'institution_cert_no', 'social_org_cert_no', 'legal_representative', 'legal_rep_id_type', 'legal_rep_id_number']

/**
 * Subjects of the batch, created or refreshed (a later decision may carry a new name), by identity key.
 * Rows travel as one JSON parameter: a multi-row VALUES of this width costs far more to build and parse.
 */
async function upsertSubjects(tx: Database, batch: AcceptedRow[]): Promise<Map<string, number>> {
  const byKey = new Map(batch.map(b => [identityKey(b.record), toColumns(subjectValues(b.record))]))
  const list = sql.raw(subjectColumns.join(', '))
  await tx.execute(sql`
    insert into subjects (${list}) select ${list} from json_populate_recordset(null::subjects, ${JSON.stringify([...byKey.values()])}::json)
    on conflict (identity_key) do update set name = excluded.name, kind = excluded.kind, updated_at = now(),
      ${sql.raw(keepOld.map(c => `${c} = coalesce(excluded.${c}, subjects.${c})`).join(', '))}
    where subjects.name is distinct from excluded.name or subjects.kind is distinct from excluded.kind
      or subjects.legal_representative is distinct from coalesce(excluded.legal_representative, subjects.legal_representative)`)
  const rows = await tx.execute<{ id: string, identity_key: string }>(
    sql`select id, identity_key from subjects where identity_key in (select json_array_elements_text(${JSON.stringify([...byKey.keys()])}::json))`)
  return new Map(rows.rows.map(r => [r.identity_key, Number(r.id)]))
}

function recordValues(b: AcceptedRow, subjectId: number, today: IsoDate) {
  const r = b.record
  const publication = publicationOf(r, today)
  return {
    kind: r.kind,
    subjectId,
    departmentId: b.departmentId,
    state: publication.state,
    subjectName: r.subjectName,
    documentNumber: r.documentNumber,
    documentName: r.documentName ?? null,
    decisionDate: r.decisionDate,
    content: r.content,
    legalBasis: r.legalBasis ?? null,
    authority: r.authority,
    authorityCreditCode: r.authorityCreditCode,
    sourceDepartment: r.sourceDepartment ?? r.authority,
    sourceDepartmentCreditCode: r.sourceDepartmentCreditCode ?? null,
    remarks: r.remarks ?? null,
    licenseCategory: r.licenseCategory ?? null,
    certificateName: r.certificateName ?? null,
    licenseNumber: r.licenseNumber ?? null,
    validFrom: r.validFrom ?? null,
    validTo: r.validTo ?? null,
    licenseStatus: r.licenseStatus ?? null,
    violationType: r.violationType ?? null,
    violationFacts: r.violationFacts ?? null,
    penaltyCategories: r.penaltyCategories ?? null,
    fineAmount: r.fineAmount ?? null,
    confiscatedAmount: r.confiscatedAmount ?? null,
    suspendedLicense: r.suspendedLicense ?? null,
    penaltyValidUntil: r.penaltyValidUntil ?? null,
    disclosureDeadline: r.disclosureDeadline ?? null,
    severity: r.kind === 'penalty' ? (r.severity ?? 'general') : null,
    repairableFrom: publication.repairableFrom,
    publicUntil: publication.publicUntil,
    contentHash: contentHash(b),
  }
}

const recordColumns = ['kind', 'subject_id', 'department_id', 'state', 'subject_name', 'document_number', 'document_name', 'decision_date',
  'content', 'legal_basis', 'authority', 'authority_credit_code', 'source_department', 'source_department_credit_code', 'remarks',
  'license_category', 'certificate_name', 'license_number', 'valid_from', 'valid_to', 'license_status', 'violation_type',
  'violation_facts', 'penalty_categories', 'fine_amount', 'confiscated_amount', 'suspended_license', 'penalty_valid_until',
  'disclosure_deadline', 'severity', 'repairable_from', 'public_until', 'content_hash']
/** Everything but the key and the state, which a re-send must not revive from withdrawn or repaired. */
const updatedColumns = recordColumns.filter(c => !['kind', 'department_id', 'document_number', 'state'].includes(c))

/** Rows whose record exists with the same content: nothing to write. */
async function unchangedRows(db: Database, batch: AcceptedRow[]): Promise<Set<AcceptedRow>> {
  const rowHashes = batch.map(contentHash)
  const existing = await db.execute<{ department_id: number, kind: string, document_number: string, content_hash: string }>(sql`
    select r.department_id, r.kind, r.document_number, r.content_hash from records r
    join json_to_recordset(${JSON.stringify(batch.map(b => ({ d: b.departmentId, k: b.record.kind, n: b.record.documentNumber })))}::json)
      as k(d int, k text, n text) on r.department_id = k.d and r.kind = k.k::record_kind and r.document_number = k.n`)
  const known = new Map(existing.rows.map(r => [`${r.department_id}|${r.kind}|${r.document_number}`, r.content_hash]))
  return new Set(batch.filter((b, i) => known.get(`${b.departmentId}|${b.record.kind}|${b.record.documentNumber}`) === rowHashes[i]))
}

/**
 * One batch in one transaction: subjects, records (idempotent on department + kind + document number),
 * the outbox rows that carry the change to the index, and the audit entry. A record withdrawn or
 * repaired stays so when its department re-sends it.
 */
export async function writeBatch(db: Database, batch: AcceptedRow[], actor: string, today: IsoDate): Promise<BatchOutcome> {
  // A department re-sends whole files; most rows are unchanged and need no transaction at all.
  const unchanged = await unchangedRows(db, batch)
  const toWrite = batch.filter(b => !unchanged.has(b))
  if (!toWrite.length) return { inserted: [], updated: [], unchanged: batch.length }
  return db.transaction(async (tx) => {
    const subjectIds = await upsertSubjects(tx, toWrite)
    const values = toWrite.map(b => toColumns(recordValues(b, subjectIds.get(identityKey(b.record))!, today)))
    const list = sql.raw(recordColumns.join(', '))
    const changed = await tx.execute<{ id: string, inserted: boolean }>(sql`
      insert into records (${list}) select ${list} from json_populate_recordset(null::records, ${JSON.stringify(values)}::json)
      on conflict (department_id, kind, document_number) do update set
        ${sql.raw(updatedColumns.map(c => `${c} = excluded.${c}`).join(', '))},
        state = case when records.state in ('withdrawn', 'repaired') then records.state else excluded.state end,
        updated_at = now()
      where records.content_hash <> excluded.content_hash
      returning id, (xmax = 0) as inserted`)
    const inserted = changed.rows.filter(c => c.inserted).map(c => Number(c.id))
    const updated = changed.rows.filter(c => !c.inserted).map(c => Number(c.id))
    if (changed.rows.length) {
      await enqueue(tx, changed.rows.map(c => Number(c.id)))
      await tx.insert(auditLog).values({ actor, action: 'records.ingest', entity: 'record', detail: { inserted, updated } })
    }
    return { inserted, updated, unchanged: batch.length - changed.rows.length }
  })
}
