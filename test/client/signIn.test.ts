import 'fake-indexeddb/auto'
// Signing in once, then working offline for months: the stored session opens the app at once and
// the server confirms it in the background; signing out with changes not yet sent warns first and
// keeps them; a session the server ended sends the user back to sign in, then back where they were.
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { currentUser, saveSession } from '../../src/client/local/db'
import { saveValue } from '../../src/client/local/edits'
import { LOCALE_KEY } from '../../src/client/modules/i18n'
import { fakeServer, json, officer, otherSummary, planOf, signedInAs, summary, UNAUTHORIZED } from './fakeServer'
import { C, closePhones, mountApp, phone, reporter, settle, until, withLiveServer } from './app/harness'
import { freshDb } from './local/testDb'

const signedOut = { 'GET /api/auth/me': json(401, UNAUTHORIZED) }

async function fillIn(w: VueWrapper, username: string, password: string): Promise<void> {
  await w.find('input[autocomplete="username"]').setValue(username)
  await w.find('input[autocomplete="current-password"]').setValue(password)
}

async function signIn(w: VueWrapper, username = reporter.username, password = 'dung-mat-khau'): Promise<void> {
  await fillIn(w, username, password)
  await w.find('form').trigger('submit')
  await settle()
}

async function openMenu(w: VueWrapper): Promise<void> {
  await until(() => expect(w.find('.account__toggle').exists()).toBe(true))
  await w.find('.account__toggle').trigger('click')
}

const menuButton = (w: VueWrapper, text: string) => w.findAll('.account__panel button').find((b) => b.text() === text)!

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  localStorage.clear()
  document.body.innerHTML = ''
  await closePhones()
})

describe('the sign-in screen', () => {
  it('is shown when nobody is signed in, labelled and ready for password managers', async () => {
    const server = fakeServer(signedOut)
    const m = await mountApp({ db: freshDb('signin') })
    expect(m.router.currentRoute.value.path).toBe('/dang-nhap')
    expect(m.w.find('h1').text()).toBe('Đăng nhập')
    const label = (text: string) => m.w.findAll('label').find((l) => l.text() === text)!
    const user = m.w.find(`#${label('Tên đăng nhập').attributes('for')}`)
    const password = m.w.find(`#${label('Mật khẩu').attributes('for')}`)
    expect(user.attributes()).toMatchObject({ autocomplete: 'username', autocapitalize: 'none', inputmode: 'text', type: 'text' })
    expect(password.attributes()).toMatchObject({ autocomplete: 'current-password', type: 'password' })
    expect(m.w.find('button[type="submit"]').text()).toBe('Đăng nhập')
    expect(m.w.find('[role="alert"]').exists()).toBe(false)
    expect(m.w.find('header').text()).not.toContain('Menu')
    expect(server.calls('GET /api/communes')).toBe(0)
    expect(document.title).toContain('Đăng nhập')
  })

  it('signs in with this device’s id, keeps the user on the phone and opens the inbox', async () => {
    const persist = vi.fn(async () => true)
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persist, persisted: async () => false } })
    const server = fakeServer({ ...signedOut, 'POST /api/auth/login': signedInAs(reporter) })
    const db = freshDb('signin')
    const m = await mountApp({ db })
    await signIn(m.w, `  ${reporter.username} `, 'dung-mat-khau')
    const [sent] = server.sent('POST /api/auth/login') as { username: string; password: string; deviceId: string }[]
    expect(sent).toMatchObject({ username: reporter.username, password: 'dung-mat-khau' })
    expect(sent!.deviceId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: sent!.deviceId })
    await until(() => expect(m.router.currentRoute.value.path).toBe('/'))
    expect(m.w.find('h1').text()).toBe('Báo cáo của tôi')
    expect(await currentUser(db)).toMatchObject({ username: reporter.username, deviceId: sent!.deviceId })
    await until(() => expect(persist).toHaveBeenCalled())
    await openMenu(m.w)
    expect(m.w.find('header').text()).toContain('Nguyễn Văn An')
    expect(m.w.find('header').text()).toContain('Trưởng thôn')
    expect(m.w.find('header').text()).toContain('Xã Thử')
    Reflect.deleteProperty(navigator, 'storage')
  })

  it('shows the server’s message for a wrong password and stays usable', async () => {
    const server = fakeServer({ ...signedOut, 'POST /api/auth/login': json(401, { code: 'invalid_credentials', message: 'Sai tên đăng nhập hoặc mật khẩu' }) })
    const m = await mountApp({ db: freshDb('signin') })
    await signIn(m.w, reporter.username, 'sai-mat-khau')
    expect(m.w.find('[role="alert"]').text()).toBe('Sai tên đăng nhập hoặc mật khẩu')
    expect(m.w.find('form').exists()).toBe(true)
    expect(m.w.find('button[type="submit"]').attributes('disabled')).toBeUndefined()
    expect((m.w.find('input[autocomplete="username"]').element as HTMLInputElement).value).toBe(reporter.username)
    server.answer('POST /api/auth/login', signedInAs(reporter))
    await m.w.find('input[autocomplete="current-password"]').setValue('dung-mat-khau')
    await m.w.find('form').trigger('submit')
    await until(() => expect(m.w.find('h1').text()).toBe('Báo cáo của tôi'))
    expect(server.calls('POST /api/auth/login')).toBe(2)
  })

  it('shows the server’s message after too many attempts', async () => {
    const message = 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.'
    fakeServer({ ...signedOut, 'POST /api/auth/login': json(429, { code: 'too_many_attempts', message }) })
    const m = await mountApp({ db: freshDb('signin') })
    await signIn(m.w)
    expect(m.w.find('[role="alert"]').text()).toBe(message)
  })

  it('says the server cannot be reached rather than showing the exception', async () => {
    fakeServer({ ...signedOut, 'POST /api/auth/login': () => Promise.reject(new TypeError('Failed to fetch')) })
    const m = await mountApp({ db: freshDb('signin') })
    await signIn(m.w)
    expect(m.w.find('[role="alert"]').text()).toContain('Không kết nối được máy chủ')
    expect(m.w.text()).not.toContain('Failed to fetch')
  })

  it('disables the button while signing in', async () => {
    let answer: () => void = () => {}
    const login = signedInAs(reporter) as (body: unknown) => Response
    fakeServer({ ...signedOut, 'POST /api/auth/login': (body) => new Promise<Response>((resolve) => (answer = () => resolve(login(body)))) })
    const m = await mountApp({ db: freshDb('signin') })
    await signIn(m.w)
    const button = m.w.find('button[type="submit"]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.text()).toBe('Đang đăng nhập…')
    answer()
    await until(() => expect(m.w.find('h1').text()).toBe('Báo cáo của tôi'))
  })

  it('asks for what is missing without calling the server', async () => {
    const server = fakeServer(signedOut)
    const m = await mountApp({ db: freshDb('signin') })
    await signIn(m.w, ' ', 'x')
    expect(m.w.find('[role="alert"]').text()).toBe('Vui lòng nhập tên đăng nhập.')
    await signIn(m.w, reporter.username, '')
    expect(m.w.find('[role="alert"]').text()).toBe('Vui lòng nhập mật khẩu.')
    expect(server.calls('POST /api/auth/login')).toBe(0)
  })

  it('switches to English, and remembers it', async () => {
    fakeServer(signedOut)
    const m = await mountApp({ db: freshDb('signin') })
    await m.w.findAll('button').find((b) => b.text() === 'English')!.trigger('click')
    await until(() => expect(m.w.find('h1').text()).toBe('Sign in'))
    expect(m.w.find('label').text()).toBe('Username')
    expect(document.documentElement.lang).toBe('en')
    expect(localStorage.getItem(LOCALE_KEY)).toBe('en')
    m.w.unmount()
    const again = await mountApp({ db: freshDb('signin'), locale: undefined })
    await until(() => expect(again.w.find('h1').text()).toBe('Sign in'))
    await again.w.findAll('button').find((b) => b.text() === 'Tiếng Việt')!.trigger('click')
    await until(() => expect(again.w.find('h1').text()).toBe('Đăng nhập'))
  })
})

describe('the session on this phone', () => {
  it('opens at once from the stored session when the server cannot be reached (offline for months)', async () => {
    const server = fakeServer({ 'GET /api/auth/me': () => Promise.reject(new TypeError('Failed to fetch')) })
    const p = await phone()
    const m = await mountApp({ db: p.db })
    await until(() => expect(m.w.findAll('a.card')).toHaveLength(5)) // four quarters and the year
    expect(m.router.currentRoute.value.path).toBe('/')
    expect(server.calls('GET /api/auth/me')).toBe(1)
    expect(await currentUser(p.db)).toMatchObject({ username: reporter.username })
  })

  it('goes to sign in when the server says the session has ended, keeping the unsent changes', async () => {
    fakeServer({ 'GET /api/auth/me': json(401, UNAUTHORIZED) })
    const p = await phone()
    await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: { kind: 'number', value: 5 } })
    const m = await mountApp({ db: p.db, path: '/nhap/T1/2024-Q1' })
    await until(() => expect(m.router.currentRoute.value.path).toBe('/dang-nhap'))
    expect(m.router.currentRoute.value.query.next).toBe('/nhap/T1/2024-Q1')
    expect(m.w.find('[role="status"]').text()).toBe('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.')
    expect(await currentUser(p.db)).toBeNull()
    expect(await p.db.outbox.count()).toBe(1)
  })

  it('signs out on the server when nothing waits, and forgets the user', async () => {
    const server = fakeServer({ 'GET /api/auth/me': json(200, reporter), 'POST /api/auth/logout': json(200, { ok: true }) })
    const p = await phone()
    const m = await mountApp({ db: p.db })
    await openMenu(m.w)
    await menuButton(m.w, 'Đăng xuất').trigger('click')
    await until(() => expect(m.router.currentRoute.value.path).toBe('/dang-nhap'))
    expect(server.calls('POST /api/auth/logout')).toBe(1)
    expect(m.w.find('[role="status"]').text()).toBe('Bạn đã đăng xuất.')
    expect(m.router.currentRoute.value.query.next).toBeUndefined() // the next user starts from their own screens
    expect(await currentUser(p.db)).toBeNull()
  })

  it('warns before signing out with changes not yet sent, offers the backup, and keeps them', async () => {
    const server = fakeServer({ 'GET /api/auth/me': json(200, reporter), 'POST /api/auth/logout': json(200, { ok: true }) })
    const p = await phone()
    for (const indicator of ['LUA_DT', 'LUA_SL']) await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator, value: { kind: 'number', value: 1 } })
    const m = await mountApp({ db: p.db })
    await openMenu(m.w)
    await menuButton(m.w, 'Đăng xuất').trigger('click')
    await settle()
    const dialog = () => m.w.findAll('dialog').find((d) => d.text().includes('chưa gửi lên máy chủ'))!
    expect(dialog().attributes('open')).toBeDefined()
    expect(dialog().text()).toContain('Còn 2 thay đổi chưa gửi lên máy chủ')
    expect(dialog().findAll('button').map((b) => b.text())).toEqual(['Sao lưu thay đổi chưa gửi', 'Vẫn đăng xuất', 'Ở lại'])
    expect(server.calls('POST /api/auth/logout')).toBe(0)

    await dialog().findAll('button').find((b) => b.text() === 'Ở lại')!.trigger('click')
    expect(dialog().attributes('open')).toBeUndefined()
    expect(await currentUser(p.db)).not.toBeNull()

    await menuButton(m.w, 'Đăng xuất').trigger('click')
    await settle()
    await dialog().findAll('button').find((b) => b.text() === 'Vẫn đăng xuất')!.trigger('click')
    await until(() => expect(m.router.currentRoute.value.path).toBe('/dang-nhap'))
    expect(server.calls('POST /api/auth/logout')).toBe(1)
    expect(await currentUser(p.db)).toBeNull()
    expect(await p.db.outbox.count()).toBe(2) // the changes stay on the phone
  })

  it('stays signed in, and says why, when signing out cannot reach the server', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter), 'POST /api/auth/logout': () => Promise.reject(new TypeError('Failed to fetch')) })
    const p = await phone()
    const m = await mountApp({ db: p.db })
    await openMenu(m.w)
    await menuButton(m.w, 'Đăng xuất').trigger('click')
    await until(() => expect(m.w.find('.account__panel [role="alert"]').exists()).toBe(true))
    expect(m.w.find('.account__panel [role="alert"]').text()).toContain('Chưa đăng xuất được')
    expect(m.router.currentRoute.value.path).toBe('/')
    expect(await currentUser(p.db)).not.toBeNull()
  })

  it('returns to sign-in when a later request gets 401, then back to the same screen', async () => {
    const server = fakeServer({
      'GET /api/auth/me': json(200, officer),
      'POST /api/auth/login': signedInAs(officer),
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/pho-thuan/plan': json(401, UNAUTHORIZED),
    })
    const db = freshDb('signin')
    await saveSession(db, officer)
    const m = await mountApp({ db, path: '/ke-hoach/pho-thuan' })
    await until(() => expect(m.router.currentRoute.value.path).toBe('/dang-nhap'))
    expect(m.w.find('[role="status"]').text()).toBe('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.')
    expect(m.w.find('header').text()).not.toContain('Menu')
    server.answer('GET /api/communes/pho-thuan/plan', json(200, planOf(2023)))
    await signIn(m.w, officer.username)
    await until(() => expect(m.w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023'))
    expect(m.router.currentRoute.value.path).toBe('/ke-hoach/pho-thuan')
  })

  it('offers a retry when nothing is stored and the server cannot say who is signed in', async () => {
    const server = fakeServer({ 'GET /api/auth/me': () => Promise.reject(new TypeError('Failed to fetch')) })
    const m = await mountApp({ db: freshDb('signin') })
    expect(m.w.find('[role="alert"]').text()).toContain('Kiểm tra kết nối mạng')
    server.answer('GET /api/auth/me', json(200, reporter))
    await m.w.find('[role="alert"] button').trigger('click')
    await flushPromises()
    await until(() => expect(m.w.find('h1').text()).toBe('Báo cáo của tôi'))
  })
})

describe('a unit newly assigned', () => {
  it('makes the next sync pull again from the start, to bring that unit’s history', async () => {
    const p = await phone()
    expect((await p.db.syncState.get(C))!.cursor).toBeGreaterThan(0)
    fakeServer({ 'GET /api/auth/me': json(200, { ...reporter, units: [...reporter.units, { code: 'T2', name: 'Thôn 2', kind: 'thon' }] }) })
    // This phone has pulled T1 only: drop T2's row as a village head's phone would not have it.
    await p.db.units.delete([C, 'T2'])
    await mountApp({ db: p.db })
    await until(async () => expect((await p.db.syncState.get(C))!.cursor).toBe(0))
    expect((await currentUser(p.db))!.units.map((u) => u.code)).toEqual(['T1', 'T2'])
  })
})
