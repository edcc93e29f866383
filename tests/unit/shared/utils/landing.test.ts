import { describe, expect, it } from 'vitest'
import { landingAfterLogin } from '../../../../shared/utils/landing'

describe('where a sign-in lands', () => {
  it('goes to the page asked for when it is a path on this site', () => {
    expect(landingAfterLogin('/me/claim?x=1', 'public')).toBe('/me/claim?x=1')
    expect(landingAfterLogin('/admin/ingest', 'admin')).toBe('/admin/ingest')
  })

  it('never leaves the site: another host, a protocol-relative or backslash path, a full URL', () => {
    for (const target of ['//evil.example.com', '/\\evil.example.com', 'https://evil.example.com', 'javascript:alert(1)', ['/me']]) {
      expect(landingAfterLogin(target, 'public'), String(target)).toBe('/me')
    }
  })

  it('sends staff to the console and everyone else to 我的 when nothing was asked for', () => {
    expect(landingAfterLogin(undefined, 'department_reviewer')).toBe('/admin')
    expect(landingAfterLogin('', 'credit_office')).toBe('/admin')
    expect(landingAfterLogin(undefined, 'subject_agent')).toBe('/me')
    expect(landingAfterLogin(undefined, undefined)).toBe('/me')
  })
})
