// Request budgets kept in the database, so that they hold across every instance behind the
// load balancer (an in-memory counter would give each instance its own budget). A budget is
// `max` hits per fixed window per (bucket, key); one upsert counts and reads in one step.
import { HttpError, type Refusal, say } from '../errors'
import type { Queryable } from './types'

export interface RateLimit {
  /** What is limited: `export`, `login-ip`. */
  bucket: string
  max: number
  windowMs: number
}

/** Windows older than this are deleted when a new window starts: no budget is that long. */
const KEEP_MS = 24 * 60 * 60 * 1000

function windowStart(limit: RateLimit, now: Date): Date {
  return new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs)
}

/** Counts one hit of `key` and answers whether it is within the budget (the hit counts either way). */
export async function hit(q: Queryable, limit: RateLimit, key: string, now: Date): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const start = windowStart(limit, now)
  const r = await q.query<{ hits: number }>(
    `INSERT INTO rate_limits (bucket, key, window_start, hits) VALUES ($1, $2, $3, 1)
     ON CONFLICT (bucket, key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
     RETURNING hits`,
    [limit.bucket, key, start],
  )
  const hits = Number(r.rows[0]!.hits)
  // The first hit of a window clears the windows nobody needs any more.
  if (hits === 1) await q.query('DELETE FROM rate_limits WHERE window_start < $1', [new Date(now.getTime() - KEEP_MS)])
  return { allowed: hits <= limit.max, retryAfterSeconds: Math.max(1, Math.ceil((start.getTime() + limit.windowMs - now.getTime()) / 1000)) }
}

/** How many hits `key` has made in the current window, without counting one. */
export async function hitsSoFar(q: Queryable, limit: RateLimit, key: string, now: Date): Promise<number> {
  const r = await q.query<{ hits: number }>('SELECT hits FROM rate_limits WHERE bucket = $1 AND key = $2 AND window_start = $3', [limit.bucket, key, windowStart(limit, now)])
  return Number(r.rows[0]?.hits ?? 0)
}

/** Counts a hit and refuses with 429 `{code, message}` when the budget is spent. */
export async function enforce(q: Queryable, limit: RateLimit, key: string, now: Date, text: string | Refusal = say('too_many_requests')): Promise<void> {
  const r = await hit(q, limit, key, now)
  if (!r.allowed) throw new HttpError(429, 'too_many_requests', text, { retryAfterSeconds: r.retryAfterSeconds })
}
