/** Evidence uploads (issue 4): one file's limit in MB; EVIDENCE_MAX_MB changes it. */
export const evidenceMaxBytes = Number(process.env.EVIDENCE_MAX_MB || 10) * 1024 * 1024
