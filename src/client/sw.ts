/// <reference lib="webworker" />
// The service worker: keeps the app shell (the built JS, CSS, index.html, icons, manifest) in
// Cache Storage so the app opens with no network after its first load; the officer's workspace
// files are kept once opened. It never caches /api:
// the app's data lives in IndexedDB (src/client/local), and a stale API answer would be a lie.
//
// Messages, the page's side in src/client/modules/pwa.ts:
//   page → worker  { type: 'SKIP_WAITING' }    the user chose "Cập nhật": the waiting version takes over
//   worker → page  { type: 'SYNC_REQUESTED', tag }   Background Sync fired: the page's sync engine runs
//                  (with no page open, the worker runs the engine itself)
import { clientsClaim } from 'workbox-core'
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute, type PrecacheEntry } from 'workbox-precaching'
import { ExpirationPlugin } from 'workbox-expiration'
import { NavigationRoute, registerRoute } from 'workbox-routing'
import { CacheFirst } from 'workbox-strategies'
import { getDb } from './local/open'
import { runBackgroundSync } from './sync/background'

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] }

/** The Background Sync tag the page registers for its outbox (modules/pwa.ts says the same). */
const SYNC_TAG = 'thidua-outbox'

/** Background Sync and Periodic Background Sync events; TypeScript's webworker lib has neither. */
interface TaggedSyncEvent extends ExtendableEvent {
  readonly tag: string
}

// A new version waits until the page asks (the update prompt), so a village head mid-entry is
// never switched to new code under their fingers.
self.addEventListener('message', (event) => {
  if (isMessage(event.data, 'SKIP_WAITING')) event.waitUntil(self.skipWaiting())
})
// Once active, this version controls every open tab, including the first one that installed it.
clientsClaim()

// `self.__WB_MANIFEST` is replaced at build time by the list of the app shell's files with
// their revisions (vite.config.ts, injectManifest.globPatterns).
precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

// Any page navigation (a deep link, a reload, the home-screen icon) gets the precached
// index.html, online or not; the router in the page takes it from there. /api is excluded.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(?:\/|$)/] }))

// The officer's workspace is not precached (a village head's phone never downloads it,
// vite.config.ts): its files are kept once an officer has opened them. Their names carry a
// content hash, so a kept file is never stale; old versions age out.
registerRoute(
  ({ url, request }) => url.origin === self.location.origin && url.pathname.startsWith('/assets/officer/') && request.method === 'GET',
  new CacheFirst({ cacheName: 'thidua-officer', plugins: [new ExpirationPlugin({ maxEntries: 80, maxAgeSeconds: 60 * 60 * 24 * 60 })] }),
)
// No other route is registered: every /api request, and anything else not precached, goes to
// the network untouched and is never stored.

// Background Sync (Chromium): the browser wakes the worker when the phone is back online, even
// with the app closed. With a tab open, the page's sync engine runs (it leads, with its backoff);
// with none, the worker runs the same engine itself on the same IndexedDB, under the same run
// lock. A failed run rejects, so the browser retries the sync later.
onTaggedSync('sync', (event) => event.waitUntil(syncNow(event.tag)))
onTaggedSync('periodicsync', (event) => event.waitUntil(syncNow(event.tag)))

async function syncNow(tag: string): Promise<void> {
  if (await requestSyncFromPages(tag)) return
  const result = await runBackgroundSync(getDb())
  if (result && !result.ok) throw new Error('background sync did not finish; the browser will retry')
}

function onTaggedSync(type: 'sync' | 'periodicsync', handle: (event: TaggedSyncEvent) => void): void {
  self.addEventListener(type, (event) => {
    const tagged = event as TaggedSyncEvent
    if (tagged.tag === SYNC_TAG) handle(tagged)
  })
}

/** Hands the sync to the open windows; false when none is open. */
async function requestSyncFromPages(tag: string): Promise<boolean> {
  const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
  for (const client of windows) client.postMessage({ type: 'SYNC_REQUESTED', tag })
  return windows.length > 0
}

function isMessage(data: unknown, type: string): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type
}
