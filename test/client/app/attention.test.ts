import 'fake-indexeddb/auto'
// "Cần xử lý": conflicts with both values and who changed the server's, resolved either way;
// rejections with the reason, fixed or discarded on purpose. The sync badge links here.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveValue } from '../../../src/client/local/edits'
import { fakeServer, json } from '../fakeServer'
import { C, closePhones, mountApp, phone, reporter, until, withLiveServer } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

const num = (value: number) => ({ kind: 'number' as const, value })
const at = (indicator: string, period = '2024-Q1') => ({ commune: C, unit: 'T1', period, indicator })

/** Two cells edited on the phone while the officer changed them on the server. */
async function conflicted() {
  fakeServer({ 'GET /api/auth/me': json(200, reporter) })
  const p = await phone()
  await saveValue({ db: p.db }, { ...at('LUA_DT'), value: num(40), note: 'đo lại' })
  await saveValue({ db: p.db }, { ...at('LUA_SL'), value: num(300) })
  await p.server.write('T1', '2024-Q1', 'LUA_DT', num(50))
  await p.server.write('T1', '2024-Q1', 'LUA_SL', num(320))
  await p.sync()
  return p
}

describe('conflicts', () => {
  it('shows both values with who changed the server’s, and resolves each way', async () => {
    const p = await conflicted()
    const m = await mountApp({ db: p.db, path: '/' })
    await until(() => expect(m.w.find('.sync__attention').exists()).toBe(true))
    expect(m.w.find('.sync__attention').text()).toContain('2 cần xử lý')
    await m.w.find('.sync__attention').trigger('click')
    await until(() => expect(m.w.findAll('.item')).toHaveLength(2))
    const [area, output] = m.w.findAll('.item')
    expect(area!.find('h2').text()).toBe('Diện tích lúa')
    expect(area!.text()).toContain('Thôn 1 · Quý 1/2024')
    const [mine, theirs] = area!.findAll('.both__side')
    expect(mine!.text()).toContain('Số của bạn')
    expect(mine!.text()).toContain('40 ha')
    expect(mine!.text()).toContain('đo lại')
    expect(theirs!.text()).toContain('Số trên máy chủ')
    expect(theirs!.text()).toContain('50 ha')
    expect(theirs!.text()).toContain('Cán bộ xã sửa lúc')

    await area!.findAll('button').find((b) => b.text() === 'Giữ số của tôi')!.trigger('click')
    await until(() => expect(m.w.findAll('.item')).toHaveLength(1))
    const kept = (await p.db.outbox.toArray()).find((e) => e.indicator === 'LUA_DT')!
    expect(kept).toMatchObject({ state: 'pending', mutation: { value: num(40), baseVersion: (await p.server.cell('T1', '2024-Q1', 'LUA_DT'))!.version } })

    await output!.findAll('button').find((b) => b.text() === 'Dùng số trên máy chủ')!.trigger('click')
    await until(() => expect(m.w.text()).toContain('Không có việc gì cần xử lý'))
    expect((await p.db.outbox.toArray()).some((e) => e.indicator === 'LUA_SL')).toBe(false)
    expect(await p.db.cells.get([C, 'T1', '2024-Q1', 'LUA_SL'])).toMatchObject({ local: null, server: { value: num(320) } })
  })
})

describe('rejections', () => {
  it('shows the reason, links to the cell to fix it, and discards only after confirmation', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await saveValue({ db: p.db }, { ...at('LUA_DT', '2024-Q2'), value: num(40) })
    await p.server.decide('T1', '2024-Q2', 'submitted')
    await p.sync()
    const m = await mountApp({ db: p.db, path: '/can-xu-ly' })
    await until(() => expect(m.w.findAll('.item')).toHaveLength(1))
    const item = m.w.find('.item')
    expect(item.find('.item__reason').text()).toContain('Báo cáo kỳ này đã gửi, đang chờ duyệt')
    expect(item.find('a').attributes('href')).toBe('/nhap/T1/2024-Q2#ind-LUA_DT')
    expect(item.find('a').text()).toBe('Sửa lại')

    await item.findAll('button').find((b) => b.text() === 'Bỏ thay đổi này')!.trigger('click')
    const dialog = m.w.findAll('dialog').find((d) => d.text().includes('Bỏ thay đổi này?'))!
    expect(dialog.text()).toContain('40 ha')
    expect(await p.db.outbox.count()).toBe(1) // nothing goes before the user confirms
    await dialog.findAll('button').find((b) => b.text() === 'Bỏ thay đổi')!.trigger('click')
    await until(() => expect(m.w.text()).toContain('Đã bỏ thay đổi'))
    expect(await p.db.outbox.count()).toBe(0)
  })
})
