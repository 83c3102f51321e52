import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { aggregateNumber, aggregateUnits, resolveComputed, sumExact, unitToDate, type DatedValue } from '../../src/shared/aggregation'
import type { Aggregation } from '../../src/shared/model'
import type { ValueData } from '../../src/shared/model'

/** Across time within each unit (unitToDate), then across units (aggregateUnits): how results.ts rolls a commune up. */
function rollUp(aggregation: Aggregation, byUnit: ReadonlyMap<string, readonly DatedValue[]>, upTo: string) {
  return aggregateUnits(aggregation, [...byUnit.values()].flatMap((series) => unitToDate(aggregation, series, upTo) ?? []))
}

const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })
const yes = (achieved: boolean): ValueData => ({ kind: 'yes_no', achieved })

// Figures as people report them: whole numbers or up to two decimals, up to ten billion.
const amountArb = fc.integer({ min: 0, max: 1_000_000_000_000 }).map((n) => n / 100)
const ratioArb = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([den, share]) => ratio(Math.floor(den * share), den))

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs]
  let s = seed >>> 0 || 1
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as T, out[i] as T]
  }
  return out
}

describe('across units', () => {
  it('sums amounts and counts', () => {
    expect(aggregateUnits('flow', [num(1448.5), num(228)])).toEqual({ kind: 'number', value: 1676.5, units: 2 })
    expect(aggregateUnits('stock', [])).toBeUndefined()
  })

  it('rolls a rate up as Σnumerator ÷ Σdenominator', () => {
    // BHYT: village A 90 of 100 people, village B 960 of 1,000.
    const agg = aggregateUnits('rate', [ratio(90, 100), ratio(960, 1000)])
    expect(agg).toEqual({ kind: 'ratio', numerator: 1050, denominator: 1100, units: 2 })
    expect(aggregateNumber(agg!)).toBeCloseTo(95.4545, 3)
    // …and not the mean of the two percentages (93%).
    expect(aggregateNumber(agg!)).not.toBeCloseTo(93, 1)
  })

  it('achieves a yes/no target only when every unit did', () => {
    expect(aggregateUnits('yes_no', [yes(true), yes(true)])).toMatchObject({ achieved: true, yes: 2 })
    expect(aggregateUnits('yes_no', [yes(true), yes(false), yes(true)])).toMatchObject({ achieved: false, yes: 2, units: 3 })
  })

  it('refuses a cell of the wrong shape rather than counting it wrong', () => {
    expect(() => aggregateUnits('rate', [num(95)])).toThrow(TypeError)
    expect(() => aggregateUnits('flow', [ratio(1, 2)])).toThrow(TypeError)
  })

  it('property: the result does not depend on the order of the units', () => {
    fc.assert(
      fc.property(fc.array(amountArb, { minLength: 1, maxLength: 60 }), fc.integer(), (xs, seed) => {
        const values = xs.map(num)
        expect(aggregateUnits('flow', shuffled(values, seed))).toEqual(aggregateUnits('flow', values))
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.array(ratioArb, { minLength: 1, maxLength: 60 }), fc.integer(), (values, seed) => {
        expect(aggregateUnits('rate', shuffled(values, seed))).toEqual(aggregateUnits('rate', values))
      }),
      { numRuns: 300 },
    )
    fc.assert(
      fc.property(fc.array(fc.boolean().map(yes), { minLength: 1, maxLength: 30 }), fc.integer(), (values, seed) => {
        expect(aggregateUnits('yes_no', shuffled(values, seed))).toEqual(aggregateUnits('yes_no', values))
      }),
    )
  })

  it('property: a rate roll-up equals Σnum ÷ Σden', () => {
    fc.assert(
      fc.property(fc.array(ratioArb, { minLength: 1, maxLength: 40 }), (values) => {
        const ratios = values as Extract<ValueData, { kind: 'ratio' }>[]
        const sn = ratios.reduce((s, r) => s + r.numerator, 0)
        const sd = ratios.reduce((s, r) => s + r.denominator, 0)
        expect(aggregateNumber(aggregateUnits('rate', ratios)!)).toBeCloseTo((sn / sd) * 100, 9)
      }),
      { numRuns: 500 },
    )
  })

  it('property: with two units of different denominators and different rates, the mean of percentages is wrong', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (d1, d2, s1, s2) => {
          const a = ratio(Math.round(d1 * s1), d1) as Extract<ValueData, { kind: 'ratio' }>
          const b = ratio(Math.round(d2 * s2), d2) as Extract<ValueData, { kind: 'ratio' }>
          fc.pre(d1 !== d2 && a.numerator * d2 !== b.numerator * d1)
          const pooled = aggregateNumber(aggregateUnits('rate', [a, b])!)!
          const mean = ((a.numerator / d1 + b.numerator / d2) / 2) * 100
          expect(Math.abs(pooled - mean)).toBeGreaterThan(1e-12)
        },
      ),
    )
  })
})

describe('across time', () => {
  const q = (n: number): string => ['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31'][n - 1]!
  it('accumulates a flow year to date (lũy kế)', () => {
    const rice: DatedValue[] = [
      { to: q(2), data: num(600) },
      { to: q(1), data: num(0) },
      { to: q(3), data: num(848.5) },
    ]
    expect(unitToDate('flow', rice, q(2))).toEqual(num(600))
    expect(unitToDate('flow', rice, q(4))).toEqual(num(1448.5))
    expect(unitToDate('flow', rice, '2024-02-01')).toBeUndefined()
  })
  it('takes the latest period for a stock and a rate', () => {
    const herd: DatedValue[] = [
      { to: q(1), data: num(120) },
      { to: q(3), data: num(150) },
      { to: q(2), data: num(130) },
    ]
    expect(unitToDate('stock', herd, q(4))).toEqual(num(150))
    expect(unitToDate('stock', herd, q(2))).toEqual(num(130))
    const bhyt: DatedValue[] = [
      { to: q(1), data: ratio(80, 100) },
      { to: q(2), data: ratio(90, 102) },
    ]
    expect(unitToDate('rate', bhyt, q(4))).toEqual(ratio(90, 102))
  })
  it('refuses two figures of one unit for the same period', () => {
    expect(() => unitToDate('stock', [{ to: q(1), data: num(1) }, { to: q(1), data: num(2) }], q(4))).toThrow(RangeError)
  })
  it('rolls up a stock as the sum of each unit’s latest figure, even when units reported in different quarters', () => {
    const byUnit = new Map<string, DatedValue[]>([
      ['TDP01', [{ to: q(1), data: num(100) }, { to: q(2), data: num(110) }]],
      ['TDP02', [{ to: q(1), data: num(50) }]],
    ])
    expect(rollUp('stock', byUnit, q(2))).toMatchObject({ value: 160, units: 2 })
    expect(rollUp('flow', byUnit, q(2))).toMatchObject({ value: 260 })
  })
  it('property: rolling up does not depend on the order of units or of periods', () => {
    const seriesArb = fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }).chain((quarters) =>
      fc.tuple(...quarters.map((n) => amountArb.map((v): DatedValue => ({ to: q(n), data: num(v) })))),
    )
    fc.assert(
      fc.property(fc.array(seriesArb, { minLength: 1, maxLength: 12 }), fc.integer(), fc.constantFrom('flow', 'stock'), (units, seed, agg) => {
        const a = new Map(units.map((s, i) => [`U${i}`, s]))
        const b = new Map(shuffled([...a.entries()], seed).map(([k, s]) => [k, shuffled(s, seed + 1)]))
        expect(rollUp(agg, b, q(3))).toEqual(rollUp(agg, a, q(3)))
      }),
      { numRuns: 200 },
    )
  })
})

describe('sumExact', () => {
  it('is exact for decimal figures where naive float addition is not', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(sumExact([0.1, 0.2])).toBe(0.3)
    expect(sumExact([11_327_811_000, 7_925_641_000, 0.5])).toBe(19_253_452_000.5)
  })
})

describe('computed indicators', () => {
  const indicators = [
    { code: 'LUA_DT' },
    { code: 'LUA_SL' },
    { code: 'NGO_SL' },
    { code: 'LUA_NS', formula: 'LUA_SL * 10 / LUA_DT' },
    { code: 'LT_SL', children: ['LUA_SL', 'NGO_SL'] },
  ]
  it('computes yields from the summed output and area, never by summing yields', () => {
    // Two villages: 100 ha × 60 tạ/ha and 129 ha × 70 tạ/ha.
    const commune = new Map([
      ['LUA_DT', 229],
      ['LUA_SL', 600 + 903],
      ['NGO_SL', 228],
    ])
    const out = resolveComputed(indicators, commune)
    expect(out.get('LUA_NS')).toBeCloseTo((1503 * 10) / 229, 9)
    expect(out.get('LT_SL')).toBe(1731)
  })
  it('leaves a computed figure missing while an input is missing, and never divides by zero', () => {
    expect(resolveComputed(indicators, new Map([['LUA_SL', 10]])).has('LUA_NS')).toBe(false)
    expect(resolveComputed(indicators, new Map([['LUA_SL', 10], ['LUA_DT', 0]])).has('LUA_NS')).toBe(false)
  })
})
