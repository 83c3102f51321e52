import 'fake-indexeddb/auto'
// "Cần xử lý" shows a quarantined change (the server failed on it alone, again and again) with its
// figure, unit, period and indicator; the badge counts it; it leaves only when the user sends it
// again or gives it up after a confirmation.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveValue } from '../../../src/client/local/edits'
import { ServerError, UpgradeRequiredError, type SyncTransport } from '../../../src/client/sync/api'
import { syncOnce } from '../../../src/client/sync/engine'
import { fakeServer, json } from '../fakeServer'
import { T0 } from '../local/testDb'
import { quarantineMessages } from '../../../src/client/components/sync/quarantineMessages'
import { C, closePhones, mountApp, phone, reporter, until, withLiveServer, type Phone } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

const num = (value: number) => ({ kind: 'number' as const, value })

/** The phone's wire to the real server, failing with a 500 (a proxy's, the server never sees it) on every push that holds one of `poison`. */
function poisoned(p: Phone, poison: ReadonlySet<string>): SyncTransport {
  return {
    push: (commune, body) => (body.mutations.some((m) => poison.has(m.mutationId)) ? Promise.reject(new ServerError(500)) : p.wire.push(commune, body)),
    pull: (commune, cursor, limit) => p.wire.pull(commune, cursor, limit),
  }
}

describe('quarantined changes', () => {
  it('are listed with their figure, counted by the badge, sent again or given up only after confirmation', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    const bad = await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(40), note: 'đo lại' })
    await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_SL', value: num(300) })
    const transport = poisoned(p, new Set([bad.mutationId]))
    const run = () => syncOnce({ db: p.db, transport, commune: C, clock: () => new Date(T0) })
    const unsent = async () => (await p.db.outbox.toArray()).filter((e) => e.state === 'pending' || e.state === 'sending').length
    for (let i = 0; i < 10 && (await unsent()) > 0; i++) await run()
    expect((await p.db.outbox.toArray()).map((e) => [e.indicator, e.state])).toEqual([['LUA_DT', 'quarantined']])
    expect((await p.server.cell('T1', '2024-Q1', 'LUA_SL'))?.value).toEqual(num(300))

    const m = await mountApp({ db: p.db, path: '/' })
    await until(() => expect(m.w.find('.sync__attention').text()).toContain('1 cần xử lý'))
    await m.w.find('.sync__attention').trigger('click')
    await until(() => expect(m.w.findAll('[data-testid="quarantined"]')).toHaveLength(1))
    const item = m.w.find('[data-testid="quarantined"]')
    expect(m.w.text()).toContain('Máy chủ gặp lỗi với các thay đổi này')
    expect(item.find('h3').text()).toBe('Diện tích lúa')
    expect(item.text()).toContain('Thôn 1 · Quý 1/2024')
    expect(item.text()).toContain('Thay đổi của bạn: 40 ha')
    expect(item.text()).toContain('Ghi chú: đo lại')

    // Sent again: pending, alone and first; the server still fails on it, so it comes back.
    await item.findAll('button').find((b) => b.text() === 'Gửi lại')!.trigger('click')
    await until(() => expect(m.w.text()).toContain('Sẽ gửi lại thay đổi này'))
    expect((await p.db.outbox.toArray()).map((e) => e.state)).toEqual(['pending'])
    expect(await run()).toMatchObject({ ok: false, sent: 1, quarantined: 1 })
    await until(() => expect(m.w.findAll('[data-testid="quarantined"]')).toHaveLength(1))

    // Given up: nothing leaves before the user confirms.
    await m.w.find('[data-testid="quarantined"]').findAll('button').find((b) => b.text() === 'Bỏ thay đổi này')!.trigger('click')
    const dialog = m.w.findAll('dialog').find((d) => d.text().includes('Bỏ thay đổi này?'))!
    expect(dialog.text()).toContain('40 ha')
    expect(dialog.text()).toContain('Thôn 1 · Quý 1/2024')
    expect(await p.db.outbox.count()).toBe(1)
    await dialog.findAll('button').find((b) => b.text() === 'Bỏ thay đổi')!.trigger('click')
    await until(() => expect(m.w.text()).toContain('Đã bỏ thay đổi'))
    expect(await p.db.outbox.count()).toBe(0)
    await until(() => expect(m.w.find('.sync__attention').exists()).toBe(false))
  })
})

describe('an app too old for the server (426)', () => {
  it('the sync badge says so in Vietnamese, with the changes still waiting, and offers the update', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(40) })
    const old: SyncTransport = {
      push: () => Promise.reject(new UpgradeRequiredError('Ứng dụng trên máy này đã cũ. Hãy cập nhật ứng dụng.')),
      pull: () => Promise.reject(new UpgradeRequiredError()),
    }
    expect(await syncOnce({ db: p.db, transport: old, commune: C, clock: () => new Date(T0) })).toMatchObject({ ok: false, error: { kind: 'upgrade_required' } })
    const m = await mountApp({ db: p.db, path: '/' })
    await until(() => expect(m.w.find('.sync__problem').text()).toContain('Hãy cập nhật ứng dụng'))
    expect(m.w.find('.sync').text()).toContain('1 chờ gửi')
    expect(m.w.find('.sync__update').text()).toBe('Cập nhật ứng dụng')
    expect(await p.db.outbox.count()).toBe(1)
  })
})

describe('the quarantine messages', () => {
  it('have every Vietnamese message in English too, with the same placeholders', () => {
    type Tree = { [k: string]: string | Tree }
    const leaves = (t: Tree, p = ''): [string, string][] => Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${p}${k}`, v] as [string, string]] : leaves(v, `${p}${k}.`)))
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const vi = leaves(quarantineMessages.vi as Tree)
    const en = new Map(leaves(quarantineMessages.en as Tree))
    expect(vi.length).toBeGreaterThan(0)
    expect(en.size).toBe(vi.length)
    for (const [key, text] of vi) expect(names(en.get(key) ?? ''), key).toEqual(names(text))
  })
})
