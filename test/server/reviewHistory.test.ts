// The officer's review of a report across the year boundary (issue 12, item 5): the unit's
// history and previous figure come from this year's plan, or from an earlier year's plan only
// where that plan holds the same indicator (a copied plan). A code the earlier plan used for
// another measure brings no history. Each figure comes with the previous period's and the same
// period's a year earlier under the same rule, and the decimals it is shown with.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ReportDetail } from '../../src/shared/api'
import type { Indicator, Plan, ValueData } from '../../src/shared/model'
import type { Db } from '../../src/server/db/types'
import { seedPlanFile } from '../../src/server/db/seed'
import { writePlan } from '../../src/server/db/plans'
import { insertYearPeriods } from '../../src/server/db/periods'
import { bumpVersion } from '../../src/server/db/versions'
import { loadReportDetail } from '../../src/server/db/reviews'
import { DATABASES, fixtureFile } from './harness'

const C = 'xa-thu'
const num = (value: number): ValueData => ({ kind: 'number', value })

describe.each(DATABASES)('review history across plan years on $name', (factory) => {
  let db: Db
  let drop: () => Promise<void>
  let communeId: number

  /** Writes the unit's figure for a period straight into the table. */
  const put = async (unit: string, period: string, indicator: string, data: ValueData): Promise<void> => {
    await db.query(
      `INSERT INTO cell_values (commune_id, unit_id, period_id, indicator_id, data, version)
       SELECT $1, u.id, p.id, i.id, $5::jsonb, 1
         FROM units u, periods p, plans pl JOIN indicators i ON i.plan_id = pl.id
        WHERE u.commune_id = $1 AND u.code = $2 AND p.commune_id = $1 AND p.code = $3
          AND pl.commune_id = $1 AND pl.year = p.year AND i.code = $4`,
      [communeId, unit, period, indicator, JSON.stringify(data)],
    )
  }
  const value = (d: ReportDetail, code: string) => d.values.find((v) => v.indicator === code)!

  beforeAll(async () => {
    ;({ db, drop } = await factory.open())
    const file = fixtureFile(C, 2024)
    communeId = await seedPlanFile(db, file)
    // Plan 2023: LUA_SL copied as it is; LUA_DT is another measure under the same code (households, a stock).
    const plan2023: Plan = {
      ...file.plan,
      year: 2023,
      title: 'Kế hoạch thi đua năm 2023',
      indicators: file.plan.indicators.map((i): Indicator => (i.code === 'LUA_DT' ? { ...i, name: 'Số hộ trồng lúa', unitOfMeasure: 'hộ', aggregation: 'stock', target: undefined } : i)),
    }
    await db.transaction(async (tx) => {
      const version = await bumpVersion(tx, communeId)
      await writePlan(tx, communeId, plan2023, version)
      await insertYearPeriods(tx, communeId, plan2023, version)
    })
    for (const [q, households, tonnes] of [
      ['2023-Q1', 5000, 600],
      ['2023-Q2', 5100, 700],
      ['2023-Q3', 5200, 650],
      ['2023-Q4', 5300, 680],
    ] as const) {
      await put('T1', q, 'LUA_DT', num(households))
      await put('T1', q, 'LUA_SL', num(tonnes))
    }
    await put('T1', '2024-Q1', 'LUA_DT', num(100))
    await put('T1', '2024-Q1', 'LUA_SL', num(5000))
    await put('T1', '2024-Q2', 'LUA_DT', num(229))
    await put('T1', '2024-Q2', 'LUA_SL', num(1448.5))
  }, 60_000)
  afterAll(() => drop?.())

  it('judges a copied indicator against its figures of the year before', async () => {
    const d = await loadReportDetail(db, communeId, 'T1', '2024-Q1')
    expect(value(d, 'LUA_SL').issues).toContainEqual(expect.objectContaining({ code: 'outlier', expected: 665, actual: 5000 }))
  })

  it('shows a unit a rate’s level and a yield’s, never the commune’s total as its own target (issue 14)', async () => {
    const d = await loadReportDetail(db, communeId, 'T1', '2024-Q1')
    expect(value(d, 'LUA_DT').targetText).toBe('chưa giao chỉ tiêu riêng cho đơn vị (chỉ tiêu của xã tính cho cả xã)')
    expect(value(d, 'LUA_SL').targetText).not.toContain('1.448,5')
    expect(value(d, 'BHYT').targetText).toContain('95%')
    expect(value(d, 'LUA_NS').targetText).not.toMatch(/chưa giao/)
  })

  it('does not judge an indicator against another measure that had its code the year before', async () => {
    const d = await loadReportDetail(db, communeId, 'T1', '2024-Q1')
    expect(value(d, 'LUA_DT').data).toEqual(num(100))
    expect(value(d, 'LUA_DT').issues.filter((i) => i.code === 'outlier' || i.code === 'stock_jump')).toEqual([])
    // The earlier figures listed are this year's only.
    expect(value(d, 'LUA_DT').previous).toEqual([])
  })

  it('shows each figure beside the previous period and the same period last year, only where it is the same indicator', async () => {
    const d = await loadReportDetail(db, communeId, 'T1', '2024-Q1')
    // Copied indicator: Q4 of last year is the previous period, Q1 of last year the same period.
    expect(value(d, 'LUA_SL').previousPeriod).toEqual({ period: '2023-Q4', data: num(680) })
    expect(value(d, 'LUA_SL').lastYear).toEqual({ period: '2023-Q1', data: num(600) })
    // Another measure under the same code last year: nothing to compare with.
    expect(value(d, 'LUA_DT').previousPeriod).toBeNull()
    expect(value(d, 'LUA_DT').lastYear).toBeNull()
    // A computed figure is computed from that period's own inputs, and only from comparable ones.
    expect(value(d, 'LUA_NS').data).toEqual(num(500))
    expect(value(d, 'LUA_NS').previousPeriod).toEqual({ period: '2023-Q4', data: null })
  })

  it('compares within the year, computed figures included, and a period with no figure says so', async () => {
    const d = await loadReportDetail(db, communeId, 'T1', '2024-Q2')
    expect(value(d, 'LUA_DT').previousPeriod).toEqual({ period: '2024-Q1', data: num(100) })
    expect(value(d, 'LUA_NS').previousPeriod).toEqual({ period: '2024-Q1', data: num(500) })
    expect(value(d, 'LUA_SL').lastYear).toEqual({ period: '2023-Q2', data: num(700) })
    // BHYT was never reported: the periods are there, without a figure.
    expect(value(d, 'BHYT').previousPeriod).toEqual({ period: '2024-Q1', data: null })
  })

  it('gives each figure the decimals it is shown with (shared/precision)', async () => {
    const d = await loadReportDetail(db, communeId, 'T1', '2024-Q2')
    const ns = value(d, 'LUA_NS')
    // 1.448,5 t on 229 ha: 63,253… tạ/ha shown with the one decimal its inputs state.
    expect(ns.data).toEqual(num(1448.5 * 10 / 229))
    expect(ns.decimals).toBe(1)
    expect(value(d, 'LUA_DT').decimals).toBe(6)
    expect(value(d, 'BHYT').decimals).toBe(1)
  })
})
