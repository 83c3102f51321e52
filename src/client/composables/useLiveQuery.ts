// Follows a read of IndexedDB: Dexie's liveQuery re-runs it after every commit that touches what
// it read (an edit, a sync, another tab), and the result lands in a Vue ref.
import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

export interface LiveQuery<T> {
  /** Undefined until the first result (and again while the query's inputs change). */
  data: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
}

/**
 * Runs `query` inside liveQuery and keeps its latest result. `sources`: when any of them changes
 * (the route's unit and period), the old subscription ends and the query starts again.
 */
export function useLiveQuery<T>(query: () => Promise<T>, sources: WatchSource[] = []): LiveQuery<T> {
  const data = shallowRef<T>()
  const error = shallowRef<unknown>(null)
  let subscription: Subscription | undefined

  function subscribe(): void {
    subscription?.unsubscribe()
    data.value = undefined
    subscription = liveQuery(query).subscribe({
      next: (value) => {
        data.value = value
        error.value = null
      },
      error: (err: unknown) => {
        error.value = err
      },
    })
  }

  if (sources.length > 0) watch(sources, subscribe, { immediate: true })
  else subscribe()
  onScopeDispose(() => subscription?.unsubscribe())
  return { data, error }
}
