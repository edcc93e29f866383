import { describe, expect, it } from 'vitest'
import { reasonRequiredMessage, stepSchema } from '../../../../shared/schemas/applications'

// The reviewer's form checks a step with this before its confirm dialog (validate first, confirm second).
describe('stepSchema', () => {
  const uphold = { name: 'uphold', label: '维持', reasonRequired: true }
  const accept = { name: 'accept', label: '受理', reasonRequired: false }

  it('refuses a step that must give its reason without one, naming the field', () => {
    const checked = stepSchema(uphold).safeParse({ action: 'uphold', version: 3, reason: '   ', fileIds: [] })
    expect(checked.success).toBe(false)
    expect(checked.error?.issues).toMatchObject([{ path: ['reason'], message: '维持须填写理由' }])
    expect(reasonRequiredMessage('维持')).toBe('维持须填写理由')
  })

  it('lets the step through with its reason, and a step that needs none without', () => {
    expect(stepSchema(uphold).safeParse({ action: 'uphold', version: 3, reason: '经核查，原认定事实清楚', fileIds: [] }).success).toBe(true)
    expect(stepSchema(accept).safeParse({ action: 'accept', version: 0, fileIds: [] }).success).toBe(true)
  })
})
