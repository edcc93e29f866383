import { eq } from 'drizzle-orm'
import { kindLabels, type RecordKind } from '../../../shared/kinds'
import type { RepairContext } from '../../../shared/schemas/applications'
import { chineseDate, todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { departments, repairDecisions } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { renderPdf } from '../../utils/pdf'
import type { Actor } from '../workflow/machine'
import { visibleApplication } from '../workflow/applications'

export interface DecisionFacts {
  number: string
  issuedOn: IsoDate
  department: string
  subjectName: string
  creditCode: string | null
  applicationId: number
  filedOn: IsoDate
  records: { kind: RecordKind, documentNumber: string, decisionDate: IsoDate }[]
  /** Where the applicant finds the decision again. */
  url: string
}

/** 信用修复决定书 laid out on A4. */
export function renderDecision(facts: DecisionFacts): Promise<Buffer> {
  const subject = `${facts.subjectName}${facts.creditCode ? `（统一社会信用代码：${facts.creditCode}）` : ''}`
  return renderPdf({ title: `信用修复决定书 ${facts.number}`, author: facts.department }, (doc) => {
    const width = doc.page.width - 144
    doc.fontSize(22).text('信用修复决定书', { align: 'center' }).moveDown(0.5)
    doc.fontSize(12).text(facts.number, { align: 'center' }).moveDown(1.5)
    doc.fontSize(13).text(`${subject}：`).moveDown(0.5)
    doc.text(`你单位于${chineseDate(facts.filedOn)}提交的信用修复申请（申请编号 ${facts.applicationId}）收悉。经市信用办初审和本单位审核，你单位已履行相关义务、纠正失信行为，并作出信用修复承诺，符合信用修复条件。现决定对下列信用信息予以修复，自本决定作出之日起停止在“信用中国（辽宁朝阳）”网站公示：`, { indent: 26, lineGap: 6, width })
    doc.moveDown(0.5)
    facts.records.forEach((record, i) => {
      doc.text(`${i + 1}. ${kindLabels[record.kind]}\u3000${record.documentNumber}（决定日期 ${chineseDate(record.decisionDate)}）`, { indent: 26, lineGap: 4, width })
    })
    doc.moveDown(0.5)
    doc.text('信用修复后，如再次发生失信行为，将依法依规记录和公示。修复记录保存在你单位的信用档案中，可在本网站“我的”中查看。', { indent: 26, lineGap: 6, width })
    doc.moveDown(3)
    doc.text(facts.department, { align: 'right' })
    doc.text(chineseDate(facts.issuedOn), { align: 'right' })
    doc.moveDown(3).fontSize(9).fillColor('#555555').text(`本决定书由信用中国（辽宁朝阳）网站生成，查验地址：${facts.url}`, { width })
  })
}

/** 信用修复决定书 as a PDF, for whoever may see the application; before approval there is none (404). */
export async function decisionPdf(db: Database, actor: Actor, applicationId: number, siteUrl: string) {
  const { application } = await visibleApplication(db, actor, applicationId)
  const [decision] = await db.select({ decision: repairDecisions, department: departments.name }).from(repairDecisions)
    .innerJoin(departments, eq(departments.id, repairDecisions.departmentId)).where(eq(repairDecisions.applicationId, application.id))
  if (application.kind !== 'repair' || !decision) throw notFound('信用修复决定书')
  const { number, issuedOn } = decision.decision
  const bytes = await renderDecision({
    number, issuedOn, department: decision.department,
    subjectName: String(application.data.subjectName), creditCode: (application.data.creditCode as string | null) ?? null,
    applicationId: application.id, filedOn: todayInChina(application.createdAt),
    records: application.data.records as RepairContext['records'],
    url: `${siteUrl}/me/applications/${application.id}`,
  })
  return { number, bytes }
}
