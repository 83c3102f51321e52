// Which IndexedDB database the screens and stores use: the app's own (`thidua`), or the one a
// test provides. Also the options the app was installed with (a test's sync transport).
import { inject, type InjectionKey } from 'vue'
import { getDb, type ThiDuaDb } from '../local/db'
import type { SyncTransport } from '../sync/api'

export const DB_KEY: InjectionKey<ThiDuaDb> = Symbol('thidua-db')

export interface AppServices {
  /** How sync talks to the server; fetch on the app's origin by default. */
  transport?: SyncTransport
  /** False keeps the sync scheduler from starting (screen tests that need no sync). */
  sync?: boolean
  /**
   * What the first screen does not need (the sync engine, the session's check with the server, the
   * account menu) waits for this: main.ts passes afterFirstScreen (composables/firstScreen.ts); at once by default.
   */
  later?: () => Promise<void>
}

export const SERVICES_KEY: InjectionKey<AppServices> = Symbol('thidua-services')

export function useDb(): ThiDuaDb {
  return inject(DB_KEY, getDb, true)
}

export function useServices(): AppServices {
  return inject(SERVICES_KEY, {})
}

/** Resolves when deferred work may start (AppServices.later). */
export function later(services: AppServices): Promise<void> {
  return services.later?.() ?? Promise.resolve()
}
