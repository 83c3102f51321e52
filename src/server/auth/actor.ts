// Who is asking: the signed-in user of a request, and what that user may read and write.
import type { Role } from '../../shared/model'

export interface Actor {
  userId: number
  username: string
  displayName: string
  role: Role
  /** Null for the system administrator, who works across communes. */
  communeId: number | null
  /** The units a reporter is bound to (inactive ones too: the phone must learn they closed; writes check `active`). */
  unitIds: ReadonlySet<number>
  deviceId: string
  sessionHash: string
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
