import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditRow, CompletenessBoard, IndicatorResult, PlanResults, ReportDetail } from '../../src/shared/api'
import type { Plan, ValueData } from '../../src/shared/model'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal, footprint } from './management'

const C = 'xa-thu'
const api = `/api/communes/${C}`

const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })

describe.each(DATABASES)('officer reads and review on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let leader: Agent
  let t1: Agent
  let t2: Agent
  let ca: Agent
  let stranger: Agent

  beforeAll(async () => {
    const file = fixtureFile(C)
    file.plan.phases = [
      { code: 'DOT1', name: 'Đợt 1', from: '2024-01-01', to: '2024-06-30' },
      { code: 'DOT2', name: 'Đợt 2', from: '2024-07-01', to: '2024-12-31' },
    ]
    s = await startServer(factory, [file, fixtureFile('xa-khac')])
    ;[officer, leader, t1, t2, ca, stranger] = await Promise.all([
      s.login(`${C}.canbo`),
      s.login(`${C}.lanhdao`),
      s.login(`${C}.t1`),
      s.login(`${C}.t2`),
      s.login(`${C}.ca`),
      s.login('xa-khac.canbo'),
    ])
  }, 60_000)
  afterAll(() => s?.close())

  const at = (iso: string): void => {
    s.clock.now = new Date(iso)
  }
  /** The unit's values for a period, then (optionally) the report submitted, in one push. */
  const report = async (agent: Agent, unit: string, period: string, values: Record<string, ValueData>, submit = true): Promise<void> => {
    const current = await s.db.query<{ version: number }>(
      `SELECT r.version FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id JOIN communes c ON c.id = r.commune_id
        WHERE c.code = $1 AND u.code = $2 AND p.code = $3`,
      [C, unit, period],
    )
    const cells = await s.db.query<{ indicator: string; version: number }>(
      `SELECT i.code AS indicator, cv.version FROM cell_values cv JOIN units u ON u.id = cv.unit_id JOIN periods p ON p.id = cv.period_id
         JOIN indicators i ON i.id = cv.indicator_id JOIN communes c ON c.id = cv.commune_id
        WHERE c.code = $1 AND u.code = $2 AND p.code = $3`,
      [C, unit, period],
    )
    const base = new Map(cells.rows.map((r) => [r.indicator, Number(r.version)]))
    const mutations: unknown[] = Object.entries(values).map(([indicator, value]) => agent.value({ unit, period, indicator, value, baseVersion: base.get(indicator) ?? 0 }))
    if (submit) {
      mutations.push({ kind: 'report', mutationId: mid(), deviceId: agent.deviceId, unit, period, action: 'submit', baseVersion: Number(current.rows[0]?.version ?? 0), clientTime: s.clock.now.toISOString() })
    }
    const res = await agent.push(C, mutations)
    expect(res.outcomes.map((o) => o.status)).toEqual(mutations.map(() => 'applied'))
  }
  const decide = async (unit: string, period: string, body: unknown) => {
    const res = await officer.request('POST', `${api}/reports/${unit}/${period}/decision`, body)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ status: string; version: number }>()
  }
  const results = async (query = '', agent = officer): Promise<PlanResults> => {
    const res = await agent.request('GET', `${api}/results${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<PlanResults>()
  }
  const ind = (r: PlanResults, code: string): IndicatorResult => r.indicators.find((i) => i.code === code)!

  describe('results', () => {
    beforeAll(async () => {
      // Q1: village 1 on time (23:30 in Vietnam on the deadline day), village 2 an hour late; the police never.
      at('2024-04-05T16:30:00Z')
      await report(t1, 'T1', '2024-Q1', { LUA_DT: num(100), LUA_SL: num(650), BHYT: ratio(45, 50) })
      at('2024-04-05T17:30:00Z')
      await report(t2, 'T2', '2024-Q1', { LUA_DT: num(129), LUA_SL: num(800), BHYT: ratio(99, 100) })
      at('2024-04-08T02:00:00Z')
      await decide('T1', '2024-Q1', { action: 'approve' })
      // Q2: village 1 approved, village 2 returned with a comment, the police's answer a draft.
      at('2024-07-03T02:00:00Z')
      await report(t1, 'T1', '2024-Q2', { LUA_SL: num(700) })
      await report(t2, 'T2', '2024-Q2', { LUA_SL: num(900) })
      await report(ca, 'CA', '2024-Q2', { ANTT: { kind: 'yes_no', achieved: true } }, false)
      await decide('T1', '2024-Q2', { action: 'approve' })
      await decide('T2', '2024-Q2', { action: 'return', reason: 'Sản lượng chưa khớp', comments: { LUA_SL: '  Sản lượng cao bất thường, kiểm tra lại  ' } })
      at('2024-07-10T02:00:00Z')
    }, 60_000)

    it('counts only approved reports by default, year to date at the latest quarter ended', async () => {
      const r = await results()
      expect(r).toMatchObject({ year: 2024, basis: 'approved', asOf: { period: '2024-Q2', kind: 'quarter', from: '2024-04-01', to: '2024-06-30' }, yearFraction: 0.5 })
      expect(r.trendPeriods.map((p) => p.code)).toEqual(['2024-Q1', '2024-Q2'])
      // A flow accumulates over the quarters.
      expect(ind(r, 'LUA_SL')).toMatchObject({ actual: 1350, status: 'not_yet', reportedUnits: 1, expectedUnits: 2, onPace: true, expectedToDate: 724.25 })
      expect(ind(r, 'LUA_SL').trend).toEqual([
        { period: '2024-Q1', to: '2024-03-31', actual: 650 },
        { period: '2024-Q2', to: '2024-06-30', actual: 1350 },
      ])
      expect(ind(r, 'LUA_DT')).toMatchObject({ actual: 100, status: 'not_yet' })
      expect(ind(r, 'BHYT')).toMatchObject({ actual: 90, numerator: 45, denominator: 50, status: 'not_yet' })
      expect(ind(r, 'ANTT')).toMatchObject({ actual: null, status: 'no_data', reportedUnits: 0, expectedUnits: 1 })
      expect(r.counts).toEqual({ exceeded: 1, achieved: 0, not_yet: 3, failed: 0, no_data: 1, no_baseline: 0 })
    })

    it('rolls a rate up as Σnumerator ÷ Σdenominator across units, with submitted reports counted', async () => {
      const r = await results('?basis=submitted')
      // 45/50 (90 %) and 99/100 (99 %): 144/150 = 96 % is above the 95 % target; the mean of the two (94,5 %) would fall short.
      expect(ind(r, 'BHYT')).toMatchObject({ actual: 96, numerator: 144, denominator: 150, status: 'exceeded', reportedUnits: 2 })
      expect(ind(r, 'BHYT').byUnit).toEqual([
        { unit: 'T1', unitName: 'Thôn 1', actual: 90, numerator: 45, denominator: 50, status: 'not_yet' },
        { unit: 'T2', unitName: 'Thôn 2', actual: 99, numerator: 99, denominator: 100, status: 'exceeded' },
      ])
      expect(ind(r, 'LUA_DT')).toMatchObject({ actual: 229, status: 'achieved' })
      // The returned report of village 2's Q2 does not count: 650 + 700 + 800.
      expect(ind(r, 'LUA_SL')).toMatchObject({ actual: 2150, status: 'exceeded' })
    })

    it('computes the yield from the summed output and area, never summing yields', async () => {
      const r = await results('?basis=all')
      const lua = ind(r, 'LUA_SL')
      expect(lua.actual).toBe(3050)
      const ns = ind(r, 'LUA_NS')
      expect(ns.computed).toBe(true)
      expect(ns.actual).toBeCloseTo((3050 * 10) / 229, 9)
      // Village yields: (650 + 700) × 10 ÷ 100 and (800 + 900) × 10 ÷ 129; their sum would be meaningless.
      expect(ns.byUnit.map((u) => [u.unit, u.actual])).toEqual([
        ['T1', 135],
        ['T2', (1700 * 10) / 129],
      ])
      // The target follows the formula over the inputs' targets: 1 448,5 × 10 ÷ 229.
      expect(ns.status).toBe('exceeded')
      // Every value typed counts: the police's draft answer too.
      expect(ind(r, 'ANTT')).toMatchObject({ actual: 1, achieved: true, achievedUnits: 1, status: 'achieved' })
    })

    it('judges against the whole year at the year’s end: short becomes failed', async () => {
      const r = await results('?period=2024-Q4')
      expect(r.asOf).toMatchObject({ period: '2024-Q4', to: '2024-12-31' })
      expect(r.yearFraction).toBe(1)
      expect(ind(r, 'LUA_DT')).toMatchObject({ actual: 100, status: 'failed' })
      const phase = await results('?phase=DOT1&basis=submitted')
      expect(phase.asOf).toMatchObject({ kind: 'phase', to: '2024-06-30' })
      expect(ind(phase, 'LUA_SL').actual).toBe(2150)
      const q1 = await results('?year=2024&period=2024-Q1&basis=submitted')
      expect(ind(q1, 'LUA_SL')).toMatchObject({ actual: 1450, status: 'exceeded' })
      expect(q1.trendPeriods.map((p) => p.code)).toEqual(['2024-Q1'])
    })

    it('is for officers and leaders of the commune only', async () => {
      expect((await results('', leader)).year).toBe(2024)
      expectRefusal(await t1.request('GET', `${api}/results`), 403, 'forbidden')
      expectRefusal(await stranger.request('GET', `${api}/results`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/results?year=abcd`), 400, 'invalid')
      expectRefusal(await officer.request('GET', `${api}/results?year=2023`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/results?period=2024-Q9`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/results?phase=DOT9`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/results?basis=everything`), 400, 'invalid')
      expectRefusal(await officer.request('GET', `${api}/results?period=2024-Q1&phase=DOT1`), 400, 'invalid')
    })
  })
})

export type { AuditRow, CompletenessBoard, Plan, ReportDetail }
