// npm run bench:pdf -- [--runs 20]
//
// The 信用修复决定书 PDF: the first render (reads the 8 MB font) and the median of the next ones, for a
// decision of one record and of twenty, with the bytes sent. The last stdout line is JSON.
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { renderDecision, type DecisionDocument } from '../../server/domain/repairs/decisionPdf'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20' } } })
const runs = Number(values.runs)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

const facts = (records: number): DecisionDocument => ({
  number: '朝信修决〔2026〕1号', issuedOn: '2026-12-02', department: '朝阳市市场监督管理局', departmentCreditCode: '11211300M210004801', subjectName: '朝阳鑫达建材有限公司',
  creditCode: '91211300MA0Y2K3L8Q', applicationId: 1, filedOn: '2026-12-01', url: 'https://credit.chaoyang.gov.cn/repair-decisions/2026-1',
  seal: { keyId: '0123456789abcdef', contentHash: '0'.repeat(64) },
  records: Array.from({ length: records }, (_, i) => ({ kind: 'penalty' as const, documentNumber: `朝市监罚〔2026〕${i + 1}号`, decisionDate: '2026-06-15' })),
})

async function timed(records: number) {
  const start = performance.now()
  const bytes = await renderDecision(facts(records))
  return { ms: performance.now() - start, bytes: bytes.length }
}

const first = await timed(1)
const result: Record<string, number> = { firstMs: Math.round(first.ms) }
for (const records of [1, 20]) {
  const samples = []
  for (let i = 0; i < runs; i++) samples.push(await timed(records))
  result[`median${records}Ms`] = Math.round(median(samples.map(s => s.ms)) * 10) / 10
  result[`bytes${records}`] = samples[0]!.bytes
  process.stderr.write(`[bench:pdf] ${records} record(s): median ${result[`median${records}Ms`]} ms, ${samples[0]!.bytes} bytes\n`)
}
console.log(JSON.stringify(result))
