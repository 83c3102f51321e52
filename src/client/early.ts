// The first thing the page runs (issue 18, cold load): a module of its own, loaded `async` ahead of
// the app (vite.config.ts puts it in index.html), that starts opening the phone's database while
// the app's JavaScript is still arriving: on a slow phone opening IndexedDB takes about a tenth of a
// second. The first screen's reader (local/rawReader.ts) imports the same module, so it takes over
// this connection. It imports nothing, so it runs as soon as it arrives; it never creates or
// changes a database (one that does not exist stays uncreated), and the reader checks the version.

/** The phone's database (local/db.ts re-exports it). */
export const DB_NAME = 'thidua'

/** Opens `name` as it is, or resolves null: no such database, or the browser refuses. */
export function openAsItIs(name: string, factory: IDBFactory | undefined = globalThis.indexedDB): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    if (!factory) return resolve(null)
    let request: IDBOpenDBRequest
    try {
      // No version: the database as it is. Asking for one would create or upgrade it, which is Dexie's.
      request = factory.open(name)
    } catch {
      return resolve(null)
    }
    // Only a database that does not exist needs an upgrade when opened without a version.
    request.onupgradeneeded = () => request.transaction?.abort()
    request.onerror = (event) => {
      event.preventDefault()
      resolve(null)
    }
    request.onblocked = () => resolve(null)
    request.onsuccess = () => {
      const db = request.result
      // Another tab (or this one's Dexie) upgrading the schema: let it.
      db.onversionchange = () => db.close()
      resolve(db)
    }
  })
}

/**
 * The app's database, opening since the page started; the first screen's reader takes it (once).
 * Only in a page: the service worker, which reaches this module through local/db.ts, opens nothing.
 */
export const earlyConnection: Promise<IDBDatabase | null> = 'document' in globalThis ? openAsItIs(DB_NAME) : Promise.resolve(null)
