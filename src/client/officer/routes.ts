// The officer's workspace: its screens, each a lazy chunk that a village head's phone never
// downloads (the entry screen's budget, DESIGN.md §6). Every address names the commune, so the
// system administrator can open any commune's workspace and an officer's links can be shared.
import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '../../shared/model'

/** Who manages a commune (sets up the plan, accounts, periods; reviews reports). */
export const MANAGERS: readonly Role[] = ['officer', 'admin']
/** Who reads the commune's results (dashboard, board, history, exports). */
export const READERS: readonly Role[] = ['officer', 'leader', 'admin']

const layout = () => import('./OfficerLayout.vue')

export const officerRoutes: RouteRecordRaw[] = [
  {
    path: '/quan-ly/:commune',
    component: layout,
    meta: { roles: READERS },
    children: [
      { path: '', name: 'officer', redirect: (to) => ({ name: 'dashboard', params: to.params }) },
      { path: 'tong-hop', name: 'dashboard', component: () => import('./dashboard/DashboardPage.vue'), meta: { title: 'officer.nav.dashboard', roles: READERS } },
      { path: 'tien-do', name: 'completeness', component: () => import('./review/CompletenessPage.vue'), meta: { title: 'officer.nav.completeness', roles: READERS } },
      { path: 'duyet', name: 'review-queue', component: () => import('./review/ReviewQueuePage.vue'), meta: { title: 'officer.nav.review', roles: READERS } },
      { path: 'duyet/:unit/:period', name: 'review-report', component: () => import('./review/ReviewReportPage.vue'), meta: { title: 'officer.nav.review', roles: READERS } },
      { path: 'lich-su', name: 'history', component: () => import('./review/HistoryPage.vue'), meta: { title: 'officer.nav.history', roles: READERS } },
      { path: 'ke-hoach', name: 'plan-setup', component: () => import('./plan/PlanSetupPage.vue'), meta: { title: 'officer.nav.plan', roles: MANAGERS } },
      { path: 'don-vi', name: 'people', component: () => import('./people/PeoplePage.vue'), meta: { title: 'officer.nav.people', roles: MANAGERS } },
      { path: 'ky-bao-cao', name: 'periods', component: () => import('./people/PeriodsPage.vue'), meta: { title: 'officer.nav.periods', roles: MANAGERS } },
    ],
  },
]
