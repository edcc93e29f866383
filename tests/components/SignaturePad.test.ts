import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it } from 'vitest'
import SignaturePad from '../../components/commitments/SignaturePad.vue'

describe('SignaturePad', () => {
  it('offers a labelled drawing area and asks for a signature while none is drawn', async () => {
    const pad = await mountSuspended(SignaturePad, { props: { inputId: 'signature' } })
    const canvas = pad.get('canvas')
    expect(canvas.attributes('id')).toBe('signature')
    expect(canvas.attributes('aria-label')).toContain('请用手指在此签名')
    expect(pad.text()).toContain('请在上方框内手写签名')
  })

  it('says a signature is there, and 清除重签 empties it', async () => {
    const pad = await mountSuspended(SignaturePad, { props: { modelValue: 'data:image/png;base64,iVBORw0KGgo=' } })
    expect(pad.text()).toContain('已签名，可清除后重签')
    await pad.get('button').trigger('click')
    expect(pad.emitted('update:modelValue')?.at(-1)).toEqual([''])
  })
})
