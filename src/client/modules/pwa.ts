// The page's side of the service worker (src/client/sw.ts): registers it in production builds,
// shows the "Có phiên bản mới" prompt when a new version waits, and passes the worker's
// Background Sync requests to whoever listens (the sync engine). Stores nothing itself.
//
// Light on purpose: the sync engine may import onSyncRequested() and registration() into the
// entry bundle, so workbox-window and the prompt component load only when they are needed.
import { createApp } from 'vue'
import type { Router } from 'vue-router'
import type { Workbox } from 'workbox-window'

/** The Background Sync tag for the outbox; the worker listens for the same one. */
export const SYNC_TAG = 'thidua-outbox'

export interface InstallOptions {
  /** Registration waits for the first navigation, so the worker's install never competes with the entry screen. */
  router?: Pick<Router, 'isReady'>
}

type SyncListener = (tag: string) => void

const syncListeners = new Set<SyncListener>()
let settleRegistration: (reg: ServiceWorkerRegistration | undefined) => void = () => undefined
const registered = new Promise<ServiceWorkerRegistration | undefined>((resolve) => (settleRegistration = resolve))
let installed = false
/** The registered worker's Workbox, once install() has registered it. */
let workbox: Workbox | undefined

/**
 * The service worker's registration once install() has registered it; undefined where there is
 * none: a development build, a browser without service workers, or a failed registration.
 * Stays pending until install() runs. The sync engine registers Background Sync on it.
 */
export function registration(): Promise<ServiceWorkerRegistration | undefined> {
  return registered
}

/** Calls `listener` whenever the worker asks the page to sync (Background Sync fired); returns the unsubscribe. */
export function onSyncRequested(listener: SyncListener): () => void {
  syncListeners.add(listener)
  return () => syncListeners.delete(listener)
}

/** Registers the service worker after the router's first navigation (or the window's load). Call once. */
export function install({ router }: InstallOptions = {}): void {
  if (installed) return
  installed = true
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) {
    settleRegistration(undefined)
    return
  }
  navigator.serviceWorker.addEventListener('message', onWorkerMessage)
  const ready = router ? router.isReady() : windowLoaded()
  ready
    .then(register)
    .then(settleRegistration, (err: unknown) => {
      // The app works without the worker while online; offline start needs it, so say why in the console.
      console.warn('Service worker registration failed', err)
      settleRegistration(undefined)
    })
}

async function register(): Promise<ServiceWorkerRegistration | undefined> {
  const { Workbox } = await import('workbox-window')
  const wb = new Workbox(`${import.meta.env.BASE_URL}sw.js`, { scope: import.meta.env.BASE_URL })
  workbox = wb
  wb.addEventListener('waiting', () => void showUpdatePrompt(wb))
  const reg = await wb.register({ immediate: true })
  checkForUpdatesWhenVisible(wb)
  return reg
}

function onWorkerMessage(event: MessageEvent<unknown>): void {
  const data = event.data as { type?: unknown; tag?: unknown } | null
  if (data?.type !== 'SYNC_REQUESTED') return
  const tag = typeof data.tag === 'string' ? data.tag : SYNC_TAG
  for (const listener of syncListeners) {
    try {
      listener(tag)
    } catch (err) {
      console.error('A sync listener failed', err)
    }
  }
}

/**
 * The server no longer serves this version of the app (sync answered 426): show the update prompt
 * now if a new version already waits, else look for one (when it is installed, the worker's
 * `waiting` shows the prompt). False without a service worker (development, old browsers): a
 * reload is then the update.
 */
export async function checkForUpdate(): Promise<boolean> {
  const reg = await Promise.race([registered, new Promise<undefined>((resolve) => setTimeout(resolve, 3000))])
  if (!reg || !workbox) return false
  if (reg.waiting) {
    await showUpdatePrompt(workbox) // once: a prompt already shown stays as it is
    return true
  }
  await workbox.update().catch(() => undefined) // offline: the next 426 or visit tries again
  return true
}

let promptShown = false

/** Mounts the update prompt as its own small Vue app, so App.vue need not know about it. */
async function showUpdatePrompt(wb: Workbox): Promise<void> {
  if (promptShown) return
  promptShown = true
  // `createApp` is imported by name: a dynamic import('vue') would keep all of Vue in the bundle.
  const { default: UpdatePrompt } = await import('../components/pwa/UpdatePrompt.vue')
  const host = document.createElement('div')
  host.id = 'pwa-prompt'
  document.body.append(host)
  const app = createApp(UpdatePrompt, {
    onUpdate: () => activateWaitingVersion(wb),
    onDismiss: () => {
      app.unmount()
      host.remove()
      promptShown = false
    },
  })
  app.mount(host)
}

/** The waiting worker takes over; the page reloads once it controls it, to run the new code. */
function activateWaitingVersion(wb: Workbox): void {
  let reloading = false
  wb.addEventListener('controlling', () => {
    if (reloading) return
    reloading = true
    location.reload()
  })
  wb.messageSkipWaiting()
}

/** A phone keeps the installed app open for days: look for a new version when it comes back into view, at most hourly. */
function checkForUpdatesWhenVisible(wb: Workbox): void {
  const HOUR = 60 * 60 * 1000
  let lastCheck = Date.now()
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'visible' || Date.now() - lastCheck < HOUR) return
    lastCheck = Date.now()
    wb.update().catch(() => undefined) // offline: the next visit tries again
  })
}

function windowLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve()
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }))
}
