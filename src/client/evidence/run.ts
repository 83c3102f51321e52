// When the phone uploads its evidence: when the evidence screens load, when a file is queued, when
// the browser comes back online; one run at a time. Its progress is an observable the screens and
// the sync badge read: the file being sent and its bytes.
import type { Evidence } from '../../shared/evidence'
import { apiRequest, communePath } from '../api'
import { evidenceProgress, setEvidenceProgress } from './progress'
import { evidenceDb } from './store'
import { uploadWaiting } from './upload'

export { evidenceDb } from './store'
export { onEvidenceProgress, type EvidenceProgress } from './progress'

const running = new Map<string, Promise<void>>()

/**
 * Uploads what waits for this commune, unless a run is under way (it will pick up new files: they
 * are queued oldest first). The run starts on the next microtask, so that it is registered before
 * it can end (an offline run ends at once: it must not leave itself behind as "under way").
 */
export function uploadEvidence(commune: string): Promise<void> {
  const under = running.get(commune)
  if (under) return under
  const run: Promise<void> = Promise.resolve()
    .then(() => runOnce(commune))
    .finally(() => {
      if (running.get(commune) === run) running.delete(commune)
    })
  running.set(commune, run)
  return run
}

async function runOnce(commune: string): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return
  try {
    const base = communePath(commune, 'evidence')
    const result = await uploadWaiting({
      db: evidenceDb(),
      commune,
      base,
      list: async (unit, period) => (await apiRequest<{ evidence: Evidence[] }>(`${base}?${new URLSearchParams({ unit, period })}`)).evidence,
      onProgress: (clientId, sent, total) => setEvidenceProgress({ ...evidenceProgress(), current: { clientId, sent, total } }),
    })
    setEvidenceProgress({ current: null, waiting: result.waiting })
  } catch {
    // Offline or signed out mid-run: the files wait for the next run.
    setEvidenceProgress({ ...evidenceProgress(), current: null })
  }
}

let watching: string | undefined
/** Uploads again whenever the browser comes back online (once per page). */
export function uploadWhenOnline(commune: string): void {
  if (watching === commune || typeof window === 'undefined') return
  watching = commune
  window.addEventListener('online', () => void uploadEvidence(commune))
  void uploadEvidence(commune)
}
