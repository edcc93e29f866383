const MB = 1024 * 1024

/** A size as people read it: "12.3 MB", "850 KB". */
export const fileSize = (bytes: number) => (bytes > MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`)

/** The limit as the help text and the refusal say it: "10MB". */
export const limitText = (maxBytes: number) => `${Math.round((maxBytes / MB) * 10) / 10}MB`

/**
 * Checked on the phone before a byte is sent (issue 15 item 13): a 12 MB photo over mobile data would
 * otherwise upload whole only to be refused with a 413. The server still checks; this saves the wait.
 */
export function oversizeProblem(file: { name: string, size: number }, maxBytes: number, advice = '请压缩或拆分后再上传'): string | null {
  if (file.size <= maxBytes) return null
  return `${file.name}：文件大小${fileSize(file.size)}，超过${limitText(maxBytes)}上限，${advice}`
}
