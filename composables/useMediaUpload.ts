import { readApiError } from '~/utils/apiError'
import { oversizeProblem } from '~/utils/uploads'
import type { UploadedMedia } from './useUploadLimits'

/**
 * Uploads one lesson image or video to the console's media route. A file over the limit is refused
 * before it is sent; any other refusal (type, content) comes back as the API's Chinese message.
 */
export function useMediaUpload() {
  const uploading = ref(false)
  const problem = ref('')
  const limits = useUploadLimits()
  async function upload(file: File): Promise<UploadedMedia | null> {
    problem.value = ''
    const maxBytes = limits.value?.mediaMaxBytes
    const oversize = maxBytes ? oversizeProblem(file, maxBytes, '请压缩后再上传') : null
    if (oversize) {
      problem.value = oversize
      return null
    }
    uploading.value = true
    try {
      const form = new FormData()
      form.append('file', file, file.name)
      // Typed by the generated route type; inferring it here is too deep for TypeScript.
      return await $fetch<UploadedMedia>('/api/admin/media', { method: 'POST', body: form })
    }
    catch (error) {
      problem.value = readApiError(error, '上传失败，请检查网络后重试').message
      return null
    }
    finally {
      uploading.value = false
    }
  }
  return { uploading, problem, upload }
}
