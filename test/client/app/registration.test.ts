import 'fake-indexeddb/auto'
// The village head's "Đăng ký thi đua" screen: reached from the menu, offered the titles of the
// unit's kind, a refusal said before anything is queued (a person twice, the deadline), a submit
// queued in the outbox and sent by sync, the officer's return shown with its reason.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeServer, json } from '../fakeServer'
import { submitRegistration } from '../../../src/client/registration/local'
import { closePhones, mountApp, phone, reporter, until, withLiveServer } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

describe('the registration screen', () => {
  it('registers a village’s titles offline, refuses a person twice, sends it, and shows a return', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    const m = await mountApp({ db: p.db, path: '/' })
    await until(() => expect(m.w.find('.account__toggle').exists()).toBe(true))
    await m.w.find('.account__toggle').trigger('click')
    const link = m.w.findAll('a').find((a) => a.text() === 'Đăng ký thi đua')
    expect(link?.attributes('href')).toBe('/dang-ky-thi-dua')
    await m.router.push('/dang-ky-thi-dua/2024')
    await until(() => expect(m.w.find('.registration__state').exists()).toBe(true))
    expect(m.w.find('h1').text()).toContain('Đăng ký thi đua · Năm 2024')
    expect(m.w.text()).toContain('chưa đăng ký')

    // A village is offered its collective title, not the agencies' one.
    const checks = m.w.findAll('.registration__check')
    expect(checks.map((c) => c.text())).toEqual(['Thôn, tổ dân phố văn hóa'])
    await checks[0]!.find('input').setValue(true)

    const add = () => m.w.findAll('button').find((b) => b.text() === 'Thêm người đăng ký')!.trigger('click')
    await add()
    await add()
    const people = () => m.w.findAll('.registration__person')
    await until(() => expect(people()).toHaveLength(2))
    for (const row of people()) await row.find('input').setValue('Nguyễn Văn An')
    await m.w.find('textarea').setValue('Giữ vững thôn văn hóa')
    const submit = () => m.w.findAll('button').find((b) => b.text() === 'Gửi đăng ký')!.trigger('click')
    await submit()
    await until(() => expect(m.w.find('[role="alert"]').text()).toContain('Nguyễn Văn An đã đăng ký danh hiệu “Lao động tiên tiến”'))
    expect(await p.db.outbox.count()).toBe(0)

    // The second person becomes a household registering "Gia đình văn hóa".
    await people()[1]!.find('input').setValue('Hộ ông Lê Văn Bình')
    await people()[1]!.find('select').setValue('GDVH')
    await submit()
    await until(() => expect(m.w.text()).toContain('Đang chờ gửi lên máy chủ.'))
    const [entry] = await p.db.outbox.toArray()
    expect(entry!.mutation).toMatchObject({
      kind: 'registration',
      unit: 'T1',
      year: 2024,
      action: 'submit',
      content: {
        collective: ['TDPVH'],
        people: [
          { name: 'Nguyễn Văn An', position: '', title: 'LDTT' },
          { name: 'Hộ ông Lê Văn Bình', position: '', title: 'GDVH' },
        ],
        pledges: 'Giữ vững thôn văn hóa',
      },
    })

    await p.sync()
    await until(() => expect(m.w.text()).toContain('Trạng thái: đã gửi'))
    expect(m.w.find('fieldset').attributes('disabled')).toBeDefined()

    await p.server.decideRegistration('T1', 2024, 'return', 'Thiếu chức vụ của người đăng ký')
    await p.sync()
    await until(() => expect(m.w.text()).toContain('Cán bộ xã trả lại: Thiếu chức vụ của người đăng ký'))
    expect(m.w.find('fieldset').attributes('disabled')).toBeUndefined()
  })

  it('says the registration is closed after the deadline, before queueing anything', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await p.db.registrationSettings.put({ commune: 'xa-thu', year: 2024, deadline: '2024-03-31', allowLate: false, allowLateUnits: [], version: 2 })
    const m = await mountApp({ db: p.db, path: '/dang-ky-thi-dua/2024' })
    await until(() => expect(m.w.find('.registration__state').exists()).toBe(true))
    expect(m.w.text()).toContain('Đã hết hạn đăng ký (31/03/2024)')
    await m.w.findAll('button').find((b) => b.text() === 'Gửi đăng ký')!.trigger('click')
    await until(() => expect(m.w.find('[role="alert"]').text()).toContain('Đã hết hạn đăng ký thi đua (hạn 31/03/2024)'))
    expect(await p.db.outbox.count()).toBe(0)
  })

  it('lists a refused registration in "Cần xử lý", named as such, with a way back to the registration screen', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await p.server.registrationSettings(2024, { deadline: '2024-01-31', allowLate: false, allowLateUnits: [] })
    await submitRegistration({ db: p.db }, { commune: 'xa-thu', unit: 'T1', year: 2024 }, { collective: ['TDPVH'], people: [], pledges: '' })
    await p.sync()
    const m = await mountApp({ db: p.db, path: '/can-xu-ly' })
    await until(() => expect(m.w.findAll('.item')).toHaveLength(1))
    const item = m.w.find('.item')
    expect(item.find('.item__where').text()).toBe('Thôn 1 · Đăng ký thi đua 2024')
    expect(item.text()).toContain('Đã hết hạn đăng ký thi đua (hạn 31/01/2024)')
    expect(item.find('a.button-link').attributes('href')).toBe('/dang-ky-thi-dua/2024?unit=T1')
  })
})
