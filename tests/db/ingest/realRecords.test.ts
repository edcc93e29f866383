import { createReadStream, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { parse } from 'csv-parse/sync'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ingestFile } from '../../../server/domain/ingest/file'
import { IngestInputError } from '../../../server/domain/ingest/rows'
import { familyColumns } from '../../../shared/columns'
import { addDays, todayInChina } from '../../../shared/utils/dates'
import { createTestDatabase, type TestDatabase } from '../../support/database'
import { penaltyRow, toCsv } from '../../support/rows'

/**
 * Records written by others (tests/fixtures/real, SOURCES.md): each row is taken or refused on its own,
 * with a reason that names the column and says what to do. The files hold only what their sources held,
 * so most rows lack required columns on purpose.
 */

const REAL = 'tests/fixtures/real/real-records'
const POLICE = { name: '朝阳市公安局', creditCode: '11211300M21004553R' }
const today = todayInChina()
let t: TestDatabase

const real = (file: string) => createReadStream(join(REAL, file))
const rowsOf = (file: string) => parse(readFileSync(join(REAL, file)), { bom: true, columns: true }) as Record<string, string>[]
const csv = (rows: Record<string, string>[]) => Readable.from([Buffer.from(toCsv(rows))])
const headers = new Set(Object.values(familyColumns).flat().map(c => c.header))

beforeAll(async () => {
  t = await createTestDatabase()
})
afterAll(async () => {
  await t?.close()
})

describe('real records', () => {
  it('takes or refuses every row of every real file, naming a column and what to do', async () => {
    const outcomes: Record<string, unknown> = {}
    for (const file of ['shuangyashan-api-xzcf.national.csv', 'shuangyashan-api-xzxk.national.csv', 'qcc-eci-xiaoju-penalty.national.csv', 'qcc-eci-xiaoju-licence.national.csv', 'mee-2017-key-polluters-penalties.national.csv']) {
      const result = await ingestFile(t.db, real(file), { actor: 'test' })
      expect(result.accepted + result.updated + result.unchanged + result.rejected, file).toBe(rowsOf(file).length)
      for (const error of result.errors) {
        expect(headers.has(error.field), `${file} row ${error.row}: ${error.field}`).toBe(true)
        expect(error.reason).not.toContain('该行保存失败')
      }
      const reasons = [...new Set(result.errors.map(e => `${e.field}：${e.reason}`))]
      outcomes[file] = { rejected: result.rejected, reasons }
    }
    expect(outcomes).toEqual({
      // A real record of another city: its department is not one of ours.
      'shuangyashan-api-xzcf.national.csv': { rejected: 1, reasons: ['数据来源单位统一社会信用代码：数据来源单位“双鸭山市公安局”不是本市已登记的数据来源单位'] },
      // The platform's placeholder agency code 00000000000000000X.
      'shuangyashan-api-xzxk.national.csv': { rejected: 1, reasons: ['许可机关统一社会信用代码：统一社会信用代码第18位校验码不正确，请核对营业执照'] },
      // The sources name no 行政相对人类别 (the files infer nothing).
      'qcc-eci-xiaoju-penalty.national.csv': { rejected: 3, reasons: ['行政相对人类别：必填项，不能为空'] },
      'qcc-eci-xiaoju-licence.national.csv': { rejected: 2, reasons: ['行政相对人类别：必填项，不能为空'] },
      'mee-2017-key-polluters-penalties.national.csv': { rejected: 171, reasons: ['行政相对人类别：必填项，不能为空'] },
    })
    expect(Number((await t.db.execute<{ n: string }>(sql`select count(*) as n from records`)).rows[0]!.n)).toBe(0)
  })

  it('takes the real 双鸭山 penalty once one of our departments sends it, keeping every word', async () => {
    const [row] = rowsOf('shuangyashan-api-xzcf.national.csv')
    const ours = { ...row!, 处罚机关: POLICE.name, 处罚机关统一社会信用代码: POLICE.creditCode, 数据来源单位: POLICE.name, 数据来源单位统一社会信用代码: POLICE.creditCode }
    expect(await ingestFile(t.db, csv([ours]), { actor: 'test' })).toEqual({ accepted: 1, updated: 0, unchanged: 0, rejected: 0, errors: [] })
    const [saved] = (await t.db.execute<Record<string, string>>(sql`select subject_name, violation_facts, legal_basis, content, fine_amount::float8::text as fine from records where document_number = ${row!.行政处罚决定书文号}`)).rows
    expect(saved).toEqual({ subject_name: row!.行政相对人名称, violation_facts: row!.违法事实, legal_basis: row!.处罚依据, content: row!.处罚内容, fine: '0.2' })
    // Its licence carries 当前状态 “1” from the platform's own coding: refused, saying what to send.
    const [licence] = rowsOf('shuangyashan-api-xzxk.national.csv')
    const result = await ingestFile(t.db, csv([{ ...licence!, 许可机关: POLICE.name, 许可机关统一社会信用代码: POLICE.creditCode, 数据来源单位: POLICE.name, 数据来源单位统一社会信用代码: POLICE.creditCode }]), { actor: 'test' })
    expect(result.errors).toEqual([{ row: 2, field: '当前状态', reason: '当前状态“1”无效，应为：有效、无效' }])
  })

  it('refuses the real MEE spreadsheet as a whole, saying which headers it needs', async () => {
    const refused = await ingestFile(t.db, real('mee-2017-key-polluters-penalties.xlsx'), { actor: 'test' }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(IngestInputError)
    expect((refused as Error).message).toContain('无法从表头识别数据类别')
  })
})

describe('legacy credit codes (厦门 pilot codes older than GB 32100)', () => {
  it('takes a listed code and says so in the row’s result; an unlisted wrong code keeps its check-digit error', async () => {
    const recent = addDays(today, -3)
    const rows = [
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕701号', 处罚决定日期: recent, 行政相对人名称: '厦门云上晴空航空科技有限公司', 统一社会信用代码: '91350211M0000XUF46' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕702号', 处罚决定日期: recent, 行政相对人名称: '福建恒跃柳工机械销售有限公司', 统一社会信用代码: '91350100m0001tgqxm' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕703号', 处罚决定日期: recent, 行政相对人名称: '厦门黑脉网络科技有限公司', 统一社会信用代码: '91350203M0001FUE2P' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕704号', 处罚决定日期: recent, 统一社会信用代码: '91350211M00013FA1N' }),
      penaltyRow({ 行政处罚决定书文号: '朝市监罚〔2026〕705号', 处罚决定日期: recent, 统一社会信用代码: '91350211M0000XUF47' }),
    ]
    const note = '统一社会信用代码为已登记的历史代码（校验位不符合GB 32100），已按例外接受'
    expect(await ingestFile(t.db, csv(rows), { actor: 'test' })).toEqual({
      accepted: 4, updated: 0, unchanged: 0, rejected: 1,
      errors: [{ row: 6, field: '统一社会信用代码', reason: '统一社会信用代码第18位校验码不正确，请核对营业执照' }],
      warnings: [2, 3, 4, 5].map(row => ({ row, field: '统一社会信用代码', message: note })),
    })
    const subjects = await t.db.execute<{ credit_code: string }>(sql`select credit_code from subjects where credit_code like '91350%'`)
    expect(subjects.rows.map(s => s.credit_code).sort()).toEqual(['91350100M0001TGQXM', '91350203M0001FUE2P', '91350211M0000XUF46', '91350211M00013FA1N'])
    // Sent again, unchanged: the department is told again why the code was let in.
    const again = await ingestFile(t.db, csv(rows.slice(0, 1)), { actor: 'test' })
    expect(again).toMatchObject({ unchanged: 1, warnings: [{ row: 2, field: '统一社会信用代码', message: note }] })
  })
})
