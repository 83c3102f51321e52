import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { apportion, decimalsOf, isSplittable, splitBalance, splitTarget } from '../../src/shared/split'
import { unitTargetOf } from '../../src/shared/targets'

const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0)

describe('apportion', () => {
  it('shares 229 ha equally among 12 villages in whole hectares summing to 229', () => {
    const parts = apportion(229, Array(12).fill(1), 0)!
    expect(sum(parts)).toBe(229)
    // 229 = 12 × 19 + 1: one village gets 20, the first listed (a tie).
    expect(parts).toEqual([20, ...Array(11).fill(19)])
  })

  it('shares in proportion to households, the largest remainders getting the extra step', () => {
    // 100 × 10/30 = 33,33…, × 15/30 = 50, × 5/30 = 16,67: the third lost most to rounding down.
    expect(apportion(100, [10, 15, 5], 0)).toEqual([33, 50, 17])
    expect(apportion(100, [10, 15, 5], 1)).toEqual([33.3, 50, 16.7])
    // A tie in what is left goes to the larger weight.
    expect(apportion(1, [1, 2, 1], 0)).toEqual([0, 1, 0])
  })

  it('keeps the total’s own precision: 1.448,5 t is shared to the tenth', () => {
    const parts = apportion(1448.5, [1, 1, 1], 0)!
    expect(parts).toEqual([482.9, 482.8, 482.8])
    expect(decimalsOf(1448.5)).toBe(1)
    expect(decimalsOf(229)).toBe(0)
    expect(decimalsOf(0.25)).toBe(2)
  })

  it('gives a unit of weight 0 nothing, and refuses what cannot be shared', () => {
    expect(apportion(10, [0, 1, 1], 0)).toEqual([0, 5, 5])
    expect(apportion(10, [], 0)).toBeNull()
    expect(apportion(10, [0, 0], 0)).toBeNull()
    expect(apportion(10, [1, -1], 0)).toBeNull()
    expect(apportion(-5, [1, 1], 0)).toBeNull()
    expect(apportion(Number.NaN, [1], 0)).toBeNull()
    expect(apportion(10, [1, Number.POSITIVE_INFINITY], 0)).toBeNull()
  })

  it('always sums exactly to the total, each share within one step of its exact quota', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 40 }).filter((w) => sum(w) > 0),
        (steps, decimals, weights) => {
          const total = steps / 10 ** decimals
          const parts = apportion(total, weights, decimals)!
          const step = 10 ** decimals
          expect(Math.round(sum(parts) * step)).toBe(steps)
          parts.forEach((p, i) => {
            expect(Math.round(p * step)).toBeCloseTo(p * step, 6)
            expect(Math.abs(p - (total * weights[i]!) / sum(weights))).toBeLessThan(1 / step + 1e-9)
          })
        },
      ),
    )
  })
})

describe('splitTarget', () => {
  it('turns the commune’s amount into each unit’s own target of the same kind', () => {
    expect(splitTarget({ kind: 'at_least', value: 270 }, [1, 2], 0)).toEqual([
      { kind: 'at_least', value: 90 },
      { kind: 'at_least', value: 180 },
    ])
    expect(splitTarget({ kind: 'at_least', value: 200, strict: true }, [1, 1], 0)).toEqual([
      { kind: 'at_least', value: 100, strict: true },
      { kind: 'at_least', value: 100, strict: true },
    ])
    expect(splitTarget({ kind: 'derived', value: 1448.5 }, [1, 1], 0)).toEqual([
      { kind: 'derived', value: 724.3 },
      { kind: 'derived', value: 724.2 },
    ])
  })

  it('shares a range’s floor and width, each unit’s floor below its ceiling, both summing to the commune’s', () => {
    const parts = splitTarget({ kind: 'range', min: 10, max: 11 }, [1, 1, 1], 0)!
    expect(parts).toEqual([
      { kind: 'range', min: 4, max: 5 },
      { kind: 'range', min: 3, max: 3 },
      { kind: 'range', min: 3, max: 3 },
    ])
    for (const p of parts) if (p.kind === 'range') expect(p.min).toBeLessThanOrEqual(p.max)
  })

  it('does not split a level: a rate, a cap, a yes/no, a reduction, a growth', () => {
    expect(splitTarget({ kind: 'rate_at_least', value: 95 }, [1, 1])).toBeNull()
    expect(splitTarget({ kind: 'at_most', value: 5, strict: true }, [1, 1])).toBeNull()
    expect(splitTarget({ kind: 'yes_no' }, [1, 1])).toBeNull()
    expect(splitTarget({ kind: 'reduce_by', amount: 1 }, [1, 1])).toBeNull()
    expect(splitTarget({ kind: 'growth', percent: 10, baseYear: 2022 }, [1, 1])).toBeNull()
  })

  it('gives each unit a target it is then judged against, instead of none', () => {
    const ind: Pick<Indicator, 'aggregation' | 'target' | 'unitTargets' | 'baselines'> = { aggregation: 'flow', target: { kind: 'at_least', value: 229 } }
    expect(unitTargetOf(ind, 'T1')).toBeNull()
    const [t1, t2] = splitTarget(ind.target!, [1, 1])!
    expect(unitTargetOf({ ...ind, unitTargets: { T1: t1!, T2: t2! } }, 'T1')).toEqual({ target: { kind: 'at_least', value: 115 }, basis: 'own' })
  })
})

describe('isSplittable', () => {
  const base = { aggregation: 'flow' as const, target: { kind: 'at_least' as const, value: 229 } }
  it('splits an amount of a flow or a stock, and a stated derived output', () => {
    expect(isSplittable(base)).toBe(true)
    expect(isSplittable({ ...base, aggregation: 'stock', target: { kind: 'range', min: 90, max: 95 } })).toBe(true)
    expect(isSplittable({ aggregation: 'flow', formula: 'LUA_DT * LUA_NS / 10', target: { kind: 'derived', value: 1448.5 } })).toBe(true)
  })
  it('does not split a rate, a yes/no, a cap, a computed level such as a yield, or a derived target without a figure', () => {
    expect(isSplittable({ aggregation: 'rate', target: { kind: 'rate_at_least', value: 95 } })).toBe(false)
    expect(isSplittable({ aggregation: 'yes_no', target: { kind: 'yes_no' } })).toBe(false)
    expect(isSplittable({ ...base, target: { kind: 'at_most', value: 7.9e9, strict: false } })).toBe(false)
    expect(isSplittable({ aggregation: 'stock', formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived', value: 65 } })).toBe(false)
    expect(isSplittable({ aggregation: 'stock', formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'at_least', value: 65 } })).toBe(false)
    expect(isSplittable({ aggregation: 'flow', formula: 'A * B / 10', target: { kind: 'derived' } })).toBe(false)
    expect(isSplittable({ aggregation: 'flow' })).toBe(false)
  })
})

describe('splitBalance', () => {
  it('says what the typed shares add up to and what is left', () => {
    expect(splitBalance(229, [100, 100, undefined])).toEqual({ sum: 200, left: 29, missing: 1 })
    expect(splitBalance(1448.5, [700.2, 748.3])).toEqual({ sum: 1448.5, left: 0, missing: 0 })
    expect(splitBalance(10, [6, 6])).toEqual({ sum: 12, left: -2, missing: 0 })
  })
})
