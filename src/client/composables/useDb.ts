// Which IndexedDB database the screens and stores use: the app's own (`thidua`), or the one a
// test provides, through a handle (local/handle.ts) that loads Dexie only after the first screen.
// Also the options the app was installed with (a test's sync transport).
import { inject, type InjectionKey } from 'vue'
import type { ThiDuaDb } from '../local/db'
import type { LocalDb } from '../local/handle'
import type { SyncTransport } from '../sync/api'

export const LOCAL_KEY: InjectionKey<LocalDb> = Symbol('thidua-local')

export interface AppServices {
  /** How sync talks to the server; fetch on the app's origin by default. */
  transport?: SyncTransport
  /** False keeps the sync scheduler from starting (screen tests that need no sync). */
  sync?: boolean
  /**
   * What the first screen does not need (the sync engine, the session's check with the server, the
   * account menu) waits for this: main.ts passes afterFirstScreen (composables/firstScreen.ts); at
   * once by default. setup.ts adds the database's opening (Dexie loaded) to it.
   */
  later?: () => Promise<void>
}

export const SERVICES_KEY: InjectionKey<AppServices> = Symbol('thidua-services')

/** The database handle: for the first screen's reads and for anything that may run before Dexie is loaded. */
export function useLocal(): LocalDb {
  const local = inject(LOCAL_KEY)
  if (!local) throw new Error('useLocal: the app was not installed (setup.ts installApp)')
  return local
}

/**
 * The Dexie database, for what runs after it is loaded: screens other than the entry screen and
 * the inbox (the router opens it before resolving them), and what waits for AppServices.later.
 */
export function useDb(): ThiDuaDb {
  const db = useLocal().ready
  if (!db) throw new Error('useDb: the database is not open yet (use useLocal().open())')
  return db
}

export function useServices(): AppServices {
  return inject(SERVICES_KEY, {})
}

/** Resolves when deferred work may start (AppServices.later). */
export function later(services: AppServices): Promise<void> {
  return services.later?.() ?? Promise.resolve()
}
