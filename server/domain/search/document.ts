import type { RecordKind, SubjectKind } from '../../../shared/kinds'
import { recordTitle } from '../../../shared/utils/recordTitle'
import { maskIdNumbers } from '../../../shared/utils/idNumber'
import { isPublic, type RecordState } from '../../../shared/utils/publication'
import { toSimplified } from '../../../shared/utils/simplified'
import type { IsoDate } from '../../../shared/utils/dates'

/** What the index needs of a record; a join of records, subjects and departments. */
export interface IndexSource {
  id: number
  kind: RecordKind
  state: RecordState
  subjectKind: SubjectKind
  subjectName: string
  creditCode: string | null
  documentNumber: string
  documentName: string | null
  certificateName: string | null
  violationType: string | null
  violationFacts: string | null
  content: string
  departmentName: string
  decisionDate: IsoDate
  publicUntil: IsoDate | null
  contentHash: string
  underObjection: boolean
}

/**
 * The whole public index document, field by field: nothing else reaches Meilisearch. No ID number,
 * no legal representative's ID, no natural person (DOMAIN.md rule 7); free text is masked in case a
 * clerk typed an ID number into it, and folded to simplified characters so 鑫達 finds 鑫达.
 */
export interface SearchDocument {
  id: number
  kind: RecordKind
  subjectName: string
  creditCode: string | null
  title: string
  documentNumber: string
  content: string
  departmentName: string
  decisionDate: IsoDate
  /** YYYYMMDD as a number, for sorting and the year facet. */
  decisionDay: number
  year: number
  /** YYYYMMDD of the last public day; searches filter on it so a record leaves view on time. */
  publicUntil: number
  underObjection: boolean
  /** Changes whenever the indexed content must change; reconcile compares it. */
  rev: string
}

export const NO_END = 99991231

const day = (date: IsoDate) => Number(date.replaceAll('-', ''))
const clean = (text: string) => toSimplified(maskIdNumbers(text))

/** The record's index document, or null when it must not be in the index. */
export function toSearchDocument(s: IndexSource, today: IsoDate): SearchDocument | null {
  if (!isPublic(s, today)) return null
  const content = s.kind === 'penalty' ? `${s.violationFacts ?? ''} ${s.content}` : s.content
  return {
    id: s.id,
    kind: s.kind,
    subjectName: clean(s.subjectName),
    creditCode: s.creditCode,
    title: clean(recordTitle(s)),
    documentNumber: s.documentNumber,
    content: clean(content),
    departmentName: s.departmentName,
    decisionDate: s.decisionDate,
    decisionDay: day(s.decisionDate),
    year: Number(s.decisionDate.slice(0, 4)),
    publicUntil: s.publicUntil ? day(s.publicUntil) : NO_END,
    underObjection: s.underObjection,
    rev: `${s.contentHash}:${s.publicUntil ?? ''}:${s.underObjection ? 'O' : ''}`,
  }
}
