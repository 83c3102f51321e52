import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as v from 'valibot'
import type { IndicatorResult, PlanResults, UnitResult } from '../../src/shared/api'
import { issueMessage, PlanSchema, ScoringSchema, type Commune, type Indicator, type Period, type Plan, type Scoring, type ValueData } from '../../src/shared/model'
import { quarterPeriods, yearPeriod } from '../../src/shared/periods'
import { computeResults, type ResultsUnit, type ResultsValue } from '../../src/shared/results'
import { computeRanking, scoringIssues, type ReportCounts } from '../../src/shared/scoring'
import type { TargetStatus } from '../../src/shared/targets'

const commune: Commune = { code: 'xa-thu', name: 'Xã Thử', kind: 'xa', district: 'Huyện Mẫu', province: 'Tỉnh Mẫu' }
const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })
const yes = (achieved: boolean): ValueData => ({ kind: 'yes_no', achieved })

const UNITS: ResultsUnit[] = [
  { code: 'T1', name: 'Thôn 1', kind: 'thon', active: true },
  { code: 'T2', name: 'Thôn 2', kind: 'thon', active: true },
  { code: 'T3', name: 'Thôn Ấp Bắc', kind: 'thon', active: true },
  { code: 'T4', name: 'Thôn An Hòa', kind: 'thon', active: true },
]
const CODES = UNITS.map((u) => u.code)

const ind = (over: Partial<Indicator> & Pick<Indicator, 'code' | 'aggregation'>): Indicator => ({
  name: over.code,
  field: 'KT',
  unitOfMeasure: 'ha',
  proportion: true,
  reporters: { kinds: ['thon'], units: [] },
  ...over,
})

const INDICATORS: Indicator[] = [
  // Each village has its own 100 ha (a flow's commune target says nothing of one village).
  ind({ code: 'LUA', aggregation: 'flow', target: { kind: 'at_least', value: 400 }, unitTargets: Object.fromEntries(CODES.map((c) => [c, { kind: 'at_least', value: 100 }])) }),
  ind({ code: 'BHYT', aggregation: 'rate', scale: 100, unitOfMeasure: '%', target: { kind: 'range', min: 90, max: 95 } }),
  ind({ code: 'ANTT', aggregation: 'yes_no', unitOfMeasure: 'đạt/không đạt', target: { kind: 'yes_no' } }),
  // A total without unit targets: no village is judged on it.
  ind({ code: 'THU', aggregation: 'flow', unitOfMeasure: 'triệu đồng', target: { kind: 'at_least', value: 1000 } }),
]

const TABLE: Scoring = {
  total: 100,
  indicators: [
    { indicator: 'LUA', points: 40 },
    { indicator: 'BHYT', points: 30 },
    { indicator: 'ANTT', points: 10 },
    { indicator: 'THU', points: 10 },
  ],
  partial: true,
  bonus: { perExceeded: 3, max: 5 },
  deductions: { perLate: 1, perReturned: 2, max: 6 },
  criteria: [{ code: 'CHE_DO_BC', name: 'Chấp hành chế độ báo cáo', max: 10 }],
}

const plan = (scoring: Scoring | undefined = TABLE): Plan => ({
  year: 2024,
  title: 'Kế hoạch thi đua năm 2024',
  movements: [],
  phases: [],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators: INDICATORS,
  rules: [],
  ...(scoring ? { scoring } : {}),
})

const PERIODS: Period[] = [...quarterPeriods(2024), yearPeriod(2024)]
const Q2 = PERIODS.find((p) => p.code === '2024-Q2')!

interface Figures {
  lua: number
  insured: number
  antt: boolean
}

function resultsOf(figures: Readonly<Record<string, Figures>>): PlanResults {
  const values: ResultsValue[] = []
  for (const [unit, f] of Object.entries(figures)) {
    values.push({ unit, period: '2024-Q1', indicator: 'LUA', data: num(f.lua) })
    values.push({ unit, period: '2024-Q1', indicator: 'BHYT', data: ratio(f.insured, 100) })
    values.push({ unit, period: '2024-Q1', indicator: 'ANTT', data: yes(f.antt) })
  }
  return computeResults({ commune, plan: plan(), units: UNITS, periods: PERIODS, values, asOf: Q2, basis: 'all', now: new Date('2024-07-10T03:00:00Z') })
}

const FIGURES: Record<string, Figures> = {
  T1: { lua: 120, insured: 96, antt: true }, // all achieved, two exceeded
  T2: { lua: 50, insured: 90, antt: true }, // half the rice
  T3: { lua: 100, insured: 80, antt: false },
  T4: { lua: 100, insured: 80, antt: false }, // as T3: the tie-break decides
}

describe('the scoring table (bảng điểm thi đua)', () => {
  const parse = (s: unknown) => v.safeParse(ScoringSchema, s)

  it('accepts a table whose parts add up to its declared total', () => {
    expect(parse(TABLE).success).toBe(true)
    expect(v.safeParse(PlanSchema, plan()).success).toBe(true)
    expect(v.safeParse(PlanSchema, plan(undefined)).success).toBe(true)
  })

  it('refuses, in Vietnamese, points that do not add up as declared', () => {
    const r = parse({ ...TABLE, total: 95 })
    expect(r.success).toBe(false)
    expect(r.issues!.map(issueMessage)).toEqual(['tổng điểm khai báo là 95 nhưng các phần cộng lại 100 (chỉ tiêu 90, tiêu chí chấm tay 10)'])
  })

  it('refuses negative points, an indicator scored twice and a criterion code used twice', () => {
    expect(parse({ ...TABLE, indicators: [{ indicator: 'LUA', points: -5 }, ...TABLE.indicators.slice(1)], total: 55 }).issues?.map(issueMessage)).toContain('điểm không được âm')
    expect(parse({ ...TABLE, indicators: [...TABLE.indicators, { indicator: 'LUA', points: 0 }] }).issues?.map(issueMessage)).toEqual(['bảng điểm có chỉ tiêu được chấm hai lần'])
    const twice = { ...TABLE, total: 110, criteria: [...TABLE.criteria, { code: 'CHE_DO_BC', name: 'Lần hai', max: 10 }] }
    expect(parse(twice).issues?.map(issueMessage)).toEqual(['mã tiêu chí chấm tay bị trùng'])
  })

  it('names an indicator the plan does not have', () => {
    expect(scoringIssues(plan())).toEqual([])
    const p = plan({ ...TABLE, indicators: [...TABLE.indicators.slice(0, 3), { indicator: 'KHONG_CO', points: 10 }] })
    expect(scoringIssues(p)).toEqual([
      { code: 'unknown_indicator', severity: 'error', refs: ['KHONG_CO'], message: 'Bảng điểm thi đua chấm chỉ tiêu không có trong kế hoạch “KHONG_CO”' },
    ])
  })
})

describe('computeRanking', () => {
  const reports: Record<string, ReportCounts> = { T2: { late: 1, returned: 0 }, T3: { late: 2, returned: 1 }, T4: { late: 1, returned: 0 } }
  const council = { T1: { CHE_DO_BC: 9 }, T2: { CHE_DO_BC: 10 }, T3: { CHE_DO_BC: 8 }, T4: { CHE_DO_BC: 6 } }
  const ranking = computeRanking({ results: resultsOf(FIGURES), scoring: TABLE, reports, council })
  const of = (unit: string) => ranking.units.find((u) => u.unit === unit)!

  it('gives all the points when achieved, a part by progress when short, a bonus for exceeding, and scales to the table', () => {
    // T1: judged on LUA, BHYT, ANTT (80 points; THU has no village target): all achieved → 80 × 90/80 = 90.
    expect(of('T1')).toMatchObject({ achieved: 3, exceeded: 2, indicatorPoints: 90, bonus: 5, deduction: 0, criteriaPoints: 9, total: 104 })
    expect(of('T1').indicators.map((i) => [i.indicator, i.status, i.earned])).toEqual([
      ['LUA', 'exceeded', 40],
      ['BHYT', 'exceeded', 30],
      ['ANTT', 'achieved', 10],
    ])
    // T2: rice at half → 20 of 40; 90 % is achieved (30); ANTT 10: 60 × 90/80 = 67,5; 1 late → −1.
    expect(of('T2')).toMatchObject({ indicatorPoints: 67.5, bonus: 0, deduction: 1, criteriaPoints: 10, total: 76.5 })
    // T3: 40 + 30 × 80/90 + 0 → 66,67 × 90/80 = 75; 2 late and 1 returned → −4.
    expect(of('T3')).toMatchObject({ indicatorPoints: 75, late: 2, returned: 1, deduction: 4, total: 79 })
    expect(ranking).toMatchObject({ total: 100, bonusMax: 5, maximum: 105 })
  })

  it('ranks by total, then by indicators achieved, late reports, returned ones, then name', () => {
    expect(ranking.units.map((u) => [u.rank, u.unit])).toEqual([
      [1, 'T1'],
      [2, 'T4'], // 75 − 1 + 6 = 80
      [3, 'T3'], // 75 − 4 + 8 = 79
      [4, 'T2'],
    ])
    // Equal totals and achievements: fewer late reports first, then fewer returned.
    const late = computeRanking({ results: resultsOf(FIGURES), scoring: { ...TABLE, deductions: { perLate: 0, perReturned: 0 } }, reports: { T3: { late: 1, returned: 0 }, T4: { late: 2, returned: 0 } }, council: {} })
    expect(late.units.map((u) => u.unit)).toEqual(['T1', 'T3', 'T4', 'T2'])
    const returned = computeRanking({ results: resultsOf(FIGURES), scoring: { ...TABLE, deductions: { perLate: 0, perReturned: 0 } }, reports: { T3: { late: 1, returned: 0 }, T4: { late: 1, returned: 2 } }, council: {} })
    expect(returned.units.map((u) => u.unit)).toEqual(['T1', 'T3', 'T4', 'T2'])
    // T3 and T4 equal in all but the name: “Thôn An Hòa” before “Thôn Ấp Bắc” in Vietnamese order.
    const tied = computeRanking({ results: resultsOf(FIGURES), scoring: TABLE, reports: {}, council: {} })
    expect(tied.units.map((u) => u.unit)).toEqual(['T1', 'T4', 'T3', 'T2'])
    expect(tied.units.find((u) => u.unit === 'T4')!.criteria).toEqual([{ code: 'CHE_DO_BC', name: 'Chấp hành chế độ báo cáo', max: 10, score: null }])
  })

  it('gives nothing short of the target when the table gives no partial points', () => {
    const strict = computeRanking({ results: resultsOf(FIGURES), scoring: { ...TABLE, partial: false }, reports: {}, council: {} })
    expect(strict.units.find((u) => u.unit === 'T2')!.indicatorPoints).toBe(45) // 40 of 80 → 45 of 90
  })

  it('keeps a council score within its criterion and a deduction within its cap', () => {
    const r = computeRanking({ results: resultsOf(FIGURES), scoring: TABLE, reports: { T1: { late: 10, returned: 10 } }, council: { T1: { CHE_DO_BC: 50 } } })
    expect(r.units.find((u) => u.unit === 'T1')).toMatchObject({ criteriaPoints: 10, deduction: 6, total: 99 })
  })
})

// ---------------------------------------------------------------------------
// Properties

const figuresArb = fc.record({ lua: fc.integer({ min: 0, max: 200 }), insured: fc.integer({ min: 0, max: 100 }), antt: fc.boolean() })
const allFigures = fc.record(Object.fromEntries(CODES.map((c) => [c, figuresArb])) as Record<string, fc.Arbitrary<Figures>>)
const countsArb = fc.record({ late: fc.integer({ min: 0, max: 4 }), returned: fc.integer({ min: 0, max: 3 }) })
const reportsArb = fc.record(Object.fromEntries(CODES.map((c) => [c, countsArb])) as Record<string, fc.Arbitrary<ReportCounts>>)
const councilArb = fc.record(Object.fromEntries(CODES.map((c) => [c, fc.record({ CHE_DO_BC: fc.integer({ min: 0, max: 10 }) })])) as Record<string, fc.Arbitrary<Record<string, number>>>)

/** A permutation of `xs` drawn from `keys` (fast-check shrinks it like any array of numbers). */
function permute<T>(xs: readonly T[], keys: readonly number[]): T[] {
  return xs.map((x, i) => ({ x, k: keys[i % Math.max(1, keys.length)] ?? 0, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((e) => e.x)
}

describe('ranking properties', () => {
  it('a unit that improves a figure never drops in rank, the other figures equal', () => {
    fc.assert(
      fc.property(
        allFigures,
        reportsArb,
        councilArb,
        fc.constantFrom(...CODES),
        fc.constantFrom<'lua' | 'insured' | 'antt'>('lua', 'insured', 'antt'),
        fc.integer({ min: 1, max: 150 }),
        fc.boolean(),
        (figures, reports, council, unit, which, delta, partial) => {
          const scoring = { ...TABLE, partial }
          const before = computeRanking({ results: resultsOf(figures), scoring, reports, council })
          const f = figures[unit]!
          const better: Figures = which === 'lua' ? { ...f, lua: f.lua + delta } : which === 'insured' ? { ...f, insured: Math.min(100, f.insured + delta) } : { ...f, antt: true }
          const after = computeRanking({ results: resultsOf({ ...figures, [unit]: better }), scoring, reports, council })
          const rank = (r: typeof before) => r.units.find((u) => u.unit === unit)!.rank
          const total = (r: typeof before) => r.units.find((u) => u.unit === unit)!.total
          expect(rank(after)).toBeLessThanOrEqual(rank(before))
          expect(total(after)).toBeGreaterThanOrEqual(total(before))
        },
      ),
      { numRuns: 150 },
    )
  })

  it('is deterministic and the same whatever order the units, indicators, reports and scores come in', () => {
    fc.assert(
      fc.property(allFigures, reportsArb, councilArb, fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), (figures, reports, council, keys) => {
        const results = resultsOf(figures)
        const base = computeRanking({ results, scoring: TABLE, reports, council })
        const shuffled: PlanResults = {
          ...results,
          indicators: permute(results.indicators, keys).map((i) => ({ ...i, byUnit: permute(i.byUnit, [...keys].reverse()) })),
        }
        const reorder = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(permute(Object.entries(o), keys))
        expect(computeRanking({ results: shuffled, scoring: TABLE, reports: reorder(reports), council: reorder(council) })).toEqual(base)
        expect(computeRanking({ results, scoring: TABLE, reports, council })).toEqual(base)
      }),
      { numRuns: 100 },
    )
  })

  const STATUS_ARB = fc.constantFrom<TargetStatus | null>('exceeded', 'achieved', 'not_yet', 'failed', 'no_data', 'no_baseline', null)

  it('never gives a total above the table’s maximum nor below 0, whatever the table and the results', () => {
    const tableArb = fc
      .record({
        points: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }),
        criteria: fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 3 }),
        bonus: fc.option(fc.record({ perExceeded: fc.integer({ min: 0, max: 10 }), max: fc.integer({ min: 0, max: 15 }) }), { nil: undefined }),
        deductions: fc.option(fc.record({ perLate: fc.integer({ min: 0, max: 10 }), perReturned: fc.integer({ min: 0, max: 10 }) }), { nil: undefined }),
        partial: fc.boolean(),
      })
      .map(({ points, criteria, bonus, deductions, partial }): Scoring => ({
        total: points.reduce((s, p) => s + p, 0) + criteria.reduce((s, p) => s + p, 0),
        indicators: points.map((p, i) => ({ indicator: `I${i}`, points: p })),
        criteria: criteria.map((max, i) => ({ code: `C${i}`, name: `Tiêu chí ${i}`, max })),
        partial,
        ...(bonus ? { bonus } : {}),
        ...(deductions ? { deductions } : {}),
      }))
    const cellArb = fc.record({ status: STATUS_ARB, progress: fc.option(fc.double({ min: -5, max: 5, noNaN: true }), { nil: null }) })
    fc.assert(
      fc.property(tableArb, fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 5, maxLength: 5 }), reportsArb, fc.dictionary(fc.constantFrom(...CODES.slice(0, 3)), fc.dictionary(fc.constantFrom('C0', 'C1', 'C2'), fc.double({ min: -50, max: 50, noNaN: true }))), (scoring, cells, reports, council) => {
        const indicators = cells.map(
          (row, i): IndicatorResult =>
            ({
              code: `I${i}`,
              name: `Chỉ tiêu ${i}`,
              byUnit: row.map((c, u): UnitResult => ({ unit: CODES[u]!, unitName: UNITS[u]!.name, actual: null, status: c.status, target: c.status === null ? null : 'own', progress: c.progress })),
            }) as IndicatorResult,
        )
        const results = { ...resultsOf({}), indicators }
        const r = computeRanking({ results, scoring, reports, council })
        expect(r.maximum).toBe(scoring.total + (scoring.bonus?.max ?? 0))
        for (const u of r.units) {
          expect(u.total).toBeLessThanOrEqual(r.maximum)
          expect(u.total).toBeGreaterThanOrEqual(0)
        }
        expect(r.units.map((u) => u.rank)).toEqual(r.units.map((_, i) => i + 1))
      }),
      { numRuns: 200 },
    )
  })
})
