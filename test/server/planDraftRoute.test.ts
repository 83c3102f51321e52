// A plan drafted from its document through the API (issue 13): POST …/plans/:year/draft with the
// document's bytes or pasted text answers the draft, the kind of document and notes; what cannot
// be read is a 422 with its reasons; too large a body a 413; only the commune's officer may ask,
// and not without end.
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DRAFT_LIMIT } from '../../src/server/routes/planDraft'
import type { PlanDraftResponse } from '../../src/shared/planDraft/types'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'
import { expectRefusal, footprint } from './management'
import { deflatedSpaces, documentXml, docxParts, pdfOf, planDocx, zipOf } from './planDocuments'

const PLAN_TEXT = [
  'KẾ HOẠCH',
  'Phát động phong trào thi đua năm 2025',
  'I. CÁC CHỈ TIÊU CHỦ YẾU',
  '1. Tổng sản lượng lương thực đạt 1.448,5 tấn trở lên.',
  '2. Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95%.',
  '3. Tỷ lệ hộ nghèo giảm còn 1,5%.',
].join('\n')

describe.each(DATABASES)('plan draft from a document on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let other: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile('xa-thu'), fixtureFile('xa-khac')])
    officer = await s.login('xa-thu.canbo')
    other = await s.login('xa-khac.canbo')
  }, 60_000)
  afterAll(() => s?.close())

  const send = (body: Buffer | string, { agent = officer, commune = 'xa-thu', year = '2025', type = 'application/octet-stream' } = {}): Promise<LightMyRequestResponse> =>
    s.app.inject({ method: 'POST', url: `/api/communes/${commune}/plans/${year}/draft`, headers: { cookie: agent.cookie, 'content-type': type }, payload: body })
  const draft = async (body: Buffer | string, type?: string): Promise<PlanDraftResponse> => {
    const res = await send(body, { type })
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200)
    return res.json<PlanDraftResponse>()
  }
  const unreadable = async (body: Buffer, pattern: RegExp): Promise<void> => {
    const res = await send(body)
    expectRefusal(res, 422, 'unreadable_document')
    const { message, details } = res.json<{ message: string; details: { message: string }[] }>()
    expect(details).toEqual([{ message }])
    expect(message).toMatch(pattern)
  }

  it('drafts the plan from pasted text, a .txt, a .docx and a PDF, and writes nothing', async () => {
    const before = await footprint(s.db)
    const pasted = await draft(PLAN_TEXT, 'text/plain; charset=utf-8')
    expect(pasted.source).toBe('text')
    expect(pasted.notes).toEqual([])
    expect(pasted.draft.format).toBe('thi-dua.plan-draft/1')
    expect(pasted.draft.noTargets).toBe(false)
    expect(pasted.draft.indicators.length).toBeGreaterThan(0)
    // Every span points into the draft's own text.
    for (const item of pasted.draft.indicators) {
      expect(item.source.start).toBeGreaterThanOrEqual(0)
      expect(item.source.end).toBeLessThanOrEqual(pasted.draft.text.length)
    }
    const file = await draft(Buffer.from(PLAN_TEXT, 'utf8'))
    expect(file).toEqual(pasted)

    const docx = await draft(await planDocx())
    expect(docx.source).toBe('docx')
    expect(docx.draft.text).toContain('Tổng sản lượng lương thực đạt 1.448,5 tấn trở lên.')
    expect(docx.draft.text).toContain('Diện tích lúa')
    expect(docx.draft.noTargets).toBe(false)

    const pdf = await draft(pdfOf([PLAN_TEXT.split('\n').slice(0, 4), PLAN_TEXT.split('\n').slice(4)]))
    expect(pdf.source).toBe('pdf')
    expect(pdf.draft.text).toContain('Tỷ lệ hộ nghèo giảm còn 1,5%.')
    expect(pdf.draft.noTargets).toBe(false)
    expect(await footprint(s.db)).toEqual(before)
  }, 60_000)

  it('answers a text that is not a plan with a draft that says it has no targets', async () => {
    const r = await draft('Biên bản họp chi bộ thôn. Các đồng chí thảo luận về việc tu sửa nhà văn hóa và thống nhất thời gian tổ chức.', 'text/plain; charset=utf-8')
    expect(r.source).toBe('text')
    expect(r.draft.noTargets).toBe(true)
    expect(r.draft.indicators).toEqual([])
  })

  it('refuses what cannot be read with its reason: empty, a scan, random bytes, encrypted, corrupt, a zip bomb', async () => {
    await unreadable(Buffer.alloc(0), /Tệp rỗng/)
    await unreadable(pdfOf(['scan']), /ảnh quét, không có lớp chữ/)
    const random = Buffer.alloc(8192)
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + (i >> 3) * 31) & 255
    await unreadable(random, /không phải văn bản/)
    await unreadable(pdfOf([['Kế hoạch']], { password: 'matkhau' }), /mật khẩu/)
    await unreadable(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600), Buffer.from('EncryptedPackage', 'utf16le')]), /mật khẩu/)
    const good = await planDocx()
    await unreadable(good.subarray(0, good.length - 200), /hỏng/)
    const bomb = zipOf([...docxParts(documentXml(['x'])).filter((e) => e.name !== 'word/document.xml'), { name: 'word/document.xml', data: deflatedSpaces(100), method: 8, size: 1000 }])
    await unreadable(bomb, /bung ra quá lớn/)
  }, 60_000)

  it('refuses a 50 MB body before reading it', async () => {
    expectRefusal(await send(Buffer.alloc(50 * 1024 * 1024, 0x41)), 413, 'payload_too_large')
    expectRefusal(await send('a'.repeat(11 * 1024 * 1024), { type: 'text/plain; charset=utf-8' }), 413, 'payload_too_large')
  })

  it('is for the commune’s officer only: a reporter is forbidden, another commune’s officer finds nothing', async () => {
    const reporter = await s.login('xa-thu.t1')
    expectRefusal(await send(PLAN_TEXT, { agent: reporter, type: 'text/plain; charset=utf-8' }), 403, 'forbidden')
    expectRefusal(await send(PLAN_TEXT, { agent: other, type: 'text/plain; charset=utf-8' }), 404, 'not_found')
    expectRefusal(await s.app.inject({ method: 'POST', url: '/api/communes/xa-thu/plans/2025/draft', headers: { 'content-type': 'text/plain' }, payload: PLAN_TEXT }), 401, 'unauthorized')
    expectRefusal(await send(PLAN_TEXT, { year: '25', type: 'text/plain; charset=utf-8' }), 400, 'invalid')
    const json = await s.app.inject({ method: 'POST', url: '/api/communes/xa-thu/plans/2025/draft', headers: { cookie: officer.cookie, 'content-type': 'application/json' }, payload: '{"text":"x"}' })
    expectRefusal(json, 400, 'no_file')
  })

  it('limits drafts per officer per minute', async () => {
    s.clock.now = new Date('2024-05-10T09:00:00Z')
    const agent = await s.login('xa-thu.canbo')
    const codes: number[] = []
    for (let i = 0; i <= DRAFT_LIMIT.max; i++) codes.push((await send('Kế hoạch', { agent, type: 'text/plain; charset=utf-8' })).statusCode)
    expect(codes.slice(0, -1).every((c) => c === 200)).toBe(true)
    expectRefusal(await send('Kế hoạch', { agent, type: 'text/plain; charset=utf-8' }), 429, 'too_many_requests')
    // A new minute, a new budget.
    s.clock.now = new Date('2024-05-10T09:01:00Z')
    expect((await send('Kế hoạch', { agent, type: 'text/plain; charset=utf-8' })).statusCode).toBe(200)
  }, 60_000)
})
