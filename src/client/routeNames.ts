// The names of the app's screens, in one place: the RouteName union. vue-router's typed routes
// (TypesConfig's RouteNamedMap) take their names from it, so `router.push({ name })`,
// `<RouterLink :to="{ name }">`, `route.name === …` and the route records (TypedRouteRecord) accept
// these names only: a misspelt name fails the type-check instead of throwing "No match" at run time.
// Types only, nothing of it in the bundle.
import type { RouteParamsGeneric, RouteParamsRawGeneric, RouteRecordInfo, RouteRecordRaw } from 'vue-router'

export type RouteName =
  // The first load's routes (router.ts).
  | 'login'
  | 'inbox'
  | 'entry'
  | 'attention'
  | 'plan'
  | 'officer-home'
  | 'not-found'
  // Added once needed (lateRoutes.ts): the village head's registration, enrolment links, the
  // officer's workspace (officer/routes.ts) and the province's screens (province/routes.ts).
  | 'registration'
  | 'enrol'
  | 'officer'
  | 'dashboard'
  | 'completeness'
  | 'review-queue'
  | 'review-report'
  | 'history'
  | 'plan-setup'
  | 'plan-draft'
  | 'people'
  | 'periods'
  | 'registration-office'
  | 'commendation'
  | 'slips'
  | 'provinces'
  | 'province-board'
  | 'province-slips'

/** A route record whose name (and its children's) is a RouteName. */
export type TypedRouteRecord = RouteRecordRaw & { name?: RouteName; children?: TypedRouteRecord[] }

/** Every screen by name; params stay generic (each screen reads and checks its own). */
export type RouteNamedMap = { [N in RouteName]: RouteRecordInfo<N, string, RouteParamsRawGeneric, RouteParamsGeneric> }

declare module 'vue-router' {
  interface TypesConfig {
    RouteNamedMap: RouteNamedMap
  }
}
