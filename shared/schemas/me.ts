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

/**
 * Why 实名核验 did not open a person's records, as /me/identity?result=… tells it. Success goes straight to
 * the person's records instead.
 */
export const identityResults = {
  expired: '核验请求已失效或不是从本账号发起的，请重新发起实名核验。',
  cancelled: '您已在统一身份认证平台取消了认证，未进行核验。',
  failed: '统一身份认证平台未能完成核验，请稍后重新发起实名核验。',
  level: '您在统一身份认证平台的实名认证等级不足，请先在该平台完成更高等级的实名认证，再重新核验。',
  incomplete: '统一身份认证平台未提供您的姓名和居民身份证号码，无法核验。请在该平台补全实名信息后重试。',
  none: '实名核验已通过，但本平台暂无与您的姓名和身份证号码相符的信用记录。今后如有记录，可再次核验后查看。',
} as const
export type IdentityResult = keyof typeof identityResults
