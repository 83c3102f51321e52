// Signing in: a password check throttled per (username, client address) in the database, so
// that it holds across instances and cannot be raced, then a new device session.
//
// Why it cannot be raced: each attempt is counted as a failure, on the pair's locked row, before
// its password is checked (a success then forgets the pair); parallel attempts of one pair pass
// that gate one after another, and once MAX_FAILURES have passed the rest are refused unchecked.
// No lock is held while scrypt runs, so a flood of attempts ties up no database connection.
// Why a stranger cannot lock the owner out: the count is per client address, so failures from
// one address delay only that address (behind a reverse proxy set TRUST_PROXY, or every user
// shares the proxy's address). Delays grow: after MAX_FAILURES failures the pair is refused
// for one minute, then two, four… up to fifteen; a success from the pair forgets it.
import { randomUUID } from 'node:crypto'
import { hit, hitsSoFar, type RateLimit } from '../db/rateLimits'
import type { Db } from '../db/types'
import { HttpError, say } from '../errors'
import { dummyHash, verifyPassword } from './passwords'
import { createSession } from './sessions'

/** Failures of one (username, address) pair before it is refused for a while. */
export const MAX_FAILURES = 5
export const FIRST_BLOCK_MS = 60 * 1000
export const MAX_BLOCK_MS = 15 * 60 * 1000
/** A pair quiet for this long is forgotten (its row deleted), delays and all. */
export const FORGET_AFTER_MS = 24 * 60 * 60 * 1000
/** One address trying many usernames (password spraying): failures across all of them. */
export const ADDRESS_FAILURES: RateLimit = { bucket: 'login-failures', max: 50, windowMs: 15 * 60 * 1000 }

export interface LoginInput {
  username: string
  password: string
  deviceId?: string | undefined
  userAgent?: string | undefined
  ip?: string | undefined
}

/**
 * The client address as throttling counts it: an IPv4 address as it is (an IPv4-mapped IPv6
 * address too), an IPv6 address by its /64 network, since one machine is handed a whole /64 and
 * could otherwise try from a new address each time.
 */
export function clientKey(ip: string | undefined): string {
  if (!ip) return 'unknown'
  const address = ip.replace(/%.*$/, '').toLowerCase()
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)
  if (mapped) return mapped[1]!
  if (!address.includes(':')) return address
  const [head = '', tail] = address.split('::')
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`
}

/** How long the n-th block of a pair lasts (n ≥ 1). */
export function blockDuration(blocks: number): number {
  return Math.min(MAX_BLOCK_MS, FIRST_BLOCK_MS * 2 ** Math.min(blocks - 1, 20))
}

function refuse(until: Date, now: Date): HttpError {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000))
  return new HttpError(429, 'too_many_attempts', say('too_many_attempts', { minutes }), { retryAfterSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) })
}

export async function login(db: Db, input: LoginInput, now: Date): Promise<{ token: string; expiresAt: Date; deviceId: string }> {
  const username = input.username.trim().toLowerCase()
  const ip = clientKey(input.ip)
  if ((await hitsSoFar(db, ADDRESS_FAILURES, ip, now)) >= ADDRESS_FAILURES.max) {
    throw new HttpError(429, 'too_many_attempts', say('too_many_attempts_address'))
  }
  // The gate: count this attempt as a failure before the password is checked, in one short
  // transaction on the pair's locked row. At most MAX_FAILURES attempts are ever admitted
  // between two blocks, however many arrive at once; no lock is held during the check.
  const refused = await db.transaction(async (tx): Promise<HttpError | null> => {
    const r = await tx.query<{ failures: number; blocks: number; blocked_until: Date | null }>(
      `INSERT INTO login_throttle (username, ip, last_at) VALUES ($1, $2, $3)
       ON CONFLICT (username, ip) DO UPDATE SET last_at = EXCLUDED.last_at
       RETURNING failures, blocks, blocked_until`,
      [username, ip, now],
    )
    const row = r.rows[0]!
    const blockedUntil = row.blocked_until === null ? null : new Date(row.blocked_until)
    if (blockedUntil && blockedUntil > now) return refuse(blockedUntil, now)
    if (Number(row.failures) >= MAX_FAILURES) {
      // A full run admitted (its checks may still be running): the block starts here.
      const blocks = Number(row.blocks) + 1
      const until = new Date(now.getTime() + blockDuration(blocks))
      await tx.query('UPDATE login_throttle SET failures = 0, blocks = $3, blocked_until = $4 WHERE username = $1 AND ip = $2', [username, ip, blocks, until])
      return refuse(until, now)
    }
    await tx.query('UPDATE login_throttle SET failures = failures + 1 WHERE username = $1 AND ip = $2', [username, ip])
    return null
  })
  if (refused) throw refused

  const u = await db.query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = $1 AND active', [username])
  const user = u.rows[0]
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()))
  if (user && ok) {
    // A success forgets the pair's failures and delays.
    await db.query('DELETE FROM login_throttle WHERE username = $1 AND ip = $2', [username, ip])
    const deviceId = input.deviceId ?? randomUUID()
    const session = await createSession(db, Number(user.id), deviceId, input.userAgent, now)
    return { ...session, deviceId }
  }
  // The failure is counted already; the one that completes a run of MAX_FAILURES starts a block.
  await db.transaction(async (tx) => {
    const r = await tx.query<{ failures: number; blocks: number }>('SELECT failures, blocks FROM login_throttle WHERE username = $1 AND ip = $2 FOR UPDATE', [username, ip])
    const row = r.rows[0]
    if (!row || Number(row.failures) < MAX_FAILURES) return
    const blocks = Number(row.blocks) + 1
    await tx.query('UPDATE login_throttle SET failures = 0, blocks = $3, blocked_until = $4 WHERE username = $1 AND ip = $2', [username, ip, blocks, new Date(now.getTime() + blockDuration(blocks))])
  })
  await hit(db, ADDRESS_FAILURES, ip, now)
  // Old pairs are forgotten; rows still blocked stay whatever their age.
  await db.query('DELETE FROM login_throttle WHERE last_at < $1 AND (blocked_until IS NULL OR blocked_until < $2)', [new Date(now.getTime() - FORGET_AFTER_MS), now])
  throw new HttpError(401, 'invalid_credentials', say('invalid_credentials'))
}
