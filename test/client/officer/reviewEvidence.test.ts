import 'fake-indexeddb/auto'
// Evidence in the officer's review: thumbnails beside the figure they support and for the whole
// report, each opening the whole file (the full view); the count of files on the completeness
// board, and the reports sent with and without evidence.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Evidence } from '../../../src/shared/evidence'
import { mount } from '@vue/test-utils'
import ExportButtons from '../../../src/client/officer/dashboard/ExportButtons.vue'
import { appendixChoice, clearAppendix } from '../../../src/client/officer/review/appendixChoice'
import { createAppI18n, registerMessages } from '../../../src/client/modules/i18n'
import { dashboardMessages } from '../../../src/client/officer/dashboard/messages'
import { fakeServer, json } from '../fakeServer'
import { until } from '../app/harness'
import { API, BASE, board, closeAll, detail, officer, openAs } from './reviewFixtures'

afterEach(async () => {
  clearAppendix('pho-thuan')
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  document.body.innerHTML = ''
  await closeAll()
})

const file = (over: Partial<Evidence>): Evidence => ({
  id: '6f1c1f5e-0000-4000-8000-000000000001',
  clientId: 'c-00000001',
  unit: 'T1',
  period: '2024-Q1',
  indicator: null,
  caption: '',
  filename: 'IMG_0001.jpg',
  type: 'image/jpeg',
  size: 240_000,
  width: 1200,
  height: 1600,
  thumbnail: true,
  uploadedBy: 'Nguyễn Văn An',
  uploadedAt: '2024-04-02T03:00:00.000Z',
  deleted: false,
  version: 12,
  ...over,
})

describe('evidence in the review of a report', () => {
  it('shows thumbnails beside their figure and for the whole report, each opening the file', async () => {
    const road = file({ id: '6f1c1f5e-0000-4000-8000-00000000000a', indicator: 'LUA_DT', caption: 'Cánh đồng lúa vụ đông' })
    const list = file({ id: '6f1c1f5e-0000-4000-8000-00000000000b', type: 'application/pdf', thumbnail: false, width: null, height: null, caption: 'Danh sách hộ tham gia BHYT', filename: 'bhyt.pdf' })
    const m = await openAs(officer, `${BASE}/duyet/T1/2024-Q1`, {
      [`GET ${API}/reports/T1/2024-Q1`]: json(200, detail()),
      [`GET ${API}/evidence?unit=T1&period=2024-Q1`]: json(200, { evidence: [road, list] }),
    })
    await until(() => expect(m.w.find('[data-evidence]').exists()).toBe(true))
    const beside = m.w.find('#value-LUA_DT').find(`[data-evidence="${road.id}"]`)
    expect(beside.find('img').attributes('src')).toBe(`${API}/evidence/${road.id}/thumbnail`)
    expect(beside.find('img').attributes('alt')).toBe('Cánh đồng lúa vụ đông')
    const open = beside.find('a')
    expect(open.attributes('href')).toBe(`${API}/evidence/${road.id}/file`)
    expect(open.attributes('target')).toBe('_blank')
    expect(open.attributes('aria-label')).toBe('Xem tệp đầy đủ: Cánh đồng lúa vụ đông')
    // The whole report's file sits above the figures, a PDF as a tile.
    const whole = m.w.find(`[data-evidence="${list.id}"]`)
    expect(whole.text()).toContain('Tệp PDF')
    expect(whole.text()).toContain('Danh sách hộ tham gia BHYT')
    expect(m.w.find('#value-LUA_DT').find(`[data-evidence="${list.id}"]`).exists()).toBe(false)
    expect(m.w.text()).toContain('Minh chứng chung của báo cáo')
  })

  it('still shows the report when the evidence list fails', async () => {
    const m = await openAs(officer, `${BASE}/duyet/T1/2024-Q1`, {
      [`GET ${API}/reports/T1/2024-Q1`]: json(200, detail()),
      [`GET ${API}/evidence?unit=T1&period=2024-Q1`]: json(500, { code: 'internal', message: 'Máy chủ gặp lỗi.' }),
    })
    await until(() => expect(m.w.text()).toContain('Không tải được danh sách minh chứng'))
    expect(m.w.find('#value-LUA_DT').exists()).toBe(true)
  })
})

describe('evidence on the completeness board', () => {
  it('counts the files of a report in its cell and the reports sent with and without evidence', async () => {
    const withFiles = { ...board, cells: board.cells.map((c) => (c.unit === 'T1' && c.period === '2024-Q1' ? { ...c, evidence: 3 } : c)), evidence: { with: 1, without: 1 } }
    const m = await openAs(officer, `${BASE}/tien-do?nam=2024`, { [`GET ${API}/completeness?year=2024`]: json(200, withFiles) })
    await until(() => expect(m.w.find('table.grid').exists()).toBe(true))
    const count = m.w.find('td[data-cell="T1|2024-Q1"] .grid__evidence')
    expect(count.find('[aria-hidden="true"]').text()).toBe('📎 3')
    expect(count.find('.visually-hidden').text()).toBe('3 tệp minh chứng')
    expect(m.w.find('td[data-cell="T2|2024-Q1"] .grid__evidence').exists()).toBe(false)
    expect(m.w.find('[data-total="with-evidence"]').text()).toBe('📎 Báo cáo đã gửi có minh chứng1')
    expect(m.w.find('[data-total="without-evidence"]').text()).toBe('Báo cáo đã gửi chưa có minh chứng1')
  })
})

describe('photos chosen for the review report’s appendix', () => {
  it('are ticked in the review and sent with the Word download', async () => {
    const road = file({ id: '6f1c1f5e-0000-4000-8000-00000000000c', indicator: 'LUA_DT', caption: 'Đường bê tông' })
    const m = await openAs(officer, `${BASE}/duyet/T1/2024-Q1`, {
      [`GET ${API}/reports/T1/2024-Q1`]: json(200, detail()),
      [`GET ${API}/evidence?unit=T1&period=2024-Q1`]: json(200, { evidence: [road] }),
    })
    await until(() => expect(m.w.find('[data-appendix]').exists()).toBe(true))
    expect(m.w.find(`[data-evidence="${road.id}"]`).text()).toContain('Đưa vào phụ lục báo cáo')
    await m.w.find('[data-appendix]').setValue(true)
    expect(appendixChoice('pho-thuan').value).toEqual([road.id])
    expect(JSON.parse(localStorage.getItem('thidua.appendix.pho-thuan') ?? '[]')).toEqual([road.id])

    const server = fakeServer({})
    registerMessages(dashboardMessages)
    const buttons = mount(ExportButtons, { props: { commune: 'pho-thuan', query: { year: 2024 }, year: 2024, suggested: 'so_ket' }, global: { plugins: [createAppI18n('vi')] } })
    expect(buttons.find('[data-appendix-count]').text()).toContain('kèm 1 ảnh minh chứng')
    await buttons.find('[data-export="so_ket"]').trigger('click')
    await until(() => expect(server.fetch).toHaveBeenCalled())
    expect(String(server.fetch.mock.calls[0]![0])).toBe(`${API}/exports/review.docx?year=2024&kind=so_ket&evidence=${road.id}`)
    await buttons.find('[data-appendix-count] button').trigger('click')
    expect(appendixChoice('pho-thuan').value).toEqual([])
    buttons.unmount()
  })
})
