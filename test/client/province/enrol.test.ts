import 'fake-indexeddb/auto'
// The enrolment page a sign-in slip's QR code opens (/kich-hoat/:token), in the whole app: whose
// account it is, a 6-digit PIN typed twice, then signed in on this phone with its device id and
// sent home; clear words for a link expired, used or unknown; and it works when someone else is
// signed in on the phone (the link signs its owner in).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../../src/client/api'
import { currentUser, saveSession, type OutboxEntry } from '../../../src/client/local/db'
import { useSessionStore } from '../../../src/client/stores/session'
import type { EnrolmentInfo } from '../../../src/shared/api'
import { fakeServer, json, UNAUTHORIZED } from '../fakeServer'
import { mountApp, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'

const TOKEN = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF'
const PATH = `/api/enrolments/${TOKEN}`
const INFO: EnrolmentInfo = {
  username: 'pho-thuan.t1',
  displayName: 'Nguyễn Văn An',
  role: 'reporter',
  commune: { code: 'pho-thuan', name: 'Phổ Thuận' },
  province: { code: 'quang-ngai', name: 'Quảng Ngãi' },
  purpose: 'enrol',
  expiresAt: '2030-01-08T00:00:00.000Z',
}
const HEAD: Me = {
  username: 'pho-thuan.t1',
  displayName: 'Nguyễn Văn An',
  role: 'reporter',
  deviceId: 'placeholder-id',
  commune: { code: 'pho-thuan', name: 'Phổ Thuận' },
  province: { code: 'quang-ngai', name: 'Quảng Ngãi' },
  units: [{ code: 'T1', name: 'Thôn Hải Tân', kind: 'thon' }],
}
const OTHER: Me = { ...HEAD, username: 'pho-thuan.t2', displayName: 'Lê Thị Bé', units: [{ code: 'T2', name: 'Thôn Vĩnh Xuyên', kind: 'thon' }] }
const refusal = (status: number, code: string) => json(status, { code, message: `máy chủ: ${code}` })
/** The server signs the link's owner in on the device the page named, as /api/auth/login does. */
const enrolled = (body: unknown) => json(200, { expiresAt: '2030-07-01T00:00:00.000Z', me: { ...HEAD, deviceId: (body as { deviceId: string }).deviceId } })

async function open(answers: Parameters<typeof fakeServer>[0], signedIn: Me | null = null): Promise<{ m: Mounted; server: ReturnType<typeof fakeServer> }> {
  const server = fakeServer({ 'GET /api/auth/me': signedIn ? json(200, signedIn) : json(401, UNAUTHORIZED), ...answers })
  const db = freshDb('enrol')
  if (signedIn) await saveSession(db, signedIn)
  const m = await mountApp({ db, path: `/kich-hoat/${TOKEN}` })
  return { m, server }
}

async function typePins(m: Mounted, pin: string, again = pin): Promise<void> {
  await m.w.find('[data-test="pin"]').setValue(pin)
  await m.w.find('[data-test="pin-again"]').setValue(again)
  await m.w.find('[data-test="enrol-submit"]').trigger('click')
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the enrolment page', () => {
  it('greets the link’s owner, takes a 6-digit PIN twice, signs in with this device’s id and goes home', async () => {
    const { m, server } = await open({ [`GET ${PATH}`]: json(200, INFO), [`POST ${PATH}`]: enrolled })
    await until(() => expect(m.w.text()).toContain('Xin chào Nguyễn Văn An,'))
    expect(m.w.text()).toContain('tài khoản pho-thuan.t1 của Phổ Thuận.')
    expect(m.w.find('[data-test="pin"]').attributes('inputmode')).toBe('numeric')
    expect(m.w.find('label[for="' + m.w.find('[data-test="pin"]').attributes('id') + '"]').text()).toBe('Mã PIN (6 chữ số)')

    await typePins(m, '12345')
    expect(m.w.find('[role="alert"]').text()).toBe('Mã PIN gồm đúng 6 chữ số.')
    await typePins(m, '123456', '123465')
    expect(m.w.find('[role="alert"]').text()).toBe('Hai lần nhập chưa giống nhau.')
    expect(server.sent(`POST ${PATH}`)).toHaveLength(0)

    await typePins(m, '246810')
    await until(() => expect(server.sent(`POST ${PATH}`)).toHaveLength(1))
    const body = server.sent(`POST ${PATH}`)[0] as { password: string; deviceId: string }
    expect(body.password).toBe('246810')
    expect(body.deviceId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    const session = useSessionStore(m.pinia)
    await until(() => expect(session.me?.username).toBe('pho-thuan.t1'))
    expect(session.me?.deviceId).toBe(body.deviceId)
    await until(() => expect(m.router.currentRoute.value.name).toBe('inbox'))
    expect((await currentUser(m.db))?.username).toBe('pho-thuan.t1')
    // The account menu (a lazy chunk) shows the new account: the app is signed in.
    await until(() => expect(m.w.find('.account__toggle').exists()).toBe(true))
  })

  it('says an expired link cannot be used and what to do, with no form', async () => {
    const { m } = await open({ [`GET ${PATH}`]: refusal(410, 'enrolment_expired') })
    await until(() => expect(m.w.find('[role="alert"]').text()).toBe('Liên kết đã hết hạn — hãy xin cán bộ xã in phiếu mới.'))
    expect(m.w.find('[data-test="pin"]').exists()).toBe(false)
  })

  it('says a used link cannot be used again, also when it is used in between', async () => {
    const first = await open({ [`GET ${PATH}`]: refusal(410, 'enrolment_used') })
    await until(() => expect(first.m.w.find('[role="alert"]').text()).toBe('Liên kết đã được sử dụng — hãy xin cán bộ xã in phiếu mới.'))
    first.m.w.unmount()
    vi.unstubAllGlobals()

    const { m } = await open({ [`GET ${PATH}`]: json(200, INFO), [`POST ${PATH}`]: () => refusal(410, 'enrolment_used') })
    await until(() => expect(m.w.find('[data-test="pin"]').exists()).toBe(true))
    await typePins(m, '246810')
    await until(() => expect(m.w.find('[role="alert"]').text()).toBe('Liên kết đã được sử dụng — hãy xin cán bộ xã in phiếu mới.'))
    expect(useSessionStore(m.pinia).status).toBe('signed-out')
  })

  it('says an unknown link is wrong, and a replaced one that a newer slip exists', async () => {
    const first = await open({ [`GET ${PATH}`]: refusal(404, 'enrolment_not_found') })
    await until(() => expect(first.m.w.find('[role="alert"]').text()).toBe('Liên kết không đúng hoặc tài khoản đã bị khóa — hãy xin cán bộ xã in phiếu mới.'))
    first.m.w.unmount()
    vi.unstubAllGlobals()

    const { m } = await open({ [`GET ${PATH}`]: refusal(410, 'enrolment_replaced') })
    await until(() => expect(m.w.find('[role="alert"]').text()).toBe('Liên kết này đã được thay bằng phiếu mới — hãy dùng phiếu mới nhất.'))
  })

  it('stays open when someone else is signed in on the phone, and signs the link’s owner in instead', async () => {
    const { m, server } = await open({ [`GET ${PATH}`]: json(200, INFO), [`POST ${PATH}`]: enrolled }, OTHER)
    await until(() => expect(m.w.text()).toContain('Máy này đang đăng nhập tài khoản pho-thuan.t2.'))
    expect(m.router.currentRoute.value.name).toBe('enrol')
    await typePins(m, '135790')
    await until(() => expect(server.sent(`POST ${PATH}`)).toHaveLength(1))
    await until(() => expect(useSessionStore(m.pinia).me?.username).toBe('pho-thuan.t1'))
    await until(() => expect(m.router.currentRoute.value.name).toBe('inbox'))
    await until(() => expect(m.w.find('.account__toggle').exists()).toBe(true))
  })

  it('warns that the other account still has changes not sent', async () => {
    const server = fakeServer({ 'GET /api/auth/me': json(200, OTHER), [`GET ${PATH}`]: json(200, INFO) })
    const db = freshDb('enrol-unsent')
    await saveSession(db, OTHER)
    await db.outbox.add({
      mutationId: 'm-0001',
      commune: 'pho-thuan',
      unit: 'T2',
      period: '2024-Q2',
      indicator: 'LUA_DT',
      mutation: {} as OutboxEntry['mutation'],
      state: 'pending',
      conflict: null,
      rejection: null,
      createdAt: '2024-05-01T00:00:00.000Z',
      attempts: 0,
    } as Omit<OutboxEntry, 'seq'> as OutboxEntry)
    const m = await mountApp({ db, path: `/kich-hoat/${TOKEN}` })
    await until(() => expect(m.w.find('[role="alert"]').text()).toContain('Tài khoản pho-thuan.t2 còn 1 thay đổi chưa gửi lên máy chủ.'))
    expect(m.w.find('[data-test="enrol-submit"]').exists()).toBe(true)
    expect(server.calls(`GET ${PATH}`)).toBe(1)
  })

  it('asks an officer for a password of at least 6 characters instead of a PIN', async () => {
    const { m, server } = await open({ [`GET ${PATH}`]: json(200, { ...INFO, role: 'officer', username: 'canbo.pho-thuan' }) })
    await until(() => expect(m.w.find('[data-test="pin"]').exists()).toBe(true))
    expect(m.w.find('[data-test="pin"]').attributes('inputmode')).toBe('text')
    await typePins(m, 'abc')
    expect(m.w.find('[role="alert"]').text()).toBe('Mật khẩu cần ít nhất 6 ký tự.')
    expect(server.sent(`POST ${PATH}`)).toHaveLength(0)
  })
})
