import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { issueMessage, PlanSchema, ValueDataSchema, type Plan } from '../../src/shared/model'
import { agreesWith, checkOutlier, checkRelations, checkValue, decimalsOf, targetFigures, validatePlan } from '../../src/shared/validation'

const rice = { field: 'KT', aggregation: 'flow', reporters: { kinds: ['to_dan_pho'] } } as const

/** The food lines of the Trương Quang Trọng 2022 plan, as written. */
function truongQuangTrongFood(): Plan {
  return v.parse(PlanSchema, {
    year: 2022,
    title: 'Kế hoạch phát động phong trào thi đua năm 2022',
    fields: [{ code: 'KT', name: 'Kinh tế' }],
    indicators: [
      { ...rice, code: 'LT_SL', name: 'Tổng sản lượng lương thực', unitOfMeasure: 'tấn', children: ['LUA_SL', 'NGO_SL'], target: { kind: 'derived', value: 1676.5 } },
      { ...rice, code: 'LUA_DT', name: 'Diện tích lúa', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 229 } },
      { ...rice, code: 'LUA_SL', name: 'Sản lượng lúa', unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 1448.5 } },
      { ...rice, code: 'LUA_NS', name: 'Năng suất lúa', unitOfMeasure: 'tạ/ha', aggregation: 'stock', formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived', value: 65 } },
      { ...rice, code: 'NGO_DT', name: 'Diện tích ngô', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 40 } },
      { ...rice, code: 'NGO_SL', name: 'Sản lượng ngô', unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 228 } },
      { ...rice, code: 'NGO_NS', name: 'Năng suất ngô', unitOfMeasure: 'tạ/ha', aggregation: 'stock', formula: 'NGO_SL * 10 / NGO_DT', target: { kind: 'derived', value: 57 } },
      { ...rice, code: 'LAC_DT', name: 'Diện tích lạc', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 10 } },
      { ...rice, code: 'LAC_SL', name: 'Sản lượng lạc', unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 22.1 } },
      { ...rice, code: 'LAC_NS', name: 'Năng suất lạc', unitOfMeasure: 'tạ/ha', aggregation: 'stock', formula: 'LAC_SL * 10 / LAC_DT', target: { kind: 'derived', value: 22.1 } },
      { ...rice, code: 'NS_THU_HUONG', name: 'Phần thu phường hưởng', unitOfMeasure: 'đồng', target: { kind: 'at_least', value: 7_925_641_000 } },
      { ...rice, code: 'NS_CHI', name: 'Tổng chi ngân sách phường', unitOfMeasure: 'đồng', target: { kind: 'at_most', value: 7_925_641_000, strict: false } },
    ],
    rules: [{ code: 'NS_CAN_DOI', left: 'NS_THU_HUONG', right: 'NS_CHI', message: 'Phần thu phường hưởng phải bằng tổng chi ngân sách phường' }],
  })
}

describe('the Trương Quang Trọng 2022 food lines', () => {
  it('flags the rice line: 229 ha × 65 tạ/ha ÷ 10 is 1.488,5 t, not the 1.448,5 t the plan states', () => {
    const issues = validatePlan(truongQuangTrongFood())
    expect(issues).toHaveLength(1)
    const [rule] = issues
    expect(rule).toMatchObject({ code: 'derived_mismatch', severity: 'error', actual: 65 })
    expect(rule!.refs).toEqual(['LUA_NS', 'LUA_SL', 'LUA_DT'])
    // The yield that 1.448,5 t on 229 ha gives is 63,25 tạ/ha, not 65.
    expect(rule!.expected).toBeCloseTo(63.2533, 4)
    expect(rule!.message).toContain('Năng suất lúa')
    expect(rule!.message).toContain('65')
    expect(rule!.message).toContain('Sản lượng lúa (1.448,5) × 10 ÷ Diện tích lúa (229) = 63,2533')
    // In the plan's own form: output = area × yield ÷ 10.
    expect((229 * 65) / 10).toBe(1488.5)
  })

  it('holds lương thực = lúa + ngô at 1.676,5 t', () => {
    const plan = truongQuangTrongFood()
    const figures = targetFigures(plan)
    expect(figures.get('LUA_SL')! + figures.get('NGO_SL')!).toBe(1676.5)
    const issues = checkRelations(plan.indicators, plan.rules, figures, 'target')
    expect(issues.filter((i) => i.refs.includes('LT_SL'))).toEqual([])
  })

  it('flags lương thực when it no longer adds up', () => {
    const plan = truongQuangTrongFood()
    const figures = targetFigures(plan)
    figures.set('LT_SL', 1700)
    const issues = checkRelations(plan.indicators, plan.rules, figures, 'target')
    expect(issues.find((i) => i.code === 'children_sum')).toMatchObject({ refs: ['LT_SL', 'LUA_SL', 'NGO_SL'], expected: 1676.5, actual: 1700 })
  })

  it('checks the declared equality of retained revenue and spending, on targets and on results', () => {
    const plan = truongQuangTrongFood()
    expect(checkRelations(plan.indicators, plan.rules, targetFigures(plan), 'target').filter((i) => i.code === 'equality')).toEqual([])
    const results = new Map([
      ['NS_THU_HUONG', 7_925_641_000],
      ['NS_CHI', 7_925_642_000],
    ])
    const [issue] = checkRelations(plan.indicators, plan.rules, results, 'value')
    expect(issue).toMatchObject({ code: 'equality', refs: ['NS_CAN_DOI'] })
    expect(issue!.message).toContain('7.925.641.000 ≠ 7.925.642.000')
  })
})

describe('plan structure', () => {
  const base = truongQuangTrongFood()
  const withIndicators = (extra: object[]): Plan => ({ ...base, indicators: [...base.indicators, ...(extra as Plan['indicators'])] })

  it('catches duplicate codes, unknown fields and references, bad formulas and cycles', () => {
    const codes = (plan: Plan): string[] => validatePlan(plan).map((i) => i.code)
    expect(codes(withIndicators([{ ...base.indicators[1]! }]))).toContain('duplicate_code')
    expect(codes(withIndicators([{ ...rice, code: 'X', name: 'X', unitOfMeasure: 'ha', field: 'NOPE' }]))).toContain('unknown_field')
    expect(codes(withIndicators([{ ...rice, code: 'X', name: 'X', unitOfMeasure: 'ha', children: ['NOPE'] }]))).toContain('unknown_indicator')
    expect(codes(withIndicators([{ ...rice, code: 'X', name: 'X', unitOfMeasure: 'ha', formula: 'LUA_SL *' }]))).toEqual(['formula_syntax'])
    expect(
      codes(
        withIndicators([
          { ...rice, code: 'A', name: 'A', unitOfMeasure: 'ha', formula: 'B + 1' },
          { ...rice, code: 'B', name: 'B', unitOfMeasure: 'ha', formula: 'A + 1' },
        ]),
      ),
    ).toEqual(['cycle', 'cycle'])
  })

  it('refuses a target kind that does not fit how the indicator aggregates', () => {
    const issues = validatePlan(withIndicators([{ ...rice, code: 'X', name: 'X', unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'yes_no' } }]))
    expect(issues.map((i) => i.code)).toContain('target_mismatch')
    const noScale = validatePlan(withIndicators([{ ...rice, code: 'Y', name: 'Y', unitOfMeasure: '%', aggregation: 'rate', target: { kind: 'rate_at_least', value: 95 } }]))
    expect(noScale.map((i) => i.message).join()).toContain('hệ số')
  })

  it('requires economic-structure shares to sum to 100%', () => {
    const parts = (a: number, b: number, c: number): object => ({
      ...rice,
      code: 'CCKT',
      name: 'Cơ cấu kinh tế',
      unitOfMeasure: 'triệu đồng',
      children: ['LUA_SL', 'NGO_SL', 'LAC_SL'],
      target: { kind: 'shares', tolerance: 1, parts: [{ indicator: 'LUA_SL', percent: a }, { indicator: 'NGO_SL', percent: b }, { indicator: 'LAC_SL', percent: c }] },
    })
    expect(validatePlan(withIndicators([parts(38.5, 29.4, 32.1)])).filter((i) => i.code === 'shares_sum')).toEqual([])
    const [bad] = validatePlan(withIndicators([parts(38.5, 29.4, 31.1)])).filter((i) => i.code === 'shares_sum')
    expect(bad).toMatchObject({ actual: 99 })
    expect(bad!.message).toContain('99%')
  })

  it('flags a "trong đó" part larger than its whole', () => {
    const plan = withIndicators([
      { ...rice, code: 'VL', name: 'Việc làm mới', unitOfMeasure: 'người', target: { kind: 'at_least', value: 270 } },
      { ...rice, code: 'XKLD', name: 'Xuất khẩu lao động', unitOfMeasure: 'người', partOf: 'VL', target: { kind: 'at_least', value: 4 } },
    ])
    expect(validatePlan(plan).filter((i) => i.code === 'part_exceeds_whole')).toEqual([])
    const figures = new Map([
      ['VL', 3],
      ['XKLD', 4],
    ])
    expect(checkRelations(plan.indicators, plan.rules, figures, 'value')[0]).toMatchObject({ code: 'part_exceeds_whole', refs: ['XKLD', 'VL'] })
  })

  it('checks units named in assignments when the unit list is given', () => {
    const plan = withIndicators([{ ...rice, code: 'X', name: 'X', unitOfMeasure: 'ha', reporters: { units: ['CA'] }, unitTargets: { TDP09: { kind: 'at_least', value: 1 } } }])
    expect(validatePlan(plan, [{ code: 'CA', name: 'Công an phường', kind: 'cong_an' }]).filter((i) => i.code === 'unknown_unit')).toHaveLength(1)
  })
})

describe('stated against computed figures', () => {
  it.each([
    [1448.5, 1488.5, false],
    [22.1, (10 * 22.1) / 10, true],
    [72.2, (12.3 * 58.7) / 10, true],
    [72.3, (12.3 * 58.7) / 10, false],
    [228, 228.4, true],
    [228, 228.6, false],
    [7_925_641_000, 7_925_641_000, true],
  ])('%s against %s agrees: %s', (stated, computed, ok) => {
    expect(agreesWith(stated, computed)).toBe(ok)
  })
  it('reads the precision of a stated figure', () => {
    expect([decimalsOf(228), decimalsOf(1448.5), decimalsOf(0.34), decimalsOf(22.125)]).toEqual([0, 1, 2, 3])
  })
})

describe('one cell', () => {
  const bhyt = { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', aggregation: 'rate', proportion: true } as const
  it('keeps a proportion’s numerator within its denominator', () => {
    expect(checkValue(bhyt, { kind: 'ratio', numerator: 950, denominator: 1000 })).toEqual([])
    expect(checkValue(bhyt, { kind: 'ratio', numerator: 1001, denominator: 1000 })[0]).toMatchObject({ code: 'ratio_bounds' })
    expect(checkValue(bhyt, { kind: 'ratio', numerator: 1, denominator: 0 })[0]).toMatchObject({ code: 'ratio_bounds' })
    expect(checkValue(bhyt, { kind: 'ratio', numerator: -1, denominator: 1000 })[0]).toMatchObject({ code: 'ratio_bounds' })
    expect(checkValue(bhyt, { kind: 'number', value: 95 })[0]).toMatchObject({ code: 'value_kind' })
  })
  it('lets a quotient that is not a proportion leave those bounds', () => {
    // Income per person (triệu đồng ÷ người) and natural population growth (births − deaths may be < 0).
    const income = { code: 'TN_BQ', name: 'Thu nhập bình quân', aggregation: 'rate', proportion: false } as const
    expect(checkValue(income, { kind: 'ratio', numerator: 224_000, denominator: 4000 })).toEqual([])
    expect(checkValue(income, { kind: 'ratio', numerator: -3, denominator: 4000 })).toEqual([])
  })
  it('refuses non-finite, huge and malformed cells in the schema itself', () => {
    const bad = [
      { kind: 'number', value: Number.NaN },
      { kind: 'number', value: Number.POSITIVE_INFINITY },
      { kind: 'number', value: 1e16 },
      { kind: 'number', value: '12' },
      { kind: 'ratio', numerator: 0, denominator: 0 },
      { kind: 'ratio', numerator: 1, denominator: -4 },
      { kind: 'ratio', numerator: Number.NaN, denominator: 4 },
      { kind: 'yes_no', achieved: 'yes' },
      { kind: 'percent', value: 95 },
    ]
    for (const cell of bad) expect(v.safeParse(ValueDataSchema, cell).success, JSON.stringify(cell)).toBe(false)
    expect(v.safeParse(ValueDataSchema, { kind: 'ratio', numerator: 0, denominator: 4 }).success).toBe(true)
  })
})

describe('history outliers', () => {
  const ind = { code: 'BO', name: 'Số con bò' }
  it('warns, and asks for a note, when a figure is far from the unit’s own history', () => {
    const high = checkOutlier(ind, 5000, [480, 500, 520])
    expect(high).toMatchObject({ code: 'outlier', severity: 'warning', expected: 500, actual: 5000 })
    expect(high!.message).toContain('cao gấp 10 lần')
    expect(high!.message).toContain('ghi chú')
    expect(checkOutlier(ind, 100, [480, 500, 520])!.message).toContain('chỉ bằng 20%')
  })
  it('stays quiet within the usual range, or without enough history', () => {
    expect(checkOutlier(ind, 900, [480, 500, 520])).toBeUndefined()
    expect(checkOutlier(ind, 5000, [500])).toBeUndefined()
    expect(checkOutlier(ind, 5000, [0, 0, 0])).toBeUndefined()
  })
})

describe('schema messages', () => {
  it('are Vietnamese, including valibot’s own defaults', () => {
    const r = v.safeParse(ValueDataSchema, { kind: 'number', value: '12' })
    expect(r.success).toBe(false)
    if (!r.success) expect(issueMessage(r.issues[0]!)).toBe('sai kiểu dữ liệu: cần number, nhận "12"')
    const own = v.safeParse(ValueDataSchema, { kind: 'ratio', numerator: 1, denominator: 0 })
    if (!own.success) expect(issueMessage(own.issues[0]!)).toBe('mẫu số phải lớn hơn 0')
  })
})
