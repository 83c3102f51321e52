// The upload's progress, observable: the file being sent and its bytes, and how many wait. The
// panel and the sync badge read it; upload runs (run.ts) write it. No tus, no Dexie here: the
// badge's lazy module imports it without the uploader.

export interface EvidenceProgress {
  /** The file being sent and how far (bytes), or null between runs. */
  current: { clientId: string; sent: number; total: number } | null
  /** Files waiting after the last run (the badge's count). */
  waiting: number
}

type Listener = (p: EvidenceProgress) => void

let progress: EvidenceProgress = { current: null, waiting: 0 }
const listeners = new Set<Listener>()

/** Sets the progress and tells every listener. */
export function setEvidenceProgress(next: EvidenceProgress): void {
  progress = next
  for (const l of [...listeners]) l(progress)
}

export function evidenceProgress(): EvidenceProgress {
  return progress
}

/** Follows the upload's progress; returns the unsubscribe. */
export function onEvidenceProgress(listener: Listener): () => void {
  listeners.add(listener)
  listener(progress)
  return () => listeners.delete(listener)
}

/** The percentage of a file sent, rounded down (99 % until the server confirmed it). */
export function percentOf(p: { sent: number; total: number }): number {
  return p.total > 0 ? Math.min(99, Math.floor((p.sent / p.total) * 100)) : 0
}
