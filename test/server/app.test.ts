import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import { openDb } from '../../src/server/db'
import { seedPlanFile } from '../../src/server/db/seed'
import type { Db } from '../../src/server/db/types'
import { DEMO_PLANS_DIR, DemoPlanError, loadDemo, type DemoPlan } from '../../src/server/demo/loadDemo'
import { formatDemoLogins } from '../../src/server/demo/logins'
import { fixtureFile, PASSWORD } from './harness'

const config = readConfig({})
const DEMO_PASSWORD = 'thidua2024'

// One in-memory database for the whole file: the demo communes are loaded into it once.
let db: Db
beforeAll(async () => {
  db = await openDb({})
}, 60_000)
afterAll(() => db?.close())

describe('readConfig', () => {
  const defaults = {
    port: 8080,
    host: '0.0.0.0',
    dataDir: './data',
    databaseUrl: undefined,
    logLevel: 'info',
    secureCookies: false,
    trustProxy: false,
    demo: true,
    demoReports: true,
    poolSize: 10,
    distDir: undefined,
    production: false,
    publicUrl: 'http://localhost:8080',
    demoYear: undefined,
    evidence: { s3: undefined, uploadsInS3: false, quotaBytes: 2048 * 1024 * 1024 },
  }

  it('has defaults for everything', () => {
    expect(readConfig({})).toEqual(defaults)
  })

  it('reads the variables it knows', () => {
    const c = readConfig({
      PORT: '9000',
      HOST: '127.0.0.1',
      DATA_DIR: '/var/lib/thi-dua',
      DATABASE_URL: 'postgres://x/y',
      LOG_LEVEL: 'debug',
      COOKIE_SECURE: 'true',
      TRUST_PROXY: 'yes',
      DEMO: 'false',
      DEMO_REPORTS: 'no',
      DB_POOL_SIZE: '25',
      DIST_DIR: '/srv/thi-dua/dist',
      PUBLIC_URL: 'https://thidua.example.gov.vn/',
      DEMO_YEAR: '2025',
    })
    expect(c).toEqual({
      port: 9000,
      host: '127.0.0.1',
      dataDir: '/var/lib/thi-dua',
      databaseUrl: 'postgres://x/y',
      logLevel: 'debug',
      secureCookies: true,
      trustProxy: true,
      demo: false,
      demoReports: false,
      poolSize: 25,
      distDir: '/srv/thi-dua/dist',
      production: false,
      publicUrl: 'https://thidua.example.gov.vn',
      demoYear: 2025,
      evidence: { s3: undefined, uploadsInS3: false, quotaBytes: 2048 * 1024 * 1024 },
    })
  })

  it('reads the evidence storage settings', () => {
    expect(
      readConfig({
        EVIDENCE_S3_BUCKET: 'thidua',
        S3_ENDPOINT: 'http://minio:9000',
        S3_ACCESS_KEY_ID: 'key',
        S3_SECRET_ACCESS_KEY: 'secret',
        EVIDENCE_S3_PREFIX: 'xa-a',
        EVIDENCE_UPLOADS_S3: 'true',
        EVIDENCE_QUOTA_MB: '500',
      }).evidence,
    ).toEqual({
      s3: { bucket: 'thidua', prefix: 'xa-a/', endpoint: 'http://minio:9000', region: 'us-east-1', forcePathStyle: true, accessKeyId: 'key', secretAccessKey: 'secret' },
      uploadsInS3: true,
      quotaBytes: 500 * 1024 * 1024,
    })
    expect(readConfig({ EVIDENCE_S3_BUCKET: 'b', S3_REGION: 'ap-southeast-1' }).evidence.s3).toMatchObject({ region: 'ap-southeast-1', forcePathStyle: false, endpoint: undefined })
    expect(() => readConfig({ EVIDENCE_S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'key' })).toThrow(/S3_SECRET_ACCESS_KEY/)
    expect(() => readConfig({ EVIDENCE_S3_BUCKET: 'b', S3_ENDPOINT: 'minio:9000' })).toThrow(/S3_ENDPOINT/)
    expect(() => readConfig({ EVIDENCE_UPLOADS_S3: 'true' })).toThrow(/EVIDENCE_S3_BUCKET/)
    expect(() => readConfig({ EVIDENCE_QUOTA_MB: '0' })).toThrow(/EVIDENCE_QUOTA_MB/)
  })

  it('starts without the demo in production unless told otherwise', () => {
    expect(readConfig({ NODE_ENV: 'production' })).toMatchObject({ production: true, demo: false })
    expect(readConfig({ NODE_ENV: 'production', DEMO: 'true' })).toMatchObject({ production: true, demo: true })
    expect(() => readConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/)
    expect(() => readConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/)
  })

  it('treats blank values as unset', () => {
    expect(readConfig({ PORT: ' ', DATABASE_URL: '', COOKIE_SECURE: '  ', DEMO: '', DB_POOL_SIZE: '' })).toEqual(defaults)
  })

  it.each([
    ['COOKIE_SECURE', 'secureCookies', '1', true],
    ['COOKIE_SECURE', 'secureCookies', 'ON', true],
    ['TRUST_PROXY', 'trustProxy', 'true', true],
    ['TRUST_PROXY', 'trustProxy', 'off', false],
    ['DEMO', 'demo', '0', false],
    ['DEMO', 'demo', 'No', false],
    ['DB_POOL_SIZE', 'poolSize', '1', 1],
    ['DB_POOL_SIZE', 'poolSize', '200', 200],
  ] as const)('reads %s=%j', (name, key, raw, expected) => {
    expect(readConfig({ [name]: raw })[key]).toBe(expected)
  })

  it.each(['abc', '80a', '-1', '0', '65536', '8080.5', ' 1e3'])('refuses PORT=%j with a message naming PORT', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT/)
  })

  it('refuses an unknown LOG_LEVEL', () => {
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
  })

  it.each([
    ['COOKIE_SECURE', 'maybe'],
    ['TRUST_PROXY', '2'],
    ['DEMO', 'yes please'],
    ['DB_POOL_SIZE', '0'],
    ['DB_POOL_SIZE', '201'],
    ['DB_POOL_SIZE', 'ten'],
    ['DB_POOL_SIZE', '2.5'],
  ])('refuses %s=%j with a message naming it', (name, raw) => {
    expect(() => readConfig({ [name]: raw })).toThrow(new RegExp(name))
  })
})

/** Signs in through the API and returns the session cookie to send. */
async function signIn(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.find((c) => c.name === 'td_session')
  if (!cookie) throw new Error('no session cookie')
  return `td_session=${cookie.value}`
}

describe('the API over the real demo plans', () => {
  let demo: DemoPlan[]
  let fileCount: number
  let app: FastifyInstance
  /** Each commune's officer, signed in: commune code → cookie. */
  const officers = new Map<string, string>()
  const officerOf = (d: DemoPlan) => d.file.accounts.find((a) => a.role === 'officer')!

  beforeAll(async () => {
    demo = await loadDemo()
    fileCount = (await readdir(DEMO_PLANS_DIR).catch(() => [])).filter((n) => n.endsWith('.json')).length
    for (const d of demo) await seedPlanFile(db, d.file)
    app = await buildApp({ config, db, logger: false })
    for (const d of demo) officers.set(d.file.commune.code, await signIn(app, officerOf(d).username, DEMO_PASSWORD))
  }, 60_000)
  afterAll(() => app?.close())

  const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} })

  it('has the three real plans, each with an officer whose password is the demo one', () => {
    expect(demo).toHaveLength(fileCount)
    expect(demo.map((d) => d.file.commune.code).sort()).toEqual(['pho-thuan', 'tqt', 'tra-phong'])
    expect(officers.size).toBe(fileCount)
  })

  it('answers health with the database it runs on', async () => {
    const res = await get('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok', database: 'pglite' })
  })

  it('asks who is calling before it lists communes', async () => {
    const res = await get('/api/communes')
    expect(res.statusCode).toBe(401)
    expect(res.json()).toEqual({ code: 'unauthorized', key: 'unauthorized', message: expect.any(String) })
  })

  it('shows each officer their own commune only, with its counts', async () => {
    for (const d of demo) {
      const res = await get('/api/communes', officers.get(d.file.commune.code))
      expect(res.statusCode).toBe(200)
      expect(res.json()).toEqual([
        {
          ...d.file.commune,
          provinceCode: 'quang-ngai',
          adminCode: null,
          mergedInto: null,
          planYear: d.file.plan.year,
          planTitle: d.file.plan.title,
          indicatorCount: d.file.plan.indicators.length,
          unitCount: d.file.units.length,
        },
      ])
    }
  })

  it('shows the administrator every commune, sorted by name', async () => {
    const admin = demo.flatMap((d) => d.file.accounts).find((a) => a.role === 'admin')!
    const res = await get('/api/communes', await signIn(app, admin.username, DEMO_PASSWORD))
    const names = res.json<{ name: string }[]>().map((c) => c.name)
    expect(names).toHaveLength(fileCount)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
  })

  it('gives each plan with its units and issues, never an account, a password or a hash', async () => {
    for (const d of demo) {
      const res = await get(`/api/communes/${d.file.commune.code}/plan`, officers.get(d.file.commune.code))
      expect(res.statusCode).toBe(200)
      const body = res.json<Record<string, unknown>>()
      expect(Object.keys(body).sort()).toEqual(['commune', 'issues', 'plan', 'units', 'version', 'years'])
      expect(body).toMatchObject({ commune: d.file.commune, plan: d.file.plan, years: [d.file.plan.year], version: expect.any(Number) })
      expect(body.units).toEqual(d.file.units.map((u) => ({ ...u, active: true })))
      expect(res.body).not.toContain(DEMO_PASSWORD)
      expect(res.body).not.toContain('scrypt$')
      expect(res.body).not.toMatch(/password|accounts/i)
      for (const a of d.file.accounts) expect(res.body).not.toContain(`"${a.username}"`)
    }
  })

  it('carries the Trương Quang Trọng rice slip as its one issue, and none for the others', async () => {
    for (const d of demo) {
      const { issues } = (await get(`/api/communes/${d.file.commune.code}/plan`, officers.get(d.file.commune.code))).json<{ issues: { code: string; refs: string[] }[] }>()
      if (d.file.commune.code === 'tqt') {
        expect(issues.map((i) => i.code)).toEqual(['derived_mismatch'])
        expect(issues[0]!.refs).toEqual(expect.arrayContaining(['LUA_SL', 'LUA_DT']))
      } else expect(issues).toEqual([])
    }
  })

  it('answers another commune exactly like one that does not exist', async () => {
    const cookie = officers.get('tqt')
    for (const url of ['/api/communes/khong-co/plan', '/api/communes/pho-thuan/plan']) {
      const res = await get(url, cookie)
      expect(res.statusCode).toBe(404)
      expect(res.headers['content-type']).toMatch(/application\/json/)
      expect(res.json()).toEqual({ code: 'not_found', key: 'commune_not_found', message: 'Không tìm thấy xã/phường' })
    }
  })

  it.each(['/api/x', '/api', '/api/communes/tqt'])('answers 404 JSON for an unknown API path %s', async (url) => {
    const res = await get(url, officers.get('tqt'))
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found', message: expect.any(String) })
  })

  it('answers 404 JSON for a method the API does not have', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/communes', headers: { cookie: officers.get('tqt')! } })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found' })
  })

  it('answers a malformed address with 400 JSON', async () => {
    const res = await get('/api/communes/%E0%A4%A/plan', officers.get('tqt'))
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) })
  })
})

describe('errors', () => {
  it('keeps the status of a 4xx error a handler throws, and its message', async () => {
    const app = await buildApp({ config, db, logger: false })
    app.get('/api/locked', async () => {
      throw Object.assign(new Error('Kỳ báo cáo đã khóa'), { statusCode: 409 })
    })
    const res = await app.inject('/api/locked')
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ code: 'conflict', message: 'Kỳ báo cáo đã khóa' })
    await app.close()
  })

  it('answers an unexpected error with a generic 500 JSON, without its details', async () => {
    const app = await buildApp({ config, db, logger: false })
    app.get('/api/boom', async () => {
      throw new Error('database password is hunter2')
    })
    const res = await app.inject('/api/boom')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'internal', key: 'internal', message: expect.any(String) })
    expect(res.body).not.toContain('hunter2')
    await app.close()
  })
})

describe('serving the PWA', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'thi-dua-dist-'))
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>Thi đua</title><div id="app"></div>')
    await writeFile(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)')
    // As the build writes them (vite.config.ts precompress): the same script, compressed.
    const big = `export const text = ${JSON.stringify('Thi đua '.repeat(400))}\n`
    await writeFile(join(dir, 'assets', 'vendor-def456.js'), big)
    await writeFile(join(dir, 'assets', 'vendor-def456.js.br'), brotliCompressSync(big))
    await writeFile(join(dir, 'assets', 'vendor-def456.js.gz'), gzipSync(big))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const distApp = (): Promise<FastifyInstance> => buildApp({ config, db, logger: false, distDir: pathToFileURL(`${dir}/`) })

  it('serves index.html at /, revalidated on every load', async () => {
    const app = await distApp()
    const res = await app.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.body).toContain('<div id="app">')
    expect(res.headers['cache-control']).toBe('no-cache')
    await app.close()
  })

  it('serves hashed assets as immutable, a script without the headers only documents use', async () => {
    const app = await distApp()
    const res = await app.inject('/assets/index-abc123.js')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toContain('immutable')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin')
    for (const name of ['content-security-policy', 'x-frame-options', 'strict-transport-security', 'referrer-policy']) expect(res.headers[name], name).toBeUndefined()
    const br = await app.inject({ url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-security-policy']).toBeUndefined()
    // The page keeps them all.
    const page = await app.inject('/')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN')
    await app.close()
  })

  it('sends the build\'s brotli or gzip copy to a browser that accepts it, the plain file to one that does not', async () => {
    const app = await distApp()
    const plain = await app.inject('/assets/vendor-def456.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    const br = await app.inject({ url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['cache-control']).toContain('immutable')
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body)
    const gz = await app.inject({ url: '/assets/vendor-def456.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body)
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 10)
    await app.close()
  })

  it('compresses large API answers for a browser that accepts it', async () => {
    const app = await distApp()
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'tqt.canbo', password: 'thidua2024' } })
    expect(login.statusCode).toBe(200)
    const cookie = String(login.headers['set-cookie']).split(';')[0]!
    const plain = await app.inject({ url: '/api/communes/tqt/plan', headers: { cookie } })
    const br = await app.inject({ url: '/api/communes/tqt/plan', headers: { cookie, 'accept-encoding': 'br' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json())
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3)
    await app.close()
  })

  it('falls back to index.html for an unknown page, not for a missing file', async () => {
    const app = await distApp()
    const page = await app.inject('/xa/xa-thu')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<div id="app">')
    const asset = await app.inject('/assets/missing.js')
    expect(asset.statusCode).toBe(404)
    await app.close()
  })

  it('still answers the API, and 404 JSON under /api', async () => {
    const app = await distApp()
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok', database: 'pglite' })
    const res = await app.inject('/api/nothing')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found' })
    await app.close()
  })

  it('answers 503 with a hint to build when dist is missing', async () => {
    const app = await buildApp({ config, db, logger: false, distDir: pathToFileURL(join(dir, 'no-such-dist/')) })
    const res = await app.inject('/')
    expect(res.statusCode).toBe(503)
    expect(res.headers['content-type']).toMatch(/text\/plain/)
    expect(res.body).toContain('npm run build')
    await app.close()
  })
})

describe('loadDemo', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'thi-dua-plans-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))
  const folder = (name: string): URL => pathToFileURL(join(dir, name) + '/')

  it('gives no communes for an empty or missing folder', async () => {
    await mkdir(join(dir, 'empty'))
    expect(await loadDemo(folder('empty'))).toEqual([])
    expect(await loadDemo(folder('missing'))).toEqual([])
  })

  it('returns plan issues alongside the file instead of refusing it', async () => {
    await mkdir(join(dir, 'issues'))
    const file = fixtureFile()
    file.plan.indicators.push({
      code: 'LUA_SL_TINH',
      name: 'Sản lượng lúa (tính)',
      field: 'KT',
      unitOfMeasure: 'tấn',
      aggregation: 'flow',
      proportion: true,
      formula: 'LUA_DT * 65 / 10',
      target: { kind: 'derived', value: 1448.5 },
      reporters: { kinds: ['thon'], units: [] },
    })
    await writeFile(join(dir, 'issues', 'xa.json'), JSON.stringify(file))
    const [loaded] = await loadDemo(folder('issues'))
    expect(loaded?.fileName).toBe('xa.json')
    expect(loaded?.issues.map((i) => i.code)).toEqual(['derived_mismatch'])
  })

  it('stops with an error naming the file and the path of a schema failure', async () => {
    await mkdir(join(dir, 'bad'))
    const file = fixtureFile() as unknown as { commune: { kind: string } }
    file.commune.kind = 'huyen'
    await writeFile(join(dir, 'bad', 'hong.json'), JSON.stringify(file))
    const load = loadDemo(folder('bad'))
    await expect(load).rejects.toBeInstanceOf(DemoPlanError)
    await expect(load).rejects.toThrow(/hong\.json[\s\S]*commune\.kind/)
  })

  it('stops with an error naming a file that is not JSON', async () => {
    await mkdir(join(dir, 'notjson'))
    await writeFile(join(dir, 'notjson', 'vo.json'), '{ "format": ')
    await expect(loadDemo(folder('notjson'))).rejects.toThrow(/vo\.json.*not valid JSON/)
  })

  it('refuses two files for the same commune', async () => {
    await mkdir(join(dir, 'twice'))
    await writeFile(join(dir, 'twice', 'a.json'), JSON.stringify(fixtureFile()))
    await writeFile(join(dir, 'twice', 'b.json'), JSON.stringify(fixtureFile()))
    await expect(loadDemo(folder('twice'))).rejects.toThrow(/b\.json.*xa-thu.*a\.json/)
  })
})

describe('formatDemoLogins', () => {
  it('lists every account with its role, commune, units by name and password', () => {
    const text = formatDemoLogins([{ fileName: 'xa-thu.json', file: fixtureFile(), issues: [] }])
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^username\s+role\s+commune \/ province\s+units\s+password$/)
    expect(lines.find((l) => l.startsWith('xa-thu.t1 '))).toMatch(new RegExp(`reporter.*Xã xa-thu\\s+Thôn 1\\s+${PASSWORD}$`))
    expect(lines.find((l) => l.startsWith('xa-thu.canbo '))).toMatch(new RegExp(`officer.*Xã xa-thu\\s+-\\s+${PASSWORD}$`))
  })

  it('says so when there are no accounts', () => {
    expect(formatDemoLogins([])).toMatch(/No demo logins/)
  })
})
