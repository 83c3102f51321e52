// The workspace's screens, each its own lazy chunk. The routes (routes.ts, in the entry chunk)
// load this small module first and the screen through it: the entry chunk then names one file
// instead of every screen's files and their preloads (docs/BENCHMARKS.md).
export const pages = {
  layout: () => import('./OfficerLayout.vue'),
  dashboard: () => import('./dashboard/DashboardPage.vue'),
  completeness: () => import('./review/CompletenessPage.vue'),
  reviewQueue: () => import('./review/ReviewQueuePage.vue'),
  reviewReport: () => import('./review/ReviewReportPage.vue'),
  history: () => import('./review/HistoryPage.vue'),
  planSetup: () => import('./plan/PlanSetupPage.vue'),
  planDraft: () => import('./plan/draft/DraftPage.vue'),
  people: () => import('./people/PeoplePage.vue'),
  periods: () => import('./people/PeriodsPage.vue'),
  slips: () => import('./people/SlipsPage.vue'),
  registration: () => import('./registration/RegistrationSection.vue'),
  commendation: () => import('./commendation/CommendationSection.vue'),
}
