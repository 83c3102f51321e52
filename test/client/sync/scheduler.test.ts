import 'fake-indexeddb/auto'
// The scheduler: when it runs, how its retries back off (seeded jitter, fake timers), and which
// tab leads, with Web Locks and without.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SyncResult } from '../../../src/client/sync/engine'
import { backoffDelay, BACKGROUND_SYNC_TAG, createSyncScheduler, LEADER_LOCK, registerBackgroundSync, withSyncRunLock, type SchedulerOptions } from '../../../src/client/sync/scheduler'

/** A small seeded generator (mulberry32): the same seed, the same jitter. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Web Locks in memory: exclusive, queued, abortable while waiting. */
class FakeLocks {
  private held = new Set<string>()
  private queues = new Map<string, (() => void)[]>()

  request(name: string, a: unknown, b?: unknown): Promise<unknown> {
    const cb = (typeof a === 'function' ? a : b) as (lock: unknown) => unknown
    const signal = typeof a === 'function' ? undefined : (a as { signal?: AbortSignal }).signal
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held.add(name)
        Promise.resolve()
          .then(() => cb({ name, mode: 'exclusive' }))
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name)
            this.queues.get(name)?.shift()?.()
          })
      }
      if (!this.held.has(name)) return grant()
      const queue = this.queues.get(name) ?? []
      queue.push(grant)
      this.queues.set(name, queue)
      signal?.addEventListener('abort', () => {
        const i = queue.indexOf(grant)
        if (i >= 0) queue.splice(i, 1)
        reject(new DOMException('aborted', 'AbortError'))
      })
    })
  }
}

const ok: SyncResult = { ok: true, sent: 0, applied: 0, conflicts: 0, rejected: 0, quarantined: 0, pulledPages: 1, error: null }
const failed: SyncResult = { ...ok, ok: false, error: { kind: 'network', code: null, message: 'mất mạng', at: '' } }

function env(overrides: Partial<SchedulerOptions> = {}) {
  const win = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  const run = vi.fn(async () => ok)
  const options: SchedulerOptions = {
    run,
    readSummary: async () => ({ waiting: 2, attention: 0, lastSuccessAt: null, lastError: null, nextRetryAt: null }),
    locks: null,
    channel: null,
    win,
    doc,
    isOnline: () => true,
    intervalMs: 60_000,
    debounceMs: 3_000,
    ...overrides,
  }
  return { win, doc, run: (overrides.run as typeof run | undefined) ?? run, options }
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2024-05-10T08:00:00Z') })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('backoffDelay', () => {
  it('draws from [0, base·2^(n−1)), capped', () => {
    const top = () => 0.999999
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffDelay(n, top, 2_000, 300_000))).toEqual([1999, 3999, 7999, 15999, 31999, 63999, 127999, 255999, 299999, 299999])
    expect(backoffDelay(5, () => 0, 2_000, 300_000)).toBe(0)
    expect(backoffDelay(3, () => 0.5, 2_000, 300_000)).toBe(4000)
  })
})

describe('createSyncScheduler', () => {
  it('backs off with growing, jittered delays after each failure, and resets after a success', async () => {
    const retries: (string | null)[] = []
    let answer: SyncResult = failed
    const run = vi.fn(async () => answer)
    const { options } = env({ run, random: seeded(42), saveNextRetry: async (at) => void retries.push(at), intervalMs: 3_600_000 })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)

    const expected = seeded(42)
    const delays: number[] = []
    for (let failures = 1; failures <= 9; failures++) {
      const delay = backoffDelay(failures, expected, 2_000, 300_000)
      delays.push(delay)
      expect(Date.parse(retries.at(-1)!) - Date.now()).toBe(delay)
      // Not a moment before the delay…
      if (delay > 0) {
        await vi.advanceTimersByTimeAsync(delay - 1)
        expect(run).toHaveBeenCalledTimes(failures)
      }
      // …and right at it.
      await vi.advanceTimersByTimeAsync(delay > 0 ? 1 : 0)
      expect(run).toHaveBeenCalledTimes(failures + 1)
    }
    // Full jitter stays under a ceiling that doubles, up to five minutes.
    delays.forEach((d, i) => expect(d).toBeLessThan(Math.min(300_000, 2_000 * 2 ** i)))
    expect(Math.max(...delays.slice(6))).toBeGreaterThan(8_000)
    expect(s.status.get().running).toBe(false)

    answer = ok
    await vi.advanceTimersByTimeAsync(300_000)
    expect(retries.at(-1)).toBeNull()
    const runs = run.mock.calls.length
    await vi.advanceTimersByTimeAsync(600_000)
    expect(run).toHaveBeenCalledTimes(runs)
    s.stop()
  })

  it('syncs on start, on `online`, on becoming visible, on the timer while visible, and once a few seconds after edits', async () => {
    const { options, run, win, doc } = env()
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    expect(s.status.get()).toMatchObject({ leader: true, waiting: 2, running: false })

    s.notifyEdit()
    await vi.advanceTimersByTimeAsync(2_000)
    s.notifyEdit()
    await vi.advanceTimersByTimeAsync(2_000)
    s.notifyEdit()
    await vi.advanceTimersByTimeAsync(2_999)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(2)

    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(3)

    doc.visibilityState = 'hidden'
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(3)
    doc.visibilityState = 'visible'
    doc.dispatchEvent(new Event('visibilitychange'))
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(4)

    await vi.advanceTimersByTimeAsync(60_000) // the interval started at t0+0
    expect(run.mock.calls.length).toBeGreaterThanOrEqual(5)
    const before = run.mock.calls.length
    doc.visibilityState = 'hidden'
    await vi.advanceTimersByTimeAsync(180_000)
    expect(run).toHaveBeenCalledTimes(before)

    s.stop()
    doc.visibilityState = 'visible'
    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(120_000)
    expect(run).toHaveBeenCalledTimes(before)
  })

  it('stops syncing when the server wants a newer app (426): no retry, no timer, no trigger but the user’s, and asks for the update once', async () => {
    const upgrade: SyncResult = { ...ok, ok: false, error: { kind: 'upgrade_required', code: 'upgrade_required', message: 'Hãy cập nhật ứng dụng', at: '' } }
    const run = vi.fn(async () => upgrade)
    const onUpgradeRequired = vi.fn()
    const retries: (string | null)[] = []
    const { options, win } = env({ run, onUpgradeRequired, saveNextRetry: async (at) => void retries.push(at) })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    expect(onUpgradeRequired).toHaveBeenCalledTimes(1)
    expect(retries).toEqual([null])

    s.notifyEdit()
    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(run).toHaveBeenCalledTimes(1)

    // The user's "Đồng bộ" still tries; the prompt is not asked for twice.
    await s.syncNow()
    expect(run).toHaveBeenCalledTimes(2)
    expect(onUpgradeRequired).toHaveBeenCalledTimes(1)
    s.stop()
  })

  it('waits for `online` when the browser knows it is offline', async () => {
    let online = false
    const { options, run, win } = env({ isOnline: () => online })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(120_000)
    expect(run).not.toHaveBeenCalled()
    online = true
    win.dispatchEvent(new Event('online'))
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    s.stop()
  })

  it('the network back (`online`) during a run that fails: the next run starts at once, not on the backoff’s timer', async () => {
    let release!: () => void
    const run = vi.fn(async () => {
      if (run.mock.calls.length > 1) return ok
      await new Promise<void>((r) => (release = r))
      return failed
    })
    const { options, win } = env({ run, random: () => 0.99, baseDelayMs: 60_000 })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    win.dispatchEvent(new Event('online'))
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    s.stop()
  })

  it('an edit during a run that fails waits for the backoff', async () => {
    let release!: () => void
    const run = vi.fn(async () => {
      if (run.mock.calls.length > 1) return ok
      await new Promise<void>((r) => (release = r))
      return failed
    })
    const { options } = env({ run, random: () => 0.5, baseDelayMs: 60_000 })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    s.notifyEdit()
    await vi.advanceTimersByTimeAsync(3_000) // the debounce: the edit's trigger comes during the run
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(30_000) // 0.5 × 60 s
    expect(run).toHaveBeenCalledTimes(2)
    s.stop()
  })

  it('runs one sync at a time and runs once more for a trigger that came during a run', async () => {
    let release!: () => void
    const run = vi.fn(() => new Promise<SyncResult>((resolve) => (release = () => resolve(ok))))
    const { options } = env({ run })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(s.status.get().running).toBe(true)
    const a = s.syncNow()
    const b = s.syncNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    release()
    await Promise.all([a, b])
    expect(run).toHaveBeenCalledTimes(2)
    expect(s.status.get().running).toBe(false)
    s.stop()
  })

  it('a trigger during a run that went through runs once more only while changes wait; the user asking always does', async () => {
    let release!: () => void
    const run = vi.fn(() => new Promise<SyncResult>((resolve) => (release = () => resolve(ok))))
    let waiting = 0
    const { win, options } = env({ run, readSummary: async () => ({ waiting, attention: 0, lastSuccessAt: null, lastError: null, nextRetryAt: null }) })
    const s = createSyncScheduler(options)
    s.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    // An edit typed just before the network came back: its debounce fires during the run that
    // sends it, and the network's own trigger too. That run sent everything: no second run.
    s.notifyEdit()
    await vi.advanceTimersByTimeAsync(3_000)
    win.dispatchEvent(new Event('online'))
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(1)
    expect(s.status.get().running).toBe(false)

    // An edit made during a run, after it took its last batch: still waiting after it, so once more.
    s.syncNow()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(2)
    s.notifyEdit()
    await vi.advanceTimersByTimeAsync(3_000)
    waiting = 1
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(3)
    waiting = 0
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(3)

    // The counts could not be read: the trigger is not dropped.
    const unread = createSyncScheduler({ ...options, readSummary: () => Promise.reject(new Error('IndexedDB closed')) })
    s.stop()
    unread.start()
    await vi.advanceTimersByTimeAsync(0)
    const before = run.mock.calls.length
    win.dispatchEvent(new Event('online'))
    release()
    await vi.advanceTimersByTimeAsync(0)
    expect(run).toHaveBeenCalledTimes(before + 1)
    release()
    await vi.advanceTimersByTimeAsync(0)
    unread.stop()
  })

  describe('leadership', () => {
    it('without Web Locks, every tab leads (falls back to running)', async () => {
      const { options, run } = env({ locks: null })
      const s = createSyncScheduler(options)
      const seen: boolean[] = []
      s.status.subscribe((st) => seen.push(st.leader))
      s.start()
      await vi.advanceTimersByTimeAsync(0)
      expect(s.status.get().leader).toBe(true)
      expect(seen).toContain(true)
      expect(run).toHaveBeenCalledTimes(1)
      s.stop()
    })

    it('with Web Locks, one tab leads; when it closes, the next takes over; a follower hands its edits to the leader', async () => {
      const locks = new FakeLocks() as unknown as NonNullable<SchedulerOptions['locks']>
      const tab = () => {
        const self = {
          onmessage: null as ((ev: MessageEvent) => void) | null,
          postMessage: (data: unknown) => {
            for (const other of tabs) if (other !== self) other.onmessage?.(new MessageEvent('message', { data }))
          },
          close: () => {},
        }
        return self
      }
      const tabs = [tab(), tab()]
      const first = env({ locks, channel: tabs[0]! })
      const second = env({ locks, channel: tabs[1]! })
      const a = createSyncScheduler(first.options)
      const b = createSyncScheduler(second.options)
      a.start()
      b.start()
      await vi.advanceTimersByTimeAsync(0)
      expect([a.status.get().leader, b.status.get().leader]).toEqual([true, false])
      expect(first.run).toHaveBeenCalledTimes(1)
      expect(second.run).not.toHaveBeenCalled()

      // An edit in the follower reaches the leader, which syncs after the debounce.
      b.notifyEdit()
      await vi.advanceTimersByTimeAsync(3_000)
      expect(first.run).toHaveBeenCalledTimes(2)
      expect(second.run).not.toHaveBeenCalled()

      // "Đồng bộ" pressed in the follower: the leader runs at once.
      await b.syncNow()
      await vi.advanceTimersByTimeAsync(0)
      expect(first.run).toHaveBeenCalledTimes(3)

      second.win.dispatchEvent(new Event('online'))
      await vi.advanceTimersByTimeAsync(0)
      expect(second.run).not.toHaveBeenCalled()

      a.stop()
      await vi.advanceTimersByTimeAsync(0)
      expect(b.status.get().leader).toBe(true)
      expect(second.run).toHaveBeenCalledTimes(1)
      b.stop()
    })

    it('asks for the leader lock by its name', async () => {
      const request = vi.fn(() => new Promise(() => {}))
      const { options } = env({ locks: { request } as unknown as NonNullable<SchedulerOptions['locks']> })
      const s = createSyncScheduler(options)
      s.start()
      expect(request).toHaveBeenCalledWith(LEADER_LOCK, expect.objectContaining({ signal: expect.any(AbortSignal) }), expect.any(Function))
      s.stop()
    })
  })
})

describe('withSyncRunLock', () => {
  it('never lets two runs overlap (the tab and the service worker)', async () => {
    const locks = new FakeLocks() as unknown as NonNullable<SchedulerOptions['locks']>
    const log: string[] = []
    const job = (name: string) => async () => {
      log.push(`${name}:start`)
      await new Promise((r) => setTimeout(r, 10))
      log.push(`${name}:end`)
      return name
    }
    const both = Promise.all([withSyncRunLock(job('tab'), locks), withSyncRunLock(job('sw'), locks)])
    await vi.advanceTimersByTimeAsync(50)
    expect(await both).toEqual(['tab', 'sw'])
    expect(log).toEqual(['tab:start', 'tab:end', 'sw:start', 'sw:end'])
    expect(await withSyncRunLock(async () => 'bare', null)).toBe('bare')
  })
})

describe('registerBackgroundSync', () => {
  it('registers the outbox tag where Background Sync exists, and says false elsewhere', async () => {
    const register = vi.fn(async () => {})
    expect(await registerBackgroundSync({ getRegistration: async () => ({ sync: { register } }) as unknown as ServiceWorkerRegistration })).toBe(true)
    expect(register).toHaveBeenCalledWith(BACKGROUND_SYNC_TAG)
    expect(await registerBackgroundSync({ getRegistration: async () => ({}) as ServiceWorkerRegistration })).toBe(false)
    expect(await registerBackgroundSync({ getRegistration: async () => undefined })).toBe(false)
    expect(await registerBackgroundSync({ getRegistration: () => Promise.reject(new Error('no')) })).toBe(false)
    expect(await registerBackgroundSync(undefined)).toBe(false)
  })
})
