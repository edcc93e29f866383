import { createHash } from 'node:crypto'
import { inArray, sql } from 'drizzle-orm'
import type { RecordRow } from '../../../shared/schemas/recordRow'
import type { IsoDate } from '../../../shared/utils/dates'
import { auditLog, outbox, records, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { publicationOf } from '../records/publication'

/** A validated row with the department it belongs to. */
export interface AcceptedRow { row: number, departmentId: number, record: RecordRow }

export interface BatchOutcome { inserted: number[], updated: number[], unchanged: number }

export function identityKey(record: RecordRow): string {
  return record.subjectCategory === 'natural_person'
    ? `P:${record.idType}:${record.idNumber}`
    : `C:${record.creditCode}`
}

/** The same normalised row hashes the same, so a re-sent file reports "unchanged". */
function contentHash(record: RecordRow, departmentId: number): string {
  const ordered = Object.fromEntries(Object.entries({ ...record, departmentId }).sort(([a], [b]) => a.localeCompare(b)))
  return createHash('sha256').update(JSON.stringify(ordered)).digest('base64url')
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

const keepOld = (column: string) => sql.raw(`coalesce(excluded.${column}, subjects.${column})`)

/** Subjects of the batch, created or refreshed (a later decision may carry a new name), by identity key. */
async function upsertSubjects(tx: Database, batch: AcceptedRow[]): Promise<Map<string, number>> {
  const byKey = new Map(batch.map(b => [identityKey(b.record), subjectValues(b.record)]))
  const values = [...byKey.values()]
  await tx.insert(subjects).values(values).onConflictDoUpdate({
    target: subjects.identityKey,
    set: {
      name: sql`excluded.name`,
      kind: sql`excluded.kind`,
      businessRegNo: keepOld('business_reg_no'),
      orgCode: keepOld('org_code'),
      taxRegNo: keepOld('tax_reg_no'),
      institutionCertNo: keepOld('institution_cert_no'),
      socialOrgCertNo: keepOld('social_org_cert_no'),
      legalRepresentative: keepOld('legal_representative'),
      legalRepIdType: keepOld('legal_rep_id_type'),
      legalRepIdNumber: keepOld('legal_rep_id_number'),
      updatedAt: sql`now()`,
    },
    setWhere: sql`subjects.name is distinct from excluded.name or subjects.kind is distinct from excluded.kind
      or subjects.legal_representative is distinct from coalesce(excluded.legal_representative, subjects.legal_representative)`,
  })
  const rows = await tx.select({ id: subjects.id, identityKey: subjects.identityKey }).from(subjects)
    .where(inArray(subjects.identityKey, [...byKey.keys()]))
  return new Map(rows.map(r => [r.identityKey, r.id]))
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
    contentHash: contentHash(r, b.departmentId),
  }
}

const fromExcluded = (columns: string[]) => Object.fromEntries(columns.map(c => [c, sql.raw(`excluded.${c.replace(/[A-Z]/g, m => `_${m.toLowerCase()}`)}`)]))

const updatableColumns = [
  'subjectId', 'subjectName', 'documentName', 'decisionDate', 'content', 'legalBasis', 'authority', 'authorityCreditCode',
  'sourceDepartment', 'sourceDepartmentCreditCode', 'remarks', 'licenseCategory', 'certificateName', 'licenseNumber',
  'validFrom', 'validTo', 'licenseStatus', 'violationType', 'violationFacts', 'penaltyCategories', 'fineAmount',
  'confiscatedAmount', 'suspendedLicense', 'penaltyValidUntil', 'disclosureDeadline', 'severity', 'repairableFrom',
  'publicUntil', 'contentHash',
]

/**
 * One batch in one transaction: subjects, records (idempotent on department + kind + document number),
 * the outbox rows that carry the change to the index, and the audit entry. A record withdrawn or
 * repaired stays so when its department re-sends it.
 */
export async function writeBatch(db: Database, batch: AcceptedRow[], actor: string, today: IsoDate): Promise<BatchOutcome> {
  return db.transaction(async (tx) => {
    const subjectIds = await upsertSubjects(tx as unknown as Database, batch)
    const values = batch.map(b => recordValues(b, subjectIds.get(identityKey(b.record))!, today))
    const changed = await tx.insert(records).values(values).onConflictDoUpdate({
      target: [records.departmentId, records.kind, records.documentNumber],
      set: {
        ...fromExcluded(updatableColumns),
        state: sql`case when records.state in ('withdrawn', 'repaired') then records.state else excluded.state end`,
        updatedAt: sql`now()`,
      },
      setWhere: sql`records.content_hash <> excluded.content_hash`,
    }).returning({ id: records.id, inserted: sql<boolean>`(xmax = 0)` })
    const inserted = changed.filter(c => c.inserted).map(c => c.id)
    const updated = changed.filter(c => !c.inserted).map(c => c.id)
    if (changed.length) {
      await tx.insert(outbox).values(changed.map(c => ({ recordId: c.id })))
      await tx.insert(auditLog).values({ actor, action: 'records.ingest', entity: 'record', detail: { inserted, updated } })
    }
    return { inserted, updated, unchanged: batch.length - changed.length }
  })
}
