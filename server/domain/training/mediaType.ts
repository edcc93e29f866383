export type MediaType = 'image/jpeg' | 'image/png' | 'image/webp' | 'video/mp4' | 'video/webm'

export const mediaTypeNames = 'JPG、PNG、WebP 图片或 MP4、WebM 视频'

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to))

/**
 * What the bytes really are (never the name or the browser's claim), or null when not allowed. The
 * first 64 bytes are enough for every type here.
 */
export function sniffMedia(head: Uint8Array): MediaType | null {
  if (head[0] === 0xFF && head[1] === 0xD8 && head[2] === 0xFF) return 'image/jpeg'
  if ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A].every((b, i) => head[i] === b)) return 'image/png'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp'
  // ISO base media: a box of type `ftyp` first, with a brand an MP4 player plays (not QuickTime `qt  `).
  if (ascii(head, 4, 8) === 'ftyp' && ascii(head, 8, 12) !== 'qt  ') return 'video/mp4'
  // EBML header whose DocType is "webm" (Matroska in general is not playable everywhere).
  if ([0x1A, 0x45, 0xDF, 0xA3].every((b, i) => head[i] === b) && ascii(head, 4, Math.min(head.length, 64)).includes('webm')) return 'video/webm'
  return null
}

export const isVideo = (mime: string) => mime.startsWith('video/')
