import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { countsAsHistory, sameIndicator } from '../../src/shared/sameIndicator'

const base: Indicator = { code: '1.1', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, reporters: { kinds: ['thon'], units: [] } }
const rate: Indicator = { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', field: 'KT', unitOfMeasure: '%', aggregation: 'rate', proportion: true, reporters: { kinds: ['thon'], units: [] } }

describe('sameIndicator', () => {
  it('holds for a copied indicator, whatever its name, target or reporters became', () => {
    expect(sameIndicator(base, base)).toBe(true)
    const renamed: Indicator = { ...base, name: 'Sản lượng lúa cả năm', target: { kind: 'at_least', value: 1 }, reporters: { kinds: [], units: ['T1'] } }
    expect(sameIndicator(renamed, base)).toBe(true)
  })

  it('reads the unit of measure trimmed and case-insensitive', () => {
    expect(sameIndicator({ ...base, unitOfMeasure: '  Tấn ' }, base)).toBe(true)
    expect(sameIndicator({ ...base, unitOfMeasure: 'TẤN' }, base)).toBe(true)
    expect(sameIndicator({ ...base, unitOfMeasure: 'tạ' }, base)).toBe(false)
  })

  it('fails on another code, another aggregation or nothing at all', () => {
    expect(sameIndicator({ ...base, code: '1.2' }, base)).toBe(false)
    expect(sameIndicator({ ...base, aggregation: 'stock' }, base)).toBe(false)
    expect(sameIndicator(undefined, base)).toBe(false)
  })

  it('fails on another kind of value: a number against a rate or a yes/no', () => {
    expect(sameIndicator({ ...rate, aggregation: 'flow' }, rate)).toBe(false)
    expect(sameIndicator({ ...base, aggregation: 'yes_no' }, base)).toBe(false)
  })

  it('takes a rate’s scale as 100 when absent, and tells % from ‰', () => {
    expect(sameIndicator({ ...rate, scale: 100 }, rate)).toBe(true)
    expect(sameIndicator(rate, { ...rate, scale: 100 })).toBe(true)
    expect(sameIndicator({ ...rate, scale: 1000 }, rate)).toBe(false)
    expect(sameIndicator({ ...rate, scale: 1 }, { ...rate, scale: 100 })).toBe(false)
    // A scale left on a non-rate means nothing.
    expect(sameIndicator({ ...base, scale: 1000 }, base)).toBe(true)
  })
})

describe('countsAsHistory', () => {
  const plans = new Map([
    [2025, { indicators: [{ ...base }, { ...rate, code: 'X', aggregation: 'stock' as const, unitOfMeasure: 'hộ' }] }],
    [2024, { indicators: [{ ...base, unitOfMeasure: 'hộ' }] }],
  ])
  it('counts every figure of the same year (one plan)', () => {
    expect(countsAsHistory(new Map(), 2026, base, 2026)).toBe(true)
  })
  it('counts a figure of another year only where that year’s plan holds the same indicator', () => {
    expect(countsAsHistory(plans, 2026, base, 2025)).toBe(true)
    expect(countsAsHistory(plans, 2026, base, 2024)).toBe(false)
    expect(countsAsHistory(plans, 2026, { ...base, code: 'X' }, 2025)).toBe(false)
    expect(countsAsHistory(plans, 2026, { ...base, code: 'Y' }, 2025)).toBe(false)
  })
  it('counts nothing of a year whose plan is not known', () => {
    expect(countsAsHistory(plans, 2026, base, 2023)).toBe(false)
  })
})
