import { createReadStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect } from 'vitest'
import { generateRows, writeFamilyCsv } from '../../../../scripts/seed/generate'
import { loadCity } from '../../../../server/domain/city'
import { rowsFromTable } from '../../../../server/domain/ingest/rows'
import { openTable } from '../../../../server/domain/ingest/table'
import { actionKinds, familyOf, listKinds, recordKinds } from '../../../../shared/kinds'
import { recordRowSchema } from '../../../../shared/schemas/recordRow'
import { checkCreditCode } from '../../../../shared/utils/creditCode'
import { isValidResidentId, residentIdCheckChar } from '../../../../shared/utils/idNumber'

const today = '2026-06-30'
const city = loadCity()
const sample = [...generateRows(2000, { seed: 42, today, city })]

describe('generateRows', () => {
  it('gives the number of rows asked for, each valid under its family schema', () => {
    expect(sample).toHaveLength(2000)
    const failures = sample.flatMap(({ family, row }) => {
      const parsed = recordRowSchema(family).safeParse(row.values)
      return parsed.success ? [] : [{ row: row.row, issues: parsed.error.issues.map(i => `${String(i.path[0])}: ${i.message}`) }]
    })
    expect(failures).toEqual([])
  })

  it('labels each row with the family of its kind and the matching category', () => {
    for (const { family, kind, row } of sample) {
      expect(familyOf(kind)).toBe(family)
      const parsed = recordRowSchema(family).parse(row.values)
      expect(parsed.kind).toBe(kind)
    }
  })

  it('issues valid credit codes and resident ID numbers', () => {
    let persons = 0
    for (const { row } of sample) {
      const v = row.values as Record<string, string | undefined>
      for (const code of [v.creditCode, v.authorityCreditCode, v.sourceDepartmentCreditCode]) {
        if (code !== undefined) expect(checkCreditCode(code)).toMatchObject({ ok: true })
      }
      if (v.subjectCategory === '自然人') {
        persons++
        expect(v.idType).toBe('身份证')
        expect(isValidResidentId(v.idNumber!)).toBe(true)
        expect(v.creditCode).toBeUndefined()
      }
      else {
        expect(v.creditCode).toBeDefined()
      }
      if (v.legalRepIdNumber !== undefined) expect(isValidResidentId(v.legalRepIdNumber)).toBe(true)
    }
    expect(persons).toBeGreaterThan(0)
    expect(sample.some(({ row }) => row.values.subjectCategory === '个体工商户')).toBe(true)
  })

  it('computes the GB 11643 check character', () => {
    // Built at run time: no ID-shaped number is written into this file.
    for (let i = 0; i < 200; i++) {
      const first17 = `2113${String(10 + (i % 80)).padStart(2, '0')}${1960 + (i % 40)}0${1 + (i % 9)}1${i % 10}${String(i).padStart(3, '0')}`
      const check = residentIdCheckChar(first17)
      expect(isValidResidentId(first17 + check)).toBe(true)
      for (const wrong of '0123456789X'.replace(check, '')) expect(isValidResidentId(first17 + wrong)).toBe(false)
    }
  })

  it('lets a department publish only the kinds its catalog allows', () => {
    const byCode = new Map(city.departments.map(d => [d.creditCode, d]))
    for (const { kind, row } of sample) {
      const department = byCode.get(row.values.sourceDepartmentCreditCode as string)
      expect(department, String(row.values.sourceDepartment)).toBeDefined()
      expect(department!.kinds).toContain(kind)
      expect(row.values.authority).toBe(department!.name)
    }
  })

  it('covers every kind some department may publish', () => {
    const catalogued = new Set(city.departments.flatMap(d => d.kinds))
    const seen = new Set(sample.map(g => g.kind))
    expect([...catalogued].filter(k => !seen.has(k))).toEqual([])
    expect(recordKinds.filter(k => seen.has(k) && !catalogued.has(k))).toEqual([])
    expect([...seen].some(k => (actionKinds as readonly string[]).includes(k))).toBe(true)
    expect([...seen].some(k => (listKinds as readonly string[]).includes(k))).toBe(true)
  })

  it('keeps document numbers unique per department and kind, and decision dates within range', () => {
    const keys = new Set(sample.map(({ kind, row }) => `${String(row.values.sourceDepartmentCreditCode)}|${kind}|${String(row.values.documentNumber)}`))
    expect(keys.size).toBe(sample.length)
    for (const { row } of sample) {
      const date = row.values.decisionDate as string
      expect(date >= '2021-01-01' && date <= today).toBe(true)
    }
  })

  it('repeats subjects so profiles hold several records', () => {
    const identity = ({ row }: typeof sample[number]) => String(row.values.creditCode ?? row.values.idNumber)
    const subjects = new Set(sample.map(identity))
    expect(subjects.size).toBeLessThanOrEqual(2000 / 8)
    expect(subjects.size).toBeGreaterThan(2000 / 40)
    // The same subject always carries the same name.
    const names = new Map<string, string>()
    for (const g of sample) {
      const id = identity(g)
      expect(names.get(id) ?? g.row.values.subjectName).toBe(g.row.values.subjectName)
      names.set(id, g.row.values.subjectName as string)
    }
  })

  it('includes licences with validity, list entries with an end date, penalties with and without severity', () => {
    const values = (kind: string) => sample.filter(g => g.kind === kind).map(g => g.row.values)
    expect(values('license').some(v => v.validTo !== undefined && v.validFrom !== undefined)).toBe(true)
    expect(values('blackList').some(v => v.validTo !== undefined)).toBe(true)
    const penalties = values('penalty')
    expect(penalties.some(v => v.severity === undefined)).toBe(true)
    expect(new Set(penalties.map(v => v.severity).filter(Boolean))).toEqual(new Set(['轻微', '一般', '严重']))
    // Some decisions are old enough to be past the longest publication period (three years).
    expect(penalties.some(v => (v.decisionDate as string) < '2023-06-30')).toBe(true)
  })

  it('is deterministic for a seed and a day', () => {
    const again = [...generateRows(2000, { seed: 42, today, city })]
    expect(again).toEqual(sample)
    const other = [...generateRows(50, { seed: 43, today, city })]
    expect(other.map(g => g.row.values)).not.toEqual(sample.slice(0, 50).map(g => g.row.values))
  })

  it('restricts output to the kinds asked for', () => {
    const penalties = [...generateRows(300, { seed: 1, today, city, kinds: ['penalty'] })]
    expect(penalties).toHaveLength(300)
    expect(new Set(penalties.map(g => g.kind))).toEqual(new Set(['penalty']))
  })
})

describe('writeFamilyCsv', () => {
  it('writes a penalty file that the ingest reader parses into valid rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-csv-'))
    try {
      const path = join(dir, 'penalty.csv')
      expect(await writeFamilyCsv(path, 'penalty', 200, { seed: 5, today, city })).toBe(200)
      const { family, rows } = rowsFromTable(await openTable(createReadStream(path)))
      expect(family).toBe('penalty')
      const expected = [...generateRows(200, { seed: 5, today, city, kinds: ['penalty'] })]
      let i = 0
      for await (const raw of rows) {
        const parsed = recordRowSchema('penalty').safeParse(raw.values)
        expect(parsed.success).toBe(true)
        for (const [key, value] of Object.entries(expected[i]!.row.values)) expect(raw.values[key]).toBe(value)
        i++
      }
      expect(i).toBe(200)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
