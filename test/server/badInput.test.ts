import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT, buildApp } from '../../src/server/app'
import { MAX_FAILURES } from '../../src/server/auth/login'
import { readConfig } from '../../src/server/config'
import { DATABASES, fixtureFile, PASSWORD, startServer, type Agent, type TestServer } from './harness'

const C = 'xa-thu'

/** Everything a bad request could have written: it must be the same before and after. */
async function footprint(s: TestServer): Promise<unknown[]> {
  const r = await s.db.query(`SELECT
      (SELECT count(*)::int FROM cell_values) AS cells, (SELECT count(*)::int FROM reports) AS reports,
      (SELECT count(*)::int FROM audit) AS audit, (SELECT count(*)::int FROM mutations) AS mutations,
      (SELECT sum(version)::int FROM communes) AS versions, (SELECT count(*)::int FROM periods WHERE locked) AS locks`)
  return r.rows
}

describe.each(DATABASES)('bad input on $name', (factory) => {
  let s: TestServer
  let t1: Agent
  let officer: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    ;[t1, officer] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.canbo`)])
  }, 60_000)
  afterAll(() => s?.close())

  const push = (agent: Agent, body: unknown) => agent.request('POST', `/api/communes/${C}/sync/push`, body)
  const raw = (agent: Agent, method: 'POST' | 'PATCH', url: string, payload: string, contentType = 'application/json') =>
    s.app.inject({ method, url, headers: { cookie: agent.cookie, 'content-type': contentType }, payload })
  const value = (over: Record<string, unknown> = {}) => ({ ...t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 } }), ...over })

  type Case = [name: string, send: () => Promise<{ statusCode: number; json(): unknown }>, status: number, code: string]
  const cases: Case[] = [
    ['malformed JSON', () => raw(t1, 'POST', `/api/communes/${C}/sync/push`, '{"deviceId": "abc", "mutations": ['), 400, 'malformed_json'],
    ['NaN in JSON', () => raw(t1, 'POST', `/api/communes/${C}/sync/push`, '{"deviceId":"dev-12345678","mutations":[{"value":NaN}]}'), 400, 'malformed_json'],
    ['an empty body', () => raw(t1, 'POST', `/api/communes/${C}/sync/push`, ''), 400, 'malformed_json'],
    ['a body that is not JSON', () => raw(t1, 'POST', `/api/communes/${C}/sync/push`, 'deviceId=x', 'application/x-www-form-urlencoded'), 415, 'unsupported_media_type'],
    ['mutations not an array', () => push(t1, { deviceId: t1.deviceId, mutations: 'all' }), 400, 'invalid'],
    ['no mutations', () => push(t1, { deviceId: t1.deviceId, mutations: [] }), 400, 'invalid'],
    ['more than 500 mutations', () => push(t1, { deviceId: t1.deviceId, mutations: Array.from({ length: 501 }, () => value()) }), 400, 'invalid'],
    ['a deviceId of the wrong type', () => push(t1, { deviceId: 42, mutations: [value()] }), 400, 'invalid'],
    [`a body over ${BODY_LIMIT / 1024 / 1024} MB`, () => raw(t1, 'POST', `/api/communes/${C}/sync/push`, JSON.stringify({ deviceId: t1.deviceId, mutations: [value({ note: 'x'.repeat(BODY_LIMIT) })] })), 413, 'payload_too_large'],
    ['an unknown commune', () => t1.request('POST', '/api/communes/khong-co/sync/push', { deviceId: t1.deviceId, mutations: [value()] }), 404, 'not_found'],
    ['another commune', () => t1.request('POST', '/api/communes/xa-khac/sync/push', { deviceId: t1.deviceId, mutations: [value()] }), 404, 'not_found'],
    ['a pull cursor that is not a number', () => t1.request('GET', `/api/communes/${C}/sync/pull?cursor=abc`), 400, 'invalid'],
    ['a negative pull cursor', () => t1.request('GET', `/api/communes/${C}/sync/pull?cursor=-1`), 400, 'invalid'],
    ['a pull limit out of range', () => t1.request('GET', `/api/communes/${C}/sync/pull?cursor=0&limit=999999`), 400, 'invalid'],
    ['a plan year that is not a year', () => t1.request('GET', `/api/communes/${C}/plan?year=20x4`), 400, 'invalid'],
    ['a plan year that does not exist', () => t1.request('GET', `/api/communes/${C}/plan?year=1999`), 404, 'not_found'],
    ['a lock with wrong types', () => officer.request('PATCH', `/api/communes/${C}/periods/2024-Q1`, { locked: 'yes' }), 400, 'invalid'],
    ['a lock of an unknown period', () => officer.request('PATCH', `/api/communes/${C}/periods/2099-Q1`, { locked: true }), 404, 'not_found'],
    ['a lock of another commune’s period', () => officer.request('PATCH', '/api/communes/xa-khac/periods/2024-Q1', { locked: true }), 404, 'not_found'],
    ['an empty change of a period', () => officer.request('PATCH', `/api/communes/${C}/periods/2024-Q1`, {}), 400, 'invalid'],
    ['a deadline that is not a date', () => officer.request('PATCH', `/api/communes/${C}/periods/2024-Q1`, { deadline: '31/03/2024' }), 400, 'invalid'],
    ['a return without a reason', () => officer.request('POST', `/api/communes/${C}/reports/T1/2024-Q1/decision`, { action: 'return' }), 400, 'invalid'],
    ['an unknown decision', () => officer.request('POST', `/api/communes/${C}/reports/T1/2024-Q1/decision`, { action: 'delete' }), 400, 'invalid'],
    ['a decision on a report that does not exist', () => officer.request('POST', `/api/communes/${C}/reports/T9/2024-Q1/decision`, { action: 'approve' }), 404, 'not_found'],
    ['a login with wrong types', () => s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: ['a'], password: 1 } }), 400, 'invalid'],
    ['a login with a malformed deviceId', () => s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${C}.t1`, password: PASSWORD, deviceId: 'x y' } }), 400, 'invalid'],
    ['no session', () => s.app.inject({ method: 'GET', url: `/api/communes/${C}/sync/pull?cursor=0` }), 401, 'unauthorized'],
    // Text PostgreSQL cannot store (NUL, a lone surrogate) anywhere in a request: a 400, never a 500.
    ['a NUL in a path parameter', () => officer.request('GET', `/api/communes/xa%00thu/plan`), 400, 'invalid'],
    ['a NUL in a path parameter passed on as it is', () => officer.request('PATCH', `/api/communes/${C}/units/T%001`, { name: 'Thôn 1' }), 400, 'invalid'],
    ['a NUL in a query string', () => officer.request('GET', `/api/communes/${C}/audit?user=a%00b`), 400, 'invalid'],
    ['a lone surrogate in a query string', () => officer.request('GET', `/api/communes/${C}/history?unit=T1&period=2024-Q1&indicator=%ED%A0%80`), 400, 'invalid'],
    ['a NUL in a login name', () => s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'a\u0000b', password: 'x' } }), 400, 'invalid'],
    ['a lone surrogate in a password', () => s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${C}.t1`, password: '\ud800' } }), 400, 'invalid'],
    ['a NUL in a unit name', () => officer.request('POST', `/api/communes/${C}/units`, { code: 'T9', name: 'Thôn\u00009', kind: 'thon' }), 400, 'invalid'],
    ['a lone surrogate in a return reason', () => officer.request('POST', `/api/communes/${C}/reports/T1/2024-Q1/decision`, { action: 'return', reason: 'sai \udc00' }), 400, 'invalid'],
    ['a lone surrogate in a period’s lock reason', () => officer.request('PATCH', `/api/communes/${C}/periods/2024-Q1`, { locked: true, lockReason: '\ud800' }), 400, 'invalid'],
    ['a NUL in an account’s display name', () => officer.request('POST', `/api/communes/${C}/users`, { username: 'moi.tai.khoan', displayName: 'A\u0000', role: 'reporter', units: ['T1'], password: 'mat-khau-moi' }), 400, 'invalid'],
    ['a body nested 10,000 deep', () => raw(officer, 'POST', `/api/communes/${C}/units`, `${'['.repeat(10_000)}${']'.repeat(10_000)}`), 400, 'invalid'],
    ['a 10 MB body', () => raw(t1, 'POST', `/api/communes/${C}/sync/push`, JSON.stringify({ deviceId: t1.deviceId, mutations: [value({ note: 'x'.repeat(10 * 1024 * 1024) })] })), 413, 'payload_too_large'],
    ['a forged session', () => s.app.inject({ method: 'GET', url: `/api/communes/${C}/sync/pull?cursor=0`, headers: { cookie: 'td_session=forged' } }), 401, 'unauthorized'],
  ]

  it.each(cases)('%s → %i %s, nothing written', async (_name, send, status, code) => {
    const before = await footprint(s)
    const res = await send()
    expect(res.statusCode).toBe(status)
    expect(res.json()).toMatchObject({ code, message: expect.any(String) })
    expect((res.json() as { message: string }).message.length).toBeGreaterThan(5)
    expect(await footprint(s)).toEqual(before)
  })

  describe('inside a batch, each bad mutation is rejected alone', () => {
    const bad: [string, Record<string, unknown>][] = [
      ['a value of the wrong type', { value: { kind: 'number', value: '12' } }],
      ['a huge number', { value: { kind: 'number', value: 1e16 } }],
      ['a negative denominator', { indicator: 'BHYT', value: { kind: 'ratio', numerator: 1, denominator: -5 } }],
      ['a numerator above its denominator', { indicator: 'BHYT', value: { kind: 'ratio', numerator: 6, denominator: 5 } }],
      ['an unknown unit', { unit: 'T9' }],
      ['an unknown period', { period: '2024-Q9' }],
      ['an unknown indicator', { indicator: 'KHONG_CO' }],
      ['a base version that is not an integer', { baseVersion: 1.5 }],
      ['a malformed client time', { clientTime: 'hôm qua' }],
      ['a malformed mutation id', { mutationId: 'short' }],
      ['a note that is too long', { note: 'x'.repeat(2001) }],
      ['another commune’s unit code', { unit: 'KHAC-1' }],
      ['a NUL in a note', { note: 'a\u0000b' }],
      ['a lone surrogate in a note', { note: '\ud800' }],
      ['a lone surrogate in a yes/no note', { indicator: 'ANTT', unit: 'CA', value: { kind: 'yes_no', achieved: true, note: 'x\udfff' } }],
      ['a NUL in a unit code', { unit: 'T1\u0000' }],
      ['1e308', { value: { kind: 'number', value: 1e308 } }],
    ]
    it('Infinity written as 1e999 in the JSON text', async () => {
      const before = await footprint(s)
      const body = JSON.stringify({ deviceId: t1.deviceId, mutations: [value({ value: { kind: 'number', value: 123456789 } })] }).replace('123456789', '1e999')
      const res = await raw(t1, 'POST', `/api/communes/${C}/sync/push`, body)
      expect(res.json()).toMatchObject({ outcomes: [{ status: 'rejected', code: 'invalid' }] })
      expect({ ...((await footprint(s))[0] as object), mutations: 0 }).toEqual({ ...(before[0] as object), mutations: 0 })
    })

    it('a poison mutation is rejected alone: the good ones beside it are applied', async () => {
      const good1 = value({ value: { kind: 'number', value: 11 }, period: '2024-Q2' })
      const good2 = value({ indicator: 'LUA_SL', value: { kind: 'number', value: 12 }, period: '2024-Q2' })
      const nul = value({ note: 'a\u0000b' })
      const surrogate = value({ indicator: 'BHYT', value: { kind: 'ratio', numerator: 1, denominator: 2 }, note: '\ud800' })
      const res = await t1.push(C, [good1, nul, surrogate, good2])
      expect(res.outcomes.map((o) => o.status)).toEqual(['applied', 'rejected', 'rejected', 'applied'])
      for (const o of res.outcomes.slice(1, 3)) {
        expect(o).toMatchObject({ status: 'rejected', code: 'invalid', message: expect.stringContaining('ký tự không hợp lệ') })
      }
      const pulled = await t1.pullAll(C, 0)
      const values = pulled.pages.flatMap((p) => p.values).filter((x) => x.period === '2024-Q2')
      expect(values.map((x) => x.value)).toEqual(expect.arrayContaining([{ kind: 'number', value: 11 }, { kind: 'number', value: 12 }]))
    })

    it.each(bad)('%s', async (_name, over) => {
      const before = await footprint(s)
      const res = await t1.push(C, [value(over)])
      expect(res.outcomes[0]).toMatchObject({ status: 'rejected', code: expect.stringMatching(/^(invalid|not_found|forbidden)$/), message: expect.any(String) })
      const after = await footprint(s)
      // Only the mutation's recorded outcome may be new; no cell, report, audit or version.
      expect({ ...(after[0] as object), mutations: 0 }).toEqual({ ...(before[0] as object), mutations: 0 })
    })
  })

  describe('a database refusal that input causes is a 400, never a 500 (the safety net behind parsing)', () => {
    it.each([
      ['a NUL in text', "SELECT $1::text AS t", ['a\u0000b']],
      ['a NUL escaped in JSON', "SELECT $1::jsonb AS t", ['{"a":"\\u0000"}']],
      ['a malformed number', "SELECT $1::numeric AS t", ['12,5']],
      ['a number out of range', "SELECT $1::int AS t", ['99999999999']],
      ['an impossible date', "SELECT $1::date AS t", ['2024-02-30']],
    ])('%s', async (_name, sql, params) => {
      const app = await buildApp({ config: readConfig({}), db: s.db, logger: false })
      app.get('/api/raw', async () => (await s.db.query(sql, params)).rows)
      const res = await app.inject('/api/raw')
      await app.close()
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'invalid', message: expect.stringContaining('không hợp lệ') })
    })

    it('while an error of the server itself stays a 500', async () => {
      const app = await buildApp({ config: readConfig({}), db: s.db, logger: false })
      app.get('/api/raw', async () => (await s.db.query('SELECT * FROM no_such_table')).rows)
      const res = await app.inject('/api/raw')
      await app.close()
      expect(res.statusCode).toBe(500)
    })
  })

  describe('sessions', () => {
    it('expires a device session after months without use, and logout revokes it at once', async () => {
      const agent = await s.login(`${C}.t2`)
      expect((await agent.request('GET', '/api/auth/me')).statusCode).toBe(200)
      const saved = s.clock.now
      s.clock.now = new Date(saved.getTime() + 181 * 86_400_000)
      const expired = await agent.request('GET', '/api/auth/me')
      s.clock.now = saved
      expect(expired.statusCode).toBe(401)
      expect(expired.json()).toMatchObject({ code: 'unauthorized' })
      const other = await s.login(`${C}.t2`)
      expect((await other.request('POST', '/api/auth/logout')).statusCode).toBe(200)
      expect((await other.request('GET', '/api/auth/me')).statusCode).toBe(401)
    })

    it('keeps a phone signed in through months of use', async () => {
      const agent = await s.login(`${C}.ca`)
      const saved = s.clock.now
      for (let month = 1; month <= 9; month++) {
        s.clock.now = new Date(saved.getTime() + month * 30 * 86_400_000)
        expect((await agent.request('GET', '/api/auth/me')).statusCode).toBe(200)
      }
      s.clock.now = saved
    })

    it('refuses a wrong password with one message for unknown users and wrong passwords, then throttles', async () => {
      const attempt = (username: string, password: string) => s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
      const unknown = await attempt('khong-co', 'x')
      const wrong = await attempt(`${C}.lanhdao`, 'sai-mat-khau')
      expect(unknown.statusCode).toBe(401)
      expect(wrong.json()).toEqual(unknown.json())
      for (let i = 1; i < MAX_FAILURES; i++) await attempt(`${C}.lanhdao`, 'sai-mat-khau')
      const throttled = await attempt(`${C}.lanhdao`, PASSWORD)
      expect(throttled.statusCode).toBe(429)
      expect(throttled.json()).toMatchObject({ code: 'too_many_attempts' })
      s.clock.now = new Date(s.clock.now.getTime() + 16 * 60_000)
      expect((await attempt(`${C}.lanhdao`, PASSWORD)).statusCode).toBe(200)
    })

    it('sets the session cookie httpOnly and SameSite', async () => {
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${C}.t1`, password: PASSWORD } })
      const cookie = res.cookies.find((c) => c.name === 'td_session')
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' })
      expect(cookie!.maxAge).toBeGreaterThan(90 * 86_400)
      expect(JSON.stringify(res.json())).not.toContain(cookie!.value)
    })
  })
})
