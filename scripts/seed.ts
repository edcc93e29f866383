// npm run seed -- [--records 3000] [--seed 1] [--if-empty]
import { parseArgs } from 'node:util'
import { sql } from 'drizzle-orm'
import { drainAll } from '../server/domain/search/outbox'
import { openDb, openSearch, run } from './lib/runtime'
import { DEMO_PASSWORD, seedDemoAccounts } from './seed/accounts'
import { seedCommitmentTemplates } from './seed/commitments'
import { seedDemoCourse } from './seed/course'
import { seedRecords } from './seed/load'

run(async () => {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '1' },
      'if-empty': { type: 'boolean', default: false },
    },
  })
  const count = Number(values.records)
  const seed = Number(values.seed)
  if (!Number.isInteger(count) || count < 1) throw new Error(`--records 应为正整数：${values.records}`)
  if (!Number.isInteger(seed)) throw new Error(`--seed 应为整数：${values.seed}`)
  const db = await openDb()
  const accounts = await seedDemoAccounts(db)
  if (accounts.length) process.stderr.write(`演示账号（密码均为 ${DEMO_PASSWORD}）：${accounts.join('、')}\n`)
  const templates = await seedCommitmentTemplates(db)
  if (templates) process.stderr.write(`已添加 ${templates} 个信用承诺书标准模板\n`)
  const course = await seedDemoCourse(db)
  if (course) process.stderr.write(`演示培训课程：${course}\n`)
  if (values['if-empty']) {
    const { rows } = await db.execute<{ present: boolean }>(sql`select exists(select 1 from records) as present`)
    if (rows[0]?.present) {
      process.stderr.write('已有信用记录，跳过演示数据生成（--if-empty）\n')
      return
    }
  }
  const started = Date.now()
  let reported = 0
  const result = await seedRecords(db, count, {
    seed,
    actor: 'seed',
    onProgress: (done, total) => {
      if (done > reported && (done === total || done - reported >= Math.max(10_000, total / 20))) {
        reported = done
        process.stderr.write(`已生成并导入 ${done} / ${total} 条（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`)
      }
    },
  })
  // With a portal running, its index catches up now; otherwise the portal drains the outbox when it starts.
  try {
    const search = await openSearch(false)
    if (search) {
      const drained = await drainAll(db, search.search)
      process.stderr.write(`已同步 ${drained} 条变更到搜索索引\n`)
    }
  }
  catch (error) {
    process.stderr.write(`搜索索引暂未同步（${(error as Error).message}），门户启动后将自动同步\n`)
  }
  console.log(JSON.stringify(result))
})
