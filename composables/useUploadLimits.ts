export interface UploadLimits { evidenceMaxBytes: number, mediaMaxBytes: number }

/** One file's size limit per upload kind, as the server enforces it (set by plugins/uploadLimits.ts). */
export const useUploadLimits = () => useState<UploadLimits | null>('upload-limits', () => null)
