// What the benchmarks start and must stop again: the real server as a child process
// (`tsx src/server/main.ts`), a PostgreSQL database to point it at, and the readings of
// /proc that tell how much memory and CPU the server and the database used.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import pg from 'pg'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The server and every simulated device talk over loopback only. */
export const SERVER_HOST = '127.0.0.1'

export type Log = (line: string) => void

// ---------------------------------------------------------------------------
// Cleanup: everything started registers how to stop it; the runner stops all of it on the way
// out, on an error and on Ctrl+C, newest first.

export class Cleanup {
  private readonly steps: { label: string; fn: () => Promise<void> }[] = []

  /** Registers a stop step; the returned function unregisters it (the caller stopped it itself). */
  defer(label: string, fn: () => Promise<void>): () => void {
    const step = { label, fn }
    this.steps.push(step)
    return () => {
      const i = this.steps.indexOf(step)
      if (i >= 0) this.steps.splice(i, 1)
    }
  }

  private running: Promise<void> | undefined

  /**
   * Runs every step once, newest first; a failing step is reported and the rest still run.
   * Called again while it runs (Ctrl+C during the normal stop), it waits for the same run.
   */
  runAll(log: Log): Promise<void> {
    this.running ??= (async () => {
      while (this.steps.length > 0) {
        const step = this.steps.pop()!
        try {
          await step.fn()
        } catch (e) {
          log(`cleanup: ${step.label} failed: ${message(e)}`)
        }
      }
    })().finally(() => (this.running = undefined))
    return this.running
  }
}

/** Children still running, killed outright if the bench process exits without stopping them. */
const live = new Set<ChildProcess>()

export function killChildrenNow(): void {
  for (const child of live) child.kill('SIGKILL')
  live.clear()
}

export function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

// ---------------------------------------------------------------------------
// The server

export interface ServerProcess {
  /** `http://127.0.0.1:PORT` */
  url: string
  port: number
  /** The Node process running the server (not a wrapper): its /proc entry is the server's. */
  pid: number
  /** The server's last lines of output, for an error message. */
  output(): string
  stop(): Promise<void>
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, SERVER_HOST, () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * Starts `src/server/main.ts` on a free loopback port with DEMO=false and LOG_LEVEL=warn, on
 * PGlite in `dataDir` or on PostgreSQL at `databaseUrl`, and waits for GET /api/health.
 *
 * It runs as `node --import tsx src/server/main.ts`, which is what `tsx src/server/main.ts` does
 * minus tsx's wrapper process, so that the child's pid is the server's own (its RSS is read).
 */
export async function startServer(options: { dataDir: string; databaseUrl?: string; cleanup: Cleanup; timeoutMs?: number }): Promise<ServerProcess> {
  const port = await freePort()
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'DEMO', 'LOG_LEVEL']) delete env[name]
  Object.assign(env, { PORT: String(port), HOST: SERVER_HOST, DATA_DIR: options.dataDir, DEMO: 'false', LOG_LEVEL: 'warn' })
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl

  // BENCH_SERVER_PROFILE=<folder>: each server process writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE?.trim() ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SERVER_PROFILE.trim()}`] : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/server/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  live.add(child)
  const lines: string[] = []
  const keep = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== ''))
    if (lines.length > 40) lines.splice(0, lines.length - 40)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  exited.then(() => live.delete(child)).catch(() => undefined)

  const url = `http://${SERVER_HOST}:${port}`
  const output = (): string => lines.join('\n')
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM') // the server finishes requests in flight and closes the database
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(timer)
  }
  const unregister = options.cleanup.defer(`server on port ${port}`, stop)

  try {
    await waitForHealth(url, exited, options.timeoutMs ?? 60_000)
  } catch (e) {
    await stop()
    unregister()
    // The line that says why (an uncaught error's message), then everything it printed.
    const why = lines.find((l) => /^\w*Error\b|^Cannot /.test(l.trim()))
    throw new Error(`the server did not start: ${message(e)}${why ? `: ${why.trim()}` : ''}\n${output()}`)
  }
  return {
    url,
    port,
    pid: child.pid!,
    output,
    async stop() {
      unregister()
      await stop()
    },
  }
}

async function waitForHealth(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let exitCode: number | null | undefined
  exited.then((code) => (exitCode = code)).catch(() => undefined)
  const deadline = Date.now() + timeoutMs
  let last = ''
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`it exited with code ${exitCode}`)
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) })
      if (res.ok) return
      last = `health answered ${res.status}`
    } catch (e) {
      last = message(e)
    }
    await sleep(100)
  }
  throw new Error(`no healthy answer within ${timeoutMs / 1000} s (${last})`)
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------
// PostgreSQL "where it is available"

export interface PostgresTarget {
  /** What the server gets as DATABASE_URL: a database (or schema) of its own, empty. */
  url: string
  /** Where it is, for the report. */
  label: string
  /** `SHOW server_version`. */
  version: string
  /** Whether the database processes run on this machine (their CPU can be read from /proc). */
  local: boolean
}

export type PostgresAvailability = { ok: true; target: PostgresTarget } | { ok: false; reason: string }

const CLUSTER = { version: '15', name: 'main' }
const BENCH_DATABASE = 'thidua_bench'
const ROLE = { user: 'thidua', password: 'thidua' }

/**
 * BENCH_DATABASE_URL when set (the bench works in a schema of its own there, dropped after);
 * otherwise the local Debian cluster 15/main, started if it is down (and stopped again after),
 * with a fresh database `thidua_bench` owned by the role thidua (dropped after).
 */
export async function providePostgres(cleanup: Cleanup, log: Log): Promise<PostgresAvailability> {
  const given = process.env.BENCH_DATABASE_URL?.trim()
  if (given) return inSchema(given, cleanup, log)
  return inLocalCluster(cleanup, log)
}

async function inSchema(url: string, cleanup: Cleanup, log: Log): Promise<PostgresAvailability> {
  const schema = `bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  let version: string
  try {
    version = await withClient(url, async (c) => {
      await c.query(`CREATE SCHEMA ${schema}`)
      return serverVersion(c)
    })
  } catch (e) {
    return { ok: false, reason: `BENCH_DATABASE_URL is set but unusable: ${message(e)}` }
  }
  log(`PostgreSQL: BENCH_DATABASE_URL, schema ${schema}`)
  cleanup.defer(`drop schema ${schema}`, () => withClient(url, async (c) => void (await c.query(`DROP SCHEMA ${schema} CASCADE`))))
  const sep = url.includes('?') ? '&' : '?'
  const host = safeHost(url)
  return {
    ok: true,
    target: { url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`, label: `BENCH_DATABASE_URL (${host}), schema ${schema}`, version, local: isLoopback(host) },
  }
}

async function inLocalCluster(cleanup: Cleanup, log: Log): Promise<PostgresAvailability> {
  const listed = spawnSync('pg_lsclusters', ['-h'], { encoding: 'utf8' })
  if (listed.error || listed.status !== 0) return { ok: false, reason: 'no BENCH_DATABASE_URL and no `pg_lsclusters` on this machine' }
  const row = listed.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[0] === CLUSTER.version && f[1] === CLUSTER.name)
  if (!row) return { ok: false, reason: `no PostgreSQL cluster ${CLUSTER.version}/${CLUSTER.name} (pg_lsclusters)` }
  const port = Number(row[2])
  if (!(row[3] ?? '').startsWith('online')) {
    log(`PostgreSQL: cluster ${CLUSTER.version}/${CLUSTER.name} is down, starting it`)
    const started = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', CLUSTER.version, CLUSTER.name, 'start'], { encoding: 'utf8' })
    if (started.error || started.status !== 0) {
      const why = (started.error?.message ?? started.stderr ?? '').trim().split('\n').slice(-2).join(' ')
      return { ok: false, reason: `cluster ${CLUSTER.version}/${CLUSTER.name} is down and could not be started (needs root): ${why}` }
    }
    cleanup.defer(`stop cluster ${CLUSTER.version}/${CLUSTER.name}`, async () => {
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', CLUSTER.version, CLUSTER.name, 'stop'], { encoding: 'utf8' })
    })
  }
  const roleUrl = (db: string): string => `postgres://${ROLE.user}:${ROLE.password}@${SERVER_HOST}:${port}/${db}`

  if (!(await waitForPostgres(roleUrl('postgres'), port))) {
    // The role may be missing: create it as CI does (.ci/run), as the postgres superuser.
    const made = asPostgres(port, `DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ROLE.user}') THEN CREATE ROLE ${ROLE.user} LOGIN PASSWORD '${ROLE.password}' CREATEDB; END IF; END $$`)
    if (!made.ok) return { ok: false, reason: `cannot connect as role ${ROLE.user} on port ${port}, nor create it: ${made.error}` }
    log(`PostgreSQL: created role ${ROLE.user} (as in .ci/run)`)
  }
  const recreate = async (): Promise<void> => {
    try {
      await withClient(roleUrl('postgres'), async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`)
        await c.query(`CREATE DATABASE ${BENCH_DATABASE}`)
      })
    } catch (e) {
      // Not allowed as thidua (no CREATEDB, or an old thidua_bench of another owner): as postgres.
      const dropped = asPostgres(port, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`)
      const created = dropped.ok ? asPostgres(port, `CREATE DATABASE ${BENCH_DATABASE} OWNER ${ROLE.user}`) : dropped
      if (!created.ok) throw new Error(`as ${ROLE.user}: ${message(e)}; as postgres: ${created.error}`)
    }
  }
  try {
    await recreate()
  } catch (e) {
    return { ok: false, reason: `cannot create database ${BENCH_DATABASE}: ${message(e)}` }
  }
  cleanup.defer(`drop database ${BENCH_DATABASE}`, async () => {
    try {
      await withClient(roleUrl('postgres'), async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`)))
    } catch {
      const r = asPostgres(port, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`)
      if (!r.ok) throw new Error(r.error)
    }
  })
  const url = roleUrl(BENCH_DATABASE)
  const version = await withClient(url, serverVersion)
  log(`PostgreSQL ${version}: cluster ${CLUSTER.version}/${CLUSTER.name} on port ${port}, database ${BENCH_DATABASE}`)
  return { ok: true, target: { url, label: `local cluster ${CLUSTER.version}/${CLUSTER.name} (port ${port}), database ${BENCH_DATABASE}`, version, local: true } }
}

/** Waits for a started cluster to accept connections; false when it answers but refuses the role. */
async function waitForPostgres(url: string, port: number): Promise<boolean> {
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      await withClient(url, async (c) => void (await c.query('SELECT 1')))
      return true
    } catch (e) {
      const code = (e as { code?: string }).code
      // 28P01 bad password, 28000 no such role / not allowed: a live server that refuses us.
      if (code === '28P01' || code === '28000' || Date.now() > deadline) return false
      if (code !== 'ECONNREFUSED' && code !== '57P03') throw new Error(`PostgreSQL on port ${port}: ${message(e)}`)
      await sleep(250)
    }
  }
}

/** One statement as the postgres superuser through psql (needs root, or to be postgres). */
function asPostgres(port: number, sql: string): { ok: true } | { ok: false; error: string } {
  const psql = ['psql', '-p', String(port), '-v', 'ON_ERROR_STOP=1', '-qtAX', '-c', sql]
  const r =
    process.getuid?.() === 0 ? spawnSync('runuser', ['-u', 'postgres', '--', ...psql], { encoding: 'utf8' }) : spawnSync('sudo', ['-n', '-u', 'postgres', ...psql], { encoding: 'utf8' })
  if (r.error) return { ok: false, error: r.error.message }
  if (r.status !== 0) return { ok: false, error: (r.stderr || `exit ${r.status}`).trim() }
  return { ok: true }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await fn(c)
  } finally {
    await c.end().catch(() => undefined)
  }
}

async function serverVersion(c: pg.Client): Promise<string> {
  const r = await c.query<{ server_version: string }>('SHOW server_version')
  return r.rows[0]?.server_version ?? 'unknown'
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return 'unparsable URL'
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1' || host === '[::1]' || host === ''
}

// ---------------------------------------------------------------------------
// /proc readings (Linux): resident memory and CPU time

const CLOCK_TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })
  const n = Number(r.stdout?.trim())
  return Number.isFinite(n) && n > 0 ? n : 100
})()

/** VmRSS of a process in kB, or undefined when /proc cannot tell (not Linux, process gone). */
export async function rssKb(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)
    return m ? Number(m[1]) : undefined
  } catch {
    return undefined
  }
}

/** User + system CPU seconds a process has used so far. */
export async function cpuSeconds(pid: number): Promise<number | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces) start at field 3; utime, stime are 14, 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS
  } catch {
    return undefined
  }
}

/** CPU seconds used so far by each of these processes (those that are gone are left out). */
export async function cpuByPid(pids: readonly number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>()
  await Promise.all(
    pids.map(async (pid) => {
      const s = await cpuSeconds(pid)
      if (s !== undefined) out.set(pid, s)
    }),
  )
  return out
}

/** CPU seconds the whole machine has spent busy (all cores, anything but idle and I/O wait). */
export async function machineBusySeconds(): Promise<number | undefined> {
  try {
    const stat = await readFile('/proc/stat', 'utf8')
    const f = (/^cpu\s+(.*)$/m.exec(stat)?.[1] ?? '').trim().split(/\s+/).map(Number)
    // user nice system idle iowait irq softirq steal (guest time is already within user)
    const busy = (f[0] ?? 0) + (f[1] ?? 0) + (f[2] ?? 0) + (f[5] ?? 0) + (f[6] ?? 0) + (f[7] ?? 0)
    return f.length >= 8 ? busy / CLOCK_TICKS : undefined
  } catch {
    return undefined
  }
}
