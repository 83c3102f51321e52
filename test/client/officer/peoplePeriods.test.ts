import 'fake-indexeddb/auto'
// "Kỳ báo cáo" (/quan-ly/:commune/ky-bao-cao?nam=), mounted in the whole app as an officer opens it:
// the year's periods and their lock, opening the four quarters at once, opening one, a lock that
// needs its reason, reopening, changing a deadline, deleting an empty period.
import type { DOMWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveSession } from '../../../src/client/local/db'
import type { PeriodView } from '../../../src/client/officer/people/api'
import { fakeServer, json, officer, type Answer } from '../fakeServer'
import { mountApp, until, type Mounted } from '../app/harness'
import { freshDb } from '../local/testDb'

const api = '/api/communes/pho-thuan'

const view = (p: Omit<PeriodView, 'year' | 'version' | 'inUse' | 'lockReason' | 'locked' | 'unsentDrafts'> & Partial<PeriodView>): PeriodView => ({
  year: 2024,
  version: 1,
  inUse: false,
  unsentDrafts: 0,
  locked: false,
  lockReason: null,
  ...p,
})

const P2024: PeriodView[] = [
  view({ code: '2024-Q1', kind: 'quarter', from: '2024-01-01', to: '2024-03-31', deadline: '2024-04-05', locked: true, lockReason: 'Đã chốt số liệu quý 1', inUse: true }),
  view({ code: '2024-Y', kind: 'year', from: '2024-01-01', to: '2024-12-31', deadline: '2025-01-15' }),
  view({ code: '2024-Q2', kind: 'quarter', from: '2024-04-01', to: '2024-06-30', deadline: '2024-07-05', inUse: true, unsentDrafts: 3 }),
  view({ code: '2024-Q3', kind: 'quarter', from: '2024-07-01', to: '2024-09-30', deadline: '2024-10-05' }),
  view({ code: '2024-Q4', kind: 'quarter', from: '2024-10-01', to: '2024-12-31', deadline: '2025-01-05' }),
]

function server(extra: Record<string, Answer> = {}) {
  return fakeServer({
    'GET /api/auth/me': json(200, officer),
    [`GET ${api}/periods?year=2024`]: json(200, P2024),
    [`GET ${api}/periods?year=2025`]: json(200, []),
    ...extra,
  })
}

async function openPeriods(year: number, count: number): Promise<Mounted> {
  const db = freshDb('periods')
  await saveSession(db, officer)
  const m = await mountApp({ db, path: `/quan-ly/pho-thuan/ky-bao-cao?nam=${year}` })
  await until(() => expect(m.w.find('h1').text()).toBe('Kỳ báo cáo'))
  await until(() => expect(m.w.findAll('.periods__item')).toHaveLength(count))
  return m
}

const item = (m: Mounted, code: string) => m.w.find(`.periods__item[data-code="${code}"]`)
function dialogWith(m: Mounted, text: string): DOMWrapper<Element> {
  const d = m.w.findAll('dialog').find((x) => x.text().includes(text))
  if (!d) throw new Error(`no dialog about “${text}”`)
  return d
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('the periods of a year', () => {
  it('lists the year of ?nam= with dates, deadlines and a lock shown in words with its reason', async () => {
    const s = server()
    const m = await openPeriods(2024, 5)
    expect(s.calls(`GET ${api}/periods?year=2024`)).toBe(1)
    // Quarters first, the whole year last.
    expect(m.w.findAll('.periods__item').map((li) => li.attributes('data-code'))).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2024-Y'])
    const q1 = item(m, '2024-Q1')
    expect(q1.text()).toContain('Quý 1/2024')
    expect(q1.text()).toContain('01/01/2024 – 31/03/2024')
    expect(q1.text()).toContain('Hạn nộp 05/04/2024')
    expect(q1.find('.pp-tag--locked').text()).toContain('Đã khóa')
    expect(q1.text()).toContain('Đã khóa: Đã chốt số liệu quý 1')
    expect(q1.find('button.periods__unlock').exists()).toBe(true)
    expect(q1.find('button.periods__lock').exists()).toBe(false)
    expect(item(m, '2024-Q3').find('.pp-tag--open').text()).toBe('Đang mở')
    // Nothing reported: it can go; something reported: it can only be locked.
    expect(item(m, '2024-Q3').find('button.periods__remove').exists()).toBe(true)
    expect(item(m, '2024-Q2').find('button.periods__remove').exists()).toBe(false)
    expect(item(m, '2024-Q2').text()).toContain('không xóa được')
    // Every quarter exists: nothing to open at once.
    expect(m.w.find('button.periods__quarters').attributes('disabled')).toBeDefined()

    // Its name read out holds the year it shows (WCAG 2.5.3).
    expect(m.w.find('button[data-test="next-year"]').text()).toContain('Năm sau: 2025')
    await m.w.find('button[data-test="next-year"]').trigger('click')
    await until(() => expect(m.router.currentRoute.value.query.nam).toBe('2025'))
    await until(() => expect(m.w.text()).toContain('Năm 2025 chưa có kỳ báo cáo nào.'))
  })

  it('opens the four quarters of an empty year at once: four POSTs with their dates and deadlines', async () => {
    const s = server({ [`POST ${api}/periods`]: (body) => json(201, { code: (body as { code: string }).code, version: 20 }) })
    const m = await openPeriods(2025, 0)
    await m.w.find('button.periods__quarters').trigger('click')
    await until(() => expect(m.w.findAll('.periods__item')).toHaveLength(4))
    expect(s.sent(`POST ${api}/periods`)).toEqual([
      { code: '2025-Q1', kind: 'quarter', year: 2025, from: '2025-01-01', to: '2025-03-31', deadline: '2025-04-05', locked: false },
      { code: '2025-Q2', kind: 'quarter', year: 2025, from: '2025-04-01', to: '2025-06-30', deadline: '2025-07-05', locked: false },
      { code: '2025-Q3', kind: 'quarter', year: 2025, from: '2025-07-01', to: '2025-09-30', deadline: '2025-10-05', locked: false },
      { code: '2025-Q4', kind: 'quarter', year: 2025, from: '2025-10-01', to: '2025-12-31', deadline: '2026-01-05', locked: false },
    ])
    expect(m.w.text()).toContain('Đã mở 4 kỳ quý của năm 2025.')
    expect(item(m, '2025-Q4').text()).toContain('Hạn nộp 05/01/2026')
  })

  it('says which quarter could not be opened and keeps the ones that were', async () => {
    let n = 0
    const s = server({
      [`POST ${api}/periods`]: (body) => (++n === 3 ? json(409, { code: 'period_exists', message: 'Đã có kỳ báo cáo “2025-Q3”' }) : json(201, { code: (body as { code: string }).code, version: 20 + n })),
    })
    const m = await openPeriods(2025, 0)
    await m.w.find('button.periods__quarters').trigger('click')
    await until(() => expect(m.w.find('[role="alert"]').text()).toContain('Đã có kỳ báo cáo “2025-Q3”'))
    expect(s.calls(`POST ${api}/periods`)).toBe(3)
    expect(m.w.find('[role="alert"]').text()).toContain('2025-Q1, 2025-Q2')
    expect(m.w.findAll('.periods__item').map((li) => li.attributes('data-code'))).toEqual(['2025-Q1', '2025-Q2'])
  })

  it('opens one month with its deadline changed', async () => {
    const s = server({ [`POST ${api}/periods`]: json(201, { code: '2024-M05', version: 21 }) })
    const m = await openPeriods(2024, 5)
    await m.w.find('button.periods__add').trigger('click')
    const form = m.w.find('form.periods__new')
    await form.find('select[name="kind"]').setValue('month')
    await form.find('select[name="n"]').setValue('5')
    expect((form.find('input[name="deadline"]').element as HTMLInputElement).value).toBe('2024-06-05')
    await form.find('input[name="deadline"]').setValue('2024-06-10')
    await form.trigger('submit')
    await until(() => expect(s.sent(`POST ${api}/periods`)).toEqual([{ code: '2024-M05', kind: 'month', year: 2024, from: '2024-05-01', to: '2024-05-31', deadline: '2024-06-10', locked: false }]))
    await until(() => expect(item(m, '2024-M05').text()).toContain('Tháng 5/2024'))
  })

  it('locks only with a reason: nothing is sent without one, then {locked:true, lockReason}', async () => {
    const s = server({ [`PATCH ${api}/periods/2024-Q2`]: json(200, { version: 30 }) })
    const m = await openPeriods(2024, 5)
    await item(m, '2024-Q2').find('button.periods__lock').trigger('click')
    const form = item(m, '2024-Q2').find('form.periods__lock-form')
    await form.find('textarea[name="lockReason"]').setValue('   ')
    await form.trigger('submit')
    expect(form.text()).toContain('Cần ghi lý do khóa.')
    expect(s.calls(`PATCH ${api}/periods/2024-Q2`)).toBe(0)

    await form.find('textarea[name="lockReason"]').setValue(' Đã tổng hợp sơ kết 6 tháng ')
    await form.trigger('submit')
    await until(() => expect(s.sent(`PATCH ${api}/periods/2024-Q2`)).toEqual([{ locked: true, lockReason: 'Đã tổng hợp sơ kết 6 tháng' }]))
    await until(() => expect(item(m, '2024-Q2').find('.pp-tag--locked').exists()).toBe(true))
    expect(item(m, '2024-Q2').text()).toContain('Đã khóa: Đã tổng hợp sơ kết 6 tháng')
  })

  it('says before and after a lock how many unsent drafts it freezes, as the server counts them', async () => {
    server({
      [`PATCH ${api}/periods/2024-Q2`]: json(200, { version: 31, unsentDrafts: 2 }),
      [`PATCH ${api}/periods/2024-Q3`]: json(200, { version: 32, unsentDrafts: 0 }),
    })
    const m = await openPeriods(2024, 5)
    await item(m, '2024-Q2').find('button.periods__lock').trigger('click')
    const form = item(m, '2024-Q2').find('form.periods__lock-form')
    expect(form.find('.periods__drafts--some').text()).toContain('Kỳ này còn 3 báo cáo chưa gửi: 3 đơn vị đã có số liệu trên máy chủ nhưng chưa gửi báo cáo')
    expect(form.text()).toContain('Số liệu còn nằm trên điện thoại, chưa đồng bộ, thì máy chủ chưa biết')
    await form.find('textarea[name="lockReason"]').setValue('Chốt sơ kết')
    await form.trigger('submit')
    // The answer's count is the one at the moment of the lock (a unit may have sent meanwhile).
    await until(() => expect(m.w.text()).toContain('Đã khóa kỳ 2024-Q2. 2 báo cáo nháp chưa gửi bị giữ lại.'))

    await item(m, '2024-Q3').find('button.periods__lock').trigger('click')
    const q3 = item(m, '2024-Q3').find('form.periods__lock-form')
    expect(q3.find('.periods__drafts').text()).toContain('Máy chủ không có báo cáo nháp nào chưa gửi trong kỳ này.')
    expect(q3.find('.periods__drafts--some').exists()).toBe(false)
    await q3.find('textarea[name="lockReason"]').setValue('Chốt')
    await q3.trigger('submit')
    await until(() => expect(m.w.text()).toContain('Đã khóa kỳ 2024-Q3.'))
    expect(m.w.text()).not.toContain('2024-Q3. 0 báo cáo')
  })

  it('keeps the reason typed when the server refuses the lock, with its message', async () => {
    server({ [`PATCH ${api}/periods/2024-Q3`]: json(404, { code: 'not_found', message: 'Không có kỳ báo cáo “2024-Q3”' }) })
    const m = await openPeriods(2024, 5)
    await item(m, '2024-Q3').find('button.periods__lock').trigger('click')
    const form = item(m, '2024-Q3').find('form.periods__lock-form')
    await form.find('textarea[name="lockReason"]').setValue('Chốt số liệu')
    await form.trigger('submit')
    await until(() => expect(item(m, '2024-Q3').find('[role="alert"]').text()).toBe('Không có kỳ báo cáo “2024-Q3”'))
    expect((item(m, '2024-Q3').find('textarea[name="lockReason"]').element as HTMLTextAreaElement).value).toBe('Chốt số liệu')
  })

  it('reopens a locked period after asking, and changes a deadline', async () => {
    const s = server({
      [`PATCH ${api}/periods/2024-Q1`]: json(200, { version: 31 }),
      [`PATCH ${api}/periods/2024-Q3`]: json(200, { version: 32 }),
    })
    const m = await openPeriods(2024, 5)
    await item(m, '2024-Q1').find('button.periods__unlock').trigger('click')
    const dialog = dialogWith(m, 'Mở lại kỳ Quý 1/2024?')
    expect(s.calls(`PATCH ${api}/periods/2024-Q1`)).toBe(0)
    await dialog.find('button.periods__confirm').trigger('click')
    await until(() => expect(s.sent(`PATCH ${api}/periods/2024-Q1`)).toEqual([{ locked: false }]))
    await until(() => expect(item(m, '2024-Q1').find('.pp-tag--open').text()).toBe('Đang mở'))
    expect(item(m, '2024-Q1').text()).not.toContain('Đã chốt số liệu quý 1')

    await item(m, '2024-Q3').find('button.periods__deadline').trigger('click')
    await item(m, '2024-Q3').find('input[name="deadline"]').setValue('2024-10-15')
    await item(m, '2024-Q3').find('form.periods__deadline-form').trigger('submit')
    await until(() => expect(s.sent(`PATCH ${api}/periods/2024-Q3`)).toEqual([{ deadline: '2024-10-15' }]))
    await until(() => expect(item(m, '2024-Q3').text()).toContain('Hạn nộp 15/10/2024'))
  })

  it('deletes an empty period after asking', async () => {
    const s = server({ [`DELETE ${api}/periods/2024-Q4`]: json(200, { version: 33 }) })
    const m = await openPeriods(2024, 5)
    await item(m, '2024-Q4').find('button.periods__remove').trigger('click')
    const dialog = dialogWith(m, 'Xóa kỳ Quý 4/2024?')
    await dialog.find('button.periods__confirm').trigger('click')
    await until(() => expect(s.calls(`DELETE ${api}/periods/2024-Q4`)).toBe(1))
    await until(() => expect(m.w.findAll('.periods__item')).toHaveLength(4))
    expect(item(m, '2024-Q4').exists()).toBe(false)
    // The quarter is missing again: opening the year's quarters would add just that one.
    expect(m.w.find('button.periods__quarters').attributes('disabled')).toBeUndefined()
  })
})
