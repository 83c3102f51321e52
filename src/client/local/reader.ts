// Reads of the phone's database through one small interface, so that the first screen can be read
// before Dexie is loaded (issue 18, first load): the same query functions (queries.ts, the entry
// sheet's frame) run on Dexie, where a live query observes what they read, or on the bare
// IndexedDB API (rawReader.ts), once, while the page is still starting. No Dexie import here.
import type { MetaRow, PeriodRow, PlanRow, ReportRow, SyncStateRow, ThiDuaDb, UnitRow, CellRow, OutboxEntry } from './db'

/** The stores a query may read, with their rows. */
export interface StoreRows {
  meta: MetaRow
  plans: PlanRow
  units: UnitRow
  periods: PeriodRow
  cells: CellRow
  reports: ReportRow
  outbox: OutboxEntry
  syncState: SyncStateRow
}

export type StoreName = keyof StoreRows

/** An IndexedDB key: a string, a number or an array of keys (Dexie's compound keys). */
export type Key = string | number | readonly Key[]

/**
 * A read-only view of the database. `index` is named as Dexie names it: the primary key's or an
 * index's keyPath, compound ones as `[a+b]`. Rows come in index order, then primary key order.
 */
export interface Reader {
  get<S extends StoreName>(store: S, key: Key): Promise<StoreRows[S] | undefined>
  /** Rows whose `index` key is between `lower` and `upper`, both included unless `upperOpen`. */
  between<S extends StoreName>(store: S, index: string, lower: Key, upper: Key, upperOpen?: boolean): Promise<StoreRows[S][]>
  /** Rows whose `index` key equals `key`. */
  equals<S extends StoreName>(store: S, index: string, key: Key): Promise<StoreRows[S][]>
  /** Rows whose `index` key is one of `keys`, given in ascending order. */
  anyOf<S extends StoreName>(store: S, index: string, keys: readonly Key[]): Promise<StoreRows[S][]>
  /** Runs `reads` in one read-only transaction where the backend has them (Dexie); else as they come. */
  together<T>(stores: readonly StoreName[], reads: () => Promise<T>): Promise<T>
}

/** What the query functions accept: a reader, or a Dexie database (read through dexieReader). */
export type ReadSource = Reader | ThiDuaDb

const readers = new WeakMap<ThiDuaDb, Reader>()

/** The reader of a Dexie database: its reads are Dexie's, so a liveQuery around them observes them. */
export function dexieReader(db: ThiDuaDb): Reader {
  let reader = readers.get(db)
  if (!reader) {
    reader = {
      get: (store, key) => db.table(store).get(key as never),
      between: (store, index, lower, upper, upperOpen = false) => db.table(store).where(index).between(lower, upper, true, !upperOpen).toArray(),
      equals: (store, index, key) => db.table(store).where(index).equals(key as never).toArray(),
      anyOf: (store, index, keys) => (keys.length === 0 ? Promise.resolve([]) : db.table(store).where(index).anyOf(keys as never[]).toArray()),
      together: (stores, reads) => db.transaction('r', stores as string[], reads),
    }
    readers.set(db, reader)
  }
  return reader
}

/** A reader for either kind of source. */
export function readerOf(source: ReadSource): Reader {
  return 'together' in source ? source : dexieReader(source)
}
