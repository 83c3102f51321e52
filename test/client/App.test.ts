import 'fake-indexeddb/auto'
// The plan viewer (/ke-hoach) once signed in: the communes the user may see, a commune's plan, its
// years, and failures in Vietnamese.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveSession } from '../../src/client/local/db'
import { fakeServer, json, officer, otherSummary, planOf, summary } from './fakeServer'
import { mountApp, settle, until } from './app/harness'
import { freshDb } from './local/testDb'

const signedIn = { 'GET /api/auth/me': json(200, officer) }

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

/** The viewer at `path`, for the officer signed in on this device. */
async function viewer(path = '/ke-hoach') {
  const db = freshDb('viewer')
  await saveSession(db, officer)
  const m = await mountApp({ db, path })
  await settle()
  return { ...m, w: m.w }
}

describe('App, signed in', () => {
  it('lists the communes from /api/communes, each linking to its plan', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/communes': json(200, [summary, otherSummary]) })
    const { w } = await viewer()
    expect(server.fetch).toHaveBeenCalledWith('/api/communes', expect.objectContaining({ credentials: 'same-origin' }))
    const links = w.findAll('a.commune')
    expect(links.map((l) => l.attributes('href'))).toEqual(['/ke-hoach/pho-thuan', '/ke-hoach/pho-an'])
    expect(links[0]!.text()).toContain('Xã Phổ Thuận')
    expect(links[0]!.text()).toContain('42 chỉ tiêu')
    expect(links[1]!.text()).toContain('Chưa có kế hoạch')
  })

  it('shows who is signed in in the menu: name, role in Vietnamese, commune, and a way to sign out', async () => {
    fakeServer({ ...signedIn, 'GET /api/communes': json(200, [summary, otherSummary]) })
    const { w } = await viewer()
    await until(() => expect(w.find('.account__toggle').exists()).toBe(true))
    const toggle = w.find('.account__toggle')
    expect(toggle.attributes('aria-expanded')).toBe('false')
    await toggle.trigger('click')
    expect(toggle.attributes('aria-expanded')).toBe('true')
    const panel = w.find(`#${toggle.attributes('aria-controls')}`)
    expect(panel.text()).toContain('Trần Thị Lan')
    expect(panel.text()).toContain('Cán bộ xã')
    expect(panel.text()).toContain('Phổ Thuận')
    expect(panel.findAll('button').at(-1)!.text()).toBe('Đăng xuất')
  })

  it('opens the commune directly when the user may see exactly one, with no list to go back to', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/communes': json(200, [summary]), 'GET /api/communes/pho-thuan/plan': json(200, planOf(2023)) })
    const { w, router } = await viewer()
    expect(server.calls('GET /api/communes/pho-thuan/plan')).toBe(1)
    expect(router.currentRoute.value.path).toBe('/ke-hoach/pho-thuan')
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect(w.find('a.back').exists()).toBe(false)
    expect(w.find('select').exists()).toBe(false) // one year: nothing to choose
  })

  it('says how to recover when the network fails, and retries on request', async () => {
    const server = fakeServer({ ...signedIn, 'GET /api/communes': () => Promise.reject(new TypeError('Failed to fetch')) })
    const { w } = await viewer()
    const alert = w.find('[role="alert"]')
    expect(alert.text()).toContain('Không tải được dữ liệu. Kiểm tra kết nối mạng và thử lại.')
    expect(w.text()).not.toContain('Failed to fetch')
    server.answer('GET /api/communes', json(200, [summary, otherSummary]))
    await alert.find('button').trigger('click')
    await settle()
    expect(w.find('[role="alert"]').exists()).toBe(false)
    expect(w.text()).toContain('Xã Phổ Thuận')
  })

  it('shows the server’s message for an unknown commune, with a way back to the list', async () => {
    fakeServer({
      ...signedIn,
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/khong-co/plan': json(404, { code: 'not_found', message: 'Không tìm thấy xã/phường' }),
    })
    const { w } = await viewer('/ke-hoach/khong-co')
    expect(w.find('[role="alert"]').text()).toContain('Không tìm thấy xã/phường')
    expect(w.find('a.back').attributes('href')).toBe('/ke-hoach')
  })

  it('shows a generic message for a server error, never its details', async () => {
    fakeServer({ ...signedIn, 'GET /api/communes': json(500, { code: 'internal', message: 'stack trace here' }) })
    const { w } = await viewer()
    expect(w.find('[role="alert"]').text()).toContain('Máy chủ đang gặp sự cố')
    expect(w.text()).not.toContain('stack trace')
  })

  it('opens a commune’s plan when the address names it, and goes back to the list', async () => {
    const server = fakeServer({
      ...signedIn,
      'GET /api/communes': json(200, [summary, otherSummary]),
      'GET /api/communes/pho-thuan/plan': json(200, planOf(2023)),
    })
    const { w, router } = await viewer()
    await w.find('a.commune').trigger('click')
    await settle()
    expect(server.fetch).toHaveBeenLastCalledWith('/api/communes/pho-thuan/plan', expect.anything())
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect(document.title).toContain('Xã Phổ Thuận')
    await w.find('a.back').trigger('click')
    await settle()
    expect(router.currentRoute.value.path).toBe('/ke-hoach')
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
    const { w, router } = await viewer()
    const select = w.find('select')
    expect(w.find(`label[for="${select.attributes('id')}"]`).text()).toBe('Năm kế hoạch')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['2024', '2023'])
    expect((select.element as HTMLSelectElement).value).toBe('2024')
    await select.setValue('2023')
    await settle()
    expect(router.currentRoute.value.path).toBe('/ke-hoach/pho-thuan/2023')
    expect(server.calls('GET /api/communes/pho-thuan/plan?year=2023')).toBe(1)
    expect(w.find('h1').text()).toBe('Kế hoạch thi đua năm 2023')
    expect((w.find('select').element as HTMLSelectElement).value).toBe('2023')
  })

  it('says so when the user may see no commune', async () => {
    fakeServer({ ...signedIn, 'GET /api/communes': json(200, []) })
    const { w } = await viewer()
    expect(w.text()).toContain('Chưa có xã/phường nào')
  })
})
