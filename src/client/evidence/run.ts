// When the phone uploads its evidence: when the evidence screens load, when a file is queued, when
// the browser comes back online; one run at a time. Its progress is an observable the screens and
// the sync badge read: the file being sent and its bytes.
import type { Evidence } from '../../shared/evidence'
import { apiRequest, communePath } from '../api'
import { openEvidenceDb, type EvidenceDb } from './store'
import { uploadWaiting } from './upload'

export interface EvidenceProgress {
  /** The file being sent and how far (bytes), or null between runs. */
  current: { clientId: string; sent: number; total: number } | null
  /** Files waiting after the last run (the badge's count). */
  waiting: number
}

type Listener = (p: EvidenceProgress) => void

let db: EvidenceDb | undefined
let progress: EvidenceProgress = { current: null, waiting: 0 }
const listeners = new Set<Listener>()
const running = new Map<string, Promise<void>>()

/** The evidence database of this phone (opened once). */
export function evidenceDb(): EvidenceDb {
  return (db ??= openEvidenceDb())
}

function set(next: EvidenceProgress): void {
  progress = next
  for (const l of [...listeners]) l(progress)
}

/** Follows the upload's progress; returns the unsubscribe. */
export function onEvidenceProgress(listener: Listener): () => void {
  listeners.add(listener)
  listener(progress)
  return () => listeners.delete(listener)
}

/** Uploads what waits for this commune, unless a run is under way (it will pick up new files: they are queued oldest first). */
export function uploadEvidence(commune: string): Promise<void> {
  const under = running.get(commune)
  if (under) return under
  const run = (async () => {
    try {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return
      const base = communePath(commune, 'evidence')
      const result = await uploadWaiting({
        db: evidenceDb(),
        commune,
        base,
        list: async (unit, period) => (await apiRequest<{ evidence: Evidence[] }>(`${base}?${new URLSearchParams({ unit, period })}`)).evidence,
        onProgress: (clientId, sent, total) => set({ ...progress, current: { clientId, sent, total } }),
      })
      set({ current: null, waiting: result.waiting })
    } finally {
      running.delete(commune)
    }
  })()
  running.set(commune, run)
  return run
}

let watching: string | undefined
/** Uploads again whenever the browser comes back online (once per page). */
export function uploadWhenOnline(commune: string): void {
  if (watching === commune || typeof window === 'undefined') return
  watching = commune
  window.addEventListener('online', () => void uploadEvidence(commune))
  void uploadEvidence(commune)
}
