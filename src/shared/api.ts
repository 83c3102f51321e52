// Response shapes of the JSON API outside sync (sync's are in protocol.ts): one contract,
// imported by the server that answers and the client that reads.
import type { Commune, Plan, Role, Unit, ValueData } from './model'
import type { ValidationIssue } from './validation'

/** Every refusal: a stable code the client branches on, and a message to show. */
export interface ApiErrorBody {
  code: string
  message: string
  details?: unknown
}

/** One row of GET /api/communes. */
export interface CommuneSummary {
  code: string
  name: string
  kind: Commune['kind']
  district: string
  province: string
  /** Null while the commune has no plan yet. */
  planYear: number | null
  planTitle: string | null
  indicatorCount: number
  unitCount: number
}

/** A unit as the API lists it; an inactive one (merged, dissolved) no longer reports. */
export type PlanUnit = Unit & { active: boolean }

/** GET /api/communes/:code/plan. */
export interface CommunePlan {
  commune: Commune
  units: PlanUnit[]
  plan: Plan
  version: number
  /** Every year the commune has a plan for, newest first. */
  years: number[]
  issues: ValidationIssue[]
}

/** GET /api/auth/me: the signed-in user. */
export interface Me {
  username: string
  displayName: string
  role: Role
  deviceId: string
  /** Null for the system administrator. */
  commune: { code: string; name: string } | null
  /** The units a reporter reports for. */
  units: { code: string; name: string; kind: string }[]
}

/** POST /api/auth/login. */
export interface LoginResult {
  expiresAt: string
  me: Me
}

/** One change of a cell, as GET /api/communes/:commune/history lists it (newest first). */
export interface CellChange {
  at: string
  user: { username: string; displayName: string } | null
  deviceId: string | null
  mutationId: string | null
  /** As the ingest stored it: `{ value, note, version }` before, `{ value, note }` after; null for none. */
  old: { value: ValueData | null; note: string | null; version?: number } | null
  new: { value: ValueData | null; note: string | null } | null
}
