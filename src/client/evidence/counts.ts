// How many files the phone lists for each figure of a report (the key '' is the whole report):
// one live query per report, shared by every figure's button on the entry screen and stopped when
// the last one goes.
import { liveQuery, type Subscription } from 'dexie'
import { shallowRef, type ShallowRef } from 'vue'
import { evidenceDb, filesOfReport, type EvidenceDb } from './store'

interface Shared {
  counts: ShallowRef<ReadonlyMap<string, number>>
  users: number
  sub: Subscription
}

const shared = new Map<string, Shared>()

/** The counts of a report's files by figure, live; `release` when no longer shown. */
export function reportCounts(commune: string, unit: string, period: string, db: EvidenceDb = evidenceDb()): { counts: ShallowRef<ReadonlyMap<string, number>>; release: () => void } {
  const key = JSON.stringify([db.name, commune, unit, period])
  let s = shared.get(key)
  if (!s) {
    const counts = shallowRef<ReadonlyMap<string, number>>(new Map())
    const sub = liveQuery(async () => {
      const out = new Map<string, number>()
      for (const f of await filesOfReport(db, commune, unit, period)) out.set(f.indicator ?? '', (out.get(f.indicator ?? '') ?? 0) + 1)
      return out
    }).subscribe({ next: (m) => (counts.value = m), error: () => undefined })
    s = { counts, users: 0, sub }
    shared.set(key, s)
  }
  s.users++
  const mine = s
  let released = false
  return {
    counts: mine.counts,
    release: () => {
      if (released) return
      released = true
      if (--mine.users > 0) return
      mine.sub.unsubscribe()
      shared.delete(key)
    },
  }
}
