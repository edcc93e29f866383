import { describe, expect, it } from 'vitest'
import { IngestInterruptedError, writeFault } from '../../../../../server/domain/ingest/interrupted'

/** The shapes the driver and the ORM throw: pg's error carries the SQLSTATE; the ORM's wraps it, quoting the query. */
const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code })
const ormError = (cause: Error) => new Error('Failed query: insert into subjects … params: 211302199001011234,李四', { cause })
const empty = { accepted: 0, updated: 0, unchanged: 0, rejected: 0, errors: [] }

describe('writeFault', () => {
  it('blames the row only for its data or a constraint', () => {
    expect(writeFault(ormError(pgError('23505')))).toBe('row')
    expect(writeFault(ormError(pgError('22021')))).toBe('row')
    expect(writeFault(ormError(pgError('40P01')))).toBe('retry')
    expect(writeFault(ormError(pgError('57P01', 'terminating connection due to administrator command')))).toBe('infrastructure')
    expect(writeFault(ormError(pgError('55000')))).toBe('infrastructure')
    expect(writeFault(pgError('ECONNREFUSED'))).toBe('infrastructure')
    expect(writeFault(new Error('Connection terminated unexpectedly'))).toBe('infrastructure')
  })
})

describe('IngestInterruptedError', () => {
  it('says what is saved and where to start again, never quoting the query', () => {
    const error = new IngestInterruptedError({ firstRow: 2, resendFrom: 4002, result: { ...empty, accepted: 3990, unchanged: 5, rejected: 5 } }, ormError(pgError('57P01')))
    expect(error.message).toBe('导入中断：无法写入数据库（57P01），已停止导入。第2行至第4001行已处理完毕：已保存3995行（新增3990、更新0、未变化5），5行未通过（见错误清单）。'
      + '请从第4002行起重新报送；重新报送整个文件也可以，已保存的行会计为“未变化”。')
    const early = new IngestInterruptedError({ firstRow: null, resendFrom: null, result: empty }, ormError(new Error('Failed query: select … params: 李四')))
    expect(early.message).toBe('导入中断：无法写入数据库（数据库错误），已停止导入。本次未保存任何行，请稍后重新报送整个文件。')
    expect(new IngestInterruptedError({ firstRow: 2, resendFrom: 2, result: empty }, new Error('Connection terminated unexpectedly')).message)
      .toBe('导入中断：无法写入数据库（Connection terminated unexpectedly），已停止导入。本次未保存任何行，请稍后重新报送整个文件。')
  })
})
