import { describe, expect, it } from 'vitest'
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../../../../shared/utils/workingDays'

describe('workingDays (DOMAIN.md rule 6)', () => {
  it('knows weekends, statutory holidays and make-up working days', () => {
    expect(isWorkingDay('2026-11-25')).toBe(true) // a Wednesday
    expect(isWorkingDay('2026-11-28')).toBe(false) // a Saturday
    expect(isWorkingDay('2026-02-17')).toBe(false) // Spring Festival
    expect(isWorkingDay('2026-02-14')).toBe(true) // Saturday, made a working day (调休)
    expect(isWorkingDay('2026-10-01')).toBe(false) // National Day
  })

  it('counts a 5-working-day objection deadline across Spring Festival', () => {
    // Filed Thursday 2026-02-12: Friday 13 and make-up Saturday 14 count, 15–23 (the holiday) do not,
    // then 24, 25 and 26.
    expect(addWorkingDays('2026-02-12', 5)).toBe('2026-02-26')
  })

  it('counts a 3-working-day first review across National Day', () => {
    expect(addWorkingDays('2026-09-30', 3)).toBe('2026-10-10')
  })

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-11-20', '2026-11-27')).toBe(5)
    expect(workingDaysBetween('2026-11-27', '2026-11-20')).toBe(0)
  })
})
