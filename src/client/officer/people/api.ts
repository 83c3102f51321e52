// The calls of the "Đơn vị & tài khoản" and "Kỳ báo cáo" screens: src/server/routes/units.ts,
// users.ts and the period routes of reports.ts. Failures reject with ApiRequestError (a
// Vietnamese message, the server's own for a 4xx such as a username already taken).
import { apiRequest, communePath } from '../../api'
import type { AccountView, CommuneRole, CreatedAccount, Enrolment, PeriodView, PlanUnit } from '../../../shared/api'
import type { BulkAccounts, BulkUnits } from '../../../shared/province'
import type { Period, Unit, UnitKind } from '../../../shared/model'

export type { AccountView, CommuneRole, DeviceView, PeriodView } from '../../../shared/api'

/** A unit as GET …/units lists it: active or not, with its version. */
export type UnitRow = PlanUnit & { version?: number }

export interface UnitChange {
  name?: string
  kind?: UnitKind
  /** null moves the unit directly under the commune. */
  parent?: string | null
  active?: boolean
}


export interface NewAccount {
  username: string
  displayName: string
  role: CommuneRole
  units: string[]
  /** Absent: the account gets a one-time enrolment link (a sign-in slip) and its owner sets it. */
  password?: string
}

export interface AccountChange {
  displayName?: string
  units?: string[]
  active?: boolean
}

export interface PeriodChange {
  locked?: boolean
  lockReason?: string | null
  deadline?: string
}

const seg = encodeURIComponent

export function loadUnits(commune: string, signal?: AbortSignal): Promise<UnitRow[]> {
  return apiRequest(communePath(commune, 'units'), { signal })
}

export function createUnit(commune: string, unit: Unit): Promise<{ unit: UnitRow; version: number }> {
  return apiRequest(communePath(commune, 'units'), { method: 'POST', body: unit })
}

export function updateUnit(commune: string, code: string, change: UnitChange): Promise<{ unit: UnitRow; version: number }> {
  return apiRequest(communePath(commune, `units/${seg(code)}`), { method: 'PATCH', body: change })
}

export function loadAccounts(commune: string, signal?: AbortSignal): Promise<AccountView[]> {
  return apiRequest(communePath(commune, 'users'), { signal })
}

export function createAccount(commune: string, account: NewAccount): Promise<CreatedAccount & { account: AccountView; version: number }> {
  return apiRequest(communePath(commune, 'users'), { method: 'POST', body: account })
}

export function updateAccount(commune: string, username: string, change: AccountChange): Promise<{ account: AccountView; version: number }> {
  return apiRequest(communePath(commune, `users/${seg(username)}`), { method: 'PATCH', body: change })
}

export function resetPassword(commune: string, username: string, password: string): Promise<{ username: string; sessionsRevoked: number; version: number }> {
  return apiRequest(communePath(commune, `users/${seg(username)}/password`), { method: 'POST', body: { password } })
}

export function loadPeriods(commune: string, year: number, signal?: AbortSignal): Promise<PeriodView[]> {
  return apiRequest(communePath(commune, `periods?year=${year}`), { signal })
}

export function createPeriod(commune: string, period: Period): Promise<{ code: string; version: number }> {
  return apiRequest(communePath(commune, 'periods'), { method: 'POST', body: period })
}

/** The answer counts the period's unsent drafts the server knows of (PeriodView.unsentDrafts): what a lock freezes. */
export function updatePeriod(commune: string, code: string, change: PeriodChange): Promise<{ version: number; unsentDrafts: number }> {
  return apiRequest(communePath(commune, `periods/${seg(code)}`), { method: 'PATCH', body: change })
}

export function deletePeriod(commune: string, code: string): Promise<{ version: number }> {
  return apiRequest(communePath(commune, `periods/${seg(code)}`), { method: 'DELETE' })
}

/** Units from a pasted list of names, all of one kind; the server makes their codes from the names. */
export function createUnits(commune: string, request: BulkUnits): Promise<{ units: UnitRow[]; version: number }> {
  return apiRequest(communePath(commune, 'units/bulk'), { body: request })
}

/** Reporters' accounts from a pasted list, all or none; each answer carries its enrolment link. */
export function createAccounts(commune: string, request: BulkAccounts): Promise<CreatedAccount[]> {
  return apiRequest(communePath(commune, 'users/bulk'), { body: request })
}

/** A new one-time link for an account, to print its slip again; the previous link stops working. */
export function reissueEnrolment(commune: string, username: string): Promise<Enrolment> {
  return apiRequest(communePath(commune, `users/${seg(username)}/enrolment`), { method: 'POST' })
}
