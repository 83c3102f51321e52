// The officer's workspace: its screens, each a lazy chunk that a village head's phone never
// downloads (the entry screen's budget, docs/BENCHMARKS.md). Every address names the commune, so the
// system administrator can open any commune's workspace and an officer's links can be shared.
// This table is not in the first load either: the router adds it when first needed (lateRoutes.ts);
// who may open what is in roles.ts.
import { MANAGERS, READERS, SLIP_PRINTERS } from '../roles'
import type { TypedRouteRecord } from '../routeNames'

type Page = keyof typeof import('./pages').pages
/**
 * A screen, loaded through pages.ts: the route table names that one small file, not every screen's
 * files, at the cost of one small request before the first workspace screen opens.
 */
const page = (key: Page) => () => import('./pages').then((m) => m.pages[key]())

export const officerRoutes: TypedRouteRecord[] = [
  {
    path: '/quan-ly/:commune',
    component: page('layout'),
    meta: { roles: READERS },
    children: [
      { path: '', name: 'officer', redirect: (to) => ({ name: 'dashboard', params: to.params }) },
      { path: 'tong-hop', name: 'dashboard', component: page('dashboard'), meta: { title: 'officer.nav.dashboard', roles: READERS } },
      { path: 'tien-do', name: 'completeness', component: page('completeness'), meta: { title: 'officer.nav.completeness', roles: READERS } },
      { path: 'duyet', name: 'review-queue', component: page('reviewQueue'), meta: { title: 'officer.nav.review', roles: READERS } },
      { path: 'duyet/:unit/:period', name: 'review-report', component: page('reviewReport'), meta: { title: 'officer.nav.review', roles: READERS } },
      { path: 'lich-su', name: 'history', component: page('history'), meta: { title: 'officer.nav.history', roles: READERS } },
      { path: 'ke-hoach', name: 'plan-setup', component: page('planSetup'), meta: { title: 'officer.nav.plan', roles: MANAGERS } },
      { path: 'ke-hoach/soan-tu-van-ban', name: 'plan-draft', component: page('planDraft'), meta: { title: 'officer.nav.plan', roles: MANAGERS } },
      { path: 'don-vi', name: 'people', component: page('people'), meta: { title: 'officer.nav.people', roles: MANAGERS } },
      { path: 'ky-bao-cao', name: 'periods', component: page('periods'), meta: { title: 'officer.nav.periods', roles: MANAGERS } },
      // The board, a unit's registration (:year/:unit) and the title list (?danh-hieu): RegistrationSection.vue.
      { path: 'dang-ky-thi-dua/:year(\\d{4})?/:unit?', name: 'registration-office', component: page('registration'), meta: { title: 'officer.nav.registration', roles: READERS } },
      // The evaluation of a year with its documents, and the achievement records (?ho-so): CommendationSection.vue.
      { path: 'binh-xet/:year(\\d{4})?', name: 'commendation', component: page('commendation'), meta: { title: 'officer.nav.commendation', roles: READERS } },
      { path: 'phieu-dang-nhap', name: 'slips', component: page('slips'), meta: { title: 'officer.nav.slips', roles: SLIP_PRINTERS } },
    ],
  },
]
