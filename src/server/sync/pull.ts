// Pull: every change above the client's cursor that the actor may see, in pages of whole
// versions, read from one snapshot so that no change committed late is skipped.
import type { PullResponse, PulledPeriod, PulledReport, PulledUnit, PulledValue } from '../../shared/protocol'
import type { Actor } from '../auth/actor'
import { changedPlans } from '../db/plans'
import { changedEvidence } from '../db/evidence'
import { changedRegistrations } from '../db/registrations'
import type { Db, Queryable } from '../db/types'
import { HttpError } from '../errors'

/**
 * Why nothing is skipped: writers take the commune row lock before they stamp rows with
 * version+1 and hold it to commit, so in any snapshot the commune's version V is committed
 * and so is every row stamped ≤ V. The page is cut at a version boundary ≤ V, never inside one.
 */
export async function pull(db: Db, actor: Actor, communeId: number, cursor: number, limit: number, skip: readonly number[] = []): Promise<PullResponse> {
  return db.transaction(
    async (tx) => {
      const c = await tx.query<{ version: number }>('SELECT version FROM communes WHERE id = $1', [communeId])
      const head = Number(c.rows[0]!.version)
      if (cursor > head) {
        throw new HttpError(409, 'cursor_ahead', 'Dữ liệu trên máy mới hơn máy chủ (máy chủ đã được khôi phục?). Cần tải lại toàn bộ dữ liệu.')
      }
      const empty: PullResponse = { cursor, more: false, values: [], reports: [], periods: [], units: [], plans: [] }
      if (cursor === head) return empty
      const unitFilter = actor.role === 'reporter' ? [...actor.unitIds] : null
      const upTo = await pageEnd(tx, communeId, cursor, head, limit, unitFilter)
      const [values, reports, periods, units, plans, registrations, evidence] = await Promise.all([
        pullValues(tx, communeId, cursor, upTo, unitFilter, skip.filter((version) => version > cursor && version <= upTo)),
        pullReports(tx, communeId, cursor, upTo, unitFilter),
        pullPeriods(tx, communeId, cursor, upTo),
        pullUnits(tx, communeId, cursor, upTo, unitFilter),
        changedPlans(tx, communeId, cursor, upTo),
        // Registrations, titles and deadlines come whole with the page, like periods and units: a few a unit a year.
        changedRegistrations(tx, communeId, cursor, upTo, unitFilter),
        // Evidence metadata likewise (a few files a report; the bytes are fetched on their own).
        changedEvidence(tx, communeId, cursor, upTo, unitFilter),
      ])
      return { cursor: upTo, more: upTo < head, values, reports, periods, units, plans, ...registrations, evidence }
    },
    { isolation: 'repeatable read', readOnly: true },
  )
}

/**
 * The last version of the page: whole versions, until at least `limit` of the rows the actor
 * may see, or the head. The first `limit` rows above the cursor in version order come from
 * index-ordered scans with a LIMIT (`(commune_id, version)` for the whole commune, `(unit_id,
 * version)` per unit for a village head), never a count over the rest of the commune: a page
 * costs about `limit` index entries, and a head's pages follow their own rows.
 */
async function pageEnd(tx: Queryable, communeId: number, cursor: number, head: number, limit: number, units: number[] | null): Promise<number> {
  const r =
    units === null
      ? await tx.query<{ version: number | null; n: number }>(
          `SELECT max(v) AS version, count(*)::int AS n FROM (
             SELECT v FROM (
               (SELECT version AS v FROM cell_values WHERE commune_id = $1 AND version > $2 AND version <= $3 ORDER BY version LIMIT $4)
               UNION ALL
               (SELECT version FROM reports WHERE commune_id = $1 AND version > $2 AND version <= $3 ORDER BY version LIMIT $4)
             ) t ORDER BY v LIMIT $4
           ) firsts`,
          [communeId, cursor, head, limit],
        )
      : await tx.query<{ version: number | null; n: number }>(
          `SELECT max(v) AS version, count(*)::int AS n FROM (
             SELECT v FROM (
               SELECT c.v FROM unnest($5::bigint[]) AS un(id) CROSS JOIN LATERAL (
                 SELECT version AS v FROM cell_values WHERE unit_id = un.id AND commune_id = $1 AND version > $2 AND version <= $3 ORDER BY version LIMIT $4) c
               UNION ALL
               SELECT r.v FROM unnest($5::bigint[]) AS un(id) CROSS JOIN LATERAL (
                 SELECT version AS v FROM reports WHERE unit_id = un.id AND commune_id = $1 AND version > $2 AND version <= $3 ORDER BY version LIMIT $4) r
             ) t ORDER BY v LIMIT $4
           ) firsts`,
          [communeId, cursor, head, limit, units],
        )
  const row = r.rows[0]
  if (!row || Number(row.n) < limit || row.version === null) return head
  return Number(row.version)
}

// A village head's rows are read by unit (`(unit_id, version)`), the commune's by version: two
// texts, so that the planner sees which (a `$4 IS NULL OR …` would hide it). `skip`: versions of
// the puller's own pushes whose values it holds as written (PullQuerySchema's `skip`).
async function pullValues(tx: Queryable, communeId: number, cursor: number, upTo: number, units: number[] | null, skip: readonly number[]): Promise<PulledValue[]> {
  const params: unknown[] = units === null ? [communeId, cursor, upTo] : [communeId, cursor, upTo, units]
  const skipped = skip.length === 0 ? '' : ` AND c.version <> ALL($${params.push(skip)}::bigint[])`
  const r = await tx.query<{ unit: string; period: string; indicator: string; data: PulledValue['value']; note: string | null; version: number; updated_by: string | null; updated_at: Date }>(
    `SELECT u.code AS unit, p.code AS period, i.code AS indicator, c.data, c.note, c.version, us.display_name AS updated_by, c.updated_at
       FROM cell_values c
       JOIN units u ON u.id = c.unit_id
       JOIN periods p ON p.id = c.period_id
       JOIN indicators i ON i.id = c.indicator_id
       LEFT JOIN users us ON us.id = c.updated_by
      WHERE c.commune_id = $1 AND c.version > $2 AND c.version <= $3${units === null ? '' : ' AND c.unit_id = ANY($4::bigint[])'}${skipped}
      ORDER BY c.version, c.unit_id, c.period_id, c.indicator_id`,
    params,
  )
  return r.rows.map((row) => ({
    unit: row.unit,
    period: row.period,
    indicator: row.indicator,
    value: row.data,
    note: row.note,
    version: Number(row.version),
    updatedBy: row.updated_by,
    updatedAt: new Date(row.updated_at).toISOString(),
  }))
}

async function pullReports(tx: Queryable, communeId: number, cursor: number, upTo: number, units: number[] | null): Promise<PulledReport[]> {
  const r = await tx.query<{ unit: string; period: string; status: PulledReport['status']; return_reason: string | null; comments: Record<string, string> | null; version: number }>(
    `SELECT u.code AS unit, p.code AS period, r.status, r.return_reason, r.comments, r.version
       FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
      WHERE r.commune_id = $1 AND r.version > $2 AND r.version <= $3${units === null ? '' : ' AND r.unit_id = ANY($4::bigint[])'}
      ORDER BY r.version`,
    units === null ? [communeId, cursor, upTo] : [communeId, cursor, upTo, units],
  )
  return r.rows.map((row) => ({ unit: row.unit, period: row.period, status: row.status, returnReason: row.return_reason, comments: row.comments ?? {}, version: Number(row.version) }))
}

async function pullPeriods(tx: Queryable, communeId: number, cursor: number, upTo: number): Promise<PulledPeriod[]> {
  const r = await tx.query<{ code: string; kind: PulledPeriod['kind']; year: number; starts_on: string; ends_on: string; deadline: string; locked: boolean; lock_reason: string | null; version: number }>(
    `SELECT code, kind, year, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
            to_char(deadline, 'YYYY-MM-DD') AS deadline, locked, lock_reason, version
       FROM periods WHERE commune_id = $1 AND version > $2 AND version <= $3 ORDER BY ends_on, code`,
    [communeId, cursor, upTo],
  )
  return r.rows.map((p) => ({
    code: p.code,
    kind: p.kind,
    year: p.year,
    from: p.starts_on,
    to: p.ends_on,
    deadline: p.deadline,
    locked: p.locked,
    ...(p.lock_reason ? { lockReason: p.lock_reason } : {}),
    version: Number(p.version),
  }))
}

async function pullUnits(tx: Queryable, communeId: number, cursor: number, upTo: number, units: number[] | null): Promise<PulledUnit[]> {
  const r = await tx.query<{ code: string; name: string; kind: PulledUnit['kind']; parent_code: string | null; active: boolean; version: number }>(
    `SELECT code, name, kind, parent_code, active, version FROM units
      WHERE commune_id = $1 AND version > $2 AND version <= $3 AND ($4::bigint[] IS NULL OR id = ANY($4::bigint[]))
      ORDER BY code`,
    [communeId, cursor, upTo, units],
  )
  return r.rows.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...(u.parent_code ? { parent: u.parent_code } : {}), active: u.active, version: Number(u.version) }))
}
