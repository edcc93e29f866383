import { sql } from 'drizzle-orm'
import { createCourse } from '../../server/domain/training/courses'
import { addLesson } from '../../server/domain/training/lessons'
import { addQuestion } from '../../server/domain/training/questions'
import type { QuestionInput } from '../../shared/schemas/training'
import type { Database } from '../../server/utils/db'

// The demo course follows the rules in DOMAIN.md (rule 3 and rule 5): the 2026 信用修复管理办法's
// grades and periods, 谁认定谁修复, the two core materials. Demo data only: production seeds nothing.

const lessons = [
  {
    title: '第一节 什么是信用修复',
    body: `<h2>一、信用修复的含义</h2>
<p>信用修复，是指信用主体在失信行为发生后，依法履行了相关义务、纠正了失信行为并消除了不良影响，按规定向认定部门提出申请，经审核同意后，提前停止在“信用中国（辽宁朝阳）”等网站公示相关失信信息。</p>
<p>信用修复不是“删除记录”：修复后信息不再向社会公示，但认定部门仍依法保存原始记录。<strong>任何机构以“删除信用记录”为名收费，都是违法行为，请向信用办举报。</strong></p>
<h2>二、公示期限与可申请修复的时间</h2>
<p>自2026年4月1日起施行的信用修复管理办法，按失信行为的严重程度确定行政处罚信息的公示期限（自处罚决定之日起计算）：</p>
<ul>
<li><strong>轻微</strong>：不予公示，或最长公示3个月；</li>
<li><strong>一般</strong>：最短公示3个月，最长公示1年；</li>
<li><strong>严重</strong>：最短公示1年，最长公示3年。</li>
</ul>
<p>最短公示期满后，信用主体可以申请信用修复；最长公示期满，信息自动停止公示，无需申请。</p>
<h2>三、谁认定，谁修复</h2>
<p>信用修复申请由作出失信认定的部门（即作出行政处罚决定的部门）审核决定。信用办在收到申请后3个工作日内完成初审并转交认定部门。</p>
<blockquote>审核通过的，相关信息立即停止公示，修复决定书留存在主体的信用档案中，可随时下载。</blockquote>`,
  },
  {
    title: '第二节 申请信用修复需要准备什么',
    body: `<h2>一、两项核心材料</h2>
<p>按照新办法，申请信用修复的核心材料只有两项：</p>
<ol>
<li><strong>已履行法定义务的证明</strong>：如罚款缴纳凭证、整改完成的证明材料、相关部门出具的整改验收意见等；</li>
<li><strong>信用修复承诺书</strong>：在申请页面在线签署，提交申请时即在“信用承诺”栏目向社会公开。</li>
</ol>
<h2>二、认定部门可能要求的补充材料</h2>
<p>个别认定部门根据行业管理需要，可能要求补充以下材料，平台会在申请页面逐项列明：</p>
<ul>
<li>营业执照；</li>
<li>经办人身份证明；</li>
<li>授权委托书（非法定代表人本人办理时）；</li>
<li>信用修复培训证明（即本课程测试合格后取得的证明）；</li>
<li>信用报告。</li>
</ul>
<h2>三、办理小贴士</h2>
<p>同一主体的多条失信信息，可以在一次申请中一并提出；材料请上传清晰的 PDF、JPG 或 PNG 文件。申请被退回的，可按退回理由补正后重新申请。</p>`,
  },
  {
    title: '第三节 信用修复承诺与守信义务',
    body: `<h2>一、信用修复承诺的内容</h2>
<p>信用修复承诺书属于“信用修复型”信用承诺，一般包括以下内容：</p>
<ul>
<li>已纠正失信行为、履行相关义务；</li>
<li>所提交的申请材料真实、准确、完整；</li>
<li>今后严格遵守法律法规，诚信经营；</li>
<li>违反承诺愿意承担的责任。</li>
</ul>
<h2>二、承诺的公开与监督</h2>
<p>承诺书在提交信用修复申请时在线阅读并手写签名，由本平台加盖电子签章、编制承诺编码，提交申请即在本平台“信用承诺”栏目公开（承诺类型为“信用修复型”），任何单位和个人都可以查询和监督；修复申请未获同意的，承诺同样保留公开。承诺的履行情况由认定部门跟踪评价，记为“全部履行”“部分履行”或“全部未履行”。</p>
<h2>三、违反承诺的后果</h2>
<p>提供虚假材料或违反承诺的，认定部门将撤销修复决定，相关失信信息恢复公示，违诺情况记入信用记录，并依法依规实施相应的失信惩戒。</p>
<p><em>诚实守信是市场经营的立身之本。修复信用的最好办法，是从今天起守法经营、重信践诺。</em></p>`,
  },
]

const questions: Omit<QuestionInput, 'active'>[] = [
  { text: '信用修复后，相关失信信息会怎样？', options: ['被永久删除，不留任何记录', '停止向社会公示，认定部门仍依法保存原始记录', '继续公示，只增加“已修复”标注', '转交法院保存'], answers: [1] },
  { text: '有机构声称可以收费“删除信用记录”，正确的做法是？', options: ['付费办理，越快越好', '向信用办举报', '先付一半定金', '请亲友代为办理'], answers: [1] },
  { text: '按2026年4月1日起施行的办法，“一般”失信行为的行政处罚信息最短公示多久？', options: ['1个月', '3个月', '1年', '3年'], answers: [1] },
  { text: '按2026年4月1日起施行的办法，“严重”失信行为的行政处罚信息最长公示多久？', options: ['6个月', '1年', '2年', '3年'], answers: [3] },
  { text: '行政处罚信息的公示期限从哪一天开始计算？', options: ['处罚决定之日', '缴纳罚款之日', '信息上网之日', '申请修复之日'], answers: [0] },
  { text: '最长公示期满后，信用主体需要怎么做才能停止公示？', options: ['必须提交信用修复申请', '必须参加培训并测试合格', '无需申请，信息自动停止公示', '向法院起诉'], answers: [2] },
  { text: '信用修复申请由哪个部门审核决定？', options: ['任意一个政府部门', '作出失信认定的部门', '主体注册地的街道办事处', '行业协会'], answers: [1] },
  { text: '按照新办法，申请信用修复的核心材料有哪些？', options: ['已履行法定义务的证明', '信用修复承诺书', '企业年度财务报告', '法定代表人个人简历'], answers: [0, 1] },
  { text: '以下哪些可以作为已履行法定义务的证明？', options: ['罚款缴纳凭证', '整改完成的证明材料', '企业宣传册', '相关部门出具的整改验收意见'], answers: [0, 1, 3] },
  { text: '同一主体有多条失信信息时，申请信用修复可以怎样办理？', options: ['每次只能申请一条', '可以在一次申请中一并提出', '必须分别到各部门现场办理', '只能修复最早的一条'], answers: [1] },
  { text: '信用修复承诺书签署后会怎样处理？', options: ['仅由申请人自己保存', '在平台“信用承诺”栏目公开，接受社会监督', '只交给法院', '三个月后自动作废'], answers: [1] },
  { text: '提供虚假材料或违反信用修复承诺，可能产生哪些后果？', options: ['撤销修复决定，失信信息恢复公示', '违诺情况记入信用记录', '依法依规实施失信惩戒', '没有任何后果'], answers: [0, 1, 2] },
]

/** One published demo course, made once, when there are no courses yet. */
export async function seedDemoCourse(db: Database): Promise<string | null> {
  const { rows } = await db.execute<{ present: boolean }>(sql`select exists(select 1 from courses) as present`)
  if (rows[0]?.present) return null
  const course = await createCourse(db, {
    title: '信用修复政策与诚信经营',
    summary: '了解信用修复的含义、公示期限和办理流程，掌握申请材料和信用修复承诺的要求。学完三节课程并通过测试，即可取得信用修复培训证明。',
    passMark: 80, questionsPerQuiz: 10, attemptsPerDay: 3, published: true,
  }, 'seed')
  for (const lesson of lessons) await addLesson(db, course.id, { ...lesson, videoId: null, readingMinutes: null }, 'seed')
  for (const question of questions) await addQuestion(db, course.id, { ...question, active: true }, 'seed')
  return course.title
}
