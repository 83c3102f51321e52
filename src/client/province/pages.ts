// The province's screens, each its own lazy chunk. Loading this module registers the messages
// first, so the route's title is known before its screen renders.
import { registerMessages } from '../modules/i18n'
import { onboardMessages } from '../officer/people/messages'
import { provinceMessages } from './messages'

registerMessages(provinceMessages)
registerMessages(onboardMessages)

export const pages = {
  provinces: () => import('./ProvincesPage.vue'),
  board: () => import('./ProvinceBoardPage.vue'),
  slips: () => import('../officer/people/SlipsPage.vue'),
}
