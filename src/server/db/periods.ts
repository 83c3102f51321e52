// Reporting periods in the `periods` table: the ones a plan's year brings (quarters, the plan's
// phases, the year) and the ones an officer adds or removes by hand.
import type { PeriodView } from '../../shared/api'
import type { Period, Plan } from '../../shared/model'
import { phasePeriods, quarterPeriods, yearPeriod } from '../../shared/periods'
import type { Actor } from '../auth/actor'
import { conflict, notFound, say } from '../errors'
import { writeAudit } from './audit'
import type { Db, Queryable } from './types'
import { bumpVersion } from './versions'

/** The periods a plan of a year reports in: its four quarters, its phases (đợt) and the year. */
export function yearPeriods(plan: Pick<Plan, 'year' | 'phases'>): Period[] {
  return [...quarterPeriods(plan.year), ...phasePeriods(plan.year, plan.phases), yearPeriod(plan.year)]
}

/**
 * Inserts the periods of a plan's year that do not exist yet; existing ones keep their lock and
 * deadline. A phase's period follows the phase's dates (a special phase opened or closed, a phase
 * moved) unless it is locked. Returns the codes added.
 */
export async function insertYearPeriods(tx: Queryable, communeId: number, plan: Pick<Plan, 'year' | 'phases'>, version: number): Promise<string[]> {
  const added: string[] = []
  for (const p of yearPeriods(plan)) {
    if (await insertPeriod(tx, communeId, p, version)) added.push(p.code)
    else if (p.kind === 'phase') {
      await tx.query(
        `UPDATE periods SET starts_on = $3, ends_on = $4, deadline = $5, version = $6
          WHERE commune_id = $1 AND code = $2 AND kind = 'phase' AND NOT locked AND (starts_on <> $3::date OR ends_on <> $4::date)`,
        [communeId, p.code, p.from, p.to, p.deadline, version],
      )
    }
  }
  return added
}

async function insertPeriod(tx: Queryable, communeId: number, p: Period, version: number): Promise<number | undefined> {
  const r = await tx.query<{ id: number }>(
    `INSERT INTO periods (commune_id, code, kind, year, starts_on, ends_on, deadline, locked, lock_reason, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (commune_id, code) DO NOTHING RETURNING id`,
    [communeId, p.code, p.kind, p.year, p.from, p.to, p.deadline, p.locked, p.locked ? (p.lockReason ?? null) : null, version],
  )
  return r.rows[0] ? Number(r.rows[0].id) : undefined
}

/** Adds a period within a transaction, audited; false when the commune has one of that code. */
export async function addPeriod(tx: Queryable, actor: Actor, communeId: number, period: Period, version: number, now: Date): Promise<boolean> {
  const id = await insertPeriod(tx, communeId, period, version)
  if (id === undefined) return false
  await writeAudit(tx, communeId, actor, { entity: 'period', periodId: id, old: null, new: period }, now)
  return true
}

export async function createPeriod(db: Db, actor: Actor, communeId: number, period: Period, now: Date): Promise<{ code: string; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    if (!(await addPeriod(tx, actor, communeId, period, version, now))) throw conflict('period_exists', { code: period.code })
    return { code: period.code, version }
  })
}

/** The periods of a commune's year, in the shape of the shared schema, ordered by end date. */
export async function yearPeriodsOf(q: Queryable, communeId: number, year: number): Promise<Period[]> {
  const r = await q.query<Omit<PeriodRow, 'id'>>(
    `SELECT code, kind, year, to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to",
            to_char(deadline, 'YYYY-MM-DD') AS deadline, locked, lock_reason
       FROM periods WHERE commune_id = $1 AND year = $2 ORDER BY ends_on, code`,
    [communeId, year],
  )
  return r.rows.map((p) => ({
    code: p.code,
    kind: p.kind,
    year: Number(p.year),
    from: p.from,
    to: p.to,
    deadline: p.deadline,
    locked: p.locked,
    ...(p.lock_reason ? { lockReason: p.lock_reason } : {}),
  }))
}

/**
 * The unsent drafts of period `p` (an alias of periods) the server knows of: units with at least one
 * figure stored in it whose report is not submitted or approved (a draft, a returned report, or no
 * report yet). What waits in a phone's outbox is not counted: the server has not seen it.
 */
export const UNSENT_DRAFTS_SQL = `(SELECT count(DISTINCT c.unit_id) FROM cell_values c
   WHERE c.period_id = p.id AND c.data IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.unit_id = c.unit_id AND r.period_id = p.id AND r.status IN ('submitted', 'approved')))`

/** The commune's periods (of one year, when given) in order of start then end, each with whether anything was reported in it. */
export async function listPeriods(q: Queryable, communeId: number, year?: number): Promise<PeriodView[]> {
  const r = await q.query<Omit<PeriodRow, 'id'> & { version: number; in_use: boolean; unsent_drafts: number | string }>(
    `SELECT p.code, p.kind, p.year, to_char(p.starts_on, 'YYYY-MM-DD') AS "from", to_char(p.ends_on, 'YYYY-MM-DD') AS "to",
            to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.locked, p.lock_reason, p.version,
            (EXISTS (SELECT 1 FROM cell_values c WHERE c.period_id = p.id) OR EXISTS (SELECT 1 FROM reports r WHERE r.period_id = p.id)) AS in_use,
            ${UNSENT_DRAFTS_SQL} AS unsent_drafts
       FROM periods p WHERE p.commune_id = $1 AND ($2::int IS NULL OR p.year = $2)
      ORDER BY p.starts_on, p.ends_on, p.code`,
    [communeId, year ?? null],
  )
  return r.rows.map((row) => ({
    code: row.code,
    kind: row.kind,
    year: Number(row.year),
    from: row.from,
    to: row.to,
    deadline: row.deadline,
    locked: row.locked,
    lockReason: row.locked ? row.lock_reason : null,
    version: Number(row.version),
    inUse: Boolean(row.in_use),
    unsentDrafts: Number(row.unsent_drafts),
  }))
}

interface PeriodRow {
  id: number
  code: string
  kind: Period['kind']
  year: number
  from: string
  to: string
  deadline: string
  locked: boolean
  lock_reason: string | null
}

async function lockPeriod(tx: Queryable, communeId: number, code: string): Promise<PeriodRow | undefined> {
  const r = await tx.query<PeriodRow>(
    `SELECT id, code, kind, year, to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to",
            to_char(deadline, 'YYYY-MM-DD') AS deadline, locked, lock_reason
       FROM periods WHERE commune_id = $1 AND code = $2 FOR UPDATE`,
    [communeId, code],
  )
  return r.rows[0]
}

/** Whether anything was ever reported for the period: a value (a cleared one too) or a report. */
async function periodInUse(tx: Queryable, periodId: number): Promise<boolean> {
  const r = await tx.query<{ used: boolean }>(
    'SELECT EXISTS (SELECT 1 FROM cell_values WHERE period_id = $1) OR EXISTS (SELECT 1 FROM reports WHERE period_id = $1) AS used',
    [periodId],
  )
  return Boolean(r.rows[0]?.used)
}

/**
 * Removes a period nobody reported in. The row goes (the pull protocol has no tombstone for
 * periods), so a phone that already pulled it keeps it until it re-syncs from scratch.
 */
export async function deletePeriod(db: Db, actor: Actor, communeId: number, code: string, now: Date): Promise<{ version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const row = await lockPeriod(tx, communeId, code)
    if (!row) throw notFound(say('period_not_found', { code }))
    if (await periodInUse(tx, row.id)) throw conflict('period_in_use', { code })
    await tx.query('DELETE FROM periods WHERE id = $1', [row.id])
    await writeAudit(tx, communeId, actor, { entity: 'period', periodId: Number(row.id), old: periodOf(row), new: null }, now)
    return { version }
  })
}

/**
 * Removes the periods of a year that nobody reported in, each with an audit entry (when the
 * year's plan is deleted: they came with it). Returns the codes removed.
 */
export async function deleteUnusedYearPeriods(tx: Queryable, communeId: number, actor: Actor, year: number, now: Date): Promise<string[]> {
  const r = await tx.query<PeriodRow>(
    `DELETE FROM periods p WHERE p.commune_id = $1 AND p.year = $2
        AND NOT EXISTS (SELECT 1 FROM cell_values c WHERE c.period_id = p.id)
        AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.period_id = p.id)
      RETURNING p.id, p.code, p.kind, p.year, to_char(p.starts_on, 'YYYY-MM-DD') AS "from", to_char(p.ends_on, 'YYYY-MM-DD') AS "to",
                to_char(p.deadline, 'YYYY-MM-DD') AS deadline, p.locked, p.lock_reason`,
    [communeId, year],
  )
  for (const row of r.rows) await writeAudit(tx, communeId, actor, { entity: 'period', periodId: Number(row.id), old: periodOf(row), new: null }, now)
  return r.rows.map((row) => row.code)
}

function periodOf(row: PeriodRow): Period {
  return {
    code: row.code,
    kind: row.kind,
    year: row.year,
    from: row.from,
    to: row.to,
    deadline: row.deadline,
    locked: row.locked,
    ...(row.lock_reason ? { lockReason: row.lock_reason } : {}),
  }
}
