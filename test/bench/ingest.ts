// Server ingest under many devices at once (docs/BENCHMARKS.md: "≥ 5,000 values/s on PostgreSQL on
// 2 cores; hundreds of devices syncing at once"; issue 3 item 10).
//
// For each database (embedded PGlite, PostgreSQL where available): seed a province of communes
// straight into a fresh database, start the real server on it, sign every simulated device in
// once, then for N = 50, 200, 500 devices restart the server and run the scenario several times:
// every device pushes batches of value mutations over HTTP on loopback, one batch after another,
// as a phone emptying its outbox does. Each run stops by itself after a fixed number of batches
// or about 20 s.
import http from 'node:http'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import pg from 'pg'
import * as v from 'valibot'
import { openDb } from '../../src/server/db'
import { seedPlanFile } from '../../src/server/db/seed'
import { bumpVersion } from '../../src/server/db/versions'
import { monthPeriods } from '../../src/shared/periods'
import { PlanFileSchema, type PlanFile } from '../../src/shared/planFile'
import { MAX_PUSH_BATCH, type Mutation, type PushResponse } from '../../src/shared/protocol'
import { fmtInt, fmtMiB, fmtMs, type Measurement, type MeasurementContext, type MeasurementResult, type Section } from './report'
import { cpuByPid, cpuSeconds, machineBusySeconds, message, providePostgres, REPO_ROOT, rssKb, SERVER_HOST, startServer, type Cleanup, type PostgresTarget, type ServerProcess } from './server'
import { percentile, spread } from './stats'

// ---------------------------------------------------------------------------
// Settings (environment variables override them for a quick look; the report states them)

type DbKind = 'pglite' | 'postgres'

interface Settings {
  /** Scenarios: devices pushing at once. */
  devices: number[]
  /** Runs of each scenario… */
  runs: number
  /** …except the largest, which may run fewer times to keep the whole bench near 10 minutes. */
  runsLargest: number
  /** Value mutations in one push (the protocol allows MAX_PUSH_BATCH). */
  batchSize: number
  /** Pushes in one run, spread evenly over the devices (each device pushes at least one). */
  batchesPerRun: number
  /** A run stops starting pushes so as to end within about this time. */
  maxSeconds: number
  databases: DbKind[]
}

function readSettings(env: NodeJS.ProcessEnv): Settings {
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name]?.trim()
    if (!raw) return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
    return n
  }
  const devices = (env.BENCH_DEVICES?.trim() || '50,200,500').split(',').map((s) => Number(s.trim()))
  if (devices.some((n) => !Number.isInteger(n) || n < 1 || n > 2000)) throw new Error(`BENCH_DEVICES must list whole numbers from 1 to 2000, got "${env.BENCH_DEVICES}"`)
  const databases = (env.BENCH_DATABASES?.trim() || 'pglite,postgres').split(',').map((s) => s.trim())
  if (databases.some((d) => d !== 'pglite' && d !== 'postgres')) throw new Error(`BENCH_DATABASES must list pglite and/or postgres, got "${env.BENCH_DATABASES}"`)
  const runs = int('BENCH_RUNS', 5, 1, 50)
  return {
    devices: [...new Set(devices)].sort((a, b) => a - b),
    runs,
    runsLargest: Math.min(runs, int('BENCH_RUNS_LARGEST', runs, 1, 50)),
    batchSize: int('BENCH_BATCH', 60, 1, MAX_PUSH_BATCH),
    batchesPerRun: int('BENCH_BATCHES', 600, 1, 100_000),
    maxSeconds: int('BENCH_SECONDS', 20, 1, 600),
    databases: databases as DbKind[],
  }
}

// ---------------------------------------------------------------------------
// The province: communes of villages, one reporter account per village

const PROVINCE = { communes: 10, villages: 20, flowIndicators: 14, rateIndicators: 6, year: 2024 }
const PASSWORD = 'bench-mat-khau'
const INDICATORS = PROVINCE.flowIndicators + PROVINCE.rateIndicators

const communeCode = (c: number): string => `bench-xa-${pad2(c + 1)}`
const villageCode = (t: number): string => `THON-${pad2(t + 1)}`
const indicatorCode = (i: number): string => `CT${pad2(i + 1)}`
const username = (c: number, t: number): string => `bench${pad2(c + 1)}.thon${pad2(t + 1)}`
const isRate = (i: number): boolean => i >= PROVINCE.flowIndicators
function pad2(n: number): string {
  return String(n).padStart(2, '0')
}

/** One commune: 20 villages, 20 entry indicators (flows and rates), two phases, a reporter per village. */
export function benchPlanFile(c: number): PlanFile {
  const year = PROVINCE.year
  return v.parse(PlanFileSchema, {
    format: 'thi-dua.plan/1',
    commune: { code: communeCode(c), name: `Xã Thử ${c + 1}`, kind: 'xa', district: 'Huyện Mẫu', province: 'Tỉnh Mẫu' },
    units: Array.from({ length: PROVINCE.villages }, (_, t) => ({ code: villageCode(t), name: `Thôn ${t + 1}`, kind: 'thon' })),
    plan: {
      year,
      title: `Kế hoạch thi đua năm ${year}`,
      phases: [
        { code: 'D1', name: 'Đợt 1', from: `${year}-01-01`, to: `${year}-06-30` },
        { code: 'D2', name: 'Đợt 2', from: `${year}-07-01`, to: `${year}-12-31` },
      ],
      fields: [{ code: 'KT', name: 'Kinh tế' }, { code: 'XH', name: 'Văn hóa – xã hội' }],
      indicators: Array.from({ length: INDICATORS }, (_, i) =>
        isRate(i)
          ? { code: indicatorCode(i), name: `Tỷ lệ ${i + 1}`, field: 'XH', unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'rate_at_least', value: 90 }, reporters: { kinds: ['thon'] } }
          : { code: indicatorCode(i), name: `Sản lượng ${i + 1}`, field: 'KT', unitOfMeasure: 'tấn', aggregation: 'flow', target: { kind: 'at_least', value: 1000 }, reporters: { kinds: ['thon'] } },
      ),
    },
    accounts: Array.from({ length: PROVINCE.villages }, (_, t) => ({ username: username(c, t), displayName: `Trưởng thôn ${t + 1}`, role: 'reporter', units: [villageCode(t)], password: PASSWORD })),
  })
}

/** Quarters, phases and the year come with the plan; monthly periods are opened too, for more cells. */
const PERIOD_CODES = [
  ...[1, 2, 3, 4].map((q) => `${PROVINCE.year}-Q${q}`),
  `${PROVINCE.year}-D1`,
  `${PROVINCE.year}-D2`,
  `${PROVINCE.year}-Y`,
  ...monthPeriods(PROVINCE.year).map((p) => p.code),
]

/** Writes the province into the database the server will use, then closes it (PGlite allows one process). */
async function seedProvince(target: { dataDir: string; databaseUrl?: string }): Promise<{ engine: string }> {
  const db = await openDb(target)
  try {
    for (let c = 0; c < PROVINCE.communes; c++) {
      const communeId = await seedPlanFile(db, benchPlanFile(c))
      await db.transaction(async (tx) => {
        const version = await bumpVersion(tx, communeId)
        for (const p of monthPeriods(PROVINCE.year)) {
          await tx.query(
            `INSERT INTO periods (commune_id, code, kind, year, starts_on, ends_on, deadline, locked, version)
             VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8)`,
            [communeId, p.code, p.kind, p.year, p.from, p.to, p.deadline, version],
          )
        }
      })
    }
    const r = await db.query<{ v: string }>('SELECT version() AS v')
    return { engine: (r.rows[0]?.v ?? '').split(' ').slice(0, 2).join(' ') }
  } finally {
    await db.close()
  }
}

// ---------------------------------------------------------------------------
// Simulated devices: a phone of a village head, signed in once, with its own keep-alive connection

interface CellRef {
  period: string
  indicator: number
}

class Device {
  readonly deviceId: string
  readonly commune: string
  readonly unit: string
  readonly username: string
  /** Loopback source address: the login rate limit (30 a minute) counts per address. */
  readonly localAddress: string
  /** The cells this device alone writes: devices sharing a village split its cells, so none conflict. */
  readonly cells: CellRef[]
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  private readonly versions = new Map<string, number>()
  private cookie = ''
  private cursor = 0
  private seq = 0
  private writes = 0

  constructor(
    readonly index: number,
    totalDevices: number,
    runId: string,
  ) {
    const units = PROVINCE.communes * PROVINCE.villages
    const u = index % units
    const c = u % PROVINCE.communes // consecutive devices land in different communes
    const t = Math.floor(u / PROVINCE.communes)
    const slot = Math.floor(index / units)
    const sharers = Math.floor((totalDevices - 1 - u) / units) + 1
    this.deviceId = `bench-${runId}-d${String(index).padStart(4, '0')}`
    this.commune = communeCode(c)
    this.unit = villageCode(t)
    this.username = username(c, t)
    this.localAddress = `127.0.1.${1 + (index % 64)}`
    this.cells = []
    PERIOD_CODES.forEach((period, p) => {
      for (let i = 0; i < INDICATORS; i++) if ((p * INDICATORS + i) % sharers === slot) this.cells.push({ period, indicator: i })
    })
  }

  close(): void {
    this.agent.destroy()
  }

  async login(server: ServerProcess): Promise<void> {
    const res = await this.request(server, 'POST', '/api/auth/login', { username: this.username, password: PASSWORD, deviceId: this.deviceId })
    if (res.status !== 200) throw new Error(`login ${this.username}: HTTP ${res.status} ${res.text.slice(0, 200)}`)
    const cookie = /\btd_session=([^;]+)/.exec(res.setCookie.join('; '))
    if (!cookie) throw new Error(`login ${this.username}: no session cookie`)
    this.cookie = `td_session=${cookie[1]}`
  }

  /** The next `size` cells of its own, in turn: first inserts, then updates with a new value each time. */
  nextBatch(size: number): Mutation[] {
    if (size > this.cells.length) throw new Error(`device ${this.index} owns ${this.cells.length} cells, fewer than a batch of ${size}`)
    const clientTime = new Date().toISOString()
    const batch: Mutation[] = []
    for (let k = 0; k < size; k++) {
      const cell = this.cells[this.cursor]!
      this.cursor = (this.cursor + 1) % this.cells.length
      const w = ++this.writes
      const indicator = indicatorCode(cell.indicator)
      batch.push({
        kind: 'value',
        mutationId: `${this.deviceId}-${(this.seq++).toString(36)}`,
        deviceId: this.deviceId,
        unit: this.unit,
        period: cell.period,
        indicator,
        value: isRate(cell.indicator) ? { kind: 'ratio', numerator: w % 1000, denominator: 1000 + w } : { kind: 'number', value: w + 0.5 },
        baseVersion: this.versions.get(`${cell.period}:${indicator}`) ?? 0,
        clientTime,
      })
    }
    return batch
  }

  /** Pushes a batch; returns how many were applied and what went wrong (nothing should). */
  async push(server: ServerProcess, batch: Mutation[]): Promise<{ applied: number; problem?: string }> {
    const res = await this.request(server, 'POST', `/api/communes/${this.commune}/sync/push`, { deviceId: this.deviceId, mutations: batch })
    if (res.status !== 200) return { applied: 0, problem: `push by device ${this.index}: HTTP ${res.status} ${res.text.slice(0, 300)}` }
    const body = JSON.parse(res.text) as PushResponse
    let applied = 0
    const other = new Map<string, number>()
    batch.forEach((m, k) => {
      const o = body.outcomes[k]
      if (o?.status === 'applied' && o.mutationId === m.mutationId && m.kind === 'value') {
        applied++
        this.versions.set(`${m.period}:${m.indicator}`, o.version)
      } else {
        const key = o ? (o.status === 'rejected' ? `rejected (${o.code}: ${o.message})` : o.status) : 'missing outcome'
        other.set(key, (other.get(key) ?? 0) + 1)
      }
    })
    if (other.size === 0) return { applied }
    return { applied, problem: `push by device ${this.index}: ${[...other].map(([k, n]) => `${n} × ${k}`).join(', ')}` }
  }

  private request(server: ServerProcess, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; text: string; setCookie: string[] }> {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: SERVER_HOST,
          port: server.port,
          method,
          path,
          agent: this.agent,
          localAddress: this.localAddress,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), setCookie: res.headers['set-cookie'] ?? [] }))
          res.on('error', reject)
        },
      )
      req.setTimeout(120_000, () => req.destroy(new Error('no answer within 120 s')))
      req.on('error', reject)
      req.end(payload)
    })
  }
}

async function withServer<T>(options: Parameters<typeof startServer>[0], fn: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServer(options)
  try {
    return await fn(server)
  } finally {
    await server.stop()
  }
}

async function loginAll(devices: readonly Device[], server: ServerProcess, parallel = 8): Promise<void> {
  let next = 0
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < devices.length) await devices[next++]!.login(server)
    }),
  )
}

// ---------------------------------------------------------------------------
// One run: N devices push at once until the batches are done or the time is up

interface RunResult {
  values: number
  seconds: number
  valuesPerSecond: number
  /** Pushes made, and pushes the run would have made without the time limit. */
  requests: number
  planned: number
  p50: number
  p99: number
  maxRssKb: number
  /** CPU used during the run, in cores (CPU seconds ÷ wall seconds); `other` is the rest of the machine. */
  cpu: { server: number; database: number; bench: number; other: number }
  problems: string[]
}

/**
 * The local PostgreSQL processes working for the bench: the backends connected to its database
 * and the cluster's own processes (WAL writer, checkpointer…), not other databases' backends.
 */
interface PostgresWatch {
  pids(): Promise<number[]>
}

async function watchPostgres(url: string, cleanup: Cleanup): Promise<PostgresWatch> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  cleanup.defer('close the PostgreSQL monitor', () => c.end())
  return {
    async pids() {
      const r = await c.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity WHERE (datname = current_database() OR backend_type <> 'client backend') AND pid <> pg_backend_pid()`,
      )
      return r.rows.map((row) => row.pid)
    },
  }
}

async function runOnce(server: ServerProcess, devices: readonly Device[], opts: RunOptions): Promise<RunResult> {
  return drive(server.pid, devices, opts, (d, batch) => d.push(server, batch))
}

interface RunOptions {
  batchSize: number
  batches: number
  maxSeconds: number
  postgres?: PostgresWatch
  signal?: AbortSignal
}

/** Every device pushes its batches one after another, all devices at once, through `push`. */
async function drive(
  serverPid: number | undefined,
  devices: readonly Device[],
  opts: RunOptions,
  push: (d: Device, batch: Mutation[]) => Promise<{ applied: number; problem?: string }>,
): Promise<RunResult> {
  const perDevice = Math.max(1, Math.ceil(opts.batches / devices.length))
  const latencies: number[] = []
  const problems: string[] = []
  let values = 0

  const readings = await startReadings(serverPid, opts.postgres)
  const start = performance.now()
  const deadline = start + opts.maxSeconds * 1000
  await Promise.all(
    devices.map(async (d) => {
      let last = 0
      for (let b = 0; b < perDevice && problems.length === 0 && !opts.signal?.aborted; b++) {
        // Start another push only if it should finish in time, judging by the last one.
        if (b > 0 && performance.now() + last > deadline) break
        const batch = d.nextBatch(opts.batchSize)
        const t0 = performance.now()
        try {
          const r = await push(d, batch)
          last = performance.now() - t0
          latencies.push(last)
          values += r.applied
          if (r.problem) problems.push(r.problem)
        } catch (e) {
          problems.push(`push by device ${d.index}: ${message(e)}`)
        }
      }
    }),
  )
  const seconds = (performance.now() - start) / 1000
  const { maxRssKb, cpu } = await readings.stop(seconds)
  return {
    values,
    seconds,
    valuesPerSecond: values / seconds,
    requests: latencies.length,
    planned: perDevice * devices.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    maxRssKb,
    cpu,
    problems,
  }
}

// ---------------------------------------------------------------------------
// The floor on PostgreSQL: the same rows as one multi-row upsert each, straight from node-postgres

/**
 * What the product's ingest is measured against (issue 18): each batch the devices would push,
 * written as one multi-row `INSERT … ON CONFLICT DO UPDATE` by node-postgres through a pool of
 * the server's size, into `bench_raw_cells`: a twin of `cell_values` with the same columns,
 * indexes and foreign keys (the product's own cells stay as the devices know them). No session,
 * no check, no audit, no outcome, no version bump: the database's own rate for these rows.
 */
interface RawUpsert {
  push(d: Device, batch: Mutation[]): Promise<{ applied: number; problem?: string }>
  close(): Promise<void>
}

async function rawUpsert(url: string, poolSize: number, cleanup: Cleanup): Promise<RawUpsert> {
  const setup = new pg.Client({ connectionString: url })
  await setup.connect()
  const ids = { units: new Map<string, number>(), periods: new Map<string, number>(), indicators: new Map<string, number>(), users: new Map<string, number>(), communes: new Map<string, number>() }
  try {
    await setup.query(`CREATE TABLE IF NOT EXISTS bench_raw_cells (LIKE cell_values INCLUDING ALL)`)
    await setup.query(`TRUNCATE bench_raw_cells`)
    // `LIKE … INCLUDING ALL` copies no foreign key: the twin gets cell_values' own, whatever they are.
    const foreignKeys = async (table: string): Promise<{ name: string; def: string }[]> =>
      (await setup.query<{ name: string; def: string }>(`SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'f'`, [table])).rows
    for (const fk of await foreignKeys('bench_raw_cells')) await setup.query(`ALTER TABLE bench_raw_cells DROP CONSTRAINT ${fk.name}`)
    for (const [n, fk] of (await foreignKeys('cell_values')).entries()) await setup.query(`ALTER TABLE bench_raw_cells ADD CONSTRAINT bench_raw_cells_fkey_${n} ${fk.def}`)
    const rows = async (sql: string): Promise<{ key: string; id: number }[]> => (await setup.query<{ key: string; id: number }>(sql)).rows.map((r) => ({ key: r.key, id: Number(r.id) }))
    for (const r of await rows(`SELECT code AS key, id FROM communes`)) ids.communes.set(r.key, r.id)
    for (const r of await rows(`SELECT c.code || '/' || u.code AS key, u.id FROM units u JOIN communes c ON c.id = u.commune_id`)) ids.units.set(r.key, r.id)
    for (const r of await rows(`SELECT c.code || '/' || p.code AS key, p.id FROM periods p JOIN communes c ON c.id = p.commune_id`)) ids.periods.set(r.key, r.id)
    for (const r of await rows(`SELECT c.code || '/' || i.code AS key, i.id FROM indicators i JOIN plans p ON p.id = i.plan_id JOIN communes c ON c.id = p.commune_id WHERE p.year = ${PROVINCE.year}`)) ids.indicators.set(r.key, r.id)
    for (const r of await rows(`SELECT username AS key, id FROM users`)) ids.users.set(r.key, r.id)
  } finally {
    await setup.end()
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize })
  pool.on('error', () => undefined)
  const unregister = cleanup.defer('close the raw upsert pool', () => pool.end())
  const versions = new Map<string, number>()
  const id = (map: Map<string, number>, key: string): number => {
    const found = map.get(key)
    if (found === undefined) throw new Error(`raw upsert: no id for ${key}`)
    return found
  }
  return {
    async push(d, batch) {
      const version = (versions.get(d.commune) ?? 0) + 1
      versions.set(d.commune, version)
      const params: unknown[] = [id(ids.communes, d.commune), version, id(ids.users, d.username), d.deviceId, new Date()]
      const tuples = batch.map((m) => {
        if (m.kind !== 'value') throw new Error('raw upsert: value mutations only')
        params.push(id(ids.units, `${d.commune}/${m.unit}`), id(ids.periods, `${d.commune}/${m.period}`), id(ids.indicators, `${d.commune}/${m.indicator}`), JSON.stringify(m.value), m.note ?? null)
        const n = params.length
        return `($1, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n}, $2, $3, $4, $5)`
      })
      const r = await pool.query(
        `INSERT INTO bench_raw_cells (commune_id, unit_id, period_id, indicator_id, data, note, version, updated_by, device_id, updated_at)
         VALUES ${tuples.join(', ')}
         ON CONFLICT (unit_id, period_id, indicator_id) DO UPDATE
           SET data = EXCLUDED.data, note = EXCLUDED.note, version = EXCLUDED.version,
               updated_by = EXCLUDED.updated_by, device_id = EXCLUDED.device_id, updated_at = EXCLUDED.updated_at`,
        params,
      )
      return r.rowCount === batch.length ? { applied: batch.length } : { applied: r.rowCount ?? 0, problem: `raw upsert by device ${d.index}: ${r.rowCount} of ${batch.length} rows` }
    },
    async close() {
      unregister()
      await pool.end()
    },
  }
}

/** The server's resident memory (sampled every 100 ms) and the CPU used by each party, over a run. */
async function startReadings(serverPid: number | undefined, postgres: PostgresWatch | undefined): Promise<{ stop(seconds: number): Promise<Pick<RunResult, 'maxRssKb' | 'cpu'>> }> {
  let maxRssKb = NaN
  const sample = async (): Promise<void> => {
    if (serverPid === undefined) return
    const kb = await rssKb(serverPid)
    if (kb !== undefined && !(kb <= maxRssKb)) maxRssKb = kb
  }
  await sample()
  const sampler = setInterval(() => void sample().catch(() => undefined), 100)
  const before = { server: serverPid === undefined ? undefined : await cpuSeconds(serverPid), database: postgres ? await cpuByPid(await postgres.pids()) : undefined, bench: process.cpuUsage(), machine: await machineBusySeconds() }

  return {
    async stop(seconds) {
      clearInterval(sampler)
      await sample()
      const bench = process.cpuUsage(before.bench)
      const [serverCpu, machine] = [serverPid === undefined ? undefined : await cpuSeconds(serverPid), await machineBusySeconds()]
      let database = NaN
      if (before.database && postgres) {
        const after = await cpuByPid(await postgres.pids())
        database = [...after].reduce((sum, [pid, s]) => sum + s - (before.database!.get(pid) ?? 0), 0)
      }
      const cores = {
        server: serverCpu !== undefined && before.server !== undefined ? (serverCpu - before.server) / seconds : NaN,
        database: database / seconds,
        bench: (bench.user + bench.system) / 1e6 / seconds,
      }
      const busy = machine !== undefined && before.machine !== undefined ? (machine - before.machine) / seconds : NaN
      // Whatever else kept the machine busy (other jobs) took cores from the server and the database.
      const other = Math.max(0, busy - (Number.isFinite(cores.server) ? cores.server : 0) - (Number.isFinite(cores.database) ? cores.database : 0) - cores.bench)
      return { maxRssKb, cpu: { ...cores, other } }
    },
  }
}

// ---------------------------------------------------------------------------
// One database: seed, sign in, the scenarios

interface ScenarioResult {
  devices: number
  runs: RunResult[]
  /** PostgreSQL: the raw multi-row upsert of the same rows, run r right after the product's run r. */
  raw: RunResult[]
}

interface DatabaseOutcome {
  kind: DbKind
  title: string
  scenarios: ScenarioResult[]
  notes: string[]
  errors: string[]
  environment: [string, string][]
}

async function benchDatabase(kind: DbKind, settings: Settings, ctx: MeasurementContext, runId: string): Promise<DatabaseOutcome> {
  const { cleanup, log } = ctx
  const title = kind === 'pglite' ? 'Embedded PGlite' : 'PostgreSQL'
  const out: DatabaseOutcome = { kind, title, scenarios: [], notes: [], errors: [], environment: [] }

  let pgTarget: PostgresTarget | undefined
  if (kind === 'postgres') {
    const available = await providePostgres(cleanup, log)
    if (!available.ok) {
      log(`PostgreSQL skipped: ${available.reason}`)
      out.notes.push(`Skipped: ${available.reason}.`)
      out.environment.push(['PostgreSQL', `not measured: ${available.reason}`])
      return out
    }
    pgTarget = available.target
  }
  const dataDir = await mkdtemp(join(tmpdir(), `thidua-bench-${kind}-`))
  cleanup.defer(`remove ${dataDir}`, () => rm(dataDir, { recursive: true, force: true }))
  const target = { dataDir, ...(pgTarget ? { databaseUrl: pgTarget.url } : {}) }

  log(`${title}: seeding ${PROVINCE.communes} communes × ${PROVINCE.villages} villages, ${PROVINCE.communes * PROVINCE.villages} accounts`)
  const t0 = performance.now()
  const seeded = await seedProvince(target)
  log(`${title}: seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  const pool = process.env.DB_POOL_SIZE?.trim() || '10 (default)'
  if (pgTarget) {
    out.environment.push(
      ['PostgreSQL', pgTarget.version],
      ['PostgreSQL database', pgTarget.label],
      ['PostgreSQL settings', `${await postgresSettings(pgTarget.url)}; the server's pool: DB_POOL_SIZE=${pool}`],
    )
  } else {
    out.environment.push(['PGlite', `${await pgliteVersion()}: ${seeded.engine} in WebAssembly, inside the server process, data in a temporary DATA_DIR`])
  }

  const monitor = pgTarget?.local ? await watchPostgres(pgTarget.url, cleanup) : undefined

  const largest = Math.max(...settings.devices)
  const devices = Array.from({ length: largest }, (_, i) => new Device(i, largest, runId))
  const closeDevices = cleanup.defer('close device connections', async () => devices.forEach((d) => d.close()))
  let raw: RawUpsert | undefined
  try {
    if (pgTarget) raw = await rawUpsert(pgTarget.url, Number(process.env.DB_POOL_SIZE?.trim() || 10), cleanup)
    // Sign every device in once, on a server of its own: scrypt's memory is not any scenario's.
    await withServer({ ...target, cleanup }, async (server) => {
      const t = performance.now()
      await loginAll(devices, server)
      log(`${title}: ${devices.length} devices signed in (${((performance.now() - t) / 1000).toFixed(1)} s)`)
    })
    for (const n of settings.devices) {
      if (ctx.signal.aborted) break
      const runs = n === largest ? settings.runsLargest : settings.runs
      // A fresh server per scenario, so that its memory is this scenario's.
      const server = await startServer({ ...target, cleanup })
      try {
        log(`${title}: server pid ${server.pid} on port ${server.port}`)
        // Warm-up, not counted: one push from each device, so that every run finds the server's
        // code compiled, the pool's connections and every device's connection open.
        const warm = await runOnce(server, devices.slice(0, n), { batchSize: settings.batchSize, batches: n, maxSeconds: settings.maxSeconds, signal: ctx.signal })
        if (warm.problems.length > 0) throw new Error(`warm-up: ${warm.problems[0]}`)
        if (raw) {
          const rawWarm = await drive(undefined, devices.slice(0, n), { batchSize: settings.batchSize, batches: n, maxSeconds: settings.maxSeconds, signal: ctx.signal }, raw.push)
          if (rawWarm.problems.length > 0) throw new Error(`raw upsert warm-up: ${rawWarm.problems[0]}`)
        }
        const scenario: ScenarioResult = { devices: n, runs: [], raw: [] }
        out.scenarios.push(scenario)
        for (let r = 0; r < runs && !ctx.signal.aborted; r++) {
          const result = await runOnce(server, devices.slice(0, n), { batchSize: settings.batchSize, batches: settings.batchesPerRun, maxSeconds: settings.maxSeconds, signal: ctx.signal, ...(monitor ? { postgres: monitor } : {}) })
          scenario.runs.push(result)
          log(
            `${title}, ${n} devices, run ${r + 1}/${runs}: ${fmtInt(result.valuesPerSecond)} values/s, ${fmtInt(result.values)} values in ${result.seconds.toFixed(1)} s, ` +
              `p50 ${fmtMs(result.p50)} ms, p99 ${fmtMs(result.p99)} ms, ${result.requests} requests, RSS ${fmtMiB(result.maxRssKb)}, ` +
              `CPU server ${result.cpu.server.toFixed(2)}${Number.isFinite(result.cpu.database) ? ` db ${result.cpu.database.toFixed(2)}` : ''} bench ${result.cpu.bench.toFixed(2)} other ${result.cpu.other.toFixed(2)}`,
          )
          if (result.problems.length > 0) {
            out.errors.push(`${title}, ${n} devices, run ${r + 1}: ${result.problems.length} failed pushes; first: ${result.problems[0]}`)
            return out
          }
          if (raw && !ctx.signal.aborted) {
            // The floor, right after the product's run, so that both see the machine alike.
            const floor = await drive(undefined, devices.slice(0, n), { batchSize: settings.batchSize, batches: settings.batchesPerRun, maxSeconds: settings.maxSeconds, signal: ctx.signal, ...(monitor ? { postgres: monitor } : {}) }, raw.push)
            scenario.raw.push(floor)
            log(
              `${title}, ${n} devices, run ${r + 1}/${runs}, raw multi-row upsert of the same rows: ${fmtInt(floor.valuesPerSecond)} values/s, p50 ${fmtMs(floor.p50)} ms, ` +
                `CPU db ${floor.cpu.database.toFixed(2)} bench ${floor.cpu.bench.toFixed(2)} other ${floor.cpu.other.toFixed(2)}; ` +
                `product ÷ raw = ${ratio(result.valuesPerSecond / floor.valuesPerSecond)}`,
            )
            if (floor.problems.length > 0) {
              out.errors.push(`${title}, ${n} devices, raw upsert run ${r + 1}: ${floor.problems[0]}`)
              return out
            }
          }
        }
      } finally {
        await server.stop()
      }
    }
  } catch (e) {
    out.errors.push(`${title}: ${message(e)}`)
    log(`${title}: ${message(e)}`)
  } finally {
    await raw?.close()
    closeDevices()
    devices.forEach((d) => d.close())
  }
  return out
}

/** The settings that bear on write throughput, as the server sees them. */
async function postgresSettings(url: string): Promise<string> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    const shown: string[] = []
    for (const name of ['shared_buffers', 'synchronous_commit', 'max_connections']) {
      const r = await c.query<Record<string, string>>(`SHOW ${name}`)
      shown.push(`${name} ${r.rows[0]?.[name] ?? '?'}`)
    }
    return shown.join(', ')
  } finally {
    await c.end()
  }
}

async function pgliteVersion(): Promise<string> {
  try {
    // Not in the package's exports, so read from node_modules directly.
    const path = join(REPO_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json')
    return `@electric-sql/pglite ${(JSON.parse(await readFile(path, 'utf8')) as { version: string }).version}`
  } catch {
    return '@electric-sql/pglite (version unknown)'
  }
}

// ---------------------------------------------------------------------------
// The report

const BUDGET_VALUES_PER_SECOND = 5000
/** Issue 18: the product's ingest at least half the raw upsert of the same rows. */
const GOAL_RATIO = 0.5

const ratio = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–')

/** The raw upsert beside the product: its values/s and the ratio product ÷ raw (median, and min–max over the pairs of runs). */
function floorCells(s: ScenarioResult): string[] {
  if (s.raw.length === 0) return ['–', '–']
  const raw = spread(s.raw.map((r) => r.valuesPerSecond))
  const product = spread(s.runs.map((r) => r.valuesPerSecond)).median
  const pairs = spread(s.raw.map((r, i) => s.runs[i]!.valuesPerSecond / r.valuesPerSecond))
  const median = product / raw.median
  return [`${fmtInt(raw.median)} (${fmtInt(raw.min)}–${fmtInt(raw.max)})`, `${ratio(median)} (${ratio(pairs.min)}–${ratio(pairs.max)}): ${median >= GOAL_RATIO ? 'met' : 'NOT met'}`]
}

function section(db: DatabaseOutcome, settings: Settings): Section {
  const rows = db.scenarios.map((s) => {
    const vps = spread(s.runs.map((r) => r.valuesPerSecond))
    const med = (pick: (r: RunResult) => number): number => spread(s.runs.map(pick)).median
    const budget = db.kind === 'postgres' ? `≥ ${fmtInt(BUDGET_VALUES_PER_SECOND)}: ${vps.median >= BUDGET_VALUES_PER_SECOND ? 'met' : 'NOT met'}` : '— (PostgreSQL only)'
    const cpu = [med((r) => r.cpu.server), med((r) => r.cpu.database), med((r) => r.cpu.bench), med((r) => r.cpu.other)].map((x) => (Number.isFinite(x) ? x.toFixed(2) : '–')).join(' / ')
    return [
      String(s.devices),
      `${s.runs.length}`,
      `${fmtInt(vps.median)} (${fmtInt(vps.min)}–${fmtInt(vps.max)})`,
      budget,
      fmtMs(med((r) => r.p50)),
      fmtMs(med((r) => r.p99)),
      fmtInt(med((r) => r.requests)),
      fmtMiB(Math.max(...s.runs.map((r) => r.maxRssKb))),
      cpu,
      ...(db.kind === 'postgres' ? floorCells(s) : []),
    ]
  })
  const notes = [...db.notes]
  if (db.scenarios.length > 0) {
    const many = db.scenarios.filter((s) => s.devices >= 100)
    if (many.length > 0 && db.errors.length === 0) {
      const top = many[many.length - 1]!
      notes.push(
        `Hundreds of devices at once: up to ${top.devices} devices pushed concurrently, every outcome \`applied\` (no conflict, no rejection, no HTTP error); ` +
          `p99 push latency ${fmtMs(spread(top.runs.map((r) => r.p99)).median)} ms at ${top.devices} devices.`,
      )
    }
    const busy = db.scenarios.filter((s) => spread(s.runs.map((r) => r.cpu.other)).median > 0.25)
    if (busy.length > 0) {
      notes.push(
        `Other work shared the machine during ${busy.map((s) => `${s.devices}`).join(', ')} devices (column *other*: ` +
          `${busy.map((s) => spread(s.runs.map((r) => r.cpu.other)).median.toFixed(2)).join(', ')} cores): those figures are lower than the machine can do.`,
      )
    }
    const largest = db.scenarios.find((s) => s.devices === Math.max(...settings.devices))
    if (largest && settings.runsLargest < settings.runs) {
      notes.push(`${largest.devices} devices: ${settings.runsLargest} runs instead of ${settings.runs}, to keep the whole bench near 10 minutes on 2 cores.`)
    }
    for (const s of db.scenarios.filter((s) => s.runs.some((r) => r.requests < r.planned))) {
      const capped = s.runs.filter((r) => r.requests < r.planned)
      notes.push(
        `${s.devices} devices: ${capped.length} of ${s.runs.length} runs ended before their ${fmtInt(capped[0]!.planned)} pushes ` +
          `(${capped.map((r) => fmtInt(r.requests)).join(', ')}): devices start no push they would not finish within ~${settings.maxSeconds} s.`,
      )
    }
  }
  if (db.kind === 'postgres' && db.scenarios.some((s) => s.raw.length > 0)) {
    notes.push(
      `Raw upsert: after each run, the same devices write the next batches they would push as one multi-row \`INSERT … ON CONFLICT DO UPDATE\` each, ` +
        `from node-postgres through a pool of the server's size, into a twin of \`cell_values\` (same columns, indexes and foreign keys): no HTTP, session, check, audit, ` +
        `outcome or version. The ratio is the product's median over the raw upsert's median (min–max over the pairs of runs).`,
    )
    for (const s of db.scenarios.filter((x) => x.raw.length > 0)) {
      // Where the product's time goes beside the floor: database CPU per value, and the server's.
      const perValue = (runs: RunResult[], pick: (r: RunResult) => number): number => spread(runs.map((r) => (pick(r) * r.seconds * 1e6) / r.values)).median
      const dbProduct = perValue(s.runs, (r) => r.cpu.database)
      const dbRaw = perValue(s.raw, (r) => r.cpu.database)
      if (Number.isFinite(dbProduct) && Number.isFinite(dbRaw)) {
        notes.push(
          `${s.devices} devices, CPU per value written (medians): the database ${fmtInt(dbProduct)} µs for the product against ${fmtInt(dbRaw)} µs for the raw upsert ` +
            `(${ratio(dbProduct / dbRaw)}: each value also writes an audit row, which keeps its outcome for replay, and is read before it is decided); the server process ${fmtInt(perValue(s.runs, (r) => r.cpu.server))} µs.`,
        )
      }
    }
  }
  return {
    title: db.title,
    table:
      rows.length === 0
        ? undefined
        : {
            columns: [
              { title: 'devices', align: 'right' },
              { title: 'runs', align: 'right' },
              { title: 'values/s median (min–max)', align: 'right' },
              { title: 'budget' },
              { title: 'push p50 ms', align: 'right' },
              { title: 'push p99 ms', align: 'right' },
              { title: 'requests/run', align: 'right' },
              { title: 'max RSS (server)', align: 'right' },
              { title: 'CPU cores: server / db / bench / other', align: 'right' },
              ...(db.kind === 'postgres'
                ? [
                    { title: 'raw upsert values/s median (min–max)', align: 'right' as const },
                    { title: `product ÷ raw (goal ≥ ${GOAL_RATIO}×)`, align: 'right' as const },
                  ]
                : []),
            ],
            rows,
          },
    notes,
  }
}

export const ingestMeasurement: Measurement = {
  id: 'server-ingest',
  title: 'Server ingest',
  async run(ctx): Promise<MeasurementResult> {
    const settings = readSettings(process.env)
    const runId = Date.now().toString(36)
    const outcomes: DatabaseOutcome[] = []
    for (const kind of settings.databases) if (!ctx.signal.aborted) outcomes.push(await benchDatabase(kind, settings, ctx, runId))
    return {
      id: this.id,
      title: this.title,
      description: [
        `The real server (\`tsx src/server/main.ts\`, DEMO=false, LOG_LEVEL=warn) on a loopback port, holding ${PROVINCE.communes} communes × ${PROVINCE.villages} villages ` +
          `(${PROVINCE.communes * PROVINCE.villages} reporter accounts, ${INDICATORS} entry indicators: ${PROVINCE.flowIndicators} flows, ${PROVINCE.rateIndicators} rates; ${PERIOD_CODES.length} periods). ` +
          `N simulated devices, each signed in once with its own keep-alive connection, push batches of ${settings.batchSize} value mutations one after another ` +
          `(distinct cells, base version from the device's last applied outcome; first inserts, then updates with new values). Devices spread over the communes; ` +
          `devices sharing a village write disjoint cells, so every outcome must be \`applied\`.`,
        `In a run each device pushes ⌈${fmtInt(settings.batchesPerRun)} ÷ N⌉ batches (${settings.devices.map((n) => `${Math.ceil(settings.batchesPerRun / n)} for ${n}`).join(', ')}), ` +
          `unless ~${settings.maxSeconds} s pass first (a device starts no push it would not finish in time, judging by its last one); ` +
          `values/s counts applied outcomes over the run's wall time. The devices sign in once, on a server of their own; then each scenario runs on a freshly ` +
          `started server after an uncounted warm-up (one push per device), ` +
          `${settings.runs} times (${settings.runsLargest} for the largest). The table gives medians over the runs; max RSS is the server process's VmRSS, sampled every 100 ms ` +
          `(PGlite's database lives inside it; PostgreSQL's backends do not). CPU is in cores used during the run (2 = both cores busy): the server process, ` +
          `the local PostgreSQL processes of the bench database, the bench process that plays the devices, and *other*: the rest of the machine's busy time, ` +
          `which should be near 0: when it is not, other work competed for the cores and the figures are low.`,
        `Knobs for a quick look (the defaults make the report): BENCH_DATABASES (pglite,postgres), BENCH_DEVICES (50,200,500), BENCH_RUNS (5), ` +
          `BENCH_RUNS_LARGEST, BENCH_BATCH (60), BENCH_BATCHES (600), BENCH_SECONDS (20), BENCH_OUTPUT (this file); BENCH_DATABASE_URL runs on that PostgreSQL ` +
          `in a schema of its own instead of the local cluster 15/main; BENCH_SERVER_PROFILE=<folder> has each server process write a V8 CPU profile there as it stops.`,
        `Budget (docs/BENCHMARKS.md): server ingest ≥ ${fmtInt(BUDGET_VALUES_PER_SECOND)} values/s on PostgreSQL on 2 cores; hundreds of devices syncing at once. ` +
          `Goal (issue 18): on PostgreSQL, at least ${GOAL_RATIO}× the raw multi-row upsert of the same rows, measured in the same run (see the notes under the PostgreSQL table).`,
        `Only this measurement: \`npm run bench -- ingest\` (its report goes to a temporary file unless BENCH_OUTPUT is set).`,
      ],
      environment: outcomes.flatMap((o) => o.environment),
      sections: outcomes.map((o) => section(o, settings)),
      errors: outcomes.flatMap((o) => o.errors),
    }
  },
}

