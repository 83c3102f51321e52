// GET /api/communes/:commune/periods?year=: the year's periods as the officer's "Kỳ báo cáo"
// screen lists them, with their lock, its reason, and whether anything was reported in them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PeriodView } from '../../src/shared/api'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal } from './management'

const C = 'xa-thu'
const api = `/api/communes/${C}`

describe.each(DATABASES)('listing periods on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let t1: Agent
  let stranger: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    ;[officer, t1, stranger] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.t1`), s.login('xa-khac.canbo')])
  }, 60_000)
  afterAll(() => s?.close())

  const list = async (query = '?year=2024') => {
    const res = await officer.request('GET', `${api}/periods${query}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<PeriodView[]>()
  }

  it('lists the year’s periods in order of start then end, open and unused', async () => {
    const periods = await list()
    expect(periods.map((p) => p.code)).toEqual(['2024-Q1', '2024-Y', '2024-Q2', '2024-Q3', '2024-Q4'])
    expect(periods[0]).toEqual({
      code: '2024-Q1',
      kind: 'quarter',
      year: 2024,
      from: '2024-01-01',
      to: '2024-03-31',
      deadline: '2024-04-05',
      locked: false,
      lockReason: null,
      version: expect.any(Number),
      inUse: false,
      unsentDrafts: 0,
    })
    expect(periods.every((p) => !p.locked && !p.inUse)).toBe(true)
  })

  it('shows a lock with its reason, a new deadline, and a period someone reported in', async () => {
    const lock = await officer.request('PATCH', `${api}/periods/2024-Q2`, { locked: true, lockReason: 'Đã chốt số liệu sơ kết' })
    expect(lock.statusCode, lock.body).toBe(200)
    const deadline = await officer.request('PATCH', `${api}/periods/2024-Q3`, { deadline: '2024-10-15' })
    expect(deadline.statusCode, deadline.body).toBe(200)
    const push = await t1.push(C, [t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 120 } })])
    expect(push.outcomes[0]).toMatchObject({ status: 'applied' })

    const byCode = new Map((await list()).map((p) => [p.code, p]))
    expect(byCode.get('2024-Q2')).toMatchObject({ locked: true, lockReason: 'Đã chốt số liệu sơ kết', version: lock.json<{ version: number }>().version })
    expect(byCode.get('2024-Q3')).toMatchObject({ locked: false, lockReason: null, deadline: '2024-10-15' })
    expect(byCode.get('2024-Q1')!.inUse).toBe(true)
    expect(byCode.get('2024-Q4')!.inUse).toBe(false)

    await officer.request('PATCH', `${api}/periods/2024-Q2`, { locked: false })
    expect((await list()).find((p) => p.code === '2024-Q2')).toMatchObject({ locked: false, lockReason: null })
  })

  it('counts the unsent drafts a lock freezes: units with figures on the server whose report is not sent', async () => {
    const q3 = async () => (await list()).find((p) => p.code === '2024-Q3')!
    expect((await q3()).unsentDrafts).toBe(0)
    const figure = (value: number) => t1.value({ unit: 'T1', period: '2024-Q3', indicator: 'LUA_DT', value: { kind: 'number', value } })
    expect((await t1.push(C, [figure(80)])).outcomes[0]).toMatchObject({ status: 'applied' })
    expect((await q3()).unsentDrafts).toBe(1)
    // Sent: no longer a draft.
    const report = await s.db.query<{ version: number }>(
      `SELECT r.version FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id JOIN communes c ON c.id = r.commune_id
        WHERE c.code = $1 AND u.code = 'T1' AND p.code = '2024-Q3'`,
      [C],
    )
    const submit = { kind: 'report', mutationId: mid(), deviceId: t1.deviceId, unit: 'T1', period: '2024-Q3', action: 'submit', baseVersion: Number(report.rows[0]?.version ?? 0), clientTime: '2024-10-01T00:00:00Z' }
    expect((await t1.push(C, [submit])).outcomes[0]).toMatchObject({ status: 'applied' })
    expect((await q3()).unsentDrafts).toBe(0)
    // Q4: a figure and no report. The lock's answer says how many it froze.
    expect((await t1.push(C, [t1.value({ unit: 'T1', period: '2024-Q4', indicator: 'LUA_DT', value: { kind: 'number', value: 5 } })])).outcomes[0]).toMatchObject({ status: 'applied' })
    const lock = await officer.request('PATCH', `${api}/periods/2024-Q4`, { locked: true, lockReason: 'Chốt năm' })
    expect(lock.statusCode, lock.body).toBe(200)
    expect(lock.json()).toEqual({ version: expect.any(Number), unsentDrafts: 1 })
    await officer.request('PATCH', `${api}/periods/2024-Q4`, { locked: false })
  })

  it('lists another year as empty, every year without a year, and refuses a malformed year', async () => {
    expect(await list('?year=2025')).toEqual([])
    await officer.request('POST', `${api}/periods`, { code: '2025-Q1', kind: 'quarter', year: 2025, from: '2025-01-01', to: '2025-03-31', deadline: '2025-04-05' })
    expect((await list('?year=2025')).map((p) => p.code)).toEqual(['2025-Q1'])
    expect((await list('')).map((p) => p.code)).toEqual(['2024-Q1', '2024-Y', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1'])
    expectRefusal(await officer.request('GET', `${api}/periods?year=24`), 400, 'invalid')
  })

  it('answers anyone of the commune (phones pull the same), not another commune nor a stranger', async () => {
    expect((await t1.request('GET', `${api}/periods?year=2024`)).statusCode).toBe(200)
    expectRefusal(await stranger.request('GET', `${api}/periods?year=2024`), 404, 'not_found')
    expectRefusal(await s.app.inject({ method: 'GET', url: `${api}/periods?year=2024` }), 401, 'unauthorized')
  })
})
