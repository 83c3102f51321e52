// Server test harness: the same suite runs on embedded PGlite and, when TEST_DATABASE_URL is
// set, on PostgreSQL (each suite in a schema of its own, dropped afterwards).
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as v from 'valibot'
import { buildApp } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import { openDb } from '../../src/server/db'
import { seedPlanFile } from '../../src/server/db/seed'
import type { Actor } from '../../src/server/auth/actor'
import type { Db } from '../../src/server/db/types'
import { PlanFileSchema, type PlanFile } from '../../src/shared/planFile'
import type { PullResponse, PushResponse, ValueMutation } from '../../src/shared/protocol'

export interface DbFactory {
  name: 'pglite' | 'postgres'
  open(): Promise<{ db: Db; drop(): Promise<void> }>
}

const url = process.env.TEST_DATABASE_URL

/** PGlite always; PostgreSQL when TEST_DATABASE_URL is set (CI sets it). */
export const DATABASES: DbFactory[] = [
  {
    name: 'pglite',
    async open() {
      const db = await openDb({})
      return { db, drop: () => db.close() }
    },
  },
  ...(url
    ? [
        {
          name: 'postgres' as const,
          async open() {
            const schema = `t_${randomUUID().replaceAll('-', '').slice(0, 16)}`
            const admin = new pg.Client({ connectionString: url })
            await admin.connect()
            await admin.query(`CREATE SCHEMA ${schema}`)
            await admin.end()
            const sep = url.includes('?') ? '&' : '?'
            const db = await openDb({ databaseUrl: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, poolSize: 12 })
            return {
              db,
              async drop() {
                await db.close()
                const c = new pg.Client({ connectionString: url })
                await c.connect()
                await c.query(`DROP SCHEMA ${schema} CASCADE`)
                await c.end()
              },
            }
          },
        },
      ]
    : []),
]

export const PASSWORD = 'mat-khau-thu'

/** A small commune: two villages, a police unit; a flow, a rate, a computed yield and a yes/no target. */
export function fixtureFile(code = 'xa-thu', year = 2024): PlanFile {
  return v.parse(PlanFileSchema, {
    format: 'thi-dua.plan/1',
    commune: { code, name: `Xã ${code}`, kind: 'xa', district: 'Huyện Mẫu', province: 'Tỉnh Mẫu' },
    units: [
      { code: 'T1', name: 'Thôn 1', kind: 'thon' },
      { code: 'T2', name: 'Thôn 2', kind: 'thon' },
      { code: 'CA', name: 'Công an xã', kind: 'cong_an' },
    ],
    plan: {
      year,
      title: `Kế hoạch thi đua năm ${year}`,
      fields: [{ code: 'KT', name: 'Kinh tế' }, { code: 'AN', name: 'Quốc phòng – an ninh' }],
      indicators: [
        { code: 'LUA_DT', name: 'Diện tích lúa', field: 'KT', unitOfMeasure: 'ha', aggregation: 'flow', target: { kind: 'at_least', value: 229 }, reporters: { kinds: ['thon'] } },
        { code: 'LUA_SL', name: 'Sản lượng lúa', field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', target: { kind: 'at_least', value: 1448.5 }, reporters: { kinds: ['thon'] } },
        { code: 'LUA_NS', name: 'Năng suất lúa', field: 'KT', unitOfMeasure: 'tạ/ha', aggregation: 'stock', formula: 'LUA_SL * 10 / LUA_DT', target: { kind: 'derived' }, reporters: { kinds: ['thon'] } },
        { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT', field: 'KT', unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'rate_at_least', value: 95 }, reporters: { kinds: ['thon'] } },
        { code: 'ANTT', name: 'Giữ vững an ninh trật tự', field: 'AN', unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no', target: { kind: 'yes_no' }, reporters: { units: ['CA'] } },
      ],
    },
    accounts: [
      { username: `${code}.t1`, displayName: 'Trưởng thôn 1', role: 'reporter', units: ['T1'], password: PASSWORD },
      { username: `${code}.t2`, displayName: 'Trưởng thôn 2', role: 'reporter', units: ['T2'], password: PASSWORD },
      { username: `${code}.ca`, displayName: 'Công an xã', role: 'reporter', units: ['CA'], password: PASSWORD },
      { username: `${code}.canbo`, displayName: 'Cán bộ Văn phòng – Thống kê', role: 'officer', password: PASSWORD },
      { username: `${code}.lanhdao`, displayName: 'Chủ tịch UBND xã', role: 'leader', password: PASSWORD },
    ],
  })
}

export interface TestServer {
  app: FastifyInstance
  db: Db
  clock: { now: Date }
  login(username: string, options?: { password?: string; deviceId?: string }): Promise<Agent>
  close(): Promise<void>
}

/** Starts the app on a fresh database holding the given plan files; `env` is the server's environment (DATA_DIR, …). */
export async function startServer(factory: DbFactory, files: readonly PlanFile[] = [fixtureFile()], env: Record<string, string> = {}): Promise<TestServer> {
  const { db, drop } = await factory.open()
  for (const f of files) await seedPlanFile(db, f)
  const clock = { now: new Date('2024-05-10T08:00:00Z') }
  const app = await buildApp({ config: readConfig(env), db, logger: false, clock: () => clock.now })
  return {
    app,
    db,
    clock,
    async login(username, options = {}) {
      const deviceId = options.deviceId ?? `dev-${randomUUID()}`
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: options.password ?? PASSWORD, deviceId } })
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`)
      const cookie = res.cookies.find((c) => c.name === 'td_session')
      if (!cookie) throw new Error('no session cookie')
      return new Agent(app, `td_session=${cookie.value}`, deviceId)
    },
    async close() {
      await app.close()
      await drop()
    },
  }
}

/**
 * The commune's id and its officer (`<code>.canbo`) as the server's actor, for tests that call
 * `ingest()` directly without HTTP.
 */
export async function officerActor(db: Db, commune: string, deviceId: string, now: Date): Promise<{ communeId: number; officer: Actor }> {
  const communeId = Number((await db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [commune])).rows[0]!.id)
  const u = (await db.query<{ id: number; display_name: string }>('SELECT id, display_name FROM users WHERE username = $1', [`${commune}.canbo`])).rows[0]!
  const officer: Actor = { userId: Number(u.id), username: `${commune}.canbo`, displayName: u.display_name, role: 'officer', communeId, provinceId: null, unitIds: new Set(), deviceId, sessionHash: 'none', lastSyncAt: now }
  return { communeId, officer }
}

let seq = 0
/** A fresh, unique mutation id. */
export const mid = (): string => `m-${Date.now().toString(36)}-${(seq++).toString(36)}-${randomUUID().slice(0, 8)}`

/** A signed-in device. */
export class Agent {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly deviceId: string,
  ) {}

  request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown): Promise<LightMyRequestResponse> {
    return this.app.inject({ method, url, headers: { cookie: this.cookie }, ...(payload === undefined ? {} : { payload: payload as object }) })
  }

  /** A value mutation with sensible defaults for what the test does not care about. */
  value(over: Partial<ValueMutation> & Pick<ValueMutation, 'unit' | 'indicator' | 'value'>): ValueMutation {
    return { kind: 'value', mutationId: mid(), deviceId: this.deviceId, period: '2024-Q1', baseVersion: 0, clientTime: '2024-04-02T03:04:05.000Z', ...over }
  }

  async push(commune: string, mutations: unknown[]): Promise<PushResponse> {
    const res = await this.request('POST', `/api/communes/${commune}/sync/push`, { deviceId: this.deviceId, mutations })
    if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`)
    return res.json<PushResponse>()
  }

  async pull(commune: string, cursor: number, limit?: number): Promise<PullResponse> {
    const res = await this.request('GET', `/api/communes/${commune}/sync/pull?cursor=${cursor}${limit ? `&limit=${limit}` : ''}`)
    if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`)
    return res.json<PullResponse>()
  }

  /** Pulls page after page until caught up. */
  async pullAll(commune: string, cursor = 0, limit?: number): Promise<{ cursor: number; pages: PullResponse[] }> {
    const pages: PullResponse[] = []
    for (;;) {
      const page = await this.pull(commune, cursor, limit)
      pages.push(page)
      cursor = page.cursor
      if (!page.more) return { cursor, pages }
    }
  }
}
