// Who may open which screens: the role lists the router's guard, the account menu and the
// workspace's screens read. A module of its own, apart from the route tables (routes.ts of the
// officer's workspace and of the province, loaded only when needed): the first load carries the
// lists, not the tables.
import type { Role } from '../shared/model'

/** Who manages a commune (sets up the plan, accounts, periods; reviews reports). */
export const MANAGERS: readonly Role[] = ['officer', 'admin']
/** Who reads the commune's results (dashboard, board, history, exports); province accounts read every commune of theirs. */
export const READERS: readonly Role[] = ['officer', 'leader', 'admin', 'province_admin', 'province_viewer']
/** Who prints sign-in slips: the commune's managers, and the province administrator for the officers it creates. */
export const SLIP_PRINTERS: readonly Role[] = ['officer', 'admin', 'province_admin']

/** The roles of a province account (their `me.province` names the province). */
export const PROVINCE_ROLES: readonly Role[] = ['province_admin', 'province_viewer']
/** Who reads a province's board: the system administrator and the province's accounts. */
export const PROVINCE_READERS: readonly Role[] = ['admin', 'province_admin', 'province_viewer']
/** Who creates communes, officers and province accounts, merges communes, issues new links. */
export const PROVINCE_WRITERS: readonly Role[] = ['admin', 'province_admin']
