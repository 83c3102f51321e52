// The province's screens (/tinh…): the list of provinces and each province's board of communes.
// Like the officer's workspace, each screen is a lazy chunk kept out of the service worker's
// precache (vite.config.ts): a village head's phone never downloads them. The table itself is
// added by the router when first needed (lateRoutes.ts); who may open what is in roles.ts.
import { PROVINCE_READERS, PROVINCE_WRITERS } from '../roles'
import type { TypedRouteRecord } from '../routeNames'

type Page = keyof typeof import('./pages').pages
/** A screen, loaded through pages.ts (which also registers the province's messages first). */
const page = (key: Page) => () => import('./pages').then((m) => m.pages[key]())

export const provinceRoutes: TypedRouteRecord[] = [
  { path: '/tinh', name: 'provinces', component: page('provinces'), meta: { title: 'province.list.title', roles: PROVINCE_READERS } },
  { path: '/tinh/:province', name: 'province-board', component: page('board'), meta: { title: 'province.board.title', roles: PROVINCE_READERS } },
  { path: '/tinh/:province/phieu-dang-nhap', name: 'province-slips', component: page('slips'), meta: { title: 'onboard.slips.title', roles: PROVINCE_WRITERS } },
]
