/** The files every application needs under the 2026 rule; a department may ask for more (its requirements). */
export const repairCoreMaterials = ['已履行法定义务的证明材料（如罚款缴纳凭证、整改报告）', '信用修复承诺书（在线签署，提交即公开）'] as const
