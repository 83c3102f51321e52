import 'fake-indexeddb/auto'
// The completeness board: units × periods of the year in ?nam=, each cell in words and a symbol
// (not colour alone), a cell with a report linking to it, totals; and the value history / the
// commune's change log with its filters and "Xem thêm".
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json } from '../fakeServer'
import { until } from '../app/harness'
import { API, auditRow, BASE, board, changes, closeAll, detail, leader, officer, openAs } from './reviewFixtures'

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  await closeAll()
})

const cellAt = (m: Awaited<ReturnType<typeof openAs>>, key: string) => m.w.find(`td[data-cell="${key}"]`)

describe('the completeness board', () => {
  it('labels every cell with a word and a symbol, links the ones with a report, and totals them', async () => {
    const m = await openAs(leader, `${BASE}/tien-do?nam=2024`, { [`GET ${API}/completeness?year=2024`]: json(200, board) })
    await until(() => expect(m.w.find('table.grid').exists()).toBe(true))
    expect(m.w.find('caption').text()).toBe('Tình hình nộp báo cáo năm 2024, theo đơn vị và kỳ báo cáo')
    expect(m.w.findAll('thead th[scope="col"]').map((th) => th.text())).toEqual([
      'Đơn vị',
      expect.stringContaining('Quý 1/2024'),
      expect.stringContaining('Quý 2/2024'),
    ])
    expect(m.w.findAll('tbody th[scope="row"]').map((th) => th.text())).toEqual(['Thôn Hải Tân', 'Thôn Vĩnh Xuyên', 'Thôn An Thổ'])

    const expected: Record<string, [string, string]> = {
      'T1|2024-Q1': ['⚠', 'Trễ hạn'],
      'T2|2024-Q1': ['✓', 'Đúng hạn'],
      'T3|2024-Q1': ['↩', 'Trả lại'],
      'T1|2024-Q2': ['✎', 'Đang nhập'],
      'T2|2024-Q2': ['…', 'Chưa đến hạn'],
      'T3|2024-Q2': ['✗', 'Chưa nộp'],
    }
    for (const [key, [icon, word]] of Object.entries(expected)) {
      const cell = cellAt(m, key)
      expect(cell.text()).toBe(`${icon} ${word}`)
      expect(cell.find('[aria-hidden="true"]').text()).toBe(icon)
    }
    // A report exists: the cell opens it. None: plain text.
    const late = cellAt(m, 'T1|2024-Q1').find('a')
    expect(late.attributes('href')).toBe(`${BASE}/duyet/T1/2024-Q1`)
    expect(late.attributes('aria-label')).toBe('Trễ hạn – Xem báo cáo Thôn Hải Tân, Quý 1/2024')
    expect(cellAt(m, 'T3|2024-Q2').find('a').exists()).toBe(false)
    expect(cellAt(m, 'T2|2024-Q2').find('a').exists()).toBe(false)

    expect(m.w.findAll('tfoot td').map((td) => td.text())).toEqual(['Đã nộp 2/3', 'Đã nộp 0/3'])
    expect(m.w.find('[data-total="missing"]').text()).toBe('✗ Chưa nộp1')
    // Scrolls sideways on a phone, reachable by keyboard.
    const region = m.w.find('.table-scroll')
    expect(region.attributes('role')).toBe('region')
    expect(region.attributes('tabindex')).toBe('0')
  })

  it('without ?nam= opens the latest year that has periods, and switching years reloads', async () => {
    const m = await openAs(officer, `${BASE}/tien-do`, {
      [`GET ${API}/completeness?year=2024`]: json(200, board),
      [`GET ${API}/completeness?year=2023`]: json(200, { ...board, year: 2023, units: [], periods: [], cells: [] }),
    })
    await until(() => expect(m.w.find('table.grid').exists()).toBe(true))
    expect((m.w.find('#board-year').element as HTMLSelectElement).value).toBe('2024')
    await m.w.find('#board-year').setValue('2023')
    await until(() => expect(m.w.text()).toContain('Năm 2023 chưa có kỳ báo cáo hoặc đơn vị nào.'))
    expect(m.router.currentRoute.value.query).toEqual({ nam: '2023' })
  })

  it('shows a failure with the server’s message and a retry', async () => {
    const m = await openAs(officer, `${BASE}/tien-do?nam=2024`, { [`GET ${API}/completeness?year=2024`]: json(403, { code: 'forbidden', message: 'Tài khoản này không xem được xã khác' }) })
    await until(() => expect(m.w.find('.load-error').text()).toContain('Tài khoản này không xem được xã khác'))
    m.server.answer(`GET ${API}/completeness?year=2024`, json(200, board))
    await m.w.find('.load-error button').trigger('click')
    await until(() => expect(m.w.find('table.grid').exists()).toBe(true))
  })
})

describe('value history', () => {
  const CELL = `${BASE}/lich-su?unit=T1&period=2024-Q1&indicator=LUA_DT`
  const HISTORY = `GET ${API}/history?unit=T1&period=2024-Q1&indicator=LUA_DT`

  it('lists a cell’s changes: when, who, device (by its kind and its user), old → new in vi-VN', async () => {
    const fromPc = { ...changes[1]!, deviceId: 'device-0009', device: { kind: 'computer' as const, detail: 'Windows · Edge' }, user: { username: 'vanphong.phothuan', displayName: 'Trần Thị Lan' } }
    const unknown = { ...changes[1]!, deviceId: 'device-0010', device: { kind: null, detail: '' } }
    const onServer = { ...changes[1]!, deviceId: null, device: null }
    const m = await openAs(officer, CELL, { [HISTORY]: json(200, [...changes, fromPc, unknown, onServer]), [`GET ${API}/reports/T1/2024-Q1`]: json(200, detail()) })
    await until(() => expect(m.w.findAll('tr.log__row')).toHaveLength(5))
    expect(m.w.find('#history-title').text()).toBe('Lịch sử số liệu: Diện tích lúa')
    expect(m.w.find('.history__place').text()).toBe('Thôn Hải Tân, Quý 1/2024')
    const [newest, first, pc, other, server] = m.w.findAll('tr.log__row')
    expect(newest!.find('th[scope="row"]').text()).toContain('08/04/2024')
    // People by their names, devices by their kind and their user; the codes only in a tooltip.
    expect(newest!.findAll('td')[0]!.text()).toBe('Nguyễn Văn An')
    expect(newest!.text()).not.toContain('truongthon.t1')
    expect(newest!.find('.log__device').text()).toBe('điện thoại của Nguyễn Văn An')
    expect(newest!.find('.log__device').attributes('title')).toBe('Android · Chrome · device-0001')
    expect(pc!.find('.log__device').text()).toBe('máy tính của Trần Thị Lan')
    expect(other!.find('.log__device').text()).toBe('thiết bị của Nguyễn Văn An')
    expect(server!.find('.log__device').text()).toBe('—')
    expect(newest!.find('.log__old').text()).toBe('240 ha')
    expect(newest!.find('.log__new').text()).toBe('1.448,5 ha (ghi chú: Gieo thêm vụ đông)')
    expect(first!.find('.log__old').text()).toBe('trống')
    expect(m.w.find('.crumbs a[href="/quan-ly/pho-thuan/duyet/T1/2024-Q1#value-LUA_DT"]').exists()).toBe(true)
  })

  it('says when a cell has no change yet', async () => {
    const m = await openAs(officer, CELL, { [HISTORY]: json(200, []), [`GET ${API}/reports/T1/2024-Q1`]: json(404, { code: 'not_found', message: 'Không có báo cáo này' }) })
    await until(() => expect(m.w.text()).toContain('Chưa có thay đổi nào.'))
    expect(m.w.find('#history-title').text()).toBe('Lịch sử số liệu: LUA_DT')
  })

  it('without a cell, shows the commune’s change log, filtered, a page at a time', async () => {
    const page1 = Array.from({ length: 50 }, (_, i) => auditRow(200 - i))
    const page2 = [auditRow(150, { entity: 'report', indicator: null, old: { status: 'submitted' }, new: { status: 'returned', reason: 'Thiếu BHYT' } })]
    const m = await openAs(officer, `${BASE}/lich-su`, {
      [`GET ${API}/audit/choices`]: json(200, {
        indicators: [
          { code: 'LUA_DT', name: 'Diện tích lúa' },
          { code: 'BHYT', name: 'Tỷ lệ tham gia BHYT' },
        ],
        users: [
          { username: 'truongthon.t1', displayName: 'Nguyễn Văn An' },
          { username: 'vanphong.phothuan', displayName: 'Trần Thị Lan' },
        ],
      }),
      [`GET ${API}/audit?limit=50`]: json(200, page1),
      [`GET ${API}/audit?before=151&limit=50`]: json(200, page2),
      [`GET ${API}/audit?unit=T1&period=2024-Q1&indicator=LUA_DT&user=truongthon.t1&limit=50`]: json(200, [auditRow(99)]),
    })
    await until(() => expect(m.w.findAll('tr.log__row')).toHaveLength(50))
    expect(m.w.find('#history-title').text()).toBe('Nhật ký thay đổi của xã')
    const top = m.w.find('tr[data-audit="200"]')
    expect(top.text()).toContain('Số liệu')
    expect(top.text()).toContain('Thôn Hải Tân')
    expect(top.text()).toContain('Quý 1/2024')
    expect(top.find('a').attributes('href')).toBe(`${BASE}/lich-su?unit=T1&period=2024-Q1&indicator=LUA_DT`)
    // The indicator, the person and the device in words, not codes.
    expect(top.find('a').text()).toBe('Diện tích lúa')
    expect(top.text()).not.toContain('LUA_DT')
    expect(top.text()).not.toContain('truongthon.t1')
    expect(top.find('.log__device').text()).toBe('điện thoại của Nguyễn Văn An')
    expect(top.find('.log__old').text()).toBe('200')
    expect(top.find('.log__new').text()).toBe('201')

    await m.w.findAll('button').find((b) => b.text() === 'Xem thêm')!.trigger('click')
    await until(() => expect(m.w.findAll('tr.log__row')).toHaveLength(51))
    const report = m.w.find('tr[data-audit="150"]')
    expect(report.text()).toContain('Báo cáo')
    expect(report.find('.log__old').text()).toBe('trạng thái đã gửi')
    expect(report.find('.log__new').text()).toBe('trạng thái bị trả lại, lý do: Thiếu BHYT')
    expect(m.w.text()).toContain('Đã hết nhật ký.')

    // Every filter is picked from a list of names.
    expect(m.w.find('#audit-indicator').element.tagName).toBe('SELECT')
    expect(m.w.find('#audit-indicator').findAll('option').map((o) => o.text())).toEqual(['Tất cả', 'Diện tích lúa', 'Tỷ lệ tham gia BHYT'])
    expect(m.w.find('#audit-user').findAll('option').map((o) => o.text())).toEqual(['Tất cả', 'Nguyễn Văn An', 'Trần Thị Lan'])
    expect(m.w.find('#audit-period').findAll('optgroup').map((g) => g.attributes('label'))).toEqual(['Năm 2024', 'Năm 2023'])
    await m.w.find('#audit-unit').setValue('T1')
    await m.w.find('#audit-period').setValue('2024-Q1')
    await m.w.find('#audit-indicator').setValue('LUA_DT')
    await m.w.find('#audit-user').setValue('truongthon.t1')
    await m.w.find('form.filters').trigger('submit')
    await until(() => expect(m.w.findAll('tr.log__row').map((r) => r.attributes('data-audit'))).toEqual(['99']))
    expect(m.w.find('#audit-unit').findAll('option').map((o) => o.text())).toContain('Thôn Hải Tân')
  })
})
