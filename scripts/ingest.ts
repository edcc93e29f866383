// npm run ingest -- <file> [--department <credit code or name>]
import { createReadStream, existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { findDepartment } from '../server/domain/departments'
import { ingestFile } from '../server/domain/ingest/file'
import { IngestInterruptedError } from '../server/domain/ingest/interrupted'
import { drainAll } from '../server/domain/search/outbox'
import { openDb, openSearch, run } from './lib/runtime'

run(async () => {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { department: { type: 'string' } } })
  const [file] = positionals
  if (!file) throw new Error('用法：npm run ingest -- <文件.csv|文件.xlsx> [--department 统一社会信用代码]')
  if (!existsSync(file)) throw new Error(`文件不存在：${file}`)
  const db = await openDb()
  const department = values.department ? await findDepartment(db, values.department) : undefined
  if (values.department && !department) throw new Error(`未找到数据来源单位：${values.department}`)
  let last = 0
  const result = await ingestFile(db, createReadStream(file), {
    department,
    actor: `cli:${process.env.USER ?? 'unknown'}`,
    onProgress: (processed) => {
      if (processed - last >= 10_000) {
        last = processed
        process.stderr.write(`已处理 ${processed} 行\n`)
      }
    },
  }).catch((error: unknown) => {
    // The database went away: the rows refused before the break still go out, then the message and exit 1.
    if (error instanceof IngestInterruptedError) console.log(JSON.stringify(error.progress.result))
    throw error
  })
  console.log(JSON.stringify(result))
  // With the portal running its index catches up here; otherwise at the portal's next start.
  try {
    const search = await openSearch(false)
    if (search) await drainAll(db, search.search)
  }
  catch (error) {
    throw new Error(`全部行已保存（结果见上），但搜索索引未能更新（${(error as Error).message}）：无需重新报送，门户运行时会自动补上，也可运行 npm run reindex`)
  }
})
