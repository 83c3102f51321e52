// The province deployment through the API, on both databases: provinces and their roles,
// communes created and merged by the province, one-time enrolment links, units and accounts in
// bulk, the province board, and two provinces on one server that see nothing of each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CreatedAccount, EnrolmentInfo, LoginResult, ProvinceBoard, ProvinceSummary } from '../../src/shared/api'
import type { PlanFile } from '../../src/shared/planFile'
import { Agent, DATABASES, fixtureFile, PASSWORD, startServer, type TestServer } from './harness'
import { expectRefusal, footprint } from './management'

/** Province "Tỉnh Mẫu" with xa-thu, its administrator, viewer and the system administrator; "Tỉnh Khác" with xa-khac. */
function files(): PlanFile[] {
  const a = fixtureFile('xa-thu')
  a.accounts.push(
    { username: 'quantri', displayName: 'Quản trị hệ thống', role: 'admin', units: [], password: PASSWORD },
    { username: 'mau.quantri', displayName: 'Sở Nội vụ tỉnh Mẫu', role: 'province_admin', units: [], password: PASSWORD },
    { username: 'mau.xem', displayName: 'Lãnh đạo tỉnh Mẫu', role: 'province_viewer', units: [], password: PASSWORD },
  )
  const b = fixtureFile('xa-khac')
  b.commune = { ...b.commune, province: 'Tỉnh Khác' }
  b.accounts.push({ username: 'khac.quantri', displayName: 'Sở Nội vụ tỉnh Khác', role: 'province_admin', units: [], password: PASSWORD })
  return [a, b]
}

describe.each(DATABASES)('the province deployment on $name', (factory) => {
  let s: TestServer
  let admin: Agent
  let provinceAdmin: Agent
  let viewer: Agent
  let otherProvince: Agent
  let officer: Agent
  let reporter: Agent

  beforeAll(async () => {
    s = await startServer(factory, files())
    const agents = await Promise.all(['quantri', 'mau.quantri', 'mau.xem', 'khac.quantri', 'xa-thu.canbo', 'xa-thu.t1'].map((u) => s.login(u)))
    ;[admin, provinceAdmin, viewer, otherProvince, officer, reporter] = agents as [Agent, Agent, Agent, Agent, Agent, Agent]
  }, 120_000)
  afterAll(() => s.close())

  /** Signs in through an enrolment link as a phone would, returning the new session. */
  async function enrol(token: string, password: string): Promise<{ agent: Agent; result: LoginResult }> {
    const res = await s.app.inject({ method: 'POST', url: `/api/enrolments/${token}`, payload: { password, deviceId: 'phone-enrolled-1' } })
    expect(res.statusCode, res.body).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'td_session')!
    return { agent: new Agent(s.app, `td_session=${cookie.value}`, 'phone-enrolled-1'), result: res.json<LoginResult>() }
  }

  it('lists provinces by role: all for the system administrator, its own for a province account, none for a commune', async () => {
    const all = (await admin.request('GET', '/api/provinces')).json<ProvinceSummary[]>()
    expect(all.map((p) => p.code).sort()).toEqual(['khac', 'mau'])
    expect((await viewer.request('GET', '/api/provinces')).json()).toEqual([{ code: 'mau', name: 'Tỉnh Mẫu', adminCode: null, communeCount: 1 }])
    expect((await otherProvince.request('GET', '/api/provinces')).json<ProvinceSummary[]>().map((p) => p.code)).toEqual(['khac'])
    expect((await officer.request('GET', '/api/provinces')).json()).toEqual([])
  })

  it('lets only the system administrator create a province; a duplicate code writes nothing', async () => {
    const before = await footprint(s.db)
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces', { code: 'moi', name: 'Tỉnh Mới' }), 403, 'forbidden')
    expectRefusal(await admin.request('POST', '/api/provinces', { code: 'mau', name: 'Tỉnh Trùng' }), 409, 'duplicate_code')
    expectRefusal(await admin.request('POST', '/api/provinces', { code: 'moi', name: 'Tỉnh Mới', adminCode: '1234' }), 400, 'invalid')
    expect(await footprint(s.db)).toEqual(before)
    const res = await admin.request('POST', '/api/provinces', { code: 'moi', name: 'Tỉnh Mới', adminCode: '51' })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toEqual({ code: 'moi', name: 'Tỉnh Mới', adminCode: '51', communeCount: 0 })
  })

  it('refuses bad communes and the wrong people, writing nothing', async () => {
    const before = await footprint(s.db)
    const good = { code: 'phuong-moi', name: 'Phường Mới', kind: 'phuong', adminCode: '21001' }
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/mau/communes', { ...good, code: 'xa-thu' }), 409, 'duplicate_code')
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/mau/communes', { ...good, kind: 'huyen' }), 400, 'invalid')
    // A commune's mã đơn vị hành chính has 5 digits; 2 are a province's.
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/mau/communes', { ...good, adminCode: '51' }), 400, 'invalid')
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/mau/communes', { ...good, name: '' }), 400, 'invalid')
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/khong-co/communes', good), 404, 'not_found')
    // Another province's administrator cannot even see this province.
    expectRefusal(await otherProvince.request('POST', '/api/provinces/mau/communes', good), 404, 'not_found')
    expectRefusal(await viewer.request('POST', '/api/provinces/mau/communes', good), 403, 'forbidden')
    expectRefusal(await officer.request('POST', '/api/provinces/mau/communes', good), 404, 'not_found')
    expect(await footprint(s.db)).toEqual(before)
  })

  it('onboards a new commune: the province creates it and its officer, who enrols by link and sets up units and heads', async () => {
    const created = await provinceAdmin.request('POST', '/api/provinces/mau/communes', { code: 'dac-khu-moi', name: 'Đặc khu Mới', kind: 'dac_khu', adminCode: '21002' })
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ code: 'dac-khu-moi', kind: 'dac_khu', district: null, province: 'Tỉnh Mẫu', provinceCode: 'mau', adminCode: '21002', planYear: null })
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/mau/communes', { code: 'khac-ma', name: 'Xã Trùng Mã', kind: 'xa', adminCode: '21002' }), 409, 'duplicate_code')

    // The province creates the first officer: no password anyone knows, a one-time link instead.
    expectRefusal(await provinceAdmin.request('POST', '/api/communes/dac-khu-moi/users', { username: 'dkm.t1', displayName: 'Trưởng thôn', role: 'reporter', units: [] }), 403, 'forbidden')
    const officerRes = await provinceAdmin.request('POST', '/api/communes/dac-khu-moi/users', { username: 'dkm.canbo', displayName: 'Cán bộ Văn phòng', role: 'officer' })
    expect(officerRes.statusCode, officerRes.body).toBe(201)
    const account = officerRes.json<CreatedAccount>()
    expect(account).toMatchObject({ username: 'dkm.canbo', role: 'officer', commune: { code: 'dac-khu-moi' }, enrolment: { token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) } })
    const token = account.enrolment!.token
    expect(new Date(account.enrolment!.expiresAt).getTime() - s.clock.now.getTime()).toBe(7 * 86_400_000)
    // Nobody can sign in with any password before enrolling.
    const early = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dkm.canbo', password: '' } })
    expect(early.statusCode).toBe(400)
    expect((await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'dkm.canbo', password: 'anything-at-all' } })).statusCode).toBe(401)

    const info = await s.app.inject({ method: 'GET', url: `/api/enrolments/${token}` })
    expect(info.json<EnrolmentInfo>()).toMatchObject({ username: 'dkm.canbo', role: 'officer', purpose: 'enrol', commune: { code: 'dac-khu-moi', name: 'Đặc khu Mới' }, province: { code: 'mau' } })
    expectRefusal(await s.app.inject({ method: 'POST', url: `/api/enrolments/${token}`, payload: { password: '123' } }), 400, 'invalid')
    const { agent: newOfficer, result } = await enrol(token, 'mat-khau-moi-1')
    expect(result.me).toMatchObject({ username: 'dkm.canbo', role: 'officer', commune: { code: 'dac-khu-moi' }, province: { code: 'mau', name: 'Tỉnh Mẫu' } })
    expectRefusal(await s.app.inject({ method: 'POST', url: `/api/enrolments/${token}`, payload: { password: 'lan-thu-hai' } }), 410, 'enrolment_used')
    expectRefusal(await s.app.inject({ method: 'GET', url: `/api/enrolments/${token}` }), 410, 'enrolment_used')
    await s.login('dkm.canbo', { password: 'mat-khau-moi-1' })

    // The officer pastes the unit list, then the heads' accounts, all or nothing.
    const units = await newOfficer.request('POST', '/api/communes/dac-khu-moi/units/bulk', { kind: 'thon', names: ['Thôn An Thạch', 'Thôn Hiệp An', 'Thôn An Thạch 2'] })
    expect(units.statusCode, units.body).toBe(201)
    expect(units.json<{ units: { code: string }[] }>().units.map((u) => u.code)).toEqual(['an-thach', 'hiep-an', 'an-thach-2'])
    expectRefusal(await newOfficer.request('POST', '/api/communes/dac-khu-moi/units/bulk', { kind: 'thon', names: ['Thôn Mới', 'Thôn Hiệp An'] }), 409, 'unit_exists')
    expectRefusal(await newOfficer.request('POST', '/api/communes/dac-khu-moi/units/bulk', { kind: 'thon', names: [] }), 400, 'invalid')

    const before = await footprint(s.db)
    const bad = await newOfficer.request('POST', '/api/communes/dac-khu-moi/users/bulk', {
      accounts: [
        { displayName: 'Nguyễn Văn A', units: ['an-thach'] },
        { displayName: 'Trần Thị B', units: ['khong-co'] },
      ],
    })
    expectRefusal(bad, 422, 'unknown_unit')
    expect(bad.json<{ message: string }>().message).toMatch(/^Dòng 2/)
    expect(await footprint(s.db)).toEqual(before)
    const bulk = await newOfficer.request('POST', '/api/communes/dac-khu-moi/users/bulk', {
      accounts: [
        { displayName: 'Nguyễn Văn A', units: ['an-thach'] },
        { displayName: 'Trần Thị B', units: ['hiep-an'], username: 'tran.b' },
      ],
    })
    expect(bulk.statusCode, bulk.body).toBe(201)
    const heads = bulk.json<CreatedAccount[]>()
    expect(heads.map((h) => [h.username, h.units.map((u) => u.name)])).toEqual([
      ['dac-khu-moi.an-thach', ['Thôn An Thạch']],
      ['tran.b', ['Thôn Hiệp An']],
    ])
    // The head scans the slip: signed in on the phone with a PIN of their own, reporting for their village.
    const { agent: head, result: headMe } = await enrol(heads[0]!.enrolment!.token, '246810')
    expect(headMe.me).toMatchObject({ role: 'reporter', units: [{ code: 'an-thach' }] })
    expect((await head.request('GET', '/api/communes/dac-khu-moi/units')).json<unknown[]>()).toHaveLength(1)

    // A lost slip: a new link replaces the old one.
    const again = await newOfficer.request('POST', '/api/communes/dac-khu-moi/users/tran.b/enrolment')
    expect(again.statusCode, again.body).toBe(201)
    expectRefusal(await s.app.inject({ method: 'GET', url: `/api/enrolments/${heads[1]!.enrolment!.token}` }), 410, 'enrolment_replaced')
    // A link not used in time expires.
    s.clock.now = new Date(s.clock.now.getTime() + 8 * 86_400_000)
    try {
      expectRefusal(await s.app.inject({ method: 'GET', url: `/api/enrolments/${again.json<{ token: string }>().token}` }), 410, 'enrolment_expired')
    } finally {
      s.clock.now = new Date(s.clock.now.getTime() - 8 * 86_400_000)
    }
    expectRefusal(await s.app.inject({ method: 'GET', url: `/api/enrolments/${'x'.repeat(43)}` }), 404, 'enrolment_not_found')
    expectRefusal(await s.app.inject({ method: 'GET', url: '/api/enrolments/ngan' }), 400, 'invalid')
  })

  it('shows the province board to the province, each commune with its plan status and period', async () => {
    const res = await viewer.request('GET', '/api/provinces/mau/board?year=2024')
    expect(res.statusCode, res.body).toBe(200)
    const board = res.json<ProvinceBoard>()
    expect(board.province.code).toBe('mau')
    const thu = board.communes.find((c) => c.code === 'xa-thu')!
    expect(thu).toMatchObject({ planStatus: 'set_up', period: { code: '2024-Q2' }, expected: 3, submitted: 0 })
    expect(board.communes.find((c) => c.code === 'dac-khu-moi')).toMatchObject({ planStatus: 'none', period: null, expected: 0 })
    expect(board.communes.some((c) => c.code === 'xa-khac')).toBe(false)
    await reporter.push('xa-thu', [reporter.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 12 }, period: '2024-Q2' })])
    const after = (await viewer.request('GET', '/api/provinces/mau/board?year=2024')).json<ProvinceBoard>()
    expect(after.communes.find((c) => c.code === 'xa-thu')).toMatchObject({ planStatus: 'reporting', lastActivityAt: expect.any(String) })
    expectRefusal(await otherProvince.request('GET', '/api/provinces/mau/board'), 404, 'not_found')
    expectRefusal(await officer.request('GET', '/api/provinces/mau/board'), 404, 'not_found')
    expectRefusal(await viewer.request('GET', '/api/provinces/mau/board?year=20x4'), 400, 'invalid')
  })

  it('lets the province read every commune of its own and write nothing; another province sees none of them', async () => {
    expect((await viewer.request('GET', '/api/communes/xa-thu/plan')).statusCode).toBe(200)
    expect((await viewer.request('GET', '/api/communes/xa-thu/results?year=2024')).statusCode).toBe(200)
    const before = await footprint(s.db)
    expectRefusal(await viewer.request('POST', '/api/communes/xa-thu/sync/push', { deviceId: viewer.deviceId, mutations: [] }), 403, 'forbidden')
    expectRefusal(await viewer.request('PATCH', '/api/communes/xa-thu/units/T1', { name: 'Đổi tên' }), 403, 'forbidden')
    expectRefusal(await viewer.request('POST', '/api/communes/xa-thu/users', { username: 'xem.tao', displayName: 'X', role: 'officer' }), 403, 'forbidden')
    expectRefusal(await provinceAdmin.request('PATCH', '/api/communes/xa-thu/units/T1', { name: 'Đổi tên' }), 403, 'forbidden')
    // The province administrator looks after officers and leaders, not the heads.
    expectRefusal(await provinceAdmin.request('POST', '/api/communes/xa-thu/users/xa-thu.t1/password', { password: 'doi-mat-khau' }), 403, 'forbidden')
    expectRefusal(await otherProvince.request('GET', '/api/communes/xa-thu/plan'), 404, 'not_found')
    expectRefusal(await otherProvince.request('POST', '/api/communes/xa-thu/users/xa-thu.canbo/password', { password: 'chiem-quyen' }), 404, 'not_found')
    expect(await footprint(s.db)).toEqual(before)
    expect((await otherProvince.request('GET', '/api/communes')).json<{ code: string }[]>().map((c) => c.code)).toEqual(['xa-khac'])
    expect((await viewer.request('GET', '/api/communes')).json<{ code: string }[]>().map((c) => c.code).sort()).toEqual(['dac-khu-moi', 'xa-thu'])
  })

  it('lets the province administrator reset an officer’s password and deactivate an officer', async () => {
    const reset = await provinceAdmin.request('POST', '/api/communes/xa-thu/users/xa-thu.canbo/password', { password: 'mat-khau-tinh-dat' })
    expect(reset.statusCode, reset.body).toBe(200)
    await s.login('xa-thu.canbo', { password: 'mat-khau-tinh-dat' })
    const off = await provinceAdmin.request('PATCH', '/api/communes/xa-thu/users/xa-thu.lanhdao', { active: false })
    expect(off.statusCode, off.body).toBe(200)
    await expect(s.login('xa-thu.lanhdao')).rejects.toThrow(/401/)
  })

  it('creates province accounts through enrolment links only', async () => {
    expectRefusal(await viewer.request('POST', '/api/provinces/mau/users', { username: 'mau.xem2', displayName: 'Chuyên viên', role: 'province_viewer' }), 403, 'forbidden')
    expectRefusal(await provinceAdmin.request('POST', '/api/provinces/mau/users', { username: 'mau.cb', displayName: 'Cán bộ', role: 'officer' }), 422, 'invalid_role')
    const res = await provinceAdmin.request('POST', '/api/provinces/mau/users', { username: 'mau.xem2', displayName: 'Chuyên viên Sở', role: 'province_viewer' })
    expect(res.statusCode, res.body).toBe(201)
    const { result } = await enrol(res.json<CreatedAccount>().enrolment!.token, 'chuyen-vien-1')
    expect(result.me).toMatchObject({ role: 'province_viewer', commune: null, province: { code: 'mau' } })
    const list = (await provinceAdmin.request('GET', '/api/provinces/mau/users')).json<{ username: string; enrolled: boolean }[]>()
    expect(list.find((u) => u.username === 'mau.xem2')).toMatchObject({ enrolled: true })
  })

  it('merges a commune: its history stays readable under its old name, it takes no more writes, its people are signed out', async () => {
    const t2 = await s.login('xa-thu.t2')
    expectRefusal(await provinceAdmin.request('POST', '/api/communes/xa-thu/merge', { into: 'xa-khac' }), 422, 'unknown_commune')
    expectRefusal(await provinceAdmin.request('POST', '/api/communes/xa-thu/merge', { into: 'xa-thu' }), 422, 'invalid')
    expectRefusal(await viewer.request('POST', '/api/communes/xa-thu/merge', { into: 'dac-khu-moi' }), 403, 'forbidden')
    const res = await provinceAdmin.request('POST', '/api/communes/xa-thu/merge', { into: 'dac-khu-moi' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ code: 'xa-thu', name: 'Xã xa-thu', mergedInto: { code: 'dac-khu-moi', name: 'Đặc khu Mới' } })
    expectRefusal(await t2.request('GET', '/api/communes/xa-thu/plan'), 401, 'unauthorized')
    expect((await viewer.request('GET', '/api/communes/xa-thu/plan')).statusCode).toBe(200)
    expectRefusal(await admin.request('PATCH', '/api/communes/xa-thu/units/T1', { name: 'Đổi tên' }), 409, 'commune_merged')
    expectRefusal(await provinceAdmin.request('POST', '/api/communes/xa-thu/merge', { into: 'dac-khu-moi' }), 409, 'already_merged')
  })

  // Last: it spends this address's budget of enrolment requests.
  it('limits enrolment requests per client address, in the database', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 31; i++) statuses.push((await s.app.inject({ method: 'GET', url: `/api/enrolments/${'y'.repeat(43)}` })).statusCode)
    expect(statuses).toContain(429)
    expect(statuses.filter((x) => x === 404).length).toBeLessThanOrEqual(30)
    expectRefusal(await s.app.inject({ method: 'GET', url: `/api/enrolments/${'y'.repeat(43)}` }), 429, 'too_many_requests')
  })
})
