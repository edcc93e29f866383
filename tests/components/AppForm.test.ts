import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import TwoFieldForm from './fixtures/TwoFieldForm.vue'

const settle = () => new Promise(resolve => setTimeout(resolve, 50))

describe('AppForm', () => {
  it('shows no summary before 提交 is pressed', async () => {
    const form = await mountSuspended(TwoFieldForm)
    expect(form.text()).not.toContain('请修改以下问题')
  })

  it('after a press with problems: a summary at the top linking to each invalid field, nothing sent', async () => {
    const form = await mountSuspended(TwoFieldForm, { attachTo: document.body })
    await form.get('form').trigger('submit')
    await settle()
    const summary = form.get('[role="alert"]')
    expect(summary.text()).toContain('请修改以下问题')
    const links = summary.findAll('a')
    expect(links.map(a => a.text())).toEqual(['请填写统一社会信用代码'])
    // The link leads to the field's own input, which carries the same message beside it.
    const target = links[0]!.attributes('href')!.slice(1)
    expect(form.find(`input#${CSS.escape(target)}`).exists()).toBe(true)
    expect(form.text().match(/请填写统一社会信用代码/g)).toHaveLength(2)
    expect(form.emitted('sent')).toBeUndefined()
    form.unmount()
  })

  it('puts the API’s refusal above the form', async () => {
    const form = await mountSuspended(TwoFieldForm, { props: { message: '该企业已被认领' } })
    expect(form.get('[role="alert"]').text()).toContain('该企业已被认领')
  })

  it('sends a valid form', async () => {
    const form = await mountSuspended(TwoFieldForm)
    await form.get('input').setValue('91211300MA0Y2K3L8Q')
    await form.get('form').trigger('submit')
    await settle()
    expect(form.emitted('sent')).toHaveLength(1)
    expect(form.text()).not.toContain('请修改以下问题')
  })
})
