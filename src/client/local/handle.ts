// The app's handle on the phone's database. Dexie (open.ts) is not part of the first load: until it
// is loaded, the first screen reads through the bare IndexedDB API (rawReader.ts). Whatever writes,
// or follows the database live, asks for Dexie with open(). No Dexie import here.
import type { ThiDuaDb } from './db'
import { dexieReader, type Reader } from './reader'
import type { RawReader } from './rawReader'

export interface LocalDb {
  /** The Dexie database once loaded; undefined before. */
  readonly ready: ThiDuaDb | undefined
  /** The Dexie database, loading Dexie the first time. */
  open(): Promise<ThiDuaDb>
  /** Resolves once open() has, without asking for it. */
  readonly opened: Promise<ThiDuaDb>
  /**
   * The reader of a first read: Dexie's once loaded; before that the bare IndexedDB's, or, when the
   * stored database cannot be read that way (none yet, another schema version), Dexie's after all.
   */
  firstReader(): Promise<Reader>
}

/** A handle on a database already made (tests, the service worker): ready at once. */
export function readyLocal(db: ThiDuaDb): LocalDb {
  const opened = Promise.resolve(db)
  return { ready: db, open: () => opened, opened, firstReader: () => Promise.resolve(dexieReader(db)) }
}

/**
 * A handle that loads Dexie on the first open(). `raw` opens the bare reader (once, on the first
 * firstReader() before Dexie); it is closed as soon as Dexie is there.
 */
export function lazyLocal(load: () => Promise<ThiDuaDb>, raw: () => Promise<RawReader | null>): LocalDb {
  let ready: ThiDuaDb | undefined
  let loading: Promise<ThiDuaDb> | undefined
  let rawReader: Promise<RawReader | null> | undefined
  let announce: (db: ThiDuaDb) => void = () => undefined
  const opened = new Promise<ThiDuaDb>((resolve) => (announce = resolve))

  function open(): Promise<ThiDuaDb> {
    if (!loading) {
      loading = load().then((db) => {
        ready = db
        // The bare connection would only hold Dexie's upgrades back.
        void rawReader?.then((r) => r?.close())
        announce(db)
        return db
      })
      // A failed load (the chunk did not arrive) is tried again by the next call.
      loading.catch(() => (loading = undefined))
    }
    return loading
  }

  async function firstReader(): Promise<Reader> {
    if (ready) return dexieReader(ready)
    rawReader ??= raw().catch(() => null)
    const r = await rawReader
    if (r && !ready) return r
    return dexieReader(await open())
  }

  return {
    get ready() {
      return ready
    },
    open,
    opened,
    firstReader,
  }
}
