import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src/client/App.vue'
import type { CommuneSummary } from '../../src/client/api'

const summary: CommuneSummary = {
  code: 'pho-thuan',
  name: 'Phổ Thuận',
  kind: 'xa',
  district: 'Thị xã Đức Phổ',
  province: 'Quảng Ngãi',
  planYear: 2023,
  planTitle: 'Kế hoạch phát động phong trào thi đua năm 2023',
  indicatorCount: 42,
  unitCount: 9,
}

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

afterEach(() => {
  vi.unstubAllGlobals()
  window.location.hash = ''
})

describe('App', () => {
  it('lists the communes from /api/communes, each linking to its plan', async () => {
    const fetch = vi.fn(async () => json(200, [summary]))
    vi.stubGlobal('fetch', fetch)
    const w = mount(App)
    expect(w.text()).toContain('Đang tải')
    await flushPromises()
    expect(fetch).toHaveBeenCalledWith('/api/communes', expect.anything())
    const link = w.find('a.commune')
    expect(link.attributes('href')).toBe('#/xa/pho-thuan')
    expect(link.text()).toContain('Xã Phổ Thuận')
    expect(link.text()).toContain('42 chỉ tiêu')
    w.unmount()
  })

  it('says how to recover when the network fails, and retries on request', async () => {
    const fetch = vi.fn<() => Promise<Response>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(json(200, [summary]))
    vi.stubGlobal('fetch', fetch)
    const w = mount(App)
    await flushPromises()
    const alert = w.find('[role="alert"]')
    expect(alert.text()).toContain('Không tải được dữ liệu. Kiểm tra kết nối mạng và thử lại.')
    expect(w.text()).not.toContain('Failed to fetch')
    await alert.find('button').trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(w.text()).toContain('Xã Phổ Thuận')
    w.unmount()
  })

  it('shows the server’s message for an unknown commune, with a way back to the list', async () => {
    window.location.hash = '#/xa/khong-co'
    vi.stubGlobal('fetch', vi.fn(async () => json(404, { code: 'not_found', message: 'Không tìm thấy xã/phường' })))
    const w = mount(App)
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Không tìm thấy xã/phường')
    expect(w.find('a.back').attributes('href')).toBe('#/')
    w.unmount()
  })

  it('shows a generic message for a server error, never its details', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(500, { code: 'internal', message: 'stack trace here' })))
    const w = mount(App)
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Máy chủ đang gặp sự cố')
    expect(w.text()).not.toContain('stack trace')
    w.unmount()
  })

  it('opens a commune’s plan when the address names it, and goes back to the list', async () => {
    const plan = {
      commune: { code: 'pho-thuan', name: 'Phổ Thuận', kind: 'xa', district: 'Thị xã Đức Phổ', province: 'Quảng Ngãi' },
      units: [],
      plan: { year: 2023, title: 'Kế hoạch thi đua năm 2023', movements: [], phases: [], fields: [], indicators: [], rules: [] },
      issues: [],
    }
    const fetch = vi.fn(async (url: string) => json(200, url === '/api/communes' ? [summary] : plan))
    vi.stubGlobal('fetch', fetch)
    const w = mount(App)
    await flushPromises()
    window.location.hash = '#/xa/pho-thuan'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(fetch).toHaveBeenLastCalledWith('/api/communes/pho-thuan/plan', expect.anything())
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect(document.title).toContain('Xã Phổ Thuận')
    window.location.hash = '#/'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(w.find('a.commune').exists()).toBe(true)
    expect(fetch).toHaveBeenCalledTimes(2) // the list was kept, not fetched again
    w.unmount()
  })

  it('says so when the server has no communes', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => json(200, [])))
    const w = mount(App)
    await flushPromises()
    expect(w.text()).toContain('Chưa có xã/phường nào')
    w.unmount()
  })
})
