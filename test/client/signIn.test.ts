// Signing in and out, and being sent back to sign in when the server drops the session.
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src/client/App.vue'
import { DEVICE_ID_KEY } from '../../src/client/deviceId'
import { fakeServer, json, officer, otherSummary, planOf, signedInAs, summary, UNAUTHORIZED } from './fakeServer'

const reporter = {
  ...officer,
  username: 'truongthon.haitan',
  displayName: 'Nguyễn Văn Hùng',
  role: 'reporter' as const,
  deviceId: 'reporter-device-0001',
  units: [{ code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' }],
}

const signedOut = { 'GET /api/auth/me': json(401, UNAUTHORIZED) }
const oneCommune = {
  'GET /api/communes': json(200, [summary]),
  'GET /api/communes/pho-thuan/plan': json(200, planOf(2023)),
}

async function fillIn(w: VueWrapper, username: string, password: string): Promise<void> {
  await w.find('input[autocomplete="username"]').setValue(username)
  await w.find('input[autocomplete="current-password"]').setValue(password)
}

async function signIn(w: VueWrapper, username = 'truongthon.haitan', password = 'dung-mat-khau'): Promise<void> {
  await fillIn(w, username, password)
  await w.find('form').trigger('submit')
  await flushPromises()
}

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
})

describe('the sign-in screen', () => {
  it('is shown when nobody is signed in, labelled in Vietnamese and ready for password managers', async () => {
    const server = fakeServer(signedOut)
    const w = mount(App)
    await flushPromises()
    expect(w.find('h1').text()).toBe('Đăng nhập')
    const label = (text: string) => w.findAll('label').find((l) => l.text() === text)!
    const user = w.find(`#${label('Tên đăng nhập').attributes('for')}`)
    const password = w.find(`#${label('Mật khẩu').attributes('for')}`)
    expect(user.attributes()).toMatchObject({ autocomplete: 'username', autocapitalize: 'none', inputmode: 'text', type: 'text' })
    expect(password.attributes()).toMatchObject({ autocomplete: 'current-password', type: 'password' })
    expect(w.find('button[type="submit"]').text()).toBe('Đăng nhập')
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(w.find('header').text()).not.toContain('Đăng xuất')
    expect(server.calls('GET /api/communes')).toBe(0)
    expect(document.title).toContain('Đăng nhập')
  })

  it('signs in with this device’s id and shows the plan', async () => {
    const server = fakeServer({ ...signedOut, 'POST /api/auth/login': signedInAs(reporter), ...oneCommune })
    const w = mount(App)
    await flushPromises()
    await signIn(w, '  truongthon.haitan ', 'dung-mat-khau')
    const [sent] = server.sent('POST /api/auth/login') as { username: string; password: string; deviceId: string }[]
    expect(sent).toMatchObject({ username: 'truongthon.haitan', password: 'dung-mat-khau' })
    expect(sent!.deviceId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(localStorage.getItem(DEVICE_ID_KEY)).toBe(sent!.deviceId)
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect(w.find('header').text()).toContain('Nguyễn Văn Hùng')
    expect(w.find('header').text()).toContain('Trưởng thôn')
    expect(w.find('form').exists()).toBe(false)
  })

  it('shows the server’s message for a wrong password and stays usable', async () => {
    const server = fakeServer({
      ...signedOut,
      'POST /api/auth/login': json(401, { code: 'invalid_credentials', message: 'Sai tên đăng nhập hoặc mật khẩu' }),
      ...oneCommune,
    })
    const w = mount(App)
    await flushPromises()
    await signIn(w, 'truongthon.haitan', 'sai-mat-khau')
    expect(w.find('[role="alert"]').text()).toBe('Sai tên đăng nhập hoặc mật khẩu')
    // A wrong password is not a lost session: the form stays, filled in, and can be sent again.
    expect(w.find('form').exists()).toBe(true)
    const button = w.find('button[type="submit"]')
    expect(button.attributes('disabled')).toBeUndefined()
    expect((w.find('input[autocomplete="username"]').element as HTMLInputElement).value).toBe('truongthon.haitan')
    server.answer('POST /api/auth/login', signedInAs(reporter))
    await w.find('input[autocomplete="current-password"]').setValue('dung-mat-khau')
    await w.find('form').trigger('submit')
    await flushPromises()
    expect(server.calls('POST /api/auth/login')).toBe(2)
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
  })

  it('shows the server’s message after too many attempts', async () => {
    const message = 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.'
    fakeServer({ ...signedOut, 'POST /api/auth/login': json(429, { code: 'too_many_attempts', message }) })
    const w = mount(App)
    await flushPromises()
    await signIn(w)
    expect(w.find('[role="alert"]').text()).toBe(message)
  })

  it('says the server cannot be reached rather than showing the exception', async () => {
    fakeServer({ ...signedOut, 'POST /api/auth/login': () => Promise.reject(new TypeError('Failed to fetch')) })
    const w = mount(App)
    await flushPromises()
    await signIn(w)
    expect(w.find('[role="alert"]').text()).toContain('Không kết nối được máy chủ')
    expect(w.text()).not.toContain('Failed to fetch')
  })

  it('disables the button while signing in', async () => {
    let answer: () => void = () => {}
    const login = signedInAs(reporter) as (body: unknown) => Response
    fakeServer({ ...signedOut, 'POST /api/auth/login': (body) => new Promise<Response>((resolve) => (answer = () => resolve(login(body)))), ...oneCommune })
    const w = mount(App)
    await flushPromises()
    await signIn(w)
    const button = w.find('button[type="submit"]')
    expect(button.attributes('disabled')).toBeDefined()
    expect(button.text()).toBe('Đang đăng nhập…')
    answer()
    await flushPromises()
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
  })

  it('asks for what is missing without calling the server', async () => {
    const server = fakeServer(signedOut)
    const w = mount(App)
    await flushPromises()
    await signIn(w, ' ', 'x')
    expect(w.find('[role="alert"]').text()).toBe('Vui lòng nhập tên đăng nhập.')
    await signIn(w, 'truongthon.haitan', '')
    expect(w.find('[role="alert"]').text()).toBe('Vui lòng nhập mật khẩu.')
    expect(server.calls('POST /api/auth/login')).toBe(0)
  })
})

describe('the session', () => {
  it('signs out on the server and returns to the sign-in screen', async () => {
    history.replaceState(null, '', '/#/xa/pho-an')
    const server = fakeServer({
      'GET /api/auth/me': json(200, officer),
      'POST /api/auth/logout': json(200, { ok: true }),
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/pho-an/plan': json(200, planOf(2023)),
    })
    const w = mount(App)
    await flushPromises()
    await w.find('header button').trigger('click')
    await flushPromises()
    expect(server.calls('POST /api/auth/logout')).toBe(1)
    expect(w.find('form').exists()).toBe(true)
    expect(w.find('[role="status"]').text()).toBe('Bạn đã đăng xuất.')
    expect(w.find('header').text()).not.toContain('Trần Thị Lan')
    expect(location.hash).toBe('') // the next user starts from their own communes
  })

  it('stays signed in, and says why, when signing out cannot reach the server', async () => {
    fakeServer({
      'GET /api/auth/me': json(200, officer),
      'POST /api/auth/logout': () => Promise.reject(new TypeError('Failed to fetch')),
      'GET /api/communes': json(200, [summary, otherSummary]),
    })
    const w = mount(App)
    await flushPromises()
    await w.find('header button').trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Chưa đăng xuất được')
    expect(w.find('header').text()).toContain('Trần Thị Lan')
  })

  it('returns to sign-in with the expiry message when a later request gets 401, then back to the same plan', async () => {
    const server = fakeServer({
      'GET /api/auth/me': json(200, officer),
      'POST /api/auth/login': signedInAs(officer),
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/pho-thuan/plan': json(401, UNAUTHORIZED),
    })
    const w = mount(App)
    await flushPromises()
    expect(w.find('a.commune').exists()).toBe(true)
    window.location.hash = '#/xa/pho-thuan'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(w.find('form').exists()).toBe(true)
    expect(w.find('[role="status"]').text()).toBe('Phiên đăng nhập đã hết hạn, vui lòng đăng nhập lại.')
    expect(w.find('header').text()).not.toContain('Đăng xuất')
    server.answer('GET /api/communes/pho-thuan/plan', json(200, planOf(2023)))
    await signIn(w, officer.username)
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
  })

  it('offers a retry when the server cannot say who is signed in', async () => {
    const server = fakeServer({ 'GET /api/auth/me': () => Promise.reject(new TypeError('Failed to fetch')), ...oneCommune })
    const w = mount(App)
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Kiểm tra kết nối mạng')
    server.answer('GET /api/auth/me', json(200, officer))
    await w.find('[role="alert"] button').trigger('click')
    await flushPromises()
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
  })
})
