import { kindLabels, type RecordKind } from '../kinds'

export interface CommitmentRecord { kind: RecordKind, documentNumber: string, department: string }

/**
 * The 承诺事由 of a repair's 信用修复型 commitment: the records it covers, as the standard template's
 * "{subjectName}…就{matter}申请信用修复" reads them. The wizard previews it and the server seals it.
 */
export function repairCommitmentMatter(records: readonly CommitmentRecord[]): string {
  return records.map(r => `${r.department}${kindLabels[r.kind]}（${r.documentNumber}）`).join('、')
}
