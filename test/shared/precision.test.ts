// The one rule of how many decimals a reviewed figure is shown with (shared/precision).
import { describe, expect, it } from 'vitest'
import { figureDecimals, statedDecimals, targetNumbers } from '../../src/shared/precision'
import { formatViAmount } from '../../src/shared/numbers'

describe('statedDecimals', () => {
  it('counts the decimals a figure states, up to 6', () => {
    expect(statedDecimals(1448.5)).toBe(1)
    expect(statedDecimals(229)).toBe(0)
    expect(statedDecimals(99.64)).toBe(2)
    expect(statedDecimals(0.1 + 0.2)).toBe(1)
    expect(statedDecimals(-7.25)).toBe(2)
    expect(statedDecimals(74.137931034)).toBe(6)
    expect(statedDecimals(Number.NaN)).toBe(0)
  })
})

describe('targetNumbers', () => {
  it('lists the figures each kind of target states', () => {
    expect(targetNumbers({ kind: 'at_least', value: 229 })).toEqual([229])
    expect(targetNumbers({ kind: 'range', min: 90, max: 95.5 })).toEqual([90, 95.5])
    expect(targetNumbers({ kind: 'reduce_by', amount: 0.2, max: 0.5, baseline: 3.15 })).toEqual([0.2, 0.5, 3.15])
    expect(targetNumbers({ kind: 'growth', percent: 10, baseYear: 2022, baseValue: 120.5 })).toEqual([120.5])
    expect(targetNumbers({ kind: 'derived', value: 1448.5 })).toEqual([1448.5])
    expect(targetNumbers({ kind: 'derived' })).toEqual([])
    expect(targetNumbers({ kind: 'yes_no' })).toEqual([])
    expect(targetNumbers(undefined)).toEqual([])
  })
})

describe('figureDecimals', () => {
  const yieldInd = { aggregation: 'stock' as const, formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived' as const, value: 65 } }

  it('rounds a computed yield to what its inputs state: 74,1 tạ/ha, never 74,137931', () => {
    const d = figureDecimals(yieldInd, [1448.5, 229])
    expect(d).toBe(1)
    expect(formatViAmount(1448.5 * 10 / 195.375, 'tạ/ha', d)).toBe('74,1 tạ/ha')
  })

  it('gives a computed figure at least 1 and at most 2 decimals', () => {
    expect(figureDecimals(yieldInd, [1448, 229])).toBe(1)
    expect(figureDecimals(yieldInd, [1448.125, 229])).toBe(2)
    expect(figureDecimals({ aggregation: 'flow', children: ['LUA', 'NGO'] }, [10.25, 3])).toBe(2)
    expect(figureDecimals({ aggregation: 'flow', children: ['LUA', 'NGO'], target: { kind: 'at_least', value: 2000 } }, [])).toBe(1)
  })

  it('gives a rate 1 decimal, 2 when its target states 2', () => {
    expect(figureDecimals({ aggregation: 'rate', target: { kind: 'rate_at_least', value: 95 } })).toBe(1)
    expect(figureDecimals({ aggregation: 'rate', target: { kind: 'rate_at_least', value: 99.64 } })).toBe(2)
    expect(figureDecimals({ aggregation: 'rate', target: { kind: 'at_most', value: 5.625, strict: true } })).toBe(2)
    expect(figureDecimals({ aggregation: 'rate' })).toBe(1)
  })

  it('shows a typed figure as typed, and a yes/no answer with none', () => {
    expect(figureDecimals({ aggregation: 'flow', target: { kind: 'at_least', value: 229 } })).toBe(6)
    expect(formatViAmount(1448.567, 'tấn', figureDecimals({ aggregation: 'flow' }))).toBe('1.448,567 tấn')
    expect(figureDecimals({ aggregation: 'yes_no', target: { kind: 'yes_no' } })).toBe(0)
  })
})
