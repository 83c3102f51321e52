// One-time enrolment links (`enrolments`): a printed slip's QR code or the first administrator's
// link. The link signs its owner in once and sets their password; only the token's hash is kept.
import { randomBytes } from 'node:crypto'
import type { Enrolment, EnrolmentInfo } from '../../shared/api'
import type { Role } from '../../shared/model'
import { ENROLMENT_DAYS, type EnrolmentPurpose } from '../../shared/province'
import { hashToken } from '../auth/sessions'
import { HttpError, say } from '../errors'
import type { Db, Queryable } from './types'

/**
 * A new link for the account; any link it had before stops working (a reprinted slip replaces
 * the lost one). Call it in the transaction that creates or resets the account.
 */
export async function issueEnrolment(tx: Queryable, userId: number, purpose: EnrolmentPurpose, createdBy: number | null, now: Date, days: number = ENROLMENT_DAYS[purpose]): Promise<Enrolment> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + days * 86_400_000)
  await tx.query('UPDATE enrolments SET revoked_at = $2 WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL', [userId, now])
  await tx.query('INSERT INTO enrolments (token_hash, user_id, purpose, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
    hashToken(token),
    userId,
    purpose,
    createdBy,
    now,
    expiresAt,
  ])
  return { token, expiresAt: expiresAt.toISOString() }
}

interface EnrolmentRow {
  user_id: number
  purpose: EnrolmentInfo['purpose']
  expires_at: Date
  used_at: Date | null
  revoked_at: Date | null
  active: boolean
  username: string
  display_name: string
  role: Role
  commune: { code: string; name: string } | null
  province: { code: string; name: string } | null
}

const SELECT_ENROLMENT = `
  SELECT e.user_id, e.purpose, e.expires_at, e.used_at, e.revoked_at, u.active, u.username, u.display_name, u.role,
         (SELECT json_build_object('code', c.code, 'name', c.name) FROM communes c WHERE c.id = u.commune_id) AS commune,
         (SELECT json_build_object('code', p.code, 'name', p.name) FROM provinces p
           WHERE p.id = COALESCE(u.province_id, (SELECT c.province_id FROM communes c WHERE c.id = u.commune_id))) AS province
    FROM enrolments e JOIN users u ON u.id = e.user_id
   WHERE e.token_hash = $1`

/** A link that can be used now, or the reason it cannot (unknown, used, replaced, expired, account closed). */
function usable(row: EnrolmentRow | undefined, now: Date): EnrolmentRow {
  if (!row || !row.active) throw new HttpError(404, 'enrolment_not_found', say('enrolment_not_found'))
  if (row.used_at !== null) throw new HttpError(410, 'enrolment_used', say('enrolment_used'))
  if (row.revoked_at !== null) throw new HttpError(410, 'enrolment_replaced', say('enrolment_replaced'))
  if (new Date(row.expires_at).getTime() <= now.getTime()) throw new HttpError(410, 'enrolment_expired', say('enrolment_expired'))
  return row
}

export async function enrolmentInfo(q: Queryable, token: string, now: Date): Promise<EnrolmentInfo> {
  const row = usable((await q.query<EnrolmentRow>(SELECT_ENROLMENT, [hashToken(token)])).rows[0], now)
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    commune: row.commune,
    province: row.province,
    purpose: row.purpose,
    expiresAt: new Date(row.expires_at).toISOString(),
  }
}

/**
 * Uses a link: sets the account's password (hashed before: scrypt is slow on purpose) and marks
 * the link used, in one transaction; of two phones racing with one slip, exactly one wins.
 * Returns the account's id, for the session the caller opens.
 */
export async function useEnrolment(db: Db, token: string, passwordHash: string, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const locked = await tx.query<EnrolmentRow>(`${SELECT_ENROLMENT} FOR UPDATE OF e`, [hashToken(token)])
    const row = usable(locked.rows[0], now)
    await tx.query('UPDATE enrolments SET used_at = $2 WHERE token_hash = $1', [hashToken(token), now])
    await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [row.user_id, passwordHash])
    return Number(row.user_id)
  })
}
