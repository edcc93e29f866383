import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { familyColumns } from '../../shared/columns'

describe('README', () => {
  it('lists every column a department may send, marking the required ones', () => {
    const readme = readFileSync('README.md', 'utf8')
    for (const columns of Object.values(familyColumns)) {
      const line = readme.split('\n').find(l => l.includes(columns.map(c => (c.required ? `${c.header}*` : c.header)).join('，')))
      expect(line, columns[0]!.header).toBeDefined()
    }
  })
})
