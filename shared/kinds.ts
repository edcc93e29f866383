/** Every kind of record the portal holds (DOMAIN.md glossary). */
export const recordKinds = [
  'license', 'penalty',
  'enforcement', 'confirmation', 'levy', 'benefit', 'ruling', 'compensation', 'reward', 'inspection',
  'redList', 'blackList', 'watchList', 'judgmentDefaulter',
] as const
export type RecordKind = typeof recordKinds[number]

export const kindLabels: Record<RecordKind, string> = {
  license: '行政许可',
  penalty: '行政处罚',
  enforcement: '行政强制',
  confirmation: '行政确认',
  levy: '行政征收',
  benefit: '行政给付',
  ruling: '行政裁决',
  compensation: '行政补偿',
  reward: '行政奖励',
  inspection: '行政检查',
  redList: '红名单',
  blackList: '黑名单',
  watchList: '重点关注名单',
  judgmentDefaulter: '失信被执行人',
}

/** Families share a column layout in the national standard (and in our files). */
export type RecordFamily = 'license' | 'penalty' | 'action' | 'list'

export const actionKinds = ['enforcement', 'confirmation', 'levy', 'benefit', 'ruling', 'compensation', 'reward', 'inspection'] as const
export const listKinds = ['redList', 'blackList', 'watchList', 'judgmentDefaulter'] as const

export function familyOf(kind: RecordKind): RecordFamily {
  if (kind === 'license' || kind === 'penalty') return kind
  return (listKinds as readonly string[]).includes(kind) ? 'list' : 'action'
}

/** The Chinese name of each kind within its family column (行为类别 / 名单类别) → kind. */
export const kindByLabel: Record<string, RecordKind> = {
  ...Object.fromEntries(recordKinds.map(k => [kindLabels[k], k])),
  守信激励名单: 'redList',
  严重失信主体名单: 'blackList',
  重点关注: 'watchList',
}

export const subjectKinds = ['legal_entity', 'individual_business', 'natural_person'] as const
export type SubjectKind = typeof subjectKinds[number]

export const subjectKindLabels: Record<SubjectKind, string> = {
  legal_entity: '法人及非法人组织',
  individual_business: '个体工商户',
  natural_person: '自然人',
}

export const severities = ['minor', 'general', 'serious'] as const
export type Severity = typeof severities[number]
export const severityLabels: Record<Severity, string> = { minor: '轻微', general: '一般', serious: '严重' }

export const licenseStatusLabels: Record<'valid' | 'invalid', string> = { valid: '有效', invalid: '无效' }
