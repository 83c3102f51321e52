// Starting the server for real use: the demo as this year's plans, a production start that has
// no account anyone can use until `create-admin` runs and that refuses demo accounts, and the
// first administrator's one-time link. On both databases.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { closeDemoAccounts, createAdmin, UsageError } from '../../src/server/adminTasks'
import { buildApp } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import type { Db } from '../../src/server/db/types'
import { loadDemo } from '../../src/server/demo/loadDemo'
import { presentAsYear } from '../../src/server/demo/presentYear'
import { shiftDate } from '../../src/shared/periods'
import { prepareDatabase, UnsafeStartError } from '../../src/server/start'
import { DATABASES } from './harness'

const NOW = new Date('2026-12-05T03:00:00Z')

describe('the demo presented as this year', () => {
  it('moves dates by whole years, 29 February to the 28th in a common year', () => {
    expect(shiftDate('2023-06-30', 3)).toBe('2026-06-30')
    expect(shiftDate('2024-02-29', 2)).toBe('2026-02-28')
    expect(shiftDate('2024-02-29', 4)).toBe('2028-02-29')
  })

  it('keeps the targets and keeps the signed number, date and year as the source', async () => {
    const [pho] = (await loadDemo()).filter((d) => d.file.commune.code === 'pho-thuan')
    const shown = presentAsYear(pho!.file, 2026)
    expect(shown.plan.year).toBe(2026)
    expect(shown.plan.source).toEqual({ number: '71/KH-UBND', issuedOn: '2022-12-22', year: 2023 })
    expect(shown.plan.number).toBeUndefined()
    expect(shown.plan.title).toBe('Phát động phong trào thi đua năm 2026')
    expect(shown.plan.phases.map((p) => [p.from, p.to])).toEqual([
      ['2026-01-01', '2026-06-30'],
      ['2026-07-01', '2026-12-31'],
    ])
    expect(shown.plan.indicators).toEqual(pho!.file.plan.indicators)
  })
})

describe.each(DATABASES)('starting on $name', (factory) => {
  let db: Db
  let drop: () => Promise<void>
  beforeEach(async () => {
    ;({ db, drop } = await factory.open())
  }, 60_000)
  afterEach(async () => drop())

  const count = async (sql: string): Promise<number> => Number((await db.query<{ n: number }>(sql)).rows[0]!.n)

  it('loads the demo as this year, with sample reports only for the quarters already past', async () => {
    const demo = await loadDemo()
    const { loaded } = await prepareDatabase(db, readConfig({}), demo, NOW)
    expect(loaded.sort()).toEqual(['pho-thuan', 'tqt', 'tra-phong'])
    const plans = await db.query<{ year: number; source: unknown }>("SELECT year, header->'source' AS source FROM plans ORDER BY year")
    expect(plans.rows.map((p) => p.year)).toEqual([2026, 2026, 2026])
    const periods = await db.query<{ code: string }>("SELECT DISTINCT p.code FROM reports r JOIN periods p ON p.id = r.period_id ORDER BY 1")
    // December: Q1–Q3 are past and reported, Q4 is the quarter under way, due from the heads.
    expect(periods.rows.map((p) => p.code)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3'])
    expect(await count('SELECT count(*)::int AS n FROM users WHERE NOT demo')).toBe(0)
    // A second start on the same database loads nothing again.
    expect((await prepareDatabase(db, readConfig({}), demo, NOW)).loaded).toEqual([])
  }, 240_000)

  it('starts a production server empty, with no account anyone can use until create-admin runs', async () => {
    const config = readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://thidua.example.gov.vn' })
    expect(config.demo).toBe(false)
    const { loaded } = await prepareDatabase(db, config, await loadDemo(), NOW)
    expect(loaded).toEqual([])
    expect(await count('SELECT count(*)::int AS n FROM users')).toBe(0)
    const clock = { now: NOW }
    const app = await buildApp({ config, db, logger: false, clock: () => clock.now })
    try {
      const login = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
      expect((await login('admin', 'thidua2024')).statusCode).toBe(401)

      const made = await createAdmin(db, config, 'Tinh.QuanTri', 'Quản trị tỉnh', NOW)
      expect(made.created).toBe(true)
      expect(made.link).toMatch(/^https:\/\/thidua\.example\.gov\.vn\/kich-hoat\/[A-Za-z0-9_-]{43}$/)
      expect(new Date(made.expiresAt).getTime() - NOW.getTime()).toBe(24 * 3_600_000)
      // Still nobody: the password is set only through the link.
      expect(await count('SELECT count(*)::int AS n FROM users WHERE password_hash IS NOT NULL')).toBe(0)
      const token = made.link.split('/').pop()!
      const set = await app.inject({ method: 'POST', url: `/api/enrolments/${token}`, payload: { password: 'mot-mat-khau-dai' } })
      expect(set.statusCode, set.body).toBe(200)
      expect(set.json()).toMatchObject({ me: { username: 'tinh.quantri', role: 'admin', commune: null } })
      expect(set.cookies.find((c) => c.name === 'td_session')?.secure).toBe(true)
      expect((await login('tinh.quantri', 'mot-mat-khau-dai')).statusCode).toBe(200)

      // Running it again gives the same administrator a new link; a link left 24 hours expires.
      const again = await createAdmin(db, config, 'tinh.quantri', 'Quản trị tỉnh', NOW)
      expect(again.created).toBe(false)
      clock.now = new Date(NOW.getTime() + 24 * 3_600_000 + 1)
      const late = await app.inject({ method: 'POST', url: `/api/enrolments/${again.link.split('/').pop()}`, payload: { password: 'mat-khau-khac-1' } })
      expect(late.statusCode).toBe(410)
      expect(late.json()).toMatchObject({ code: 'enrolment_expired' })
      await expect(createAdmin(db, config, 'có dấu', 'x', NOW)).rejects.toThrow(UsageError)
    } finally {
      await app.close()
    }
  }, 120_000)

  it('refuses a production start while demo accounts are active, and after they are closed starts', async () => {
    const demo = await loadDemo()
    await prepareDatabase(db, readConfig({ DEMO_REPORTS: 'false' }), demo, NOW)
    const production = readConfig({ NODE_ENV: 'production' })
    await expect(prepareDatabase(db, production, demo, NOW)).rejects.toThrow(UnsafeStartError)
    await expect(prepareDatabase(db, production, demo, NOW)).rejects.toThrow(/close-demo-accounts/)
    await expect(prepareDatabase(db, readConfig({ NODE_ENV: 'production', DEMO: 'true' }), demo, NOW)).rejects.toThrow(/DEMO=true/)
    const closed = await closeDemoAccounts(db, NOW)
    expect(closed).toContain('admin')
    await expect(prepareDatabase(db, production, demo, NOW)).resolves.toMatchObject({ loaded: [] })
  }, 240_000)
})
