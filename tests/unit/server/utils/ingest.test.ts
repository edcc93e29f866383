import { describe, expect, it } from 'vitest'
import { IngestInterruptedError } from '../../../../server/domain/ingest/interrupted'
import { IngestInputError } from '../../../../server/domain/ingest/rows'
import { runIngest } from '../../../../server/utils/ingest'

const caught = (work: () => Promise<unknown>) => runIngest(work).then(() => null, (e: unknown) => e as { statusCode: number, message: string, data?: Record<string, unknown> })

describe('runIngest', () => {
  it('answers a database lost mid-ingest with a 503 saying what is saved, with the rows refused before it', async () => {
    const saved = { accepted: 2000, updated: 0, unchanged: 0, rejected: 1, errors: [{ row: 7, field: '统一社会信用代码', reason: '统一社会信用代码第18位校验码不正确，请核对营业执照' }] }
    const error = new IngestInterruptedError({ firstRow: 2, resendFrom: 2003, result: saved }, Object.assign(new Error('terminating connection'), { code: '57P01' }))
    const answer = await caught(async () => {
      throw error
    })
    expect(answer).toMatchObject({ statusCode: 503, message: error.message, data: { resendFrom: 2003, result: saved } })
  })

  it('answers a file it cannot use with a 400 naming the field, as before', async () => {
    const answer = await caught(async () => {
      throw new IngestInputError('缺少必填列：行政相对人类别', '行政相对人类别')
    })
    expect(answer).toMatchObject({ statusCode: 400, message: '缺少必填列：行政相对人类别', data: { fields: { 行政相对人类别: ['缺少必填列：行政相对人类别'] } } })
  })
})
