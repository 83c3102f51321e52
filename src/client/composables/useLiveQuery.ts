// Follows a read of IndexedDB: Dexie's liveQuery re-runs it after every commit that touches what
// it read (an edit, a sync, another tab), and the result lands in a Vue ref. Dexie is imported
// when a query starts, not with this module: the first screen's queries (useLocalQuery) show their
// first result from the bare IndexedDB before Dexie is loaded, then follow the database through it.
import type { Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'
import type { ThiDuaDb } from '../local/db'
import { dexieReader, type Reader } from '../local/reader'
import { useLocal } from './useDb'

export interface LiveQuery<T> {
  /** Undefined until the first result (and again while the query's inputs change). */
  data: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
}

/**
 * Runs `query` inside liveQuery and keeps its latest result. `sources`: when any of them changes
 * (the route's unit and period), the old subscription ends and the query starts again. For
 * screens that open once Dexie is loaded (useDb()).
 */
export function useLiveQuery<T>(query: () => Promise<T>, sources: WatchSource[] = []): LiveQuery<T> {
  return follow<T>((live) => live(query), sources)
}

/**
 * The first screen's live query: `query` reads through a Reader. Before Dexie is loaded its first
 * result comes from one read of the bare IndexedDB (LocalDb.firstReader); once Dexie is loaded
 * (by whoever asks: deferred work, a save) the query follows the database through Dexie. A first
 * read that fails is done again through Dexie.
 */
export function useLocalQuery<T>(query: (reader: Reader) => Promise<T>, sources: WatchSource[] = []): LiveQuery<T> {
  const local = useLocal()
  return follow<T>((live, data, current, fail) => {
    const ready = local.ready
    if (ready) return live(() => query(dexieReader(ready)))
    void local
      .firstReader()
      .then(async (reader) => {
        const value = await query(reader)
        if (current() && data.value === undefined) data.value = value
      })
      .then(
        () => local.opened,
        () => local.open(),
      )
      .then(
        (db: ThiDuaDb) => {
          if (current()) live(() => query(dexieReader(db)))
        },
        // Neither the bare read nor Dexie: the screen says it could not read.
        fail,
      )
  }, sources)
}

type Live<T> = (query: () => Promise<T>) => void

/** The subscription machinery of both: `start` begins a run, `live` subscribes to a Dexie liveQuery. */
function follow<T>(start: (live: Live<T>, data: ShallowRef<T | undefined>, current: () => boolean, fail: (err: unknown) => void) => void, sources: WatchSource[]): LiveQuery<T> {
  const data = shallowRef<T>()
  const error = shallowRef<unknown>(null)
  let subscription: Subscription | undefined
  let run = 0
  let disposed = false

  function subscribe(): void {
    subscription?.unsubscribe()
    subscription = undefined
    data.value = undefined
    const mine = ++run
    const current = (): boolean => mine === run && !disposed
    const fail = (err: unknown): void => {
      if (current()) error.value = err
    }
    const live: Live<T> = (query) => {
      void import('dexie').then(
        ({ liveQuery }) => {
          if (!current()) return
          subscription = liveQuery(query).subscribe({
            next: (value) => {
              data.value = value
              error.value = null
            },
            error: (err: unknown) => {
              error.value = err
            },
          })
        },
        fail,
      )
    }
    start(live, data, current, fail)
  }

  if (sources.length > 0) watch(sources, subscribe, { immediate: true })
  else subscribe()
  onScopeDispose(() => {
    disposed = true
    subscription?.unsubscribe()
  })
  return { data, error }
}
