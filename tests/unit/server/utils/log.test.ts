import { afterEach, describe, expect, it, vi } from 'vitest'
import { redact, redactConsole } from '../../../../server/utils/log'
import { residentId } from '../../../support/ids'

const id = residentId('211302', '19650622', '320')

describe('redact', () => {
  it("cuts Drizzle's parameters up to the stack trace and masks ID numbers in the rest", () => {
    const stack = `Error: Failed query: select * from subjects where identity_key = $1\nparams: P:身份证:${id},x\ny\n    at query (db.js:1:1)`
    expect(redact(stack)).toBe('Error: Failed query: select * from subjects where identity_key = $1\nparams: [not logged]\n    at query (db.js:1:1)')
    expect(redact(`GET /records?q=${id.slice(0, 6)} ${id.slice(6)}`)).toBe(`GET /records?q=211${'*'.repeat(15)}`)
  })
})

describe('redactConsole', () => {
  const saved = { debug: console.debug, info: console.info, log: console.log, warn: console.warn, error: console.error }
  afterEach(() => {
    Object.assign(console, saved)
  })

  it("redacts what others write to the console, as Vue's router does with a path", () => {
    const warn = vi.fn()
    console.warn = warn
    redactConsole()
    console.warn('[VUE_ROUTER_R0004] No match found for location with path "%s"', `/api/admin/audit?actor=${id}%00`)
    expect(warn).toHaveBeenCalledWith(`[VUE_ROUTER_R0004] No match found for location with path "/api/admin/audit?actor=211${'*'.repeat(15)}%00"`)
  })
})
