import { describe, expect, it } from 'vitest'
import { toSearchDocument, type IndexSource } from '../../../../../server/domain/search/document'
import { residentId } from '../../../../support/ids'

const source: IndexSource = {
  id: 7,
  kind: 'penalty',
  state: 'active',
  subjectKind: 'legal_entity',
  subjectName: '朝陽鑫達建材有限公司',
  creditCode: '91211300MA0Y2K3L8Q',
  documentNumber: '朝市监罚〔2026〕101号',
  documentName: null,
  certificateName: null,
  violationType: '虚假宣传',
  violationFacts: `经营者张三（身份证号${residentId()}）虚假宣传`,
  content: '罚款二万元',
  departmentName: '朝阳市市场监督管理局',
  decisionDate: '2026-06-15',
  publicUntil: '2027-06-14',
  contentHash: 'h',
  underObjection: false,
}

describe('toSearchDocument (DOMAIN.md rule 7)', () => {
  it('holds exactly the public fields, simplified, with ID numbers masked', () => {
    const document = toSearchDocument(source, '2026-11-25')!
    expect(Object.keys(document).sort()).toEqual(['content', 'creditCode', 'decisionDate', 'decisionDay', 'departmentName', 'documentNumber', 'id', 'kind', 'publicUntil', 'rev', 'subjectName', 'title', 'underObjection', 'year'])
    expect(document.subjectName).toBe('朝阳鑫达建材有限公司')
    expect(JSON.stringify(document)).not.toContain(residentId())
    expect(JSON.stringify(document)).not.toMatch(/\d{17}[\dX]/)
    expect(document).toMatchObject({ decisionDay: 20260615, year: 2026, publicUntil: 20270614 })
  })

  it('changes its revision when an objection opens, so reconcile sees a stale mark', () => {
    const marked = toSearchDocument({ ...source, underObjection: true }, '2026-11-25')!
    expect(marked.underObjection).toBe(true)
    expect(marked.rev).not.toBe(toSearchDocument(source, '2026-11-25')!.rev)
  })

  it('leaves out natural persons and records not public', () => {
    expect(toSearchDocument({ ...source, subjectKind: 'natural_person' }, '2026-11-25')).toBeNull()
    expect(toSearchDocument({ ...source, state: 'withdrawn' }, '2026-11-25')).toBeNull()
    expect(toSearchDocument(source, '2027-06-15')).toBeNull()
  })
})
