// Puts the app together: IndexedDB, Pinia (UI and session state), i18n, the router. main.ts
// mounts the result; tests install the same with their own database, history and transport.
import { createPinia, type Pinia } from 'pinia'
import type { App } from 'vue'
import { createWebHistory, type Router, type RouterHistory } from 'vue-router'
import { getDb, type ThiDuaDb } from './local/db'
import { DB_KEY, SERVICES_KEY, type AppServices } from './composables/useDb'
import { createAppI18n, type AppI18n, type Locale } from './modules/i18n'
import { createAppRouter } from './router'
import { useSessionStore } from './stores/session'

export interface AppOptions extends AppServices {
  db?: ThiDuaDb
  history?: RouterHistory
  locale?: Locale
}

export interface Installed {
  router: Router
  pinia: Pinia
  i18n: AppI18n
  db: ThiDuaDb
}

export function installApp(app: App, options: AppOptions = {}): Installed {
  const db = options.db ?? getDb()
  app.provide(DB_KEY, db)
  app.provide(SERVICES_KEY, { ...(options.transport ? { transport: options.transport } : {}), sync: options.sync ?? true, ...(options.later ? { later: options.later } : {}) })
  const pinia = createPinia()
  app.use(pinia)
  const i18n = createAppI18n(options.locale)
  app.use(i18n)
  const router = createAppRouter(options.history ?? createWebHistory(import.meta.env.BASE_URL), pinia)
  app.use(router)
  // Reads the stored user now; the router's first navigation waits for it.
  void app.runWithContext(() => useSessionStore(pinia).start())
  return { router, pinia, i18n, db }
}
