export interface UploadedMedia { id: string, name: string, mime: string, size: number, url: string }

/**
 * Uploads one lesson image or video to the console's media route; the refusal (type, size) comes back
 * as the API's Chinese message.
 */
export function useMediaUpload() {
  const uploading = ref(false)
  const problem = ref('')
  async function upload(file: File): Promise<UploadedMedia | null> {
    uploading.value = true
    problem.value = ''
    try {
      const form = new FormData()
      form.append('file', file, file.name)
      return await $fetch<UploadedMedia>('/api/admin/media', { method: 'POST', body: form })
    }
    catch (error) {
      problem.value = (error as { data?: { message?: string } }).data?.message ?? '上传失败，请检查网络后重试'
      return null
    }
    finally {
      uploading.value = false
    }
  }
  return { uploading, problem, upload }
}
