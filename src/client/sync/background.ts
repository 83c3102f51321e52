// The part of sync that the service worker runs too (Background Sync with no tab open): the run
// lock shared with the page's scheduler, and one run for the signed-in user's commune. No DOM
// here: the worker has none.
import { currentUser, type ThiDuaDb } from '../local/db'
import { createFetchTransport, type SyncTransport } from './api'
import { syncOnce, type SyncResult } from './engine'

/** Held during each sync run, by the leading tab or the service worker: one run at a time. */
export const RUN_LOCK = 'thidua-sync-run'

/** The Web Locks calls sync uses (written out: the worker's and the page's types differ). */
export type LockManagerLike = {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>
  request<T>(name: string, options: { signal?: AbortSignal; ifAvailable?: boolean }, callback: () => Promise<T> | T): Promise<T>
}

/**
 * Runs `fn` holding the run lock, so the leading tab and the service worker's Background Sync
 * never sync at the same time. Without Web Locks it just runs `fn`.
 */
export function withSyncRunLock<T>(fn: () => Promise<T>, locks: LockManagerLike | null = browserLocks()): Promise<T> {
  if (!locks) return fn()
  return locks.request(RUN_LOCK, fn)
}

/**
 * For the service worker's `sync` event (tag BACKGROUND_SYNC_TAG): one run for the signed-in
 * user's commune, under the run lock. Null when nobody signed in on this device. Throw when the
 * result is not ok, inside `event.waitUntil`, so the browser retries later.
 */
export async function runBackgroundSync(db: ThiDuaDb, transport: SyncTransport = createFetchTransport(), locks: LockManagerLike | null = browserLocks()): Promise<SyncResult | null> {
  const commune = (await currentUser(db))?.commune?.code
  if (!commune) return null
  return withSyncRunLock(() => syncOnce({ db, transport, commune }), locks)
}

/** Web Locks where the browser (page or worker) has them. */
export function browserLocks(): LockManagerLike | null {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator
  return nav?.locks && typeof nav.locks.request === 'function' ? nav.locks : null
}
