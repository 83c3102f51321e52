// Plausibility beyond the unit's own history (issue 11, item 4): a brand-new unit's first figure
// is judged against the commune's target, the other units and its previous stock figure. Every
// check is a warning; none refuses.
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import {
  checkAboveCommuneTarget,
  checkAgainstPeers,
  checkComputedFigure,
  checkStockJump,
  communeWholeFigure,
  plausibilityWarnings,
  PEER_FACTOR,
} from '../../src/shared/validation'

const base = { field: 'KT', proportion: true, reporters: { kinds: ['to_dan_pho'], units: [] } } satisfies Partial<Indicator>
const LUA_DT: Indicator = { ...base, code: 'LUA_DT', name: 'Diện tích lúa', unitOfMeasure: 'ha', aggregation: 'flow', target: { kind: 'at_least', value: 229 } }
const LUA_SL: Indicator = { ...base, code: 'LUA_SL', name: 'Sản lượng lúa', unitOfMeasure: 'tấn', aggregation: 'flow', target: { kind: 'at_least', value: 1448.5 } }
const LUA_NS: Indicator = { ...base, code: 'LUA_NS', name: 'Năng suất lúa', unitOfMeasure: 'tạ/ha', aggregation: 'stock', formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived', value: 65 } }
const TRAU: Indicator = { ...base, code: 'TRAU', name: 'Tổng đàn trâu', unitOfMeasure: 'con', aggregation: 'stock', target: { kind: 'at_least', value: 900 } }
const names = new Map([LUA_DT, LUA_SL, LUA_NS].map((i) => [i.code, i.name]))
const nameOf = (c: string) => names.get(c) ?? c

describe('the 99.999 t of rice a new group typed', () => {
  // 99.999 tấn on 45 ha: 22.222 tạ/ha against a target of 65, with no history to compare.
  const figures = new Map([
    ['LUA_SL', 99999],
    ['LUA_DT', 45],
    ['LUA_NS', (99999 * 10) / 45],
  ])

  it('is above the commune’s whole-year target for a single unit', () => {
    const w = checkAboveCommuneTarget(LUA_SL, 99999)
    expect(w).toMatchObject({ code: 'above_commune_target', severity: 'warning', refs: ['LUA_SL'], expected: 1448.5, actual: 99999 })
    expect(w!.message).toBe('“Sản lượng lúa”: 99.999 tấn của một đơn vị đã vượt chỉ tiêu cả năm của toàn xã (1.448,5 tấn). Vui lòng kiểm tra lại hoặc ghi chú lý do.')
  })

  it('gives a yield far from its target', () => {
    const w = checkComputedFigure(LUA_NS, figures, { nameOf })
    expect(w).toMatchObject({ code: 'computed_off_target', severity: 'warning', refs: ['LUA_NS', 'LUA_SL', 'LUA_DT'], expected: 65 })
    expect(w!.actual).toBeCloseTo(22222, 0)
    expect(w!.message).toContain('“Năng suất lúa” tính ra 22.222 tạ/ha')
    expect(w!.message).toContain('Sản lượng lúa (99.999) × 10 ÷ Diện tích lúa (45)')
    expect(w!.message).toContain('gấp 341,9 lần chỉ tiêu (65 tạ/ha)')
  })

  it('is far from the other groups’ figures', () => {
    const w = checkAgainstPeers(LUA_SL, 99999, [310, 280, 295, 330])
    expect(w).toMatchObject({ code: 'far_from_peers', severity: 'warning', expected: 302.5, actual: 99999 })
    expect(w!.message).toBe('“Sản lượng lúa”: 99.999 tấn gấp 330,6 lần mức giữa của 4 đơn vị cùng loại trong kỳ này (302,5 tấn). Vui lòng kiểm tra lại hoặc ghi chú lý do.')
  })

  it('is flagged with no history at all, and only warned about', () => {
    const ws = plausibilityWarnings(LUA_SL, 99999, {})
    expect(ws.map((w) => w.code)).toEqual(['above_commune_target'])
    expect(ws.every((w) => w.severity === 'warning')).toBe(true)
    // A plausible first figure passes.
    expect(plausibilityWarnings(LUA_SL, 300, { peers: [310, 280, 295] })).toEqual([])
    expect(checkComputedFigure(LUA_NS, new Map([['LUA_SL', 300], ['LUA_DT', 45]]))).toBeUndefined()
  })
})

describe('the commune’s whole-year figure', () => {
  it('is the total of an at-least or range target, a reduce-by baseline, a growth target’s level', () => {
    expect(communeWholeFigure(LUA_SL)).toBe(1448.5)
    expect(communeWholeFigure({ ...LUA_SL, target: { kind: 'range', min: 250, max: 300 } })).toBe(300)
    expect(communeWholeFigure({ ...TRAU, target: { kind: 'reduce_by', amount: 1, baseline: 40 } })).toBe(40)
    expect(communeWholeFigure({ ...LUA_SL, target: { kind: 'growth', percent: 10, baseYear: 2022, baseValue: 1000 } })).toBeCloseTo(1100)
  })

  it('is none for a rate, a yield, a cap, or a target with no figure', () => {
    expect(communeWholeFigure({ ...LUA_SL, aggregation: 'rate', target: { kind: 'rate_at_least', value: 95 } })).toBeUndefined()
    expect(communeWholeFigure(LUA_NS)).toBeUndefined()
    expect(communeWholeFigure({ ...LUA_SL, target: { kind: 'at_most', value: 5, strict: true } })).toBeUndefined()
    expect(communeWholeFigure({ ...TRAU, target: { kind: 'reduce_by', amount: 1 } })).toBeUndefined()
    expect(communeWholeFigure({ ...LUA_SL, target: { kind: 'growth', percent: 10, baseYear: 2022 } })).toBeUndefined()
  })

  it('does not apply to the one unit that reports an indicator alone (its figure is the commune’s)', () => {
    const alone = { ...LUA_SL, reporters: { kinds: [], units: ['UBND'] } }
    expect(checkAboveCommuneTarget(alone, 2000)).toBeUndefined()
    expect(checkAboveCommuneTarget(LUA_SL, 2000, 1)).toBeUndefined()
    expect(checkAboveCommuneTarget(LUA_SL, 2000, 7)).toBeDefined()
    expect(checkAboveCommuneTarget(LUA_SL, 1448.5)).toBeUndefined()
  })
})

describe('the other units', () => {
  it('needs at least three other units with a figure', () => {
    expect(checkAgainstPeers(LUA_SL, 5000, [300, 310])).toBeUndefined()
    expect(checkAgainstPeers(LUA_SL, 5000, [300, 310, 290])).toBeDefined()
  })

  it(`warns beyond ${PEER_FACTOR} times above or below the median, not within`, () => {
    const peers = [100, 120, 80]
    expect(checkAgainstPeers(LUA_SL, 500, peers)).toBeUndefined()
    expect(checkAgainstPeers(LUA_SL, 20, peers)).toBeUndefined()
    expect(checkAgainstPeers(LUA_SL, 501, peers)).toBeDefined()
    expect(checkAgainstPeers(LUA_SL, 10, peers)!.message).toContain('10 tấn chỉ bằng 10% mức giữa của 3 đơn vị cùng loại')
  })

  it('leaves a zero alone, and a median of zero', () => {
    expect(checkAgainstPeers(LUA_SL, 0, [100, 120, 80])).toBeUndefined()
    expect(checkAgainstPeers(LUA_SL, 50, [0, 0, 0])).toBeUndefined()
  })
})

describe('a computed figure', () => {
  it('is judged only when it is a level (a yield), not a total computed from a unit’s share', () => {
    const output: Indicator = { ...LUA_SL, code: 'SL', formula: 'LUA_DT * LUA_NS / 10', target: { kind: 'derived', value: 1448.5 } }
    expect(checkComputedFigure(output, new Map([['LUA_DT', 10], ['LUA_NS', 60]]))).toBeUndefined()
    const sum: Indicator = { ...LUA_SL, code: 'LT', formula: undefined, children: ['LUA_SL', 'NGO_SL'], target: { kind: 'derived', value: 1676.5 } }
    expect(checkComputedFigure(sum, new Map([['LUA_SL', 10], ['NGO_SL', 1]]))).toBeUndefined()
  })

  it('uses the inputs’ targets when a derived target states no figure', () => {
    const ns = { ...LUA_NS, target: { kind: 'derived' as const } }
    const figures = new Map([['LUA_SL', 10], ['LUA_DT', 45]])
    expect(checkComputedFigure(ns, figures)).toBeUndefined()
    const w = checkComputedFigure(ns, figures, { inputTargets: new Map([['LUA_SL', 1488.5], ['LUA_DT', 229]]) })
    expect(w).toMatchObject({ expected: 65 })
    expect(w!.message).toContain('chỉ bằng 3,4% chỉ tiêu (65 tạ/ha)')
  })

  it('is skipped while an input is missing or the area is zero', () => {
    expect(checkComputedFigure(LUA_NS, new Map([['LUA_SL', 300]]))).toBeUndefined()
    expect(checkComputedFigure(LUA_NS, new Map([['LUA_SL', 300], ['LUA_DT', 0]]))).toBeUndefined()
  })
})

describe('a stock between periods', () => {
  it('warns when it moves more than three times up or down, or falls to zero', () => {
    expect(checkStockJump(TRAU, 1500, 500)).toBeUndefined()
    expect(checkStockJump(TRAU, 200, 500)).toBeUndefined()
    expect(checkStockJump(TRAU, 5000, 500)!.message).toBe('“Tổng đàn trâu”: 5.000 con gấp 10 lần kỳ trước (500 con). Vui lòng kiểm tra lại hoặc ghi chú lý do.')
    expect(checkStockJump(TRAU, 20, 500)!.message).toContain('20 con giảm còn 4% kỳ trước (500 con)')
    expect(checkStockJump(TRAU, 0, 500)!.message).toContain('0 con giảm về 0 so với kỳ trước')
  })

  it('needs a previous figure, and applies to stocks only', () => {
    expect(checkStockJump(TRAU, 5000, undefined)).toBeUndefined()
    expect(checkStockJump(TRAU, 5000, 0)).toBeUndefined()
    expect(checkStockJump(LUA_SL, 5000, 500)).toBeUndefined()
    expect(plausibilityWarnings(TRAU, 5000, { previous: 500, history: [500] }).map((w) => w.code)).toEqual(['above_commune_target', 'stock_jump'])
  })
})
