import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { IndicatorResult, PlanResults } from '../../src/shared/api'
import type { Commune, Indicator, Period, Plan, ValueData } from '../../src/shared/model'
import { monthPeriods, phasePeriods, quarterPeriods, yearPeriod } from '../../src/shared/periods'
import { computeResults, vietnamDate, ytdKind, type ResultsInput, type ResultsUnit, type ResultsValue } from '../../src/shared/results'

const commune: Commune = { code: 'xa-thu', name: 'Xã Thử', kind: 'xa', district: 'Huyện Mẫu', province: 'Tỉnh Mẫu' }
const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })
const yes = (achieved: boolean): ValueData => ({ kind: 'yes_no', achieved })

const ind = (over: Partial<Indicator> & Pick<Indicator, 'code' | 'aggregation'>): Indicator => ({
  name: over.code,
  field: 'KT',
  unitOfMeasure: 'tấn',
  proportion: true,
  reporters: { kinds: ['thon'], units: [] },
  ...over,
})

const INDICATORS: Indicator[] = [
  ind({ code: 'LUA_DT', aggregation: 'flow', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 200 }, unitTargets: { T1: { kind: 'at_least', value: 80 }, T2: { kind: 'at_least', value: 120 } } }),
  ind({ code: 'LUA_SL', aggregation: 'flow', target: { kind: 'at_least', value: 1300 } }),
  ind({ code: 'LUA_NS', aggregation: 'stock', unitOfMeasure: 'tạ/ha', formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived' } }),
  ind({ code: 'BHYT', aggregation: 'rate', scale: 100, unitOfMeasure: '%', target: { kind: 'rate_at_least', value: 95 } }),
  ind({ code: 'DAN_SO', aggregation: 'stock', unitOfMeasure: 'người', target: { kind: 'range', min: 900, max: 1000 } }),
  ind({ code: 'CHAY', aggregation: 'flow', unitOfMeasure: 'vụ', target: { kind: 'at_most', value: 2, strict: false } }),
  ind({ code: 'ANTT', aggregation: 'yes_no', unitOfMeasure: 'đạt/không đạt', target: { kind: 'yes_no' }, reporters: { kinds: ['thon'], units: ['CA'] } }),
  ind({ code: 'NN', aggregation: 'flow', unitOfMeasure: 'tỷ đồng' }),
  ind({ code: 'DV', aggregation: 'flow', unitOfMeasure: 'tỷ đồng' }),
  ind({ code: 'CO_CAU', aggregation: 'flow', unitOfMeasure: 'tỷ đồng', children: ['NN', 'DV'], target: { kind: 'shares', parts: [{ indicator: 'NN', percent: 40 }, { indicator: 'DV', percent: 60 }], tolerance: 1 } }),
  ind({ code: 'GTSX', aggregation: 'flow', unitOfMeasure: 'tỷ đồng', target: { kind: 'growth', percent: 10, baseYear: 2023 } }),
]

const plan = (indicators = INDICATORS): Plan => ({
  year: 2024,
  title: 'Kế hoạch thi đua năm 2024',
  movements: [],
  phases: [{ code: 'DOT1', name: 'Đợt 1', from: '2024-01-01', to: '2024-06-30' }],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators,
  rules: [],
})

const UNITS: ResultsUnit[] = [
  { code: 'T1', name: 'Thôn 1', kind: 'thon', active: true },
  { code: 'T2', name: 'Thôn 2', kind: 'thon', active: true },
  { code: 'CA', name: 'Công an', kind: 'cong_an', active: true },
]
const PERIODS: Period[] = [...quarterPeriods(2024), ...phasePeriods(2024, plan().phases), yearPeriod(2024)]
const Q = (n: number): Period => PERIODS.find((p) => p.code === `2024-Q${n}`)!

const v = (unit: string, period: string, indicator: string, data: ValueData): ResultsValue => ({ unit, period, indicator, data })

/** Two villages, two quarters. */
const VALUES: ResultsValue[] = [
  v('T1', '2024-Q1', 'LUA_DT', num(80)),
  v('T1', '2024-Q1', 'LUA_SL', num(400)),
  v('T1', '2024-Q2', 'LUA_SL', num(120)),
  v('T2', '2024-Q1', 'LUA_DT', num(100)),
  v('T2', '2024-Q1', 'LUA_SL', num(500)),
  v('T2', '2024-Q2', 'LUA_SL', num(230)),
  v('T1', '2024-Q1', 'BHYT', ratio(45, 50)),
  v('T2', '2024-Q1', 'BHYT', ratio(90, 100)),
  v('T1', '2024-Q2', 'BHYT', ratio(48, 50)),
  v('T1', '2024-Q1', 'DAN_SO', num(500)),
  v('T1', '2024-Q2', 'DAN_SO', num(510)),
  v('T2', '2024-Q2', 'DAN_SO', num(460)),
  v('T1', '2024-Q1', 'CHAY', num(1)),
  v('T2', '2024-Q2', 'CHAY', num(1)),
  v('T1', '2024-Q2', 'ANTT', yes(true)),
  v('T2', '2024-Q2', 'ANTT', yes(true)),
  v('T1', '2024-Q2', 'NN', num(40)),
  v('T2', '2024-Q2', 'DV', num(60)),
  // Phase figures are another kind: they never add to the quarters.
  v('T1', '2024-DOT1', 'LUA_SL', num(9999)),
]

const input = (over: Partial<ResultsInput> = {}): ResultsInput => ({
  commune,
  plan: plan(),
  units: UNITS,
  periods: PERIODS,
  values: VALUES,
  asOf: Q(2),
  basis: 'approved',
  now: new Date('2024-07-10T00:00:00Z'),
  ...over,
})
const of = (r: PlanResults, code: string): IndicatorResult => r.indicators.find((i) => i.code === code)!

describe('computeResults', () => {
  const atQ2 = computeResults(input())
  const atYearEnd = computeResults(input({ asOf: Q(4) }))

  it('accumulates a flow over the quarters and sums it across units, ignoring other period kinds', () => {
    expect(of(atQ2, 'LUA_SL')).toMatchObject({ actual: 1250, reportedUnits: 2, expectedUnits: 2, status: 'not_yet', onPace: true, expectedToDate: 650 })
    expect(of(atQ2, 'LUA_SL').trend).toEqual([
      { period: '2024-Q1', to: '2024-03-31', actual: 900 },
      { period: '2024-Q2', to: '2024-06-30', actual: 1250 },
    ])
    expect(atQ2.trendPeriods.map((p) => p.code)).toEqual(['2024-Q1', '2024-Q2'])
    expect(atQ2.yearFraction).toBe(0.5)
  })

  it('rolls a rate up as Σnumerator ÷ Σdenominator of each unit’s latest figure', () => {
    // T1 latest 48/50, T2 latest (Q1) 90/100: 138/150 = 92 %, not the mean of 96 % and 90 % (93 %).
    expect(of(atQ2, 'BHYT')).toMatchObject({ actual: 92, numerator: 138, denominator: 150, status: 'not_yet' })
    expect(of(atQ2, 'BHYT').trend.map((t) => t.actual)).toEqual([(135 / 150) * 100, 92])
  })

  it('sums each unit’s latest level for a stock', () => {
    expect(of(atQ2, 'DAN_SO')).toMatchObject({ actual: 970, status: 'achieved' })
  })

  it('judges vượt / đạt / chưa đạt / không đạt at mid-year and at the year’s end', () => {
    const statuses = (r: PlanResults) => Object.fromEntries(r.indicators.map((i) => [i.code, i.status]))
    expect(statuses(atQ2)).toEqual({
      LUA_DT: 'not_yet', // 180 of 200 ha
      LUA_SL: 'not_yet', // 1 250 of 1 300 t
      LUA_NS: 'exceeded', // 1 250 × 10 ÷ 180 = 69,4 against the derived 1 300 × 10 ÷ 200 = 65
      BHYT: 'not_yet',
      DAN_SO: 'achieved',
      CHAY: 'achieved',
      ANTT: 'not_yet',
      NN: 'no_data',
      DV: 'no_data',
      CO_CAU: 'achieved',
      GTSX: 'no_data',
    } satisfies Record<string, string>)
    expect(statuses(atYearEnd)).toMatchObject({ LUA_DT: 'failed', LUA_SL: 'failed', LUA_NS: 'exceeded', BHYT: 'failed', DAN_SO: 'achieved', ANTT: 'failed' })
    expect(atQ2.counts).toEqual({ exceeded: 1, achieved: 3, not_yet: 4, failed: 0, no_data: 3, no_baseline: 0 })
    expect(atYearEnd.yearFraction).toBe(1)
  })

  it('computes a yield from the commune’s summed output and area, never summing yields', () => {
    const ns = of(atQ2, 'LUA_NS')
    expect(ns.computed).toBe(true)
    expect(ns.actual).toBeCloseTo((1250 * 10) / 180, 9)
    // Unit yields from each unit's own figures; no verdict: the output has no unit targets, so
    // the derived target is the commune's, and a stock's commune target is not each unit's.
    expect(ns.byUnit.map((u) => [u.unit, u.actual, u.status, u.target])).toEqual([
      ['T1', 65, null, null],
      ['T2', 73, null, null],
    ])
  })

  it('judges a unit’s yield against the target worked out from the unit’s own input targets', () => {
    const indicators = INDICATORS.map((i) => (i.code === 'LUA_SL' ? { ...i, unitTargets: { T1: { kind: 'at_least' as const, value: 560 }, T2: { kind: 'at_least' as const, value: 720 } } } : i))
    const r = computeResults(input({ plan: plan(indicators) }))
    // T1: 560 × 10 ÷ 80 = 70 tạ/ha, does 65; T2: 720 × 10 ÷ 120 = 60, does 73.
    expect(of(r, 'LUA_NS').byUnit.map((u) => [u.unit, u.status, u.target])).toEqual([
      ['T1', 'not_yet', 'own'],
      ['T2', 'exceeded', 'own'],
    ])
  })

  it('exceeds once the figure passes the target', () => {
    const more = computeResults(input({ values: [...VALUES, v('T2', '2024-Q2', 'LUA_DT', num(30))] }))
    // 210 ha ≥ 200: above the single-figure target is exceeded.
    expect(of(more, 'LUA_DT').status).toBe('exceeded')
    expect(of(more, 'LUA_NS').actual).toBeCloseTo((1250 * 10) / 210, 9)
  })

  it('achieves a yes/no target only when every reporting unit answered yes', () => {
    // The police (a named reporter) has not answered: not achieved yet.
    expect(of(atQ2, 'ANTT')).toMatchObject({ actual: 0, achieved: false, achievedUnits: 2, reportedUnits: 2, expectedUnits: 3, status: 'not_yet' })
    const all = computeResults(input({ values: [...VALUES, v('CA', '2024-Q2', 'ANTT', yes(true))] }))
    expect(of(all, 'ANTT')).toMatchObject({ actual: 1, achieved: true, achievedUnits: 3, status: 'achieved' })
    const one = computeResults(input({ values: [...VALUES, v('CA', '2024-Q2', 'ANTT', yes(false))] }))
    expect(of(one, 'ANTT')).toMatchObject({ actual: 0, achieved: false, achievedUnits: 2, status: 'not_yet' })
    // Đạt / không đạt is asked of every unit: the commune's target is each unit's.
    expect(of(one, 'ANTT').byUnit.map((u) => [u.unit, u.status, u.target])).toEqual([
      ['T1', 'achieved', 'commune'],
      ['T2', 'achieved', 'commune'],
      ['CA', 'not_yet', 'commune'],
    ])
  })

  it('judges each unit against its own target when the plan gives one', () => {
    expect(of(atQ2, 'LUA_DT').byUnit).toEqual([
      { unit: 'T1', unitName: 'Thôn 1', actual: 80, status: 'achieved', target: 'own', progress: 1 },
      { unit: 'T2', unitName: 'Thôn 2', actual: 100, status: 'not_yet', target: 'own', progress: expect.closeTo(100 / 120, 9) },
    ])
  })

  it('judges each unit’s rate against the commune’s rate target, a level every unit must reach', () => {
    // 95 % insured: T1 has 48/50 = 96 %, T2 90/100 = 90 %.
    expect(of(atQ2, 'BHYT').byUnit).toEqual([
      { unit: 'T1', unitName: 'Thôn 1', actual: 96, numerator: 48, denominator: 50, status: 'exceeded', target: 'commune', progress: expect.closeTo(96 / 95, 9) },
      { unit: 'T2', unitName: 'Thôn 2', actual: 90, numerator: 90, denominator: 100, status: 'not_yet', target: 'commune', progress: expect.closeTo(90 / 95, 9) },
    ])
    expect(of(atYearEnd, 'BHYT').byUnit.map((u) => [u.unit, u.status, u.target])).toEqual([
      ['T1', 'exceeded', 'commune'],
      ['T2', 'failed', 'commune'],
    ])
  })

  it('gives no verdict to a unit without a target of its own when the commune’s target is a total or a growth', () => {
    const r = computeResults(input({ values: [...VALUES, v('T1', '2024-Q1', 'GTSX', num(12))] }))
    // 1 300 t is the commune's total: T1's 520 t against it would say “chưa đạt” while the commune is on pace.
    expect(of(r, 'LUA_SL').byUnit).toEqual([
      { unit: 'T1', unitName: 'Thôn 1', actual: 520, status: null, target: null },
      { unit: 'T2', unitName: 'Thôn 2', actual: 730, status: null, target: null },
    ])
    for (const code of ['DAN_SO', 'CHAY', 'GTSX', 'NN']) {
      expect(of(r, code).byUnit.map((u) => [u.unit, u.status, u.target]), code).toEqual([
        ['T1', null, null],
        ['T2', null, null],
      ])
    }
    // The commune itself is still judged.
    expect(of(r, 'LUA_SL').status).toBe('not_yet')
  })

  it('judges shares from the parts’ actuals', () => {
    const co = of(atQ2, 'CO_CAU')
    expect(co.actual).toBe(100)
    expect(co.shares).toEqual([
      { indicator: 'NN', percent: 40, target: 40, within: true },
      { indicator: 'DV', percent: 60, target: 60, within: true },
    ])
  })

  it('says a growth target without its base value has no baseline', () => {
    const r = computeResults(input({ values: [...VALUES, v('T1', '2024-Q1', 'GTSX', num(12))] }))
    expect(of(r, 'GTSX')).toMatchObject({ actual: 12, status: 'no_baseline', targetText: 'tăng 10% so với năm 2023' })
  })

  it('runs to the end of a phase, and to everything entered when no period has ended', () => {
    const phase = computeResults(input({ asOf: PERIODS.find((p) => p.code === '2024-DOT1')! }))
    expect(phase.asOf).toEqual({ period: '2024-DOT1', kind: 'phase', from: '2024-01-01', to: '2024-06-30' })
    expect(of(phase, 'LUA_SL').actual).toBe(1250)
    const early = computeResults(input({ asOf: null, now: new Date('2024-02-10T00:00:00Z'), values: VALUES.filter((x) => x.period === '2024-Q1') }))
    expect(early.asOf).toBeNull()
    expect(of(early, 'LUA_SL').actual).toBe(900)
    expect(early.trendPeriods.map((p) => p.code)).toEqual(['2024-Q1'])
    expect(early.yearFraction).toBeCloseTo((1 + 10 / 29) / 12, 9)
  })

  it('builds the year to date from months when the commune reports monthly', () => {
    const periods = [...quarterPeriods(2024), ...monthPeriods(2024)]
    expect(ytdKind(periods)).toBe('quarter')
    expect(ytdKind(periods, ['2024-M01'])).toBe('month')
    const r = computeResults(input({ periods, asOf: periods.find((p) => p.code === '2024-M02')!, values: [v('T1', '2024-M01', 'LUA_SL', num(10)), v('T1', '2024-M02', 'LUA_SL', num(15)), v('T1', '2024-M03', 'LUA_SL', num(99))] }))
    expect(of(r, 'LUA_SL').actual).toBe(25)
    expect(r.trendPeriods.map((p) => p.code)).toEqual(['2024-M01', '2024-M02'])
  })

  it('counts a closed unit’s figures, but expects only active units', () => {
    const units = [...UNITS, { code: 'T3', name: 'Thôn 3 (đã sáp nhập)', kind: 'thon', active: false }]
    const r = computeResults(input({ units, values: [...VALUES, v('T3', '2024-Q1', 'LUA_SL', num(50))] }))
    expect(of(r, 'LUA_SL')).toMatchObject({ actual: 1300, expectedUnits: 2, reportedUnits: 2 })
    expect(of(r, 'LUA_SL').byUnit.map((u) => u.unit)).toEqual(['T1', 'T2', 'T3'])
    expect(of(r, 'LUA_DT').byUnit.map((u) => u.unit)).toEqual(['T1', 'T2'])
  })

  it('carries the plan’s header and the Vietnamese target wording', () => {
    expect(atQ2).toMatchObject({ commune, year: 2024, planTitle: 'Kế hoạch thi đua năm 2024', basis: 'approved', generatedAt: '2024-07-10T00:00:00.000Z' })
    expect(of(atQ2, 'BHYT').targetText).toBe('đạt 95% trở lên')
    expect(of(atQ2, 'NN').targetText).toBe('')
  })

  it('property: a rate across units is Σnumerator ÷ Σdenominator, whatever the order of the values', () => {
    const unitArb = fc.array(
      fc.tuple(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true })).map(([den, share]) => ({ numerator: Math.floor(den * share), denominator: den })),
      { minLength: 1, maxLength: 12 },
    )
    fc.assert(
      fc.property(unitArb, fc.boolean(), (figures, reverse) => {
        const units: ResultsUnit[] = figures.map((_, i) => ({ code: `U${i}`, name: `Thôn ${i}`, kind: 'thon', active: true }))
        let values = figures.map((f, i) => v(`U${i}`, '2024-Q1', 'BHYT', ratio(f.numerator, f.denominator)))
        if (reverse) values = values.reverse()
        const r = computeResults(input({ units, values, asOf: Q(1) }))
        const n = figures.reduce((s, f) => s + f.numerator, 0)
        const d = figures.reduce((s, f) => s + f.denominator, 0)
        const bhyt = of(r, 'BHYT')
        expect(bhyt.numerator).toBe(n)
        expect(bhyt.denominator).toBe(d)
        expect(bhyt.actual).toBeCloseTo((n / d) * 100, 9)
        expect(bhyt.reportedUnits).toBe(figures.length)
      }),
      { numRuns: 200 },
    )
  })

  it('property: a flow’s year to date is the sum of every quarter up to the date, across units', () => {
    const cells = fc.array(fc.record({ unit: fc.constantFrom('T1', 'T2'), quarter: fc.integer({ min: 1, max: 4 }), value: fc.integer({ min: 0, max: 1_000_000 }) }), { maxLength: 8 })
    fc.assert(
      fc.property(cells, fc.integer({ min: 1, max: 4 }), (raw, upTo) => {
        // One figure per unit and quarter.
        const unique = [...new Map(raw.map((c) => [`${c.unit}${c.quarter}`, c])).values()]
        const values = unique.map((c) => v(c.unit, `2024-Q${c.quarter}`, 'LUA_SL', num(c.value)))
        const r = computeResults(input({ values, asOf: Q(upTo) }))
        const expected = unique.filter((c) => c.quarter <= upTo).reduce((s, c) => s + c.value, 0)
        expect(of(r, 'LUA_SL').actual).toBe(unique.some((c) => c.quarter <= upTo) ? expected : null)
        // The trend never goes down for a flow of non-negative figures.
        const trend = of(r, 'LUA_SL').trend.map((t) => t.actual ?? 0)
        expect(trend).toEqual([...trend].sort((a, b) => a - b))
      }),
      { numRuns: 200 },
    )
  })
})

describe('vietnamDate', () => {
  it('is the calendar day in UTC+7', () => {
    expect(vietnamDate(new Date('2024-04-05T16:59:59Z'))).toBe('2024-04-05')
    expect(vietnamDate(new Date('2024-04-05T17:00:00Z'))).toBe('2024-04-06')
  })
})
