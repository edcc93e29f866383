import { z } from 'zod'
import { textInput } from './fields'
import { recordKinds } from '../kinds'

/** JSON ingest: `{ kind, records }`, each record keyed by the standard's Chinese column headers. */
export const ingestJsonSchema = z.object({
  kind: z.enum(recordKinds, { error: `kind 应为以下之一：${recordKinds.join(', ')}` }),
  records: z.array(z.record(textInput(), z.unknown()), { error: 'records 应为记录数组' })
    .min(1, 'records 不能为空').max(10000, '每次最多提交10000条记录，请分批提交'),
})

export const ingestErrorSchema = z.object({ row: z.number().int(), field: textInput(), reason: textInput() })
export type IngestError = z.infer<typeof ingestErrorSchema>

/** A row taken as it is, with something the department should know (e.g. a legacy credit code). */
export const ingestWarningSchema = z.object({ row: z.number().int(), field: textInput(), message: textInput() })
export type IngestWarning = z.infer<typeof ingestWarningSchema>

export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(ingestErrorSchema),
  /** Present when a row was taken with a warning. */
  warnings: z.array(ingestWarningSchema).optional(),
})
export type IngestResult = z.infer<typeof ingestResultSchema>
