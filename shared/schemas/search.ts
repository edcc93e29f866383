import { z } from 'zod'
import { textInput } from './fields'
import { recordKinds } from '../kinds'

/** GET /api/search and the /search page's query string: one schema for both. */
export const searchQuerySchema = z.object({
  q: textInput().trim().max(100, '搜索词最多100个字').default(''),
  kind: z.enum(recordKinds, { error: '信息类别无效' }).optional(),
  department: textInput().trim().max(60, '部门名称过长').optional(),
  year: z.coerce.number({ error: '年份应为数字' }).int('年份应为整数').min(1990, '年份超出范围').max(2100, '年份超出范围').optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int('页码应为整数').min(1, '页码从1开始').max(1000, '页码最大为1000').default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int('每页条数应为整数').min(1, '每页至少1条').max(50, '每页最多50条').default(20),
  sort: z.enum(['relevance', 'date'], { error: '排序方式应为 relevance 或 date' }).default('relevance'),
})
export type SearchQuery = z.infer<typeof searchQuerySchema>

export interface SearchHit {
  id: number
  kind: (typeof recordKinds)[number]
  subjectName: string
  creditCode: string | null
  title: string
  documentNumber: string
  department: string
  decisionDate: string
  /** 异议处理中 (DOMAIN.md rule 4): shown next to the record wherever it appears. */
  underObjection: boolean
  /** HTML-escaped text with the matched words in <mark>: safe to insert as HTML. */
  highlight: { subjectName: string, title: string, content: string }
}

export interface SearchResult {
  total: number
  page: number
  pageSize: number
  hits: SearchHit[]
  facets: { kind: Record<string, number>, department: Record<string, number>, year: Record<string, number> }
  /** Set when the query is a valid credit code of a public subject: the page goes to its profile. */
  creditCode?: string
  /** Set when the query reads as a credit code that fails its check: which character is wrong. */
  creditCodeProblem?: string
}
