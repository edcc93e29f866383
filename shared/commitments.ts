/** Commitment types of the national commitment data standard (DOMAIN.md glossary). */
export const commitmentTypes = [
  'approval_substitute', 'incomplete_acceptance', 'certification', 'repair', 'industry_self_discipline', 'voluntary', 'other',
] as const
export type CommitmentType = typeof commitmentTypes[number]

export const commitmentTypeLabels: Record<CommitmentType, string> = {
  approval_substitute: '审批替代型（告知承诺）',
  incomplete_acceptance: '容缺受理型',
  certification: '证明事项型',
  repair: '信用修复型',
  industry_self_discipline: '行业自律型',
  voluntary: '主动型',
  other: '其他',
}

/** 公开类型. */
export const disclosures = ['public', 'restricted', 'private'] as const
export type Disclosure = typeof disclosures[number]
export const disclosureLabels: Record<Disclosure, string> = {
  public: '可向社会公开',
  restricted: '特定范围内公开',
  private: '不可公开',
}

/** 履行状态; null while the judging department has not recorded one. */
export const fulfilments = ['fulfilled', 'partial', 'unfulfilled'] as const
export type Fulfilment = typeof fulfilments[number]
export const fulfilmentLabels: Record<Fulfilment, string> = {
  fulfilled: '全部履行',
  partial: '部分履行',
  unfulfilled: '全部未履行',
}

/** The one name of 履行状态 before the judging department records one, on pages, filters and PDFs. */
export const pendingFulfilmentLabel = '待认定'

/** 违诺: anything short of full fulfilment becomes part of the subject's record. */
export const isBreach = (status: Fulfilment | null | undefined) => status === 'partial' || status === 'unfulfilled'

/** What 承诺事由 asks for, by type: the template puts it into a sentence (申请办理{matter}, 就{matter}…), so the hint says what not to repeat. */
export const matterHints: Record<CommitmentType, string> = {
  approval_substitute: '只填事项名称，如“食品经营许可”（承诺书已写“申请办理”）',
  incomplete_acceptance: '只填事项名称，如“建设工程规划许可”（承诺书已写“申请办理”）',
  certification: '只填事项名称，如“企业变更登记”（承诺书已写“在办理……时”）',
  repair: '申请修复的失信信息，如“朝市监罚〔2026〕101号行政处罚”',
  industry_self_discipline: '所在行业或身份，如“朝阳市餐饮行业协会会员单位”',
  voluntary: '承诺的事项，如“诚信经营、明码标价”',
  other: '承诺的事项',
}
