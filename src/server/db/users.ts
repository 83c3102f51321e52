// A commune's accounts (`users`, `user_units`) and their device sessions (`sessions`), as the
// officer manages them. Password hashes are written here and never read back out.
import type { AccountView, CommuneRole, CreatedAccount, DeviceView, Enrolment, ProvinceAccountView } from '../../shared/api'
import { defaultUsername } from '../../shared/province'
import type { Role } from '../../shared/model'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import { writeAudit } from './audit'
import { issueEnrolment } from './enrolments'
import { provinceAudit } from './provinces'
import type { Db, Queryable } from './types'
import { bumpVersion } from './versions'

// The shapes the officer's screen reads live in the shared API contract.
export type { AccountView, DeviceView } from '../../shared/api'


export interface NewAccount {
  username: string
  displayName: string
  role: CommuneRole
  units: string[]
}

export interface AccountChange {
  displayName?: string
  units?: string[]
  active?: boolean
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString())

/** The commune's accounts by username, each with its units and devices (newest use first). */
export async function listAccounts(q: Queryable, communeId: number, only?: number): Promise<AccountView[]> {
  const users = await q.query<{ id: number; username: string; display_name: string; role: Role; active: boolean; created_at: Date; units: string[] | null }>(
    `SELECT u.id, u.username, u.display_name, u.role, u.active, u.created_at,
            (SELECT array_agg(un.code ORDER BY un.code) FROM user_units uu JOIN units un ON un.id = uu.unit_id WHERE uu.user_id = u.id) AS units
       FROM users u WHERE u.commune_id = $1 AND ($2::bigint IS NULL OR u.id = $2) ORDER BY u.username`,
    [communeId, only ?? null],
  )
  const sessions = await q.query<{ user_id: number; device_id: string; user_agent: string | null; created_at: Date; last_seen_at: Date; last_sync_at: Date | null; revoked_at: Date | null }>(
    `SELECT s.user_id, s.device_id, s.user_agent, s.created_at, s.last_seen_at, s.last_sync_at, s.revoked_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE u.commune_id = $1 AND ($2::bigint IS NULL OR u.id = $2) ORDER BY s.last_seen_at DESC`,
    [communeId, only ?? null],
  )
  const devices = new Map<number, DeviceView[]>()
  for (const s of sessions.rows) {
    const list = devices.get(Number(s.user_id)) ?? []
    list.push({ deviceId: s.device_id, userAgent: s.user_agent, createdAt: iso(s.created_at)!, lastSeenAt: iso(s.last_seen_at)!, lastSyncAt: iso(s.last_sync_at), revoked: s.revoked_at !== null })
    devices.set(Number(s.user_id), list)
  }
  return users.rows.map((u) => ({
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    units: u.units ?? [],
    active: u.active,
    createdAt: iso(u.created_at)!,
    devices: devices.get(Number(u.id)) ?? [],
  }))
}

async function accountView(q: Queryable, communeId: number, userId: number): Promise<AccountView> {
  return (await listAccounts(q, communeId, userId))[0]!
}

interface UserRow {
  id: number
  username: string
  display_name: string
  role: Role
  active: boolean
  units: string[] | null
}

/** A user of the commune, locked for the change; another commune's user is not found, like an unknown one. */
async function lockUser(tx: Queryable, communeId: number, username: string): Promise<UserRow> {
  const r = await tx.query<UserRow>(
    `SELECT u.id, u.username, u.display_name, u.role, u.active,
            (SELECT array_agg(un.code ORDER BY un.code) FROM user_units uu JOIN units un ON un.id = uu.unit_id WHERE uu.user_id = u.id) AS units
       FROM users u WHERE u.commune_id = $1 AND u.username = $2 FOR UPDATE OF u`,
    [communeId, username],
  )
  if (!r.rows[0]) throw notFound(say('user_not_found', { username }))
  return r.rows[0]
}

/** What the audit keeps of an account: never its password hash. */
const auditOf = (u: { username: string; displayName: string; role: Role; units: readonly string[]; active: boolean }) => ({
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  units: [...u.units],
  active: u.active,
})

/** A reporter writes for one unit or more; an officer or a leader for none. Returns the unit ids. */
async function unitsForRole(tx: Queryable, communeId: number, role: Role, codes: readonly string[]): Promise<Map<string, number>> {
  if (role === 'reporter' && codes.length === 0) throw new HttpError(422, 'units_required', say('units_required'))
  if (role !== 'reporter' && codes.length > 0) throw new HttpError(422, 'units_not_allowed', say('units_not_allowed'))
  const r = await tx.query<{ id: number; code: string }>('SELECT id, code FROM units WHERE commune_id = $1 AND active AND code = ANY($2::text[])', [communeId, [...codes]])
  const ids = new Map(r.rows.map((u) => [u.code, Number(u.id)]))
  const missing = codes.filter((c) => !ids.has(c))
  if (missing.length > 0) throw new HttpError(422, 'unknown_unit', say('unknown_unit', { codes: missing.join('”, “') }))
  return ids
}

const usernameTaken = (username: string): HttpError => conflict('username_taken', { username })

/** What POST /communes/:commune/users answers: the new account as the list shows it, and its enrolment link. */
export type CreatedCommuneAccount = CreatedAccount & { account: AccountView; version: number }

/**
 * Creates an account. With a password (hashed before: scrypt is slow on purpose) it can sign in
 * at once; without one it gets a one-time enrolment link through which its owner sets it.
 */
export async function createAccount(db: Db, actor: Actor, communeId: number, input: NewAccount, passwordHash: string | null, now: Date): Promise<CreatedCommuneAccount> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const created = await insertCommuneAccount(tx, actor, communeId, input, passwordHash, now)
    return { ...created.created, account: await accountView(tx, communeId, created.userId), version }
  })
}

/**
 * Creates reporters' accounts from a pasted list, all or none: one bad line (an unknown unit, a
 * name taken) refuses the whole list, naming the line. Each gets an enrolment link for its slip.
 */
export async function createAccounts(db: Db, actor: Actor, commune: { id: number; code: string }, inputs: readonly (Omit<NewAccount, 'username'> & { username?: string | undefined })[], now: Date): Promise<CreatedAccount[]> {
  return db.transaction(async (tx) => {
    await bumpVersion(tx, commune.id)
    const names = new Set<string>()
    const out: CreatedAccount[] = []
    for (const [i, input] of inputs.entries()) {
      const username = input.username ?? defaultUsername(commune.code, input.units[0] ?? input.displayName)
      if (names.has(username)) throw new HttpError(409, 'username_taken', say('username_twice_in_list', { line: i + 1, username }))
      names.add(username)
      try {
        out.push((await insertCommuneAccount(tx, actor, commune.id, { ...input, username }, null, now)).created)
      } catch (e) {
        if (e instanceof HttpError) throw new HttpError(e.statusCode, e.apiCode, say('in_list', { line: i + 1, name: input.displayName, reason: e.message }), { line: i + 1 })
        throw e
      }
    }
    return out
  })
}

async function insertCommuneAccount(tx: Queryable, actor: Actor, communeId: number, input: NewAccount, passwordHash: string | null, now: Date): Promise<{ userId: number; created: CreatedAccount }> {
  // Usernames are unique across communes: a sign-in names no commune.
  const taken = await tx.query('SELECT 1 FROM users WHERE username = $1', [input.username])
  if (taken.rows.length > 0) throw usernameTaken(input.username)
  const units = await unitsForRole(tx, communeId, input.role, input.units)
  let userId: number
  try {
    const r = await tx.query<{ id: number }>(
      'INSERT INTO users (commune_id, username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
      [communeId, input.username, input.displayName, input.role, passwordHash, now],
    )
    userId = Number(r.rows[0]!.id)
  } catch (e) {
    // Another commune took the name between the check and the insert.
    if ((e as { code?: string }).code === '23505') throw usernameTaken(input.username)
    throw e
  }
  await setUnits(tx, userId, [...units.values()])
  await writeAudit(tx, communeId, actor, { entity: 'user', old: null, new: auditOf({ ...input, active: true }) }, now)
  const enrolment = passwordHash === null ? await issueEnrolment(tx, userId, 'enrol', actor.userId, now) : null
  const meta = await tx.query<{ code: string; name: string; units: { code: string; name: string }[] | null }>(
    `SELECT c.code, c.name,
            (SELECT json_agg(json_build_object('code', un.code, 'name', un.name) ORDER BY un.code) FROM units un WHERE un.id = ANY($2::bigint[])) AS units
       FROM communes c WHERE c.id = $1`,
    [communeId, [...units.values()]],
  )
  const m = meta.rows[0]!
  return {
    userId,
    created: { username: input.username, displayName: input.displayName, role: input.role, units: m.units ?? [], commune: { code: m.code, name: m.name }, enrolment },
  }
}

/**
 * A new enrolment link for an account of the commune (a lost or expired slip, a forgotten
 * password): the previous link stops working; the password, if any, stays until the link is used.
 */
export async function reissueEnrolment(db: Db, actor: Actor, communeId: number, username: string, now: Date): Promise<Enrolment> {
  return db.transaction(async (tx) => {
    await bumpVersion(tx, communeId)
    const user = await lockUser(tx, communeId, username)
    if (!user.active) throw conflict('account_inactive', { username })
    const enrolled = await tx.query<{ has: boolean }>('SELECT password_hash IS NOT NULL AS has FROM users WHERE id = $1', [user.id])
    const enrolment = await issueEnrolment(tx, Number(user.id), enrolled.rows[0]?.has ? 'password' : 'enrol', actor.userId, now, 7)
    await writeAudit(tx, communeId, actor, { entity: 'user', old: { username }, new: { username, enrolmentIssued: true } }, now)
    return enrolment
  })
}

/** The role of a commune's account, for the province administrator's narrower rights. */
export async function roleOf(q: Queryable, communeId: number, username: string): Promise<Role | undefined> {
  const r = await q.query<{ role: Role }>('SELECT role FROM users WHERE commune_id = $1 AND username = $2', [communeId, username])
  return r.rows[0]?.role
}

export async function listProvinceAccounts(q: Queryable, provinceId: number): Promise<ProvinceAccountView[]> {
  const r = await q.query<{ username: string; display_name: string; role: Role; active: boolean; created_at: Date; enrolled: boolean }>(
    'SELECT username, display_name, role, active, created_at, password_hash IS NOT NULL AS enrolled FROM users WHERE province_id = $1 ORDER BY username',
    [provinceId],
  )
  return r.rows.map((u) => ({ username: u.username, displayName: u.display_name, role: u.role, active: u.active, createdAt: iso(u.created_at)!, enrolled: u.enrolled }))
}

/** A province account (administrator or viewer), enrolled through a one-time link. */
export async function createProvinceAccount(db: Db, actor: Actor, provinceId: number, input: { username: string; displayName: string; role: 'province_admin' | 'province_viewer' }, now: Date): Promise<CreatedAccount> {
  return db.transaction(async (tx) => {
    let userId: number
    try {
      const r = await tx.query<{ id: number }>(
        'INSERT INTO users (province_id, username, display_name, role, password_hash, created_at) VALUES ($1, $2, $3, $4, NULL, $5) RETURNING id',
        [provinceId, input.username, input.displayName, input.role, now],
      )
      userId = Number(r.rows[0]!.id)
    } catch (e) {
      if ((e as { code?: string }).code === '23505') throw usernameTaken(input.username)
      throw e
    }
    const enrolment = await issueEnrolment(tx, userId, 'enrol', actor.userId, now)
    await provinceAudit(tx, provinceId, null, actor, 'user', null, { username: input.username, displayName: input.displayName, role: input.role }, now)
    return { username: input.username, displayName: input.displayName, role: input.role, units: [], commune: null, enrolment }
  })
}

async function setUnits(tx: Queryable, userId: number, unitIds: readonly number[]): Promise<void> {
  await tx.query('DELETE FROM user_units WHERE user_id = $1 AND NOT (unit_id = ANY($2::bigint[]))', [userId, [...unitIds]])
  await tx.query('INSERT INTO user_units (user_id, unit_id) SELECT $1, u FROM unnest($2::bigint[]) AS u ON CONFLICT DO NOTHING', [userId, [...unitIds]])
}

async function revokeSessions(tx: Queryable, userId: number, now: Date, keep: string | null = null): Promise<number> {
  const r = await tx.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND token_hash IS DISTINCT FROM $3', [userId, now, keep])
  return r.rowCount
}

/**
 * Renames an account, changes a reporter's units, or (de)activates it. Deactivating signs it out
 * of every device for good: reactivating does not bring those sessions back.
 */
export async function updateAccount(db: Db, actor: Actor, communeId: number, username: string, change: AccountChange, now: Date): Promise<{ account: AccountView; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const user = await lockUser(tx, communeId, username)
    const userId = Number(user.id)
    if (change.active === false && userId === actor.userId) throw conflict('cannot_deactivate_self')
    const oldUnits = user.units ?? []
    if (change.units !== undefined) {
      const units = await unitsForRole(tx, communeId, user.role, change.units)
      await setUnits(tx, userId, [...units.values()])
      // A unit newly given to a reporter is stamped, so that their phone's next pull brings it.
      const added = [...units.entries()].filter(([code]) => !oldUnits.includes(code)).map(([, id]) => id)
      if (added.length > 0) await tx.query('UPDATE units SET version = $2 WHERE id = ANY($1::bigint[])', [added, version])
    }
    const active = change.active ?? user.active
    await tx.query('UPDATE users SET display_name = $2, active = $3 WHERE id = $1', [userId, change.displayName ?? user.display_name, active])
    if (!active) await revokeSessions(tx, userId, now)
    const account = await accountView(tx, communeId, userId)
    const old = auditOf({ username: user.username, displayName: user.display_name, role: user.role, units: oldUnits, active: user.active })
    await writeAudit(tx, communeId, actor, { entity: 'user', old, new: auditOf(account) }, now)
    return { account, version }
  })
}

/**
 * Sets a new password (already hashed) and signs the account out of every device: whoever knew
 * the old one is out. Resetting one's own keeps the session it was done from. Clears the
 * failed sign-ins so the new password works at once.
 */
export async function resetPassword(db: Db, actor: Actor, communeId: number, username: string, passwordHash: string, now: Date): Promise<{ username: string; sessionsRevoked: number; version: number }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const user = await lockUser(tx, communeId, username)
    const userId = Number(user.id)
    await tx.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash])
    const sessionsRevoked = await revokeSessions(tx, userId, now, userId === actor.userId ? actor.sessionHash : null)
    await tx.query('DELETE FROM login_throttle WHERE username = $1', [user.username])
    await writeAudit(tx, communeId, actor, { entity: 'user', old: { username: user.username }, new: { username: user.username, passwordReset: true, sessionsRevoked } }, now)
    return { username: user.username, sessionsRevoked, version }
  })
}
