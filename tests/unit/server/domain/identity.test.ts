import { describe, expect, it } from 'vitest'
import { personOfClaims, type ClaimRules } from '../../../../server/domain/identity'
import { residentId } from '../../../support/ids'

const id = residentId('211302', '19650622', '320')
const rules: ClaimRules = { claims: { name: 'name', idNumber: 'id_number' }, acr: [] }

describe('personOfClaims', () => {
  it('reads the verified name and resident ID number from the configured claims', () => {
    expect(personOfClaims({ sub: 'a', name: ' 钱七 ', id_number: id }, rules)).toEqual({ name: '钱七', idNumber: id })
    const custom = { ...rules, claims: { name: 'certName', idNumber: 'certNo' } }
    expect(personOfClaims({ sub: 'a', certName: '钱七', certNo: id }, custom)).toEqual({ name: '钱七', idNumber: id })
  })

  it('folds a full-width or lower-case number as people and systems write it', () => {
    const withX = (() => {
      for (let serial = 0; ; serial++) {
        const candidate = residentId('110101', '19900307', String(serial).padStart(3, '0'))
        if (candidate.endsWith('X')) return candidate
      }
    })()
    const fullWidth = withX.toLowerCase().replace(/[0-9x]/g, c => String.fromCharCode(c.charCodeAt(0) + 0xFEE0))
    expect(personOfClaims({ name: '钱七', id_number: fullWidth }, rules)).toEqual({ name: '钱七', idNumber: withX })
  })

  it('refuses claims without a name or a valid resident ID number', () => {
    expect(personOfClaims({ sub: 'a', name: '钱七' }, rules)).toEqual({ refusal: 'incomplete' })
    expect(personOfClaims({ sub: 'a', id_number: id }, rules)).toEqual({ refusal: 'incomplete' })
    expect(personOfClaims({ name: '钱七', id_number: id.slice(0, 17) + (id.endsWith('0') ? '1' : '0') }, rules)).toEqual({ refusal: 'incomplete' })
    expect(personOfClaims({ name: '钱七', id_number: 12345 }, rules)).toEqual({ refusal: 'incomplete' })
  })

  it('refuses a sign-in below the required assurance level', () => {
    const strict = { ...rules, acr: ['L3', 'L4'] }
    expect(personOfClaims({ name: '钱七', id_number: id, acr: 'L2' }, strict)).toEqual({ refusal: 'level' })
    expect(personOfClaims({ name: '钱七', id_number: id }, strict)).toEqual({ refusal: 'level' })
    expect(personOfClaims({ name: '钱七', id_number: id, acr: 'L3' }, strict)).toEqual({ name: '钱七', idNumber: id })
  })
})
