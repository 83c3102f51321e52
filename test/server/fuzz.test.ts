// Fuzzing every route of the API (issue 11): generated bodies, path parameters, query strings
// and strings (NUL, lone surrogates, 1e308, -0, deep nesting, a 10 MB body), sent as an officer,
// as a village head and without a session, on each database. Whatever is sent:
// - no answer is a 5xx;
// - every 4xx is JSON `{ code, message }`;
// - a refused request wrote nothing (the footprint of the main tables is unchanged).
// Routes are read from the running app (printRoutes), so a route added later is fuzzed too.
import * as fc from 'fast-check'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'

const C = 'xa-thu'
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
interface Route {
  method: Method
  path: string
}

/**
 * Every route of the app, from Fastify's own route tree: each line of `printRoutes` is a path
 * segment under its parent (indented four characters a level) and the methods it answers.
 */
export function routesOf(app: FastifyInstance): Route[] {
  const routes: Route[] = []
  const stack: string[] = []
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const start = line.search(/[^│├└─\s]/u)
    if (start < 0) continue
    const depth = Math.floor(start / 4)
    const m = /^(.*?)(?: \(([^)]*)\))?$/.exec(line.slice(start))!
    const path = (stack[depth - 1] ?? '') + m[1]!
    stack[depth] = path
    stack.length = depth + 1
    for (const method of (m[2] ?? '').split(',').map((x) => x.trim())) {
      if (method === 'GET' || method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE') routes.push({ method, path })
    }
  }
  return routes
}

// ---------------------------------------------------------------------------
// Generators

/** Strings that have broken servers: what PostgreSQL refuses, what parsers trip on, and plausible values. */
const NASTY = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\udc00\ud800',
  '',
  ' ',
  '\t\n',
  'T1',
  'T2',
  'CA',
  '2024-Q1',
  '2024',
  'xa-thu',
  'xa-khac',
  'LUA_DT',
  'BHYT',
  'xa-thu.t2',
  '2024-13-45',
  '9'.repeat(400),
  'x'.repeat(5000),
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '😀',
  'Thôn 1 – Đông',
  '1e308',
  '-0',
  'NaN',
]
const FIELD_NAMES = [
  'deviceId', 'mutations', 'kind', 'value', 'note', 'unit', 'period', 'indicator', 'baseVersion', 'clientTime', 'mutationId', 'numerator',
  'denominator', 'achieved', 'username', 'password', 'name', 'code', 'role', 'units', 'displayName', 'active', 'locked', 'lockReason',
  'deadline', 'action', 'reason', 'comments', 'from', 'to', 'year', 'title', 'fields', 'indicators', 'format', 'commune', 'checksum', 'user',
  'createdAt', 'target', 'aggregation', 'reporters', 'parent', 'protocol', '__proto__',
]

const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 30 }), fc.string({ unit: 'binary', maxLength: 30 }))
const number = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, 0, 1, 100, 2024, 1e15, 1e16, Number.MAX_SAFE_INTEGER, 2 ** 53 + 1, 5e-324, -1),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
)
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null))
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.oneof(fc.constantFrom(...FIELD_NAMES), text), tie('value'), { maxKeys: 5 })),
})).value

/** A mutation that looks real, with any of its fields replaced by something generated. */
const mutation = fc
  .record({
    kind: fc.constantFrom('value', 'report'),
    mutationId: fc.oneof(fc.constant(undefined), text, fc.uuid()),
    deviceId: fc.oneof(fc.constant('dev-fuzz-0001'), text),
    unit: fc.oneof(fc.constantFrom('T1', 'T2', 'CA'), text),
    period: fc.oneof(fc.constant('2024-Q1'), text),
    indicator: fc.oneof(fc.constantFrom('LUA_DT', 'BHYT', 'ANTT', 'LUA_NS'), text),
    value: fc.oneof(
      fc.record({ kind: fc.constant('number'), value: number }),
      fc.record({ kind: fc.constant('ratio'), numerator: number, denominator: number }),
      fc.record({ kind: fc.constant('yes_no'), achieved: fc.boolean(), note: text }),
      json,
    ),
    note: fc.oneof(text, fc.constant(null)),
    action: fc.oneof(fc.constantFrom('submit', 'recall'), text),
    baseVersion: number,
    clientTime: fc.oneof(fc.constant('2024-04-02T03:04:05.000Z'), text),
  })
  .map((m) => ({ ...m, mutationId: m.mutationId ?? `fuzz-${Math.random().toString(36).slice(2, 12)}` }))

const body = fc.oneof(
  json,
  fc.record({ deviceId: fc.oneof(fc.constant('dev-fuzz-0001'), text), mutations: fc.array(fc.oneof(mutation, json), { minLength: 1, maxLength: 5 }) }),
  fc.record({ username: text, password: text, deviceId: fc.option(text) }),
  fc.record({ code: text, name: text, kind: fc.oneof(fc.constant('thon'), text), parent: fc.option(text) }),
  fc.record({ action: fc.constantFrom('approve', 'return', 'reopen'), reason: text, comments: fc.dictionary(text, text, { maxKeys: 3 }) }),
  fc.record({ locked: fc.oneof(fc.boolean(), scalar), lockReason: fc.option(text), deadline: text }),
  fc.record({ username: text, displayName: text, role: fc.oneof(fc.constantFrom('reporter', 'officer', 'admin'), text), units: fc.array(text, { maxLength: 3 }), password: text }),
  fc.record({ format: fc.constant('thi-dua.backup/1'), commune: fc.constant(C), deviceId: text, user: fc.option(fc.record({ username: text, displayName: text })), createdAt: text, mutations: fc.array(mutation, { maxLength: 3 }), checksum: text }),
)

/** A path segment, percent-encoded as a client would send it, or raw bytes no decoder accepts. */
const segment = fc.oneof(
  fc.constantFrom('xa-thu', 'xa-khac', 'khong-co', 'T1', 'T9', '2024-Q1', '2023', '2031', 'LUA_DT', 'xa-thu.t2', 'moi.tai.khoan'),
  fc.constantFrom('%00', 'a%00b', '%ED%A0%80', '%FF', '%C0%80', '%E2%82', '..', '%2e%2e', '%2F', 'x'.repeat(3000)),
  text.map(encodeLoose),
)

/** encodeURIComponent, except that a lone surrogate is sent as the (invalid) UTF-8 of it. */
function encodeLoose(s: string): string {
  return Array.from(s, (ch) => {
    const c = ch.charCodeAt(0)
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) return `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`.toUpperCase()
    return encodeURIComponent(ch)
  }).join('')
}

const query = fc.oneof(
  fc.constant(''),
  fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('year', 'cursor', 'limit', 'unit', 'period', 'indicator', 'phase', 'basis', 'kind', 'user', 'entity', 'before', 'protocol'), text), fc.oneof(text, number.map(String))), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, x]) => `${encodeLoose(k)}=${encodeLoose(x)}`).join('&')),
  fc.constantFrom('cursor=%00', 'year=%ED%A0%80', 'a=%FF', 'year=2024&year=2025', 'cursor=1e308', 'limit=-0', '%', '&&&=', 'cursor[]=1'),
)

// ---------------------------------------------------------------------------

/** What a refused request must not have changed. */
async function footprint(s: TestServer): Promise<unknown> {
  const r = await s.db.query(`SELECT
      (SELECT count(*)::int FROM cell_values) AS cells, (SELECT count(*)::int FROM reports) AS reports,
      (SELECT count(*)::int FROM audit) AS audit, (SELECT count(*)::int FROM mutations) AS mutations,
      (SELECT count(*)::int FROM periods) AS periods, (SELECT count(*)::int FROM units) AS units,
      (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM plans) AS plans,
      (SELECT count(*)::int FROM indicators) AS indicators, (SELECT count(*)::int FROM sessions) AS sessions,
      (SELECT coalesce(sum(version), 0)::text FROM communes) AS versions,
      (SELECT coalesce(max(version), 0)::text FROM cell_values) AS cell_version`)
  return r.rows[0]
}

describe.each(DATABASES)('fuzzing every route on $name', (factory) => {
  let s: TestServer
  let routes: Route[]
  let agents: Record<'officer' | 'reporter' | 'anonymous', Agent | null>
  let sent = 0

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    const [officer, reporter] = await Promise.all([s.login(`${C}.canbo`), s.login(`${C}.t1`)])
    agents = { officer, reporter, anonymous: null }
    routes = routesOf(s.app)
  }, 60_000)
  afterAll(() => s?.close())

  /** Sends one request and checks the three properties. */
  async function check(who: keyof typeof agents, method: Method, url: string, payload?: { json: unknown } | { raw: string }): Promise<LightMyRequestResponse> {
    const agent = agents[who]
    // Signing out would end the fuzzing agent's session: that route gets a session of its own.
    const cookie = url.split('?')[0] === '/api/auth/logout' && agent ? (await s.login(who === 'officer' ? `${C}.canbo` : `${C}.t1`)).cookie : agent?.cookie
    const before = await footprint(s)
    const res = await s.app.inject({
      method,
      url,
      // A different client address per request: the fuzzed sign-ins must not throttle the harness's own.
      remoteAddress: `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent++ & 255}`,
      headers: { ...(cookie ? { cookie } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) },
      ...(payload ? { payload: 'raw' in payload ? payload.raw : JSON.stringify(payload.json) } : {}),
    })
    const what = `${who} ${method} ${url.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`
    expect(res.statusCode, what).toBeLessThan(500)
    if (res.statusCode >= 400) {
      // Every refusal of the API is {code, message}. (Generated ".." and "%2e%2e" segments can walk
      // the path out of /api, as a browser resolves them too: "/api/a/../b/%2e%2e/../c" is "/c",
      // which is no API path, and the app's 404 for it is plain text.)
      const path = new URL(url, 'http://x').pathname
      if (path === '/api' || path.startsWith('/api/')) {
        expect(res.headers['content-type'], what).toMatch(/^application\/json/)
        const answer = res.json<{ code?: unknown; message?: unknown }>()
        expect(typeof answer.code === 'string' && answer.code.length > 0, what).toBe(true)
        expect(typeof answer.message === 'string' && answer.message.length > 0, what).toBe(true)
      }
      expect(await footprint(s), what).toEqual(before)
    }
    if (who !== 'anonymous') answered[who].push(res.statusCode)
    return res
  }

  /** The statuses each signed-in agent got: a run where a session died would fuzz nothing behind it. */
  const answered = { officer: [] as number[], reporter: [] as number[] }
  async function stillSignedIn(): Promise<void> {
    for (const who of ['officer', 'reporter'] as const) {
      expect((await agents[who]!.request('GET', '/api/auth/me')).statusCode, `${who} still signed in`).toBe(200)
      expect(answered[who].filter((x) => x !== 401).length, `${who} reached past the session check`).toBeGreaterThan(answered[who].length / 2)
    }
  }

  const fill = (path: string, segments: string[]) => {
    let i = 0
    return path.replace(/:[A-Za-z]+/g, () => segments[i++ % Math.max(1, segments.length)] ?? 'x')
  }
  const WHO = ['officer', 'reporter', 'anonymous'] as const

  it('finds the routes of the app', () => {
    expect(routes.length).toBeGreaterThan(20)
    expect(routes).toContainEqual({ method: 'POST', path: '/api/communes/:commune/sync/push' })
    expect(routes).toContainEqual({ method: 'PATCH', path: '/api/communes/:commune/users/:username' })
  })

  it('answers the classic poison inputs on every route without a 5xx', async () => {
    let deep = '0'
    for (let i = 0; i < 10_000; i++) deep = `[${deep}]`
    const big = JSON.stringify({ deviceId: 'dev-fuzz-0001', mutations: [{ note: 'x'.repeat(10 * 1024 * 1024) }] })
    // A huge array under the body limit, in every field a route might loop over.
    const many = Array.from({ length: 150_000 }, () => 0)
    const wide = JSON.stringify({ deviceId: 'dev-fuzz-0001', mutations: many, indicators: many, fields: many, units: many, comments: many, kinds: many })
    for (const route of routes) {
      const valid = (p: string) => fill(p, ['xa-thu', 'T1', '2024-Q1'])
      const writes = route.method !== 'GET' && route.method !== 'DELETE'
      for (const who of WHO) {
        await check(who, route.method, fill(route.path, ['a%00b']))
        await check(who, route.method, fill(route.path, ['%ED%A0%80']))
        await check(who, route.method, `${valid(route.path)}?year=%00&cursor=%ED%A0%80&unit=T1%00`)
        if (writes) {
          await check(who, route.method, valid(route.path), { json: { note: 'a\u0000b', name: '\ud800', username: 'x\u0000', reason: '\udc00', value: 1e308, year: -0 } })
          await check(who, route.method, valid(route.path), { raw: deep })
          if (who === 'officer') await check(who, route.method, valid(route.path), { raw: big })
          if (who === 'officer') await check(who, route.method, valid(route.path), { raw: wide })
        }
      }
    }
    // Paths no route has.
    for (const url of ['/api/khong-co', '/api/communes/xa-thu/khong-co/1', '/api/%00', '/api/communes/xa-thu/plan/extra/%ED%A0%80']) {
      for (const method of ['GET', 'POST', 'DELETE'] as const) await check('officer', method, url, method === 'POST' ? { json: {} } : undefined)
    }
    await stillSignedIn()
  }, 120_000)

  it('answers generated requests on every route without a 5xx, with {code, message}, writing nothing when it refuses', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...WHO),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        query,
        fc.option(body, { nil: undefined }),
        async (route, who, segments, q, b) => {
          const url = `${fill(route.path, segments)}${q ? `?${q}` : ''}`
          const withBody = route.method !== 'GET' && route.method !== 'DELETE' && b !== undefined
          await check(who, route.method, url, withBody ? { json: b } : undefined)
        },
      ),
      { numRuns: factory.name === 'pglite' ? 250 : 150, endOnFailure: true },
    )
    await stillSignedIn()
  }, 120_000)

  it('answers a generated push batch per mutation: a poison one is rejected alone', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 8 }), async (mutations) => {
        const res = await check('reporter', 'POST', `/api/communes/${C}/sync/push`, { json: { deviceId: 'dev-fuzz-0001', mutations } })
        if (res.statusCode === 200) expect(res.json<{ outcomes: unknown[] }>().outcomes).toHaveLength(mutations.length)
      }),
      { numRuns: 60, endOnFailure: true },
    )
  }, 120_000)

  it('applies the good mutations of an up-to-date phone and rejects the ones whose text cannot be stored', async () => {
    const versionOf = async (period: string, indicator: string) =>
      Number(
        (
          await s.db.query<{ version: number }>(
            `SELECT c.version FROM cell_values c JOIN units u ON u.id = c.unit_id JOIN periods p ON p.id = c.period_id JOIN indicators i ON i.id = c.indicator_id
              WHERE u.code = 'T1' AND p.code = $1 AND i.code = $2 AND u.commune_id = (SELECT id FROM communes WHERE code = $3)`,
            [period, indicator, C],
          )
        ).rows[0]?.version ?? 0,
      )
    const cell = fc.record({
      period: fc.constantFrom('2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'),
      indicator: fc.constantFrom('LUA_DT', 'LUA_SL'),
      value: fc.double({ min: 0, max: 1e6, noNaN: true }),
      note: fc.oneof(text, fc.constant(null)),
    })
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(cell, { minLength: 1, maxLength: 6, selector: (c) => `${c.period}/${c.indicator}` }), async (cells) => {
        const reporter = agents.reporter!
        const mutations = []
        for (const c of cells) {
          mutations.push(reporter.value({ unit: 'T1', period: c.period, indicator: c.indicator, value: { kind: 'number', value: c.value }, note: c.note, baseVersion: await versionOf(c.period, c.indicator) }))
        }
        const res = await check('reporter', 'POST', `/api/communes/${C}/sync/push`, { json: { deviceId: reporter.deviceId, mutations } })
        expect(res.statusCode).toBe(200)
        const outcomes = res.json<{ outcomes: { status: string; code?: string }[] }>().outcomes
        cells.forEach((c, i) => {
          // What PostgreSQL stores: no NUL, and text that survives UTF-8 (a lone surrogate does not).
          const storable = c.note === null || (!c.note.includes('\u0000') && new TextDecoder().decode(new TextEncoder().encode(c.note)) === c.note)
          const tooLong = c.note !== null && c.note.length > 2000
          // (A report another run submitted may refuse the value; never as invalid.)
          if (storable && !tooLong) expect(outcomes[i], JSON.stringify(c)).not.toMatchObject({ status: 'rejected', code: 'invalid' })
          else expect(outcomes[i], JSON.stringify(c)).toMatchObject({ status: 'rejected', code: 'invalid' })
        })
      }),
      { numRuns: 40, endOnFailure: true },
    )
  }, 120_000)
})
