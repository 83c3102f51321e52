// The officer's decisions on reports (approve, return with a reason, reopen) and period locks:
// each one a versioned write with an audit entry.
import type { ReportStatus } from '../../shared/model'
import { canMove, REPORT_MOVES } from '../../shared/reportLifecycle'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import type { Db, Queryable } from './types'
import { UNSENT_DRAFTS_SQL } from './periods'
import { bumpVersion } from './versions'

/** Returning (or reopening) a report may carry the officer's comment on single values, by indicator code. */
export type Decision = { action: 'approve' } | { action: 'return'; reason: string; comments?: Record<string, string> } | { action: 'reopen'; reason: string; comments?: Record<string, string> }

export async function decideReport(db: Db, actor: Actor, communeId: number, unitCode: string, periodCode: string, decision: Decision, now: Date): Promise<{ status: ReportStatus; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const r = await tx.query<{ unit_id: number; period_id: number; status: ReportStatus; year: number }>(
      `SELECT r.unit_id, r.period_id, r.status, p.year FROM reports r
         JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
        WHERE r.commune_id = $1 AND u.code = $2 AND p.code = $3 FOR UPDATE OF r`,
      [communeId, unitCode, periodCode],
    )
    const report = r.rows[0]
    if (!report) throw notFound(say('report_not_found'))
    const rule = REPORT_MOVES[decision.action]
    if (!canMove(decision.action, report.status)) {
      throw conflict('invalid_transition', { status: report.status, action: decision.action })
    }
    const reason = decision.action === 'approve' ? null : decision.reason
    // Approval clears the comments; a return replaces them (they stay while the unit fixes its values).
    const comments = decision.action === 'approve' ? {} : (decision.comments ?? {})
    await checkCommentCodes(tx, communeId, Number(report.year), comments)
    await tx.query('UPDATE reports SET status = $3, return_reason = $4, decided_at = $5, decided_by = $6, version = $7, comments = $8 WHERE unit_id = $1 AND period_id = $2', [
      report.unit_id,
      report.period_id,
      rule.to,
      reason,
      now,
      actor.userId,
      version,
      JSON.stringify(comments),
    ])
    await tx.query(
      `INSERT INTO audit (commune_id, entity, unit_id, period_id, user_id, device_id, old, new, at) VALUES ($1, 'report', $2, $3, $4, $5, $6, $7, $8)`,
      [
        communeId,
        report.unit_id,
        report.period_id,
        actor.userId,
        actor.deviceId,
        JSON.stringify({ status: report.status }),
        JSON.stringify({ status: rule.to, reason, ...(Object.keys(comments).length > 0 ? { comments } : {}) }),
        now,
      ],
    )
    return { status: rule.to, version }
  })
}

/** A comment names an indicator of the period's plan; anything else is the client's mistake (400). */
async function checkCommentCodes(tx: Queryable, communeId: number, year: number, comments: Record<string, string>): Promise<void> {
  const codes = Object.keys(comments)
  if (codes.length === 0) return
  const r = await tx.query<{ code: string }>(
    `SELECT i.code FROM indicators i JOIN plans p ON p.id = i.plan_id
      WHERE p.commune_id = $1 AND p.year = $2 AND NOT i.deleted AND i.code = ANY($3::text[])`,
    [communeId, year, codes],
  )
  const known = new Set(r.rows.map((row) => row.code))
  const unknown = codes.filter((c) => !known.has(c))
  if (unknown.length > 0) {
    throw new HttpError(400, 'unknown_indicator', say('unknown_indicator', { year, codes: unknown.map((c) => `“${c}”`).join(', ') }), { indicators: unknown })
  }
}

export interface PeriodChange {
  locked?: boolean
  lockReason?: string | null
  deadline?: string
}

/**
 * Changes a period's deadline or lock. The answer counts the unsent drafts the period holds
 * (UNSENT_DRAFTS_SQL): locking freezes them, and the officer is told how many.
 */
export async function updatePeriod(db: Db, actor: Actor, communeId: number, code: string, change: PeriodChange, now: Date): Promise<{ version: number; unsentDrafts: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const old = await tx.query<{ id: number; locked: boolean; lock_reason: string | null; deadline: string }>(
      "SELECT id, locked, lock_reason, to_char(deadline, 'YYYY-MM-DD') AS deadline FROM periods WHERE commune_id = $1 AND code = $2 FOR UPDATE",
      [communeId, code],
    )
    const row = old.rows[0]
    if (!row) throw notFound(say('period_not_found', { code }))
    const locked = change.locked ?? row.locked
    const lockReason = locked ? (change.lockReason === undefined ? row.lock_reason : change.lockReason) : null
    const deadline = change.deadline ?? row.deadline
    await tx.query('UPDATE periods SET locked = $2, lock_reason = $3, deadline = $4, version = $5 WHERE id = $1', [row.id, locked, lockReason, deadline, version])
    await tx.query(`INSERT INTO audit (commune_id, entity, period_id, user_id, device_id, old, new, at) VALUES ($1, 'period', $2, $3, $4, $5, $6, $7)`, [
      communeId,
      row.id,
      actor.userId,
      actor.deviceId,
      JSON.stringify({ locked: row.locked, lockReason: row.lock_reason, deadline: row.deadline }),
      JSON.stringify({ locked, lockReason, deadline }),
      now,
    ])
    const drafts = await tx.query<{ n: number | string }>(`SELECT ${UNSENT_DRAFTS_SQL} AS n FROM periods p WHERE p.id = $1`, [row.id])
    return { version, unsentDrafts: Number(drafts.rows[0]?.n ?? 0) }
  })
}
