// The app's screens, by address (history mode; the service worker answers every navigation with
// index.html). The inbox is in the entry bundle; every other screen loads when first opened. The
// table the first screen needs is here; the rest (the village head's registration, enrolment links,
// the officer's workspace, the province's screens: lateRoutes.ts) is added when first needed: before
// an address no route here matches is resolved, before a workspace user's first navigation, and once
// the first screen is shown (App.vue, for the account menu's links).
import type { Pinia } from 'pinia'
import { shallowRef } from 'vue'
import { createRouter, START_LOCATION, type NavigationGuardReturn, type RouteLocationNormalized, type RouteLocationRaw, type Router, type RouterHistory } from 'vue-router'
import type { Me } from './api'
import type { Role } from '../shared/model'
import { PROVINCE_ROLES, READERS } from './roles'
import type { TypedRouteRecord } from './routeNames'
import InboxPage from './pages/InboxPage.vue'
import { loadAttentionPage, loadEntryPage, loadLoginPage, loadViewerPage } from './pages/loaders'
import { useSessionStore } from './stores/session'
import type { MessageKey } from './modules/i18n'
import type { LocalDb } from './local/handle'

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without a session (the sign-in screen). */
    public?: boolean
    /** A public screen that stays open when someone is signed in (an enrolment link signs its owner in). */
    anyUser?: boolean
    /** The message key of the screen's title. */
    title?: MessageKey
    /** Only these roles may open the screen (the officer's workspace). */
    roles?: readonly Role[]
    /** The screen links to late routes by name (lateRoutes.ts): they are added before it opens. */
    lateLinks?: boolean
    /**
     * The screen shows without Dexie (its first read is the bare IndexedDB's: local/rawReader.ts):
     * the village head's first screens. Any other screen opens once Dexie is loaded (useDb()).
     */
    beforeDexie?: boolean
  }
}

/** Village heads and officers type figures; leaders and administrators only read the plan. */
export function canReport(me: Pick<Me, 'role' | 'commune'> | null): boolean {
  return me !== null && me.commune !== null && (me.role === 'reporter' || me.role === 'officer')
}

const firstRoutes: TypedRouteRecord[] = [
  { path: '/dang-nhap', name: 'login', component: loadLoginPage, meta: { public: true, title: 'login.title' } },
  { path: '/', name: 'inbox', component: InboxPage, meta: { title: 'inbox.title', beforeDexie: true } },
  { path: '/nhap/:unit/:period', name: 'entry', component: loadEntryPage, meta: { title: 'entry.title', beforeDexie: true } },
  { path: '/can-xu-ly', name: 'attention', component: loadAttentionPage, meta: { title: 'attention.title', lateLinks: true } },
  { path: '/ke-hoach/:commune?/:year(\\d{4})?', name: 'plan', component: loadViewerPage, meta: { title: 'plan.title' } },
  { path: '/quan-ly', name: 'officer-home', redirect: '/' },
  // No route matches (yet): the guard adds the late routes and resolves the address again; an
  // address none of them matches either opens the start screen. The inbox is never shown from here.
  { path: '/:rest(.*)*', name: 'not-found', component: InboxPage },
]

export function createAppRouter(history: RouterHistory, pinia: Pinia, local: LocalDb): Router {
  const router = createRouter({ history, routes: firstRoutes, scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 } })
  router.beforeEach(async (to, from) => guard(router, to, from, pinia))
  // Screens other than the first ones use Dexie from their first line: it is loaded before they
  // resolve, while their own chunk loads. A failed load fails the navigation (App.vue offers to retry).
  router.beforeResolve(async (to) => {
    if (!to.meta.beforeDexie) await local.open()
  })
  // A screen's code that cannot load (offline before an officer screen was ever opened, a
  // deployment that removed an old file): App.vue says so and offers to try again.
  router.onError((_err, to) => (failedNavigation.value = to.fullPath))
  router.afterEach((_to, _from, failure) => {
    if (!failure) failedNavigation.value = null
  })
  return router
}

const adding = new WeakMap<Router, Promise<void>>()

/** Adds the late routes (lateRoutes.ts) to `router`, once; a failed load is tried again on the next call. */
export function addLateRoutes(router: Router): Promise<void> {
  let added = adding.get(router)
  if (!added) {
    added = import('./lateRoutes').then(({ lateRoutes }) => {
      for (const record of lateRoutes) router.addRoute(record)
    })
    added.catch(() => adding.delete(router))
    adding.set(router, added)
  }
  return added
}

async function guard(router: Router, to: RouteLocationNormalized, from: RouteLocationNormalized, pinia: Pinia): Promise<NavigationGuardReturn> {
  if (to.name === 'not-found') {
    if (router.hasRoute('enrol')) return '/'
    await addLateRoutes(router)
    return to.fullPath
  }
  const session = useSessionStore(pinia)
  await session.start()
  const signedIn = session.status === 'signed-in'
  if (to.meta.public) return signedIn && !to.meta.anyUser ? nextPath(to) : true
  // No session known and the server unreachable: App.vue shows why, in place of any screen.
  if (session.status === 'unreachable') return true
  if (!signedIn) return { name: 'login', query: to.fullPath === '/' ? {} : { next: to.fullPath } }
  const me = session.me
  // Where a workspace user lands, and the workspace's links, are late routes: added before any of
  // them is resolved.
  if (workspaceHome(me) || to.meta.lateLinks) await addLateRoutes(router)
  // A leader's home is the commune's dashboard; whoever has no workspace reads the plan. An officer
  // lands on the workspace too (after signing in, or opening the app at its start address), and
  // still opens the inbox from the menu.
  if (to.name === 'officer-home' || (to.name === 'inbox' && !canReport(me))) return workspaceHome(me) ?? { name: 'plan' }
  if (to.name === 'inbox' && landing(from)) {
    const home = workspaceHome(me)
    if (home) return home
  }
  const roles = to.matched.flatMap((r) => (r.meta.roles ? [r.meta.roles] : []))
  if (me && roles.some((allowed) => !allowed.includes(me.role))) return workspaceHome(me) ?? { name: 'plan' }
  return true
}

/** A navigation that starts the user's visit: the app's first screen, or the one after signing in. */
function landing(from: RouteLocationNormalized): boolean {
  return from === START_LOCATION || from.matched.length === 0 || from.meta.public === true
}

/** The address whose screen failed to load, until a navigation succeeds. */
export const failedNavigation = shallowRef<string | null>(null)

/**
 * Where a user's work starts: the province board for a province account, the list of provinces for
 * the system administrator, the commune's dashboard for those who read its results; undefined for
 * the others (village heads and reporters: the inbox).
 */
export function workspaceHome(me: (Pick<Me, 'role' | 'commune'> & Partial<Pick<Me, 'province'>>) | null): RouteLocationRaw | undefined {
  if (!me) return undefined
  if (PROVINCE_ROLES.includes(me.role) && me.province) return { name: 'province-board', params: { province: me.province.code } }
  if (me.role === 'admin' || PROVINCE_ROLES.includes(me.role)) return { name: 'provinces' }
  if (!me.commune || !READERS.includes(me.role)) return undefined
  return { name: 'dashboard', params: { commune: me.commune.code } }
}

/** Where to go after signing in: the screen the user was sent away from, if it is one of ours. */
export function nextPath(route: Pick<RouteLocationNormalized, 'query'>): string {
  const next = route.query.next
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/'
}
