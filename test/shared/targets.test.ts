import { describe, expect, it } from 'vitest'
import { evaluateTarget, unitTargetOf, yearFractionAt, yearFractionOf, type EvaluationContext } from '../../src/shared/targets'
import * as v from 'valibot'
import { describeTarget } from '../../src/shared/describe'
import { PhaseSchema, TargetSchema, type Target } from '../../src/shared/model'
import { phasePeriods, phaseState, quarterPeriods, shiftPhase } from '../../src/shared/periods'

const yearEnd = (aggregation: EvaluationContext['aggregation']): EvaluationContext => ({ aggregation, yearFraction: 1 })
const midYear = (aggregation: EvaluationContext['aggregation']): EvaluationContext => ({ aggregation, yearFraction: 0.5 })

describe('year fraction', () => {
  it('is month-based so that quarters are exact quarters', () => {
    expect(quarterPeriods(2024).map(yearFractionOf)).toEqual([0.25, 0.5, 0.75, 1])
    expect(yearFractionAt(2023, '2023-02-28')).toBeCloseTo(2 / 12)
    expect(yearFractionAt(2023, '2022-12-31')).toBe(0)
    expect(yearFractionAt(2023, '2024-01-05')).toBe(1)
  })
})

describe('at least N: "Tổng thu ngân sách đạt 11.327.811.000 đồng", "việc làm mới cho 270 người"', () => {
  const budget: Target = { kind: 'at_least', value: 11_327_811_000 }
  it('is achieved exactly at the target and exceeded above it', () => {
    expect(evaluateTarget(budget, { value: 11_327_811_000 }, yearEnd('flow')).status).toBe('achieved')
    expect(evaluateTarget(budget, { value: 11_500_000_000 }, yearEnd('flow')).status).toBe('exceeded')
  })
  it('is failed at year end and not yet mid-year when short', () => {
    expect(evaluateTarget(budget, { value: 9e9 }, yearEnd('flow')).status).toBe('failed')
    expect(evaluateTarget(budget, { value: 9e9 }, midYear('flow')).status).toBe('not_yet')
  })
  it('judges a flow on pace against the share of the year gone by', () => {
    const jobs: Target = { kind: 'at_least', value: 270 }
    const q2 = evaluateTarget(jobs, { value: 140 }, midYear('flow'))
    expect(q2).toMatchObject({ status: 'not_yet', onPace: true, expectedToDate: 135 })
    expect(q2.progress).toBeCloseTo(140 / 270)
    expect(evaluateTarget(jobs, { value: 120 }, midYear('flow')).onPace).toBe(false)
  })
  it('judges a stock against the full target at any point of the year', () => {
    const pupils: Target = { kind: 'at_least', value: 435 }
    expect(evaluateTarget(pupils, { value: 300 }, midYear('stock'))).toMatchObject({ onPace: false })
    expect(evaluateTarget(pupils, { value: 435 }, midYear('stock'))).toMatchObject({ status: 'achieved', onPace: true })
  })
  it('has no verdict without a figure', () => {
    expect(evaluateTarget(budget, {}, yearEnd('flow'))).toEqual({ status: 'no_data', progress: null, onPace: null })
  })
})

describe('rate at least: "Tỷ lệ dân số tham gia BHYT đạt 95%"', () => {
  const bhyt: Target = { kind: 'rate_at_least', value: 95 }
  it('takes the rate as it stands, without pacing', () => {
    expect(evaluateTarget(bhyt, { value: 95.4 }, midYear('rate'))).toMatchObject({ status: 'exceeded', onPace: true })
    expect(evaluateTarget(bhyt, { value: 94.99 }, midYear('rate'))).toMatchObject({ status: 'not_yet', onPace: false })
    expect(evaluateTarget(bhyt, { value: 95 }, yearEnd('rate')).status).toBe('achieved')
  })
})

describe('at most: "suy dinh dưỡng dưới 5,6%" (strict), "bằng hoặc dưới 6%" (not strict)', () => {
  const below: Target = { kind: 'at_most', value: 5.6, strict: true }
  const atMost: Target = { kind: 'at_most', value: 6, strict: false }
  it('treats "dưới 5,6%" as strictly below: 5,6% itself is not achieved', () => {
    expect(evaluateTarget(below, { value: 5.6 }, yearEnd('rate')).status).toBe('failed')
    expect(evaluateTarget(below, { value: 5.59 }, yearEnd('rate')).status).toBe('achieved')
    expect(evaluateTarget(below, { value: 5.8 }, midYear('rate')).status).toBe('not_yet')
  })
  it('treats "bằng hoặc dưới 6%" as inclusive', () => {
    expect(evaluateTarget(atMost, { value: 6 }, yearEnd('rate')).status).toBe('achieved')
    expect(evaluateTarget(atMost, { value: 6.01 }, yearEnd('rate')).status).toBe('failed')
  })
  it('says "chưa đạt", off pace, while the year runs for a flow past its cap, and "không đạt" once it is over', () => {
    const accidents: Target = { kind: 'at_most', value: 3, strict: false }
    expect(evaluateTarget(accidents, { value: 4 }, midYear('flow'))).toMatchObject({ status: 'not_yet', onPace: false })
    expect(evaluateTarget(accidents, { value: 4 }, yearEnd('flow')).status).toBe('failed')
    expect(evaluateTarget(accidents, { value: 2 }, midYear('flow'))).toMatchObject({ status: 'achieved', onPace: false, expectedToDate: 1.5 })
  })
  it('handles "tăng dân số tự nhiên dưới 7,9‰" in per mille like any rate', () => {
    expect(evaluateTarget({ kind: 'at_most', value: 7.9, strict: true }, { value: 7.2 }, yearEnd('rate')).status).toBe('achieved')
  })
})

describe('range: "Gia đình văn hóa đạt 90 - 95%"', () => {
  const culture: Target = { kind: 'range', min: 90, max: 95 }
  it.each([
    [89.9, 'failed'],
    [90, 'achieved'],
    [93, 'achieved'],
    [95, 'achieved'],
    [96, 'exceeded'],
  ] as const)('%s%% is %s at year end', (value, status) => {
    expect(evaluateTarget(culture, { value }, yearEnd('rate')).status).toBe(status)
  })
})

describe('reduce by N: "Số hộ nghèo giảm trong năm 01 hộ", "tỷ lệ hộ nghèo giảm từ 0,2 – 0,5%"', () => {
  it('measures the reduction from the level at the start of the year', () => {
    const poor: Target = { kind: 'reduce_by', amount: 1, baseline: 12 }
    expect(evaluateTarget(poor, { value: 11 }, yearEnd('stock'))).toMatchObject({ status: 'achieved', reduction: 1 })
    expect(evaluateTarget(poor, { value: 9 }, yearEnd('stock'))).toMatchObject({ status: 'exceeded', reduction: 3 })
    expect(evaluateTarget(poor, { value: 12 }, yearEnd('stock'))).toMatchObject({ status: 'failed', reduction: 0 })
    expect(evaluateTarget(poor, { value: 13 }, midYear('stock')).status).toBe('not_yet')
  })
  it('reads a reduction range in percentage points', () => {
    const rate: Target = { kind: 'reduce_by', amount: 0.2, max: 0.5, baseline: 1.2 }
    expect(evaluateTarget(rate, { value: 0.9 }, yearEnd('rate')).status).toBe('achieved')
    expect(evaluateTarget(rate, { value: 0.6 }, yearEnd('rate')).status).toBe('exceeded')
    expect(evaluateTarget(rate, { value: 1.1 }, yearEnd('rate')).status).toBe('failed')
  })
  it('paces the reduction through the year', () => {
    const poor: Target = { kind: 'reduce_by', amount: 4, baseline: 40 }
    expect(evaluateTarget(poor, { value: 38 }, midYear('stock'))).toMatchObject({ onPace: true, expectedToDate: 2 })
    expect(evaluateTarget(poor, { value: 39 }, midYear('stock')).onPace).toBe(false)
  })
  it('asks for the baseline instead of guessing one', () => {
    expect(evaluateTarget({ kind: 'reduce_by', amount: 1 }, { value: 3 }, yearEnd('stock')).status).toBe('no_baseline')
  })
})

describe('growth vs a base year: "Giá trị sản xuất tăng 10% so với năm 2022"', () => {
  const gtsx: Target = { kind: 'growth', percent: 10, baseYear: 2022, baseValue: 500_000 }
  it('compares with the base year grown by the percentage', () => {
    const done = evaluateTarget(gtsx, { value: 550_000 }, yearEnd('flow'))
    expect(done.status).toBe('achieved')
    expect(done.growthPercent).toBeCloseTo(10)
    expect(evaluateTarget(gtsx, { value: 540_000 }, yearEnd('flow')).status).toBe('failed')
    expect(evaluateTarget(gtsx, { value: 560_000 }, yearEnd('flow')).status).toBe('exceeded')
  })
  it('reads "nông nghiệp tăng 5-7%" as a range of growth', () => {
    const nn: Target = { kind: 'growth', percent: 5, maxPercent: 7, baseYear: 2022, baseValue: 100 }
    expect(evaluateTarget(nn, { value: 106 }, yearEnd('flow')).status).toBe('achieved')
    expect(evaluateTarget(nn, { value: 107.5 }, yearEnd('flow')).status).toBe('exceeded')
    expect(evaluateTarget(nn, { value: 104 }, yearEnd('flow')).status).toBe('failed')
  })
  it('paces a flow growth target: half the grown base at mid-year', () => {
    expect(evaluateTarget(gtsx, { value: 280_000 }, midYear('flow'))).toMatchObject({ status: 'not_yet', onPace: true, expectedToDate: 275_000 })
  })
  it('needs the base year figure', () => {
    expect(evaluateTarget({ kind: 'growth', percent: 10, baseYear: 2022 }, { value: 1 }, yearEnd('flow')).status).toBe('no_baseline')
  })
})

describe('shares of a whole: "Nông nghiệp 38,5%, công nghiệp – xây dựng 29,4%, thương mại – dịch vụ 32,1%"', () => {
  const structure: Target = {
    kind: 'shares',
    parts: [
      { indicator: 'GTSX_NN', percent: 38.5 },
      { indicator: 'GTSX_CN', percent: 29.4 },
      { indicator: 'GTSX_TM', percent: 32.1 },
    ],
    tolerance: 1,
  }
  it('computes each share of the total and checks it within the tolerance', () => {
    const parts = new Map([
      ['GTSX_NN', 385],
      ['GTSX_CN', 300],
      ['GTSX_TM', 315],
    ])
    const e = evaluateTarget(structure, { parts }, yearEnd('flow'))
    expect(e.status).toBe('achieved')
    expect(e.shares?.map((s) => s.percent)).toEqual([38.5, 30, 31.5])
    expect(e.shares?.reduce((s, p) => s + p.percent, 0)).toBeCloseTo(100)
  })
  it('is not achieved when one share drifts beyond the tolerance', () => {
    const parts = new Map([
      ['GTSX_NN', 400],
      ['GTSX_CN', 285],
      ['GTSX_TM', 315],
    ])
    const e = evaluateTarget(structure, { parts }, yearEnd('flow'))
    expect(e.status).toBe('failed')
    expect(e.shares?.map((s) => s.within)).toEqual([false, true, true])
    expect(e.progress).toBeCloseTo(2 / 3)
  })
  it('has no verdict while a part is missing', () => {
    expect(evaluateTarget(structure, { parts: new Map([['GTSX_NN', 1]]) }, yearEnd('flow')).status).toBe('no_data')
  })
})

describe('derived: "Lúa: 229 ha, 65 tạ/ha, sản lượng 1.448,5 tấn"', () => {
  it('uses the stated figure when the plan gives one', () => {
    expect(evaluateTarget({ kind: 'derived', value: 65 }, { value: 66 }, yearEnd('stock')).status).toBe('exceeded')
  })
  it('falls back to the target computed from the inputs', () => {
    const ctx = { ...yearEnd('stock'), derivedTarget: 1676.5 }
    expect(evaluateTarget({ kind: 'derived' }, { value: 1676.5 }, ctx).status).toBe('achieved')
    expect(evaluateTarget({ kind: 'derived' }, { value: 1676.5 }, yearEnd('stock')).status).toBe('no_data')
  })
})

describe('yes / achieved: "Giữ vững phường đạt tiêu chuẩn An toàn về an ninh trật tự"', () => {
  it('is achieved on yes, not yet during the year and failed at its end on no', () => {
    expect(evaluateTarget({ kind: 'yes_no' }, { achieved: true }, midYear('yes_no'))).toMatchObject({ status: 'achieved', onPace: true, progress: 1 })
    expect(evaluateTarget({ kind: 'yes_no' }, { achieved: false }, midYear('yes_no')).status).toBe('not_yet')
    expect(evaluateTarget({ kind: 'yes_no' }, { achieved: false }, yearEnd('yes_no')).status).toBe('failed')
    expect(evaluateTarget({ kind: 'yes_no' }, {}, yearEnd('yes_no')).status).toBe('no_data')
  })
})

describe('strictly above: "trên 70%", "trên 200 người"', () => {
  const above70: Target = { kind: 'rate_at_least', value: 70, strict: true }
  const above200: Target = { kind: 'at_least', value: 200, strict: true }
  it('falls short at the figure itself and is met just above it', () => {
    expect(evaluateTarget(above70, { value: 70 }, yearEnd('rate')).status).toBe('failed')
    expect(evaluateTarget(above70, { value: 70.1 }, yearEnd('rate')).status).toBe('achieved')
    expect(evaluateTarget(above200, { value: 200 }, yearEnd('flow')).status).toBe('failed')
    expect(evaluateTarget(above200, { value: 201 }, yearEnd('flow')).status).toBe('achieved')
  })
  it('is not yet at mid-year, and judges the pace of a flow', () => {
    expect(evaluateTarget(above70, { value: 65 }, midYear('rate')).status).toBe('not_yet')
    expect(evaluateTarget(above200, { value: 120 }, midYear('flow'))).toMatchObject({ status: 'not_yet', onPace: true, expectedToDate: 100 })
  })
  it('leaves a target without the flag as it was: the figure itself is achieved', () => {
    expect(evaluateTarget({ kind: 'rate_at_least', value: 70 }, { value: 70 }, yearEnd('rate')).status).toBe('achieved')
  })
  it('says "trên" in words', () => {
    expect(describeTarget(above70, { unitOfMeasure: '%' })).toBe('trên 70%')
    expect(describeTarget(above200, { unitOfMeasure: 'người' })).toBe('trên 200 người')
  })
})

describe('relative reduction: "giảm 15% so với đầu năm"', () => {
  const crimes: Target = { kind: 'reduce_by', amount: 15, relative: true, baseline: 40 }
  it('is achieved when the level is at most baseline × (1 − 15%)', () => {
    expect(evaluateTarget(crimes, { value: 34 }, yearEnd('stock'))).toMatchObject({ status: 'achieved', reduction: 15 })
    expect(evaluateTarget(crimes, { value: 30 }, yearEnd('stock')).status).toBe('exceeded')
    expect(evaluateTarget(crimes, { value: 35 }, yearEnd('stock')).status).toBe('failed')
  })
  it('is not yet at mid-year, and on pace when half the reduction is done', () => {
    expect(evaluateTarget(crimes, { value: 37 }, midYear('stock'))).toMatchObject({ status: 'not_yet', onPace: true })
    expect(evaluateTarget(crimes, { value: 39 }, midYear('stock'))).toMatchObject({ status: 'not_yet', onPace: false })
  })
  it('asks for the start-of-year figure', () => {
    expect(evaluateTarget({ kind: 'reduce_by', amount: 15, relative: true }, { value: 3 }, yearEnd('stock')).status).toBe('no_baseline')
  })
  it('says it in words, and the point form of a rate in percentage points', () => {
    expect(describeTarget(crimes, { unitOfMeasure: 'vụ' })).toBe('giảm 15% so với đầu năm (40 vụ)')
    const points: Target = { kind: 'reduce_by', amount: 0.5, baseline: 3.2 }
    expect(describeTarget(points, { unitOfMeasure: '%' })).toBe('giảm 0,5 điểm phần trăm so với đầu năm (3,2%)')
    expect(evaluateTarget(points, { value: 2.7 }, yearEnd('rate')).status).toBe('achieved')
    expect(evaluateTarget(points, { value: 2.8 }, yearEnd('rate')).status).toBe('failed')
  })
  it('refuses a relative reduction over 100% or from a zero baseline', () => {
    expect(v.safeParse(TargetSchema, { kind: 'reduce_by', amount: 120, relative: true }).success).toBe(false)
    expect(v.safeParse(TargetSchema, { kind: 'reduce_by', amount: 10, relative: true, baseline: 0 }).success).toBe(false)
  })
})

describe('a special phase without dates (đợt thi đua đặc biệt)', () => {
  it('is accepted without dates only when special, and cannot close before it opens', () => {
    expect(v.safeParse(PhaseSchema, { code: 'DB', name: 'Đợt đặc biệt', special: true }).success).toBe(true)
    expect(v.safeParse(PhaseSchema, { code: 'DB', name: 'Đợt thường' }).success).toBe(false)
    expect(v.safeParse(PhaseSchema, { code: 'DB', name: 'Đợt', special: true, to: '2026-05-01' }).success).toBe(false)
    expect(v.safeParse(PhaseSchema, { code: 'DB', name: 'Đợt', special: true, from: '2026-05-02', to: '2026-05-01' }).success).toBe(false)
  })
  it('has no period until opened, runs to the year end while open, and ends when closed', () => {
    const phase = { code: 'LU', name: 'Đợt khắc phục lũ', special: true }
    expect(phasePeriods(2026, [phase])).toEqual([])
    expect(phaseState(phase)).toBe('not_opened')
    const open = { ...phase, from: '2026-09-10' }
    expect(phaseState(open)).toBe('open')
    expect(phasePeriods(2026, [open])[0]).toMatchObject({ code: '2026-LU', from: '2026-09-10', to: '2026-12-31' })
    const closed = { ...open, to: '2026-10-20' }
    expect(phaseState(closed)).toBe('closed')
    expect(phasePeriods(2026, [closed])[0]).toMatchObject({ from: '2026-09-10', to: '2026-10-20', deadline: '2026-10-25' })
  })
  it('starts a copied year not opened, while a dated phase moves with the year', () => {
    expect(shiftPhase({ code: 'LU', name: 'Lũ', special: true, from: '2025-09-10', to: '2025-10-01' }, 1)).toEqual({ code: 'LU', name: 'Lũ', special: true })
    expect(shiftPhase({ code: 'D1', name: 'Đợt 1', from: '2024-02-29', to: '2024-06-30' }, 1)).toEqual({ code: 'D1', name: 'Đợt 1', from: '2025-02-28', to: '2025-06-30' })
  })
})

describe('starting figures (số gốc): the commune’s in the target, each unit’s in baselines', () => {
  const base = { aggregation: 'flow' as const, unitTargets: {} as Record<string, Target> }
  it('judges a growth per unit from the unit’s own base-year figure', () => {
    const ind = { ...base, target: { kind: 'growth', percent: 10, baseYear: 2022, baseValue: 1000 } as Target, baselines: { T1: 200 } }
    const t1 = unitTargetOf(ind, 'T1')
    expect(t1).toEqual({ target: { kind: 'growth', percent: 10, baseYear: 2022, baseValue: 200 }, basis: 'commune' })
    expect(evaluateTarget(t1!.target, { value: 220 }, yearEnd('flow')).status).toBe('achieved')
    expect(evaluateTarget(t1!.target, { value: 210 }, yearEnd('flow')).status).toBe('failed')
    expect(evaluateTarget(t1!.target, { value: 120 }, midYear('flow')).status).toBe('not_yet')
    expect(unitTargetOf(ind, 'T2')).toBeNull()
  })
  it('judges a relative reduction per unit, but not an amount the commune must cut', () => {
    const relative = { ...base, aggregation: 'stock' as const, target: { kind: 'reduce_by', amount: 10, relative: true } as Target, baselines: { T1: 40 } }
    expect(evaluateTarget(unitTargetOf(relative, 'T1')!.target, { value: 36 }, yearEnd('stock')).status).toBe('achieved')
    const amount = { ...relative, target: { kind: 'reduce_by', amount: 5, baseline: 70 } as Target }
    expect(unitTargetOf(amount, 'T1')).toBeNull()
  })
  it('gives a unit’s own reduction its starting figure from baselines when the target states none', () => {
    const ind = { ...base, aggregation: 'stock' as const, target: undefined, unitTargets: { T1: { kind: 'reduce_by', amount: 2 } as Target }, baselines: { T1: 12 } }
    const t1 = unitTargetOf(ind, 'T1')!
    expect(t1).toEqual({ target: { kind: 'reduce_by', amount: 2, baseline: 12 }, basis: 'own' })
    expect(evaluateTarget(t1.target, { value: 10 }, yearEnd('stock')).status).toBe('achieved')
    expect(evaluateTarget(t1.target, { value: 11 }, midYear('stock')).status).toBe('not_yet')
  })
})
