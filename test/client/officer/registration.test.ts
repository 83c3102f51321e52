import 'fake-indexeddb/auto'
// The officer's registration screens: the board (who registered for what, counts by title, the
// deadline and late registration per unit), a unit's registration (approve; return only with a
// reason), the title list (a title deactivated, one added); a leader reads only.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json } from '../fakeServer'
import { until } from '../app/harness'
import { DEFAULT_TITLES, type RegistrationContent } from '../../../src/shared/registration'
import type { BoardUnit, RegistrationBoard } from '../../../src/client/officer/registration/api'
import { API, BASE, closeAll, leader, officer, openAs } from './reviewFixtures'

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  await closeAll()
})

const content: RegistrationContent = {
  collective: ['TDPVH'],
  people: [
    { name: 'Nguyễn Văn An', position: 'Trưởng thôn', title: 'LDTT' },
    { name: 'Hộ ông Lê Văn Bình', position: '', title: 'GDVH' },
  ],
  pledges: 'Giữ vững thôn văn hóa',
}
const none = { content: { collective: [], people: [], pledges: '' }, returnReason: null, submittedAt: null, decidedAt: null, decidedBy: null, updatedBy: null, updatedAt: null, version: 0 }
const unit = (code: string, name: string, status: BoardUnit['registration']['status'], over: Partial<BoardUnit['registration']> = {}): BoardUnit => ({
  code,
  name,
  kind: 'thon',
  registration: { ...none, unit: code, year: 2024, status, ...over },
})
const board: RegistrationBoard = {
  year: 2024,
  settings: { deadline: '2024-03-31', allowLate: false, allowLateUnits: [] },
  titles: [...DEFAULT_TITLES],
  units: [
    unit('T1', 'Thôn Vĩnh Xuyên', 'submitted', { content, updatedBy: 'Nguyễn Văn An', updatedAt: '2024-03-02T03:00:00.000Z', version: 7 }),
    unit('T2', 'Thôn Phú Thuận', 'approved', { content: { ...content, people: [content.people[0]!] }, version: 8 }),
    unit('T3', 'Thôn Đông', 'none'),
  ],
}

describe('the registration board', () => {
  it('shows who registered for what with counts, and saves the deadline with late registration for one unit', async () => {
    const m = await openAs(officer, `${BASE}/dang-ky-thi-dua?nam=2024`, {
      [`GET ${API}/registrations/2024`]: json(200, board),
      [`PUT ${API}/registration-settings/2024`]: (body) => json(200, { year: 2024, ...(body as object) }),
    })
    await until(() => expect(m.w.findAll('tbody tr')).toHaveLength(3))
    expect(m.w.find('h1').text()).toBe('Đăng ký thi đua năm 2024')
    const rows = m.w.findAll('tbody tr').map((r) => r.findAll('th, td').slice(0, 4).map((c) => c.text()))
    expect(rows).toEqual([
      ['Thôn Vĩnh Xuyên', 'đã gửi', 'Thôn, tổ dân phố văn hóa', '2'],
      ['Thôn Phú Thuận', 'đã duyệt', 'Thôn, tổ dân phố văn hóa', '1'],
      ['Thôn Đông', 'chưa đăng ký', '—', '0'],
    ])
    expect(m.w.text()).toContain('2/3 đơn vị đã gửi đăng ký')
    expect(m.w.findAll('.reg-board__counts li').map((li) => li.text())).toEqual([
      'Lao động tiên tiến: 2 người/hộ',
      'Thôn, tổ dân phố văn hóa: 2 đơn vị',
      'Gia đình văn hóa: 1 người/hộ',
    ])
    expect(m.w.findAll('tbody tr')[0]!.find('a').attributes('href')).toBe(`${BASE}/dang-ky-thi-dua/2024/T1`)

    await m.w.find('input[type="date"]').setValue('2024-04-15')
    await m.w.findAll('tbody tr')[2]!.find('input[type="checkbox"]').setValue(true)
    await m.w.find('.reg-board__deadline').trigger('submit')
    await until(() => expect(m.server.sent(`PUT ${API}/registration-settings/2024`)).toEqual([{ deadline: '2024-04-15', allowLate: false, allowLateUnits: ['T3'] }]))
  })

  it('shows a leader the board without the deadline form', async () => {
    const m = await openAs(leader, `${BASE}/dang-ky-thi-dua?nam=2024`, { [`GET ${API}/registrations/2024`]: json(200, board) })
    await until(() => expect(m.w.findAll('tbody tr')).toHaveLength(3))
    expect(m.w.find('.reg-board__deadline').exists()).toBe(false)
    expect(m.w.text()).toContain('Hạn đăng ký: 31/03/2024')
  })
})

describe('a unit’s registration', () => {
  it('approves a submitted registration, and returns one only with a reason', async () => {
    const t1 = board.units[0]!
    const m = await openAs(officer, `${BASE}/dang-ky-thi-dua/2024/T1`, {
      [`GET ${API}/registrations/2024/T1`]: json(200, t1),
      [`GET ${API}/registration-titles`]: json(200, { titles: DEFAULT_TITLES, custom: false }),
      [`POST ${API}/registrations/2024/T1/decision`]: (body) => json(200, { ...t1.registration, status: (body as { action: string }).action === 'approve' ? 'approved' : 'returned' }),
    })
    await until(() => expect(m.w.find('h1').exists()).toBe(true))
    expect(m.w.find('h1').text()).toBe('Đăng ký thi đua: Thôn Vĩnh Xuyên, năm 2024')
    expect(m.w.text()).toContain('Nguyễn Văn An (Trưởng thôn): Lao động tiên tiến')
    expect(m.w.text()).toContain('Hộ ông Lê Văn Bình: Gia đình văn hóa')
    expect(m.w.text()).toContain('Giữ vững thôn văn hóa')

    await m.w.findAll('button').find((b) => b.text() === 'Trả lại…')!.trigger('click')
    await m.w.find('.reg-unit__reason').trigger('submit')
    await until(() => expect(m.w.find('[role="alert"]').text()).toBe('Cần ghi lý do.'))
    expect(m.server.calls(`POST ${API}/registrations/2024/T1/decision`)).toBe(0)
    await m.w.find('.reg-unit__reason textarea').setValue('Thiếu chức vụ của hộ ông Bình')
    await m.w.find('.reg-unit__reason').trigger('submit')
    await until(() => expect(m.server.sent(`POST ${API}/registrations/2024/T1/decision`)).toEqual([{ action: 'return', reason: 'Thiếu chức vụ của hộ ông Bình' }]))
    await until(() => expect(m.w.find('.reg-unit .notice[role="status"]').text()).toBe('Đã trả lại đăng ký.'))

    await m.w.findAll('button').find((b) => b.text() === 'Duyệt')!.trigger('click')
    await until(() => expect(m.server.sent(`POST ${API}/registrations/2024/T1/decision`)).toHaveLength(2))
    expect(m.server.sent(`POST ${API}/registrations/2024/T1/decision`)[1]).toEqual({ action: 'approve' })
  })

  it('registers on a unit’s behalf, refusing a title not offered before sending', async () => {
    const t3 = board.units[2]!
    const m = await openAs(officer, `${BASE}/dang-ky-thi-dua/2024/T3`, {
      [`GET ${API}/registrations/2024/T3`]: json(200, t3),
      [`GET ${API}/registration-titles`]: json(200, { titles: DEFAULT_TITLES, custom: false }),
      [`PUT ${API}/registrations/2024/T3`]: (body) => json(200, { ...t3.registration, status: 'submitted', content: (body as { content: RegistrationContent }).content }),
    })
    await until(() => expect(m.w.find('.reg-unit__form').exists()).toBe(true))
    await m.w.find('.reg-unit__check input').setValue(true)
    await m.w.findAll('button').find((b) => b.text() === 'Thêm người đăng ký')!.trigger('click')
    await m.w.find('.reg-unit__person input').setValue('Trần Thị Cúc')
    await m.w.find('.reg-unit__form').trigger('submit')
    await until(() => expect(m.server.sent(`PUT ${API}/registrations/2024/T3`)).toHaveLength(1))
    expect(m.server.sent(`PUT ${API}/registrations/2024/T3`)[0]).toEqual({
      action: 'submit',
      content: { collective: ['TDPVH'], people: [{ name: 'Trần Thị Cúc', position: '', title: 'LDTT' }], pledges: '' },
    })
  })
})

describe('the title list', () => {
  it('deactivates a title and adds one, sending the whole list', async () => {
    const m = await openAs(officer, `${BASE}/dang-ky-thi-dua?danh-hieu`, {
      [`GET ${API}/registration-titles`]: json(200, { titles: DEFAULT_TITLES, custom: false }),
      [`PUT ${API}/registration-titles`]: (body) => json(200, { ...(body as object), custom: true }),
    })
    await until(() => expect(m.w.findAll('.reg-titles__row')).toHaveLength(5))
    expect(m.w.text()).toContain('danh sách mặc định')
    const gdvh = m.w.findAll('.reg-titles__row')[4]!
    const active = gdvh.findAll('.reg-titles__check').find((c) => c.text() === 'Đang dùng')!
    await active.find('input').setValue(false)
    await m.w.findAll('button').find((b) => b.text() === 'Thêm danh hiệu')!.trigger('click')
    const fresh = m.w.findAll('.reg-titles__row')[5]!
    const [code, name] = fresh.findAll('input[type="text"]')
    await code!.setValue('KDC_KIEU_MAU')
    await name!.setValue('Khu dân cư kiểu mẫu')
    await fresh.find('select').setValue('collective')
    await m.w.find('.reg-titles__form').trigger('submit')
    await until(() => expect(m.server.calls(`PUT ${API}/registration-titles`)).toBe(1))
    const sent = m.server.sent(`PUT ${API}/registration-titles`)[0] as { titles: { code: string; active: boolean; scope: string }[] }
    expect(sent.titles.map((x) => [x.code, x.active, x.scope])).toEqual([
      ['LDTT', true, 'individual'],
      ['CSTDCS', true, 'individual'],
      ['TTLDTT', true, 'collective'],
      ['TDPVH', true, 'collective'],
      ['GDVH', false, 'household'],
      ['KDC_KIEU_MAU', true, 'collective'],
    ])
  })
})
