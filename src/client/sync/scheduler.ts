// When to sync: on start, on `online`, on becoming visible, shortly after an edit, on a timer, and
// again after a failure with exponential backoff and full jitter. One tab leads (Web Locks); the
// state it shows comes from IndexedDB (`outbox`, `syncState`) and this module's own flags.
import type { SyncErrorInfo, ThiDuaDb } from '../local/db'
import { syncSummary, type SyncSummary } from '../local/queries'
import { createFetchTransport, type SyncTransport } from './api'
import { syncOnce, updateSyncState, type SyncResult } from './engine'
import { browserLocks, withSyncRunLock, type LockManagerLike } from './background'

export { RUN_LOCK, runBackgroundSync, withSyncRunLock } from './background'

/** Held by the tab that leads sync, for as long as it is open. */
export const LEADER_LOCK = 'thidua-sync'
/** The Background Sync tag the service worker answers with a sync run. */
export const BACKGROUND_SYNC_TAG = 'thidua-outbox'
/** Tabs tell the leader about edits on this channel. */
export const SYNC_CHANNEL = 'thidua-sync'

export interface SyncStatus extends SyncSummary {
  running: boolean
  /** This tab leads sync. */
  leader: boolean
}

/** A value that changes, for the UI to follow (wrap `subscribe` in a Vue ref). */
export interface Observable<T> {
  get(): T
  subscribe(listener: (value: T) => void): () => void
}

type ChannelLike = Pick<BroadcastChannel, 'postMessage' | 'close'> & { onmessage: ((ev: MessageEvent) => void) | null }

export interface SchedulerOptions {
  /** One sync run (syncOnce bound to its dependencies). */
  run: () => Promise<SyncResult>
  /** Counts and times for the status, read from IndexedDB. */
  readSummary: () => Promise<SyncSummary>
  /** Where the next retry time is kept (syncState.nextRetryAt). */
  saveNextRetry?: (at: string | null) => Promise<void>
  /** Called after a run that failed for the network while changes wait (e.g. registerBackgroundSync). */
  onOfflineWithWaiting?: () => void
  /**
   * Called when the server answered 426: this app is too old for it. Syncing stops (only the
   * user's "Đồng bộ" tries again) until the app is updated; the outbox is kept as it is.
   */
  onUpgradeRequired?: () => void
  /** In [0, 1): the jitter. */
  random?: () => number
  now?: () => number
  /** Web Locks; `null` when missing. Defaults to `navigator.locks`. */
  locks?: LockManagerLike | null
  channel?: ChannelLike | null
  /** The window (`online`) and the document (`visibilitychange`); defaults to the globals. */
  win?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null
  doc?: (Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & { visibilityState: DocumentVisibilityState }) | null
  /** False when the browser knows it is offline; runs wait for `online` then. */
  isOnline?: () => boolean
  /** While open and visible, sync this often. */
  intervalMs?: number
  /** After the last edit, wait this long before syncing. */
  debounceMs?: number
  /** The first retry waits up to this long; each further failure doubles it… */
  baseDelayMs?: number
  /** …up to this. */
  maxDelayMs?: number
}

export interface SyncScheduler {
  status: Observable<SyncStatus>
  /** Joins the leader election and, once leading, syncs and listens for triggers. */
  start(): void
  stop(): void
  /** Tells the scheduler an edit was saved: sync a few seconds after the last one. */
  notifyEdit(): void
  /** Syncs now, whatever the backoff says (the user pressed "Đồng bộ"). Resolves when the run is over. */
  syncNow(): Promise<void>
}

/**
 * Full jitter: a delay drawn uniformly from [0, min(cap, base·2^(failures−1))). The ceiling
 * doubles with every consecutive failure, so a server coming back is not hit by every phone at once.
 */
export function backoffDelay(failures: number, random: () => number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1))
  return Math.floor(random() * ceiling)
}

type Trigger = 'start' | 'online' | 'visible' | 'edit' | 'timer' | 'retry' | 'manual'

export function createSyncScheduler(options: SchedulerOptions): SyncScheduler {
  const random = options.random ?? Math.random
  const now = options.now ?? Date.now
  const locks = options.locks === undefined ? browserLocks() : options.locks
  const win = options.win === undefined ? (typeof window === 'undefined' ? null : window) : options.win
  const doc = options.doc === undefined ? (typeof document === 'undefined' ? null : document) : options.doc
  const isOnline = options.isOnline ?? (() => typeof navigator === 'undefined' || navigator.onLine !== false)
  const intervalMs = options.intervalMs ?? 60_000
  const debounceMs = options.debounceMs ?? 3_000
  const baseDelayMs = options.baseDelayMs ?? 2_000
  const maxDelayMs = options.maxDelayMs ?? 5 * 60_000

  const status = createObservable<SyncStatus>({ waiting: 0, attention: 0, lastSuccessAt: null, lastError: null, nextRetryAt: null, running: false, leader: false })
  let started = false
  let leader = false
  let failures = 0
  let retryAt = 0
  /** The server refused this app's protocol (426): no automatic run until a run goes through. */
  let upgradeRequired = false
  let running: Promise<void> | null = null
  let again = false
  /**
   * The network came back (`online`) or the user asked, during a run: the run after it goes even
   * if this one failed (it most likely failed for the network that just came back), without
   * waiting for the backoff's timer.
   */
  let againAtOnce = false
  /** The user asked during a run ("Đồng bộ", or from another tab): the run after it goes whatever this one did. */
  let againAsked = false
  let releaseLeadership: (() => void) | null = null
  let abortElection: AbortController | null = null
  let channel: ChannelLike | null = null
  const timers: { debounce?: ReturnType<typeof setTimeout>; retry?: ReturnType<typeof setTimeout>; interval?: ReturnType<typeof setInterval> } = {}

  const patch = (p: Partial<SyncStatus>) => status.set({ ...status.get(), ...p })
  /** Reads the outbox's counts into the status; false when the read failed (the last counts stay shown). */
  const refresh = async (): Promise<boolean> => {
    try {
      patch(await options.readSummary())
      return true
    } catch {
      // the status is a convenience: a failed read leaves the last one shown
      return false
    }
  }

  const onOnline = () => trigger('online')
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') trigger('visible')
  }

  function trigger(why: Trigger): void {
    if (!started || !leader) return
    if (why !== 'manual' && !isOnline()) return
    if (why !== 'manual' && upgradeRequired) return
    // Edits and the timer respect the backoff; the user and the network coming back do not.
    if ((why === 'edit' || why === 'timer') && now() < retryAt) return
    if (why === 'timer' && doc && doc.visibilityState !== 'visible') return
    void runLoop(why === 'online' || why === 'manual', why === 'manual')
  }

  async function runLoop(atOnce = false, asked = false): Promise<void> {
    if (running) {
      again = true
      againAtOnce ||= atOnce
      againAsked ||= asked
      return running
    }
    running = (async () => {
      do {
        again = false
        againAtOnce = false
        againAsked = false
        clearTimeout(timers.retry)
        patch({ running: true })
        let result: SyncResult | undefined
        try {
          result = await withSyncRunLock(options.run, locks)
        } catch (err) {
          result = undefined
          patch({ lastError: { kind: 'internal', code: null, message: String(err), at: new Date(now()).toISOString() } satisfies SyncErrorInfo })
        }
        const counted = await afterRun(result)
        if (again && !againAsked && failures === 0 && counted && status.get().waiting === 0) again = false
      } while (again && (failures === 0 || againAtOnce) && started)
      patch({ running: false })
      running = null
    })()
    return running
  }

  /**
   * After a run: the backoff, the retry timer, the status's counts. True when the counts were read.
   * A trigger that came during a run that went through (an edit's debounce, the timer, `online`,
   * becoming visible) asks for what that run just did; another run follows only when changes
   * still wait (edits made after the run took its last batch), or the user asked.
   */
  async function afterRun(result: SyncResult | undefined): Promise<boolean> {
    if (result?.ok) {
      failures = 0
      retryAt = 0
      upgradeRequired = false
      await options.saveNextRetry?.(null)
    } else if (result?.error?.kind === 'upgrade_required') {
      // Retrying cannot help: only a new version of the app can. No retry timer.
      failures++
      retryAt = Number.POSITIVE_INFINITY
      await options.saveNextRetry?.(null)
      if (!upgradeRequired) options.onUpgradeRequired?.()
      upgradeRequired = true
    } else {
      failures++
      const delay = backoffDelay(failures, random, baseDelayMs, maxDelayMs)
      retryAt = now() + delay
      await options.saveNextRetry?.(new Date(retryAt).toISOString())
      if (started) timers.retry = setTimeout(() => trigger('retry'), delay)
    }
    const counted = await refresh()
    if (result && !result.ok && result.error?.kind === 'network' && status.get().waiting > 0) options.onOfflineWithWaiting?.()
    return counted
  }

  function becomeLeader(): void {
    leader = true
    patch({ leader: true })
    timers.interval = setInterval(() => trigger('timer'), intervalMs)
    trigger('start')
  }

  // No summary read here: the screens follow the outbox themselves (useLiveQuery), and the status's
  // counts are read after each run, where they decide anything; an edit's save stays one transaction.
  function notifyEdit(): void {
    if (!started) return
    if (!leader) {
      channel?.postMessage('edit')
      return
    }
    clearTimeout(timers.debounce)
    timers.debounce = setTimeout(() => trigger('edit'), debounceMs)
  }

  return {
    status,
    start() {
      if (started) return
      started = true
      win?.addEventListener('online', onOnline)
      doc?.addEventListener('visibilitychange', onVisibility)
      channel = options.channel === undefined ? openChannel() : options.channel
      if (channel) {
        channel.onmessage = (ev) => {
          if (!leader) return
          if (ev.data === 'edit') notifyEdit()
          if (ev.data === 'now') trigger('manual')
        }
      }
      void refresh()
      if (!locks) {
        // No Web Locks (old Safari, some WebViews): every tab syncs; the server's idempotency keeps that safe.
        becomeLeader()
        return
      }
      abortElection = new AbortController()
      locks
        .request(LEADER_LOCK, { signal: abortElection.signal }, () => {
          if (!started) return undefined
          becomeLeader()
          return new Promise<void>((resolve) => {
            releaseLeadership = resolve
          })
        })
        .catch(() => {
          // aborted by stop() while waiting: nothing to lead
        })
    },
    stop() {
      if (!started) return
      started = false
      leader = false
      win?.removeEventListener('online', onOnline)
      doc?.removeEventListener('visibilitychange', onVisibility)
      clearTimeout(timers.debounce)
      clearTimeout(timers.retry)
      clearInterval(timers.interval)
      abortElection?.abort()
      releaseLeadership?.()
      releaseLeadership = null
      if (channel && options.channel === undefined) channel.close()
      channel = null
      patch({ leader: false })
    },
    notifyEdit,
    async syncNow() {
      if (!started) return
      if (!leader) {
        channel?.postMessage('now')
        return
      }
      await runLoop(true)
    },
  }
}

/**
 * Asks the service worker for a Background Sync (`thidua-outbox`) so the outbox goes out when the
 * network comes back even with the app closed. False where the browser has no Background Sync
 * (Firefox, Safari) or no service worker is registered.
 */
export async function registerBackgroundSync(container: Pick<ServiceWorkerContainer, 'getRegistration'> | undefined = browserServiceWorker()): Promise<boolean> {
  try {
    const registration = (await container?.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    if (!registration?.sync) return false
    await registration.sync.register(BACKGROUND_SYNC_TAG)
    return true
  } catch {
    return false
  }
}

export interface StartSyncOptions extends Partial<Omit<SchedulerOptions, 'run' | 'readSummary'>> {
  db: ThiDuaDb
  commune: string
  transport?: SyncTransport
  clock?: () => Date
}

/** The app's wiring: syncOnce over fetch for one commune, status from IndexedDB, Background Sync as a fallback. */
export function startSync(options: StartSyncOptions): SyncScheduler {
  const { db, commune, clock } = options
  const transport = options.transport ?? createFetchTransport()
  const scheduler = createSyncScheduler({
    onOfflineWithWaiting: () => void registerBackgroundSync(),
    saveNextRetry: (at) => updateSyncState(db, commune, { nextRetryAt: at }),
    ...options,
    run: () => syncOnce({ db, transport, commune, ...(clock ? { clock } : {}) }),
    readSummary: () => syncSummary(db, commune),
  })
  scheduler.start()
  return scheduler
}

// ---------------------------------------------------------------------------

function createObservable<T>(initial: T): Observable<T> & { set(value: T): void } {
  let value = initial
  const listeners = new Set<(value: T) => void>()
  return {
    get: () => value,
    set(next) {
      value = next
      for (const l of [...listeners]) l(value)
    },
    subscribe(listener) {
      listeners.add(listener)
      listener(value)
      return () => listeners.delete(listener)
    },
  }
}

function browserServiceWorker(): Pick<ServiceWorkerContainer, 'getRegistration'> | undefined {
  return typeof navigator !== 'undefined' && 'serviceWorker' in navigator ? navigator.serviceWorker : undefined
}

function openChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(SYNC_CHANNEL)
}
