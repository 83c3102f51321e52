// Registration for emulation titles (đăng ký thi đua): the tables of migration 007 —
// `registration_titles` (the commune's list), `registration_settings` (a year's deadline),
// `registrations` (a unit's registration of a year). Every write is one versioned transaction
// with an audit row (entity 'registration'); the phone's writes come through the sync ingest
// (sync/registrationIngest.ts) and obey the same shared rules (shared/registration.ts).
import type { PulledRegistration, PulledRegistrationSettings, PulledRegistrationTitle } from '../../shared/protocol'
import {
  EMPTY_REGISTRATION,
  OPEN_SETTINGS,
  effectiveTitles,
  registrationProblem,
  sameContent,
  type BoardUnit,
  type Registration,
  type RegistrationAction,
  type RegistrationBoard,
  type RegistrationContent,
  type RegistrationProblem,
  type RegistrationSettings,
  type RegistrationStatus,
  type RegistrationTitle,
} from '../../shared/registration'
import { canManage, canReadUnit, canWriteUnit, type Actor } from '../auth/actor'
import type { RefusalKey } from '../../shared/errors'
import { conflict, forbidden, HttpError, notFound, say } from '../errors'
import type { Db, Queryable } from './types'
import { bumpVersion } from './versions'
import { writeAudit } from './audit'

// ---------------------------------------------------------------------------
// Titles

export interface TitleList {
  titles: RegistrationTitle[]
  /** False while the commune uses the default list (it never edited its own). */
  custom: boolean
}

async function storedTitles(q: Queryable, communeId: number): Promise<RegistrationTitle[]> {
  const r = await q.query<{ code: string; name: string; scope: RegistrationTitle['scope']; unit_kinds: RegistrationTitle['unitKinds']; active: boolean }>(
    'SELECT code, name, scope, unit_kinds, active FROM registration_titles WHERE commune_id = $1 ORDER BY position, id',
    [communeId],
  )
  return r.rows.map((t) => ({ code: t.code, name: t.name, scope: t.scope, unitKinds: t.unit_kinds, active: t.active }))
}

export async function listTitles(q: Queryable, communeId: number): Promise<TitleList> {
  const stored = await storedTitles(q, communeId)
  return { titles: [...effectiveTitles(stored)], custom: stored.length > 0 }
}

/**
 * Replaces the commune's list. A title is never deleted, only deactivated: one registered in
 * earlier years must keep its name on their boards. Codes are unique.
 */
export async function saveTitles(db: Db, actor: Actor, communeId: number, titles: readonly RegistrationTitle[], now: Date): Promise<TitleList> {
  const codes = titles.map((t) => t.code)
  const twice = codes.find((c, i) => codes.indexOf(c) !== i)
  if (twice) throw new HttpError(400, 'invalid', say('title_code_twice', { code: twice }))
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const before = await listTitles(tx, communeId)
    const missing = before.titles.filter((t) => !codes.includes(t.code))
    if (missing.length > 0) {
      throw new HttpError(400, 'invalid', say('title_not_deletable', { names: missing.map((t) => `“${t.name}”`).join(', ') }))
    }
    await tx.query(
      `INSERT INTO registration_titles (commune_id, code, name, scope, unit_kinds, active, position, version)
       SELECT $1::bigint, t.code, t.name, t.scope, t.unit_kinds, t.active, t.position, $2::bigint
         FROM json_to_recordset($3::json) AS t(code text, name text, scope text, unit_kinds jsonb, active boolean, position int)
       ON CONFLICT (commune_id, code) DO UPDATE
         SET name = EXCLUDED.name, scope = EXCLUDED.scope, unit_kinds = EXCLUDED.unit_kinds, active = EXCLUDED.active,
             position = EXCLUDED.position, version = EXCLUDED.version`,
      [communeId, version, JSON.stringify(titles.map((t, position) => ({ code: t.code, name: t.name, scope: t.scope, unit_kinds: t.unitKinds, active: t.active, position })))],
    )
    await audit(tx, communeId, actor, null, { titles: before.titles }, { titles }, now)
    return { titles: [...titles], custom: true }
  })
}

// ---------------------------------------------------------------------------
// A year's settings

export async function readSettings(q: Queryable, communeId: number, year: number): Promise<RegistrationSettings> {
  const r = await q.query<{ deadline: string | null; allow_late: boolean; allow_late_units: string[] }>(
    `SELECT to_char(deadline, 'YYYY-MM-DD') AS deadline, allow_late, allow_late_units FROM registration_settings WHERE commune_id = $1 AND year = $2`,
    [communeId, year],
  )
  const row = r.rows[0]
  return row ? { deadline: row.deadline, allowLate: row.allow_late, allowLateUnits: row.allow_late_units } : { ...OPEN_SETTINGS }
}

export async function saveSettings(db: Db, actor: Actor, communeId: number, year: number, settings: RegistrationSettings, now: Date): Promise<RegistrationSettings & { year: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const unknown = await unknownUnits(tx, communeId, settings.allowLateUnits)
    if (unknown.length > 0) throw notFound(say('units_not_found', { codes: unknown.map((c) => `“${c}”`).join(', ') }))
    const before = await readSettings(tx, communeId, year)
    await tx.query(
      `INSERT INTO registration_settings (commune_id, year, deadline, allow_late, allow_late_units, version) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (commune_id, year) DO UPDATE
         SET deadline = EXCLUDED.deadline, allow_late = EXCLUDED.allow_late, allow_late_units = EXCLUDED.allow_late_units, version = EXCLUDED.version`,
      [communeId, year, settings.deadline, settings.allowLate, JSON.stringify(settings.allowLateUnits), version],
    )
    await audit(tx, communeId, actor, null, { year, settings: before }, { year, settings }, now)
    return { year, ...settings }
  })
}

async function unknownUnits(q: Queryable, communeId: number, codes: readonly string[]): Promise<string[]> {
  if (codes.length === 0) return []
  const r = await q.query<{ code: string }>('SELECT code FROM units WHERE commune_id = $1 AND code = ANY($2::text[])', [communeId, [...codes]])
  const known = new Set(r.rows.map((row) => row.code))
  return codes.filter((c) => !known.has(c))
}

// ---------------------------------------------------------------------------
// Registrations


interface RegistrationDbRow {
  unit: string
  unit_name: string
  kind: string
  unit_id: number
  status: RegistrationStatus | null
  content: RegistrationContent | null
  return_reason: string | null
  submitted_at: Date | null
  decided_at: Date | null
  decided_by: string | null
  updated_by: string | null
  updated_at: Date | null
  version: number | null
}

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null)

function registrationOf(row: RegistrationDbRow, year: number): Registration {
  return {
    unit: row.unit,
    year,
    status: row.status ?? 'none',
    content: row.content ?? EMPTY_REGISTRATION,
    returnReason: row.return_reason,
    submittedAt: iso(row.submitted_at),
    decidedAt: iso(row.decided_at),
    decidedBy: row.decided_by,
    updatedBy: row.updated_by,
    updatedAt: iso(row.updated_at),
    version: Number(row.version ?? 0),
  }
}

const SELECT_REGISTRATIONS = `
  SELECT u.code AS unit, u.name AS unit_name, u.kind, u.id AS unit_id, r.status, r.content, r.return_reason, r.submitted_at,
         r.decided_at, du.display_name AS decided_by, uu.display_name AS updated_by, r.updated_at, r.version
    FROM units u
    LEFT JOIN registrations r ON r.unit_id = u.id AND r.year = $2
    LEFT JOIN users du ON du.id = r.decided_by
    LEFT JOIN users uu ON uu.id = r.updated_by`

/** Who registered for what: every active unit the actor may read (and any inactive one that registered), with its registration. */
export async function registrationBoard(q: Queryable, actor: Actor, communeId: number, year: number): Promise<RegistrationBoard> {
  const [rows, titles, settings] = await Promise.all([
    q.query<RegistrationDbRow>(`${SELECT_REGISTRATIONS} WHERE u.commune_id = $1 AND (u.active OR r.unit_id IS NOT NULL) ORDER BY u.code`, [communeId, year]),
    listTitles(q, communeId),
    readSettings(q, communeId, year),
  ])
  const units = rows.rows.filter((row) => canReadUnit(actor, Number(row.unit_id))).map((row) => ({ code: row.unit, name: row.unit_name, kind: row.kind, registration: registrationOf(row, year) }))
  return { year, settings, titles: titles.titles, units }
}

export async function readRegistration(q: Queryable, actor: Actor, communeId: number, unitCode: string, year: number): Promise<BoardUnit> {
  const r = await q.query<RegistrationDbRow>(`${SELECT_REGISTRATIONS} WHERE u.commune_id = $1 AND u.code = $3`, [communeId, year, unitCode])
  const row = r.rows[0]
  if (!row) throw notFound(say('unit_not_found', { code: unitCode }))
  if (!canReadUnit(actor, Number(row.unit_id))) throw forbidden(say('registration_read_forbidden', { unit: unitCode }))
  return { code: row.unit, name: row.unit_name, kind: row.kind, registration: registrationOf(row, year) }
}

/** The HTTP status of each refusal: the input's fault 400, the state's 409, an unknown code 404. */
const REFUSAL_STATUS: Readonly<Record<RegistrationProblem['code'], number>> = {
  not_found: 404,
  title_not_offered: 400,
  duplicate_registration: 409,
  registration_closed: 409,
  registration_approved: 409,
  invalid_transition: 409,
}

/** The catalogue's wording of each refusal (shared/errors.ts); the Vietnamese `message` stays the rule's own, more precise. */
const REFUSAL_KEY: Readonly<Record<RegistrationProblem['code'], RefusalKey>> = {
  not_found: 'title_not_found',
  title_not_offered: 'title_not_offered',
  duplicate_registration: 'duplicate_registration',
  registration_closed: 'registration_closed',
  registration_approved: 'registration_approved',
  invalid_transition: 'registration_transition',
}

export const refusal = (p: RegistrationProblem): HttpError => new HttpError(REFUSAL_STATUS[p.code], p.code, say(REFUSAL_KEY[p.code], p.params, p.message))

interface LockedUnit {
  id: number
  code: string
  kind: string
  active: boolean
  status: RegistrationStatus | null
  content: RegistrationContent | null
  version: number | null
}

async function lockedRegistration(tx: Queryable, communeId: number, unitCode: string, year: number): Promise<LockedUnit> {
  const r = await tx.query<LockedUnit>(
    `SELECT u.id, u.code, u.kind, u.active, r.status, r.content, r.version
       FROM units u LEFT JOIN registrations r ON r.unit_id = u.id AND r.year = $3
      WHERE u.commune_id = $1 AND u.code = $2`,
    [communeId, unitCode, year],
  )
  const row = r.rows[0]
  if (!row || !row.active) throw notFound(say('unit_not_found', { code: unitCode }))
  return { ...row, id: Number(row.id) }
}

/**
 * Saves (as a draft), submits or recalls a unit's registration: an officer for any unit (on its
 * behalf, not held to the deadline), a village head for their own units. The same rules as a
 * pushed registration mutation; the same state again changes nothing.
 */
export async function writeRegistration(
  db: Db,
  actor: Actor,
  communeId: number,
  unitCode: string,
  year: number,
  write: { action: RegistrationAction; content?: RegistrationContent | undefined },
  now: Date,
): Promise<Registration> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const unit = await lockedRegistration(tx, communeId, unitCode, year)
    if (!canWriteUnit(actor, unit.id)) throw forbidden(say('registration_write_forbidden', { unit: unit.code }))
    const current = { status: unit.status ?? ('none' as const), content: unit.content ?? EMPTY_REGISTRATION }
    const content = write.content ?? current.content
    const status: RegistrationStatus = write.action === 'submit' ? 'submitted' : 'draft'
    const same = current.status === status && (write.action === 'recall' || sameContent(content, current.content))
    if (!same) {
      const [titles, settings] = await Promise.all([listTitles(tx, communeId), readSettings(tx, communeId, year)])
      const problem = registrationProblem({ action: write.action, content: write.content, unit, titles: titles.titles, settings, current, now, exempt: canManage(actor) })
      if (problem) throw refusal(problem)
      await tx.query(
        `INSERT INTO registrations (commune_id, unit_id, year, status, content, submitted_at, updated_by, updated_at, version)
         VALUES ($1, $2, $3, $4, $5, CASE WHEN $4 = 'submitted' THEN $6::timestamptz END, $7, $6, $8)
         ON CONFLICT (unit_id, year) DO UPDATE
           SET status = EXCLUDED.status, content = EXCLUDED.content, version = EXCLUDED.version, updated_by = EXCLUDED.updated_by,
               updated_at = EXCLUDED.updated_at, submitted_at = COALESCE(EXCLUDED.submitted_at, registrations.submitted_at)`,
        [communeId, unit.id, year, status, JSON.stringify(content), now, actor.userId, version],
      )
      await audit(tx, communeId, actor, unit.id, current.status === 'none' ? null : { year, ...current }, { year, status, content }, now)
    }
    return (await readRegistration(tx, actor, communeId, unitCode, year)).registration
  })
}

export type RegistrationDecision = { action: 'approve' } | { action: 'return'; reason: string } | { action: 'reopen'; reason: string }

const DECISIONS: Record<RegistrationDecision['action'], { from: RegistrationStatus; to: RegistrationStatus }> = {
  approve: { from: 'submitted', to: 'approved' },
  return: { from: 'submitted', to: 'returned' },
  // An approved registration back to the unit, with the officer's reason.
  reopen: { from: 'approved', to: 'returned' },
}

/** The officer approves a submitted registration, returns it with a reason, or reopens an approved one. */
export async function decideRegistration(db: Db, actor: Actor, communeId: number, unitCode: string, year: number, decision: RegistrationDecision, now: Date): Promise<Registration> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const unit = await lockedRegistration(tx, communeId, unitCode, year)
    const rule = DECISIONS[decision.action]
    const status = unit.status ?? 'none'
    if (status !== rule.from) throw conflict('invalid_transition', say('registration_decision_transition', { status, action: decision.action }))
    const reason = decision.action === 'approve' ? null : decision.reason
    await tx.query('UPDATE registrations SET status = $3, return_reason = $4, decided_at = $5, decided_by = $6, version = $7 WHERE unit_id = $1 AND year = $2', [
      unit.id,
      year,
      rule.to,
      reason,
      now,
      actor.userId,
      version,
    ])
    await audit(tx, communeId, actor, unit.id, { year, status }, { year, status: rule.to, ...(reason ? { reason } : {}) }, now)
    return (await readRegistration(tx, actor, communeId, unitCode, year)).registration
  })
}

/** The change's audit row (audit.ts writeAudit), under this concern's entity. */
function audit(tx: Queryable, communeId: number, actor: Actor, unitId: number | null, old: unknown, next: unknown, now: Date): Promise<void> {
  return writeAudit(tx, communeId, actor, { entity: 'registration', ...(unitId === null ? {} : { unitId }), old, new: next }, now)
}

// ---------------------------------------------------------------------------
// Pull

/** What changed in (cursor, upTo]: registrations (a village head's own units' only), titles, settings. */
export async function changedRegistrations(
  q: Queryable,
  communeId: number,
  cursor: number,
  upTo: number,
  units: number[] | null,
): Promise<{ registrations: PulledRegistration[]; registrationTitles: PulledRegistrationTitle[]; registrationSettings: PulledRegistrationSettings[] }> {
  const [regs, titles, settings] = await Promise.all([
    q.query<{ unit: string; year: number; status: RegistrationStatus; content: RegistrationContent; return_reason: string | null; version: number }>(
      `SELECT u.code AS unit, r.year, r.status, r.content, r.return_reason, r.version
         FROM registrations r JOIN units u ON u.id = r.unit_id
        WHERE r.commune_id = $1 AND r.version > $2 AND r.version <= $3 AND ($4::bigint[] IS NULL OR r.unit_id = ANY($4::bigint[]))
        ORDER BY r.version`,
      [communeId, cursor, upTo, units],
    ),
    q.query<{ code: string; name: string; scope: RegistrationTitle['scope']; unit_kinds: RegistrationTitle['unitKinds']; active: boolean; version: number }>(
      'SELECT code, name, scope, unit_kinds, active, version FROM registration_titles WHERE commune_id = $1 AND version > $2 AND version <= $3 ORDER BY position, id',
      [communeId, cursor, upTo],
    ),
    q.query<{ year: number; deadline: string | null; allow_late: boolean; allow_late_units: string[]; version: number }>(
      `SELECT year, to_char(deadline, 'YYYY-MM-DD') AS deadline, allow_late, allow_late_units, version
         FROM registration_settings WHERE commune_id = $1 AND version > $2 AND version <= $3 ORDER BY year`,
      [communeId, cursor, upTo],
    ),
  ])
  return {
    registrations: regs.rows.map((r) => ({ unit: r.unit, year: Number(r.year), status: r.status, content: r.content, returnReason: r.return_reason, version: Number(r.version) })),
    registrationTitles: titles.rows.map((t) => ({ code: t.code, name: t.name, scope: t.scope, unitKinds: t.unit_kinds, active: t.active, version: Number(t.version) })),
    registrationSettings: settings.rows.map((s) => ({ year: Number(s.year), deadline: s.deadline, allowLate: s.allow_late, allowLateUnits: s.allow_late_units, version: Number(s.version) })),
  }
}
