// The sign-in slips waiting to be printed. An enrolment token is shown only once (the server keeps
// its hash), so the accounts just created travel from the form to the print view here, mirrored
// in sessionStorage: a reload of the print view (or the browser's print preview) still has them,
// and they end with the tab. Nothing here goes to IndexedDB.
import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { CreatedAccount, Enrolment } from '../../../shared/api'
import type { Role } from '../../../shared/model'
import { ENROLMENT_PATH } from '../../../shared/province'

/** What one printed slip says. */
export interface Slip {
  username: string
  displayName: string
  role: Role
  /** The units the account reports for, by name. */
  units: string[]
  /** The commune (or, for a province account, the province) the account belongs to. */
  place: string
  token: string
  expiresAt: string
}

export const SLIPS_KEY = 'thidua.slips'

/** Slips of accounts just created: those given a password instead of a link get none. */
export function slipsOf(accounts: readonly CreatedAccount[], place: string): Slip[] {
  return accounts.flatMap((a) =>
    a.enrolment
      ? [{ username: a.username, displayName: a.displayName, role: a.role, units: a.units.map((u) => u.name), place: a.commune?.name ?? place, token: a.enrolment.token, expiresAt: a.enrolment.expiresAt }]
      : [],
  )
}

/** The slip of one existing account given a new link ("In lại phiếu"). */
export function reissuedSlip(account: { username: string; displayName: string; role: Role }, units: string[], place: string, enrolment: Enrolment): Slip {
  return { username: account.username, displayName: account.displayName, role: account.role, units, place, token: enrolment.token, expiresAt: enrolment.expiresAt }
}

/** The link a slip's QR code holds: the enrolment page on this server. */
export function enrolmentUrl(origin: string, token: string): string {
  return `${origin}${ENROLMENT_PATH}${token}`
}

function read(): Slip[] {
  try {
    const raw = sessionStorage.getItem(SLIPS_KEY)
    const list: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(list) ? (list as Slip[]) : []
  } catch {
    return []
  }
}

export const useSlipsStore = defineStore('slips', () => {
  const slips = shallowRef<Slip[]>(read())

  /** The slips to print next, replacing any before. */
  function show(list: Slip[]): void {
    slips.value = list
    try {
      sessionStorage.setItem(SLIPS_KEY, JSON.stringify(list))
    } catch {
      // blocked storage: the slips last as long as the page
    }
  }

  /** Forgets the links once printed: they are secrets until their owners use them. */
  function clear(): void {
    show([])
  }

  return { slips, show, clear }
})
