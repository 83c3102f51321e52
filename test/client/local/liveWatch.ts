// Test helpers for Dexie's live queries: a query watched with a count of its runs, and a wait on
// IndexedDB's and Dexie's own turns (not a clock) until a condition holds.
import { liveQuery } from 'dexie'
import { expect } from 'vitest'

/** A live query, counting how often Dexie runs it, with its last result. */
export function watchQuery<T>(query: () => Promise<T>) {
  const state = { runs: 0, last: undefined as T | undefined }
  const sub = liveQuery(() => {
    state.runs++
    return query()
  }).subscribe({ next: (v) => void (state.last = v) })
  return { state, stop: () => sub.unsubscribe() }
}

/** Waits (on IndexedDB's and Dexie's own turns, not a clock) until `check` holds. */
export async function untilHolds(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0))
  expect(check()).toBe(true)
}
