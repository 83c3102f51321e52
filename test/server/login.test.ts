// Sign-in throttling (issue 11): counted and checked in one step in the database, per (username,
// client address) with growing delays, so it cannot be raced and a stranger cannot lock the
// owner out; the export budget held in the database across instances; Secure session cookies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../src/server/app'
import { ADDRESS_FAILURES, blockDuration, clientKey, FIRST_BLOCK_MS, MAX_BLOCK_MS, MAX_FAILURES } from '../../src/server/auth/login'
import { readConfig } from '../../src/server/config'
import { hit } from '../../src/server/db/rateLimits'
import { EXPORT_LIMIT } from '../../src/server/routes/exports'
import { DATABASES, fixtureFile, PASSWORD, startServer, type TestServer } from './harness'

const C = 'xa-thu'

describe('the client address throttling counts by', () => {
  it.each([
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    [undefined, 'unknown'],
  ])('%s → %s', (ip, key) => {
    expect(clientKey(ip)).toBe(key)
  })
})

describe.each(DATABASES)('sign-in throttling and request budgets on $name', (factory) => {
  let s: TestServer

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
  }, 60_000)
  afterAll(() => s?.close())

  const attempt = (username: string, password: string, ip = '198.51.100.7') =>
    s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip })
  const later = (ms: number) => {
    s.clock.now = new Date(s.clock.now.getTime() + ms)
  }

  it('lets at most MAX_FAILURES of 20 parallel wrong passwords reach the password check', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => attempt(`${C}.canbo`, 'sai-mat-khau')))
    const statuses = results.map((r) => r.statusCode)
    expect(statuses.filter((x) => x === 401)).toHaveLength(MAX_FAILURES)
    expect(statuses.filter((x) => x === 429)).toHaveLength(20 - MAX_FAILURES)
    for (const r of results) expect(r.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) })
    // The right password from that address waits too…
    expect((await attempt(`${C}.canbo`, PASSWORD)).statusCode).toBe(429)
    // …and so does one from another address of the same IPv6 network, not only from the same one…
    expect((await attempt(`${C}.lanhdao`, 'sai', '2001:db8:7:7::1')).statusCode).toBe(401)
    for (let i = 1; i < MAX_FAILURES; i++) await attempt(`${C}.lanhdao`, 'sai', `2001:db8:7:7::${i + 1}`)
    expect((await attempt(`${C}.lanhdao`, PASSWORD, '2001:db8:7:7:ffff::9')).statusCode).toBe(429)
    expect((await attempt(`${C}.lanhdao`, PASSWORD, '2001:db8:7:8::1')).statusCode).toBe(200)
    // …but the owner, from another address, signs in at once.
    expect((await attempt(`${C}.canbo`, PASSWORD, '203.0.113.20')).statusCode).toBe(200)
  }, 60_000)

  it('refuses a throttled address for a minute, then twice as long after the next run of failures, up to 15 minutes', async () => {
    expect(blockDuration(1)).toBe(FIRST_BLOCK_MS)
    expect(blockDuration(2)).toBe(2 * FIRST_BLOCK_MS)
    expect(blockDuration(10)).toBe(MAX_BLOCK_MS)
    const ip = '198.51.100.8'
    for (let i = 0; i < MAX_FAILURES; i++) expect((await attempt(`${C}.t1`, 'sai', ip)).statusCode).toBe(401)
    expect((await attempt(`${C}.t1`, PASSWORD, ip)).statusCode).toBe(429)
    later(FIRST_BLOCK_MS + 1000)
    for (let i = 0; i < MAX_FAILURES; i++) expect((await attempt(`${C}.t1`, 'sai', ip)).statusCode).toBe(401)
    later(FIRST_BLOCK_MS + 1000)
    const second = await attempt(`${C}.t1`, PASSWORD, ip)
    expect(second.statusCode).toBe(429)
    expect(second.json()).toMatchObject({ code: 'too_many_attempts', message: expect.stringContaining('phút') })
    later(FIRST_BLOCK_MS)
    // A success forgets the address's failures.
    expect((await attempt(`${C}.t1`, PASSWORD, ip)).statusCode).toBe(200)
    const rows = await s.db.query("SELECT 1 FROM login_throttle WHERE username = $1 AND ip = $2", [`${C}.t1`, ip])
    expect(rows.rows).toEqual([])
  }, 60_000)

  it('forgets failures of a pair that has been quiet for a day', async () => {
    await attempt(`${C}.t2`, 'sai', '198.51.100.9')
    const count = async () => Number((await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM login_throttle WHERE ip = '198.51.100.9'")).rows[0]!.n)
    expect(await count()).toBe(1)
    later(25 * 60 * 60 * 1000)
    await attempt('khong-co', 'sai', '198.51.100.10')
    expect(await count()).toBe(0)
  }, 60_000)

  it('holds back one address trying many usernames, not the others', async () => {
    const ip = '198.51.100.11'
    for (let i = 0; i < ADDRESS_FAILURES.max; i++) await hit(s.db, ADDRESS_FAILURES, ip, s.clock.now)
    const sprayed = await attempt(`${C}.ca`, PASSWORD, ip)
    expect(sprayed.statusCode).toBe(429)
    expect(sprayed.json()).toMatchObject({ code: 'too_many_attempts' })
    expect((await attempt(`${C}.ca`, PASSWORD, '198.51.100.12')).statusCode).toBe(200)
  }, 60_000)

  it('counts the export budget in the database, so a second instance sees what the first spent', async () => {
    const officer = await s.login(`${C}.canbo`)
    const userId = Number((await s.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [`${C}.canbo`])).rows[0]!.id)
    const url = `/api/communes/${C}/exports/results.xlsx?year=2024`
    expect((await officer.request('GET', url)).statusCode).toBe(200)
    for (let i = 1; i < EXPORT_LIMIT.max; i++) await hit(s.db, EXPORT_LIMIT, String(userId), s.clock.now)
    const other = await buildApp({ config: readConfig({}), db: s.db, logger: false, clock: () => s.clock.now })
    try {
      const refused = await other.inject({ method: 'GET', url, headers: { cookie: officer.cookie } })
      expect(refused.statusCode).toBe(429)
      expect(refused.json()).toMatchObject({ code: 'too_many_requests', message: expect.any(String) })
      later(EXPORT_LIMIT.windowMs)
      expect((await other.inject({ method: 'GET', url, headers: { cookie: officer.cookie } })).statusCode).toBe(200)
    } finally {
      await other.close()
    }
  }, 60_000)

  describe('Secure session cookies', () => {
    const secureOf = async (config: ReturnType<typeof readConfig>, headers: Record<string, string> = {}) => {
      const app = await buildApp({ config, db: s.db, logger: false, clock: () => s.clock.now })
      try {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `${C}.lanhdao`, password: PASSWORD }, headers })
        expect(res.statusCode, res.body).toBe(200)
        return res.cookies.find((c) => c.name === 'td_session')!.secure === true
      } finally {
        await app.close()
      }
    }

    it('are Secure over HTTPS through a trusted proxy, and in production', async () => {
      expect(await secureOf(readConfig({ TRUST_PROXY: 'true' }), { 'x-forwarded-proto': 'https' })).toBe(true)
      expect(await secureOf(readConfig({ NODE_ENV: 'production' }))).toBe(true)
      expect(await secureOf(readConfig({ COOKIE_SECURE: 'true' }))).toBe(true)
    })

    it('are not Secure over plain HTTP outside production, nor when an untrusted client claims HTTPS', async () => {
      expect(await secureOf(readConfig({}))).toBe(false)
      expect(await secureOf(readConfig({}), { 'x-forwarded-proto': 'https' })).toBe(false)
      expect(await secureOf(readConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }))).toBe(false)
    })
  })
})
