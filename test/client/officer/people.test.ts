import 'fake-indexeddb/auto'
// "Đơn vị & tài khoản" (/quan-ly/:commune/don-vi), mounted in the whole app as an officer opens it:
// the unit tree and its changes, the accounts with their devices, creating a village head's
// account with a PIN, a refused username, deactivating an account.
import type { DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveSession } from '../../../src/client/local/db'
import { formatDateTime } from '../../../src/client/format'
import type { AccountView, UnitRow } from '../../../src/client/officer/people/api'
import { fakeServer, json, officer } from '../fakeServer'
import { mountApp, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'

const api = '/api/communes/pho-thuan'

const UNITS: UnitRow[] = [
  { code: 'T1', name: 'Thôn Hải Tân', kind: 'thon', active: true, version: 1 },
  { code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon', active: true, version: 1 },
  { code: 'XOM1', name: 'Xóm Đồng', kind: 'thon', parent: 'T1', active: true, version: 2 },
  { code: 'CA', name: 'Công an xã', kind: 'cong_an', active: false, version: 3 },
]

const SYNCED_AT = '2024-05-09T07:30:00.000Z'
const ACCOUNTS: AccountView[] = [
  {
    username: 'truongthon.t1',
    displayName: 'Nguyễn Văn An',
    role: 'reporter',
    units: ['T1'],
    active: true,
    createdAt: '2024-01-03T02:00:00.000Z',
    devices: [
      { deviceId: 'dev-android-0001', userAgent: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36', createdAt: '2024-01-03T02:00:00.000Z', lastSeenAt: '2024-05-09T07:31:00.000Z', lastSyncAt: SYNCED_AT, revoked: false },
      { deviceId: 'dev-iphone-0002', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1', createdAt: '2024-02-03T02:00:00.000Z', lastSeenAt: '2024-02-03T02:05:00.000Z', lastSyncAt: null, revoked: false },
    ],
  },
  { username: officer.username, displayName: officer.displayName, role: 'officer', units: [], active: true, createdAt: '2023-12-01T02:00:00.000Z', devices: [] },
]

const created = (body: { username: string; displayName: string; role: AccountView['role']; units: string[] }): AccountView => ({
  username: body.username,
  displayName: body.displayName,
  role: body.role,
  units: body.units,
  active: true,
  createdAt: '2024-05-10T08:00:00.000Z',
  devices: [],
})

function server(extra: Record<string, Parameters<typeof fakeServer>[0][string]> = {}) {
  return fakeServer({
    'GET /api/auth/me': json(200, officer),
    [`GET ${api}/units`]: json(200, UNITS),
    [`GET ${api}/users`]: json(200, ACCOUNTS),
    ...extra,
  })
}

async function openPeople(): Promise<Mounted> {
  const db = freshDb('people')
  await saveSession(db, officer)
  const m = await mountApp({ db, path: '/quan-ly/pho-thuan/don-vi' })
  await until(() => expect(m.w.findAll('.units__item')).toHaveLength(4))
  await until(() => expect(m.w.findAll('.accounts__item')).toHaveLength(2))
  return m
}

const unitItem = (m: Mounted, code: string) => m.w.find(`.units__item[data-code="${code}"]`)
const accountItem = (m: Mounted, username: string) => m.w.find(`.accounts__item[data-username="${username}"]`)
const depthOf = (item: DOMWrapper<Element>) => (item.element as HTMLElement).style.paddingInlineStart
const button = (within: { findAll: Mounted['w']['findAll'] }, text: string) => {
  const b = within.findAll('button').find((x) => x.text().trim().startsWith(text))
  if (!b) throw new Error(`no button “${text}”`)
  return b
}

/** The (one) dialog that talks about `text`. */
function dialogWith(m: Mounted, text: string): DOMWrapper<Element> {
  const d = m.w.findAll('dialog').find((x) => x.text().includes(text))
  if (!d) throw new Error(`no dialog about “${text}”`)
  return d
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the unit tree', () => {
  it('shows each unit under its parent, with its kind and whether it is active', async () => {
    server()
    const m = await openPeople()
    expect(m.w.find('h1').text()).toBe('Đơn vị & tài khoản')
    expect(m.w.findAll('.units__item').map((li) => li.attributes('data-code'))).toEqual(['T1', 'XOM1', 'T2', 'CA'])
    expect(depthOf(unitItem(m, 'XOM1'))).not.toBe(depthOf(unitItem(m, 'T1')))
    expect(unitItem(m, 'XOM1').text()).toContain('thuộc Thôn Hải Tân')
    expect(unitItem(m, 'CA').text()).toContain('công an')
    expect(unitItem(m, 'CA').find('.pp-tag--off').text()).toBe('Ngừng hoạt động')
    expect(unitItem(m, 'T1').find('.pp-tag--off').exists()).toBe(false)
  })

  it('adds a unit under a parent, then moves a unit to the top; its own subtree is never offered as parent', async () => {
    const s = server({
      [`POST ${api}/units`]: (body) => json(201, { unit: { ...(body as object), active: true, version: 7 }, version: 7 }),
      [`PATCH ${api}/units/XOM1`]: () => json(200, { unit: { code: 'XOM1', name: 'Xóm Đồng', kind: 'thon', active: true, version: 8 }, version: 8 }),
    })
    const m = await openPeople()

    await button(m.w, 'Thêm đơn vị').trigger('click')
    const form = m.w.find('form.units__new')
    await form.find('input[name="code"]').setValue('T3')
    await form.find('input[name="name"]').setValue('  Thôn Phước Lộc ')
    await form.find('select[name="kind"]').setValue('thon')
    await form.find('select[name="parent"]').setValue('T1')
    await form.trigger('submit')
    await until(() => expect(s.sent(`POST ${api}/units`)).toHaveLength(1))
    expect(s.sent(`POST ${api}/units`)[0]).toEqual({ code: 'T3', name: 'Thôn Phước Lộc', kind: 'thon', parent: 'T1' })
    await until(() => expect(m.w.findAll('.units__item').map((li) => li.attributes('data-code'))).toEqual(['T1', 'XOM1', 'T3', 'T2', 'CA']))
    expect(depthOf(unitItem(m, 'T3'))).toBe(depthOf(unitItem(m, 'XOM1')))
    expect(m.w.text()).toContain('Đã thêm đơn vị “Thôn Phước Lộc”.')

    // T1 cannot go under itself nor under XOM1 (its child).
    await unitItem(m, 'T1').find('button.units__edit').trigger('click')
    const parents = unitItem(m, 'T1').findAll('select[name="parent"] option').map((o) => o.attributes('value'))
    expect(parents).toEqual(['', 'T2', 'CA'])
    await button(unitItem(m, 'T1'), 'Hủy').trigger('click')

    await unitItem(m, 'XOM1').find('button.units__edit').trigger('click')
    const editor = unitItem(m, 'XOM1').find('form.units__editor')
    await editor.find('select[name="parent"]').setValue('')
    await editor.trigger('submit')
    await until(() => expect(s.sent(`PATCH ${api}/units/XOM1`)).toEqual([{ parent: null }]))
    await until(() => expect(depthOf(unitItem(m, 'XOM1'))).toBe(depthOf(unitItem(m, 'T1'))))
    expect(unitItem(m, 'XOM1').text()).not.toContain('thuộc')
  })

  it('asks before deactivating a unit, explaining it no longer reports, then sends {active:false}', async () => {
    const s = server({ [`PATCH ${api}/units/T2`]: () => json(200, { unit: { ...UNITS[1], active: false, version: 9 }, version: 9 }) })
    const m = await openPeople()
    await unitItem(m, 'T2').find('button.units__toggle').trigger('click')
    const dialog = dialogWith(m, 'Thôn Vĩnh Xuyên')
    expect(dialog.text()).toContain('Ngừng hoạt động “Thôn Vĩnh Xuyên”?')
    expect(dialog.text()).toContain('không còn báo cáo')
    expect(s.calls(`PATCH ${api}/units/T2`)).toBe(0)
    await dialog.find('button.units__confirm').trigger('click')
    await until(() => expect(s.sent(`PATCH ${api}/units/T2`)).toEqual([{ active: false }]))
    await until(() => expect(unitItem(m, 'T2').find('.pp-tag--off').text()).toBe('Ngừng hoạt động'))
    expect(unitItem(m, 'T2').find('button.units__toggle').text()).toContain('Cho hoạt động lại')
  })
})

describe('the accounts', () => {
  it('lists each account with its role, units and devices, and each device’s last sync', async () => {
    server()
    const m = await openPeople()
    const head = accountItem(m, 'truongthon.t1')
    expect(head.text()).toContain('Nguyễn Văn An')
    expect(head.text()).toContain('Trưởng thôn')
    expect(head.text()).toContain('Thôn Hải Tân')
    const devices = head.findAll('.accounts__device')
    expect(devices).toHaveLength(2)
    expect(devices[0]!.text()).toContain('Android · Chrome')
    expect(devices[0]!.find('.accounts__sync').text()).toContain(`Đồng bộ lần cuối: `)
    expect(devices[0]!.find('.accounts__sync').text()).toContain(formatDateTime(SYNCED_AT))
    expect(devices[0]!.find('.accounts__sync').text()).toMatch(/trước|hôm qua/i)
    expect(devices[1]!.text()).toContain('iPhone · Safari')
    expect(devices[1]!.find('.accounts__sync').text()).toBe('Đồng bộ lần cuối: chưa đồng bộ')
    // The officer's own account cannot be deactivated from here.
    expect(accountItem(m, officer.username).text()).toContain('(bạn)')
    expect(accountItem(m, officer.username).find('button.accounts__toggle').exists()).toBe(false)
  })

  it('creates a village head bound to two units with a generated 6-digit PIN: the exact body, the PIN shown once', async () => {
    const s = server({ [`POST ${api}/users`]: (body) => json(201, { account: created(body as AccountView), version: 11 }) })
    const m = await openPeople()
    await button(m.w, 'Tạo tài khoản').trigger('click')
    const form = m.w.find('form.accounts__new')
    expect((form.find('select[name="role"]').element as HTMLSelectElement).value).toBe('reporter')
    // Only active units can be given.
    expect(form.findAll('input[name="units"]').map((i) => i.attributes('value'))).toEqual(['T1', 'T2', 'XOM1'])
    await form.find('input[name="username"]').setValue(' TruongThon.T2 ')
    await form.find('input[name="displayName"]').setValue('Lê Thị Bình')
    await form.find('input[name="units"][value="T2"]').setValue(true)
    await form.find('input[name="units"][value="XOM1"]').setValue(true)
    await form.find('button.accounts__pin').trigger('click')
    const pin = (form.find('input[name="password"]').element as HTMLInputElement).value
    expect(pin).toMatch(/^\d{6}$/)
    await form.trigger('submit')

    await until(() => expect(s.sent(`POST ${api}/users`)).toHaveLength(1))
    expect(s.sent(`POST ${api}/users`)[0]).toEqual({ username: 'truongthon.t2', displayName: 'Lê Thị Bình', role: 'reporter', units: ['T2', 'XOM1'], password: pin })
    await until(() => expect(m.w.find('.accounts__secret').exists()).toBe(true))
    expect(m.w.find('.accounts__secret').text()).toContain(pin)
    expect(m.w.find('.accounts__secret').text()).toContain('chỉ hiện một lần')
    expect(accountItem(m, 'truongthon.t2').text()).toContain('Lê Thị Bình')
    expect(m.w.find('form.accounts__new').exists()).toBe(false)
    // Hidden once noted: the PIN is nowhere on the page any more.
    await m.w.find('button.accounts__secret-done').trigger('click')
    expect(m.w.text()).not.toContain(pin)
  })

  it('checks the form before sending: a reporter needs a unit, a password needs 6 characters', async () => {
    const s = server()
    const m = await openPeople()
    await button(m.w, 'Tạo tài khoản').trigger('click')
    const form = m.w.find('form.accounts__new')
    await form.find('input[name="username"]').setValue('truongthon.t2')
    await form.find('input[name="displayName"]').setValue('Lê Thị Bình')
    await form.find('input[name="password"]').setValue('12345')
    await form.trigger('submit')
    expect(form.text()).toContain('cần gắn với ít nhất một đơn vị')
    expect(form.text()).toContain('ít nhất 6 ký tự')
    expect(s.calls(`POST ${api}/users`)).toBe(0)
  })

  it('shows the server’s message for a username already taken and keeps everything typed', async () => {
    const s = server({ [`POST ${api}/users`]: json(409, { code: 'username_taken', message: 'Tên đăng nhập “truongthon.t1” đã có người dùng' }) })
    const m = await openPeople()
    await button(m.w, 'Tạo tài khoản').trigger('click')
    const form = m.w.find('form.accounts__new')
    await form.find('input[name="username"]').setValue('truongthon.t1')
    await form.find('input[name="displayName"]').setValue('Trần Văn Cường')
    await form.find('input[name="units"][value="T2"]').setValue(true)
    await form.find('input[name="password"]').setValue('mat-khau-1')
    await form.trigger('submit')
    await until(() => expect(m.w.find('form.accounts__new [role="alert"]').text()).toBe('Tên đăng nhập “truongthon.t1” đã có người dùng'))
    expect(s.calls(`POST ${api}/users`)).toBe(1)
    const kept = m.w.find('form.accounts__new')
    expect((kept.find('input[name="username"]').element as HTMLInputElement).value).toBe('truongthon.t1')
    expect((kept.find('input[name="displayName"]').element as HTMLInputElement).value).toBe('Trần Văn Cường')
    expect((kept.find('input[name="units"][value="T2"]').element as HTMLInputElement).checked).toBe(true)
    expect((kept.find('input[name="password"]').element as HTMLInputElement).value).toBe('mat-khau-1')
    expect(m.w.find('.accounts__secret').exists()).toBe(false)
  })

  it('asks before deactivating an account (its sessions end), then sends {active:false}', async () => {
    const s = server({
      [`PATCH ${api}/users/truongthon.t1`]: () => json(200, { account: { ...ACCOUNTS[0], active: false, devices: ACCOUNTS[0]!.devices.map((d) => ({ ...d, revoked: true })) }, version: 12 }),
    })
    const m = await openPeople()
    await accountItem(m, 'truongthon.t1').find('button.accounts__toggle').trigger('click')
    const dialog = dialogWith(m, 'truongthon.t1')
    expect(dialog.text()).toContain('Ngừng tài khoản “truongthon.t1”?')
    expect(dialog.text()).toContain('phiên đăng nhập')
    expect(dialog.text()).toContain('đăng xuất khỏi mọi thiết bị')
    expect(s.calls(`PATCH ${api}/users/truongthon.t1`)).toBe(0)
    await dialog.find('button.accounts__confirm').trigger('click')
    await until(() => expect(s.sent(`PATCH ${api}/users/truongthon.t1`)).toEqual([{ active: false }]))
    await until(() => expect(accountItem(m, 'truongthon.t1').find('.pp-tag--off').text()).toBe('Ngừng hoạt động'))
    expect(accountItem(m, 'truongthon.t1').findAll('.accounts__device').map((d) => d.text().includes('đã đăng xuất'))).toEqual([true, true])
    expect(accountItem(m, 'truongthon.t1').find('button.accounts__toggle').text()).toContain('Mở lại tài khoản')
  })

  it('resets a password to a new PIN and shows it once', async () => {
    const s = server({ [`POST ${api}/users/truongthon.t1/password`]: () => json(200, { username: 'truongthon.t1', sessionsRevoked: 2, version: 13 }) })
    const m = await openPeople()
    await accountItem(m, 'truongthon.t1').find('button.accounts__reset').trigger('click')
    const form = accountItem(m, 'truongthon.t1').find('form.accounts__resetter')
    await form.find('button.accounts__pin').trigger('click')
    const pin = (form.find('input[name="password"]').element as HTMLInputElement).value
    expect(pin).toMatch(/^\d{6}$/)
    await form.trigger('submit')
    await until(() => expect(s.sent(`POST ${api}/users/truongthon.t1/password`)).toEqual([{ password: pin }]))
    await until(() => expect(m.w.find('.accounts__secret').text()).toContain(pin))
    expect(m.w.find('.accounts__secret').text()).toContain('đăng xuất khỏi 2 thiết bị')
  })
})
