import 'fake-indexeddb/auto'
// The province board (/tinh/:province) mounted in the whole app, the API answered by a fake
// server: a viewer reads every commune and sees no button that writes; the province
// administrator adds a commune (code suggested from its name), creates its first officer and
// lands on the printable slip, merges a commune after a confirmation. Province accounts land on
// their board after signing in, the system administrator on the list of provinces.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../../src/client/api'
import { saveSession } from '../../../src/client/local/db'
import { workspaceHome } from '../../../src/client/router'
import type { CommuneSummary, CreatedAccount, ProvinceAccountView, ProvinceBoard, ProvinceBoardRow } from '../../../src/shared/api'
import { ENROLMENT_PATH } from '../../../src/shared/province'
import { fakeServer, json } from '../fakeServer'
import { mountApp, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'

const QN = { code: 'quang-ngai', name: 'Quảng Ngãi' }
const YEAR = new Date().getFullYear()
const BOARD = `GET /api/provinces/quang-ngai/board?year=${YEAR}`
const TOKEN = 'A'.repeat(43)

export const provinceViewer: Me = { username: 'xem.qn', displayName: 'Lê Văn Xem', role: 'province_viewer', deviceId: 'viewer-device-01', commune: null, province: QN, units: [] }
export const provinceAdmin: Me = { ...provinceViewer, username: 'quantri.qn', displayName: 'Phạm Thị Quản', role: 'province_admin' }

const commune = (code: string, name: string, extra: Partial<ProvinceBoardRow> = {}): ProvinceBoardRow => ({
  code,
  name,
  kind: 'xa',
  district: null,
  province: QN.name,
  provinceCode: QN.code,
  adminCode: null,
  mergedInto: null,
  planYear: null,
  planTitle: null,
  indicatorCount: 0,
  unitCount: 0,
  planStatus: 'none',
  period: null,
  expected: 0,
  submitted: 0,
  lastActivityAt: null,
  ...extra,
})

const ROWS: ProvinceBoardRow[] = [
  commune('pho-thuan', 'Phổ Thuận', {
    adminCode: '21580',
    district: 'Thị xã Đức Phổ',
    planYear: YEAR,
    planStatus: 'reporting',
    period: { code: `${YEAR}-Q2`, from: `${YEAR}-04-01`, to: `${YEAR}-06-30`, deadline: `${YEAR}-07-05` },
    expected: 8,
    submitted: 6,
    lastActivityAt: `${YEAR}-05-09T07:30:00.000Z`,
  }),
  commune('duc-pho', 'Đức Phổ', { kind: 'phuong', adminCode: '21570', planYear: YEAR, planStatus: 'set_up' }),
  commune('pho-an', 'Phổ An', { mergedInto: { code: 'duc-pho', name: 'Đức Phổ' } }),
]
const board = (rows = ROWS): ProvinceBoard => ({ province: { ...QN, adminCode: '51', communeCount: rows.length }, year: YEAR, communes: rows })
const OWN: ProvinceAccountView[] = [{ username: 'quantri.qn', displayName: 'Phạm Thị Quản', role: 'province_admin', active: true, createdAt: '2025-07-01T00:00:00.000Z', enrolled: true }]

async function openAs(me: Me, answers: Parameters<typeof fakeServer>[0] = {}, path = '/tinh/quang-ngai'): Promise<{ m: Mounted; server: ReturnType<typeof fakeServer> }> {
  const server = fakeServer({ 'GET /api/auth/me': json(200, me), [BOARD]: json(200, board()), 'GET /api/provinces/quang-ngai/users': json(200, OWN), ...answers })
  const db = freshDb('province')
  await saveSession(db, me)
  const m = await mountApp({ db, path })
  return { m, server }
}
const rowOf = (m: Mounted, code: string) => m.w.find(`tr.board__row[data-code="${code}"]`)
const text = (m: Mounted, code: string) => rowOf(m, code).text().replace(/\s+/g, ' ')
const button = (m: Mounted, name: string) => {
  const b = m.w.findAll('button').find((x) => x.text().replace(/\s+/g, ' ').trim().startsWith(name))
  if (!b) throw new Error(`no button “${name}”`)
  return b
}

afterEach(() => {
  vi.unstubAllGlobals()
  sessionStorage.clear()
  document.body.innerHTML = ''
})

describe('the province board', () => {
  it('lists every commune with kind, code, plan status, completeness, last activity, merger and a dashboard link; a viewer gets no button that writes', async () => {
    const { m } = await openAs(provinceViewer)
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(3))
    expect(m.w.find('h1').text()).toBe('Các xã, phường của Quảng Ngãi')

    const thuan = text(m, 'pho-thuan')
    expect(thuan).toContain('Phổ Thuận')
    expect(thuan).toContain('Xã')
    expect(thuan).toContain('21580')
    expect(thuan).toContain('Đang báo cáo')
    expect(thuan).toContain('6/8 đã gửi')
    expect(thuan).toContain('09/05/')
    expect(thuan).toContain('thuộc Thị xã Đức Phổ')
    expect(rowOf(m, 'pho-thuan').find('.board__bar > span').attributes('style')).toContain('width: 75%')
    expect(text(m, 'duc-pho')).toContain('Phường')
    expect(text(m, 'duc-pho')).toContain('Đã lập kế hoạch')
    expect(text(m, 'pho-an')).toContain('Chưa có kế hoạch')
    expect(text(m, 'pho-an')).toContain('Đã sáp nhập vào Đức Phổ')
    expect(rowOf(m, 'pho-an').text()).toContain('chưa có')
    expect(rowOf(m, 'pho-thuan').find('a').attributes('href')).toBe('/quan-ly/pho-thuan/tong-hop')

    // Read only: no form, no write button, no province accounts.
    expect(m.w.find('[data-test="commune-form"]').exists()).toBe(false)
    expect(m.w.findAll('button').map((b) => b.text())).not.toContain('Thêm xã/phường')
    expect(m.w.findAll('tr.board__row button')).toHaveLength(0)
    expect(m.w.find('.pv-own').exists()).toBe(false)
    expect(m.w.text()).toContain('chỉ đọc')
  })

  it('lets the province administrator add a commune: the code follows the name until edited, the exact body is sent, the officer form opens next', async () => {
    const created: CommuneSummary = { ...commune('pho-khanh', 'Phổ Khánh', { kind: 'dac_khu', adminCode: '21595' }) }
    const { m, server } = await openAs(provinceAdmin, { 'POST /api/provinces/quang-ngai/communes': () => json(201, created) })
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(3))
    await until(() => expect(m.w.findAll('.pv-own__item')).toHaveLength(1))

    await button(m, 'Thêm xã/phường').trigger('click')
    const form = m.w.find('[data-test="commune-form"]')
    await form.find('input[name="name"]').setValue('Xã Phổ Khánh')
    expect((form.find('input[name="code"]').element as HTMLInputElement).value).toBe('pho-khanh')
    await form.find('select[name="kind"]').setValue('dac_khu')
    await form.find('input[name="adminCode"]').setValue('21595')
    await form.trigger('submit')
    await until(() => expect(server.sent('POST /api/provinces/quang-ngai/communes')).toHaveLength(1))
    expect(server.sent('POST /api/provinces/quang-ngai/communes')[0]).toEqual({ code: 'pho-khanh', name: 'Xã Phổ Khánh', kind: 'dac_khu', adminCode: '21595' })
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(4))
    expect(m.w.find('[data-test="officer-form"]').exists()).toBe(true)
    expect(m.w.text()).toContain('Đã thêm Phổ Khánh.')
  })

  it('shows the server’s refusal of a duplicate code and keeps the form', async () => {
    const { m } = await openAs(provinceAdmin, { 'POST /api/provinces/quang-ngai/communes': () => json(409, { code: 'duplicate_code', message: 'Đã có xã mã “pho-thuan”.' }) })
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(3))
    await button(m, 'Thêm xã/phường').trigger('click')
    const form = m.w.find('[data-test="commune-form"]')
    await form.find('input[name="name"]').setValue('Phổ Thuận')
    await form.trigger('submit')
    await until(() => expect(form.find('[role="alert"]').text()).toBe('Đã có xã mã “pho-thuan”.'))
    expect((form.find('input[name="name"]').element as HTMLInputElement).value).toBe('Phổ Thuận')
  })

  it('creates a commune’s first officer without a password and opens the printable slip with its link', async () => {
    const account: CreatedAccount = {
      username: 'canbo.duc-pho',
      displayName: 'Võ Thị Hạnh',
      role: 'officer',
      units: [],
      commune: { code: 'duc-pho', name: 'Đức Phổ' },
      enrolment: { token: TOKEN, expiresAt: '2030-01-08T00:00:00.000Z' },
    }
    const { m, server } = await openAs(provinceAdmin, { 'POST /api/communes/duc-pho/users': () => json(201, account) })
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(3))
    await rowOf(m, 'duc-pho').find('button.board__officer').trigger('click')
    const form = m.w.find('[data-test="officer-form"]')
    expect((form.find('input[name="username"]').element as HTMLInputElement).value).toBe('canbo.duc-pho')
    await form.find('input[name="displayName"]').setValue('Võ Thị Hạnh')
    await form.trigger('submit')
    await until(() => expect(server.sent('POST /api/communes/duc-pho/users')).toHaveLength(1))
    expect(server.sent('POST /api/communes/duc-pho/users')[0]).toEqual({ username: 'canbo.duc-pho', displayName: 'Võ Thị Hạnh', role: 'officer' })
    await until(() => expect(m.router.currentRoute.value.name).toBe('province-slips'))
    await until(() => expect(m.w.findAll('[data-test="slip"]')).toHaveLength(1))
    expect(m.w.find('[data-test="slip-link"]').text()).toBe(`${location.origin}${ENROLMENT_PATH}${TOKEN}`)
    expect(m.w.find('[data-test="slip"]').text()).toContain('Đức Phổ')
  })

  it('merges a commune into another only after the confirmation', async () => {
    const { m, server } = await openAs(provinceAdmin, {
      'POST /api/communes/pho-thuan/merge': () => json(200, { ...ROWS[0], mergedInto: { code: 'duc-pho', name: 'Đức Phổ' } }),
    })
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(3))
    await rowOf(m, 'pho-thuan').find('button.board__merge').trigger('click')
    const form = m.w.find('form.board__merge-form')
    // A merged commune cannot receive another.
    expect(form.findAll('option').map((o) => o.attributes('value'))).toEqual(['', 'duc-pho'])
    await form.find('select[name="into"]').setValue('duc-pho')
    await form.trigger('submit')
    expect(server.sent('POST /api/communes/pho-thuan/merge')).toHaveLength(0)
    const dialog = m.w.findAll('dialog').find((d) => d.text().includes('Sáp nhập Phổ Thuận vào Đức Phổ?'))!
    await dialog.find('button.board__merge-confirm').trigger('click')
    await until(() => expect(server.sent('POST /api/communes/pho-thuan/merge')).toEqual([{ into: 'duc-pho' }]))
    await until(() => expect(text(m, 'pho-thuan')).toContain('Đã sáp nhập vào Đức Phổ'))
  })

  it('issues a new link for a commune officer (a slip) and deactivates another after confirming', async () => {
    const officers = [
      { username: 'canbo.pho-thuan', displayName: 'Trần Thị Lan', role: 'officer', units: [], active: true, createdAt: '2025-07-01T00:00:00.000Z', devices: [] },
      { username: 'lanhdao.pho-thuan', displayName: 'Ngô Văn Tâm', role: 'leader', units: [], active: true, createdAt: '2025-07-01T00:00:00.000Z', devices: [] },
      { username: 'pho-thuan.t1', displayName: 'Nguyễn Văn An', role: 'reporter', units: ['T1'], active: true, createdAt: '2025-07-01T00:00:00.000Z', devices: [] },
    ]
    const { m, server } = await openAs(provinceAdmin, {
      'GET /api/communes/pho-thuan/users': json(200, officers),
      'PATCH /api/communes/pho-thuan/users/lanhdao.pho-thuan': (body) => json(200, { account: { ...officers[1], ...(body as object) }, version: 3 }),
      'POST /api/communes/pho-thuan/users/canbo.pho-thuan/enrolment': () => json(201, { token: TOKEN, expiresAt: '2030-01-08T00:00:00.000Z' }),
    })
    await until(() => expect(m.w.findAll('tr.board__row')).toHaveLength(3))
    await rowOf(m, 'pho-thuan').find('button.board__accounts').trigger('click')
    // The commune's reporters are its officer's business.
    await until(() => expect(m.w.findAll('.pv-account').map((li) => li.attributes('data-username'))).toEqual(['canbo.pho-thuan', 'lanhdao.pho-thuan']))

    await m.w.find('.pv-account[data-username="lanhdao.pho-thuan"] button.pv-toggle').trigger('click')
    await m.w.find('button.pv-confirm').trigger('click')
    await until(() => expect(server.sent('PATCH /api/communes/pho-thuan/users/lanhdao.pho-thuan')).toEqual([{ active: false }]))
    await until(() => expect(m.w.find('.pv-account[data-username="lanhdao.pho-thuan"]').text()).toContain('Ngừng hoạt động'))

    await m.w.find('.pv-account[data-username="canbo.pho-thuan"] button.pv-reset').trigger('click')
    await m.w.find('button.pv-confirm').trigger('click')
    await until(() => expect(m.router.currentRoute.value.name).toBe('province-slips'))
    await until(() => expect(m.w.find('[data-test="slip"]').attributes('data-username')).toBe('canbo.pho-thuan'))
  })
})

describe('where province accounts start', () => {
  it('sends a province account to its board and the system administrator to the provinces', () => {
    expect(workspaceHome(provinceViewer)).toEqual({ name: 'province-board', params: { province: 'quang-ngai' } })
    expect(workspaceHome(provinceAdmin)).toEqual({ name: 'province-board', params: { province: 'quang-ngai' } })
    expect(workspaceHome({ role: 'admin', commune: null, province: null })).toEqual({ name: 'provinces' })
    expect(workspaceHome({ role: 'leader', commune: { code: 'pho-thuan', name: 'Phổ Thuận' } })).toEqual({ name: 'dashboard', params: { commune: 'pho-thuan' } })
    expect(workspaceHome({ role: 'reporter', commune: { code: 'pho-thuan', name: 'Phổ Thuận' } })).toBeUndefined()
  })

  it('opens the board for a province viewer at /, and keeps them out of a commune’s management screens', async () => {
    const { m } = await openAs(provinceViewer, {}, '/')
    await until(() => expect(m.router.currentRoute.value.fullPath).toBe('/tinh/quang-ngai'))
    await m.router.push('/quan-ly/pho-thuan/don-vi')
    await until(() => expect(m.router.currentRoute.value.fullPath).toBe('/tinh/quang-ngai'))
    expect(m.router.resolve('/quan-ly/pho-thuan/tong-hop').matched.every((r) => !r.meta.roles || r.meta.roles.includes('province_viewer'))).toBe(true)
  })

  it('lets a province viewer read a commune’s workspace: the reading tabs, none that manage, and the way back to the board', async () => {
    const { m } = await openAs(provinceViewer, {}, '/quan-ly/pho-thuan/lich-su')
    await until(() => expect(m.w.find('.officer__nav').exists()).toBe(true))
    expect(m.router.currentRoute.value.name).toBe('history')
    const tabs = m.w.findAll('.officer__nav a').map((a) => a.text())
    expect(tabs).toEqual(['← Các xã của Quảng Ngãi', 'Tổng hợp', 'Tiến độ báo cáo', 'Duyệt báo cáo', 'Lịch sử số liệu', 'Đăng ký thi đua', 'Bình xét'])
    expect(m.w.find('.officer__nav a').attributes('href')).toBe('/tinh/quang-ngai')
  })

  it('lists the provinces for the system administrator, who adds one and then its administrator (a slip)', async () => {
    const admin: Me = { username: 'admin', displayName: 'Quản trị', role: 'admin', deviceId: 'admin-device-01', commune: null, province: null, units: [] }
    const account: CreatedAccount = { username: 'quantri.qt', displayName: 'Lê Quản Trị', role: 'province_admin', units: [], commune: null, enrolment: { token: TOKEN, expiresAt: '2030-01-02T00:00:00.000Z' } }
    const server = fakeServer({
      'GET /api/auth/me': json(200, admin),
      'GET /api/provinces': json(200, [{ ...QN, adminCode: '51', communeCount: 3 }]),
      'POST /api/provinces': (body) => json(201, { ...(body as object), adminCode: '45', communeCount: 0 }),
      'POST /api/provinces/quang-tri/users': () => json(201, account),
    })
    const db = freshDb('provinces')
    await saveSession(db, admin)
    const m = await mountApp({ db, path: '/' })
    await until(() => expect(m.router.currentRoute.value.name).toBe('provinces'))
    await until(() => expect(m.w.findAll('.provinces__item')).toHaveLength(1))
    await button(m, 'Thêm tỉnh, thành phố').trigger('click')
    const form = m.w.find('[data-test="province-form"]')
    await form.find('input[name="name"]').setValue('Tỉnh Quảng Trị')
    expect((form.find('input[name="code"]').element as HTMLInputElement).value).toBe('quang-tri')
    await form.find('input[name="adminCode"]').setValue('45')
    await form.trigger('submit')
    await until(() => expect(server.sent('POST /api/provinces')).toEqual([{ code: 'quang-tri', name: 'Tỉnh Quảng Trị', adminCode: '45' }]))
    await until(() => expect(m.w.find('[data-test="province-admin-form"]').exists()).toBe(true))
    const adminForm = m.w.find('[data-test="province-admin-form"]')
    await adminForm.find('input[name="displayName"]').setValue('Lê Quản Trị')
    await adminForm.find('input[name="username"]').setValue('quantri.qt')
    await adminForm.trigger('submit')
    await until(() => expect(server.sent('POST /api/provinces/quang-tri/users')).toEqual([{ username: 'quantri.qt', displayName: 'Lê Quản Trị', role: 'province_admin' }]))
    await until(() => expect(m.w.findAll('[data-test="slip"]')).toHaveLength(1))
    expect(m.w.find('[data-test="slip"]').text()).toContain('Tỉnh Quảng Trị')
  })
})
