/**
 * 信用修复 (DOMAIN.md rule 5): the standard 信用修复型 commitment an applicant confirms. Placeholders in
 * braces are filled with the subject's details; the filled text is kept with the application.
 */
export const repairCommitmentTemplate = `信用修复承诺书

本单位{subjectName}（统一社会信用代码：{creditCode}）就下列失信信息申请信用修复：
{records}

本单位郑重承诺：
一、已全面履行上述决定规定的义务，已纠正失信行为、消除不良影响；
二、申请信用修复所提交的全部材料真实、准确、完整，如有虚假，愿承担相应法律责任；
三、严格遵守法律法规，诚信守法经营，不再发生同类失信行为；
四、本承诺纳入本单位信用记录，接受社会监督；如违背承诺，愿依法依规承担相应责任，并接受失信惩戒。

承诺单位：{subjectName}
法定代表人（负责人）：{legalRepresentative}
承诺日期：{date}`

/** The files every application needs under the 2026 rule; a department may ask for more (its requirements). */
export const repairCoreMaterials = ['已履行法定义务的证明材料（如罚款缴纳凭证、整改报告）', '信用修复承诺书（在线确认）'] as const
