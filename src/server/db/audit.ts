// The `audit` table: who changed what, from which device, when, old → new. The officer's set-up
// changes are written here one by one; value and report changes come from the sync ingest.
import type { Actor } from '../auth/actor'
import { notFound, say } from '../errors'
import type { Queryable } from './types'
import type { AuditChoices, AuditFilters, AuditRow, CellChange, DeviceInfo } from '../../shared/api'
import { describeDevice, deviceKind } from '../../shared/devices'

export interface AuditEntry {
  entity: 'plan' | 'unit' | 'user' | 'period' | 'evidence' | 'registration' | 'commendation'
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
 * The joins every audit read shares (the row is `a`): `ib`, the officer who uploaded the backup a
 * change came in, and `dv.user_agent`, the device's browser as its owner's latest session on it saw it.
 */
const WHO_AND_DEVICE = `LEFT JOIN users ib ON ib.id = a.imported_by
       LEFT JOIN LATERAL (
              SELECT s.user_agent FROM sessions s
               WHERE s.device_id = a.device_id AND s.user_id = a.user_id AND s.user_agent IS NOT NULL
               ORDER BY s.created_at DESC LIMIT 1) dv ON true`

/**
 * Every change of one cell, newest first. The indicator is the one of the period's year, deleted
 * or not: a deleted indicator's values stay, and so does their history.
 */
export async function cellHistory(q: Queryable, communeId: number, unitId: number, periodCode: string, indicatorCode: string): Promise<CellChange[]> {
  const period = await q.query<{ id: number; year: number }>('SELECT id, year FROM periods WHERE commune_id = $1 AND code = $2', [communeId, periodCode])
  const p = period.rows[0]
  if (!p) throw notFound(say('period_not_found', { code: periodCode }))
  const r = await q.query<ImportedBy & { at: Date; username: string | null; display_name: string | null; device_id: string | null; user_agent: string | null; mutation_id: string | null; old: CellChange['old']; new: CellChange['new'] }>(
    `SELECT a.at, u.username, u.display_name, a.device_id, dv.user_agent, a.mutation_id, a.old, a.new, ib.username AS ib_username, ib.display_name AS ib_display_name
       FROM audit a
       JOIN indicators i ON i.id = a.indicator_id
       JOIN plans pl ON pl.id = i.plan_id
       LEFT JOIN users u ON u.id = a.user_id
       ${WHO_AND_DEVICE}
      WHERE a.commune_id = $1 AND a.entity = 'value' AND a.unit_id = $2 AND a.period_id = $3
        AND pl.commune_id = $1 AND pl.year = $4 AND i.code = $5
      ORDER BY a.id DESC`,
    [communeId, unitId, Number(p.id), p.year, indicatorCode],
  )
  return r.rows.map((row) => ({
    at: new Date(row.at).toISOString(),
    ...whoAndDevice(row),
    mutationId: row.mutation_id,
    old: row.old,
    new: row.new,
  }))
}


/** What the server knows of a device: from the user agent its sign-in sent (null: no device). */
function deviceOf(deviceId: string | null, userAgent: string | null): DeviceInfo | null {
  return deviceId === null ? null : { kind: deviceKind(userAgent), detail: describeDevice(userAgent) }
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

/** Who made a change (their user name when they have no display name), the backup's uploader, and from which device: what WHO_AND_DEVICE joined. */
function whoAndDevice(row: ImportedBy & { username: string | null; display_name: string | null; device_id: string | null; user_agent: string | null }) {
  return {
    user: row.username === null ? null : { username: row.username, displayName: row.display_name ?? row.username },
    ...importedBy(row),
    deviceId: row.device_id,
    device: deviceOf(row.device_id, row.user_agent),
  }
}

/** The commune's changes, newest first, filtered; codes and user names resolved. */
export async function auditFeed(q: Queryable, communeId: number, filters: AuditFilters): Promise<AuditRow[]> {
  const limit = Math.max(1, Math.min(AUDIT_PAGE_MAX, filters.limit ?? 50))
  const r = await q.query<ImportedBy & {
    id: number
    at: Date
    entity: AuditRow['entity']
    unit: string | null
    unit_name: string | null
    period: string | null
    indicator: string | null
    indicator_name: string | null
    username: string | null
    display_name: string | null
    device_id: string | null
    user_agent: string | null
    old: unknown
    new: unknown
  }>(
    `SELECT a.id, a.at, a.entity, un.code AS unit, un.name AS unit_name, p.code AS period, i.code AS indicator, i.def->>'name' AS indicator_name,
            us.username, us.display_name, a.device_id, dv.user_agent, a.old, a.new, ib.username AS ib_username, ib.display_name AS ib_display_name
       FROM audit a
       LEFT JOIN units un ON un.id = a.unit_id
       LEFT JOIN periods p ON p.id = a.period_id
       LEFT JOIN indicators i ON i.id = a.indicator_id
       LEFT JOIN users us ON us.id = a.user_id
       ${WHO_AND_DEVICE}
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
    unitName: row.unit_name,
    period: row.period,
    indicator: row.indicator,
    indicatorName: row.indicator_name,
    ...whoAndDevice(row),
    old: row.old,
    new: row.new,
  }))
}

/**
 * What the change log can be filtered by, in words: every indicator code of the commune's plans
 * once (named as in the latest plan that holds it), and the people, the commune's accounts and
 * whoever changed something in it (an officer of the province too).
 */
export async function auditChoices(q: Queryable, communeId: number): Promise<AuditChoices> {
  const [indicators, users] = await Promise.all([
    q.query<{ code: string; name: string }>(
      `SELECT DISTINCT ON (i.code) i.code, i.def->>'name' AS name
         FROM indicators i JOIN plans pl ON pl.id = i.plan_id
        WHERE pl.commune_id = $1
        ORDER BY i.code, i.deleted, pl.year DESC`,
      [communeId],
    ),
    q.query<{ username: string; display_name: string | null }>(
      `SELECT username, display_name FROM users WHERE commune_id = $1
        UNION
       SELECT u.username, u.display_name FROM users u WHERE u.id IN (SELECT DISTINCT user_id FROM audit WHERE commune_id = $1 AND user_id IS NOT NULL)`,
      [communeId],
    ),
  ])
  const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'vi')
  return {
    indicators: indicators.rows.map((r) => ({ code: r.code, name: r.name ?? r.code })).sort(byName),
    users: users.rows
      .map((r) => ({ username: r.username, displayName: r.display_name ?? r.username }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'vi') || a.username.localeCompare(b.username)),
  }
}
