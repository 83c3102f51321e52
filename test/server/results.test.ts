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
      // Each village is held to the commune's 95 %: a rate is a level every unit must reach.
      expect(ind(r, 'BHYT').byUnit).toEqual([
        { unit: 'T1', unitName: 'Thôn 1', actual: 90, numerator: 45, denominator: 50, status: 'not_yet', target: 'commune', progress: expect.closeTo(90 / 95, 9) },
        { unit: 'T2', unitName: 'Thôn 2', actual: 99, numerator: 99, denominator: 100, status: 'exceeded', target: 'commune', progress: expect.closeTo(99 / 95, 9) },
      ])
      expect(ind(r, 'LUA_DT')).toMatchObject({ actual: 229, status: 'achieved' })
      // The 229 ha are the commune's total: a village's 100 ha gets no verdict against them.
      expect(ind(r, 'LUA_DT').byUnit).toEqual([
        { unit: 'T1', unitName: 'Thôn 1', actual: 100, status: null, target: null },
        { unit: 'T2', unitName: 'Thôn 2', actual: 129, status: null, target: null },
      ])
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

  describe('completeness', () => {
    const board = async (query = '', agent = officer): Promise<CompletenessBoard> => {
      const res = await agent.request('GET', `${api}/completeness${query}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json<CompletenessBoard>()
    }
    const cell = (b: CompletenessBoard, unit: string, period: string) => b.cells.find((c) => c.unit === unit && c.period === period)!

    it('tells on time from late by Vietnam’s calendar day, and marks what is missing or not due', async () => {
      at('2024-07-10T02:00:00Z')
      const b = await board()
      expect(b.year).toBe(2024)
      expect(b.today).toBe('2024-07-10')
      expect(b.units.map((u) => u.code)).toEqual(['T1', 'T2', 'CA'])
      expect(b.periods.map((p) => [p.code, p.deadline])).toEqual([
        ['2024-Q1', '2024-04-05'],
        ['2024-Q2', '2024-07-05'],
        ['2024-Q3', '2024-10-05'],
        ['2024-Q4', '2025-01-05'],
      ])
      expect(cell(b, 'T1', '2024-Q1')).toEqual({ unit: 'T1', period: '2024-Q1', timeliness: 'on_time', status: 'approved', submittedAt: '2024-04-05T16:30:00.000Z', deadline: '2024-04-05', evidence: 0 })
      expect(cell(b, 'T2', '2024-Q1')).toMatchObject({ timeliness: 'late', status: 'submitted', submittedAt: '2024-04-05T17:30:00.000Z' })
      expect(cell(b, 'CA', '2024-Q1')).toMatchObject({ timeliness: 'missing', status: null, submittedAt: null })
      expect(cell(b, 'T2', '2024-Q2')).toMatchObject({ timeliness: 'returned', status: 'returned' })
      // A draft once the deadline has passed: nothing was submitted.
      expect(cell(b, 'CA', '2024-Q2')).toMatchObject({ timeliness: 'missing', status: 'draft' })
      expect(cell(b, 'T1', '2024-Q3')).toMatchObject({ timeliness: 'not_due', status: null })
      expect(b.totals).toEqual({ on_time: 2, late: 1, missing: 2, returned: 1, draft: 0, not_due: 6 })
      // Reports sent with and without evidence files (none here: test/server/evidence.test.ts has some).
      expect(b.evidence).toEqual({ with: 0, without: 3 })
    })

    it('shows a draft as a draft before the deadline', async () => {
      at('2024-07-03T02:00:00Z')
      const b = await board('?year=2024', leader)
      expect(cell(b, 'CA', '2024-Q2')).toMatchObject({ timeliness: 'draft', status: 'draft' })
      expect(cell(b, 'CA', '2024-Q1')).toMatchObject({ timeliness: 'missing' })
      at('2024-07-10T02:00:00Z')
    })

    it('is refused to reporters, other communes and bad years', async () => {
      expectRefusal(await t1.request('GET', `${api}/completeness`), 403, 'forbidden')
      expectRefusal(await stranger.request('GET', `${api}/completeness`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/completeness?year=24`), 400, 'invalid')
      expectRefusal(await officer.request('GET', `${api}/completeness?year=2030`), 404, 'not_found')
    })
  })

  describe('review of one report', () => {
    const detail = async (unit: string, period: string, agent = officer): Promise<ReportDetail> => {
      const res = await agent.request('GET', `${api}/reports/${unit}/${period}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json<ReportDetail>()
    }
    const value = (d: ReportDetail, code: string) => d.values.find((v) => v.indicator === code)!

    it('lists every indicator the unit reports, with its figure, target, earlier figures and the officer’s comment', async () => {
      const d = await detail('T2', '2024-Q2')
      expect(d).toMatchObject({
        unit: { code: 'T2', name: 'Thôn 2', kind: 'thon' },
        period: { code: '2024-Q2', kind: 'quarter', from: '2024-04-01', to: '2024-06-30', deadline: '2024-07-05', locked: false, lockReason: null },
        status: 'returned',
        returnReason: 'Sản lượng chưa khớp',
        comments: { LUA_SL: 'Sản lượng cao bất thường, kiểm tra lại' },
        decidedBy: 'Cán bộ Văn phòng – Thống kê',
      })
      expect(d.values.map((v) => v.indicator)).toEqual(['LUA_DT', 'LUA_SL', 'LUA_NS', 'BHYT'])
      expect(value(d, 'LUA_SL')).toMatchObject({
        data: { kind: 'number', value: 900 },
        // A village has no target of its own for the commune's total: never shown the whole of it.
        targetText: 'chưa giao chỉ tiêu riêng cho đơn vị (chỉ tiêu của xã tính cho cả xã)',
        previous: [{ period: '2024-Q1', data: { kind: 'number', value: 800 } }],
        comment: 'Sản lượng cao bất thường, kiểm tra lại',
        updatedBy: 'Trưởng thôn 2',
        issues: [],
      })
      expect(value(d, 'LUA_DT')).toMatchObject({ data: null, comment: null, updatedAt: null })
    })

    it('flags a figure far from the unit’s own history, above the commune’s whole-year target, and the yield it gives', async () => {
      at('2024-10-02T02:00:00Z')
      await report(t1, 'T1', '2024-Q3', { LUA_SL: num(5000), LUA_DT: num(100) }, false)
      const d = await detail('T1', '2024-Q3')
      expect(d.status).toBe('draft')
      expect(value(d, 'LUA_SL').issues).toEqual([
        expect.objectContaining({ code: 'outlier', severity: 'warning', expected: 675, actual: 5000 }),
        expect.objectContaining({ code: 'above_commune_target', severity: 'warning', expected: 1448.5, actual: 5000 }),
      ])
      // The derived yield target states no figure: 1.448,5 t ÷ 229 ha gives 63,25 tạ/ha; 500 is far off.
      expect(value(d, 'LUA_NS').issues).toEqual([expect.objectContaining({ code: 'computed_off_target', severity: 'warning', actual: 500 })])
      expect(value(d, 'LUA_NS').issues[0]!.message).toContain('Sản lượng lúa (5.000) × 10 ÷ Diện tích lúa (100)')
      expect(value(d, 'LUA_SL').previous.map((p) => p.period)).toEqual(['2024-Q1', '2024-Q2'])
      // The unit's yield, computed from its own output and area.
      expect(value(d, 'LUA_NS').data).toEqual({ kind: 'number', value: 500 })
      at('2024-07-10T02:00:00Z')
    })

    it('keeps the comments while the unit fixes its values, and clears them at approval', async () => {
      const pulled = async () => (await t2.pullAll(C)).pages.flatMap((p) => p.reports).filter((r) => r.unit === 'T2' && r.period === '2024-Q2').at(-1)!
      expect((await pulled()).comments).toEqual({ LUA_SL: 'Sản lượng cao bất thường, kiểm tra lại' })
      await report(t2, 'T2', '2024-Q2', { LUA_SL: num(850) })
      expect((await detail('T2', '2024-Q2')).comments).toEqual({ LUA_SL: 'Sản lượng cao bất thường, kiểm tra lại' })
      expect((await pulled()).comments).toEqual({ LUA_SL: 'Sản lượng cao bất thường, kiểm tra lại' })
      await decide('T2', '2024-Q2', { action: 'approve' })
      const d = await detail('T2', '2024-Q2')
      expect(d).toMatchObject({ status: 'approved', comments: {}, returnReason: null })
      expect(value(d, 'LUA_SL')).toMatchObject({ comment: null, data: { kind: 'number', value: 850 } })
      const p = await pulled()
      expect(p).toMatchObject({ status: 'approved', comments: {} })
      // Reopening replaces them with the new ones.
      await decide('T2', '2024-Q2', { action: 'reopen', reason: 'Cần bổ sung', comments: { LUA_SL: 'Ghi chú nguồn số liệu', BHYT: '   ' } })
      expect((await detail('T2', '2024-Q2')).comments).toEqual({ LUA_SL: 'Ghi chú nguồn số liệu' })
    })

    it('refuses a comment on an indicator the plan does not have, or too long, and writes nothing', async () => {
      const before = await footprint(s.db)
      const res = await officer.request('POST', `${api}/reports/T2/2024-Q1/decision`, { action: 'return', reason: 'Sai', comments: { KHONG_CO: 'x' } })
      expectRefusal(res, 400, 'unknown_indicator')
      expectRefusal(await officer.request('POST', `${api}/reports/T2/2024-Q1/decision`, { action: 'return', reason: 'Sai', comments: { LUA_SL: 'x'.repeat(1001) } }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/reports/T2/2024-Q1/decision`, { action: 'return', reason: 'Sai', comments: { 'mã sai': 'x' } }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/reports/T2/2024-Q1/decision`, { action: 'return', reason: 'Sai', comments: 'x' }), 400, 'invalid')
      expect(await footprint(s.db)).toEqual(before)
      expect((await detail('T2', '2024-Q1')).status).toBe('submitted')
    })

    it('lets a reporter read only their own unit’s report', async () => {
      expect((await detail('T1', '2024-Q1', t1)).status).toBe('approved')
      expect((await detail('T1', '2024-Q1', leader)).status).toBe('approved')
      expectRefusal(await t1.request('GET', `${api}/reports/T2/2024-Q1`), 403, 'forbidden')
      expectRefusal(await stranger.request('GET', `${api}/reports/T1/2024-Q1`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/reports/T9/2024-Q1`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/reports/T1/2024-Q9`), 404, 'not_found')
      // A unit that has not typed anything yet: an empty draft.
      expect(await detail('CA', '2024-Q1')).toMatchObject({ status: 'draft', version: 0, values: [expect.objectContaining({ indicator: 'ANTT', data: null })] })
    })
  })

  describe('audit feed', () => {
    const feed = async (query: string, agent = officer): Promise<AuditRow[]> => {
      const res = await agent.request('GET', `${api}/audit${query}`)
      expect(res.statusCode, res.body).toBe(200)
      return res.json<AuditRow[]>()
    }

    it('lists the commune’s changes newest first, with codes and names', async () => {
      const rows = await feed('?entity=report&unit=T2')
      expect(rows.length).toBeGreaterThan(3)
      expect(rows.every((r) => r.entity === 'report' && r.unit === 'T2')).toBe(true)
      expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => b - a))
      expect(rows[0]).toMatchObject({ period: '2024-Q2', user: { username: `${C}.canbo`, displayName: 'Cán bộ Văn phòng – Thống kê' }, new: { status: 'returned', reason: 'Cần bổ sung', comments: { LUA_SL: 'Ghi chú nguồn số liệu' } } })
      const values = await feed('?indicator=LUA_SL&unit=T1&period=2024-Q3')
      expect(values).toEqual([expect.objectContaining({ entity: 'value', unit: 'T1', period: '2024-Q3', indicator: 'LUA_SL', old: null, new: { value: { kind: 'number', value: 5000 }, note: null } })])
      const byOfficer = await feed(`?user=${C}.canbo`)
      expect(byOfficer.length).toBeGreaterThan(0)
      expect(byOfficer.every((r) => r.user?.username === `${C}.canbo`)).toBe(true)
      expect(await feed(`?user=${C}.khongco`)).toEqual([])
    })

    it('pages with before and limit', async () => {
      const all = await feed('?limit=200')
      const first = await feed('?limit=3')
      const second = await feed(`?limit=3&before=${first.at(-1)!.id}`)
      expect(first.map((r) => r.id)).toEqual(all.slice(0, 3).map((r) => r.id))
      expect(second.map((r) => r.id)).toEqual(all.slice(3, 6).map((r) => r.id))
      // Another commune's changes are never listed.
      const other = await s.db.query<{ id: number }>("SELECT a.id FROM audit a JOIN communes c ON c.id = a.commune_id WHERE c.code <> $1", [C])
      const ids = new Set(all.map((r) => r.id))
      expect(other.rows.some((r) => ids.has(Number(r.id)))).toBe(false)
    })

    it('is refused to reporters and for bad filters', async () => {
      expect(await feed('?limit=1', leader)).toHaveLength(1)
      expectRefusal(await t1.request('GET', `${api}/audit`), 403, 'forbidden')
      expectRefusal(await stranger.request('GET', `${api}/audit`), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/audit?limit=500`), 400, 'invalid')
      expectRefusal(await officer.request('GET', `${api}/audit?limit=0`), 400, 'invalid')
      expectRefusal(await officer.request('GET', `${api}/audit?entity=session`), 400, 'invalid')
      expectRefusal(await officer.request('GET', `${api}/audit?before=abc`), 400, 'invalid')
    })
  })

  describe('copying a plan to a new year', () => {
    beforeAll(async () => {
      // A growth target and a reduction with its start-of-year level: figures only the new year can give.
      const put = async (indicator: object) => {
        const res = await officer.request('PUT', `${api}/plans/2024/indicators/${(indicator as { code: string }).code}`, indicator)
        expect(res.statusCode, res.body).toBe(201)
      }
      await put({ code: 'GTSX', name: 'Giá trị sản xuất', field: 'KT', unitOfMeasure: 'triệu đồng', aggregation: 'flow', target: { kind: 'growth', percent: 10, baseYear: 2023, baseValue: 5000 }, reporters: { kinds: ['thon'] } })
      await put({ code: 'HO_NGHEO', name: 'Số hộ nghèo', field: 'KT', unitOfMeasure: 'hộ', aggregation: 'stock', target: { kind: 'reduce_by', amount: 1, baseline: 12 }, reporters: { kinds: ['thon'] } })
    })

    it('creates the new year’s plan with its periods, and lists what to re-enter', async () => {
      const res = await officer.request('POST', `${api}/plans/2025/copy`, { from: 2024 })
      expect(res.statusCode, res.body).toBe(201)
      const body = res.json<{ year: number; from: number; version: number; notes: string[] }>()
      expect(body).toMatchObject({ year: 2025, from: 2024 })
      expect(body.notes.some((n) => n.includes('Giá trị sản xuất') && n.includes('2024'))).toBe(true)
      expect(body.notes.some((n) => n.includes('Số hộ nghèo'))).toBe(true)
      expect(body.notes.some((n) => n.includes('đợt thi đua'))).toBe(true)
      const plan = (await officer.request('GET', `${api}/plan?year=2025`)).json<{ plan: Plan }>().plan
      expect(plan.title).toBe('Kế hoạch thi đua năm 2025')
      expect(plan.phases).toEqual([
        { code: 'DOT1', name: 'Đợt 1', from: '2025-01-01', to: '2025-06-30' },
        { code: 'DOT2', name: 'Đợt 2', from: '2025-07-01', to: '2025-12-31' },
      ])
      expect(plan.indicators.map((i) => i.code)).toEqual(['LUA_DT', 'LUA_SL', 'LUA_NS', 'BHYT', 'ANTT', 'GTSX', 'HO_NGHEO'])
      expect(plan.indicators.find((i) => i.code === 'GTSX')!.target).toEqual({ kind: 'growth', percent: 10, baseYear: 2024 })
      expect(plan.indicators.find((i) => i.code === 'HO_NGHEO')!.target).toEqual({ kind: 'reduce_by', amount: 1 })
      expect(plan.indicators.find((i) => i.code === 'BHYT')!.target).toEqual({ kind: 'rate_at_least', value: 95 })
      const periods = await s.db.query<{ code: string }>('SELECT p.code FROM periods p JOIN communes c ON c.id = p.commune_id WHERE c.code = $1 AND p.year = 2025 ORDER BY p.code', [C])
      expect(periods.rows.map((r) => r.code)).toEqual(['2025-DOT1', '2025-DOT2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025-Y'])
      // The results of the new year start empty; the latest plan is now the default.
      const r = await results()
      expect(r.year).toBe(2025)
      expect(r.indicators.every((i) => i.actual === null)).toBe(true)
    })

    it('refuses a second copy, a year without a plan, other roles and bad input, writing nothing', async () => {
      const before = await footprint(s.db)
      expectRefusal(await officer.request('POST', `${api}/plans/2025/copy`, { from: 2024 }), 409, 'plan_exists')
      expectRefusal(await officer.request('POST', `${api}/plans/2026/copy`, { from: 2019 }), 404, 'not_found')
      expectRefusal(await officer.request('POST', `${api}/plans/2026/copy`, { from: '2024' }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/plans/2026/copy`, {}), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/plans/20x6/copy`, { from: 2024 }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/plans/2024/copy`, { from: 2024 }), 400, 'same_year')
      expectRefusal(await leader.request('POST', `${api}/plans/2026/copy`, { from: 2024 }), 403, 'forbidden')
      expectRefusal(await t1.request('POST', `${api}/plans/2026/copy`, { from: 2024 }), 403, 'forbidden')
      expectRefusal(await stranger.request('POST', `${api}/plans/2026/copy`, { from: 2024 }), 404, 'not_found')
      expect(await footprint(s.db)).toEqual(before)
    })
  })
})
