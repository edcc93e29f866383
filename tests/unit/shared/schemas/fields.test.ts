import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CONTROL_CHARACTER_ISSUE, textInput } from '../../../../shared/schemas/fields'

describe('textInput', () => {
  const schema = z.object({ q: textInput().trim().max(10, '最多10个字') })

  it('refuses NUL and every other C0 control character and DEL, with one issue that marks it', () => {
    for (const code of [...Array.from({ length: 0x20 }, (_, i) => i).filter(c => ![0x09, 0x0A, 0x0D].includes(c)), 0x7F]) {
      const parsed = schema.safeParse({ q: `a${String.fromCharCode(code)}b` })
      expect(parsed.success, `U+${code.toString(16).padStart(4, '0')}`).toBe(false)
      expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ['q'], message: '含有无法识别的控制字符，请删除后重试', params: { code: CONTROL_CHARACTER_ISSUE } })])
    }
  })

  it('keeps tabs, line breaks and every printable character, and the checks that follow', () => {
    expect(schema.parse({ q: ' 食品\t经营\r\n许可 ' })).toEqual({ q: '食品\t经营\r\n许可' })
    expect(schema.parse({ q: '①Ａ€😀' })).toEqual({ q: '①Ａ€😀' })
    expect(schema.safeParse({ q: '一二三四五六七八九十一' }).error?.issues[0]?.message).toBe('最多10个字')
  })

  it('is how every string field of shared/schemas is declared', () => {
    const dir = join(import.meta.dirname, '../../../../shared/schemas')
    for (const file of readdirSync(dir).filter(name => name.endsWith('.ts') && name !== 'fields.ts')) {
      expect(readFileSync(join(dir, file), 'utf8'), `${file} declares a string without textInput()`).not.toMatch(/z\.(coerce\.)?string\(/)
    }
  })
})
