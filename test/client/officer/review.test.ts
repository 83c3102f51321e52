import 'fake-indexeddb/auto'
// The officer's review: the queue (submitted first, oldest first, filters in the address, late or
// on time), one report (figures in vi-VN, issues, history links) and the decision on it: approve
// after a confirmation, return only with a reason (and the per-value comments), reopen an approved
// one, a refusal from the server shown with everything typed kept; a leader reads only.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { json } from '../fakeServer'
import { settle, until, type Mounted } from '../app/harness'
import { API, BASE, closeAll, detail, leader, officer, openAs, reports, type Server } from './reviewFixtures'

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  await closeAll()
})

const rowsOf = (m: Mounted) => m.w.findAll('tbody tr').map((r) => r.attributes('data-report'))

describe('the review queue', () => {
  it('lists submitted reports first, the earliest submitted at the top, with unit names, times and deadlines', async () => {
    const m = await openAs(officer, `${BASE}/duyet`, { [`GET ${API}/reports`]: json(200, reports) })
    await until(() => expect(m.w.findAll('tbody tr')).toHaveLength(4))
    expect(rowsOf(m)).toEqual(['T2|2024-Q1', 'T1|2024-Q1', 'T3|2024-Q1', 'T4|2024-Q1'])
    const [first, second] = m.w.findAll('tbody tr')
    expect(first!.find('th[scope="row"]').text()).toBe('Thôn Vĩnh Xuyên')
    expect(first!.text()).toContain('Quý 1/2024')
    expect(first!.text()).toContain('đã gửi')
    expect(first!.text()).toContain('03/04/2024')
    expect(first!.find('.queue__timing').text()).toContain('Đúng hạn')
    expect(first!.find('.queue__timing').text()).toContain('Hạn nộp 05/04/2024')
    expect(second!.find('.queue__timing').text()).toContain('Trễ hạn')
    expect(m.w.find('.queue__count').text()).toBe('4 báo cáo, 2 đang chờ duyệt')
    expect(m.w.findAll('thead th[scope="col"]').length).toBe(6)
    const link = first!.find('a')
    expect(link.attributes('href')).toBe(`${BASE}/duyet/T2/2024-Q1`)
    expect(link.attributes('aria-label')).toBe('Xem báo cáo của Thôn Vĩnh Xuyên, Quý 1/2024')
  })

  it('filters by period and status through the server, and keeps the filter in the address', async () => {
    const m = await openAs(officer, `${BASE}/duyet`, {
      [`GET ${API}/reports`]: json(200, reports),
      [`GET ${API}/reports?period=2024-Q1`]: json(200, reports.slice(0, 2)),
      [`GET ${API}/reports?period=2024-Q1&status=submitted`]: json(200, [reports[1]]),
    })
    await until(() => expect(m.w.findAll('tbody tr')).toHaveLength(4))
    // The period choices are grouped by year and named in words.
    expect(m.w.findAll('#queue-period optgroup').map((g) => g.attributes('label'))).toEqual(['Năm 2024', 'Năm 2023'])
    await m.w.find('#queue-period').setValue('2024-Q1')
    await until(() => expect(m.w.findAll('tbody tr')).toHaveLength(2))
    expect(m.router.currentRoute.value.query).toEqual({ ky: '2024-Q1' })
    await m.w.find('#queue-status').setValue('submitted')
    await until(() => expect(rowsOf(m)).toEqual(['T1|2024-Q1']))
    expect(m.router.currentRoute.value.query).toEqual({ ky: '2024-Q1', 'trang-thai': 'submitted' })
    expect(m.server.calls(`GET ${API}/reports?period=2024-Q1&status=submitted`)).toBe(1)
  })

  it('says so when nothing matches, and shows a failure with a way to retry', async () => {
    const m = await openAs(officer, `${BASE}/duyet?trang-thai=returned`, {
      [`GET ${API}/reports?status=returned`]: json(500, {}),
    })
    await until(() => expect(m.w.find('.load-error').text()).toContain('Máy chủ đang gặp sự cố'))
    m.server.answer(`GET ${API}/reports?status=returned`, json(200, []))
    await m.w.find('.load-error button').trigger('click')
    await until(() => expect(m.w.text()).toContain('Không có báo cáo nào khớp bộ lọc.'))
  })
})

const REPORT = `${BASE}/duyet/T1/2024-Q1`
const DECIDE = `POST ${API}/reports/T1/2024-Q1/decision`
const GET_REPORT = `GET ${API}/reports/T1/2024-Q1`

/** Opens the value's comment box ("+ Nhận xét") and types into it. */
async function writeComment(m: Mounted, code: string, text: string): Promise<void> {
  const open = m.w.find(`#value-${code} .value__add-comment`)
  if (open.exists()) await open.trigger('click')
  await m.w.find(`#comment-${code}`).setValue(text)
}

/** Opens the bar's reason box ("Trả lại…" / "Mở lại") when it is not open yet. */
async function openReason(m: Mounted, button = '.decision__return'): Promise<void> {
  if (m.w.find('#decision-reason').exists()) return
  await m.w.find(button).trigger('click')
  await settle()
  expect(m.w.find('#decision-reason').exists()).toBe(true)
}

async function openReport(over = {}, as = officer): Promise<Mounted & { server: Server }> {
  const m = await openAs(as, REPORT, { [GET_REPORT]: json(200, detail(over)), [DECIDE]: json(200, { status: 'approved', version: 50 }) })
  await until(() => expect(m.w.find('#report-title').exists()).toBe(true))
  return m
}

describe('a report', () => {
  it('shows the header, each value with its target, vi-VN figure, note, earlier periods, issues and last editor', async () => {
    const m = await openReport({ period: { ...detail().period, locked: true, lockReason: 'Đã chốt số liệu quý' } })
    expect(m.w.find('#report-title').text()).toBe('Thôn Hải Tân – Quý 1/2024')
    const head = m.w.find('.report__head').text()
    expect(head).toContain('đã gửi')
    expect(head).toContain('09/04/2024')
    expect(head).toContain('Trễ hạn')
    expect(head).toContain('05/04/2024')
    expect(head).toContain('Kỳ báo cáo đã khóa: Đã chốt số liệu quý')

    const lua = m.w.find('#value-LUA_DT')
    expect(lua.find('h3').text()).toBe('Diện tích lúa (ha)')
    expect(lua.text()).toContain('Đạt ít nhất 229 ha')
    expect(lua.find('.value__figure').text()).toBe('1.448,5 ha')
    expect(lua.text()).toContain('Gieo thêm vụ đông')
    expect(lua.text()).toContain('Nguyễn Văn An')
    expect(lua.find('.issue--warning').text()).toContain('Cần xem lại: Diện tích lúa cao gấp 6 lần quý trước')
    expect(lua.classes()).toContain('value--warning')
    expect(lua.find('a.value__history').attributes('href')).toBe(`${BASE}/lich-su?unit=T1&period=2024-Q1&indicator=LUA_DT`)

    // The unit explained this warning: nothing more to say.
    expect(lua.find('.value__unexplained').exists()).toBe(false)

    const bhyt = m.w.find('#value-BHYT')
    expect(bhyt.find('.value__figure').text()).toBe('45/50 (90%)')
    expect(bhyt.find('.value__previous').text()).toBe('Quý 4/2023: 44/50 (88%)')
    expect(bhyt.find('.issue--error').text()).toContain('Lỗi: Tử số lớn hơn mẫu số')
    expect(bhyt.classes()).toContain('value--error')
    // A comment box opens on request, named after its value, and takes the focus.
    expect(bhyt.find('textarea').exists()).toBe(false)
    expect(bhyt.find('.value__add-comment').text()).toBe('+ Nhận xét – Tỷ lệ tham gia BHYT')
    await bhyt.find('.value__add-comment').trigger('click')
    await settle()
    expect(m.w.find('#value-BHYT label[for="comment-BHYT"]').text()).toBe('Nhận xét gửi đơn vị – Tỷ lệ tham gia BHYT')
    expect(document.activeElement?.id).toBe('comment-BHYT')
  })

  it('says when a warning has no note from the unit, on the value and above the list', async () => {
    const values = detail().values.map((v) => (v.indicator === 'LUA_DT' ? { ...v, note: null } : v))
    const m = await openReport({ values })
    const lua = m.w.find('#value-LUA_DT')
    expect(lua.find('.value__unexplained').text()).toBe('⚠ Đơn vị chưa ghi chú lý do cho cảnh báo này.')
    expect(m.w.text()).toContain('1 số liệu có cảnh báo mà đơn vị chưa ghi chú lý do.')
    // An error is not a warning waiting for a note.
    expect(m.w.find('#value-BHYT .value__unexplained').exists()).toBe(false)
  })

  it('approves after a confirmation, sending exactly { action: "approve" }, and says the phone gets it at its next sync', async () => {
    const m = await openReport()
    await m.w.find('.decision__approve').trigger('click')
    await settle()
    expect(m.server.calls(DECIDE)).toBe(0) // nothing before the confirmation
    expect(m.w.find('.report dialog').text()).toContain('Duyệt báo cáo Quý 1/2024 của Thôn Hải Tân?')
    expect(m.w.find('.report dialog').text()).toContain('Báo cáo còn 2 cảnh báo hoặc lỗi cần xem lại.')
    m.server.answer(GET_REPORT, json(200, detail({ status: 'approved', decidedAt: '2024-04-10T03:00:00.000Z', decidedBy: 'Trần Thị Lan' })))
    await m.w.find('.decision__confirm').trigger('click')
    await until(() => expect(m.w.find('.report__result').exists()).toBe(true))
    expect(m.server.sent(DECIDE)).toEqual([{ action: 'approve' }])
    expect(m.w.find('.report__result').text()).toContain('Đã duyệt báo cáo.')
    expect(m.w.find('.report__result').text()).toContain('Điện thoại của đơn vị sẽ nhận kết quả ở lần đồng bộ tiếp theo.')
    // Reloaded: now approved, the only action left is to reopen.
    await until(() => expect(m.w.find('.decision__reopen').exists()).toBe(true))
    expect(m.w.find('.decision__approve').exists()).toBe(false)
  })

  it('refuses to return without a reason, in Vietnamese, and sends nothing', async () => {
    const m = await openReport()
    await writeComment(m, 'LUA_DT', 'Kiểm tra lại diện tích')
    await openReason(m)
    await m.w.find('#decision-reason').setValue('   ')
    await m.w.find('.decision__return').trigger('click')
    await settle()
    const error = m.w.find('#decision-reason-error')
    expect(error.text()).toBe('Cần ghi lý do trả lại báo cáo.')
    expect(error.attributes('role')).toBe('alert')
    expect(m.w.find('#decision-reason').attributes('aria-invalid')).toBe('true')
    expect(m.server.calls(DECIDE)).toBe(0)
    expect((m.w.find('#comment-LUA_DT').element as HTMLTextAreaElement).value).toBe('Kiểm tra lại diện tích')
  })

  it('returns with the reason and the per-value comments, leaving out empty ones', async () => {
    const m = await openReport()
    m.server.answer(DECIDE, json(200, { status: 'returned', version: 51 }))
    await writeComment(m, 'LUA_DT', '  Diện tích lúa cao bất thường, đề nghị kiểm tra  ')
    await writeComment(m, 'BHYT', '   ')
    await openReason(m)
    await m.w.find('#decision-reason').setValue('Cần xem lại số liệu')
    expect(m.w.find('.decision__comments').text()).toBe('1 nhận xét trên từng số liệu sẽ được gửi kèm.')
    m.server.answer(GET_REPORT, json(200, detail({ status: 'returned', returnReason: 'Cần xem lại số liệu' })))
    await m.w.find('.decision__return').trigger('click')
    await until(() => expect(m.w.find('.report__result').text()).toContain('Đã trả lại báo cáo cho đơn vị.'))
    expect(m.server.sent(DECIDE)).toEqual([{ action: 'return', reason: 'Cần xem lại số liệu', comments: { LUA_DT: 'Diện tích lúa cao bất thường, đề nghị kiểm tra' } }])
  })

  it('shows a 409 from the server and keeps the reason and comments typed, to retry', async () => {
    const m = await openReport()
    m.server.answer(DECIDE, json(409, { code: 'invalid_transition', message: 'Báo cáo đang ở trạng thái “đã duyệt”, không thể trả lại' }))
    await writeComment(m, 'BHYT', 'Mẫu số là tổng số dân')
    await openReason(m)
    await m.w.find('#decision-reason').setValue('Sai mẫu số')
    await m.w.find('.decision__return').trigger('click')
    await until(() => expect(m.w.find('.decision .notice--error').exists()).toBe(true))
    const failure = m.w.find('.decision .notice--error')
    expect(failure.attributes('role')).toBe('alert')
    expect(failure.text()).toContain('Báo cáo đang ở trạng thái “đã duyệt”, không thể trả lại')
    expect(failure.text()).toContain('Nội dung đã nhập vẫn còn')
    expect((m.w.find('#decision-reason').element as HTMLTextAreaElement).value).toBe('Sai mẫu số')
    expect((m.w.find('#comment-BHYT').element as HTMLTextAreaElement).value).toBe('Mẫu số là tổng số dân')
    expect(m.w.find('.report__result').exists()).toBe(false)
    // Retried once the server agrees: the same text goes.
    m.server.answer(DECIDE, json(200, { status: 'returned', version: 52 }))
    await m.w.find('.decision__return').trigger('click')
    await until(() => expect(m.w.find('.report__result').exists()).toBe(true))
    expect(m.server.sent(DECIDE)[1]).toEqual({ action: 'return', reason: 'Sai mẫu số', comments: { BHYT: 'Mẫu số là tổng số dân' } })
  })

  it('shows a 400 from the server as its message', async () => {
    const m = await openReport()
    m.server.answer(DECIDE, json(400, { code: 'invalid', message: 'Quyết định: lý do quá dài' }))
    await openReason(m)
    await m.w.find('#decision-reason').setValue('Lý do')
    await m.w.find('.decision__return').trigger('click')
    await until(() => expect(m.w.find('.decision .notice--error').text()).toContain('Quyết định: lý do quá dài'))
    expect((m.w.find('#decision-reason').element as HTMLTextAreaElement).value).toBe('Lý do')
  })

  it('reopens an approved report only with a reason', async () => {
    const m = await openReport({ status: 'approved', decidedAt: '2024-04-10T03:00:00.000Z', decidedBy: 'Trần Thị Lan' })
    expect(m.w.find('.decision__approve').exists()).toBe(false)
    expect(m.w.find('.decision__return').exists()).toBe(false)
    await openReason(m, '.decision__reopen')
    expect(m.w.find('label[for="decision-reason"]').text()).toBe('Lý do mở lại (bắt buộc)')
    expect(document.activeElement?.id).toBe('decision-reason')
    await m.w.find('.decision__reopen').trigger('click')
    await settle()
    expect(m.w.find('#decision-reason-error').text()).toBe('Cần ghi lý do mở lại báo cáo.')
    expect(m.server.calls(DECIDE)).toBe(0)
    m.server.answer(DECIDE, json(200, { status: 'returned', version: 53 }))
    await m.w.find('#decision-reason').setValue('Đơn vị xin sửa số BHYT')
    await m.w.find('.decision__reopen').trigger('click')
    await until(() => expect(m.w.find('.report__result').text()).toContain('Đã mở lại báo cáo'))
    expect(m.server.sent(DECIDE)).toEqual([{ action: 'reopen', reason: 'Đơn vị xin sửa số BHYT' }])
  })

  it('shows the comments already sent on a returned report, with nothing to decide', async () => {
    const values = detail().values.map((v) => (v.indicator === 'BHYT' ? { ...v, comment: 'Mẫu số là tổng số dân' } : v))
    const m = await openReport({ status: 'returned', returnReason: 'Sai mẫu số', comments: { BHYT: 'Mẫu số là tổng số dân' }, values })
    expect(m.w.find('#value-BHYT .value__comment').text()).toContain('Mẫu số là tổng số dân')
    expect(m.w.find('.report__head').text()).toContain('Sai mẫu số')
    expect(m.w.findAll('.decision button')).toHaveLength(0)
    expect(m.w.find('.decision').text()).toContain('chờ đơn vị gửi')
  })

  it('is read-only for a leader: no comment boxes, no decision buttons', async () => {
    const m = await openReport({}, leader)
    expect(m.w.find('#value-LUA_DT .value__figure').text()).toBe('1.448,5 ha')
    expect(m.w.findAll('textarea')).toHaveLength(0)
    expect(m.w.findAll('.value__add-comment')).toHaveLength(0)
    expect(m.w.findAll('.decision button')).toHaveLength(0)
    expect(m.w.find('.decision').text()).toContain('Tài khoản lãnh đạo chỉ xem')
  })

  it('rounds a computed figure at its precision, and shows it beside the previous period and the same period last year', async () => {
    const yieldValue = {
      ...detail().values[0]!,
      indicator: 'LUA_NS',
      name: 'Năng suất lúa',
      unitOfMeasure: 'tạ/ha',
      data: { kind: 'number' as const, value: 74.137931 },
      decimals: 1,
      previousPeriod: { period: '2023-Q4', data: { kind: 'number' as const, value: 61.04918 } },
      lastYear: { period: '2023-Q1', data: { kind: 'number' as const, value: 65.5 } },
      issues: [],
      note: null,
    }
    const m = await openReport({ values: [...detail().values, yieldValue] })
    const ns = m.w.find('#value-LUA_NS')
    expect(ns.find('.value__figure').text()).toBe('74,1 tạ/ha')
    expect(ns.find('.value__before').text()).toBe('Kỳ trước (Quý 4/2023)61 tạ/ha')
    expect(ns.find('.value__last-year').text()).toBe('Cùng kỳ năm trước (Quý 1/2023)65,5 tạ/ha')
    // A period without a figure says so; one that measured something else is not shown.
    expect(m.w.find('#value-LUA_DT .value__last-year').text()).toContain('không có số liệu')
    expect(m.w.find('#value-BHYT .value__last-year').exists()).toBe(false)
    expect(m.w.find('#value-BHYT .value__before dd').text()).toBe('44/50 (88%)')
  })

  it('counts the figures to check at the top, marks each at its figure and goes from one to the next', async () => {
    const relation = { code: 'children_sum' as const, severity: 'warning' as const, refs: ['BHYT', 'LUA_DT'], message: 'Tổng các phần khác số chung' }
    const loose = { code: 'equality' as const, severity: 'warning' as const, refs: ['THU_NS'], message: 'Thu không bằng chi' }
    const m = await openReport({ issues: [relation, loose] })
    expect(m.w.find('.report__flags').text()).toContain('2 số liệu cần xem lại')
    expect(m.w.find('#value-LUA_DT .value__flag').text()).toContain('Cần xem lại (1/2)')
    expect(m.w.find('#value-BHYT .value__flag').text()).toContain('Cần xem lại (2/2)')
    // A check across values is marked at the figure it names first; one naming no figure of the report stays above.
    expect(m.w.find('#value-BHYT').text()).toContain('Tổng các phần khác số chung')
    expect(m.w.find('.report__issues').text()).toContain('Thu không bằng chi')
    expect(m.w.find('.report__issues').text()).not.toContain('Tổng các phần khác số chung')
    await m.w.find('.report__flags-jump').trigger('click')
    expect(document.activeElement?.id).toBe('value-LUA_DT')
    await m.w.find('#value-LUA_DT .value__flag-next').trigger('click')
    expect(document.activeElement?.id).toBe('value-BHYT')
    // The last goes round to the first; the bar's count goes to the first too.
    await m.w.find('#value-BHYT .value__flag-next').trigger('click')
    expect(document.activeElement?.id).toBe('value-LUA_DT')
    ;(document.activeElement as HTMLElement).blur()
    expect(m.w.find('.decision__flags').text()).toContain('2 số liệu cần xem lại')
    await m.w.find('.decision__flags').trigger('click')
    expect(document.activeElement?.id).toBe('value-LUA_DT')
  })

  it('says so when no figure needs a second look', async () => {
    const values = detail().values.map((v) => ({ ...v, issues: [] }))
    const m = await openReport({ values })
    expect(m.w.find('.report__flags').text()).toBe('Không có số liệu nào cần xem lại.')
    expect(m.w.find('.value__flag').exists()).toBe(false)
    expect(m.w.find('.decision__flags').exists()).toBe(false)
  })

  it('after a decision offers the next report waiting in the queue, of the same period first', async () => {
    const m = await openReport()
    m.server.answer(`GET ${API}/reports?status=submitted`, json(200, [
      { unit: 'T1', period: '2024-Q1', status: 'submitted', returnReason: null, submittedAt: '2024-04-09T03:00:00.000Z', version: 41 },
      { unit: 'T4', period: '2024-Q2', status: 'submitted', returnReason: null, submittedAt: '2024-04-01T03:00:00.000Z', version: 44 },
      { unit: 'T2', period: '2024-Q1', status: 'submitted', returnReason: null, submittedAt: '2024-04-03T03:00:00.000Z', version: 43 },
    ]))
    m.server.answer(GET_REPORT, json(200, detail({ status: 'approved', decidedAt: '2024-04-10T03:00:00.000Z', decidedBy: 'Trần Thị Lan' })))
    await m.w.find('.decision__approve').trigger('click')
    await settle()
    await m.w.find('.decision__confirm').trigger('click')
    await until(() => expect(m.w.find('.decision__next').exists()).toBe(true))
    const next = m.w.find('.decision__next')
    expect(next.text()).toBe('Báo cáo tiếp theo: Thôn Vĩnh Xuyên, Quý 1/2024 →')
    expect(next.attributes('href')).toBe(`${BASE}/duyet/T2/2024-Q1`)
    expect(document.activeElement?.id).toBe('decision-next')
  })

  it('after the last decision says the queue is empty and leads back to it', async () => {
    const m = await openReport()
    m.server.answer(`GET ${API}/reports?status=submitted`, json(200, []))
    await m.w.find('.decision__approve').trigger('click')
    await settle()
    await m.w.find('.decision__confirm').trigger('click')
    await until(() => expect(m.w.find('.decision__none').exists()).toBe(true))
    expect(m.w.find('.decision__none').text()).toBe('Không còn báo cáo nào chờ duyệt.')
    expect(m.w.find('.decision__to-queue').attributes('href')).toBe(`${BASE}/duyet`)
  })

  it('shows a report that cannot be loaded with the server’s reason', async () => {
    const m = await openAs(officer, REPORT, { [GET_REPORT]: json(404, { code: 'not_found', message: 'Không có báo cáo này' }) })
    await until(() => expect(m.w.find('.load-error').text()).toContain('Không có báo cáo này'))
  })
})
