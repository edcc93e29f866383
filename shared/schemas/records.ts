import type { RecordKind, SubjectKind } from '../kinds'
import type { RecordState } from '../utils/publication'
import type { RepairEligibility } from '../utils/repair'

/** One labelled field of a record as the public sees it (the standard's Chinese column name). */
export interface PublicField { key: string, label: string, value: string }

export interface PublicRecordSummary {
  id: number
  kind: RecordKind
  title: string
  documentNumber: string
  decisionDate: string
  department: string
  publicUntil: string | null
}

/** A step of a record's public history: corrections and objections, without who or why. */
export interface RecordEvent { action: string, label: string, at: string }

export interface PublicRecord extends PublicRecordSummary {
  state: RecordState
  /** 异议处理中 (DOMAIN.md rule 4). */
  underObjection: boolean
  history: RecordEvent[]
  subject: { name: string, creditCode: string | null, kind: SubjectKind }
  fields: PublicField[]
  publication: { publishedAt: string, publicUntil: string | null, repairableFrom: string | null }
  /** Grade, periods and whether a repair may be applied for now (DOMAIN.md rules 3 and 5). */
  repair: RepairEligibility
}

export interface PublicSubject {
  name: string
  creditCode: string
  kind: SubjectKind
  legalRepresentative: string | null
}

export interface SubjectProfile { subject: PublicSubject, records: PublicRecordSummary[] }
