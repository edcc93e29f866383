import { mountSuspended } from '@nuxt/test-utils/runtime'
import { describe, expect, it, vi } from 'vitest'
import EvidenceUpload from '../../components/EvidenceUpload.vue'

const MB = 1024 * 1024

/** Picks files on the hidden input as a phone's file chooser would. */
async function pick(wrapper: Awaited<ReturnType<typeof mountSuspended>>, files: File[]) {
  const input = wrapper.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await new Promise(resolve => setTimeout(resolve, 20))
}

describe('EvidenceUpload', () => {
  it('says the limit, and refuses a file over it on the phone, before a byte is sent', async () => {
    useUploadLimits().value = { evidenceMaxBytes: 10 * MB, mediaMaxBytes: 200 * MB }
    const open = vi.spyOn(XMLHttpRequest.prototype, 'open')
    const upload = await mountSuspended(EvidenceUpload, { props: { label: '上传证明材料', inputId: 'proof' } })
    expect(upload.text()).toContain('单个文件不超过10MB')

    const photo = new File(['x'], '整改照片.jpg', { type: 'image/jpeg' })
    Object.defineProperty(photo, 'size', { value: 12 * MB })
    await pick(upload, [photo])

    expect(upload.get('[role="alert"]').text()).toBe('整改照片.jpg：文件大小12.0 MB，超过10MB上限，请压缩或拆分后再上传')
    expect(open).not.toHaveBeenCalled()
    expect(upload.emitted('update:modelValue')).toBeUndefined()
    open.mockRestore()
  })

  it('lists the files it holds and removes one on request', async () => {
    const files = [{ id: 'a', name: '缴款凭证.pdf', mime: 'application/pdf', size: 2 * MB }, { id: 'b', name: '整改报告.pdf', mime: 'application/pdf', size: 300 * 1024 }]
    const upload = await mountSuspended(EvidenceUpload, { props: { label: '上传', inputId: 'p', multiple: true, modelValue: files } })
    expect(upload.text()).toContain('缴款凭证.pdf（2.0 MB）')
    expect(upload.text()).toContain('整改报告.pdf（300 KB）')
    await upload.findAll('li button')[0]!.trigger('click')
    expect(upload.emitted('update:modelValue')?.[0]).toEqual([[files[1]]])
  })
})
