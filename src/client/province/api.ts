// The calls of the province's screens (the lead's src/server/routes for provinces, communes and
// accounts). Failures reject with ApiRequestError carrying the server's Vietnamese message.
import { apiRequest, communePath } from '../api'
import type { AccountView, CommuneSummary, CreatedAccount, Enrolment, ProvinceAccountView, ProvinceBoard, ProvinceSummary } from '../../shared/api'
import type { NewCommune, NewProvince } from '../../shared/province'

export type { ProvinceBoard, ProvinceBoardRow, ProvinceSummary } from '../../shared/api'

/** The roles the province gives: a commune's officer or leader, or a province account. */
export type ProvinceGivenRole = 'officer' | 'leader' | 'province_admin' | 'province_viewer'
/** An account created without a password: its owner sets one through the enrolment link. */
export interface LinkAccount {
  username: string
  displayName: string
  role: ProvinceGivenRole
}

const seg = encodeURIComponent
const provincePath = (province: string, rest = '') => `/api/provinces/${seg(province)}${rest ? `/${rest}` : ''}`

export function loadProvinces(signal?: AbortSignal): Promise<ProvinceSummary[]> {
  return apiRequest('/api/provinces', { signal })
}

export function createProvince(province: NewProvince): Promise<ProvinceSummary> {
  return apiRequest('/api/provinces', { body: province })
}

export function loadBoard(province: string, year: number, signal?: AbortSignal): Promise<ProvinceBoard> {
  return apiRequest(provincePath(province, `board?year=${year}`), { signal })
}

export function createCommune(province: string, commune: NewCommune): Promise<CommuneSummary> {
  return apiRequest(provincePath(province, 'communes'), { body: commune })
}

export function mergeCommune(commune: string, into: string): Promise<CommuneSummary> {
  return apiRequest(communePath(commune, 'merge'), { body: { into } })
}

export function loadProvinceAccounts(province: string, signal?: AbortSignal): Promise<ProvinceAccountView[]> {
  return apiRequest(provincePath(province, 'users'), { signal })
}

/** A province account without a password: the answer carries its enrolment link. */
export function createProvinceAccount(province: string, account: LinkAccount): Promise<CreatedAccount> {
  return apiRequest(provincePath(province, 'users'), { body: account })
}

export function loadCommuneAccounts(commune: string, signal?: AbortSignal): Promise<AccountView[]> {
  return apiRequest(communePath(commune, 'users'), { signal })
}

/** A commune's officer or leader, created by the province without a password (an enrolment link). */
export function createCommuneAccount(commune: string, account: LinkAccount): Promise<CreatedAccount> {
  return apiRequest(communePath(commune, 'users'), { body: account })
}

/** A new one-time link for an account (its previous one stops working): a password reset by slip. */
export function reissueEnrolment(commune: string, username: string): Promise<Enrolment> {
  return apiRequest(communePath(commune, `users/${seg(username)}/enrolment`), { method: 'POST' })
}

export function setAccountActive(commune: string, username: string, active: boolean): Promise<{ account: AccountView; version: number }> {
  return apiRequest(communePath(commune, `users/${seg(username)}`), { method: 'PATCH', body: { active } })
}
