import 'fake-indexeddb/auto'
// Home: one card per (unit, period) read from IndexedDB, with deadline, status and how much is filled.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveValue, submitReport } from '../../../src/client/local/edits'
import { fakeServer, json } from '../fakeServer'
import { C, closePhones, mountApp, phone, reporter, until, withLiveServer } from './harness'

withLiveServer()

afterEach(async () => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
  await closePhones()
})

const num = (value: number) => ({ kind: 'number' as const, value })

describe('the inbox', () => {
  it('shows each quarter with its deadline, status and filled count, and opens the entry screen', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    await p.server.write('T1', '2024-Q1', 'LUA_DT', num(100))
    await p.server.decide('T1', '2024-Q1', 'approved')
    await p.server.decide('T1', '2024-Q2', 'returned', 'Thiếu số liệu BHYT')
    await p.sync()
    await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_DT', value: num(1) })
    await saveValue({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q4', indicator: 'LUA_DT', value: num(2) })
    await submitReport({ db: p.db }, { commune: C, unit: 'T1', period: '2024-Q4' })

    const m = await mountApp({ db: p.db })
    // The four quarters, and the year's report (the server makes a plan's year its periods).
    await until(() => expect(m.w.findAll('a.card')).toHaveLength(5))
    expect(m.w.find('h1').text()).toBe('Báo cáo của tôi')
    const card = (period: string) => m.w.findAll('a.card').find((a) => a.attributes('href') === `/nhap/T1/${period}`)!
    expect(card('2024-Q1').find('.chip').text()).toBe('đã duyệt')
    expect(card('2024-Q1').text()).toContain('Quý 1/2024')
    expect(card('2024-Q1').text()).toContain('Hạn nộp 05/04/2024') // the server's: five days after the quarter
    expect(card('2024-Q1').text()).toContain('đã nhập 1/4 chỉ tiêu')
    expect(card('2024-Q1').text()).not.toContain('quá hạn') // approved: nothing is late
    expect(card('2024-Q2').find('.chip').text()).toBe('bị trả lại')
    expect(card('2024-Q2').text()).toContain('Thiếu số liệu BHYT')
    expect(card('2024-Q2').text()).toContain('quá hạn')
    expect(card('2024-Q3').find('.chip').text()).toBe('nháp')
    expect(card('2024-Q3').text()).toContain('1 thay đổi chờ gửi')
    expect(card('2024-Q4').find('.chip').text()).toBe('chờ gửi')
    // The ones still to do come first.
    expect(m.w.findAll('a.card').map((a) => a.find('.chip').text())).toEqual(['bị trả lại', 'nháp', 'đã duyệt', 'chờ gửi', 'chưa nhập']) // the last: the year's, due after the quarters

    await card('2024-Q3').trigger('click')
    await until(() => expect(m.router.currentRoute.value.fullPath).toBe('/nhap/T1/2024-Q3'))
  })

  it('says an empty quarter is not started, and that the first sync needs the network', async () => {
    fakeServer({ 'GET /api/auth/me': json(200, reporter) })
    const p = await phone()
    const m = await mountApp({ db: p.db })
    await until(() => expect(m.w.findAll('a.card')).toHaveLength(5))
    expect(m.w.findAll('.chip').map((c) => c.text())).toEqual(['chưa nhập', 'chưa nhập', 'chưa nhập', 'chưa nhập', 'chưa nhập'])
    await p.db.periods.clear()
    await until(() => expect(m.w.text()).toContain('Chưa có kỳ báo cáo nào'))
  })
})
