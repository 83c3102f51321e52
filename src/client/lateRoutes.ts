// The routes the first screen does not need, added to the router when first needed (router.ts,
// addLateRoutes): the village head's registration, enrolment links, the officer's workspace and the
// province's screens. A chunk of its own, in the service worker's precache (vite.config.ts): a deep
// link to a workspace address resolves offline too; the screens themselves load when opened.
import { officerRoutes } from './officer/routes'
import { provinceRoutes } from './province/routes'
import type { TypedRouteRecord } from './routeNames'

export const lateRoutes: TypedRouteRecord[] = [
  { path: '/dang-ky-thi-dua/:year(\\d{4})?', name: 'registration', component: () => import('./registration/RegistrationPage.vue'), meta: { title: 'account.registration' } },
  { path: '/kich-hoat/:token', name: 'enrol', component: () => import('./enrol/EnrolPage.vue'), meta: { public: true, anyUser: true, title: 'enrol.title' } },
  ...officerRoutes,
  ...provinceRoutes,
]
