// Who is asking: the signed-in user of a request, and what that user may read and write.
import type { Role } from '../../shared/model'

export interface Actor {
  userId: number
  username: string
  displayName: string
  role: Role
  /** Null for the system administrator, who works across communes, and for province accounts. */
  communeId: number | null
  /** The province of a province account; null for everyone else (a commune's province is the commune's). */
  provinceId: number | null
  /** The units a reporter is bound to (inactive ones too: the phone must learn they closed; writes check `active`). */
  unitIds: ReadonlySet<number>
  deviceId: string
  sessionHash: string
  /** When this session last pushed (read with the session; push touches it at most once a minute). */
  lastSyncAt?: Date | null
}

/** Officers and administrators write any unit of their commune; reporters only their own; leaders none. */
export function canWriteUnit(actor: Actor, unitId: number): boolean {
  if (actor.role === 'officer' || actor.role === 'admin') return true
  if (actor.role === 'reporter') return actor.unitIds.has(unitId)
  return false
}

export function canReadUnit(actor: Actor, unitId: number): boolean {
  return actor.role === 'reporter' ? actor.unitIds.has(unitId) : true
}

/** Plan set-up, periods, accounts and report decisions. */
export function canManage(actor: Actor): boolean {
  return actor.role === 'officer' || actor.role === 'admin'
}

/** Province accounts work across the province's communes: they read them, and write none of their figures. */
export function isProvinceRole(role: Role): role is 'province_admin' | 'province_viewer' {
  return role === 'province_admin' || role === 'province_viewer'
}

/** Who may push figures: reporters and officers (administrators for repairs); leaders and the province only read. */
export function canPush(actor: Actor): boolean {
  return actor.role === 'reporter' || actor.role === 'officer' || actor.role === 'admin'
}

/** Creating communes and their officers, resetting officer passwords: the province administrator and the system administrator. */
export function canAdministerProvince(actor: Actor, provinceId: number): boolean {
  return actor.role === 'admin' || (actor.role === 'province_admin' && actor.provinceId === provinceId)
}
