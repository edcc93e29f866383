import type { SubjectKind } from '../kinds'
import type { RecordState } from '../utils/publication'
import type { RepairEligibility } from '../utils/repair'
import type { PublicRecordSummary } from './records'

export interface OwnSubject { id: number, name: string, creditCode: string | null, kind: SubjectKind, via: 'agent' | 'person' }

/** A record as its own subject sees it in 我的: also when it is not (or no longer) public. */
export interface OwnRecord extends PublicRecordSummary {
  state: RecordState
  isPublic: boolean
  /** The open objection about it, if any (one at a time). */
  objectionId: number | null
  /** The open repair application covering it, if any. */
  repairId: number | null
  /** The approved repair that stopped its publication: its decision stays in the subject's history. */
  repairedBy: number | null
  repair: RepairEligibility
}

export interface ApplicationSummary {
  id: number
  kind: string
  kindLabel: string
  state: string
  stateLabel: string
  open: boolean
  subjectName: string
  dueOn: string | null
  /** Working days left to the deadline; negative when overdue; null when closed. */
  daysLeft: number | null
  createdAt: string
  updatedAt: string
}
