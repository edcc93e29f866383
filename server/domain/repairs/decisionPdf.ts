import { eq } from 'drizzle-orm'
import { kindLabels } from '../../../shared/kinds'
import type { RepairDecisionFacts } from '../../../shared/schemas/repairs'
import { chineseDate, todayInChina, type IsoDate } from '../../../shared/utils/dates'
import { decisionSlug } from '../../../shared/utils/decisionNumber'
import { repairDecisions } from '../../database/schema'
import type { Database } from '../../utils/db'
import { notFound } from '../../utils/errors'
import { drawQr, renderPdf } from '../../utils/pdf'
import type { Actor } from '../workflow/machine'
import { visibleApplication } from '../workflow/applications'

export interface DecisionDocument extends RepairDecisionFacts {
  applicationId: number
  filedOn: IsoDate
  /** The public verification page, which the QR code opens. */
  url: string
  seal: { keyId: string, contentHash: string } | null
}

/** 信用修复决定书 laid out on A4, with its seal and a QR code to its public verification page. */
export function renderDecision(facts: DecisionDocument): Promise<Buffer> {
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
    doc.moveDown(2)
    // The issuer and date with the QR code beside them stay together on one page.
    const qrSize = 96
    if (doc.page.height - doc.page.margins.bottom - doc.y < qrSize + 60) doc.addPage()
    const top = doc.y
    drawQr(doc, facts.url, 72, top, qrSize)
    doc.text(facts.department, 72, top + 24, { align: 'right', width })
    doc.text(chineseDate(facts.issuedOn), { align: 'right', width })
    doc.x = 72
    doc.y = top + qrSize + 8
    doc.fontSize(9).fillColor('#444444')
    if (facts.seal) doc.text(`本决定书由信用中国（辽宁朝阳）网站以Ed25519签章（密钥编号 ${facts.seal.keyId}，内容摘要 SHA-256 ${facts.seal.contentHash}）。`, { width })
    doc.text('扫描二维码或访问以下地址，可核对本决定的文号、主体、记录、部门和日期及签章：', { width })
    // One line: a break after a slash would leave an address nobody can type.
    doc.text(facts.url, { width, lineBreak: false })
  })
}

/** 信用修复决定书 as a PDF, for whoever may see the application; before approval there is none (404). */
export async function decisionPdf(db: Database, actor: Actor, applicationId: number, siteUrl: string) {
  const { application } = await visibleApplication(db, actor, applicationId)
  const [decision] = await db.select().from(repairDecisions).where(eq(repairDecisions.applicationId, application.id))
  if (application.kind !== 'repair' || !decision) throw notFound('信用修复决定书')
  const bytes = await renderDecision({
    ...decision.facts, applicationId: application.id, filedOn: todayInChina(application.createdAt),
    url: `${siteUrl}/repair-decisions/${decisionSlug(decision.number)}`,
    seal: decision.keyId && decision.contentHash ? { keyId: decision.keyId, contentHash: decision.contentHash } : null,
  })
  return { number: decision.number, bytes }
}
