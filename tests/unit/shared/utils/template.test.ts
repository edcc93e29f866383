import { describe, expect, it } from 'vitest'
import { standardTemplates } from '../../../../config/commitments'
import { fillCommitment } from '../../../../shared/utils/commitmentText'
import { fillTemplate, overlap } from '../../../../shared/utils/template'

const subject = { name: '朝阳市鑫达建材有限公司', creditCode: '91211300MA0Y2K3L8Q', legalRepresentative: '张三' }

describe('fillTemplate', () => {
  it('fills placeholders and leaves a blank for a missing value', () => {
    expect(fillTemplate('{a}与{b}', { a: '甲', b: ' ' })).toBe('甲与________')
  })

  it('does not say the words around a placeholder twice', () => {
    expect(fillTemplate('申请办理{matter}，自愿选择', { matter: '办理食品经营许可证' })).toBe('申请办理食品经营许可证，自愿选择')
    expect(fillTemplate('申请办理{matter}，自愿选择', { matter: '申请办理食品经营许可证' })).toBe('申请办理食品经营许可证，自愿选择')
    expect(fillTemplate('就{matter}申请信用修复。', { matter: '朝市监罚〔2026〕101号行政处罚申请信用修复' })).toBe('就朝市监罚〔2026〕101号行政处罚申请信用修复。')
    // One shared character is not a doubled word: 就 + 就业 stays.
    expect(fillTemplate('就{matter}作出承诺', { matter: '就业帮扶' })).toBe('就就业帮扶作出承诺')
  })

  it('fills the standard approval-substitute template without 申请办理办理', () => {
    const template = standardTemplates.find(t => t.type === 'approval_substitute')!
    const filled = fillCommitment(template, subject, '办理食品经营许可证', '2026-12-02')
    expect(filled.matter).toContain('申请办理食品经营许可证，')
    expect(filled.matter).not.toContain('办理办理')
    expect(filled.signOff).toContain('2026年12月2日')
  })
})

describe('overlap', () => {
  it('measures the longest shared run of two or more characters', () => {
    expect(overlap('申请办理', '办理食品')).toBe(2)
    expect(overlap('就', '就业')).toBe(0)
    expect(overlap('作为', '会员')).toBe(0)
  })
})
