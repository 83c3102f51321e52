// The first screen's reads on the bare IndexedDB API, before Dexie is loaded (issue 18: the entry
// screen's first load leaves Dexie out). Only a database Dexie made at exactly the schema version
// this build knows is read: a missing one (nothing stored yet) is not created, and an older or newer
// one is left to Dexie, which upgrades it or refuses it. Nothing is written here.
import { DB_NAME, DB_NATIVE_VERSION } from './db'
import type { Key, Reader, StoreName, StoreRows } from './reader'

export interface RawReader extends Reader {
  /** Closes the connection (Dexie takes over); reads after it fail. */
  close(): void
}

/**
 * Opens `name` without Dexie. Resolves null when there is no such database, when its version is not
 * the one this build's Dexie schema gives it, or when the browser refuses (private mode, storage blocked).
 */
export function openRawReader(name: string = DB_NAME, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<RawReader | null> {
  if (!factory) return Promise.resolve(null)
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest
    try {
      // No version: the database as it is. Asking for one would create or upgrade it, which is Dexie's.
      request = factory.open(name)
    } catch {
      resolve(null)
      return
    }
    request.onupgradeneeded = () => {
      // Only a database that does not exist needs an upgrade when opened without a version: leave it
      // uncreated (Dexie creates it with its schema), and answer null.
      request.transaction?.abort()
    }
    request.onerror = (event) => {
      event.preventDefault()
      resolve(null)
    }
    request.onblocked = () => resolve(null)
    request.onsuccess = () => {
      const db = request.result
      if (db.version !== DB_NATIVE_VERSION) {
        db.close()
        resolve(null)
        return
      }
      // Another tab (or this one's Dexie) upgrading the schema: let it.
      db.onversionchange = () => db.close()
      resolve(rawReader(db))
    }
  })
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
