// The year a workspace screen shows: the address's four digits, or this year in Vietnam (UTC+7).
import { describe, expect, it } from 'vitest'
import { vietnamYear, yearParam } from '../../../src/client/officer/common/year'

describe('yearParam', () => {
  it('takes four digits and nothing else', () => {
    expect(yearParam('2024')).toBe(2024)
    for (const bad of [undefined, null, '', '24', '20245', '2024a', ['2024']]) expect(yearParam(bad)).toBeUndefined()
  })
})

describe('vietnamYear', () => {
  it('turns the year at midnight in Vietnam, not in UTC', () => {
    expect(vietnamYear(new Date('2025-12-31T16:59:59Z'))).toBe(2025)
    expect(vietnamYear(new Date('2025-12-31T17:00:00Z'))).toBe(2026)
  })
})
