import 'fake-indexeddb/auto'
// Issue 14, items 1 and 6, in the whole app with its own IndexedDB: where each role lands after
// signing in, no card for a (unit, period) with nothing to report, the entry screen's sticky bar
// (empty figures, jump list of fields, what a submit did, said where the user tapped), the notice
// when the browser refuses persistent storage, and a backup with nothing waiting.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Me } from '../../../src/client/api'
import { saveValue } from '../../../src/client/local/edits'
import { inbox } from '../../../src/client/local/queries'
import { keepDataMessages } from '../../../src/client/components/backup/messages'
import type { MessageBundle } from '../../../src/client/modules/i18n'
import { fakeServer, json } from '../fakeServer'
import { C, closePhones, mountApp, phone, reporter, settle, until, withLiveServer, type Mounted } from './harness'

const officer: Me = { ...reporter, username: 'canbo', displayName: 'Trần Thị Bình', role: 'officer', units: [] }
const leader: Me = { ...reporter, username: 'chutich', displayName: 'Lê Văn Cường', role: 'leader', units: [] }

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  localStorage.clear()
  document.body.innerHTML = ''
  await closePhones()
})

async function signedInAt(me: Me, path = '/'): Promise<Mounted> {
  fakeServer({ 'GET /api/auth/me': json(200, me) })
  const p = await phone(me)
  return mountApp({ db: p.db, path })
}

describe('the landing by role', () => {
  it('opens the workspace for an officer and a leader, the inbox for a reporter', async () => {
    const o = await signedInAt(officer)
    expect(o.router.currentRoute.value.fullPath).toBe(`/quan-ly/${C}/tong-hop`)
    o.w.unmount()
    await closePhones()
    const l = await signedInAt(leader)
    expect(l.router.currentRoute.value.fullPath).toBe(`/quan-ly/${C}/tong-hop`)
    l.w.unmount()
    await closePhones()
    const r = await signedInAt(reporter)
    expect(r.router.currentRoute.value.name).toBe('inbox')
  })

  it('still lets an officer open the inbox from inside the app (the menu’s link)', async () => {
    const o = await signedInAt(officer)
    await o.router.push('/')
    await settle()
    expect(o.router.currentRoute.value.name).toBe('inbox')
  })

  it('after signing in, sends an officer to the workspace, and back to the screen asked for when there was one', async () => {
    fakeServer({ 'GET /api/auth/me': json(401, { code: 'unauthorized', message: 'Chưa đăng nhập' }), 'POST /api/auth/login': json(200, { user: officer }) })
    const m = await mountApp({ path: '/dang-nhap' })
    expect(m.router.currentRoute.value.name).toBe('login')
    await m.router.replace('/') // as App.vue does once signed in (nextPath: '/')
    // Signed out still: the guard sends to the sign-in screen; signed in, the same '/' lands on the workspace.
    m.w.unmount()
    const o = await signedInAt(officer, '/dang-nhap')
    expect(o.router.currentRoute.value.fullPath).toBe(`/quan-ly/${C}/tong-hop`)
    await o.router.push(`/nhap/T1/2024-Q1`)
    expect(o.router.currentRoute.value.name).toBe('entry')
  })
})

describe('the inbox', () => {
  it('shows no card for a period with nothing to report (no plan of its year: “0/0 chỉ tiêu”)', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    const q1 = (await p.db.periods.toArray()).find((x) => x.code === '2024-Q1')!
    await p.db.periods.put({ ...q1, code: '2023-Q4', year: 2023, from: '2023-10-01', to: '2023-12-31', deadline: '2024-01-05' })
    const cards = await inbox(p.db, C)
    expect(cards.map((c) => c.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024-Y'])
    expect(cards.every((c) => c.total > 0)).toBe(true)
    const m = await mountApp({ db: p.db })
    await until(() => expect(m.w.findAll('a.card')).toHaveLength(5))
    expect(m.w.findAll('a.card').map((a) => a.text()).join(' ')).not.toMatch(/\b0\/0 chỉ tiêu/)
  })
})

// ---------------------------------------------------------------------------
// The entry screen's bar

const num = (value: number) => ({ kind: 'number' as const, value })

async function openEntry(): Promise<Mounted & { p: Awaited<ReturnType<typeof phone>> }> {
  fakeServer({ 'GET /api/auth/me': json(200, reporter) })
  const p = await phone()
  const m = await mountApp({ db: p.db, path: '/nhap/T1/2024-Q1' })
  await until(() => expect(m.w.find('#entry-title').exists()).toBe(true))
  await until(() => expect(m.w.find('.entry__bar').exists()).toBe(true)) // its own chunk, right after the screen
  return { ...m, p }
}

async function type(m: Mounted, id: string, text: string): Promise<void> {
  const input = m.w.find(`#${id}`)
  await input.trigger('focus')
  await input.setValue(text)
  await input.trigger('blur')
}

async function submit(m: Mounted): Promise<void> {
  await m.w.find('.entry__bar .entry__submit button').trigger('click')
  const dialog = m.w.findAll('dialog').find((d) => d.text().includes('Gửi báo cáo'))!
  await dialog.findAll('button').find((b) => b.text() === 'Gửi báo cáo' || b.text() === 'Vẫn gửi báo cáo')!.trigger('click')
}

describe('the entry screen’s bar', () => {
  it('counts the empty figures, jumps to the first one, and lists the fields with theirs', async () => {
    const m = await openEntry()
    const bar = m.w.find('.entry__bar')
    expect(bar.attributes('role')).toBe('region')
    expect(bar.attributes('aria-label')).toBe('Gửi báo cáo')
    expect(bar.find('.entry__submit button').text()).toBe('Gửi báo cáo')
    expect(bar.find('.entry__empty').text()).toBe('Còn 4 ô trống')
    await type(m, 'ind-LUA_DT-value', '100')
    await until(() => expect(m.w.find('.entry__empty').text()).toBe('Còn 3 ô trống'))

    // The jump list: every field, with its count of empty figures.
    const links = m.w.findAll('.jump__panel a')
    expect(links.map((a) => a.attributes('href'))).toEqual(['#field-KT', '#field-AN'])
    expect(links.map((a) => a.text())).toEqual(['Kinh tế2 trống', 'Quốc phòng, an ninh1 trống'])
    const scrolled = vi.fn()
    const heading = m.w.find('#field-AN').element as HTMLElement
    heading.scrollIntoView = scrolled
    await links[1]!.trigger('click')
    expect(scrolled).toHaveBeenCalled()
    expect(document.activeElement).toBe(heading)
    expect(m.router.currentRoute.value.hash).toBe('') // the address does not move (no scroll to the top)

    // "Còn 3 ô trống" takes the cursor to the first empty figure.
    const first = m.w.find('#ind-LUA_SL').element as HTMLElement
    first.scrollIntoView = vi.fn()
    await m.w.find('button.entry__empty').trigger('click')
    expect(document.activeElement).toBe(m.w.find('#ind-LUA_SL-value').element)
  })

  it('says “đã gửi” once the server has the report', async () => {
    const m = await openEntry()
    await type(m, 'ind-LUA_DT-value', '100')
    await until(() => expect(m.w.find('.entry__empty').text()).toBe('Còn 3 ô trống'))
    await submit(m)
    const said = () => m.w.find('.entry__bar [role="status"]').text()
    await until(() => expect(said()).toBe('Đã lưu báo cáo trên máy, chờ gửi.'))
    // The submit bar goes (the report is read-only now); what happened stays in the bar.
    expect(m.w.find('.entry__submit').exists()).toBe(false)
    await m.p.sync()
    await until(() => expect(said()).toBe('Đã gửi báo cáo lên máy chủ.'))
  })

  it('says “sẽ gửi khi có mạng” when offline', async () => {
    const m = await openEntry()
    window.dispatchEvent(new Event('offline'))
    await type(m, 'ind-LUA_DT-value', '100')
    await until(() => expect(m.w.find('.entry__empty').text()).toBe('Còn 3 ô trống'))
    await submit(m)
    await until(() => expect(m.w.find('.entry__bar [role="status"]').text()).toBe('Không có mạng: báo cáo đã lưu trên máy, sẽ gửi khi có mạng.'))
    expect(await m.p.db.outbox.count()).toBe(2)
    window.dispatchEvent(new Event('online'))
  })

  it('shows “đã nhập đủ” when nothing is empty, and keeps the jump list on a read-only report', async () => {
    const m = await openEntry()
    for (const [indicator, value] of [['LUA_DT', num(100)], ['LUA_SL', num(650)]] as const) await saveValue({ db: m.p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator, value })
    await saveValue({ db: m.p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 9, denominator: 10 } })
    await saveValue({ db: m.p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'ANTT', value: { kind: 'yes_no', achieved: true } })
    await until(() => expect(m.w.find('.entry__empty').text()).toBe('Đã nhập đủ 4 ô'))
    expect(m.w.findAll('.jump__count--done')).toHaveLength(2)
  })
})

// ---------------------------------------------------------------------------
// Keeping the data

function stubStorage(persist: boolean): { persist: ReturnType<typeof vi.fn> } {
  const storage = {
    persist: vi.fn(async () => persist),
    persisted: vi.fn(async () => false),
    estimate: vi.fn(async () => ({ usage: 1_000_000, quota: 1_000_000_000 })),
  }
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true })
  return storage
}

describe('persistent storage', () => {
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'storage')
  })

  it('says what to do when the browser refuses it, until the user has read it', async () => {
    stubStorage(false)
    const m = await signedInAt(reporter)
    await until(() => expect(m.w.find('.storage--persist').exists()).toBe(true))
    const notice = m.w.find('.storage--persist')
    expect(notice.attributes('role')).toBe('status')
    expect(notice.text()).toContain('Trình duyệt chưa cho giữ dữ liệu của ứng dụng lâu dài')
    expect(notice.text()).toContain('Cài ứng dụng lên màn hình chính')
    expect(notice.text()).toContain('sao lưu các thay đổi chưa gửi')
    expect(notice.findAll('button').map((b) => b.text())).toEqual(['Sao lưu thay đổi chưa gửi', 'Đã hiểu'])
    await notice.findAll('button')[1]!.trigger('click')
    expect(m.w.find('.storage--persist').exists()).toBe(false)
    m.w.unmount()
    await closePhones()
    const again = await signedInAt(reporter)
    await settle()
    expect(again.w.find('.storage--persist').exists()).toBe(false)
  })

  it('says nothing when the browser keeps the data, nor to a leader who types nothing', async () => {
    stubStorage(true)
    const m = await signedInAt(reporter)
    await settle()
    expect(m.w.find('.storage--persist').exists()).toBe(false)
    m.w.unmount()
    await closePhones()
    const storage = stubStorage(false)
    const l = await signedInAt(leader, `/ke-hoach`)
    await settle()
    expect(l.w.find('.storage--persist').exists()).toBe(false)
    expect(storage.persist).not.toHaveBeenCalled()
  })
})

describe('the backup', () => {
  it('writes no empty file when nothing is waiting, and says so', async () => {
    const share = vi.fn()
    const createObjectURL = vi.fn(() => 'blob:x')
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL }))
    Object.defineProperty(navigator, 'share', { value: share, configurable: true })
    const m = await signedInAt(reporter)
    await until(() => expect(m.w.find('.account__toggle').exists()).toBe(true))
    await m.w.find('.account__toggle').trigger('click')
    const button = m.w.findAll('.account__panel button').find((b) => b.text() === 'Sao lưu thay đổi chưa gửi')!
    await button.trigger('click')
    await until(() => expect(m.w.find('.backup__result').text()).toBe('Không có thay đổi nào chờ gửi, không cần sao lưu.'))
    expect(m.w.find('.backup__result').attributes('role')).toBe('status')
    expect(share).not.toHaveBeenCalled()
    expect(createObjectURL).not.toHaveBeenCalled()
    Reflect.deleteProperty(navigator, 'share')
  })
})

describe('the message bundles of these screens', () => {
  const leaves = (tree: Record<string, unknown>, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v as Record<string, unknown>, `${prefix}${k}.`)))
  it.each([
    ['keepData', keepDataMessages],
  ] as [string, MessageBundle][])('%s has every Vietnamese message in English, with the same placeholders', (_name, bundle) => {
    const en = new Map(leaves(bundle.en))
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort()
    for (const [key, vi] of leaves(bundle.vi)) {
      expect(en.get(key), key).toBeTypeOf('string')
      expect(names(en.get(key)!), key).toEqual(names(vi))
    }
    expect(leaves(bundle.en).length).toBe(leaves(bundle.vi).length)
  })
})
