import 'fake-indexeddb/auto'
// The sync status in the app bar and the scheduler the session starts: waiting count, last
// successful sync, offline, and an edit going out when sync runs (as Background Sync asks). What the
// first screen does not need waits until it is shown (AppServices.later).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useSyncStore } from '../../../src/client/stores/sync'
import { fakeServer, json } from '../fakeServer'
import { closePhones, mountApp, phone, reporter, settle, until, withLiveServer } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

describe('sync', () => {
  it('starts for the signed-in commune, shows what waits, and sends an edit when asked to sync', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    const m = await mountApp({ db: p.db, path: '/nhap/T1/2024-Q1', sync: true, transport: p.wire })
    const sync = useSyncStore(m.pinia)
    try {
      await until(() => expect(m.w.find('.sync').text()).toContain('Đồng bộ lúc'))
      await until(() => expect(m.w.find('#ind-LUA_DT-value').exists()).toBe(true))
      expect(m.w.find('.sync').text()).not.toContain('chờ gửi')

      // Offline: the edit is saved and counted as waiting.
      p.wire.pushFaults.push('network')
      const input = m.w.find('#ind-LUA_DT-value')
      await input.setValue('12,5')
      await input.trigger('blur')
      await until(() => expect(m.w.find('.sync').text()).toContain('1 chờ gửi'))
      await sync.syncNow()
      await until(() => expect(m.w.find('.sync').text()).toContain('Không có mạng'))
      expect(await p.server.cell('T1', '2024-Q1', 'LUA_DT')).toBeUndefined()

      // Back online, Background Sync (or the user) asks: the edit goes out once.
      await sync.syncNow()
      await until(() => expect(m.w.find('.sync').text()).not.toContain('chờ gửi'))
      expect((await p.server.cell('T1', '2024-Q1', 'LUA_DT'))?.value).toEqual({ kind: 'number', value: 12.5 })
      await until(() => expect(m.w.find('.sync').text()).not.toContain('Không có mạng'))
      await until(() => expect(m.w.find('#ind-LUA_DT .ind__status').text()).toContain('Đã gửi lên máy chủ'))
    } finally {
      sync.stop()
      await settle()
    }
  })

  it('waits for the first screen: the entry screen works before the session is checked, sync runs or the menu loads', async () => {
    const server = fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    let release = (): void => undefined
    const gate = new Promise<void>((resolve) => (release = resolve))
    const pulls = vi.spyOn(p.wire, 'pull')
    const m = await mountApp({ db: p.db, path: '/nhap/T1/2024-Q1', sync: true, transport: p.wire, later: () => gate })
    const sync = useSyncStore(m.pinia)
    try {
      await until(() => expect(m.w.find('#ind-LUA_DT-value').exists()).toBe(true))
      await settle()
      expect(server.fetch).not.toHaveBeenCalled()
      expect(pulls).not.toHaveBeenCalled()
      expect(m.w.find('.account').exists()).toBe(false)
      // A figure typed meanwhile is saved on the phone; it goes out once sync starts.
      const input = m.w.find('#ind-LUA_DT-value')
      await input.setValue('12,5')
      await input.trigger('blur')
      await until(() => expect(m.w.find('#ind-LUA_DT .ind__status').text()).toContain('Đã lưu trên máy'))

      release()
      await until(() => expect(server.calls('GET /api/auth/me')).toBe(1))
      await until(() => expect(m.w.find('.account').exists()).toBe(true))
      await until(() => expect(pulls).toHaveBeenCalled())
      await sync.syncNow()
      await vi.waitFor(async () => expect((await p.server.cell('T1', '2024-Q1', 'LUA_DT'))?.value).toEqual({ kind: 'number', value: 12.5 }), { timeout: 10_000, interval: 50 })
    } finally {
      sync.stop()
      await settle()
    }
  })
})
