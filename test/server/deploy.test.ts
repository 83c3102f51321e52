// The README's "Deploy for a province", followed as written: real server processes started with
// `npm run serve`, the first administrator made with `npm run admin -- create-admin`, a commune
// created, and a sign-in through each instance. On PostgreSQL (TEST_DATABASE_URL) two instances
// start at the same moment on one empty database, production and demo alike; on the embedded
// database, which one process owns, one instance walks the same path.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

const ROOT = new URL('../../', import.meta.url).pathname
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const START = 'npm run serve'
const CREATE_ADMIN = 'npm run admin -- create-admin --username quantri'

/** The commands as the README's deploy section writes them: the test runs these, so they cannot drift apart. */
async function deploySection(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8')
  const start = readme.indexOf('## Deploy for a province')
  expect(start).toBeGreaterThan(-1)
  return readme.slice(start, readme.indexOf('\n## ', start + 5))
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

const children = new Set<ChildProcess>()
afterAll(async () => {
  await Promise.all([...children].map(stop))
})

/** Runs a README command line (`npm run …`) with the deployment's environment. */
function run(command: string, env: NodeJS.ProcessEnv): ChildProcess {
  const [bin, ...args] = command.split(' ')
  expect(bin).toBe('npm')
  // A process group of its own: npm, tsx and the server go together when it is stopped.
  const child = spawn(NPM, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
  children.add(child)
  return child
}

function output(child: ChildProcess): () => string {
  let text = ''
  child.stdout?.on('data', (c: Buffer) => (text += c.toString('utf8')))
  child.stderr?.on('data', (c: Buffer) => (text += c.toString('utf8')))
  return () => text
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    // npm runs the server as its grandchild: the whole group goes.
    const signal = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, sig)
      } catch {
        // already gone
      }
    }
    signal('SIGTERM')
    const timer = setTimeout(() => signal('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  children.delete(child)
}

async function finished(child: ChildProcess, text: () => string): Promise<string> {
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)))
  children.delete(child)
  if (code !== 0) throw new Error(`exit ${code}:\n${text()}`)
  return text()
}

/** Starts an instance as step 4 says and waits until /api/health answers. */
async function startInstance(env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess; text: () => string }> {
  const port = await freePort()
  const child = run(START, { ...env, PORT: String(port), HOST: '127.0.0.1' })
  const text = output(child)
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the instance exited with ${child.exitCode}:\n${text()}`)
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) })
      if (res.ok) return { url, child, text }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`no answer from ${url} within 120 s:\n${text()}`)
}

type Call = (method: string, path: string, body?: unknown) => Promise<Response>

/** A client with a cookie jar of one session, against one instance. */
function client(url: string, cookie = ''): { call: Call; cookie: () => string } {
  let jar = cookie
  const call: Call = async (method, path, body) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(jar ? { cookie: jar } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const set = res.headers.get('set-cookie')
    if (set) jar = set.split(';')[0]!
    return res
  }
  return { call, cookie: () => jar }
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  return JSON.parse(text) as T
}

/** The deployment's environment of step 3; the database is the caller's. */
function deploymentEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', TRUST_PROXY: 'true', ...extra }
  delete env.DEMO
  delete env.DEMO_REPORTS
  return env
}

/** Steps 6 and 7: the first administrator, a province, its administrator, a commune and its officer, then sign-ins on every instance. */
async function walkTheDeployment(urls: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const [first, ...others] = urls as [string, ...string[]]
  // A new installation: the demo administrator does not exist, nor anyone else.
  expect((await fetch(`${first}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'thidua2024' }) })).status).toBe(401)
  const info = await json<{ demo: boolean }>(await fetch(`${first}/api/server-info`), 200)
  expect(info.demo).toBe(false)

  const admin = run(CREATE_ADMIN, env)
  const printed = await finished(admin, output(admin))
  const link = /https?:\/\/\S+\/kich-hoat\/([A-Za-z0-9_-]{43})/.exec(printed)
  expect(link, printed).not.toBeNull()
  expect(printed).toContain(env.PUBLIC_URL!)

  const root = client(first)
  await json(await root.call('POST', `/api/enrolments/${link![1]}`, { password: 'quan-tri-tinh-2026' }), 200)
  await json(await root.call('POST', '/api/provinces', { code: 'quang-ngai', name: 'Tỉnh Quảng Ngãi', adminCode: '51' }), 201)
  const pa = await json<{ enrolment: { token: string } }>(
    await root.call('POST', '/api/provinces/quang-ngai/users', { username: 'qn.quantri', displayName: 'Sở Nội vụ', role: 'province_admin' }),
    201,
  )
  const province = client(first)
  await json(await province.call('POST', `/api/enrolments/${pa.enrolment.token}`, { password: 'so-noi-vu-2026' }), 200)
  await json(await province.call('POST', '/api/provinces/quang-ngai/communes', { code: 'nghia-hanh', name: 'Xã Nghĩa Hành', kind: 'xa', adminCode: '51001' }), 201)
  const officer = await json<{ enrolment: { token: string } }>(
    await province.call('POST', '/api/communes/nghia-hanh/users', { username: 'nghiahanh.canbo', displayName: 'Cán bộ Văn phòng – Thống kê', role: 'officer' }),
    201,
  )
  // The officer's link, opened on another instance: they share everything through the database.
  const last = others.at(-1) ?? first
  await json(await client(last).call('POST', `/api/enrolments/${officer.enrolment.token}`, { password: 'can-bo-xa-2026' }), 200)

  for (const url of urls) {
    for (const [username, password] of [
      ['quantri', 'quan-tri-tinh-2026'],
      ['nghiahanh.canbo', 'can-bo-xa-2026'],
    ] as const) {
      const c = client(url)
      const me = await json<{ me: { username: string } }>(await c.call('POST', '/api/auth/login', { username, password }), 200)
      expect(me.me.username).toBe(username)
      const communes = await json<{ code: string }[]>(await c.call('GET', '/api/communes'), 200)
      expect(communes.map((x) => x.code)).toEqual(['nghia-hanh'])
    }
  }
}

describe('the README deployment commands', () => {
  it('are the ones this test runs', async () => {
    const section = await deploySection()
    expect(section).toContain(START)
    expect(section).toContain(CREATE_ADMIN)
    expect(section).toContain('NODE_ENV=production')
    expect(section).toContain('TRUST_PROXY=true')
    expect(section).toContain('pg_dump')
  })
})

describe('a deployment on the embedded database', () => {
  it('starts with no usable account, makes its first administrator and onboards a commune', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'thidua-deploy-'))
    const env = deploymentEnv({ DATA_DIR: dataDir, PUBLIC_URL: 'https://thidua.example.gov.vn' })
    delete env.DATABASE_URL
    try {
      const one = await startInstance(env)
      // PGlite is one process's: the command line opens it while the instance is stopped.
      await stop(one.child)
      const admin = run(CREATE_ADMIN, env)
      const printed = await finished(admin, output(admin))
      const token = /\/kich-hoat\/([A-Za-z0-9_-]{43})/.exec(printed)![1]!
      const again = await startInstance(env)
      const root = client(again.url)
      await json(await root.call('POST', `/api/enrolments/${token}`, { password: 'quan-tri-tinh-2026' }), 200)
      await json(await root.call('POST', '/api/provinces', { code: 'quang-ngai', name: 'Tỉnh Quảng Ngãi' }), 201)
      await json(await root.call('POST', '/api/provinces/quang-ngai/communes', { code: 'nghia-hanh', name: 'Xã Nghĩa Hành', kind: 'xa' }), 201)
      const c = client(again.url)
      await json(await c.call('POST', '/api/auth/login', { username: 'quantri', password: 'quan-tri-tinh-2026' }), 200)
      await stop(again.child)
    } finally {
      // The stopped server's last files may still be closing: retry the removal a few times.
      await rm(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    }
  }, 300_000)
})

const url = process.env.TEST_DATABASE_URL

describe.each(url ? [url] : [])('a deployment on PostgreSQL', (base) => {
  /** A fresh, empty database of its own (the role may create databases), dropped afterwards. */
  async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
    const name = `thidua_deploy_${randomUUID().replaceAll('-', '').slice(0, 12)}`
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    await admin.end()
    const u = new URL(base)
    u.pathname = `/${name}`
    return {
      url: u.toString(),
      async drop() {
        const c = new pg.Client({ connectionString: base })
        await c.connect()
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        await c.end()
      },
    }
  }

  it('starts two production instances at the same moment on an empty database, and both serve the same province', async () => {
    const db = await emptyDatabase()
    const env = deploymentEnv({ DATABASE_URL: db.url, PUBLIC_URL: 'https://thidua.quangngai.gov.vn', DB_POOL_SIZE: '4' })
    try {
      const [a, b] = await Promise.all([startInstance(env), startInstance(env)])
      await walkTheDeployment([a.url, b.url], env)
      await Promise.all([stop(a.child), stop(b.child)])
    } finally {
      await db.drop()
    }
  }, 300_000)

  it('starts two demo instances at the same moment on an empty database: the demo is loaded once', async () => {
    const db = await emptyDatabase()
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, DEMO: 'true', DEMO_REPORTS: 'false', LOG_LEVEL: 'warn', DB_POOL_SIZE: '4' }
    delete env.NODE_ENV
    try {
      const [a, b] = await Promise.all([startInstance(env), startInstance(env)])
      const c = new pg.Client({ connectionString: db.url })
      await c.connect()
      const communes = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM communes')
      await c.end()
      expect(communes.rows[0]!.n).toBe(3)
      for (const inst of [a, b]) {
        const res = await fetch(`${inst.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'tqt.canbo', password: 'thidua2024' }) })
        expect(res.status).toBe(200)
      }
      await Promise.all([stop(a.child), stop(b.child)])
    } finally {
      await db.drop()
    }
  }, 300_000)
})
