// Plans in and out as files through the API: export as JSON and XLSX, import with a preview that
// writes nothing, the write all or nothing, the confirmation over a plan with reports, and the
// refusals of files that are not plans.
import ExcelJS from 'exceljs'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDemo } from '../../src/server/demo/loadDemo'
import type { Plan } from '../../src/shared/model'
import type { PlanFile } from '../../src/shared/planFile'
import type { PlanImportPreview, PlanImportResult } from '../../src/shared/planImport'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal, footprint } from './management'

const EMPTY = ['xa-moi-1', 'xa-moi-2', 'xa-moi-3', 'xa-moi-4', 'xa-moi-5', 'xa-moi-6', 'xa-moi-7']

/** A commune with no units and no plan: what a province creates before the officer imports. */
function emptyCommune(code: string): PlanFile {
  const f = fixtureFile(code, 2024)
  return { ...f, units: [], plan: { ...f.plan, indicators: [], fields: [] }, accounts: f.accounts.filter((a) => a.role === 'officer') }
}

describe.each(DATABASES)('plan files on $name', (factory) => {
  let s: TestServer
  let demos: PlanFile[]
  const officers = new Map<string, Agent>()

  beforeAll(async () => {
    demos = (await loadDemo()).map((d) => d.file)
    s = await startServer(factory, [fixtureFile('xa-thu'), ...demos, ...EMPTY.map(emptyCommune)])
    // The empty communes' placeholder plan (2024, nothing in it) goes, as a new commune has none.
    for (const c of EMPTY) await s.db.query('DELETE FROM plans WHERE commune_id = (SELECT id FROM communes WHERE code = $1)', [c])
    for (const c of ['xa-thu', ...EMPTY, ...demos.map((d) => d.commune.code)]) {
      const demo = demos.find((d) => d.commune.code === c)?.accounts.find((a) => a.role === 'officer')
      officers.set(c, await s.login(demo?.username ?? `${c}.canbo`, demo ? { password: demo.password } : {}))
    }
  }, 120_000)
  afterAll(() => s?.close())

  const officer = (c: string): Agent => officers.get(c)!
  const download = async (c: string, year: number, kind: 'json' | 'xlsx'): Promise<Buffer> => {
    const res = await officer(c).request('GET', `/api/communes/${c}/plans/${year}/export.${kind}`)
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="ke-hoach-/)
    return res.rawPayload
  }
  const upload = (c: string, year: number, body: Buffer, query: string): Promise<LightMyRequestResponse> =>
    s.app.inject({ method: 'POST', url: `/api/communes/${c}/plans/${year}/import?${query}`, headers: { cookie: officer(c).cookie, 'content-type': 'application/octet-stream' }, payload: body })
  const preview = async (c: string, year: number, body: Buffer): Promise<PlanImportPreview> => {
    const res = await upload(c, year, body, 'mode=preview')
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200)
    return res.json<PlanImportPreview>()
  }
  const planOf = async (c: string, year: number): Promise<Plan | undefined> => {
    const res = await officer(c).request('GET', `/api/communes/${c}/plan?year=${year}`)
    return res.statusCode === 200 ? res.json<{ plan: Plan }>().plan : undefined
  }

  it.each(['json', 'xlsx'] as const)('gives back the same plan after export and import (%s), for each demo plan', async (kind) => {
    for (const [n, demo] of demos.entries()) {
      const source = demo.commune.code
      const target = EMPTY[n + (kind === 'json' ? 0 : 3)]!
      const year = (await planOf(source, demo.plan.year)) ? demo.plan.year : (await s.db.query<{ year: number }>('SELECT year FROM plans p JOIN communes c ON c.id = p.commune_id WHERE c.code = $1', [source])).rows[0]!.year
      const original = (await planOf(source, year))!
      const file = await download(source, year, kind)
      const before = await footprint(s.db)
      const p = await preview(target, year, file)
      expect(await footprint(s.db), 'a preview writes nothing').toEqual(before)
      expect(p.problems, `${source} ${kind}`).toEqual([])
      expect(p.existing).toBeNull()
      expect(p.newUnits.length).toBeGreaterThan(0)
      const res = await upload(target, year, file, 'mode=write')
      expect(res.statusCode, res.body.slice(0, 500)).toBe(201)
      const result = res.json<PlanImportResult>()
      expect(result.unitsCreated).toEqual(p.newUnits.map((u) => u.code))
      expect(await planOf(target, year)).toEqual(original)
    }
  }, 120_000)

  it('moves a file of another year to the year asked, as a copy would, and says so', async () => {
    const file = await download('xa-thu', 2024, 'json')
    const p = await preview('xa-thu', 2026, file)
    expect(p.problems).toEqual([])
    expect(p.plan?.year).toBe(2026)
    expect(p.notes[0]).toContain('năm 2024')
    expect(p.newUnits).toEqual([])
  })

  it('writes nothing from a file with a problem, and lists every problem', async () => {
    const file = JSON.parse((await download('xa-thu', 2024, 'json')).toString('utf8')) as PlanFile
    file.plan.indicators[0]!.field = 'KHONG_CO'
    file.plan.indicators[1]!.reporters = { kinds: [], units: ['T9'] }
    const body = Buffer.from(JSON.stringify(file))
    const p = await preview('xa-thu', 2025, body)
    expect(p.problems.length).toBeGreaterThanOrEqual(2)
    expect(p.problems.map((x) => x.message).join('\n')).toMatch(/KHONG_CO[\s\S]*T9|T9[\s\S]*KHONG_CO/)
    const before = await footprint(s.db)
    const res = await upload('xa-thu', 2025, body, 'mode=write')
    expectRefusal(res, 422, 'invalid_plan_file')
    expect(res.json<{ details: unknown[] }>().details.length).toBe(p.problems.length)
    expect(await footprint(s.db)).toEqual(before)
  })

  it('asks before replacing a plan that has reports, then replaces it and audits it', async () => {
    const t1 = await s.login('xa-thu.t1')
    const pushed = await t1.push('xa-thu', [t1.value({ unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: { kind: 'number', value: 100 }, baseVersion: 0 })])
    expect(pushed.outcomes[0]?.status).toBe('applied')
    const file = JSON.parse((await download('xa-thu', 2024, 'json')).toString('utf8')) as PlanFile
    file.plan.indicators[0]!.target = { kind: 'at_least', value: 230, strict: true }
    const body = Buffer.from(JSON.stringify(file))
    const p = await preview('xa-thu', 2024, body)
    expect(p.existing).toEqual({ indicators: 5, values: 1 })
    const before = await footprint(s.db)
    expectRefusal(await upload('xa-thu', 2024, body, 'mode=write'), 409, 'plan_has_reports')
    expect(await footprint(s.db)).toEqual(before)
    const audits = async () => Number((await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE entity = 'plan'")).rows[0]!.n)
    const auditsBefore = await audits()
    const res = await upload('xa-thu', 2024, body, 'mode=write&replace=1')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json<PlanImportResult>()).toMatchObject({ year: 2024, created: false, unitsCreated: [] })
    expect((await planOf('xa-thu', 2024))?.indicators[0]?.target).toEqual({ kind: 'at_least', value: 230, strict: true })
    expect(await audits()).toBe(auditsBefore + 1)
  })

  it.each([
    ['an empty file', Buffer.alloc(0), /rỗng/],
    ['random bytes', Buffer.from([1, 2, 3, 4, 5, 250, 251]), /không phải bảng tính/],
    ['a PDF', Buffer.from('%PDF-1.7\n…'), /PDF/],
    ['an old .xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), /97–2003/],
    ['a JSON that is not a plan file', Buffer.from('{"hello": "world"}'), /không phải tệp kế hoạch/],
    ['a plan file of another version', Buffer.from('{"format": "thi-dua.plan/9"}'), /phiên bản/],
    ['broken JSON', Buffer.from('{"format": '), /hỏng/],
  ])('refuses %s with a reason, writing nothing', async (_what, body, reason) => {
    const p = await preview('xa-thu', 2025, body)
    expect(p.plan).toBeNull()
    expect(p.problems[0]?.message).toMatch(reason)
    const before = await footprint(s.db)
    expectRefusal(await upload('xa-thu', 2025, body, 'mode=write'), 422, 'invalid_plan_file')
    expect(await footprint(s.db)).toEqual(before)
  })

  it('lists the commune’s units in the blank template, and takes a unit the file names but does not list from the commune', async () => {
    const tpl = await officer('xa-thu').request('GET', '/api/communes/xa-thu/plans/template.xlsx?year=2025')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer)
    const unitsSheet = wb.worksheets[1]!
    const codes = unitsSheet.getColumn(2).values.map(String)
    expect(codes).toEqual(expect.arrayContaining(['T1', 'T2', 'CA']))

    // A JSON plan whose indicator is reported by the commune's police unit, not listed in the file.
    const file = JSON.parse((await download('xa-thu', 2024, 'json')).toString('utf8')) as PlanFile
    file.units = file.units.filter((u) => u.code !== 'CA')
    const p = await preview('xa-thu', 2024, Buffer.from(JSON.stringify(file)))
    expect(p.problems).toEqual([])
    // The same plan into a commune without such a unit: a problem naming it.
    const q = await preview(EMPTY[6]!, 2024, Buffer.from(JSON.stringify(file)))
    expect(q.problems.map((x) => x.message).join('\n')).toContain('“CA”')
  })

  it('refuses a 20 MB file before reading it', async () => {
    const res = await upload('xa-thu', 2025, Buffer.alloc(20 * 1024 * 1024, 0x41), 'mode=preview')
    expectRefusal(res, 413, 'payload_too_large')
  })

  it('serves the blank template to an officer, and the plan files to readers only of their commune', async () => {
    const tpl = await officer('xa-thu').request('GET', '/api/communes/xa-thu/plans/template.xlsx?year=2025')
    expect(tpl.statusCode).toBe(200)
    expect(tpl.headers['content-type']).toMatch(/spreadsheetml/)
    const p = await preview('xa-thu', 2025, tpl.rawPayload)
    expect(p.problems.length).toBeGreaterThan(0) // the blank template has no plan title yet
    const reporter = await s.login('xa-thu.t2')
    expectRefusal(await reporter.request('GET', '/api/communes/xa-thu/plans/2024/export.json'), 403, 'forbidden')
    expectRefusal(
      await s.app.inject({ method: 'POST', url: '/api/communes/xa-thu/plans/2025/import?mode=preview', headers: { cookie: reporter.cookie, 'content-type': 'application/octet-stream' }, payload: Buffer.from('{}') }),
      403,
      'forbidden',
    )
    expectRefusal(await officer(EMPTY[5]!).request('GET', '/api/communes/xa-thu/plans/2024/export.xlsx'), 404, 'not_found')
    expectRefusal(await officer('xa-thu').request('GET', '/api/communes/xa-thu/plans/2031/export.json'), 404, 'not_found')
    expectRefusal(await upload('xa-thu', 2025, Buffer.from('{}'), 'mode=maybe'), 400, 'invalid')
  })
})
