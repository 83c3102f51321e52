import { describe, expect, it } from 'vitest'
import type { Indicator, Plan, Unit } from '../../../src/shared/model'
import { applyBaselines, baselineRows, measuredFromStart } from '../../../src/client/officer/plan/baselines/baselines'

const units: Unit[] = [
  { code: 'T1', name: 'Thôn 1', kind: 'thon' },
  { code: 'T2', name: 'Thôn 2', kind: 'thon' },
  { code: 'CA', name: 'Công an', kind: 'cong_an' },
]
const poor: Indicator = {
  code: 'HO_NGHEO',
  name: 'Số hộ nghèo',
  field: 'KT',
  unitOfMeasure: 'hộ',
  aggregation: 'stock',
  proportion: true,
  target: { kind: 'reduce_by', amount: 10, relative: true, baseline: 70 },
  reporters: { kinds: ['thon'], units: [] },
  unitTargets: { T2: { kind: 'reduce_by', amount: 2, baseline: 31 } },
}
const output: Indicator = { ...poor, code: 'GTSX', name: 'Giá trị sản xuất', unitOfMeasure: 'tỷ đồng', aggregation: 'flow', target: { kind: 'growth', percent: 10, baseYear: 2022 }, unitTargets: {} }
const plain: Indicator = { ...poor, code: 'LUA', target: { kind: 'at_least', value: 5 }, unitTargets: {} }
const plan: Plan = { year: 2024, title: 'KH', movements: [], phases: [], rules: [], fields: [{ code: 'KT', name: 'Kinh tế' }], indicators: [poor, output, plain] }

describe('starting figures in the plan screen', () => {
  it('lists the indicators measured from a starting figure, with the commune then each reporting unit', () => {
    expect(measuredFromStart(plan).map((i) => i.code)).toEqual(['HO_NGHEO', 'GTSX'])
    const rows = baselineRows(poor, units, { indicator: 'HO_NGHEO', kind: 'start', fromYear: 2023, commune: 71, units: { T1: 40 } })
    expect(rows).toEqual([
      { text: '70', suggested: 71 },
      { unit: { code: 'T1', name: 'Thôn 1' }, text: '', suggested: 40 },
      { unit: { code: 'T2', name: 'Thôn 2' }, text: '31' },
    ])
  })

  it('saves the commune’s figure in the target and each unit’s in baselines, out of the unit’s own target', () => {
    const rows = baselineRows(poor, units)
    rows[0]!.text = '72'
    rows[1]!.text = '40'
    rows[2]!.text = '30'
    const r = applyBaselines(plan, 'HO_NGHEO', rows)
    expect(r.ok).toBe(true)
    const saved = r.ok ? r.plan.indicators[0]! : undefined
    expect(saved?.target).toEqual({ kind: 'reduce_by', amount: 10, relative: true, baseline: 72 })
    expect(saved?.baselines).toEqual({ T1: 40, T2: 30 })
    expect(saved?.unitTargets).toEqual({ T2: { kind: 'reduce_by', amount: 2 } })
  })

  it('reads vi-VN numbers, refuses an ambiguous one and a base-year figure of 0, and clears an emptied box', () => {
    const rows = baselineRows(output, units)
    rows[0]!.text = '1.448,5'
    rows[1]!.text = '13,345'
    rows[2]!.text = '0'
    const r = applyBaselines(plan, 'GTSX', rows)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(Object.keys(r.errors).sort()).toEqual(['T1', 'T2'])
      expect(r.errors.T2).toBe('Giá trị năm gốc phải lớn hơn 0.')
    }
    rows[1]!.text = '13,3'
    rows[2]!.text = ''
    const ok = applyBaselines(plan, 'GTSX', rows)
    expect(ok.ok && ok.plan.indicators[1]).toMatchObject({ target: { kind: 'growth', baseValue: 1448.5 }, baselines: { T1: 13.3 } })
  })
})
