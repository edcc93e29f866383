import { familyColumns } from '../../shared/columns'
import type { RecordFamily } from '../../shared/kinds'

export const MARKET = { name: '朝阳市市场监督管理局', creditCode: '11211300M210004801' }
export const TAX = { name: '朝阳市税务局', creditCode: '11211300M21001221R' }
export const COMPANY = { name: '朝阳鑫达建材有限公司', creditCode: '91211300MA0Y2K3L8Q' }
/** A second subject, whose agent must never see COMPANY's applications. */
export const OTHER = { name: '朝阳宏远物流有限公司', creditCode: '91211300MA0Y8Q7R1H' }

/** A complete, valid penalty row keyed by the standard's Chinese headers. */
export function penaltyRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    行政相对人名称: COMPANY.name,
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: COMPANY.creditCode,
    法定代表人: '王建国',
    行政处罚决定书文号: '朝市监罚〔2026〕101号',
    违法行为类型: '虚假宣传',
    违法事实: '当事人在店铺招牌上宣称“全市最低价”，无法提供依据',
    处罚依据: '《中华人民共和国反不正当竞争法》第二十条',
    处罚类别: '警告;罚款',
    处罚内容: '警告，罚款人民币二万元',
    '罚款金额（万元）': '2',
    处罚决定日期: '2026-06-15',
    处罚机关: MARKET.name,
    处罚机关统一社会信用代码: MARKET.creditCode,
    数据来源单位: MARKET.name,
    数据来源单位统一社会信用代码: MARKET.creditCode,
    ...overrides,
  }
}

export function licenseRow(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    行政相对人名称: COMPANY.name,
    行政相对人类别: '法人及非法人组织',
    统一社会信用代码: COMPANY.creditCode,
    行政许可决定文书名称: '食品经营许可决定书',
    行政许可决定文书号: '朝市监许〔2026〕55号',
    许可类别: '普通',
    许可证书名称: '食品经营许可证',
    许可编号: 'JY22113000012345',
    许可内容: '预包装食品销售',
    许可决定日期: '2026-03-02',
    有效期自: '2026-03-02',
    有效期至: '2031-03-01',
    许可机关: MARKET.name,
    许可机关统一社会信用代码: MARKET.creditCode,
    当前状态: '有效',
    数据来源单位: MARKET.name,
    数据来源单位统一社会信用代码: MARKET.creditCode,
    ...overrides,
  }
}

/** Field-keyed values, as the pipeline sees a row after its headers are mapped. */
export function keyed(family: RecordFamily, row: Record<string, string>): Record<string, unknown> {
  const byHeader = new Map(familyColumns[family].map(c => [c.header, c.key]))
  return Object.fromEntries(Object.entries(row).map(([header, value]) => [byHeader.get(header) ?? header, value]))
}

/** A CSV with the headers of the given rows (RFC 4180 quoting). */
export function toCsv(rows: Record<string, string>[]): string {
  const headers = [...new Set(rows.flatMap(r => Object.keys(r)))]
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)
  return [headers.map(quote).join(','), ...rows.map(r => headers.map(h => quote(r[h] ?? '')).join(','))].join('\r\n') + '\r\n'
}
