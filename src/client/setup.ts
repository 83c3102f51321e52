// Puts the app together: the database handle, Pinia (UI and session state), i18n, the router.
// main.ts mounts the result; tests install the same with their own database, history and transport.
import { createPinia, type Pinia } from 'pinia'
import type { App } from 'vue'
import { createWebHistory, type Router, type RouterHistory } from 'vue-router'
import type { ThiDuaDb } from './local/db'
import { lazyLocal, readyLocal, type LocalDb } from './local/handle'
import { openRawReader } from './local/rawReader'
import { LOCAL_KEY, SERVICES_KEY, type AppServices } from './composables/useDb'
import { createAppI18n, type AppI18n, type Locale } from './modules/i18n'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'

export interface AppOptions extends AppServices {
  /** The database, ready; by default the app's own, with Dexie loaded after the first screen. */
  db?: ThiDuaDb
  /** The database of this name instead of the app's own, loaded as the app's own is (tests of that path). */
  dbName?: string
  history?: RouterHistory
  locale?: Locale
}

export interface Installed {
  router: Router
  pinia: Pinia
  i18n: AppI18n
  local: LocalDb
}

export function installApp(app: App, options: AppOptions = {}): Installed {
  const local = options.db
    ? readyLocal(options.db)
    : lazyLocal(
        () => import('./local/open').then((m) => (options.dbName ? m.createDb(options.dbName) : m.getDb())),
        () => openRawReader(options.dbName),
      )
  app.provide(LOCAL_KEY, local)
  // Deferred work also needs Dexie: it is loaded then, and what waits for `later` may use useDb().
  const later = (): Promise<void> => (options.later?.() ?? Promise.resolve()).then(() => local.open()).then(() => undefined)
  app.provide(SERVICES_KEY, { ...(options.transport ? { transport: options.transport } : {}), sync: options.sync ?? true, later })
  const pinia = createPinia()
  app.use(pinia)
  const i18n = createAppI18n(options.locale)
  app.use(i18n)
  const router = createAppRouter(options.history ?? createWebHistory(import.meta.env.BASE_URL), pinia, local)
  app.use(router)
  // Reads the stored user now; the router's first navigation waits for it.
  void app.runWithContext(() => useSessionStore(pinia).start())
  return { router, pinia, i18n, local }
}
