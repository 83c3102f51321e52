// The page's side of the service worker (src/client/modules/pwa.ts) with a fake workbox-window
// and a fake navigator.serviceWorker: when it registers, and how the worker's messages reach
// the sync engine. The real worker in Chromium: offline.browser.test.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const fake = vi.hoisted(() => ({
  registered: [] as string[],
  registration: { scope: '/' } as unknown,
  updates: 0,
}))

vi.mock('workbox-window', () => ({
  Workbox: class {
    constructor(readonly url: string) {}
    addEventListener(): void {}
    async register(): Promise<unknown> {
      fake.registered.push(this.url)
      return fake.registration
    }
    update(): Promise<void> {
      fake.updates++
      return Promise.resolve()
    }
    messageSkipWaiting(): void {}
  },
}))

type PwaModule = typeof import('../../../src/client/modules/pwa')

let container: EventTarget

async function loadPwa(): Promise<PwaModule> {
  vi.resetModules()
  return import('../../../src/client/modules/pwa')
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

function fromWorker(data: unknown): void {
  container.dispatchEvent(new MessageEvent('message', { data }))
}

beforeEach(() => {
  fake.registered.length = 0
  fake.updates = 0
  fake.registration = { scope: '/' }
  container = new EventTarget()
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true })
})

afterEach(() => {
  vi.unstubAllEnvs()
  Reflect.deleteProperty(navigator, 'serviceWorker')
})

describe('install', () => {
  it('registers nothing in a development build, and registration() says so', async () => {
    vi.stubEnv('PROD', false)
    const pwa = await loadPwa()
    pwa.install()
    await expect(pwa.registration()).resolves.toBeUndefined()
    expect(fake.registered).toEqual([])
  })

  it('registers nothing where the browser has no service workers', async () => {
    vi.stubEnv('PROD', true)
    Reflect.deleteProperty(navigator, 'serviceWorker')
    const pwa = await loadPwa()
    pwa.install()
    await expect(pwa.registration()).resolves.toBeUndefined()
    expect(fake.registered).toEqual([])
  })

  it('waits for the router before registering /sw.js, then hands out the registration', async () => {
    vi.stubEnv('PROD', true)
    const pwa = await loadPwa()
    const ready = deferred()
    pwa.install({ router: { isReady: () => ready.promise } })
    await new Promise((r) => setTimeout(r, 20))
    expect(fake.registered).toEqual([])

    ready.resolve()
    await expect(pwa.registration()).resolves.toBe(fake.registration)
    expect(fake.registered).toEqual(['/sw.js'])
  })
})

describe('onSyncRequested', () => {
  it('passes the worker\'s SYNC_REQUESTED to every listener, with its tag, until unsubscribed', async () => {
    vi.stubEnv('PROD', true)
    const pwa = await loadPwa()
    pwa.install({ router: { isReady: () => new Promise(() => undefined) } })
    const first = vi.fn()
    const second = vi.fn()
    const stopFirst = pwa.onSyncRequested(first)
    pwa.onSyncRequested(second)

    fromWorker({ type: 'SYNC_REQUESTED', tag: pwa.SYNC_TAG })
    expect(first).toHaveBeenCalledWith('thidua-outbox')
    expect(second).toHaveBeenCalledTimes(1)

    stopFirst()
    fromWorker({ type: 'SYNC_REQUESTED', tag: 'thidua-outbox' })
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(2)
  })

  it('ignores other messages, and one failing listener does not keep the others from running', async () => {
    vi.stubEnv('PROD', true)
    const pwa = await loadPwa()
    pwa.install({ router: { isReady: () => new Promise(() => undefined) } })
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const after = vi.fn()
    pwa.onSyncRequested(() => {
      throw new Error('engine not ready')
    })
    pwa.onSyncRequested(after)

    fromWorker({ type: 'SOMETHING_ELSE' })
    fromWorker('SYNC_REQUESTED')
    expect(after).not.toHaveBeenCalled()

    fromWorker({ type: 'SYNC_REQUESTED', tag: 'thidua-outbox' })
    expect(after).toHaveBeenCalledTimes(1)
    expect(error).toHaveBeenCalledTimes(1)
    error.mockRestore()
  })
})

describe('checkForUpdate (the server answered 426: this app is too old)', () => {
  it('looks for the new version through the worker', async () => {
    vi.stubEnv('PROD', true)
    const pwa = await loadPwa()
    pwa.install({ router: { isReady: () => Promise.resolve() } })
    await pwa.registration()
    await expect(pwa.checkForUpdate()).resolves.toBe(true)
    expect(fake.updates).toBe(1)
  })

  it('shows the update prompt at once when the new version already waits', async () => {
    vi.stubEnv('PROD', true)
    fake.registration = { scope: '/', waiting: {} }
    const pwa = await loadPwa()
    pwa.install({ router: { isReady: () => Promise.resolve() } })
    await pwa.registration()
    await expect(pwa.checkForUpdate()).resolves.toBe(true)
    expect(document.querySelector('#pwa-prompt')?.textContent).toContain('Có phiên bản mới')
    expect(fake.updates).toBe(0)
    document.querySelector('#pwa-prompt')?.remove()
  })

  it('says false without a service worker (a reload is the update then)', async () => {
    vi.stubEnv('PROD', false)
    const pwa = await loadPwa()
    pwa.install()
    await expect(pwa.checkForUpdate()).resolves.toBe(false)
  })
})
