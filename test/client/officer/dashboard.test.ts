import 'fake-indexeddb/auto'
// The dashboard as an officer opens it: the whole app, the real router and lazy chunks, the API
// answered by a fake server. Chart.js is the real library, lazily imported by the chart
// components; only its drawing surface is stubbed (happy-dom has no 2D canvas).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DOMWrapper } from '@vue/test-utils'
import { Chart } from 'chart.js'
import { fakeServer, json, officer, planOf } from '../fakeServer'
import { mountApp, settle, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'
import { results } from './dashboard.fixture'

const RESULTS = 'GET /api/communes/pho-thuan/results'
const APPROVED = `${RESULTS}?basis=approved`
const ME = { 'GET /api/auth/me': json(200, officer), 'GET /api/communes/pho-thuan/plan': json(200, planOf(2023, [2023, 2022])) }
const PAGE = '/quan-ly/pho-thuan/tong-hop'

/** A 2D context that accepts every drawing call and draws nothing: happy-dom has no canvas. */
function fakeContext(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const store: Record<string | symbol, unknown> = { canvas }
  const noop = () => undefined
  return new Proxy(store, {
    get: (t, p) => (p in t ? t[p] : p === 'measureText' ? () => ({ width: 8 }) : p === 'getLineDash' ? () => [] : noop),
    set: (t, p, v) => ((t[p] = v), true),
  }) as unknown as CanvasRenderingContext2D
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return fakeContext(this) as never
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

async function open(path = PAGE, answers: Parameters<typeof fakeServer>[0] = { [APPROVED]: json(200, results()) }) {
  const server = fakeServer({ ...ME, ...answers })
  const m = await mountApp({ db: freshDb('dashboard'), path })
  await until(() => expect(m.w.find('.dashboard').exists()).toBe(true))
  return { server, m }
}

const rowOf = (m: Mounted, code: string) => m.w.find(`tr[data-indicator="${code}"]`)
/** A cell's words, without the row's open/closed arrow. */
const cells = (row: DOMWrapper<Element>) =>
  row.findAll('th, td').map((c) => {
    const copy = c.element.cloneNode(true) as Element
    copy.querySelectorAll('.dash-toggle__icon').forEach((e) => e.remove())
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
  })
const resultCalls = (server: ReturnType<typeof fakeServer>) =>
  server.fetch.mock.calls.map(([url]) => String(url)).filter((u) => u.startsWith('/api/communes/pho-thuan/results'))
const select = (m: Mounted, name: string) => m.w.find<HTMLSelectElement>(`select[name="${name}"]`)

describe('the dashboard', () => {
  it('shows the commune, plan, as-of and basis, the counts per status and a table per field in vi-VN', async () => {
    const { m } = await open()
    await until(() => expect(m.w.findAll('tr.dash-row')).toHaveLength(5))
    const head = m.w.find('.dash-head').text()
    expect(head).toContain('Xã Phổ Thuận')
    expect(head).toContain('Kế hoạch phát động phong trào thi đua năm 2023')
    expect(head).toContain('71/KH-UBND')
    expect(head).toContain('Số liệu đến hết: Quý 2/2023 (30/06/2023)')
    expect(head).toContain('Số liệu tính: Đã duyệt')

    // Counts: each status in words, with its shape; the number beside it.
    const counts = Object.fromEntries(m.w.findAll('.dash-count').map((b) => [b.find('.dash-count__label').text().replace(/^\S+\s/, ''), b.find('.dash-count__n').text()]))
    expect(counts).toEqual({ vượt: '1', đạt: '1', 'chưa đạt': '1', 'không đạt': '1', 'chưa có số liệu': '1' })
    expect(m.w.find('.dash-count--failed').text()).toContain('✖')

    // Sections follow the plan's fields; a sub-field names its parent.
    expect(m.w.findAll('.dash-field__title').map((h) => h.text())).toEqual(['Kinh tế', 'Văn hóa – xã hội › Y tế', 'Quốc phòng – an ninh'])
    expect(m.w.find('.dash-table thead').findAll('th').every((th) => th.attributes('scope') === 'col')).toBe(true)

    expect(cells(rowOf(m, 'LUA'))).toEqual(['Sản lượng lúa', 'tấn', 'đạt 1.448,5 tấn trở lên', '1.303,65', '90%', '◔ chưa đạt (tạm tính, 2/3 đơn vị)', 'đúng tiến độ', '2/3'])
    expect(cells(rowOf(m, 'VL'))).toEqual(['Tạo việc làm mới', 'người', 'đạt 270 người trở lên', '300', '111,1%', '▲ vượt', 'đúng tiến độ', '3/3'])
    expect(cells(rowOf(m, 'BHYT'))).toEqual(['Tỷ lệ dân số tham gia BHYT', '%', 'đạt 95% trở lên', '96,5%', '101,6%', '✔ đạt', '—không áp dụng', '3/3'])
    expect(cells(rowOf(m, 'SDD'))).toEqual(['Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng', '%', 'dưới 5,6%', '—', '—', '– chưa có số liệu', '—không áp dụng', '0/1'])
    expect(cells(rowOf(m, 'ANTT'))[3]).toBe('Không đạt 0/1 đơn vị đạt')
    expect(cells(rowOf(m, 'ANTT'))[5]).toBe('✖ không đạt')

    // A rate's numerator and denominator on demand.
    expect(rowOf(m, 'BHYT').text()).not.toContain('1.930/2.000')
    await m.w.find('input[type="checkbox"]').setValue(true)
    expect(rowOf(m, 'BHYT').find('.dash-actual').text()).toContain('(1.930/2.000)')
  })

  it('asks the server for the year, period, phase and basis chosen, and keeps every filter in the address', async () => {
    const { m, server } = await open(`${PAGE}?year=2023&period=2023-Q2`, { [`${RESULTS}?year=2023&period=2023-Q2&basis=approved`]: json(200, results()) })
    await until(() => expect(m.w.findAll('tr.dash-row')).toHaveLength(5))
    expect(resultCalls(server)).toEqual([`/api/communes/pho-thuan/results?year=2023&period=2023-Q2&basis=approved`])
    expect(select(m, 'asOf').element.value).toBe('p:2023-Q2')
    expect(select(m, 'year').findAll('option').map((o) => o.text())).toEqual(['2023', '2022'])

    server.answer(`${RESULTS}?year=2023&period=2023-Q2&basis=all`, json(200, results({ basis: 'all' })))
    await select(m, 'basis').setValue('all')
    await until(() => expect(m.router.currentRoute.value.query).toEqual({ year: '2023', period: '2023-Q2', basis: 'all' }))
    await until(() => expect(m.w.find('.dash-head__basis').text()).toBe('Số liệu tính: Tất cả số liệu đang nhập'))
    expect(resultCalls(server).at(-1)).toBe(`/api/communes/pho-thuan/results?year=2023&period=2023-Q2&basis=all`)

    // A phase (đợt thi đua) replaces the period.
    const phaseOption = select(m, 'asOf').findAll('option').find((o) => o.text() === 'Đợt 1 (01/01/2023 – 30/06/2023)')!
    server.answer(`${RESULTS}?year=2023&phase=D1&basis=all`, json(200, results({ basis: 'all' })))
    await select(m, 'asOf').setValue(phaseOption.element.value)
    await until(() => expect(resultCalls(server).at(-1)).toBe(`/api/communes/pho-thuan/results?year=2023&phase=D1&basis=all`))
    expect(m.router.currentRoute.value.query).toEqual({ year: '2023', phase: 'D1', basis: 'all' })
    await until(() => expect(m.w.find('.dash-head__asof').text()).toBe('Số liệu đến hết: Đợt 1 (01/01/2023 – 30/06/2023)'))

    // Field (with its sub-fields) and status filter here, without asking the server again.
    const before = resultCalls(server).length
    await select(m, 'field').setValue('VHXH')
    await until(() => expect(m.w.findAll('tr.dash-row').map((r) => r.attributes('data-indicator'))).toEqual(['BHYT', 'SDD']))
    expect(m.router.currentRoute.value.query.field).toBe('VHXH')
    expect(m.w.find('.dash-total').text()).toBe('Tổng số chỉ tiêu: 2')
    expect(m.w.find('.dash-count--exceeded .dash-count__n').text()).toBe('0')

    await m.w.find('.dash-count--no_data').trigger('click')
    await until(() => expect(m.w.findAll('tr.dash-row').map((r) => r.attributes('data-indicator'))).toEqual(['SDD']))
    expect(m.w.find('.dash-count--no_data').attributes('aria-pressed')).toBe('true')
    expect(m.router.currentRoute.value.query).toEqual({ year: '2023', phase: 'D1', basis: 'all', field: 'VHXH', status: 'no_data' })
    expect(select(m, 'status').element.value).toBe('no_data')
    expect(resultCalls(server)).toHaveLength(before)

    await select(m, 'status').setValue('exceeded')
    await until(() => expect(m.w.find('.dash-empty').text()).toContain('Không có chỉ tiêu nào khớp bộ lọc.'))
    await m.w.find('.dash-empty button').trigger('click')
    await until(() => expect(m.w.findAll('tr.dash-row')).toHaveLength(5))
    expect(m.router.currentRoute.value.query).toEqual({ year: '2023', phase: 'D1', basis: 'all' })

    // Another year: periods and phases start over; no plan that year is an empty state.
    server.answer(`${RESULTS}?year=2022&basis=all`, json(404, { code: 'no_plan', message: 'Xã chưa có kế hoạch năm 2022' }))
    await select(m, 'year').setValue('2022')
    await until(() => expect(m.w.find('.dash-empty').text()).toContain('Xã chưa có kế hoạch thi đua cho năm này.'))
    expect(m.w.find('.dash-empty').text()).toContain('Xã chưa có kế hoạch năm 2022')
    expect(m.router.currentRoute.value.query).toEqual({ year: '2022', basis: 'all' })
    expect(m.w.find('.dash-empty a').attributes('href')).toBe('/quan-ly/pho-thuan/ke-hoach')
    expect(m.w.find('tr.dash-row').exists()).toBe(false)
  })

  it('opens a row to the units and two lazily loaded charts fed with the same numbers, destroyed when closed', async () => {
    const { m } = await open()
    await until(() => expect(rowOf(m, 'LUA').exists()).toBe(true))
    expect(m.w.find('canvas').exists()).toBe(false)

    const toggle = rowOf(m, 'LUA').find('button')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const detail = m.w.find(`#${toggle.attributes('aria-controls')}`)
    expect(detail.exists()).toBe(true)

    const units = detail.find('table.dash-units')
    // A flow's commune target is a total: no village is judged against it, and the table says why.
    expect(units.findAll('tbody tr').map(cells)).toEqual([
      ['Thôn Hải Tân', '700', '— không có chỉ tiêu riêng'],
      ['Thôn Vĩnh Xuyên', '603,65', '— không có chỉ tiêu riêng'],
      ['Thôn Phước Hòa', '—', '— không có chỉ tiêu riêng'],
    ])
    const none = units.find('tbody tr td:last-child')
    expect(none.attributes('title')).toBe('không có chỉ tiêu riêng')
    expect(none.find('[aria-hidden="true"]').text()).toBe('—')
    expect(none.find('.visually-hidden').text()).toBe('không có chỉ tiêu riêng')
    expect(none.find('.dash-status').exists()).toBe(false)
    expect(detail.text()).toContain('“—”: đơn vị không có chỉ tiêu riêng.')
    expect(detail.text()).toContain('Nguyên văn kế hoạch: Lúa: diện tích 229 ha')

    const [trendCanvas, barsCanvas] = detail.findAll('canvas').map((c) => c.element as HTMLCanvasElement)
    await until(() => expect(Chart.getChart(trendCanvas!)).toBeDefined())
    await until(() => expect(Chart.getChart(barsCanvas!)).toBeDefined())
    const trend = Chart.getChart(trendCanvas!)!
    expect((trend.config as { type: string }).type).toBe('line')
    expect(trend.data.labels).toEqual(['Quý 1/2023', 'Quý 2/2023', 'Quý 3/2023', 'Quý 4/2023'])
    expect(trend.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Thực hiện', [300, 1303.65, null, null]],
      ['Chỉ tiêu', [1448.5, 1448.5, 1448.5, 1448.5]],
    ])
    // vi-VN on the axis and in the tooltip.
    const tick = trend.options.scales!.y!.ticks!.callback as (v: number) => string
    expect(tick.call(trend.scales.y!, 1448.5)).toBe('1.448,5')
    const tooltipLabel = trend.options.plugins!.tooltip!.callbacks!.label as unknown as (item: unknown) => string
    expect(tooltipLabel({ dataset: { label: 'Thực hiện' }, parsed: { y: 1303.65 } })).toBe('Thực hiện: 1.303,65 tấn')

    const bars = Chart.getChart(barsCanvas!)!
    expect((bars.config as { type: string }).type).toBe('bar')
    expect(bars.options.indexAxis).toBe('y')
    expect(bars.data.labels).toEqual(['Thôn Hải Tân', 'Thôn Vĩnh Xuyên', 'Thôn Phước Hòa'])
    // A flow sums over the units: no unit is measured against the whole commune's target.
    expect(bars.data.datasets.map((d) => [d.type, d.data])).toEqual([['bar', [700, 603.65, null]]])

    // Only what the two charts draw is registered.
    expect(Chart.registry.getController('line')).toBeDefined()
    expect(Chart.registry.getController('bar')).toBeDefined()
    expect(() => Chart.registry.getController('doughnut')).toThrow()

    // The same numbers for those who cannot see the canvas.
    expect(trendCanvas!.getAttribute('role')).toBe('img')
    expect(trendCanvas!.getAttribute('aria-label')).toContain('Quý 2/2023: 1.303,65 tấn')
    expect(trendCanvas!.getAttribute('aria-label')).toContain('Chỉ tiêu: 1.448,5 tấn')
    expect(barsCanvas!.getAttribute('aria-label')).toBe('Biểu đồ cột: Sản lượng lúa theo đơn vị. Thôn Hải Tân: 700 tấn; Thôn Vĩnh Xuyên: 603,65 tấn; Thôn Phước Hòa: chưa có')
    const hidden = detail.find('figure .visually-hidden table')
    expect(hidden.findAll('tbody tr').map(cells)).toEqual([
      ['Quý 1/2023', '300 tấn', '1.448,5 tấn'],
      ['Quý 2/2023', '1.303,65 tấn', '1.448,5 tấn'],
      ['Quý 3/2023', 'chưa có', '1.448,5 tấn'],
      ['Quý 4/2023', 'chưa có', '1.448,5 tấn'],
    ])

    await toggle.trigger('click')
    expect(m.w.find('table.dash-units').exists()).toBe(false)
    expect(Chart.getChart(trendCanvas!)).toBeUndefined()
    expect(Chart.getChart(barsCanvas!)).toBeUndefined()

    // A rate is: each unit's bar against the commune's 95%.
    await rowOf(m, 'BHYT').find('button').trigger('click')
    const rateCanvas = m.w.findAll('canvas').map((c) => c.element as HTMLCanvasElement)[1]!
    await until(() => expect(Chart.getChart(rateCanvas)).toBeDefined())
    expect(Chart.getChart(rateCanvas)!.data.datasets.map((d) => [d.type, d.label, d.data])).toEqual([
      ['bar', 'Thực hiện', [96.5]],
      ['line', 'Chỉ tiêu', [95]],
    ])
    expect(rateCanvas.getAttribute('aria-label')).toBe('Biểu đồ cột: Tỷ lệ dân số tham gia BHYT theo đơn vị. Thôn Hải Tân: 96,5%; Chỉ tiêu: 95%')
    // …and its table says the verdict is against the commune's target, with no “—” note.
    const rateUnits = m.w.find('table.dash-units')
    expect(rateUnits.findAll('tbody tr').map(cells)).toEqual([['Thôn Hải Tân', '96,5%', '✔ đạt (theo chỉ tiêu xã)']])
    expect(m.w.find('.dash-detail').text()).not.toContain('không có chỉ tiêu riêng')
    await rowOf(m, 'BHYT').find('button').trigger('click')

    // A yes/no indicator opens to its units without charts.
    await rowOf(m, 'ANTT').find('button').trigger('click')
    expect(m.w.find('table.dash-units').text()).toContain('Công an xã')
    expect(m.w.find('table.dash-units').text()).toContain('Không đạt')
    expect(m.w.find('table.dash-units tbody td:last-child').text()).toBe('✖ không đạt (theo chỉ tiêu xã)')
    expect(m.w.find('canvas').exists()).toBe(false)
  })

  it('prints: the button calls the browser’s print, the header says what is printed', async () => {
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const { m } = await open()
    await until(() => expect(m.w.find('button.dash-print').exists()).toBe(true))
    await m.w.find('button.dash-print').trigger('click')
    expect(print).toHaveBeenCalledOnce()
    expect(m.w.find('.dash-print-only').text()).toMatch(/^Lập lúc \d\d:\d\d 02\/07\/2023$/)
    // Filters and downloads are left off the printed page; a new top-level field starts a page.
    expect(m.w.find('.dash-filters').classes()).toContain('no-print')
    expect(m.w.find('.dash-export').classes()).toContain('no-print')
    expect(m.w.findAll('.dash-field').map((s) => s.classes().includes('dash-field--new-page'))).toEqual([false, true, true])
  })

  it('says when nothing is approved yet, when the plan has no indicators, and shows a failed load with a retry', async () => {
    const none = results({
      indicators: results().indicators.map((i) => ({ ...i, actual: null, status: 'no_data' as const, progress: null, reportedUnits: 0 })),
      counts: { exceeded: 0, achieved: 0, not_yet: 0, failed: 0, no_data: 5, no_baseline: 0 },
    })
    const { m, server } = await open(PAGE, { [APPROVED]: json(200, none) })
    await until(() => expect(m.w.find('.dash-nodata').exists()).toBe(true))
    expect(m.w.find('.dash-nodata').text()).toContain('Chưa có số liệu nào được duyệt.')
    expect(m.w.findAll('tr.dash-row')).toHaveLength(5)

    server.answer(`${RESULTS}?basis=submitted`, json(200, results({ indicators: [], counts: { exceeded: 0, achieved: 0, not_yet: 0, failed: 0, no_data: 0, no_baseline: 0 }, basis: 'submitted' })))
    await select(m, 'basis').setValue('submitted')
    await until(() => expect(m.w.find('.dash-empty').text()).toBe('Kế hoạch chưa có chỉ tiêu nào.'))
    expect(m.w.findAll('button[data-export]').every((b) => b.attributes('disabled') !== undefined)).toBe(true)

    server.answer(`${RESULTS}?basis=all`, json(500, { code: 'internal', message: 'boom' }))
    await select(m, 'basis').setValue('all')
    await until(() => expect(m.w.find('.load-error').exists()).toBe(true))
    expect(m.w.find('.load-error').text()).toContain('Máy chủ đang gặp sự cố. Vui lòng thử lại sau.')
    expect(m.w.find('tr.dash-row').exists()).toBe(false)
    server.answer(`${RESULTS}?basis=all`, json(200, results({ basis: 'all' })))
    await m.w.find('.load-error button').trigger('click')
    await until(() => expect(m.w.findAll('tr.dash-row')).toHaveLength(5))
  })
})

/** A body the test feeds chunk by chunk. */
function controlledBody() {
  let controller!: ReadableStreamDefaultController<Uint8Array>
  const stream = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) })
  return { stream, push: (n: number) => controller.enqueue(new Uint8Array(n).fill(65)), close: () => controller.close() }
}

describe('the exports', () => {
  const XLSX = 'GET /api/communes/pho-thuan/exports/results.xlsx?year=2023&period=2023-Q2&basis=approved'
  const SO_KET = 'GET /api/communes/pho-thuan/exports/review.docx?year=2023&period=2023-Q2&basis=approved&kind=so_ket'
  const TONG_KET = 'GET /api/communes/pho-thuan/exports/review.docx?year=2023&period=2023-Q2&basis=approved&kind=tong_ket'

  function capture() {
    const saved: { href: string; download: string }[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:thidua/1')
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download })
    })
    return saved
  }

  it('downloads the Excel results with its progress and saves it under the server’s file name', async () => {
    const saved = capture()
    const { m, server } = await open()
    await until(() => expect(m.w.find('button[data-export="xlsx"]').attributes('disabled')).toBeUndefined())
    // Sơ kết fits a mid-year as-of, and comes first; tổng kết is offered too.
    expect(m.w.findAll('button[data-export]').map((b) => b.text())).toEqual(['Tải Excel kết quả', 'Tải báo cáo sơ kết (Word)', 'Tải báo cáo tổng kết (Word)'])

    const body = controlledBody()
    let respond!: (r: Response) => void
    server.answer(XLSX, () => new Promise<Response>((r) => (respond = r)))
    await m.w.find('button[data-export="xlsx"]').trigger('click')
    await until(() => expect(m.w.find('.dash-export__status').text()).toContain('Đang tạo tệp…'))
    expect(m.w.findAll('button[data-export]').every((b) => b.attributes('disabled') !== undefined)).toBe(true)
    expect(m.w.find('progress').exists()).toBe(false)

    respond(
      new Response(body.stream, {
        status: 200,
        headers: {
          'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'content-length': '4096',
          'content-disposition': `attachment; filename="ket-qua-2023.xlsx"; filename*=UTF-8''${encodeURIComponent('Kết quả thi đua 2023.xlsx')}`,
        },
      }),
    )
    body.push(1536)
    await until(() => expect(m.w.find('progress').exists()).toBe(true))
    expect(m.w.find('progress').attributes()).toMatchObject({ value: '1536', max: '4096' })
    expect(m.w.find('.dash-export__text').text()).toBe('Đang tải 1,5 KB / 4 KB')

    body.push(2560)
    body.close()
    await until(() => expect(saved).toHaveLength(1))
    expect(saved[0]).toEqual({ href: 'blob:thidua/1', download: 'Kết quả thi đua 2023.xlsx' })
    expect((URL.createObjectURL as unknown as { mock: { calls: [Blob][] } }).mock.calls[0]![0].size).toBe(4096)
    await until(() => expect(m.w.find('.dash-export__status').text()).toBe('Đã tải về tệp Kết quả thi đua 2023.xlsx.'))
    expect(m.w.find('button[data-export="xlsx"]').attributes('disabled')).toBeUndefined()
    expect(server.calls(XLSX)).toBe(1)
  })

  it('offers tổng kết first at year end, and can cancel a download under way', async () => {
    const saved = capture()
    const yearEnd = results({ asOf: { period: '2023-Q4', kind: 'quarter', from: '2023-10-01', to: '2023-12-31' }, yearFraction: 1 })
    const { m, server } = await open(PAGE, { [APPROVED]: json(200, yearEnd) })
    await until(() => expect(m.w.find('button[data-export="tong_ket"]').attributes('disabled')).toBeUndefined())
    expect(m.w.findAll('button[data-export]').map((b) => b.attributes('data-export'))).toEqual(['xlsx', 'tong_ket', 'so_ket'])
    expect(m.w.find('button[data-export="tong_ket"]').classes()).not.toContain('secondary')
    expect(m.w.find('button[data-export="so_ket"]').classes()).toContain('secondary')

    const body = controlledBody()
    const key = 'GET /api/communes/pho-thuan/exports/review.docx?year=2023&period=2023-Q4&basis=approved&kind=tong_ket'
    server.answer(key, new Response(body.stream, { status: 200, headers: { 'content-disposition': 'attachment; filename="tong-ket-2023.docx"' } }))
    await m.w.find('button[data-export="tong_ket"]').trigger('click')
    body.push(500)
    await until(() => expect(m.w.find('.dash-export__text').text()).toBe('Đang tải 500 B'))
    // No Content-Length: the bar runs without an end rather than claiming a share.
    expect(m.w.find('progress').attributes('value')).toBeUndefined()
    const cancel = m.w.findAll('.dash-export__status button').find((b) => b.text() === 'Hủy')!
    await cancel.trigger('click')
    await until(() => expect(m.w.find('.dash-export__status').text()).toBe('Đã hủy tải tệp.'))
    expect(saved).toHaveLength(0)
    expect(m.w.find('button[data-export="so_ket"]').attributes('disabled')).toBeUndefined()
  })

  it('shows the server’s refusal, a server fault and a lost connection in Vietnamese, and lets the user retry', async () => {
    const saved = capture()
    const { m, server } = await open()
    await until(() => expect(m.w.find('button[data-export="so_ket"]').attributes('disabled')).toBeUndefined())

    server.answer(SO_KET, json(403, { code: 'forbidden', message: 'Tài khoản này không được tải báo cáo của xã này.' }))
    await m.w.find('button[data-export="so_ket"]').trigger('click')
    await until(() => expect(m.w.find('.dash-export [role="alert"]').exists()).toBe(true))
    expect(m.w.find('.dash-export [role="alert"]').text()).toBe('Không tải được tệp: Tài khoản này không được tải báo cáo của xã này.')

    server.answer(TONG_KET, json(500, { code: 'internal', message: 'Error: docx exploded' }))
    await m.w.find('button[data-export="tong_ket"]').trigger('click')
    await until(() => expect(m.w.find('.dash-export [role="alert"]').text()).toBe('Không tải được tệp: Máy chủ gặp sự cố khi tạo tệp. Vui lòng thử lại sau.'))

    server.answer(XLSX, () => Promise.reject(new TypeError('Failed to fetch')))
    await m.w.find('button[data-export="xlsx"]').trigger('click')
    await until(() => expect(m.w.find('.dash-export [role="alert"]').text()).toBe('Không tải được tệp: Không kết nối được máy chủ. Kiểm tra mạng và thử lại.'))

    // A body cut short of its Content-Length is not saved as if it were whole.
    const body = controlledBody()
    server.answer(XLSX, new Response(body.stream, { status: 200, headers: { 'content-length': '2000' } }))
    await m.w.find('button[data-export="xlsx"]').trigger('click')
    body.push(100)
    body.close()
    await until(() => expect(m.w.find('.dash-export [role="alert"]').text()).toBe('Không tải được tệp: Tải tệp bị gián đoạn. Vui lòng thử lại.'))
    expect(saved).toHaveLength(0)

    // Retrying works once the server answers; with no name from the server a sensible one is used.
    server.answer(XLSX, new Response(new Uint8Array([1, 2, 3]), { status: 200 }))
    await m.w.find('button[data-export="xlsx"]').trigger('click')
    await until(() => expect(saved).toHaveLength(1))
    expect(saved[0]!.download).toBe('ket-qua-pho-thuan-2023.xlsx')
    expect(m.w.find('.dash-export [role="alert"]').exists()).toBe(false)
    await settle()
  })
})
