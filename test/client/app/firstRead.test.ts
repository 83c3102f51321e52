import 'fake-indexeddb/auto'
// The village head's first screens before Dexie is loaded (issue 18, first load): the app installed
// as main.ts installs it, on a phone's database, with the deferred work held back for good. The
// entry screen and the inbox show the stored figures from the bare IndexedDB; the first save loads
// Dexie, commits, and from then on the screen follows the database live.
import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import App from '../../../src/client/App.vue'
import { saveValue } from '../../../src/client/local/edits'
import { installApp, type Installed } from '../../../src/client/setup'
import { editDeps } from '../local/testDb'
import { fakeServer, json } from '../fakeServer'
import { C, closePhones, phone, reporter, until, withLiveServer, type Phone } from './harness'

withLiveServer()

let w: VueWrapper | undefined
let installed: Installed | undefined
afterEach(async () => {
  w?.unmount()
  w = undefined
  // The app's own connection, if Dexie was loaded: the phone's database is deleted next.
  installed?.local.ready?.close()
  installed = undefined
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

const num = (value: number) => ({ kind: 'number' as const, value })

/** Mounts the app on the phone's database by name (the lazy path); deferred work never starts. */
function mountLazy(p: Phone, path: string): Installed {
  const history = createMemoryHistory()
  history.replace(path)
  w = mount(App, {
    attachTo: document.body,
    global: {
      plugins: [{ install: (app) => void (installed = installApp(app, { sync: false, locale: 'vi', dbName: p.db.name, history, later: () => new Promise<void>(() => undefined) })) }],
    },
  })
  return installed!
}

const valueOf = (code: string): string => (w!.find(`#ind-${code}-value`).element as HTMLInputElement).value

describe('the first screens without Dexie', () => {
  it('shows the entry screen’s stored figures, loads Dexie with the first save, then follows the database', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await saveValue(editDeps(p.db), { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(120.5) })
    const app = mountLazy(p, '/nhap/T1/2024-Q1')
    await until(() => expect(w!.find('#ind-LUA_DT-value').exists()).toBe(true))
    expect(valueOf('LUA_DT')).toBe('120,5')
    // Shown, and Dexie still not loaded: nothing on the way to the screen asked for it.
    expect(app.local.ready).toBeUndefined()

    const input = w!.find('#ind-LUA_SL-value')
    await input.trigger('focus')
    await input.setValue('1.448,5')
    await input.trigger('blur')
    await until(() => expect(w!.find('#ind-LUA_SL .ind__status').text()).toContain('Đã lưu trên máy'))
    expect(app.local.ready).toBeDefined()
    expect((await p.db.cells.get([C, 'T1', '2024-Q1', 'LUA_SL']))?.local).toEqual({ value: num(1448.5) })
    expect(await p.db.outbox.count()).toBe(2)

    // Live from now on: a change committed elsewhere (another tab, a sync) reaches the screen.
    await saveValue(editDeps(p.db, 'other'), { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(130) })
    await until(() => expect(valueOf('LUA_DT')).toBe('130'))
  })

  it('shows the inbox’s cards without Dexie', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await saveValue(editDeps(p.db), { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(120.5) })
    const app = mountLazy(p, '/')
    await until(() => expect(w!.findAll('.card').length).toBeGreaterThan(0))
    expect(w!.text()).toContain('đã nhập 1/4 chỉ tiêu')
    expect(w!.text()).toContain('1 thay đổi chờ gửi')
    expect(app.local.ready).toBeUndefined()
  })

  it('opens any other screen once Dexie is loaded', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    const app = mountLazy(p, '/can-xu-ly')
    await until(() => expect(app.router.currentRoute.value.name).toBe('attention'))
    expect(app.local.ready).toBeDefined()
  })
})
