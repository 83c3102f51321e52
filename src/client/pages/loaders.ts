// The lazily loaded screens. The entry screen's loader is shared: its route uses it, and the inbox
// calls it early so the screen opens at once, even if the network goes away in between.
export const loadEntryPage = () => import('./EntryPage.vue')
export const loadLoginPage = () => import('./LoginPage.vue')
export const loadAttentionPage = () => import('./AttentionPage.vue')
export const loadViewerPage = () => import('./ViewerPage.vue')
/** The entry screen's sticky bar (submit, jump list): a chunk of its own, out of the first load's budget. */
export const loadEntryBar = () => import('../components/entry/EntryBar.vue')
