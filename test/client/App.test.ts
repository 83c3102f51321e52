// The viewer once signed in: the communes the user may see, a commune's plan, its years, and failures in Vietnamese.
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import App from '../../src/client/App.vue'
import { fakeServer, json, officer, otherSummary, planOf, summary } from './fakeServer'

const signedIn = { 'GET /api/auth/me': json(200, officer) }

enableAutoUnmount(afterEach)
afterEach(() => {
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
})

describe('App, signed in', () => {
  it('lists the communes from /api/communes, each linking to its plan', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/communes': json(200, [summary, otherSummary]) })
    const w = mount(App)
    expect(w.text()).toContain('Đang kiểm tra đăng nhập')
    await flushPromises()
    expect(server.fetch).toHaveBeenCalledWith('/api/communes', expect.objectContaining({ credentials: 'same-origin' }))
    const links = w.findAll('a.commune')
    expect(links.map((l) => l.attributes('href'))).toEqual(['#/xa/pho-thuan', '#/xa/pho-an'])
    expect(links[0]!.text()).toContain('Xã Phổ Thuận')
    expect(links[0]!.text()).toContain('42 chỉ tiêu')
    expect(links[1]!.text()).toContain('Chưa có kế hoạch')
  })

  it('shows who is signed in: name, role in Vietnamese, commune, and a way to sign out', async () => {
    fakeServer({ ...signedIn, 'GET /api/communes': json(200, [summary, otherSummary]) })
    const w = mount(App)
    await flushPromises()
    const bar = w.find('header')
    expect(bar.text()).toContain('Trần Thị Lan')
    expect(bar.text()).toContain('Cán bộ xã')
    expect(bar.text()).toContain('Phổ Thuận')
    expect(bar.find('button').text()).toBe('Đăng xuất')
  })

  it('opens the commune directly when the user may see exactly one, with no list to go back to', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/communes': json(200, [summary]), 'GET /api/communes/pho-thuan/plan': json(200, planOf(2023)) })
    const w = mount(App)
    await flushPromises()
    expect(server.calls('GET /api/communes/pho-thuan/plan')).toBe(1)
    expect(location.hash).toBe('#/xa/pho-thuan')
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect(w.find('a.back').exists()).toBe(false)
    expect(w.find('select').exists()).toBe(false) // one year: nothing to choose
  })

  it('says how to recover when the network fails, and retries on request', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/communes': () => Promise.reject(new TypeError('Failed to fetch')) })
    const w = mount(App)
    await flushPromises()
    const alert = w.find('[role="alert"]')
    expect(alert.text()).toContain('Không tải được dữ liệu. Kiểm tra kết nối mạng và thử lại.')
    expect(w.text()).not.toContain('Failed to fetch')
    server.answer('GET /api/communes', json(200, [summary, otherSummary]))
    await alert.find('button').trigger('click')
    await flushPromises()
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(w.text()).toContain('Xã Phổ Thuận')
  })

  it('shows the server’s message for an unknown commune, with a way back to the list', async () => {
    history.replaceState(null, '', '/#/xa/khong-co')
    fakeServer({
      ...signedIn,
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/khong-co/plan': json(404, { code: 'not_found', message: 'Không tìm thấy xã/phường' }),
    })
    const w = mount(App)
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Không tìm thấy xã/phường')
    expect(w.find('a.back').attributes('href')).toBe('#/')
  })

  it('shows a generic message for a server error, never its details', async () => {
    fakeServer({ ...signedIn, 'GET /api/communes': json(500, { code: 'internal', message: 'stack trace here' }) })
    const w = mount(App)
    await flushPromises()
    expect(w.find('[role="alert"]').text()).toContain('Máy chủ đang gặp sự cố')
    expect(w.text()).not.toContain('stack trace')
  })

  it('opens a commune’s plan when the address names it, and goes back to the list', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/pho-thuan/plan': json(200, planOf(2023)),
    })
    const w = mount(App)
    await flushPromises()
    window.location.hash = '#/xa/pho-thuan'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(server.fetch).toHaveBeenLastCalledWith('/api/communes/pho-thuan/plan', expect.anything())
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect(document.title).toContain('Xã Phổ Thuận')
    window.location.hash = '#/'
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(w.find('a.commune').exists()).toBe(true)
    expect(server.calls('GET /api/communes')).toBe(1) // the list was kept, not fetched again
  })

  it('offers the plan’s years when there are several, and reads the chosen one', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/communes': json(200, [summary]),
      'GET /api/communes/pho-thuan/plan': json(200, planOf(2024, [2024, 2023])),
      'GET /api/communes/pho-thuan/plan?year=2023': json(200, planOf(2023, [2024, 2023])),
    })
    const w = mount(App)
    await flushPromises()
    const select = w.find('select')
    expect(w.find(`label[for="${select.attributes('id')}"]`).text()).toBe('Năm kế hoạch')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['2024', '2023'])
    expect((select.element as HTMLSelectElement).value).toBe('2024')
    await select.setValue('2023')
    expect(location.hash).toBe('#/xa/pho-thuan/2023')
    window.dispatchEvent(new HashChangeEvent('hashchange'))
    await flushPromises()
    expect(server.calls('GET /api/communes/pho-thuan/plan?year=2023')).toBe(1)
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect((w.find('select').element as HTMLSelectElement).value).toBe('2023')
  })

  it('says so when the user may see no commune', async () => {
    fakeServer({ ...signedIn, 'GET /api/communes': json(200, []) })
    const w = mount(App)
    await flushPromises()
    expect(w.text()).toContain('Chưa có xã/phường nào')
  })
})
