// Registration for emulation titles (issue 15, item 1) on both databases: a village head registers
// offline (a `registration` mutation in the outbox), pushes; another device pulls it; the officer
// approves or returns it; the head sees the decision. Bad input is refused with its code and
// writes nothing, through the push and through the REST routes alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PushResponse, RegistrationMutation } from '../../src/shared/protocol'
import type { RegistrationContent } from '../../src/shared/registration'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'
import type { LightMyRequestResponse } from 'fastify'

const C = 'xa-thu'
const api = `/api/communes/${C}`
const YEAR = 2024

const content = (over: Partial<RegistrationContent> = {}): RegistrationContent => ({
  collective: ['TDPVH'],
  people: [
    { name: 'Nguyễn Văn An', position: 'Trưởng thôn', title: 'CSTDCS' },
    { name: 'Hộ ông Lê Văn Bình', position: 'Xóm Đông', title: 'GDVH' },
  ],
  pledges: 'Giữ vững danh hiệu thôn văn hóa; không có hộ nghèo phát sinh.',
  ...over,
})

/** A refusal: its status and code, and a message in Vietnamese. */
function expectRefusal(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.json()).toMatchObject({ code, message: expect.stringMatching(/[àáảãạăâđèéêìíòóôơùúưỳýộệếềểễấầẩẫậắằẳẵặ]/i) })
}

describe.each(DATABASES)('registration on $name', (factory) => {
  let s: TestServer
  let officer: Agent
  let leader: Agent
  let t1: Agent
  let t1b: Agent
  let t2: Agent
  let police: Agent

  const reg = (agent: Agent, over: Partial<RegistrationMutation> = {}): RegistrationMutation => ({
    kind: 'registration',
    mutationId: mid(),
    deviceId: agent.deviceId,
    unit: 'T1',
    year: YEAR,
    action: 'submit',
    content: content(),
    baseVersion: 0,
    clientTime: '2024-02-01T03:00:00.000Z',
    ...over,
  })
  const state = async () => {
    const r = await s.db.query<{ version: number; regs: number; audit: number }>(
      `SELECT (SELECT version FROM communes WHERE code = $1)::int AS version, (SELECT count(*)::int FROM registrations) AS regs,
              (SELECT count(*)::int FROM audit WHERE entity = 'registration') AS audit`,
      [C],
    )
    return r.rows[0]!
  }
  const registrationOf = async (agent: Agent, unit = 'T1') => {
    const res = await agent.request('GET', `${api}/registrations/${YEAR}/${unit}`)
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ registration: { status: string; version: number; returnReason: string | null; content: RegistrationContent } }>().registration
  }

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    s.clock.now = new Date('2024-02-10T02:00:00Z')
    ;[officer, leader, t1, t1b, t2, police] = await Promise.all([
      s.login(`${C}.canbo`),
      s.login(`${C}.lanhdao`),
      s.login(`${C}.t1`),
      s.login(`${C}.t1`),
      s.login(`${C}.t2`),
      s.login(`${C}.ca`),
    ])
    const res = await officer.request('PUT', `${api}/registration-settings/${YEAR}`, { deadline: '2024-03-31', allowLate: false, allowLateUnits: [] })
    expect(res.statusCode, res.body).toBe(200)
  }, 60_000)
  afterAll(() => s?.close())

  it('goes offline mutation → push → pull on another device → approval → the head sees it approved', async () => {
    const { cursor } = await t1b.pullAll(C)
    const m = reg(t1)
    const pushed = await t1.push(C, [m])
    expect(pushed.outcomes).toEqual([{ mutationId: m.mutationId, status: 'applied', version: pushed.version }])
    // A retried push changes nothing twice.
    const again = await t1.push(C, [m])
    expect(again.outcomes[0]).toMatchObject({ status: 'duplicate', original: { status: 'applied', version: pushed.version } })
    expect(again.version).toBe(pushed.version)

    // The head's other phone, and the officer, pull it.
    const other = await t1b.pullAll(C, cursor)
    const pulled = other.pages.flatMap((p) => p.registrations ?? [])
    expect(pulled).toEqual([{ unit: 'T1', year: YEAR, status: 'submitted', content: content(), returnReason: null, version: pushed.version }])
    // Another village's head sees none of it.
    expect((await t2.pullAll(C)).pages.flatMap((p) => p.registrations ?? [])).toEqual([])
    // The settings and (until the officer edits them) no titles: the phone uses the defaults.
    const all = await officer.pullAll(C)
    expect(all.pages.flatMap((p) => p.registrationSettings ?? [])).toMatchObject([{ year: YEAR, deadline: '2024-03-31', allowLate: false }])
    expect(all.pages.flatMap((p) => p.registrations ?? []).map((r) => r.unit)).toEqual(['T1'])

    // The board shows who registered for what.
    const board = await officer.request('GET', `${api}/registrations/${YEAR}`)
    expect(board.statusCode, board.body).toBe(200)
    const units = board.json<{ units: { code: string; registration: { status: string } }[] }>().units
    expect(units.map((u) => [u.code, u.registration.status])).toEqual([
      ['CA', 'none'],
      ['T1', 'submitted'],
      ['T2', 'none'],
    ])

    const approved = await officer.request('POST', `${api}/registrations/${YEAR}/T1/decision`, { action: 'approve' })
    expect(approved.statusCode, approved.body).toBe(200)
    const version = approved.json<{ version: number; status: string }>().version
    const seen = (await t1b.pullAll(C, other.cursor)).pages.flatMap((p) => p.registrations ?? [])
    expect(seen).toEqual([{ unit: 'T1', year: YEAR, status: 'approved', content: content(), returnReason: null, version }])

    // An approved registration is not changed again, from the phone or online.
    const late = reg(t1, { baseVersion: version, content: content({ pledges: 'khác' }) })
    const refused = await t1.push(C, [late])
    expect(refused.outcomes[0]).toMatchObject({ status: 'rejected', code: 'registration_approved' })
    expectRefusal(await t1.request('PUT', `${api}/registrations/${YEAR}/T1`, { action: 'submit', content: content({ pledges: 'khác' }) }), 409, 'registration_approved')
    // The rejection is stored: replayed, it answers the same.
    expect((await t1.push(C, [late])).outcomes[0]).toMatchObject({ status: 'duplicate', original: { status: 'rejected', code: 'registration_approved' } })
  })

  it('refuses bad input in a push with its code, writing nothing, while the good mutations of the batch apply', async () => {
    const before = await state()
    const bad = [
      reg(t2, { unit: 'T2', content: content({ collective: ['TTLDTT'] }) }),
      reg(t2, { unit: 'T2', content: content({ collective: ['LDTT'] }) }),
      reg(t2, { unit: 'T2', content: content({ collective: ['TDPVH', 'TDPVH'] }) }),
      reg(t2, { unit: 'T2', content: content({ people: [{ name: 'Trần Thị Cúc', position: '', title: 'LDTT' }, { name: 'trần thị  cúc', position: 'Kế toán', title: 'LDTT' }] }) }),
      reg(t2, { unit: 'T2', content: content({ collective: ['KHONG_CO'] }) }),
      reg(t2, { unit: 'T9' }),
      reg(t2, { unit: 'T1' }),
      reg(t2, { unit: 'T2', action: 'recall', content: undefined }),
      { ...reg(t2, { unit: 'T2' }), content: { collective: [], people: [], pledges: 'a\u0000b' } },
    ]
    const res: PushResponse = await t2.push(C, bad)
    expect(res.outcomes.map((o) => (o.status === 'rejected' ? o.code : o.status))).toEqual([
      'title_not_offered',
      'title_not_offered',
      'duplicate_registration',
      'duplicate_registration',
      'not_found',
      'not_found',
      'forbidden',
      'invalid_transition', // a recall of nothing
      'invalid',
    ])
    const after = await state()
    expect(after).toEqual(before)
    for (const o of res.outcomes) if (o.status === 'rejected') expect(o.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýộệếềểễấầẩẫậắằẳẵặ]/i)
  })

  it('closes at the deadline for the head, unless the officer allows late registration; the officer registers on a unit’s behalf', async () => {
    s.clock.now = new Date('2024-04-02T02:00:00Z')
    const before = await state()
    const late = await t2.push(C, [reg(t2, { unit: 'T2' })])
    expect(late.outcomes[0]).toMatchObject({ status: 'rejected', code: 'registration_closed', message: expect.stringContaining('31/03/2024') })
    const closed = await t2.request('PUT', `${api}/registrations/${YEAR}/T2`, { action: 'submit', content: content() })
    expectRefusal(closed, 409, 'registration_closed')
    // Worded from the catalogue (shared/errors.ts), so an English client words it in English.
    expect(closed.json()).toMatchObject({ key: 'registration_closed', params: { deadline: '31/03/2024' } })
    expect(await state()).toEqual(before)

    // The officer lets the village in late, for that unit only.
    const allow = await officer.request('PUT', `${api}/registration-settings/${YEAR}`, { deadline: '2024-03-31', allowLate: false, allowLateUnits: ['T2'] })
    expect(allow.statusCode, allow.body).toBe(200)
    const ok = await t2.push(C, [reg(t2, { unit: 'T2' })])
    expect(ok.outcomes[0]).toMatchObject({ status: 'applied' })
    expect((await police.push(C, [reg(police, { unit: 'CA', content: content({ collective: ['TTLDTT'], people: [] }) })])).outcomes[0]).toMatchObject({ code: 'registration_closed' })

    // The officer registers the police unit on its behalf, after the deadline, as a draft then submitted.
    const draft = await officer.request('PUT', `${api}/registrations/${YEAR}/CA`, { action: 'save', content: content({ collective: ['TTLDTT'], people: [{ name: 'Phạm Văn Dũng', position: 'Trưởng công an', title: 'LDTT' }] }) })
    expect(draft.statusCode, draft.body).toBe(200)
    expect(draft.json()).toMatchObject({ status: 'draft' })
    const sent = await officer.request('PUT', `${api}/registrations/${YEAR}/CA`, { action: 'submit', content: content({ collective: ['TTLDTT'], people: [{ name: 'Phạm Văn Dũng', position: 'Trưởng công an', title: 'LDTT' }] }) })
    expect(sent.json()).toMatchObject({ status: 'submitted', updatedBy: 'Cán bộ Văn phòng – Thống kê' })
    // Submitted: recall it to change it.
    expectRefusal(await officer.request('PUT', `${api}/registrations/${YEAR}/CA`, { action: 'save', content: content() }), 409, 'invalid_transition')
    // A title not offered to a village, a duplicate: refused from the officer too.
    expectRefusal(await officer.request('PUT', `${api}/registrations/2025/T1`, { action: 'submit', content: content({ collective: ['TTLDTT'] }) }), 400, 'title_not_offered')
    expectRefusal(await officer.request('PUT', `${api}/registrations/2025/T1`, { action: 'save', content: content({ collective: ['TDPVH', 'TDPVH'] }) }), 409, 'duplicate_registration')
    s.clock.now = new Date('2024-02-10T02:00:00Z')
  })

  it('returns with a reason; the head recalls, fixes and sends again offline', async () => {
    expectRefusal(await officer.request('POST', `${api}/registrations/${YEAR}/T2/decision`, { action: 'return', reason: ' ' }), 400, 'invalid')
    const returned = await officer.request('POST', `${api}/registrations/${YEAR}/T2/decision`, { action: 'return', reason: 'Thiếu chức vụ của người đăng ký' })
    expect(returned.statusCode, returned.body).toBe(200)
    const r = await registrationOf(t2, 'T2')
    expect(r).toMatchObject({ status: 'returned', returnReason: 'Thiếu chức vụ của người đăng ký' })
    const twice = await officer.request('POST', `${api}/registrations/${YEAR}/T2/decision`, { action: 'approve' })
    expectRefusal(twice, 409, 'invalid_transition')
    expect(twice.json()).toMatchObject({ key: 'registration_decision_transition', params: { status: 'returned', action: 'approve' }, message: 'Đăng ký đang ở trạng thái “bị trả lại”, không thể duyệt' })
    // A stale base conflicts; on the server's version it applies.
    const stale = await t2.push(C, [reg(t2, { unit: 'T2', baseVersion: r.version - 1, content: content({ pledges: 'sửa' }) })])
    expect(stale.outcomes[0]).toMatchObject({ status: 'conflict', server: { status: 'returned', version: r.version } })
    const fixed = await t2.push(C, [reg(t2, { unit: 'T2', baseVersion: r.version, content: content({ pledges: 'sửa' }) })])
    expect(fixed.outcomes[0]).toMatchObject({ status: 'applied' })
    expect(await registrationOf(officer, 'T2')).toMatchObject({ status: 'submitted', content: { pledges: 'sửa' } })
    // Recall, then submit again in the same batch: decided in order.
    const v0 = (await registrationOf(t2, 'T2')).version
    const both = await t2.push(C, [reg(t2, { unit: 'T2', action: 'recall', content: undefined, baseVersion: v0 }), reg(t2, { unit: 'T2', baseVersion: v0, content: content({ pledges: 'lần 3' }) })])
    expect(both.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
    expect(await registrationOf(officer, 'T2')).toMatchObject({ status: 'submitted', content: { pledges: 'lần 3' }, version: both.version })
  })

  it('keeps the titles as data the officer edits: added, renamed, deactivated, never deleted', async () => {
    const list = await officer.request('GET', `${api}/registration-titles`)
    expect(list.json()).toMatchObject({ custom: false, titles: [{ code: 'LDTT' }, { code: 'CSTDCS' }, { code: 'TTLDTT' }, { code: 'TDPVH' }, { code: 'GDVH' }] })
    const titles = list.json<{ titles: { code: string; active: boolean }[] }>().titles
    const { cursor } = await t1b.pullAll(C)
    expectRefusal(await officer.request('PUT', `${api}/registration-titles`, { titles: titles.slice(1) }), 400, 'invalid')
    expectRefusal(await t1.request('PUT', `${api}/registration-titles`, { titles }), 403, 'forbidden')
    const next = [...titles.map((t) => (t.code === 'GDVH' ? { ...t, active: false } : t)), { code: 'KDC_KIEU_MAU', name: 'Khu dân cư kiểu mẫu', scope: 'collective', unitKinds: ['thon'], active: true }]
    const saved = await officer.request('PUT', `${api}/registration-titles`, { titles: next })
    expect(saved.statusCode, saved.body).toBe(200)
    const pulled = (await t1b.pullAll(C, cursor)).pages.flatMap((p) => p.registrationTitles ?? [])
    expect(pulled.map((t) => [t.code, t.active])).toEqual([
      ['LDTT', true],
      ['CSTDCS', true],
      ['TTLDTT', true],
      ['TDPVH', true],
      ['GDVH', false],
      ['KDC_KIEU_MAU', true],
    ])
    // A deactivated title is no longer offered; the new one is.
    const res = await t2.push(C, [reg(t2, { unit: 'T2', baseVersion: (await registrationOf(t2, 'T2')).version, action: 'recall', content: undefined })])
    expect(res.outcomes[0]).toMatchObject({ status: 'applied' })
    const v1 = (await registrationOf(t2, 'T2')).version
    expect((await t2.push(C, [reg(t2, { unit: 'T2', baseVersion: v1 })])).outcomes[0]).toMatchObject({ status: 'rejected', code: 'title_not_offered' })
    expect((await t2.push(C, [reg(t2, { unit: 'T2', baseVersion: v1, content: content({ collective: ['KDC_KIEU_MAU'], people: [] }) })])).outcomes[0]).toMatchObject({ status: 'applied' })
  })

  it('audits every change, listed in the change log and filtered by its kind', async () => {
    const res = await officer.request('GET', `${api}/audit?entity=registration&limit=200`)
    expect(res.statusCode, res.body).toBe(200)
    const rows = res.json<{ entity: string; unit: string | null; user: { username: string } | null; new: { status?: string } }[]>()
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.every((r) => r.entity === 'registration')).toBe(true)
    // The approval of T1, by the officer; the head's submit before it.
    const t1 = rows.filter((r) => r.unit === 'T1').reverse()
    expect(t1.map((r) => [r.user?.username, r.new.status])).toEqual([
      [`${C}.t1`, 'submitted'],
      [`${C}.canbo`, 'approved'],
    ])
  })

  it('lets each role do only its part', async () => {
    expectRefusal(await leader.request('PUT', `${api}/registrations/${YEAR}/T1`, { action: 'save', content: content() }), 403, 'forbidden')
    expectRefusal(await t1.request('GET', `${api}/registrations/${YEAR}/T2`), 403, 'forbidden')
    expectRefusal(await t1.request('POST', `${api}/registrations/${YEAR}/T1/decision`, { action: 'approve' }), 403, 'forbidden')
    expectRefusal(await t1.request('PUT', `${api}/registration-settings/${YEAR}`, { deadline: null, allowLate: true, allowLateUnits: [] }), 403, 'forbidden')
    expectRefusal(await officer.request('PUT', `${api}/registration-settings/${YEAR}`, { deadline: '2024-03-31', allowLate: false, allowLateUnits: ['KHONG'] }), 404, 'not_found')
    expectRefusal(await officer.request('GET', `${api}/registrations/${YEAR}/KHONG`), 404, 'not_found')
    expectRefusal(await officer.request('PUT', `${api}/registrations/${YEAR}/T1`, { action: 'submit', content: { collective: 'x' } }), 400, 'invalid')
    // A head's board holds their own units only; the leader reads the whole commune.
    const mine = await t1.request('GET', `${api}/registrations/${YEAR}`)
    expect(mine.json<{ units: { code: string }[] }>().units.map((u) => u.code)).toEqual(['T1'])
    const all = await leader.request('GET', `${api}/registrations/${YEAR}`)
    expect(all.json<{ units: { code: string }[] }>().units.map((u) => u.code)).toEqual(['CA', 'T1', 'T2'])
    // Another commune's officer cannot see this one.
    const stranger = await s.login('xa-khac.canbo')
    expect((await stranger.request('GET', `${api}/registrations/${YEAR}`)).statusCode).toBe(404)
  })
})
