// The province's screens (/tinh…): the list of provinces and each province's board of communes.
// Like the officer's workspace, each screen is a lazy chunk kept out of the service worker's
// precache (vite.config.ts): a village head's phone never downloads them.
import type { RouteRecordRaw } from 'vue-router'
import type { Role } from '../../shared/model'

/** The roles of a province account (their `me.province` names the province). */
export const PROVINCE_ROLES: readonly Role[] = ['province_admin', 'province_viewer']
/** Who reads a province's board: the system administrator and the province's accounts. */
export const PROVINCE_READERS: readonly Role[] = ['admin', 'province_admin', 'province_viewer']
/** Who creates communes, officers and province accounts, merges communes, issues new links. */
export const PROVINCE_WRITERS: readonly Role[] = ['admin', 'province_admin']

type Page = keyof typeof import('./pages').pages
/** A screen, loaded through pages.ts (which also registers the province's messages first). */
const page = (key: Page) => () => import('./pages').then((m) => m.pages[key]())

export const provinceRoutes: RouteRecordRaw[] = [
  { path: '/tinh', name: 'provinces', component: page('provinces'), meta: { title: 'province.list.title', roles: PROVINCE_READERS } },
  { path: '/tinh/:province', name: 'province-board', component: page('board'), meta: { title: 'province.board.title', roles: PROVINCE_READERS } },
  { path: '/tinh/:province/phieu-dang-nhap', name: 'province-slips', component: page('slips'), meta: { title: 'onboard.slips.title', roles: PROVINCE_WRITERS } },
]
