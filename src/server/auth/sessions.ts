// Device sessions in the `sessions` table: a random token in an httpOnly cookie, its sha256 in
// the database. A session lives for months so that a phone stays signed in while offline.
import { createHash, randomBytes } from 'node:crypto'
import type { Queryable } from '../db/types'
import type { Actor } from './actor'

export const SESSION_COOKIE = 'td_session'
export const SESSION_DAYS = 180
/** How often a session's last-seen time and expiry are renewed (not on every request). */
const RENEW_AFTER_MS = 60 * 60 * 1000

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url')

export async function createSession(q: Queryable, userId: number, deviceId: string, userAgent: string | undefined, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000)
  await q.query('INSERT INTO sessions (token_hash, user_id, device_id, user_agent, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5, $5, $6)', [
    hashToken(token),
    userId,
    deviceId,
    userAgent?.slice(0, 300) ?? null,
    now,
    expiresAt,
  ])
  return { token, expiresAt }
}

interface SessionRow {
  token_hash: string
  user_id: number
  device_id: string
  last_seen_at: Date
  username: string
  display_name: string
  role: Actor['role']
  commune_id: number | null
  province_id: number | null
  unit_ids: number[] | null
  last_sync_at: Date | null
  c_id: number | null
  c_province_id: number | null
  c_merged: boolean | null
}

/** The commune a request names, read with its session (one query): its row, or null when no commune has that code. */
export type PrefetchedCommune = { id: number; provinceId: number; merged: boolean } | null

/**
 * The actor behind a cookie token, or undefined for an unknown, expired or revoked session or an
 * inactive user. With `communeCode` (the request's `:commune`), the commune row comes in the same
 * query, for `communeOf`.
 */
export async function resolveSession(q: Queryable, token: string, now: Date): Promise<Actor | undefined>
export async function resolveSession(q: Queryable, token: string, now: Date, communeCode: string): Promise<{ actor: Actor; commune: PrefetchedCommune } | undefined>
export async function resolveSession(q: Queryable, token: string, now: Date, communeCode?: string): Promise<Actor | { actor: Actor; commune: PrefetchedCommune } | undefined> {
  const r = await q.query<SessionRow>(
    `SELECT s.token_hash, s.user_id, s.device_id, s.last_seen_at, s.last_sync_at, u.username, u.display_name, u.role, u.commune_id, u.province_id,
            (SELECT array_agg(uu.unit_id) FROM user_units uu WHERE uu.user_id = u.id) AS unit_ids,
            c.id AS c_id, c.province_id AS c_province_id, c.merged_into IS NOT NULL AS c_merged
       FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN communes c ON c.code = $3
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
    [hashToken(token), now, communeCode ?? null],
    { prepare: true },
  )
  const row = r.rows[0]
  if (!row) return undefined
  if (now.getTime() - new Date(row.last_seen_at).getTime() > RENEW_AFTER_MS) {
    await q.query('UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1', [row.token_hash, now, new Date(now.getTime() + SESSION_DAYS * 86_400_000)])
  }
  const actor: Actor = {
    userId: Number(row.user_id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    communeId: row.commune_id === null ? null : Number(row.commune_id),
    provinceId: row.province_id === null ? null : Number(row.province_id),
    unitIds: new Set((row.unit_ids ?? []).map(Number)),
    deviceId: row.device_id,
    sessionHash: row.token_hash,
    lastSyncAt: row.last_sync_at === null ? null : new Date(row.last_sync_at),
  }
  if (communeCode === undefined) return actor
  return { actor, commune: row.c_id === null ? null : { id: Number(row.c_id), provinceId: Number(row.c_province_id), merged: row.c_merged === true } }
}

export async function revokeSession(q: Queryable, sessionHash: string, now: Date): Promise<void> {
  await q.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [sessionHash, now])
}
