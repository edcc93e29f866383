import { describe, expect, it } from 'vitest'
import { kindLabels, recordKinds } from '../../../../shared/kinds'
import { recordTitle } from '../../../../shared/utils/recordTitle'

const facts = { documentName: null, certificateName: null, violationType: null }

describe('recordTitle', () => {
  it('never repeats the kind that the badge beside it shows', () => {
    for (const kind of recordKinds.filter(k => k !== 'license' && k !== 'penalty')) {
      expect(recordTitle({ kind, ...facts })).not.toContain(kindLabels[kind])
    }
    expect(recordTitle({ kind: 'blackList', ...facts })).toBe('列入严重失信主体名单')
    expect(recordTitle({ kind: 'inspection', ...facts, documentName: '现场检查笔录' })).toBe('现场检查笔录')
  })

  it('names a licence by its document and a penalty by its violation', () => {
    expect(recordTitle({ kind: 'license', ...facts, documentName: '食品经营许可决定书' })).toBe('食品经营许可决定书')
    expect(recordTitle({ kind: 'penalty', ...facts, violationType: '未按规定公示年度报告' })).toBe('未按规定公示年度报告')
  })
})
