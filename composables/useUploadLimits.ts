import type { InternalApi } from 'nitropack/types'

/** An evidence file as POST /api/files answers it (the route type Nuxt generates). */
export type UploadedFile = InternalApi['/api/files']['post']
/** A lesson image or video as POST /api/admin/media answers it. */
export type UploadedMedia = InternalApi['/api/admin/media']['post']

interface UploadLimits { evidenceMaxBytes: number, mediaMaxBytes: number }

/** One file's size limit per upload kind, as the server enforces it (set by plugins/uploadLimits.ts). */
export const useUploadLimits = () => useState<UploadLimits | null>('upload-limits', () => null)
