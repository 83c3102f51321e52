import 'fake-indexeddb/auto'
// The demo ribbon: shown on every page when GET /api/server-info says the demo is loaded, and
// remembered for the next start without a network; a production server answers no ribbon.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEMO_KEY } from '../../../src/client/demo'
import { fakeServer, json, UNAUTHORIZED } from '../fakeServer'
import { mountApp, until } from '../app/harness'
import { freshDb } from '../local/testDb'

afterEach(() => {
  vi.unstubAllGlobals()
  localStorage.removeItem(DEMO_KEY)
  document.body.innerHTML = ''
})

const ribbon = () => document.querySelector('.demo-ribbon')

describe('the demo ribbon', () => {
  it('shows “Bản trình diễn” when the server runs the demo, and remembers it', async () => {
    fakeServer({ 'GET /api/server-info': json(200, { demo: true }), 'GET /api/auth/me': json(401, UNAUTHORIZED) })
    await mountApp({ db: freshDb('ribbon'), path: '/dang-nhap' })
    await until(() => expect(ribbon()?.textContent).toBe('Bản trình diễn'))
    expect(localStorage.getItem(DEMO_KEY)).toBe('1')
  })

  it('shows the remembered answer when the server cannot be reached', async () => {
    localStorage.setItem(DEMO_KEY, '1')
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('offline'))))
    await mountApp({ db: freshDb('ribbon'), path: '/dang-nhap' })
    expect(ribbon()?.textContent).toBe('Bản trình diễn')
  })

  it('is gone on a production server, which also clears the remembered answer', async () => {
    localStorage.setItem(DEMO_KEY, '1')
    const s = fakeServer({ 'GET /api/server-info': json(200, { demo: false }), 'GET /api/auth/me': json(401, UNAUTHORIZED) })
    await mountApp({ db: freshDb('ribbon'), path: '/dang-nhap' })
    await until(() => expect(s.calls('GET /api/server-info')).toBe(1))
    await until(() => expect(ribbon()).toBeNull())
    expect(localStorage.getItem(DEMO_KEY)).toBe('0')
  })
})
