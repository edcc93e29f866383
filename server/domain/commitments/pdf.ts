import { commitmentTypeLabels, disclosureLabels, fulfilmentLabels, pendingFulfilmentLabel } from '../../../shared/commitments'
import type { SessionUser } from '../../../shared/schemas/accounts'
import { chineseDate } from '../../../shared/utils/dates'
import type { Database } from '../../utils/db'
import { drawQr, renderPdf } from '../../utils/pdf'
import { commitmentForPdf } from './view'

/** 信用承诺书 as a PDF: the signed text, the handwritten signature, the seal and a QR code to its page. */
export async function commitmentPdf(db: Database, code: string, viewer: SessionUser | null, siteUrl: string) {
  const { view: c, legalRepresentative } = await commitmentForPdf(db, code, viewer)
  const pageUrl = `${siteUrl}/commitments/${c.code}`
  const signedDay = chineseDate(c.signedAt)
  const bytes = await renderPdf({ title: `信用承诺书 ${c.code}`, author: '信用中国（辽宁朝阳）' }, (doc) => {
    const width = doc.page.width - 144
    doc.fontSize(22).text('信用承诺书', { align: 'center' }).moveDown(0.3)
    doc.fontSize(11).text(`承诺编码：${c.code}`, { align: 'center' }).moveDown(1)
    const facts: [string, string][] = [
      ['承诺类型', commitmentTypeLabels[c.type]],
      ['承诺主体', `${c.subjectName}${c.creditCode ? `（统一社会信用代码：${c.creditCode}）` : ''}`],
      ['承诺受理单位', `${c.acceptingBody}（${c.acceptingBodyCreditCode}）`],
      ['履约认定单位', `${c.judgingDepartment}（${c.judgingDepartmentCreditCode}）`],
      ['公开类型', disclosureLabels[c.disclosure]],
      ['履行状态', c.fulfilment ? fulfilmentLabels[c.fulfilment] + (c.breach ? '（违诺）' : '') : pendingFulfilmentLabel],
    ]
    doc.fontSize(11)
    for (const [label, value] of facts) doc.text(`${label}：${value}`, { width, lineGap: 3 })
    const section = (title: string, text: string) => {
      doc.moveDown(0.5).fontSize(13).text(title).moveDown(0.1)
      doc.fontSize(11.5).text(text, { width, lineGap: 3, indent: 0 })
    }
    section('承诺事由', c.matter)
    section('承诺内容', c.content)
    section('违诺责任', c.liability)
    doc.moveDown(0.5).fontSize(11.5)
    // The sign-off with the signature, and the QR code beside them, stay together on one page.
    const qrSize = 96
    const blockHeight = Math.max(4 * doc.currentLineHeight(true) + 74, qrSize + 6)
    if (doc.page.height - doc.page.margins.bottom - doc.y < blockHeight) doc.addPage()
    const top = doc.y
    drawQr(doc, pageUrl, 72 + width - qrSize, top, qrSize)
    const left = { width: width - qrSize - 12 }
    doc.text(`承诺单位：${c.subjectName}`, 72, top, left)
    doc.text(`法定代表人（负责人）：${legalRepresentative ?? ''}`, left)
    doc.text(`承诺日期：${signedDay}`, left)
    doc.text('签名：', left)
    const signatureTop = doc.y
    doc.image(Buffer.from(c.signature.split(',')[1]!, 'base64'), 72, signatureTop, { fit: [200, 70] })
    doc.x = 72
    doc.y = Math.max(signatureTop + 74, top + qrSize + 6)
    doc.fontSize(9).fillColor('#444444')
    doc.text(`本承诺书由信用中国（辽宁朝阳）网站以Ed25519签章（密钥编号 ${c.verification.keyId ?? ''}，内容摘要 SHA-256 ${c.verification.contentHash}）。`, 72, doc.y, { width })
    doc.text(`签章核验：${c.verification.text}。扫描二维码或访问以下地址查验：`, { width })
    // One line: a break after a slash would leave an address nobody can type.
    doc.text(pageUrl, { width, lineBreak: false })
  })
  return { code: c.code, bytes }
}
