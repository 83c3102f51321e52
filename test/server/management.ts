// Helpers shared by the officer's management API tests: the refusal shape and the footprint a
// refused request must leave unchanged.
import { expect } from 'vitest'
import type { LightMyRequestResponse } from 'fastify'
import type { Db } from '../../src/server/db/types'

/** Everything a management write could change: a refusal leaves it exactly as it was. */
export async function footprint(db: Db): Promise<Record<string, unknown>> {
  const r = await db.query(`SELECT
      (SELECT sum(version)::int FROM communes) AS versions,
      (SELECT count(*)::int FROM plans) AS plans,
      (SELECT md5(coalesce(string_agg(header::text || version, ',' ORDER BY id), '')) FROM plans) AS plan_headers,
      (SELECT md5(coalesce(string_agg(code || def::text || deleted || version, ',' ORDER BY id), '')) FROM fields) AS fields,
      (SELECT md5(coalesce(string_agg(code || def::text || deleted || version, ',' ORDER BY id), '')) FROM indicators) AS indicators,
      (SELECT md5(coalesce(string_agg(code || deadline || locked || version, ',' ORDER BY id), '')) FROM periods) AS periods,
      (SELECT md5(coalesce(string_agg(code || name || kind || coalesce(parent_code, '-') || active || version, ',' ORDER BY id), '')) FROM units) AS units,
      (SELECT md5(coalesce(string_agg(username || display_name || role || active || coalesce(password_hash, '-'), ',' ORDER BY id), '')) FROM users) AS users,
      (SELECT md5(coalesce(string_agg(code || name || kind || coalesce(admin_code, '-') || coalesce(merged_into::text, '-'), ',' ORDER BY id), '')) FROM communes) AS communes,
      (SELECT md5(coalesce(string_agg(code || name, ',' ORDER BY id), '')) FROM provinces) AS provinces,
      (SELECT md5(coalesce(string_agg(token_hash || coalesce(used_at::text, '-') || coalesce(revoked_at::text, '-'), ',' ORDER BY token_hash), '')) FROM enrolments) AS enrolments,
      (SELECT md5(coalesce(string_agg(user_id || ':' || unit_id, ',' ORDER BY user_id, unit_id), '')) FROM user_units) AS user_units,
      (SELECT count(*)::int FROM sessions WHERE revoked_at IS NOT NULL) AS revoked,
      (SELECT count(*)::int FROM cell_values) AS cells,
      (SELECT count(*)::int FROM reports) AS reports,
      (SELECT count(*)::int FROM audit) AS audit`)
  return r.rows[0]!
}

/**
 * A refusal: the status, and `{ code, message }` as JSON, in Vietnamese, with nothing else but the
 * wording's `key` and `params` (shared/errors.ts) and `details` when given.
 */
export function expectRefusal(res: LightMyRequestResponse, status: number, code: string): void {
  expect(res.statusCode, res.body).toBe(status)
  expect(res.headers['content-type']).toMatch(/application\/json/)
  const body = res.json<Record<string, unknown>>()
  expect(body).toMatchObject({ code, message: expect.any(String) })
  expect(Object.keys(body).filter((k) => !['details', 'key', 'params'].includes(k)).sort()).toEqual(['code', 'message'])
  if ('params' in body) expect(body.key).toBeTypeOf('string')
  expect(body.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýộệếềểễấầẩẫậắằẳẵặ]/i)
}
