// The `evidence` table (migration 008): a stored file's metadata, versioned like every row a
// phone pulls. The bytes are in the evidence storage (evidence/storage.ts) under `storage_key`.
import type { Evidence, EvidenceRefusal, EvidenceType } from '../../shared/evidence'
import { EVIDENCE_REFUSAL_STATUS } from '../../shared/evidence'
import type { ReportStatus } from '../../shared/model'
import type { Actor } from '../auth/actor'
import { HttpError, notFound, say } from '../errors'
import { writeAudit } from './audit'
import type { Queryable } from './types'

/** A refusal of shared/evidence.ts as the API answers it. */
export function evidenceRefusal(refusal: EvidenceRefusal, params?: Record<string, string | number>): HttpError {
  return new HttpError(EVIDENCE_REFUSAL_STATUS[refusal], refusal, say(refusal, params))
}

/** The report a file is attached to, and what may refuse it. */
export interface ReportTarget {
  unitId: number
  periodId: number
  year: number
  locked: boolean
  status: ReportStatus | null
}

/**
 * The unit, the period (with its lock and the report's status) and, when named, the indicator in
 * the plan of the period's year; a code the commune does not have is not found.
 */
export async function reportTarget(q: Queryable, communeId: number, unit: string, period: string, indicator: string | undefined): Promise<ReportTarget> {
  const r = await q.query<{ unit_id: number | null; period_id: number | null; year: number; locked: boolean; status: ReportStatus | null; indicator_ok: boolean }>(
    `SELECT u.id AS unit_id, p.id AS period_id, p.year, p.locked, r.status,
            ($4::text IS NULL OR EXISTS (SELECT 1 FROM indicators i JOIN plans pl ON pl.id = i.plan_id
                                          WHERE pl.commune_id = $1 AND pl.year = p.year AND i.code = $4 AND NOT i.deleted)) AS indicator_ok
       FROM units u CROSS JOIN periods p
       LEFT JOIN reports r ON r.unit_id = u.id AND r.period_id = p.id
      WHERE u.commune_id = $1 AND u.code = $2 AND p.commune_id = $1 AND p.code = $3`,
    [communeId, unit, period, indicator ?? null],
  )
  const row = r.rows[0]
  if (!row) {
    const u = await q.query('SELECT 1 FROM units WHERE commune_id = $1 AND code = $2', [communeId, unit])
    throw notFound(u.rowCount === 0 ? say('unit_not_found', { code: unit }) : say('period_not_found', { code: period }))
  }
  if (!row.indicator_ok) throw notFound(say('plan_has_no_indicator', { year: row.year, code: indicator ?? '' }))
  return { unitId: Number(row.unit_id), periodId: Number(row.period_id), year: Number(row.year), locked: row.locked, status: row.status }
}

/** Refuses a change of the report's evidence once its period is locked or the report approved. */
export function checkReportOpen(target: Pick<ReportTarget, 'locked' | 'status'>): void {
  if (target.locked) throw evidenceRefusal('evidence_period_locked')
  if (target.status === 'approved') throw evidenceRefusal('evidence_report_approved')
}

/** The count of the report's files and the commune's bytes in use, for the limits. */
export async function usage(q: Queryable, communeId: number, unitId: number, periodId: number): Promise<{ onReport: number; communeBytes: number }> {
  const r = await q.query<{ on_report: number; commune_bytes: string | number | null }>(
    `SELECT (SELECT count(*)::int FROM evidence WHERE unit_id = $2 AND period_id = $3 AND NOT deleted) AS on_report,
            (SELECT coalesce(sum(size), 0) FROM evidence WHERE commune_id = $1 AND NOT deleted) AS commune_bytes`,
    [communeId, unitId, periodId],
  )
  return { onReport: Number(r.rows[0]!.on_report), communeBytes: Number(r.rows[0]!.commune_bytes ?? 0) }
}

interface Row {
  id: string
  client_id: string
  unit: string
  unit_id: number
  period: string
  indicator_code: string | null
  caption: string
  filename: string
  type: EvidenceType
  size: string | number
  width: number | null
  height: number | null
  storage_key: string
  thumb_key: string | null
  uploaded_by: string | null
  uploaded_at: Date
  deleted: boolean
  version: string | number
}

const SELECT = `SELECT e.id::text AS id, e.client_id, u.code AS unit, e.unit_id, p.code AS period, e.indicator_code, e.caption, e.filename, e.type, e.size,
                       e.width, e.height, e.storage_key, e.thumb_key, us.display_name AS uploaded_by, e.uploaded_at, e.deleted, e.version
                  FROM evidence e JOIN units u ON u.id = e.unit_id JOIN periods p ON p.id = e.period_id LEFT JOIN users us ON us.id = e.uploaded_by`

/** A stored file with where its bytes are. */
export interface StoredEvidence {
  evidence: Evidence
  unitId: number
  storageKey: string
  thumbKey: string | null
}

function stored(row: Row): StoredEvidence {
  return {
    evidence: {
      id: row.id,
      clientId: row.client_id,
      unit: row.unit,
      period: row.period,
      indicator: row.indicator_code,
      caption: row.caption,
      filename: row.filename,
      type: row.type,
      size: Number(row.size),
      width: row.width,
      height: row.height,
      thumbnail: row.thumb_key !== null && !row.deleted,
      uploadedBy: row.uploaded_by,
      uploadedAt: new Date(row.uploaded_at).toISOString(),
      deleted: row.deleted,
      version: Number(row.version),
    },
    unitId: Number(row.unit_id),
    storageKey: row.storage_key,
    thumbKey: row.thumb_key,
  }
}

export async function evidenceByClientId(q: Queryable, communeId: number, clientId: string): Promise<StoredEvidence | undefined> {
  const r = await q.query<Row>(`${SELECT} WHERE e.commune_id = $1 AND e.client_id = $2`, [communeId, clientId])
  return r.rows[0] ? stored(r.rows[0]) : undefined
}

export async function evidenceById(q: Queryable, communeId: number, id: string): Promise<StoredEvidence | undefined> {
  const r = await q.query<Row>(`${SELECT} WHERE e.commune_id = $1 AND e.id = $2::uuid`, [communeId, id])
  return r.rows[0] ? stored(r.rows[0]) : undefined
}

/** A report's files (not removed ones), in the order they came. */
export async function reportEvidence(q: Queryable, communeId: number, unitId: number, periodId: number): Promise<Evidence[]> {
  const r = await q.query<Row>(`${SELECT} WHERE e.commune_id = $1 AND e.unit_id = $2 AND e.period_id = $3 AND NOT e.deleted ORDER BY e.uploaded_at, e.id`, [communeId, unitId, periodId])
  return r.rows.map((row) => stored(row).evidence)
}

/** The commune's files of a year's periods, for the review export (not removed ones). */
export async function periodEvidence(q: Queryable, communeId: number, periodCodes: readonly string[]): Promise<StoredEvidence[]> {
  const r = await q.query<Row>(`${SELECT} WHERE e.commune_id = $1 AND p.code = ANY($2::text[]) AND NOT e.deleted ORDER BY u.code, p.code, e.uploaded_at, e.id`, [communeId, periodCodes])
  return r.rows.map(stored)
}

/** Files changed in (cursor, upTo], of the units the puller may see (null: all). */
export async function changedEvidence(q: Queryable, communeId: number, cursor: number, upTo: number, units: number[] | null): Promise<Evidence[]> {
  const r = await q.query<Row>(
    `${SELECT} WHERE e.commune_id = $1 AND e.version > $2 AND e.version <= $3 AND ($4::bigint[] IS NULL OR e.unit_id = ANY($4::bigint[])) ORDER BY e.version, e.id`,
    [communeId, cursor, upTo, units],
  )
  return r.rows.map((row) => stored(row).evidence)
}

export interface NewEvidence {
  id: string
  clientId: string
  target: ReportTarget
  indicator: string | null
  caption: string
  filename: string
  type: EvidenceType
  size: number
  width: number | null
  height: number | null
  sha256: string
  storageKey: string
  thumbKey: string | null
}

/** Inserts the row and its audit entry, stamped with `version` (the caller holds the commune lock). */
export async function insertEvidence(tx: Queryable, communeId: number, actor: Pick<Actor, 'userId' | 'deviceId'>, e: NewEvidence, version: number, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO evidence (id, commune_id, client_id, unit_id, period_id, indicator_code, caption, filename, type, size, width, height, sha256,
                           storage_key, thumb_key, uploaded_by, device_id, uploaded_at, version)
     VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [e.id, communeId, e.clientId, e.target.unitId, e.target.periodId, e.indicator, e.caption, e.filename, e.type, e.size, e.width, e.height, e.sha256, e.storageKey, e.thumbKey, actor.userId, actor.deviceId, now, version],
  )
  await auditEvidence(tx, communeId, actor, e.target, null, { id: e.id, indicator: e.indicator, caption: e.caption, filename: e.filename, type: e.type, size: e.size }, now)
}

/** Marks the row removed (a tombstone pull delivers), with its audit entry. */
export async function markDeleted(tx: Queryable, communeId: number, actor: Pick<Actor, 'userId' | 'deviceId'>, e: StoredEvidence, target: ReportTarget, version: number, now: Date): Promise<void> {
  await tx.query('UPDATE evidence SET deleted = true, deleted_at = $3, version = $4 WHERE commune_id = $1 AND id = $2::uuid', [communeId, e.evidence.id, now, version])
  const { id, indicator, caption, filename, type, size } = e.evidence
  await auditEvidence(tx, communeId, actor, target, { id, indicator, caption, filename, type, size }, null, now)
}

async function auditEvidence(tx: Queryable, communeId: number, actor: Pick<Actor, 'userId' | 'deviceId'>, target: ReportTarget, old: unknown, next: unknown, now: Date): Promise<void> {
  await writeAudit(tx, communeId, actor, { entity: 'evidence', unitId: target.unitId, periodId: target.periodId, old, new: next }, now)
}

/** Per report of a year: how many files it has (the completeness board's evidence count). */
export async function evidenceCounts(q: Queryable, communeId: number, year: number): Promise<Map<string, number>> {
  const r = await q.query<{ unit: string; period: string; n: number }>(
    `SELECT u.code AS unit, p.code AS period, count(*)::int AS n
       FROM evidence e JOIN units u ON u.id = e.unit_id JOIN periods p ON p.id = e.period_id
      WHERE e.commune_id = $1 AND p.year = $2 AND NOT e.deleted
      GROUP BY u.code, p.code`,
    [communeId, year],
  )
  return new Map(r.rows.map((row) => [`${row.unit}|${row.period}`, Number(row.n)]))
}
