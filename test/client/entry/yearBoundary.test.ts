import 'fake-indexeddb/auto'
// The entry sheet across the year boundary (issue 12, item 5): Q4 of the plan before is the
// previous period of Q1 only for an indicator that plan holds the same way (a copied plan). A code
// the earlier plan used for another measure shows no previous value, is not filled from it and is
// not judged against its figures; a year whose plan the phone does not hold brings no history.
import { afterEach, describe, expect, it } from 'vitest'
import { buildSheet, loadEntry, type EntryRow, type EntrySheet } from '../../../src/client/components/entry/sheet'
import type { CellRow, ThiDuaDb } from '../../../src/client/local/db'
import type { Indicator, Plan, ValueData } from '../../../src/shared/model'
import { quarterPeriods } from '../../../src/shared/periods'
import { C, freshDb } from '../local/testDb'

const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })

const thon = { kinds: ['thon' as const], units: [] }
const LUA_DT: Indicator = { code: 'LUA_DT', name: 'Diện tích lúa', field: 'KT', unitOfMeasure: 'ha', aggregation: 'flow', proportion: true, reporters: thon }
const LUA_SL: Indicator = { code: 'LUA_SL', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, reporters: thon }
const LUA_NS: Indicator = { code: 'LUA_NS', name: 'Năng suất lúa', field: 'KT', unitOfMeasure: 'tạ/ha', aggregation: 'stock', formula: 'LUA_SL * 10 / LUA_DT', proportion: true, reporters: thon }
const BHYT: Indicator = { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', field: 'KT', unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: true, reporters: thon }

const planOf = (year: number, indicators: Indicator[]): Plan => ({
  year,
  title: `Kế hoạch thi đua năm ${year}`,
  movements: [],
  phases: [],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators,
  rules: [],
})

/** 2026: "1.1" is the fish catch; LUA_* and BHYT as the year before, copied. */
const PLAN_2026 = planOf(2026, [LUA_DT, LUA_SL, LUA_NS, BHYT, { code: '1.1', name: 'Sản lượng cá', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, reporters: thon }])
/** 2025: "1.1" was the number of poor households (a stock); BHYT was counted in ‰; LUA_* the same, the unit spelt " Tấn ". */
const PLAN_2025 = planOf(2025, [
  LUA_DT,
  { ...LUA_SL, unitOfMeasure: ' Tấn ' },
  LUA_NS,
  { ...BHYT, unitOfMeasure: '‰', scale: 1000 },
  { code: '1.1', name: 'Số hộ nghèo', field: 'KT', unitOfMeasure: 'hộ', aggregation: 'stock', proportion: true, reporters: thon },
])

const cell = (period: string, indicator: string, value: ValueData): CellRow => ({
  commune: C,
  unit: 'T1',
  period,
  indicator,
  server: { value, note: null, version: 1, updatedBy: null, updatedAt: null },
  local: null,
})

let db: ThiDuaDb | undefined
afterEach(async () => {
  db?.close()
  await db?.delete()
  db = undefined
})

/** A phone holding the given plans, the quarters of 2024–2026, and the unit's figures. */
async function sheetOf(plans: Plan[], cells: CellRow[], period = '2026-Q1'): Promise<EntrySheet> {
  db = freshDb('year-boundary')
  await db.plans.bulkPut(plans.map((plan) => ({ commune: C, year: plan.year, version: 1, plan })))
  await db.units.put({ commune: C, code: 'T1', name: 'Thôn 1', kind: 'thon', active: true, version: 1 })
  await db.periods.bulkPut([2024, 2025, 2026].flatMap((y) => quarterPeriods(y).map((p) => ({ ...p, commune: C, version: 1 }))))
  await db.cells.bulkPut(cells)
  const sheet = buildSheet(await loadEntry(db, C, 'T1', period))
  if (!sheet) throw new Error('no sheet')
  return sheet
}

const rowOf = (s: EntrySheet, code: string): EntryRow => s.rows.find((r) => r.indicator.code === code)!
/** As EntryPage.vue decides what "Điền từ kỳ trước" fills. */
const prefillable = (s: EntrySheet): string[] => s.enterable.filter((r) => r.value === null && r.prev?.value && r.cell?.state !== 'conflict').map((r) => r.indicator.code)

const YEAR_2025: CellRow[] = [
  ...(
    [
      ['2025-Q1', 600, 500],
      ['2025-Q2', 700, 510],
      ['2025-Q3', 650, 520],
      ['2025-Q4', 680, 530],
    ] as const
  ).flatMap(([q, tonnes, households]) => [cell(q, 'LUA_SL', num(tonnes)), cell(q, '1.1', num(households))]),
  cell('2025-Q4', 'LUA_DT', num(100)),
  cell('2025-Q4', 'BHYT', ratio(950, 1000)),
]
/** Q1 2026 as typed: far off 2025's rice, and a fish catch of 10 t (far below 2025's households). */
const Q1_2026: CellRow[] = [cell('2026-Q1', 'LUA_SL', num(5000)), cell('2026-Q1', '1.1', num(10))]

describe('the previous period across plan years', () => {
  it('is Q4 of the year before for an indicator the plan copied, with its figure, its history and prefill', async () => {
    const s = await sheetOf([PLAN_2025, PLAN_2026], [...YEAR_2025, ...Q1_2026])
    expect(s.previousPeriod?.code).toBe('2025-Q4')
    const sl = rowOf(s, 'LUA_SL')
    expect(sl.prev).toMatchObject({ period: { code: '2025-Q4' }, value: num(680), figure: 680 })
    expect(sl.context.history).toEqual([600, 700, 650, 680])
    expect(sl.warnings).toContainEqual(expect.objectContaining({ code: 'outlier', expected: 665, actual: 5000 }))
    expect(rowOf(s, 'LUA_DT').prev?.value).toEqual(num(100))
    // A computed indicator the plan copied: its previous figure from the copied inputs (680 t on 100 ha).
    expect(rowOf(s, 'LUA_NS').prev?.figure).toBe(68)
    expect(prefillable(s)).toEqual(['LUA_DT'])
  })

  it('shows nothing from another measure that had the code the year before, fills nothing from it and judges nothing by it', async () => {
    const s = await sheetOf([PLAN_2025, PLAN_2026], [...YEAR_2025, ...Q1_2026])
    const fish = rowOf(s, '1.1')
    expect(fish.prev).toBeUndefined()
    expect(fish.context.history).toEqual([])
    expect(fish.context.previous).toBeUndefined()
    expect(fish.warnings).toEqual([])
    // A rate counted in ‰ the year before and in % now: not the same figure.
    const bhyt = rowOf(s, 'BHYT')
    expect(bhyt.prev).toBeUndefined()
    expect(prefillable(s)).not.toContain('BHYT')
  })

  it('takes no history from a year whose plan the phone does not hold', async () => {
    const s = await sheetOf([PLAN_2025, PLAN_2026], [cell('2024-Q3', 'LUA_SL', num(5000)), cell('2024-Q4', 'LUA_SL', num(5000)), ...YEAR_2025, ...Q1_2026])
    expect(rowOf(s, 'LUA_SL').context.history).toEqual([600, 700, 650, 680])
    // Without 2025's plan, nothing before 2026 counts: not even Q4 of 2025.
    const alone = await sheetOf([PLAN_2026], [...YEAR_2025, ...Q1_2026])
    expect(alone.previousPeriod?.code).toBe('2025-Q4')
    expect(rowOf(alone, 'LUA_SL').prev).toBeUndefined()
    expect(rowOf(alone, 'LUA_SL').context.history).toEqual([])
    expect(prefillable(alone)).toEqual([])
  })

  it('within one year takes the earlier quarters as before', async () => {
    const s = await sheetOf([PLAN_2025, PLAN_2026], [...YEAR_2025, ...Q1_2026, cell('2026-Q2', '1.1', num(12))], '2026-Q2')
    const fish = rowOf(s, '1.1')
    expect(fish.prev).toMatchObject({ period: { code: '2026-Q1' }, value: num(10) })
    expect(fish.context.history).toEqual([10])
  })
})
