import { repairCommitmentTemplate } from '../../config/repair'
import { kindLabels, type RecordKind } from '../kinds'
import { chineseDate } from './dates'
import { fillTemplate } from './template'

export interface CommitmentSubject { name: string, creditCode: string | null, legalRepresentative: string | null }
export interface CommitmentRecord { kind: RecordKind, documentNumber: string, department: string }

/** The standard 信用修复 commitment filled in for the records chosen: what the applicant reads and confirms. */
export function repairCommitmentText(subject: CommitmentSubject, records: readonly CommitmentRecord[], date: string): string {
  return fillTemplate(repairCommitmentTemplate, {
    subjectName: subject.name,
    creditCode: subject.creditCode,
    legalRepresentative: subject.legalRepresentative,
    records: records.map((r, i) => `${i + 1}. ${r.department} ${kindLabels[r.kind]} ${r.documentNumber}`).join('\n'),
    date: chineseDate(date),
  })
}
