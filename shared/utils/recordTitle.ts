import { kindLabels, type RecordKind } from '../kinds'

export interface TitleFacts {
  kind: RecordKind
  documentName: string | null
  certificateName: string | null
  violationType: string | null
}

/**
 * What a record without a document name is: the card's badge already says 黑名单 (or 行政检查), so the
 * title says what happened instead of the kind again.
 */
const untitled: Record<Exclude<RecordKind, 'license' | 'penalty'>, string> = {
  redList: '列入守信激励对象名单',
  blackList: '列入严重失信主体名单',
  watchList: '列入重点关注对象名单',
  judgmentDefaulter: '未履行生效法律文书确定的义务',
  enforcement: '强制措施决定',
  confirmation: '确认决定',
  levy: '征收决定',
  benefit: '给付决定',
  ruling: '裁决',
  compensation: '补偿决定',
  reward: '奖励决定',
  inspection: '检查结果',
}

/** A record's one-line title in lists and search results, shown beside its kind's badge (so never the kind again). */
export function recordTitle(r: TitleFacts): string {
  if (r.kind === 'license') return r.documentName ?? r.certificateName ?? kindLabels.license
  if (r.kind === 'penalty') return r.violationType ?? kindLabels.penalty
  return r.documentName ?? untitled[r.kind]
}
