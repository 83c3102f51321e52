// What the sync badge says of evidence: how many files wait, how far the one being sent is, how
// many the server refused. Loaded lazily by the badge (a chunk of its own: the evidence database's
// schema, the progress bus and the words; not the uploader). Files waiting on a page that has no
// evidence panel open (the phone reloaded on the inbox) are sent too: the uploader is loaded then.
import { liveQuery } from 'dexie'
import { registerMessages } from '../modules/i18n'
import { evidenceMessages } from './messages'
import { evidenceProgress, onEvidenceProgress, percentOf } from './progress'
import { evidenceDb, type EvidenceDb } from './store'

export interface EvidenceBadge {
  waiting: number
  refused: number
  /** The file being sent, in percent; null between runs. */
  percent: number | null
}

/** Counts a commune's files waiting and refused, from the state index (the Blobs are not read). */
export async function evidenceCounts(db: EvidenceDb, commune: string): Promise<{ waiting: number; refused: number }> {
  const [waiting, refused] = await Promise.all(
    (['waiting', 'refused'] as const).map((state) =>
      db.files
        .where('state')
        .equals(state)
        .filter((f) => f.commune === commune)
        .count(),
    ),
  )
  return { waiting: waiting ?? 0, refused: refused ?? 0 }
}

/**
 * Follows a commune's evidence for the badge; `upload` (the uploader, loaded on first need) is
 * started once when files wait. Returns the stop.
 */
export function watchEvidence(
  commune: string,
  show: (b: EvidenceBadge) => void,
  deps: { db?: EvidenceDb; upload?: (commune: string) => void } = {},
): () => void {
  registerMessages(evidenceMessages)
  const db = deps.db ?? evidenceDb()
  const upload = deps.upload ?? ((c: string) => void import('./run').then((m) => m.uploadWhenOnline(c)))
  let counts = { waiting: 0, refused: 0 }
  let current = evidenceProgress().current
  let started = false
  const emit = (): void => show({ ...counts, percent: current ? percentOf(current) : null })
  const sub = liveQuery(() => evidenceCounts(db, commune)).subscribe({
    next: (c) => {
      counts = c
      emit()
      if (!started && c.waiting > 0) {
        started = true
        upload(commune)
      }
    },
    error: () => undefined,
  })
  const off = onEvidenceProgress((p) => {
    current = p.current
    emit()
  })
  return () => {
    sub.unsubscribe()
    off()
  }
}
