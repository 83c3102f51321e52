// The `audit` table: who changed what, from which device, when, old → new. The officer's set-up
// changes are written here one by one; value and report changes come from the sync ingest.
import type { Actor } from '../auth/actor'
import { notFound } from '../errors'
import type { Queryable } from './types'
import type { AuditFilters, AuditRow, CellChange } from '../../shared/api'

export interface AuditEntry {
  entity: 'plan' | 'unit' | 'user' | 'period'
  unitId?: number
  periodId?: number
  indicatorId?: number
  /** The state before (null when created) and after (null when deleted). Never a password hash. */
  old: unknown
  new: unknown
}

export async function writeAudit(tx: Queryable, communeId: number, actor: Pick<Actor, 'userId' | 'deviceId'>, entry: AuditEntry, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO audit (commune_id, entity, unit_id, period_id, indicator_id, user_id, device_id, old, new, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [communeId, entry.entity, entry.unitId ?? null, entry.periodId ?? null, entry.indicatorId ?? null, actor.userId, actor.deviceId, json(entry.old), json(entry.new), now],
  )
}

const json = (x: unknown): string | null => (x === null || x === undefined ? null : JSON.stringify(x))

export type { CellChange }

/**
 * Every change of one cell, newest first. The indicator is the one of the period's year, deleted
 * or not: a deleted indicator's values stay, and so does their history.
 */
export async function cellHistory(q: Queryable, communeId: number, unitId: number, periodCode: string, indicatorCode: string): Promise<CellChange[]> {
  const period = await q.query<{ id: number; year: number }>('SELECT id, year FROM periods WHERE commune_id = $1 AND code = $2', [communeId, periodCode])
  const p = period.rows[0]
  if (!p) throw notFound(`Không có kỳ báo cáo “${periodCode}”`)
  const r = await q.query<ImportedBy & { at: Date; username: string | null; display_name: string | null; device_id: string | null; mutation_id: string | null; old: CellChange['old']; new: CellChange['new'] }>(
    `SELECT a.at, u.username, u.display_name, a.device_id, a.mutation_id, a.old, a.new, ib.username AS ib_username, ib.display_name AS ib_display_name
       FROM audit a
       JOIN indicators i ON i.id = a.indicator_id
       JOIN plans pl ON pl.id = i.plan_id
       LEFT JOIN users u ON u.id = a.user_id
       LEFT JOIN users ib ON ib.id = a.imported_by
      WHERE a.commune_id = $1 AND a.entity = 'value' AND a.unit_id = $2 AND a.period_id = $3
        AND pl.commune_id = $1 AND pl.year = $4 AND i.code = $5
      ORDER BY a.id DESC`,
    [communeId, unitId, Number(p.id), p.year, indicatorCode],
  )
  return r.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    user: row.username === null ? null : { username: row.username, displayName: row.display_name ?? row.username },
    ...importedBy(row),
    deviceId: row.device_id,
    mutationId: row.mutation_id,
    old: row.old,
    new: row.new,
  }))
}


export const AUDIT_PAGE_MAX = 200

interface ImportedBy {
  ib_username: string | null
  ib_display_name: string | null
}

/** The officer who uploaded a backup file, for a change that came in one (sync/importBackup.ts). */
function importedBy(row: ImportedBy): { importedBy?: { username: string; displayName: string } } {
  return row.ib_username === null ? {} : { importedBy: { username: row.ib_username, displayName: row.ib_display_name ?? row.ib_username } }
}

/** The commune's changes, newest first, filtered; codes and user names resolved. */
export async function auditFeed(q: Queryable, communeId: number, filters: AuditFilters): Promise<AuditRow[]> {
  const limit = Math.max(1, Math.min(AUDIT_PAGE_MAX, filters.limit ?? 50))
  const r = await q.query<ImportedBy & {
    id: number
    at: Date
    entity: AuditRow['entity']
    unit: string | null
    period: string | null
    indicator: string | null
    username: string | null
    display_name: string | null
    device_id: string | null
    old: unknown
    new: unknown
  }>(
    `SELECT a.id, a.at, a.entity, un.code AS unit, p.code AS period, i.code AS indicator,
            us.username, us.display_name, a.device_id, a.old, a.new, ib.username AS ib_username, ib.display_name AS ib_display_name
       FROM audit a
       LEFT JOIN units un ON un.id = a.unit_id
       LEFT JOIN periods p ON p.id = a.period_id
       LEFT JOIN indicators i ON i.id = a.indicator_id
       LEFT JOIN users us ON us.id = a.user_id
       LEFT JOIN users ib ON ib.id = a.imported_by
      WHERE a.commune_id = $1
        AND ($2::text IS NULL OR un.code = $2)
        AND ($3::text IS NULL OR p.code = $3)
        AND ($4::text IS NULL OR i.code = $4)
        AND ($5::text IS NULL OR us.username = $5)
        AND ($6::text IS NULL OR a.entity = $6)
        AND ($7::bigint IS NULL OR a.id < $7)
      ORDER BY a.id DESC
      LIMIT $8`,
    [communeId, filters.unit ?? null, filters.period ?? null, filters.indicator ?? null, filters.user ?? null, filters.entity ?? null, filters.before ?? null, limit],
  )
  return r.rows.map((row) => ({
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    entity: row.entity,
    unit: row.unit,
    period: row.period,
    indicator: row.indicator,
    user: row.username === null ? null : { username: row.username, displayName: row.display_name ?? row.username },
    ...importedBy(row),
    deviceId: row.device_id,
    old: row.old,
    new: row.new,
  }))
}
