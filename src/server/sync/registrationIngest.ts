// Registration mutations in a push (docs/sync.md, "Registration"): the state a batch's
// registrations are decided against, read by one query (only for a batch that holds any) beside
// the push's state read and covered by its write's guard (ingest.ts, writeAll); the decision
// (pure given that state, the same shared rules the REST routes apply); and the rows the push's
// one write statement adds.
import type { MutationOutcome, RegistrationMutation, RejectionCode } from '../../shared/protocol'
import {
  EMPTY_REGISTRATION,
  OPEN_SETTINGS,
  effectiveTitles,
  registrationProblem,
  sameContent,
  type RegistrationContent,
  type RegistrationSettings,
  type RegistrationStatus,
  type RegistrationTitle,
} from '../../shared/registration'
import { canManage, canWriteUnit, type Actor } from '../auth/actor'
import type { Queryable } from '../db/types'

interface RegistrationRow {
  status: RegistrationStatus | 'none'
  content: RegistrationContent
  version: number
}

export interface RegistrationContext {
  titles: readonly RegistrationTitle[]
  settings: Map<number, RegistrationSettings>
  /** `${unitId}:${year}` → the registration as stored. */
  rows: Map<string, RegistrationRow>
}

/** A registration the batch writes, keyed like `rows`. */
export interface PendingRegistration {
  unitId: number
  year: number
  status: RegistrationStatus
  content: RegistrationContent
  submitted: boolean
}

export interface RegistrationAudit {
  unitId: number
  mutationId: string
  deviceId: string
  old: unknown
  new: unknown
}

const key = (unitId: number, year: number): string => `${unitId}:${year}`

/** The titles, the years' settings and the batch's registrations (the push's write guard covers them: every writer of these rows bumps the commune version). */
export async function loadRegistrationContext(tx: Queryable, communeId: number, units: ReadonlyMap<string, { id: number }>, mutations: readonly RegistrationMutation[]): Promise<RegistrationContext> {
  const pairs = new Map<string, [number, number]>()
  for (const m of mutations) {
    const unit = units.get(m.unit)
    if (unit) pairs.set(key(unit.id, m.year), [unit.id, m.year])
  }
  const list = [...pairs.values()]
  const r = await tx.query<{
    titles: [string, string, RegistrationTitle['scope'], RegistrationTitle['unitKinds'], boolean][]
    settings: [number, string | null, boolean, string[]][]
    rows: [number, number, RegistrationStatus, RegistrationContent, number][]
  }>(
    `SELECT (SELECT coalesce(json_agg(json_build_array(code, name, scope, unit_kinds, active) ORDER BY position, id), '[]'::json)
               FROM registration_titles WHERE commune_id = $1) AS titles,
            (SELECT coalesce(json_agg(json_build_array(year, to_char(deadline, 'YYYY-MM-DD'), allow_late, allow_late_units)), '[]'::json)
               FROM registration_settings WHERE commune_id = $1 AND year = ANY($2::int[])) AS settings,
            (SELECT coalesce(json_agg(json_build_array(r.unit_id, r.year, r.status, r.content, r.version)), '[]'::json)
               FROM unnest($3::bigint[], $4::int[]) AS k(u, y) JOIN registrations r ON r.unit_id = k.u AND r.year = k.y) AS rows`,
    [communeId, [...new Set(mutations.map((m) => m.year))], list.map((p) => p[0]), list.map((p) => p[1])],
    { prepare: true },
  )
  const row = r.rows[0]!
  return {
    titles: effectiveTitles(row.titles.map(([code, name, scope, unitKinds, active]) => ({ code, name, scope, unitKinds, active }))),
    settings: new Map(row.settings.map(([year, deadline, allowLate, allowLateUnits]) => [Number(year), { deadline, allowLate, allowLateUnits }])),
    rows: new Map(row.rows.map(([u, y, status, content, version]) => [key(Number(u), Number(y)), { status, content, version: Number(version) }])),
  }
}

const reject = (mutationId: string, code: RejectionCode, message: string): MutationOutcome => ({ mutationId, status: 'rejected', code, message })

/**
 * One registration mutation, against the stored state and what the batch wrote before it. The
 * same state again (a resubmit of the same content, a recall of a draft) is `applied` at the
 * registration's version, whatever the base; otherwise a base other than the registration's
 * version is a conflict. A village head is held to the deadline; an officer (registering on a
 * unit's behalf) is not.
 */
export function decideRegistration(
  actor: Actor,
  units: ReadonlyMap<string, { id: number; code: string; kind: string; active: boolean }>,
  ctx: RegistrationContext,
  pending: { registrations: Map<string, PendingRegistration>; audit: RegistrationAudit[] },
  m: RegistrationMutation,
  version: number,
  now: Date,
): MutationOutcome {
  const unit = units.get(m.unit)
  if (!unit || !unit.active) return reject(m.mutationId, 'not_found', `Không có đơn vị “${m.unit}”`)
  if (!canWriteUnit(actor, unit.id)) return reject(m.mutationId, 'forbidden', `Tài khoản này không được đăng ký thi đua cho đơn vị “${unit.code}”`)
  const k = key(unit.id, m.year)
  const written = pending.registrations.get(k)
  const current: RegistrationRow = written ? { status: written.status, content: written.content, version } : (ctx.rows.get(k) ?? { status: 'none', content: EMPTY_REGISTRATION, version: 0 })
  const content = m.content ?? current.content
  const status: RegistrationStatus = m.action === 'submit' ? 'submitted' : 'draft'
  if (current.status === status && (m.action === 'recall' || sameContent(content, current.content))) {
    return { mutationId: m.mutationId, status: 'applied', version: current.version }
  }
  if (!written && current.version !== m.baseVersion) {
    return { mutationId: m.mutationId, status: 'conflict', server: { status: current.status, version: current.version } }
  }
  const problem = registrationProblem({
    action: m.action,
    content: m.content,
    unit,
    titles: ctx.titles,
    settings: ctx.settings.get(m.year) ?? OPEN_SETTINGS,
    current,
    now,
    exempt: canManage(actor),
  })
  if (problem) return reject(m.mutationId, problem.code, problem.message)
  pending.registrations.set(k, { unitId: unit.id, year: m.year, status, content, submitted: status === 'submitted' })
  pending.audit.push({
    unitId: unit.id,
    mutationId: m.mutationId,
    deviceId: m.deviceId,
    old: current.status === 'none' ? null : { year: m.year, status: current.status, content: current.content },
    new: { year: m.year, status, content },
  })
  return { mutationId: m.mutationId, status: 'applied', version }
}

/**
 * The data-modifying CTE that writes the batch's registrations (`$1` commune, `$2` user, `$3`
 * time), only where `guard` (the push's `WHERE EXISTS` on its version bump) holds.
 */
export function registrationsCte(rows: Iterable<PendingRegistration>, version: string, guard: string, param: (value: unknown) => string): string {
  const json = [...rows].map((r) => ({ u: r.unitId, y: r.year, status: r.status, content: r.content, submitted: r.submitted }))
  return `regs AS (
        INSERT INTO registrations (commune_id, unit_id, year, status, content, submitted_at, updated_by, updated_at, version)
        SELECT $1::bigint, r.u, r.y, r.status, r.content, CASE WHEN r.submitted THEN $3::timestamptz END, $2::bigint, $3::timestamptz, ${version}
          FROM json_to_recordset(${param(JSON.stringify(json))}::json) AS r(u bigint, y int, status text, content jsonb, submitted boolean)
         ${guard}
        ON CONFLICT (unit_id, year) DO UPDATE
          SET status = EXCLUDED.status, content = EXCLUDED.content, version = EXCLUDED.version,
              updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
              submitted_at = COALESCE(EXCLUDED.submitted_at, registrations.submitted_at))`
}
