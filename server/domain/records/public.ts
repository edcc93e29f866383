import { and, asc, desc, eq, ne, sql } from 'drizzle-orm'
import { familyColumns } from '../../../shared/columns'
import { familyOf, kindLabels, licenseStatusLabels, severityLabels, subjectKindLabels } from '../../../shared/kinds'
import type { PublicField, PublicRecord, PublicRecordSummary, SubjectProfile } from '../../../shared/schemas/records'
import { chineseDate, todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { recordTitle } from '../../../shared/utils/recordTitle'
import { maskIdNumbers } from '../../../shared/utils/idNumber'
import { departments, recordHistory, records, subjects } from '../../database/schema'
import type { Database } from '../../utils/db'
import { eligibilityOf } from '../repairs/eligibility'

/** The SQL twin of `isPublic` (shared/utils/publication.ts): keep the two in step. */
export function publicCondition(today: IsoDate) {
  return and(
    eq(records.state, 'active'),
    ne(subjects.kind, 'natural_person'),
    sql`(${records.publicUntil} is null or ${records.publicUntil} >= ${today})`,
  )
}

const recordEventLabels: Record<string, string> = {
  objection_opened: '主体提出异议',
  corrected: '经异议核查更正',
  withdrawn: '经异议核查撤销',
  objection_upheld: '异议办结（维持原记录）',
  objection_withdrawn: '异议已撤回',
  repaired: '信用修复，停止公示',
}

/** Columns that identify a person: never on a public page (DOMAIN.md rule 7). */
const privateKeys = new Set(['legalRepIdType', 'legalRepIdNumber', 'idType', 'idNumber'])

type RecordRow = typeof records.$inferSelect
type SubjectRow = typeof subjects.$inferSelect

function display(key: string, record: RecordRow, subject: SubjectRow): string | null {
  const value = key in record ? (record as Record<string, unknown>)[key] : (subject as Record<string, unknown>)[key]
  if (value === null || value === undefined || value === '') return null
  if (key === 'subjectCategory') return subjectKindLabels[subject.kind]
  if (key === 'category') return kindLabels[record.kind]
  if (key === 'licenseStatus') return licenseStatusLabels[record.licenseStatus!]
  if (key === 'severity') return severityLabels[record.severity!]
  if (Array.isArray(value)) return value.join('；')
  // Dates (决定日期, 有效期自/至) in the one format for people.
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return chineseDate(value)
  return maskIdNumbers(String(value))
}

/** Every public field of the record's family, labelled with the standard's column names. */
function publicFields(record: RecordRow, subject: SubjectRow): PublicField[] {
  const source = { ...record, subjectCategory: subject.kind, category: record.kind }
  return familyColumns[familyOf(record.kind)]
    .filter(column => !privateKeys.has(column.key))
    .map(column => ({ key: column.key, label: column.header, value: display(column.key, source as RecordRow, subject) }))
    .filter((field): field is PublicField => field.value !== null)
}

export function summary(record: RecordRow, departmentName: string): PublicRecordSummary {
  return {
    id: record.id,
    kind: record.kind,
    // Stored text is masked at ingest; rows stored before that are masked here too.
    title: maskIdNumbers(recordTitle(record)),
    documentNumber: record.documentNumber,
    decisionDate: record.decisionDate,
    department: departmentName,
    publicUntil: record.publicUntil,
  }
}

/** A record as the public sees it, or null when it is not public. */
export async function publicRecord(db: Database, id: number, today: IsoDate = todayInChina()): Promise<PublicRecord | null> {
  const [row] = await db.select({ record: records, subject: subjects, departmentName: departments.name })
    .from(records)
    .innerJoin(subjects, eq(subjects.id, records.subjectId))
    .innerJoin(departments, eq(departments.id, records.departmentId))
    .where(and(eq(records.id, id), publicCondition(today)))
  if (!row) return null
  const { record, subject } = row
  const repair = eligibilityOf(record, today, { openRepair: false })
  const history = await db.select({ action: recordHistory.action, at: recordHistory.at }).from(recordHistory)
    .where(eq(recordHistory.recordId, id)).orderBy(asc(recordHistory.id))
  return {
    ...summary(record, row.departmentName),
    state: record.state,
    underObjection: record.objectionId !== null,
    history: history.map(h => ({ action: h.action, label: recordEventLabels[h.action] ?? h.action, at: h.at.toISOString() })),
    subject: { name: subject.name, creditCode: subject.creditCode, kind: subject.kind },
    fields: publicFields(record, subject),
    publication: { publishedAt: record.publishedAt.toISOString(), publicUntil: record.publicUntil, repairableFrom: repair.repairableFrom },
    repair,
  }
}

/** A subject's public profile by credit code; null for an unknown code or a natural person. */
export async function subjectProfile(db: Database, creditCode: string, today: IsoDate = todayInChina()): Promise<SubjectProfile | null> {
  const [subject] = await db.select().from(subjects).where(and(eq(subjects.creditCode, creditCode), ne(subjects.kind, 'natural_person')))
  if (!subject) return null
  const rows = await db.select({ record: records, departmentName: departments.name })
    .from(records)
    .innerJoin(subjects, eq(subjects.id, records.subjectId))
    .innerJoin(departments, eq(departments.id, records.departmentId))
    .where(and(eq(records.subjectId, subject.id), publicCondition(today)))
    .orderBy(desc(records.decisionDate), desc(records.id))
  return {
    subject: { name: subject.name, creditCode: subject.creditCode!, kind: subject.kind, legalRepresentative: subject.legalRepresentative },
    records: rows.map(r => summary(r.record, r.departmentName)),
  }
}
