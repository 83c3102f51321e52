import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/server/demo/loadDemo'
import type { Indicator, Plan } from '../../src/shared/model'
import type { PlanFile } from '../../src/shared/planFile'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal, footprint } from './management'

const C = 'xa-thu'
const api = `/api/communes/${C}`

/** The fixture's plan for another year, with two phases (đợt). */
function planOf(year: number): Plan {
  const plan = structuredClone(fixtureFile(C, year).plan)
  plan.phases = [
    { code: 'DOT1', name: 'Đợt 1', from: `${year}-01-01`, to: `${year}-06-30` },
    { code: 'DOT2', name: 'Đợt 2', from: `${year}-07-01`, to: `${year}-12-31` },
  ]
  return plan
}

const JOBS: Indicator = {
  code: 'VIEC_LAM',
  name: 'Tạo việc làm mới',
  field: 'KT',
  unitOfMeasure: 'người',
  aggregation: 'flow',
  proportion: true,
  target: { kind: 'at_least', value: 270 },
  reporters: { kinds: ['thon'], units: [] },
  unitTargets: { T1: { kind: 'at_least', value: 150 }, T2: { kind: 'at_least', value: 120 } },
}

describe.each(DATABASES)('plan set-up on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let t1: Agent
  let leader: Agent
  let stranger: Agent
  let tqt: PlanFile

  beforeAll(async () => {
    tqt = (await loadDemo()).find((d) => d.file.commune.code === 'tqt')!.file
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac'), tqt])
    ;[officer, t1, leader, stranger] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.t1`), s.login(`${C}.lanhdao`), s.login('xa-khac.canbo')])
  }, 60_000)
  afterAll(() => s?.close())

  const periodsOf = async (year: number) =>
    (await s.db.query<{ code: string }>('SELECT p.code FROM periods p JOIN communes c ON c.id = p.commune_id WHERE c.code = $1 AND p.year = $2 ORDER BY p.code', [C, year])).rows.map((r) => r.code)
  const planOfYear = async (year: number) => {
    const res = await officer.request('GET', `${api}/plan?year=${year}`)
    return res.statusCode === 200 ? res.json<{ plan: Plan; version: number }>().plan : undefined
  }
  const auditRows = async (entity: string) =>
    (await s.db.query<{ old: unknown; new: unknown; device_id: string; username: string }>(
      `SELECT a.old, a.new, a.device_id, u.username FROM audit a JOIN users u ON u.id = a.user_id JOIN communes c ON c.id = a.commune_id
        WHERE c.code = $1 AND a.entity = $2 ORDER BY a.id`,
      [C, entity],
    )).rows

  describe('a year’s plan', () => {
    it('creates a plan for a new year, with its quarters, phases and year as periods', async () => {
      const plan = planOf(2025)
      const res = await officer.request('POST', `${api}/plans`, plan)
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toEqual({ year: 2025, version: expect.any(Number), issues: [] })
      expect(await planOfYear(2025)).toEqual(plan)
      expect(await periodsOf(2025)).toEqual(['2025-DOT1', '2025-DOT2', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2025-Y'])
      expect((await auditRows('plan')).at(-1)).toEqual({ old: null, new: plan, device_id: officer.deviceId, username: `${C}.canbo` })
    })

    it('refuses a second plan for the same year, and writes nothing', async () => {
      const before = await footprint(s.db)
      expectRefusal(await officer.request('POST', `${api}/plans`, planOf(2025)), 409, 'plan_exists')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('replaces a whole plan: removed indicators are marked deleted, changed ones restamped, the rest untouched', async () => {
      const before = (await s.db.query<{ version: number }>('SELECT version FROM communes WHERE code = $1', [C])).rows[0]!.version
      const plan = planOf(2025)
      plan.title = 'Kế hoạch thi đua năm 2025 (sửa đổi)'
      plan.indicators = plan.indicators.filter((i) => i.code !== 'BHYT').map((i) => (i.code === 'LUA_DT' ? { ...i, target: { kind: 'at_least', value: 240 } } : i))
      plan.phases = [...plan.phases, { code: 'DOT3', name: 'Đợt 3', from: '2025-10-01', to: '2025-12-31' }]
      const res = await officer.request('PUT', `${api}/plans/2025`, plan)
      expect(res.statusCode, res.body).toBe(200)
      const { version } = res.json<{ version: number }>()
      expect(version).toBe(Number(before) + 1)
      expect(await planOfYear(2025)).toEqual(plan)
      const rows = (
        await s.db.query<{ code: string; deleted: boolean; version: number }>(
          `SELECT i.code, i.deleted, i.version FROM indicators i JOIN plans p ON p.id = i.plan_id JOIN communes c ON c.id = p.commune_id
            WHERE c.code = $1 AND p.year = 2025 ORDER BY i.code`,
          [C],
        )
      ).rows.map((r) => ({ ...r, version: Number(r.version) }))
      // Restamped: the removed one, the changed one, and the one whose position moved up. Untouched rows keep their version.
      expect(rows.filter((r) => r.version === version).map((r) => [r.code, r.deleted])).toEqual([
        ['ANTT', false],
        ['BHYT', true],
        ['LUA_DT', false],
      ])
      // A new phase brings its period; the old ones stay as they were.
      expect(await periodsOf(2025)).toContain('2025-DOT3')
    })

    it('refuses a body for another year than the address names', async () => {
      const before = await footprint(s.db)
      expectRefusal(await officer.request('PUT', `${api}/plans/2025`, planOf(2026)), 400, 'year_mismatch')
      expectRefusal(await officer.request('PUT', `${api}/plans/2031`, planOf(2031)), 404, 'not_found')
      expectRefusal(await officer.request('PUT', `${api}/plans/abcd`, planOf(2025)), 400, 'invalid')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('refuses an invalid plan with 422 and every issue, and writes nothing', async () => {
      const before = await footprint(s.db)
      const plan = planOf(2026)
      plan.indicators.push({ ...JOBS, field: 'XH', reporters: { kinds: [], units: ['T9'] } })
      const res = await officer.request('POST', `${api}/plans`, plan)
      expectRefusal(res, 422, 'invalid_plan')
      const details = res.json<{ details: { code: string; severity: string; refs: string[] }[] }>().details
      expect(details.map((d) => d.code).sort()).toEqual(['unknown_field', 'unknown_unit'])
      expect(details.every((d) => d.refs[0] === 'VIEC_LAM')).toBe(true)
      // A body the schema refuses is a 400 naming the field.
      const bad = await officer.request('POST', `${api}/plans`, { ...planOf(2026), year: 1999 })
      expectRefusal(bad, 400, 'invalid')
      expect(bad.json()).toMatchObject({ details: [{ path: 'year' }] })
      expect(await footprint(s.db)).toEqual(before)
    })

    it('saves a plan whose only errors are its own arithmetic, and shows them (the real Trương Quang Trọng plan)', async () => {
      const tqtOfficer = await s.login('tqt.canbo', { password: 'thidua2024' })
      const plan = structuredClone(tqt.plan)
      plan.title = `${plan.title} (bản sửa)`
      const res = await tqtOfficer.request('PUT', `/api/communes/tqt/plans/${plan.year}`, plan)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json<{ issues: { code: string }[] }>().issues.map((i) => i.code)).toEqual(['derived_mismatch'])
      const created = await tqtOfficer.request('POST', '/api/communes/tqt/plans', { ...plan, year: 2023 })
      expect(created.statusCode, created.body).toBe(201)
      expect(created.json<{ issues: { code: string }[] }>().issues.map((i) => i.code)).toEqual(['derived_mismatch'])
    })

    it('deletes a plan nobody reported against, with the periods that came with it', async () => {
      const res = await officer.request('DELETE', `${api}/plans/2025`)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ year: 2025, periodsRemoved: expect.arrayContaining(['2025-Q1', '2025-DOT3', '2025-Y']) })
      expect(await planOfYear(2025)).toBeUndefined()
      expect(await periodsOf(2025)).toEqual([])
      expect((await auditRows('plan')).at(-1)).toMatchObject({ old: { year: 2025 }, new: null })
      expectRefusal(await officer.request('DELETE', `${api}/plans/2025`), 404, 'not_found')
    })

    it('refuses to delete a plan with values, and writes nothing', async () => {
      const push = await t1.push(C, [t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 50 } })])
      expect(push.outcomes[0]).toMatchObject({ status: 'applied' })
      // Cleared again: the cell was still entered once.
      await t1.push(C, [t1.value({ unit: 'T1', indicator: 'LUA_DT', value: null, baseVersion: push.version })])
      const before = await footprint(s.db)
      expectRefusal(await officer.request('DELETE', `${api}/plans/2024`), 409, 'plan_has_values')
      expect(await footprint(s.db)).toEqual(before)
      expect(await planOfYear(2024)).toBeDefined()
    })
  })

  describe('one indicator', () => {
    it('adds an indicator with its assignments, then replaces it in place', async () => {
      const add = await officer.request('PUT', `${api}/plans/2024/indicators/VIEC_LAM`, JOBS)
      expect(add.statusCode, add.body).toBe(201)
      expect(add.json()).toMatchObject({ year: 2024, created: true, issues: [] })
      expect((await planOfYear(2024))!.indicators.at(-1)).toEqual(JOBS)
      const changed = { ...JOBS, target: { kind: 'at_least' as const, value: 300 } }
      const replace = await officer.request('PUT', `${api}/plans/2024/indicators/VIEC_LAM`, changed)
      expect(replace.statusCode).toBe(200)
      expect(replace.json()).toMatchObject({ created: false })
      const plan = (await planOfYear(2024))!
      expect(plan.indicators.filter((i) => i.code === 'VIEC_LAM')).toEqual([changed])
      expect(plan.indicators.map((i) => i.code)).toEqual(['LUA_DT', 'LUA_SL', 'LUA_NS', 'BHYT', 'ANTT', 'VIEC_LAM'])
      expect((await auditRows('plan')).at(-1)).toMatchObject({ old: JOBS, new: changed })
    })

    it('refuses a body whose code differs from the address, an unknown unit, and a missing plan', async () => {
      const before = await footprint(s.db)
      expectRefusal(await officer.request('PUT', `${api}/plans/2024/indicators/OTHER`, JOBS), 400, 'code_mismatch')
      const unknownUnit = await officer.request('PUT', `${api}/plans/2024/indicators/VIEC_LAM`, { ...JOBS, unitTargets: { T9: { kind: 'at_least', value: 1 } } })
      expectRefusal(unknownUnit, 422, 'invalid_plan')
      expect(unknownUnit.json()).toMatchObject({ details: [{ code: 'unknown_unit', refs: ['VIEC_LAM'] }] })
      expectRefusal(await officer.request('PUT', `${api}/plans/2030/indicators/VIEC_LAM`, JOBS), 404, 'not_found')
      expectRefusal(await officer.request('PUT', `${api}/plans/2024/indicators/VIEC_LAM`, { ...JOBS, aggregation: 'mean' }), 400, 'invalid')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('deletes an indicator softly: its values stay, and it comes back with them', async () => {
      const push = await t1.push(C, [t1.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 90, denominator: 100 } })])
      expect(push.outcomes[0]).toMatchObject({ status: 'applied' })
      const bhyt = (await planOfYear(2024))!.indicators.find((i) => i.code === 'BHYT')!
      const res = await officer.request('DELETE', `${api}/plans/2024/indicators/BHYT`)
      expect(res.statusCode, res.body).toBe(200)
      expect((await planOfYear(2024))!.indicators.map((i) => i.code)).not.toContain('BHYT')
      const cells = async () =>
        (await s.db.query('SELECT c.data FROM cell_values c JOIN indicators i ON i.id = c.indicator_id WHERE i.code = $1 AND c.commune_id = (SELECT id FROM communes WHERE code = $2)', ['BHYT', C])).rows
      expect(await cells()).toEqual([{ data: { kind: 'ratio', numerator: 90, denominator: 100 } }])
      // A push to a deleted indicator is refused; putting it back revives the same row and its values.
      expect((await t1.push(C, [t1.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 1, denominator: 2 }, baseVersion: push.version })])).outcomes[0]).toMatchObject({ status: 'rejected', code: 'not_found' })
      expect((await officer.request('PUT', `${api}/plans/2024/indicators/BHYT`, bhyt)).statusCode).toBe(201)
      expect(await cells()).toEqual([{ data: { kind: 'ratio', numerator: 90, denominator: 100 } }])
      expectRefusal(await officer.request('DELETE', `${api}/plans/2024/indicators/NOPE`), 404, 'not_found')
    })

    it('refuses to change the shape of an indicator’s values once figures were entered, and writes nothing', async () => {
      // BHYT holds a numerator and denominator (entered in the test above); as a plain count it would misread them.
      const bhyt = (await planOfYear(2024))!.indicators.find((i) => i.code === 'BHYT')!
      const before = await footprint(s.db)
      const asCount: Indicator = { ...bhyt, aggregation: 'stock', unitOfMeasure: 'người', scale: undefined, target: { kind: 'at_least', value: 1000 } }
      const res = await officer.request('PUT', `${api}/plans/2024/indicators/BHYT`, asCount)
      expectRefusal(res, 409, 'indicator_in_use')
      expect(res.json<{ message: string }>().message).toContain('tỷ lệ (tử số/mẫu số)')
      const whole = { ...(await planOfYear(2024))!, indicators: (await planOfYear(2024))!.indicators.map((i) => (i.code === 'BHYT' ? asCount : i)) }
      expectRefusal(await officer.request('PUT', `${api}/plans/2024`, whole), 409, 'indicator_in_use')
      expect(await footprint(s.db)).toEqual(before)
      // Changing what does not touch the stored shape (its name, its target) is fine.
      expect((await officer.request('PUT', `${api}/plans/2024/indicators/BHYT`, { ...bhyt, name: 'Tỷ lệ dân số tham gia BHYT', target: { kind: 'rate_at_least', value: 96 } })).statusCode).toBe(200)
    })

    it('refuses to delete an indicator others are computed from', async () => {
      const before = await footprint(s.db)
      const res = await officer.request('DELETE', `${api}/plans/2024/indicators/LUA_DT`)
      expectRefusal(res, 422, 'invalid_plan')
      expect(res.json()).toMatchObject({ details: [{ code: 'unknown_indicator', refs: ['LUA_NS'] }] })
      expect(await footprint(s.db)).toEqual(before)
    })

    it('bumps the commune version, and a reporter’s next pull brings the changed plan', async () => {
      const { cursor } = await t1.pullAll(C, 0)
      const lua = (await planOfYear(2024))!.indicators.find((i) => i.code === 'LUA_DT')!
      const res = await officer.request('PUT', `${api}/plans/2024/indicators/LUA_DT`, { ...lua, target: { kind: 'at_least', value: 235 } })
      expect(res.statusCode).toBe(200)
      const { version } = res.json<{ version: number }>()
      expect(version).toBe(cursor + 1)
      const pulled = await t1.pull(C, cursor)
      expect(pulled.cursor).toBe(version)
      expect(pulled.plans).toHaveLength(1)
      expect(pulled.plans[0]).toMatchObject({ year: 2024, version })
      expect((pulled.plans[0]!.plan as Plan).indicators.find((i) => i.code === 'LUA_DT')!.target).toEqual({ kind: 'at_least', value: 235 })
    })
  })

  describe('periods', () => {
    const month = { code: '2024-M05', kind: 'month', year: 2024, from: '2024-05-01', to: '2024-05-31', deadline: '2024-06-05' }

    it('adds a period that phones then pull, and refuses the same code twice', async () => {
      const { cursor } = await t1.pullAll(C, 0)
      const res = await officer.request('POST', `${api}/periods`, month)
      expect(res.statusCode, res.body).toBe(201)
      expect((await t1.pull(C, cursor)).periods).toEqual([{ ...month, locked: false, version: res.json<{ version: number }>().version }])
      const before = await footprint(s.db)
      expectRefusal(await officer.request('POST', `${api}/periods`, month), 409, 'period_exists')
      expectRefusal(await officer.request('POST', `${api}/periods`, { ...month, code: '2024-M06', to: '2024-04-30' }), 400, 'invalid')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('deletes a period nobody reported in, and refuses one with values', async () => {
      expect((await officer.request('DELETE', `${api}/periods/2024-M05`)).statusCode).toBe(200)
      expect(await periodsOf(2024)).not.toContain('2024-M05')
      expect((await auditRows('period')).at(-1)).toMatchObject({ old: { ...month, locked: false }, new: null })
      const before = await footprint(s.db)
      expectRefusal(await officer.request('DELETE', `${api}/periods/2024-Q1`), 409, 'period_in_use')
      expectRefusal(await officer.request('DELETE', `${api}/periods/2024-M05`), 404, 'not_found')
      expect(await footprint(s.db)).toEqual(before)
    })
  })

  describe('who may change the plan', () => {
    const writes = (): [method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown][] => [
      ['POST', `${api}/plans`, planOf(2027)],
      ['PUT', `${api}/plans/2024`, fixtureFile(C).plan],
      ['DELETE', `${api}/plans/2024`],
      ['PUT', `${api}/plans/2024/indicators/VIEC_LAM`, JOBS],
      ['DELETE', `${api}/plans/2024/indicators/VIEC_LAM`],
      ['POST', `${api}/periods`, { code: '2024-M07', kind: 'month', year: 2024, from: '2024-07-01', to: '2024-07-31', deadline: '2024-08-05' }],
      ['DELETE', `${api}/periods/2024-Q4`],
    ]

    it('refuses village heads and leaders (403), another commune (404) and strangers (401), writing nothing', async () => {
      const before = await footprint(s.db)
      for (const [method, url, body] of writes()) {
        expectRefusal(await t1.request(method, url, body), 403, 'forbidden')
        expectRefusal(await leader.request(method, url, body), 403, 'forbidden')
        const other = await stranger.request(method, url, body)
        expectRefusal(other, 404, 'not_found')
        expect(other.json()).toEqual({ code: 'not_found', key: 'commune_not_found', message: 'Không tìm thấy xã/phường' })
        expectRefusal(await s.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) }), 401, 'unauthorized')
      }
      expect(await footprint(s.db)).toEqual(before)
    })
  })
})
