// The first screen's reads on the bare IndexedDB API, before Dexie is loaded (issue 18: the entry
// screen's first load leaves Dexie out). Only a database Dexie made at exactly the schema version
// this build knows is read: a missing one (nothing stored yet) is not created, and an older or newer
// one is left to Dexie, which upgrades it or refuses it. Nothing is written here.
import { DB_NAME, DB_NATIVE_VERSION } from './db'
import { earlyConnection, openAsItIs } from '../early'
import type { Key, Reader, StoreName, StoreRows } from './reader'

export interface RawReader extends Reader {
  /** Closes the connection (Dexie takes over); reads after it fail. */
  close(): void
}

let earlyTaken = false

/**
 * Opens `name` without Dexie: the connection the page started opening first (early.ts), for the
 * app's own database the first time, else a new one. Resolves null when there is no such database,
 * when its version is not the one this build's Dexie schema gives it, or when the browser refuses
 * (private mode, storage blocked).
 */
export async function openRawReader(name: string = DB_NAME, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<RawReader | null> {
  const early = name === DB_NAME && factory === globalThis.indexedDB && !earlyTaken
  earlyTaken ||= early
  const db = await (early ? earlyConnection : openAsItIs(name, factory))
  if (!db) return null
  if (db.version !== DB_NATIVE_VERSION) {
    db.close()
    return null
  }
  return rawReader(db)
}

function rawReader(db: IDBDatabase): RawReader {
  /** The store, or its index; Dexie names the primary key's keyPath as it names an index's. */
  function source(store: IDBObjectStore, index: string): IDBObjectStore | IDBIndex {
    const path = store.keyPath
    const primary = Array.isArray(path) ? `[${path.join('+')}]` : path
    return index === primary ? store : store.index(index)
  }

  function read<T>(store: StoreName, run: (os: IDBObjectStore) => IDBRequest): Promise<T> {
    return new Promise((resolve, reject) => {
      try {
        const tx = db.transaction(store, 'readonly')
        const request = run(tx.objectStore(store))
        request.onsuccess = () => resolve(request.result as T)
        request.onerror = () => reject(request.error ?? new Error(`IndexedDB read of ${store} failed`))
        tx.onabort = () => reject(tx.error ?? new Error(`IndexedDB read of ${store} aborted`))
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)))
      }
    })
  }

  const key = (k: Key): IDBValidKey => k as IDBValidKey
  return {
    get: <S extends StoreName>(store: S, k: Key) => read<StoreRows[S] | undefined>(store, (os) => os.get(key(k))),
    between: <S extends StoreName>(store: S, index: string, lower: Key, upper: Key, upperOpen = false) =>
      read<StoreRows[S][]>(store, (os) => source(os, index).getAll(IDBKeyRange.bound(key(lower), key(upper), false, upperOpen))),
    equals: <S extends StoreName>(store: S, index: string, k: Key) => read<StoreRows[S][]>(store, (os) => source(os, index).getAll(IDBKeyRange.only(key(k)))),
    anyOf: async <S extends StoreName>(store: S, index: string, keys: readonly Key[]) =>
      (await Promise.all(keys.map((k) => read<StoreRows[S][]>(store, (os) => source(os, index).getAll(IDBKeyRange.only(key(k))))))).flat(),
    together: (_stores, reads) => reads(),
    close: () => db.close(),
  }
}
