import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import { DEMO_PLANS_DIR, DemoPlanError, loadDemo, type DemoPlan } from '../../src/server/demo/loadDemo'
import { formatDemoLogins } from '../../src/server/demo/logins'
import { FIXTURE_FILE, fixtureDemo } from './fixtures'

const config = readConfig({})

describe('readConfig', () => {
  it('has defaults for everything', () => {
    expect(readConfig({})).toEqual({ port: 8080, host: '0.0.0.0', dataDir: './data', databaseUrl: undefined, logLevel: 'info' })
  })

  it('reads the variables it knows', () => {
    const c = readConfig({ PORT: '9000', HOST: '127.0.0.1', DATA_DIR: '/var/lib/thi-dua', DATABASE_URL: 'postgres://x/y', LOG_LEVEL: 'debug' })
    expect(c).toEqual({ port: 9000, host: '127.0.0.1', dataDir: '/var/lib/thi-dua', databaseUrl: 'postgres://x/y', logLevel: 'debug' })
  })

  it.each(['abc', '80a', '-1', '0', '65536', '8080.5', ' 1e3'])('refuses PORT=%j with a message naming PORT', (port) => {
    expect(() => readConfig({ PORT: port })).toThrow(/PORT/)
  })

  it('refuses an unknown LOG_LEVEL', () => {
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/)
  })
})

describe('the API over the real demo plans', () => {
  let demo: DemoPlan[]
  let fileCount: number
  let app: FastifyInstance

  beforeAll(async () => {
    demo = await loadDemo()
    fileCount = (await readdir(DEMO_PLANS_DIR).catch(() => [])).filter((n) => n.endsWith('.json')).length
    app = buildApp({ config, demo, logger: false })
  })
  afterAll(() => app.close())

  it('answers health', async () => {
    const res = await app.inject('/api/health')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ status: 'ok' })
  })

  it('lists one commune per demo file, with its counts, sorted by name', async () => {
    const res = await app.inject('/api/communes')
    expect(res.statusCode).toBe(200)
    const list = res.json<{ code: string; name: string; indicatorCount: number; unitCount: number; planYear: number }[]>()
    expect(list).toHaveLength(fileCount)
    for (const d of demo) {
      const row = list.find((c) => c.code === d.file.commune.code)
      expect(row).toMatchObject({
        name: d.file.commune.name,
        planYear: d.file.plan.year,
        indicatorCount: d.file.plan.indicators.length,
        unitCount: d.file.units.length,
      })
    }
    const names = list.map((c) => c.name)
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
  })

  it('gives each demo plan without its accounts', async () => {
    for (const d of demo) {
      const res = await app.inject(`/api/communes/${d.file.commune.code}/plan`)
      expect(res.statusCode).toBe(200)
      const body = res.json<Record<string, unknown>>()
      expect(Object.keys(body).sort()).toEqual(['commune', 'issues', 'plan', 'units'])
      for (const a of d.file.accounts) expect(res.body).not.toContain(a.password)
    }
  })
})

describe('the API over a plan built in the test', () => {
  const app = buildApp({ config, demo: [fixtureDemo()], logger: false })
  afterAll(() => app.close())

  it('lists the commune with its counts', async () => {
    const res = await app.inject('/api/communes')
    expect(res.json()).toEqual([
      {
        code: 'test-xa',
        name: 'Thử Nghiệm',
        kind: 'xa',
        district: 'Huyện Mẫu',
        province: 'Tỉnh Mẫu',
        planYear: 2024,
        planTitle: 'Kế hoạch phát động phong trào thi đua năm 2024',
        indicatorCount: 1,
        unitCount: 3,
      },
    ])
  })

  it('gives the plan, units and issues, never the accounts or their passwords', async () => {
    const res = await app.inject('/api/communes/test-xa/plan')
    expect(res.statusCode).toBe(200)
    const body = res.json<Record<string, unknown>>()
    const { file } = fixtureDemo()
    expect(body).toEqual({ commune: file.commune, units: file.units, plan: file.plan, issues: [] })
    expect(body).not.toHaveProperty('accounts')
    expect(res.body).not.toContain('secret-1')
    expect(res.body).not.toContain('truongthon1')
  })

  it('answers 404 JSON for an unknown commune', async () => {
    const res = await app.inject('/api/communes/khong-co/plan')
    expect(res.statusCode).toBe(404)
    expect(res.headers['content-type']).toMatch(/application\/json/)
    expect(res.json()).toEqual({ code: 'not_found', message: 'Không tìm thấy xã/phường' })
  })

  it.each(['/api/x', '/api', '/api/communes/test-xa'])('answers 404 JSON for an unknown API path %s', async (url) => {
    const res = await app.inject(url)
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found', message: expect.any(String) })
  })

  it('answers 404 JSON for a method the API does not have', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/communes' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found' })
  })

  it('answers a malformed address with 400 JSON', async () => {
    const res = await app.inject('/api/communes/%E0%A4%A/plan')
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'bad_request', message: expect.any(String) })
  })
})

describe('errors', () => {
  it('keeps the status of a 4xx error a handler throws, and its message', async () => {
    const app = buildApp({ config, demo: [], logger: false })
    app.get('/api/locked', async () => {
      throw Object.assign(new Error('Kỳ báo cáo đã khóa'), { statusCode: 409 })
    })
    const res = await app.inject('/api/locked')
    expect(res.statusCode).toBe(409)
    expect(res.json()).toEqual({ code: 'conflict', message: 'Kỳ báo cáo đã khóa' })
    await app.close()
  })

  it('answers an unexpected error with a generic 500 JSON, without its details', async () => {
    const app = buildApp({ config, demo: [], logger: false })
    app.get('/api/boom', async () => {
      throw new Error('database password is hunter2')
    })
    const res = await app.inject('/api/boom')
    expect(res.statusCode).toBe(500)
    expect(res.json()).toEqual({ code: 'internal', message: expect.any(String) })
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
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  const distApp = (): FastifyInstance => buildApp({ config, demo: [fixtureDemo()], logger: false, distDir: pathToFileURL(`${dir}/`) })

  it('serves index.html at /, revalidated on every load', async () => {
    const app = distApp()
    const res = await app.inject('/')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/text\/html/)
    expect(res.body).toContain('<div id="app">')
    expect(res.headers['cache-control']).toBe('no-cache')
    await app.close()
  })

  it('serves hashed assets as immutable', async () => {
    const app = distApp()
    const res = await app.inject('/assets/index-abc123.js')
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toContain('immutable')
    await app.close()
  })

  it('falls back to index.html for an unknown page, not for a missing file', async () => {
    const app = distApp()
    const page = await app.inject('/xa/test-xa')
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('<div id="app">')
    const asset = await app.inject('/assets/missing.js')
    expect(asset.statusCode).toBe(404)
    await app.close()
  })

  it('still answers the API, and 404 JSON under /api', async () => {
    const app = distApp()
    expect((await app.inject('/api/health')).json()).toEqual({ status: 'ok' })
    const res = await app.inject('/api/nothing')
    expect(res.statusCode).toBe(404)
    expect(res.json()).toMatchObject({ code: 'not_found' })
    await app.close()
  })

  it('answers 503 with a hint to build when dist is missing', async () => {
    const app = buildApp({ config, demo: [], logger: false, distDir: pathToFileURL(join(dir, 'no-such-dist/')) })
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
    const file = structuredClone(FIXTURE_FILE)
    file.plan.indicators.push({
      code: 'LUA_SL',
      name: 'Sản lượng lúa',
      field: 'KT',
      unitOfMeasure: 'tấn',
      aggregation: 'flow',
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
    const file = structuredClone(FIXTURE_FILE) as unknown as { commune: { kind: string } }
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
    await writeFile(join(dir, 'twice', 'a.json'), JSON.stringify(FIXTURE_FILE))
    await writeFile(join(dir, 'twice', 'b.json'), JSON.stringify(FIXTURE_FILE))
    await expect(loadDemo(folder('twice'))).rejects.toThrow(/b\.json.*test-xa.*a\.json/)
  })
})

describe('formatDemoLogins', () => {
  it('lists every account with its role, commune, units by name and password', () => {
    const text = formatDemoLogins([fixtureDemo()])
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^username\s+role\s+commune\s+units\s+password$/)
    expect(lines.find((l) => l.startsWith('truongthon1'))).toMatch(/reporter.*Thử Nghiệm\s+Thôn 1\s+secret-1$/)
    expect(lines.find((l) => l.startsWith('canbo'))).toMatch(/officer.*Thử Nghiệm\s+-\s+secret-2$/)
  })

  it('says so when there are no accounts', () => {
    expect(formatDemoLogins([])).toMatch(/No demo logins/)
  })
})
