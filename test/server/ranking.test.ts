import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import type { Scoring, ValueData } from '../../src/shared/model'
import type { Ranking } from '../../src/shared/scoring'
import type { CommunePlan } from '../../src/shared/api'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal } from './management'

const C = 'xa-thu'
const api = `/api/communes/${C}`

const num = (value: number): ValueData => ({ kind: 'number', value })
const ratio = (numerator: number, denominator: number): ValueData => ({ kind: 'ratio', numerator, denominator })

const TABLE: Scoring = {
  total: 100,
  indicators: [
    { indicator: 'LUA_DT', points: 50 },
    { indicator: 'BHYT', points: 40 },
  ],
  partial: true,
  bonus: { perExceeded: 2, max: 4 },
  deductions: { perLate: 2, perReturned: 3 },
  criteria: [{ code: 'CHE_DO_BC', name: 'Chấp hành chế độ báo cáo', max: 10 }],
}

describe.each(DATABASES)('scoring and ranking on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let leader: Agent
  let t1: Agent
  let t2: Agent
  let stranger: Agent

  beforeAll(async () => {
    const file = fixtureFile(C)
    const lua = file.plan.indicators.find((i) => i.code === 'LUA_DT')!
    lua.unitTargets = { T1: { kind: 'at_least', value: 100 }, T2: { kind: 'at_least', value: 120 } }
    file.plan.scoring = TABLE
    s = await startServer(factory, [file, fixtureFile('xa-khac')])
    ;[officer, leader, t1, t2, stranger] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.lanhdao`), s.login(`${C}.t1`), s.login(`${C}.t2`), s.login('xa-khac.canbo')])

    const submit = async (agent: Agent, unit: string, values: Record<string, ValueData>): Promise<void> => {
      const res = await agent.push(C, [
        ...Object.entries(values).map(([indicator, value]) => agent.value({ unit, period: '2024-Q1', indicator, value, baseVersion: 0 })),
        { kind: 'report', mutationId: mid(), deviceId: agent.deviceId, unit, period: '2024-Q1', action: 'submit', baseVersion: 0, clientTime: s.clock.now.toISOString() },
      ])
      expect(res.outcomes.map((o) => o.status)).toEqual(Object.keys(values).map(() => 'applied').concat('applied'))
    }
    // Village 1 on time and complete; village 2 a day late, half its rice, then returned.
    s.clock.now = new Date('2024-04-05T02:00:00Z')
    await submit(t1, 'T1', { LUA_DT: num(100), BHYT: ratio(48, 50) })
    s.clock.now = new Date('2024-04-07T02:00:00Z')
    await submit(t2, 'T2', { LUA_DT: num(60), BHYT: ratio(90, 100) })
    const ret = await officer.request('POST', `${api}/reports/T2/2024-Q1/decision`, { action: 'return', reason: 'Thiếu số liệu' })
    expect(ret.statusCode, ret.body).toBe(200)
    s.clock.now = new Date('2024-04-20T02:00:00Z')
  }, 60_000)
  afterAll(() => s?.close())

  const ranking = async (query = '?year=2024&period=2024-Q1&basis=all', agent = officer): Promise<Ranking> => {
    const res = await agent.request('GET', `${api}/ranking${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<Ranking>()
  }

  it('scores each unit from the results as of the period, with its late and returned reports', async () => {
    const r = await ranking()
    expect(r).toMatchObject({ year: 2024, asOf: { period: '2024-Q1' }, basis: 'all', total: 100, bonusMax: 4, maximum: 104 })
    // The police report nothing the table scores: not ranked.
    expect(r.units.map((u) => [u.rank, u.unit])).toEqual([
      [1, 'T1'],
      [2, 'T2'],
    ])
    // T1: 100 ha of 100 (50) and 96 % (exceeded: 40 and a bonus of 2).
    expect(r.units[0]).toMatchObject({ indicatorPoints: 90, bonus: 2, late: 0, returned: 0, deduction: 0, criteriaPoints: 0, total: 92 })
    // T2: 60 of 120 ha (25) and 90 of 95 % (37,89); a day late (−2) and returned once (−3).
    expect(r.units[1]).toMatchObject({ indicatorPoints: 62.89, late: 1, returned: 1, deduction: 5, total: 57.89 })
    expect(r.units[1]!.criteria).toEqual([{ code: 'CHE_DO_BC', name: 'Chấp hành chế độ báo cáo', max: 10, score: null }])
  })

  it('lets the leader read it, never a village head or another commune', async () => {
    expect((await ranking(undefined, leader)).units).toHaveLength(2)
    expectRefusal(await t1.request('GET', `${api}/ranking?year=2024`), 403, 'forbidden')
    const other = await stranger.request('GET', `${api}/ranking?year=2024`)
    expect([403, 404]).toContain(other.statusCode)
  })

  it('records the council’s scores, audited, and ranks with them', async () => {
    const res = await officer.request('PUT', `${api}/council-scores/2024/T2`, { scores: { CHE_DO_BC: 9.5 } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toEqual({ unit: 'T2', year: 2024, scores: { CHE_DO_BC: 9.5 } })
    const r = await ranking()
    expect(r.units.find((u) => u.unit === 'T2')).toMatchObject({ criteriaPoints: 9.5, total: 67.39 })
    const read = await leader.request('GET', `${api}/council-scores?year=2024`)
    expect(read.json()).toMatchObject({ year: 2024, scores: { T2: { CHE_DO_BC: 9.5 } } })
    const audit = await s.db.query<{ old: unknown; new: unknown }>(
      `SELECT a.old, a.new FROM audit a JOIN units u ON u.id = a.unit_id WHERE a.entity = 'unit' AND u.code = 'T2' AND a.new ? 'councilScores' ORDER BY a.id DESC LIMIT 1`,
    )
    expect(audit.rows[0]).toEqual({ old: { councilScores: { year: 2024, scores: {} } }, new: { councilScores: { year: 2024, scores: { CHE_DO_BC: 9.5 } } } })
    // null clears a score.
    const cleared = await officer.request('PUT', `${api}/council-scores/2024/T2`, { scores: { CHE_DO_BC: null } })
    expect(cleared.json()).toMatchObject({ scores: {} })
    await officer.request('PUT', `${api}/council-scores/2024/T2`, { scores: { CHE_DO_BC: 9.5 } })
  })

  it('refuses a score above the maximum, an unknown criterion or unit, a negative score, and a non-officer — writing nothing', async () => {
    const before = await s.db.query('SELECT count(*)::int AS n FROM council_scores')
    expectRefusal(await officer.request('PUT', `${api}/council-scores/2024/T1`, { scores: { CHE_DO_BC: 11 } }), 422, 'score_above_max')
    expectRefusal(await officer.request('PUT', `${api}/council-scores/2024/T1`, { scores: { CHE_DO_BC: 5, KHONG_CO: 1 } }), 422, 'unknown_criterion')
    expectRefusal(await officer.request('PUT', `${api}/council-scores/2024/KHONG_CO`, { scores: { CHE_DO_BC: 5 } }), 404, 'not_found')
    expectRefusal(await officer.request('PUT', `${api}/council-scores/2024/T1`, { scores: { CHE_DO_BC: -1 } }), 400, 'invalid')
    expectRefusal(await leader.request('PUT', `${api}/council-scores/2024/T1`, { scores: { CHE_DO_BC: 5 } }), 403, 'forbidden')
    expectRefusal(await t1.request('PUT', `${api}/council-scores/2024/T1`, { scores: { CHE_DO_BC: 10 } }), 403, 'forbidden')
    expect((await s.db.query('SELECT count(*)::int AS n FROM council_scores')).rows).toEqual(before.rows)
  })

  it('adds a “Xếp hạng” sheet to the results workbook when the plan has a scoring table', async () => {
    const open = async (res: { statusCode: number; body: string; rawPayload: Buffer }): Promise<ExcelJS.Workbook> => {
      expect(res.statusCode, res.body).toBe(200)
      const wb = new ExcelJS.Workbook()
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
      return wb
    }
    const wb = await open(await officer.request('GET', `${api}/exports/results.xlsx?year=2024&period=2024-Q1&basis=all`))
    expect(wb.worksheets.map((w) => w.name).slice(0, 2)).toEqual(['Tổng hợp', 'Xếp hạng'])
    const ws = wb.getWorksheet('Xếp hạng')!
    expect(ws.getCell('A1').value).toBe('BẢNG XẾP HẠNG THI ĐUA NĂM 2024')
    expect(ws.getRow(4).values).toEqual([undefined, 'Hạng', 'Đơn vị', 'Điểm chỉ tiêu', 'Số chỉ tiêu đạt', 'Điểm thưởng', 'Báo cáo trễ', 'Lần bị trả lại', 'Điểm trừ', 'Chấp hành chế độ báo cáo (tối đa 10)', 'Tổng điểm'])
    expect(ws.getRow(5).values).toEqual([undefined, 1, 'Thôn 1', 90, '2/2', 2, 0, 0, 0, 'chưa chấm', 92])
    expect(ws.getRow(6).values).toEqual([undefined, 2, 'Thôn 2', 62.89, '0/2', 0, 1, 1, 5, 9.5, 67.39])
    const other = await open(await stranger.request('GET', '/api/communes/xa-khac/exports/results.xlsx?year=2024'))
    expect(other.worksheets.map((w) => w.name)).not.toContain('Xếp hạng')
  })

  it('says clearly when the year has no plan, or the plan no scoring table', async () => {
    const none = await officer.request('GET', `${api}/ranking?year=2031`)
    expectRefusal(none, 404, 'not_found')
    expect(none.json<{ message: string }>().message).toBe('Chưa có kế hoạch năm 2031')
    const other = await stranger.request('GET', '/api/communes/xa-khac/ranking?year=2024')
    expectRefusal(other, 409, 'no_scoring_table')
    expect(other.json<{ message: string }>().message).toContain('chưa có bảng điểm thi đua')
    expectRefusal(await stranger.request('PUT', '/api/communes/xa-khac/council-scores/2024/T1', { scores: {} }), 409, 'no_scoring_table')
  })

  it('refuses a plan whose scoring table does not add up or names an indicator it lacks, and keeps the table with the plan', async () => {
    const current = (await officer.request('GET', `${api}/plan?year=2024`)).json<CommunePlan>()
    expect(current.plan.scoring).toEqual(TABLE)
    const wrong = await officer.request('PUT', `${api}/plans/2024`, { ...current.plan, scoring: { ...TABLE, total: 90 } })
    expectRefusal(wrong, 400, 'invalid')
    expect(wrong.json<{ message: string }>().message).toContain('tổng điểm khai báo là 90 nhưng các phần cộng lại 100')
    const unknown = await officer.request('PUT', `${api}/plans/2024`, { ...current.plan, scoring: { ...TABLE, indicators: [{ indicator: 'LUA_DT', points: 50 }, { indicator: 'KHONG_CO', points: 40 }] } })
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json<{ message: string }>().message).toContain('Bảng điểm thi đua chấm chỉ tiêu không có trong kế hoạch “KHONG_CO”')
    // Deleting an indicator the table scores is refused until the table lets it go.
    expect((await officer.request('DELETE', `${api}/plans/2024/indicators/BHYT`)).statusCode).toBe(422)
    expect((await officer.request('GET', `${api}/plan?year=2024`)).json<CommunePlan>().plan.scoring).toEqual(TABLE)
  })
})
