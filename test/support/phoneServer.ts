// The real server (Fastify on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set) for the
// phone's tests, in-process: one server per file, a commune of its own per test, seeded with the
// test plan (test/client/local/testDb.ts PLAN) and two villages, and the office's side of the story (an officer
// writing a figure, deciding a report or a registration, locking a period) done through the
// server's own API, so that every state the phone meets is one the server really produces.
import { expect } from 'vitest'
import * as v from 'valibot'
import { seedPlanFile } from '../../src/server/db/seed'
import type { ReportStatus, ValueData } from '../../src/shared/model'
import { PlanFileSchema, type PlanFile } from '../../src/shared/planFile'
import type { Registration, RegistrationSettings } from '../../src/shared/registration'
import { Agent, mid, PASSWORD, type TestServer } from '../server/harness'
import { PLAN } from '../client/local/testDb'
import { injectTransport } from '../client/sync/injectTransport'

/** The officer's display name: the name the phone shows for what the office wrote. */
export const OFFICER_NAME = 'Cán bộ xã'

/** A commune with the test plan, villages T1 and T2, their village heads, a head of both, and an officer. */
export function phoneCommuneFile(code: string): PlanFile {
  return v.parse(PlanFileSchema, {
    format: 'thi-dua.plan/1',
    commune: { code, name: 'Xã Thử', kind: 'xa', district: 'Huyện Mẫu', province: 'Tỉnh Mẫu' },
    units: [
      { code: 'T1', name: 'Thôn 1', kind: 'thon' },
      { code: 'T2', name: 'Thôn 2', kind: 'thon' },
    ],
    plan: PLAN,
    accounts: [
      { username: `${code}.t1`, displayName: 'Trưởng thôn 1', role: 'reporter', units: ['T1'], password: PASSWORD },
      { username: `${code}.t2`, displayName: 'Trưởng thôn 2', role: 'reporter', units: ['T2'], password: PASSWORD },
      { username: `${code}.thon`, displayName: 'Trưởng thôn 1', role: 'reporter', units: ['T1', 'T2'], password: PASSWORD },
      { username: `${code}.canbo`, displayName: OFFICER_NAME, role: 'officer', password: PASSWORD },
    ],
  })
}

let communes = 0
let logins = 0

/**
 * A sign-in from an address of its own (the server allows an address 30 sign-ins a minute), on
 * the given device.
 */
export async function signIn(s: TestServer, username: string, deviceId: string): Promise<Agent> {
  logins++
  const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD, deviceId }, remoteAddress: `10.2.${Math.floor(logins / 200)}.${logins % 200}` })
  const cookie = res.cookies.find((c) => c.name === 'td_session')
  if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`)
  return new Agent(s.app, `td_session=${cookie.value}`, deviceId)
}

export type Office = Awaited<ReturnType<typeof openCommune>>

/**
 * Seeds a fresh commune on the server; its code, a way to sign a phone in, and the office's
 * actions on it. Mutation ids are unique on the server across communes: `prefix` is this
 * commune's own, for the phones' edit ids.
 */
/** One cell as the server stores it: its value, note and version (undefined when never written). */
export async function serverCell(s: TestServer, C: string, unit: string, period: string, indicator: string): Promise<{ value: ValueData | null; note: string | null; version: number } | undefined> {
  const r = await s.db.query<{ data: ValueData | null; note: string | null; version: number }>(
    `SELECT c.data, c.note, c.version FROM cell_values c JOIN communes m ON m.id = c.commune_id
       JOIN units u ON u.id = c.unit_id JOIN indicators i ON i.id = c.indicator_id JOIN periods p ON p.id = c.period_id
      WHERE m.code = $1 AND u.code = $2 AND p.code = $3 AND i.code = $4`,
    [C, unit, period, indicator],
  )
  const row = r.rows[0]
  return row && { value: row.data, note: row.note, version: Number(row.version) }
}

export async function openCommune(s: TestServer) {
  const n = ++communes
  const C = `xa-p${n}`
  const prefix = `c${n}`
  await seedPlanFile(s.db, phoneCommuneFile(C))
  const officer = await signIn(s, `${C}.canbo`, `dev-office-${n}`)

  const version = async () => Number((await s.db.query<{ version: number }>('SELECT version FROM communes WHERE code = $1', [C])).rows[0]!.version)
  const cell = (unit: string, period: string, indicator: string) => serverCell(s, C, unit, period, indicator)
  const reportVersion = async (unit: string, period: string) =>
    Number(
      (
        await s.db.query<{ version: number }>(
          `SELECT r.version FROM reports r JOIN communes m ON m.id = r.commune_id JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
            WHERE m.code = $1 AND u.code = $2 AND p.code = $3`,
          [C, unit, period],
        )
      ).rows[0]?.version ?? 0,
    )
  const cellCount = async () =>
    Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_values c JOIN communes m ON m.id = c.commune_id WHERE m.code = $1', [C])).rows[0]!.n)
  const ok = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode !== 200 && res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`)
  }
  /** A village's registration as the server holds it. */
  const registration = async (unit: string, year: number): Promise<Registration> => {
    const res = await officer.request('GET', `/api/communes/${C}/registrations/${year}/${unit}`)
    ok(res, 'registration')
    return res.json<{ registration: Registration }>().registration
  }

  return {
    C,
    prefix,
    officer,
    version,
    cell,
    cellCount,
    /** A phone's sign-in on `deviceId`: its transport to this server. `who` defaults to the head of both villages. */
    async transport(deviceId: string, who: 't1' | 't2' | 'thon' = 'thon') {
      return injectTransport(await signIn(s, `${C}.${who}`, deviceId))
    },
    /** The officer writes a cell from the office (on the server's current version): the new version. */
    async write(unit: string, period: string, indicator: string, value: ValueData | null, note: string | null = null): Promise<number> {
      const base = (await cell(unit, period, indicator))?.version ?? 0
      const { outcomes } = await officer.push(C, [officer.value({ unit, period, indicator, value, note, baseVersion: base })])
      expect(outcomes[0]).toMatchObject({ status: 'applied' })
      return (outcomes[0] as { version: number }).version
    },
    /** The report reaches `status` the way the server allows: submitted, then approved or returned (with the officer's comments). The new version. */
    async decide(unit: string, period: string, status: Exclude<ReportStatus, 'draft'>, returnReason: string | null = null, comments: Record<string, string> = {}): Promise<number> {
      const { outcomes } = await officer.push(C, [{ kind: 'report', action: 'submit', mutationId: mid(), deviceId: officer.deviceId, unit, period, baseVersion: await reportVersion(unit, period), clientTime: '2024-05-01T00:00:00.000Z' }])
      expect(outcomes[0]).toMatchObject({ status: 'applied' })
      if (status !== 'submitted') {
        const decision = status === 'approved' ? { action: 'approve' } : { action: 'return', reason: returnReason, ...(Object.keys(comments).length ? { comments } : {}) }
        ok(await officer.request('POST', `/api/communes/${C}/reports/${unit}/${period}/decision`, decision), 'decision')
      }
      return version()
    },
    async lock(period: string, lockReason: string): Promise<number> {
      ok(await officer.request('PATCH', `/api/communes/${C}/periods/${period}`, { locked: true, lockReason }), 'lock')
      return version()
    },
    /** The officer's decision on a village's registration: the registration's new version. */
    async decideRegistration(unit: string, year: number, action: 'approve' | 'return', reason?: string): Promise<number> {
      ok(await officer.request('POST', `/api/communes/${C}/registrations/${year}/${unit}/decision`, action === 'return' ? { action, reason } : { action }), 'registration decision')
      return (await registration(unit, year)).version
    },
    async registrationSettings(year: number, settings: RegistrationSettings): Promise<void> {
      ok(await officer.request('PUT', `/api/communes/${C}/registration-settings/${year}`, settings), 'registration settings')
    },
    registration,
  }
}
