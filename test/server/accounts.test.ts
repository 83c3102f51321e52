import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountView } from '../../src/server/db/users'
import type { UnitView } from '../../src/server/db/units'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal, footprint } from './management'

const C = 'xa-thu'
const api = `/api/communes/${C}`

describe.each(DATABASES)('units, accounts and history on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let t1: Agent
  let t2: Agent
  let leader: Agent
  let stranger: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    ;[officer, t1, t2, leader, stranger] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.t1`), s.login(`${C}.t2`), s.login(`${C}.lanhdao`), s.login('xa-khac.canbo')])
  }, 60_000)
  afterAll(() => s?.close())

  const me = (agent: Agent) => agent.request('GET', '/api/auth/me')
  const accounts = async () => (await officer.request('GET', `${api}/users`)).json<AccountView[]>()
  const account = async (username: string) => (await accounts()).find((a) => a.username === username)!

  describe('units', () => {
    it('lists every unit with its active flag; a village head sees only their own', async () => {
      const all = (await officer.request('GET', `${api}/units`)).json<UnitView[]>()
      expect(all.map((u) => [u.code, u.kind, u.active])).toEqual([
        ['T1', 'thon', true],
        ['T2', 'thon', true],
        ['CA', 'cong_an', true],
      ])
      expect((await leader.request('GET', `${api}/units`)).json<UnitView[]>()).toHaveLength(3)
      expect((await t1.request('GET', `${api}/units`)).json<UnitView[]>().map((u) => u.code)).toEqual(['T1'])
      expectRefusal(await stranger.request('GET', `${api}/units`), 404, 'not_found')
    })

    it('adds a unit, under a parent that exists', async () => {
      const res = await officer.request('POST', `${api}/units`, { code: 'T3', name: 'Thôn 3', kind: 'thon' })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toEqual({ unit: { code: 'T3', name: 'Thôn 3', kind: 'thon', active: true, version: expect.any(Number) }, version: expect.any(Number) })
      const child = await officer.request('POST', `${api}/units`, { code: 'XOM-3A', name: 'Xóm 3A', kind: 'thon', parent: 'T3' })
      expect(child.json()).toMatchObject({ unit: { code: 'XOM-3A', parent: 'T3' } })
      const before = await footprint(s.db)
      expectRefusal(await officer.request('POST', `${api}/units`, { code: 'T3', name: 'Thôn 3 nữa', kind: 'thon' }), 409, 'unit_exists')
      expectRefusal(await officer.request('POST', `${api}/units`, { code: 'T4', name: 'Thôn 4', kind: 'thon', parent: 'T9' }), 422, 'unknown_parent')
      expectRefusal(await officer.request('POST', `${api}/units`, { code: 'T4', name: 'Thôn 4', kind: 'huyen' }), 400, 'invalid')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('renames and moves a unit, never under itself or its own descendant', async () => {
      const res = await officer.request('PATCH', `${api}/units/T3`, { name: 'Thôn Ba' })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ unit: { code: 'T3', name: 'Thôn Ba', kind: 'thon', active: true } })
      const before = await footprint(s.db)
      expectRefusal(await officer.request('PATCH', `${api}/units/T3`, { parent: 'XOM-3A' }), 422, 'unit_cycle')
      expectRefusal(await officer.request('PATCH', `${api}/units/T3`, { parent: 'T3' }), 422, 'unit_cycle')
      expectRefusal(await officer.request('PATCH', `${api}/units/T3`, { parent: 'T9' }), 422, 'unknown_parent')
      expectRefusal(await officer.request('PATCH', `${api}/units/T3`, {}), 400, 'invalid')
      expectRefusal(await officer.request('PATCH', `${api}/units/T9`, { name: 'Không có' }), 404, 'not_found')
      expect(await footprint(s.db)).toEqual(before)
      // Moving back under the commune.
      expect((await officer.request('PATCH', `${api}/units/XOM-3A`, { parent: null })).json()).toMatchObject({ unit: { code: 'XOM-3A' } })
      expect((await officer.request('GET', `${api}/units`)).json<UnitView[]>().find((u) => u.code === 'XOM-3A')).not.toHaveProperty('parent')
    })

    it('deactivates a unit: its values stay, pushes to it are refused, until it is reactivated', async () => {
      const first = await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 40 } })])
      expect(first.outcomes[0]).toMatchObject({ status: 'applied' })
      const cells = async () => (await s.db.query('SELECT count(*)::int AS n FROM cell_values')).rows[0]
      const had = await cells()
      const { cursor } = await officer.pullAll(C, 0)
      const off = await officer.request('PATCH', `${api}/units/T2`, { active: false })
      expect(off.json()).toMatchObject({ unit: { code: 'T2', active: false } })
      // The officer's phone pulls the change.
      expect((await officer.pull(C, cursor)).units).toEqual([expect.objectContaining({ code: 'T2', active: false })])
      const refused = await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 41 }, baseVersion: first.version })])
      expect(refused.outcomes[0]).toMatchObject({ status: 'rejected', code: 'not_found' })
      expect(await cells()).toEqual(had)
      expect((await officer.request('GET', `${api}/units`)).json<UnitView[]>().find((u) => u.code === 'T2')).toMatchObject({ active: false })
      await officer.request('PATCH', `${api}/units/T2`, { active: true })
      const again = await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 41 }, baseVersion: first.version })])
      expect(again.outcomes[0]).toMatchObject({ status: 'applied' })
    })

    it('refuses unit changes to village heads and leaders (403) and another commune (404), writing nothing', async () => {
      const before = await footprint(s.db)
      for (const [method, url, body] of [
        ['POST', `${api}/units`, { code: 'T5', name: 'Thôn 5', kind: 'thon' }],
        ['PATCH', `${api}/units/T1`, { active: false }],
      ] as const) {
        expectRefusal(await t1.request(method, url, body), 403, 'forbidden')
        expectRefusal(await leader.request(method, url, body), 403, 'forbidden')
        expectRefusal(await stranger.request(method, url, body), 404, 'not_found')
      }
      expect(await footprint(s.db)).toEqual(before)
    })
  })

  describe('accounts', () => {
    it('lists the commune’s accounts with their units and devices, never a password or hash', async () => {
      const res = await officer.request('GET', `${api}/users`)
      expect(res.statusCode).toBe(200)
      const list = res.json<AccountView[]>()
      expect(list.map((a) => [a.username, a.role, a.units, a.active])).toEqual([
        [`${C}.ca`, 'reporter', ['CA'], true],
        [`${C}.canbo`, 'officer', [], true],
        [`${C}.lanhdao`, 'leader', [], true],
        [`${C}.t1`, 'reporter', ['T1'], true],
        [`${C}.t2`, 'reporter', ['T2'], true],
      ])
      const at = s.clock.now.toISOString()
      // t2's phone has pushed (units tests above); t1's has only signed in.
      expect(list.find((a) => a.username === `${C}.t2`)!.devices).toEqual([{ deviceId: t2.deviceId, userAgent: 'lightMyRequest', createdAt: at, lastSeenAt: at, lastSyncAt: at, revoked: false }])
      const t1Account = list.find((a) => a.username === `${C}.t1`)!
      expect(t1Account.devices).toEqual([{ deviceId: t1.deviceId, userAgent: 'lightMyRequest', createdAt: at, lastSeenAt: at, lastSyncAt: null, revoked: false }])
      expect(Object.keys(t1Account).sort()).toEqual(['active', 'createdAt', 'devices', 'displayName', 'role', 'units', 'username'])
      expect(res.body).not.toMatch(/scrypt|password|hash/i)
    })

    it('refuses the account list to village heads and leaders (403) and another commune (404)', async () => {
      expectRefusal(await t1.request('GET', `${api}/users`), 403, 'forbidden')
      expectRefusal(await leader.request('GET', `${api}/users`), 403, 'forbidden')
      expectRefusal(await stranger.request('GET', `${api}/users`), 404, 'not_found')
    })

    it('creates an account that can sign in and report for its unit', async () => {
      const res = await officer.request('POST', `${api}/users`, { username: ' Xa-Thu.T3 ', displayName: 'Trưởng thôn 3', role: 'reporter', units: ['T3'], password: '246810' })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json()).toEqual({
        username: 'xa-thu.t3',
        displayName: 'Trưởng thôn 3',
        role: 'reporter',
        units: [{ code: 'T3', name: expect.any(String) }],
        commune: { code: C, name: expect.any(String) },
        // A password was given: no enrolment link.
        enrolment: null,
        account: { username: 'xa-thu.t3', displayName: 'Trưởng thôn 3', role: 'reporter', units: ['T3'], active: true, createdAt: s.clock.now.toISOString(), devices: [] },
        version: expect.any(Number),
      })
      expect(res.body).not.toMatch(/246810|scrypt/)
      const t3 = await s.login('xa-thu.t3', { password: '246810' })
      expect((await me(t3)).json()).toMatchObject({ username: 'xa-thu.t3', role: 'reporter', units: [{ code: 'T3' }] })
      const push = await t3.push(C, [t3.value({ unit: 'T3', indicator: 'LUA_DT', value: { kind: 'number', value: 12 } })])
      expect(push.outcomes[0]).toMatchObject({ status: 'applied' })
      const leaderRes = await officer.request('POST', `${api}/users`, { username: 'xa-thu.phochutich', displayName: 'Phó Chủ tịch', role: 'leader', password: 'pho-chu-tich' })
      expect(leaderRes.json()).toMatchObject({ account: { role: 'leader', units: [] } })
      const audit = (await s.db.query<{ new: unknown }>("SELECT new FROM audit WHERE entity = 'user' ORDER BY id DESC LIMIT 2")).rows
      expect(JSON.stringify(audit)).not.toMatch(/scrypt|246810|pho-chu-tich/)
      expect(audit[1]!.new).toEqual({ username: 'xa-thu.t3', displayName: 'Trưởng thôn 3', role: 'reporter', units: ['T3'], active: true })
    })

    it('refuses a taken name, an administrator, a reporter without units, a short password, writing nothing', async () => {
      const before = await footprint(s.db)
      const base = { username: 'xa-thu.moi', displayName: 'Người mới', role: 'reporter', units: ['T1'], password: '123456' }
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, username: `${C}.t1` }), 409, 'username_taken')
      // Usernames are unique across communes: a sign-in names no commune.
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, username: 'XA-KHAC.T1' }), 409, 'username_taken')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, role: 'admin', units: [] }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, role: 'province_admin', units: [] }), 403, 'forbidden')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, units: [] }), 422, 'units_required')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, role: 'officer' }), 422, 'units_not_allowed')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, units: ['T9'] }), 422, 'unknown_unit')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, password: '12345' }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/users`, { ...base, username: 'có dấu' }), 400, 'invalid')
      expectRefusal(await t1.request('POST', `${api}/users`, base), 403, 'forbidden')
      expectRefusal(await leader.request('POST', `${api}/users`, base), 403, 'forbidden')
      expectRefusal(await stranger.request('POST', `${api}/users`, base), 404, 'not_found')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('never touches another commune’s accounts', async () => {
      const before = await footprint(s.db)
      expectRefusal(await officer.request('PATCH', `${api}/users/xa-khac.t1`, { active: false }), 404, 'not_found')
      expectRefusal(await officer.request('POST', `${api}/users/xa-khac.t1/password`, { password: 'chiem-quyen' }), 404, 'not_found')
      expectRefusal(await officer.request('PATCH', '/api/communes/xa-khac/users/xa-khac.t1', { active: false }), 404, 'not_found')
      expectRefusal(await stranger.request('PATCH', `${api}/users/${C}.t1`, { active: false }), 404, 'not_found')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('re-assigns a reporter’s units; the new unit reaches their phone on the next pull', async () => {
      const { cursor } = await t1.pullAll(C, 0)
      const res = await officer.request('PATCH', `${api}/users/${C}.t1`, { units: ['T1', 'T3'] })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ account: { units: ['T1', 'T3'] } })
      expect((await t1.pull(C, cursor)).units.map((u) => u.code)).toEqual(['T3'])
      expect((await officer.request('PATCH', `${api}/users/${C}.t1`, { units: ['T1'] })).json()).toMatchObject({ account: { units: ['T1'] } })
      const before = await footprint(s.db)
      expectRefusal(await officer.request('PATCH', `${api}/users/${C}.t1`, { units: [] }), 422, 'units_required')
      expectRefusal(await officer.request('PATCH', `${api}/users/${C}.lanhdao`, { units: ['T1'] }), 422, 'units_not_allowed')
      expectRefusal(await officer.request('PATCH', `${api}/users/${C}.canbo`, { active: false }), 409, 'cannot_deactivate_self')
      expectRefusal(await t1.request('PATCH', `${api}/users/${C}.t1`, { displayName: 'Tôi' }), 403, 'forbidden')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('deactivating an account signs out every device, for good', async () => {
      const phone = await s.login('xa-thu.t3', { password: '246810' })
      const tablet = await s.login('xa-thu.t3', { password: '246810' })
      expect((await me(phone)).statusCode).toBe(200)
      const res = await officer.request('PATCH', `${api}/users/xa-thu.t3`, { active: false })
      expect(res.json()).toMatchObject({ account: { active: false } })
      expect(res.json<{ account: AccountView }>().account.devices.every((d) => d.revoked)).toBe(true)
      for (const agent of [phone, tablet]) expectRefusal(await me(agent), 401, 'unauthorized')
      await expect(s.login('xa-thu.t3', { password: '246810' })).rejects.toThrow(/401/)
      // Reactivated: the old sessions stay revoked, a new sign-in works.
      await officer.request('PATCH', `${api}/users/xa-thu.t3`, { active: true, displayName: 'Trưởng thôn Ba' })
      expectRefusal(await me(phone), 401, 'unauthorized')
      const again = await s.login('xa-thu.t3', { password: '246810' })
      expect((await me(again)).json()).toMatchObject({ displayName: 'Trưởng thôn Ba' })
    })

    it('resetting a password signs out every device and only the new password works', async () => {
      const old = await s.login(`${C}.t2`)
      const res = await officer.request('POST', `${api}/users/${C}.t2/password`, { password: 'mat-khau-moi' })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ username: `${C}.t2`, sessionsRevoked: 2 })
      for (const agent of [old, t2]) expectRefusal(await me(agent), 401, 'unauthorized')
      await expect(s.login(`${C}.t2`)).rejects.toThrow(/401/)
      t2 = await s.login(`${C}.t2`, { password: 'mat-khau-moi' })
      expect((await me(t2)).statusCode).toBe(200)
      expect((await account(`${C}.t2`)).devices.filter((d) => !d.revoked).map((d) => d.deviceId)).toEqual([t2.deviceId])
      const before = await footprint(s.db)
      expectRefusal(await officer.request('POST', `${api}/users/${C}.t2/password`, { password: 'ngan' }), 400, 'invalid')
      expectRefusal(await officer.request('POST', `${api}/users/khong-co/password`, { password: 'mat-khau-moi' }), 404, 'not_found')
      expectRefusal(await leader.request('POST', `${api}/users/${C}.t2/password`, { password: 'mat-khau-moi' }), 403, 'forbidden')
      expect(await footprint(s.db)).toEqual(before)
    })

    it('an officer resetting their own password stays signed in on this device only', async () => {
      const elsewhere = await s.login(`${C}.canbo`)
      const res = await officer.request('POST', `${api}/users/${C}.canbo/password`, { password: 'can-bo-moi' })
      expect(res.json()).toMatchObject({ sessionsRevoked: 1 })
      expectRefusal(await me(elsewhere), 401, 'unauthorized')
      expect((await me(officer)).statusCode).toBe(200)
    })
  })

  describe('a cell’s history', () => {
    const url = (unit: string, indicator = 'BHYT', period = '2024-Q2') => `${api}/history?unit=${unit}&period=${period}&indicator=${indicator}`

    it('gives every change of a cell, newest first, with who, which device and old → new', async () => {
      const m1 = t1.value({ unit: 'T1', indicator: 'BHYT', period: '2024-Q2', value: { kind: 'ratio', numerator: 90, denominator: 100 } })
      const r1 = await t1.push(C, [m1])
      const m2 = officer.value({ unit: 'T1', indicator: 'BHYT', period: '2024-Q2', value: { kind: 'ratio', numerator: 93, denominator: 100 }, note: 'theo số liệu BHXH', baseVersion: r1.version })
      expect((await officer.push(C, [m2])).outcomes[0]).toMatchObject({ status: 'applied' })
      const res = await t1.request('GET', url('T1'))
      expect(res.statusCode, res.body).toBe(200)
      const at = s.clock.now.toISOString()
      expect(res.json()).toEqual([
        {
          at,
          user: { username: `${C}.canbo`, displayName: 'Cán bộ Văn phòng – Thống kê' },
          deviceId: officer.deviceId,
          // The test's sign-in sent no user agent: the device is known by its id only.
          device: { kind: null, detail: '' },
          mutationId: m2.mutationId,
          old: { value: { kind: 'ratio', numerator: 90, denominator: 100 }, note: null, version: r1.version },
          new: { value: { kind: 'ratio', numerator: 93, denominator: 100 }, note: 'theo số liệu BHXH' },
        },
        {
          at,
          user: { username: `${C}.t1`, displayName: 'Trưởng thôn 1' },
          deviceId: t1.deviceId,
          device: { kind: null, detail: '' },
          mutationId: m1.mutationId,
          old: null,
          new: { value: { kind: 'ratio', numerator: 90, denominator: 100 }, note: null },
        },
      ])
      expect((await leader.request('GET', url('T1'))).json()).toHaveLength(2)
      expect((await officer.request('GET', url('T1', 'LUA_SL'))).json()).toEqual([])
    })

    it('keeps a village head to their own units’ history', async () => {
      expectRefusal(await t2.request('GET', url('T1')), 403, 'forbidden')
      expectRefusal(await stranger.request('GET', url('T1')), 404, 'not_found')
      expectRefusal(await officer.request('GET', url('T9')), 404, 'not_found')
      expectRefusal(await officer.request('GET', url('T1', 'BHYT', '2031-Q1')), 404, 'not_found')
      expectRefusal(await officer.request('GET', `${api}/history?unit=T1`), 400, 'invalid')
    })
  })
})
