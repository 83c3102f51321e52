// UI state of sync: whether a run is going on, whether the browser is online, and the one
// scheduler of the signed-in commune. Counts and times are read from IndexedDB by the screens
// (useLiveQuery(syncSummary)); the engine itself loads lazily, after the first screen.
import { defineStore } from 'pinia'
import { markRaw, ref, shallowRef } from 'vue'
import type { SyncScheduler } from '../sync/scheduler'
import { later, useLocal, useServices } from '../composables/useDb'

const loadScheduler = () => import('../sync/scheduler')

export const useSyncStore = defineStore('sync', () => {
  const local = useLocal()
  const services = useServices()
  const commune = ref<string | null>(null)
  const running = ref(false)
  const online = ref(typeof navigator === 'undefined' || navigator.onLine !== false)
  /** The kind of error the last finished run ended with (`unauthorized`, `network`…), null after a good one. */
  const lastRunError = ref<string | null>(null)
  const scheduler = shallowRef<SyncScheduler | null>(null)
  let stopListening: (() => void) | null = null
  let generation = 0
  let editWhileLoading = false
  /** Background Sync asked for since the last run ended: asking again before the next one changes nothing. */
  let backgroundSyncAsked = false

  if (typeof window !== 'undefined') {
    window.addEventListener('online', () => (online.value = true))
    window.addEventListener('offline', () => (online.value = false))
  }

  /** Starts syncing the commune (stops any other first). Resolves once the scheduler runs. */
  async function start(code: string): Promise<void> {
    if (services.sync === false) return
    if (commune.value === code) return // started, or starting
    stop()
    commune.value = code
    const mine = ++generation
    // The engine is not needed to show or type figures: it loads once the first screen is shown.
    await later(services)
    if (mine !== generation) return
    const [{ startSync }, db] = await Promise.all([loadScheduler(), local.open()])
    if (mine !== generation) return
    const s = markRaw(
      startSync({
        db,
        commune: code,
        // The service worker's update flow: fetch the new version, then the "Có phiên bản mới" prompt.
        onUpgradeRequired: () => void import('../modules/pwa').then((pwa) => pwa.checkForUpdate()),
        ...(services.transport ? { transport: services.transport } : {}),
      }),
    )
    scheduler.value = s
    stopListening = s.status.subscribe((status) => {
      if (running.value && !status.running) {
        lastRunError.value = status.lastError?.kind ?? null
        backgroundSyncAsked = false
      }
      running.value = status.running
    })
    if (editWhileLoading) s.notifyEdit()
    editWhileLoading = false
  }

  function stop(): void {
    generation++
    stopListening?.()
    stopListening = null
    scheduler.value?.stop()
    scheduler.value = null
    commune.value = null
    running.value = false
    backgroundSyncAsked = false
  }

  /** An edit was saved: sync a few seconds later, and ask for Background Sync (once until a run ends) in case the tab closes first. */
  function notifyEdit(): void {
    if (scheduler.value) scheduler.value.notifyEdit()
    else editWhileLoading = true
    if (services.sync === false || backgroundSyncAsked) return
    backgroundSyncAsked = true
    void loadScheduler().then((m) => m.registerBackgroundSync())
  }

  /** Syncs now (the user asked, or the service worker's Background Sync fired). */
  async function syncNow(): Promise<void> {
    await scheduler.value?.syncNow()
  }

  return { commune, running, online, lastRunError, start, stop, notifyEdit, syncNow }
})
