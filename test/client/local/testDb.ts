// Test helpers: a fresh Dexie database per test (fake-indexeddb), a fixed clock, predictable ids.
import { createDb, type ThiDuaDb } from '../../../src/client/local/db'
import type { EditDeps } from '../../../src/client/local/edits'

let count = 0

/** A database of its own: tests never see each other's rows. */
export function freshDb(label = 'test'): ThiDuaDb {
  count += 1
  return createDb(`thidua-${label}-${count}-${Math.random().toString(36).slice(2)}`)
}

/** Ids the server accepts (8–64 of [A-Za-z0-9_-]), in order: `mut-0001`, `mut-0002`… */
export function sequentialIds(prefix = 'mut'): () => string {
  let i = 0
  return () => `${prefix}-${String(++i).padStart(4, '0')}`
}

export const T0 = '2024-05-10T08:00:00.000Z'

export function editDeps(db: ThiDuaDb, prefix = 'mut'): EditDeps {
  return { db, clock: () => new Date(T0), newId: sequentialIds(prefix) }
}

export const C = 'xa-thu'
