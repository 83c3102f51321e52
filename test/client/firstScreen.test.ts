// The first screen's moment (composables/firstScreen.ts): deferred work starts once a screen says it
// is shown, or a while after the first navigation when no screen says so; never before.
import { afterEach, describe, expect, it, vi } from 'vitest'

type FirstScreen = typeof import('../../src/client/composables/firstScreen')
const fresh = async (): Promise<FirstScreen> => {
  vi.resetModules()
  return import('../../src/client/composables/firstScreen')
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 50))

afterEach(() => {
  vi.useRealTimers()
})

describe('afterFirstScreen', () => {
  it('waits for the screen to say it is shown', async () => {
    const m = await fresh()
    let started = false
    void m.afterFirstScreen().then(() => (started = true))
    await flush()
    expect(started).toBe(false)
    m.firstScreenShown()
    await vi.waitFor(() => expect(started).toBe(true))
  })

  it('starts anyway a while after the first navigation when no screen says so', async () => {
    const m = await fresh()
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    let started = false
    void m.afterFirstScreen().then(() => (started = true))
    m.releaseAfter(Promise.resolve())
    await vi.advanceTimersByTimeAsync(m.RELEASE_MS - 100)
    expect(started).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    vi.useRealTimers()
    await vi.waitFor(() => expect(started).toBe(true))
  })
})
