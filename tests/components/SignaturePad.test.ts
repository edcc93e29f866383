import { mountSuspended } from '@nuxt/test-utils/runtime'
import { flushPromises } from '@vue/test-utils'
import { beforeAll, describe, expect, it } from 'vitest'
import SignaturePad from '../../components/commitments/SignaturePad.vue'

describe('SignaturePad', () => {
  // The pad loads its drawing library when mounted: loaded here first, and settled in each test, so it never
  // starts after the test's document is gone.
  beforeAll(() => import('signature_pad'))

  it('offers a labelled drawing area and asks for a signature while none is drawn', async () => {
    const pad = await mountSuspended(SignaturePad, { props: { inputId: 'signature' } })
    await flushPromises()
    const canvas = pad.get('canvas')
    expect(canvas.attributes('id')).toBe('signature')
    expect(canvas.attributes('aria-label')).toContain('请用手指在此签名')
    expect(pad.text()).toContain('请在上方框内手写签名')
  })

  it('says a signature is there, and 清除重签 empties it', async () => {
    const pad = await mountSuspended(SignaturePad, { props: { modelValue: 'data:image/png;base64,iVBORw0KGgo=' } })
    await flushPromises()
    expect(pad.text()).toContain('已签名，可清除后重签')
    await pad.get('button').trigger('click')
    expect(pad.emitted('update:modelValue')?.at(-1)).toEqual([''])
  })
})
