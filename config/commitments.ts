import type { CommitmentType } from '../shared/commitments'

/**
 * 信用承诺书标准模板 (seed 004 §1(2)): one per type for the 通用 domain, put in place when a database has
 * none of that type; the credit office edits them in the console (each edit is a new version).
 * Placeholders: {subjectName} {creditCode} {legalRepresentative} {date} {matter}.
 */
export interface StandardTemplate { type: CommitmentType, domain: string, title: string, matter: string, content: string, liability: string }

/** The domain of the standard 信用修复型 template that every repair application signs (and publishes). */
export const repairTemplateDomain = '通用'

/** The domain of the standard template that every voluntary registration signs. */
export const registrationTemplateDomain = '自愿注册'

const common = '本承诺书所作承诺将纳入本单位信用记录，依法依规向社会公开或在特定范围内公开，接受社会监督。'

export const standardTemplates: StandardTemplate[] = [
  {
    type: 'approval_substitute', domain: '通用', title: '证明事项告知承诺书（审批替代）',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）申请办理{matter}，自愿选择告知承诺方式办理。',
    content: `本单位已知晓行政机关告知的全部内容，现郑重承诺：\n一、所填写的信息和提交的材料真实、准确、完整、有效；\n二、本单位已经符合行政机关告知的条件、标准和技术要求；\n三、能够在约定期限内提交告知的相关材料，并接受行政机关的核查；\n四、${common}`,
    liability: '如有虚假承诺或未履行承诺，本单位愿意承担相应的法律责任，接受撤销相关决定、记入信用记录、依法依规实施失信惩戒等处理。',
  },
  {
    type: 'incomplete_acceptance', domain: '通用', title: '容缺受理承诺书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）申请办理{matter}，部分非核心材料暂缺，申请容缺受理。',
    content: `本单位郑重承诺：\n一、已提交的材料真实、准确、完整；\n二、在受理单位规定的期限内补齐所缺材料，补交的材料与承诺内容一致；\n三、期限内未补齐材料的，同意受理单位终止办理；\n四、${common}`,
    liability: '如未在规定期限内补齐材料或所作承诺不实，本单位自愿承担终止办理、撤销相关决定、记入信用记录等后果。',
  },
  {
    type: 'certification', domain: '通用', title: '证明事项承诺书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）在办理{matter}时，以书面承诺代替提交相关证明材料。',
    content: `本单位郑重承诺：\n一、本单位符合所承诺的条件和事实，承诺内容真实；\n二、同意行政机关依法对承诺内容进行核查；\n三、核查中如需补充说明，本单位积极配合；\n四、${common}`,
    liability: '如承诺不实，本单位愿意承担相应法律责任，接受撤销相关决定、记入信用记录，并依法依规接受失信惩戒。',
  },
  {
    type: 'repair', domain: '通用', title: '信用修复承诺书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）就{matter}申请信用修复。',
    content: '本单位郑重承诺：\n一、已全面履行相关决定规定的义务，已纠正失信行为、消除不良影响；\n二、申请信用修复所提交的全部材料真实、准确、完整；\n三、严格遵守法律法规，诚信守法经营，不再发生同类失信行为；\n四、本承诺纳入本单位信用记录，接受社会监督。',
    liability: '如违背承诺或提交虚假材料，本单位愿意接受撤销信用修复、重新公示失信信息、记入信用记录等处理，并依法承担相应责任。',
  },
  {
    type: 'industry_self_discipline', domain: '通用', title: '行业自律承诺书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）作为{matter}，自愿作出行业自律承诺。',
    content: `本单位郑重承诺：\n一、遵守国家法律法规和行业规范，依法诚信经营；\n二、不以不正当手段开展竞争，不损害消费者和其他经营者的合法权益；\n三、接受行业协会和主管部门的监督，如实报告经营情况；\n四、${common}`,
    liability: '如违反本承诺，本单位愿意接受行业协会和主管部门的相应处理，违诺情况记入本单位信用记录。',
  },
  {
    type: 'voluntary', domain: '通用', title: '主动型信用承诺书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）就{matter}主动向社会作出信用承诺。',
    content: '本单位郑重承诺：\n一、严格遵守法律法规，依法诚信经营；\n二、主动公示本单位的信用信息，保证所公示信息真实、准确；\n三、自觉接受政府、行业组织和社会公众的监督；\n四、本承诺自签署之日起主动向社会公开。',
    liability: '如违背承诺，本单位愿意接受相关部门依法依规的处理，违诺情况记入本单位信用记录并向社会公开。',
  },
  {
    // Signed with every voluntary registration (信用信息自愿注册, seed 004 §4); found by this domain.
    type: 'voluntary', domain: registrationTemplateDomain, title: '信息真实性承诺及授权共享书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）自愿注册{matter}。',
    content: '本单位郑重承诺并授权：\n一、本次自愿注册的信用信息及所附证明材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏；\n二、授权本网站对经核验的注册信息予以公示，并与相关部门共享，用于信用监管和信用服务；\n三、注册信息发生变化的，本单位将及时更新或撤回；\n四、同意核验部门依法对注册信息和证明材料进行核实。',
    liability: '如注册信息或证明材料虚假，本单位愿意承担相应的法律责任，接受撤销注册信息、记入信用记录、依法依规实施失信惩戒等处理。',
  },
  {
    type: 'other', domain: '通用', title: '信用承诺书',
    matter: '{subjectName}（统一社会信用代码：{creditCode}）就{matter}作出信用承诺。',
    content: `本单位郑重承诺：\n一、所提供的信息和材料真实、准确、完整；\n二、严格履行本承诺所涉及的各项义务；\n三、${common}`,
    liability: '如违背承诺，本单位愿意承担相应法律责任，违诺情况记入本单位信用记录。',
  },
]

/** The text under every commitment: who signs, and when. */
export const commitmentSignOff = '承诺单位：{subjectName}\n法定代表人（负责人）：{legalRepresentative}\n承诺日期：{date}'
