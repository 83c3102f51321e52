// Provinces and their communes (`provinces`, `communes`): created by the province's administrator,
// merged when the province merges them, listed with their progress on the province board.
import type { CommuneSummary, PlanStatus, ProvinceBoard, ProvinceBoardRow, ProvinceSummary } from '../../shared/api'
import type { NewCommune, NewProvince } from '../../shared/province'
import { vietnamDate } from '../../shared/results'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import { communeSummaries } from './communes'
import { loadCompleteness } from './completeness'
import type { Db, Queryable } from './types'
import { bumpVersion } from './versions'

const duplicate = (what: string, value: string): HttpError => conflict('duplicate_code', { what, code: value })

/** Unique violations become a 409 naming the field; anything else goes up as it is. */
function uniqueViolation(e: unknown, messages: Record<string, HttpError>): never {
  const err = e as { code?: string; constraint?: string }
  if (err.code === '23505') {
    const hit = Object.entries(messages).find(([constraint]) => err.constraint?.includes(constraint))
    if (hit) throw hit[1]
  }
  throw e
}

/** The provinces an actor sees: the system administrator all, a province account its own, anyone else none. */
export async function listProvinces(q: Queryable, actor: Actor): Promise<ProvinceSummary[]> {
  if (actor.role === 'admin') return provinceSummaries(q, null)
  return actor.provinceId === null ? [] : provinceSummaries(q, actor.provinceId)
}

async function provinceSummaries(q: Queryable, provinceId: number | null): Promise<ProvinceSummary[]> {
  const r = await q.query<{ code: string; name: string; admin_code: string | null; communes: number }>(
    `SELECT p.code, p.name, p.admin_code, (SELECT count(*)::int FROM communes c WHERE c.province_id = p.id) AS communes
       FROM provinces p WHERE $1::bigint IS NULL OR p.id = $1 ORDER BY p.name`,
    [provinceId],
  )
  return r.rows.map((p) => ({ code: p.code, name: p.name, adminCode: p.admin_code, communeCount: Number(p.communes) }))
}

export async function createProvince(db: Db, input: NewProvince): Promise<ProvinceSummary> {
  try {
    await db.query('INSERT INTO provinces (code, name, admin_code) VALUES ($1, $2, $3)', [input.code, input.name, input.adminCode ?? null])
  } catch (e) {
    uniqueViolation(e, { code: duplicate('Mã tỉnh', input.code), admin_code: duplicate('Mã đơn vị hành chính', input.adminCode ?? '') })
  }
  return { code: input.code, name: input.name, adminCode: input.adminCode ?? null, communeCount: 0 }
}

/**
 * The province a request names, if the actor may see it: the system administrator any, a province
 * account its own. Another province answers exactly as one that does not exist.
 */
export async function provinceOf(q: Queryable, actor: Actor, code: string): Promise<{ id: number; code: string; name: string }> {
  const r = await q.query<{ id: number; name: string }>('SELECT id, name FROM provinces WHERE code = $1', [code])
  const row = r.rows[0]
  if (!row || (actor.role !== 'admin' && actor.provinceId !== Number(row.id))) throw notFound(say('province_not_found'))
  return { id: Number(row.id), code, name: row.name }
}

/** Finds the province of a plan file by name, creating it (code from the name) when new. */
export async function provinceByName(tx: Queryable, name: string, code: string): Promise<number> {
  const found = await tx.query<{ id: number }>('SELECT id FROM provinces WHERE name = $1', [name])
  if (found.rows[0]) return Number(found.rows[0].id)
  const r = await tx.query<{ id: number }>(
    'INSERT INTO provinces (code, name) VALUES ($1, $2) ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id',
    [code, name],
  )
  return Number(r.rows[0]!.id)
}

export async function createCommune(db: Db, actor: Actor, provinceId: number, input: NewCommune, now: Date): Promise<CommuneSummary> {
  const id = await db.transaction(async (tx) => {
    let communeId: number
    try {
      const r = await tx.query<{ id: number }>(
        'INSERT INTO communes (code, name, kind, district, province_id, admin_code, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id',
        [input.code, input.name, input.kind, input.district ?? null, provinceId, input.adminCode ?? null, now],
      )
      communeId = Number(r.rows[0]!.id)
    } catch (e) {
      uniqueViolation(e, { code: duplicate('Mã xã/phường', input.code), admin_code: duplicate('Mã đơn vị hành chính', input.adminCode ?? '') })
    }
    await bumpVersion(tx, communeId)
    await provinceAudit(tx, provinceId, communeId, actor, 'commune', null, input, now)
    return communeId
  })
  return (await communeSummaries(db, { communeId: id }))[0]!
}

/**
 * Merges a commune into another of the same province (Resolution of the Standing Committee on
 * the 2025 reorganisation): the old commune's figures, plans and audit stay under its own name and
 * remain readable; it takes no more writes, and its accounts stop signing in.
 */
export async function mergeCommune(db: Db, actor: Actor, provinceId: number, code: string, intoCode: string, now: Date): Promise<CommuneSummary> {
  const id = await db.transaction(async (tx) => {
    const r = await tx.query<{ id: number; code: string; province_id: number; merged_into: number | null }>(
      'SELECT id, code, province_id, merged_into FROM communes WHERE code = ANY($1::text[]) FOR UPDATE',
      [[code, intoCode]],
    )
    const from = r.rows.find((c) => c.code === code)
    const into = r.rows.find((c) => c.code === intoCode)
    if (!from || Number(from.province_id) !== provinceId) throw notFound(say('commune_not_in_province', { code }))
    if (!into || Number(into.province_id) !== provinceId) throw new HttpError(422, 'unknown_commune', say('unknown_commune', { code: intoCode }))
    if (from.id === into.id) throw new HttpError(422, 'invalid', say('merge_into_itself'))
    if (from.merged_into !== null) throw conflict('already_merged', { code })
    if (into.merged_into !== null) throw new HttpError(422, 'unknown_commune', say('merge_into_merged', { code: intoCode }))
    await bumpVersion(tx, Number(from.id))
    await tx.query('UPDATE communes SET merged_into = $2, merged_at = $3 WHERE id = $1', [from.id, into.id, now])
    // Its people now work in the new commune: their old accounts stop, their sessions end.
    await tx.query('UPDATE users SET active = false WHERE commune_id = $1', [from.id])
    await tx.query('UPDATE sessions SET revoked_at = $2 WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE commune_id = $1)', [from.id, now])
    await provinceAudit(tx, provinceId, Number(from.id), actor, 'commune', { code, mergedInto: null }, { code, mergedInto: intoCode }, now)
    return Number(from.id)
  })
  return (await communeSummaries(db, { communeId: id }))[0]!
}

/** An audit row of a province-level change. */
export async function provinceAudit(tx: Queryable, provinceId: number, communeId: number | null, actor: Pick<Actor, 'userId' | 'deviceId'>, entity: 'commune' | 'province' | 'user', old: unknown, now_: unknown, at: Date): Promise<void> {
  await tx.query(
    'INSERT INTO audit (commune_id, province_id, entity, user_id, device_id, old, new, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [communeId, provinceId, entity, actor.userId, actor.deviceId, old === null ? null : JSON.stringify(old), now_ === null ? null : JSON.stringify(now_), at],
  )
}

/** Whether the commune of this code was merged into another: it takes no more writes. */
export async function isMerged(q: Queryable, communeCode: string): Promise<boolean> {
  const r = await q.query<{ merged: boolean }>('SELECT merged_into IS NOT NULL AS merged FROM communes WHERE code = $1', [communeCode])
  return r.rows[0]?.merged === true
}

/**
 * The province board: every commune with its plan status for `year`, the completeness of the
 * reporting period under way on `now`, and when anything was last written.
 */
export async function provinceBoard(q: Queryable, province: { id: number; code: string; name: string }, year: number, now: Date): Promise<ProvinceBoard> {
  const [summary] = await provinceSummaries(q, province.id)
  const communes = await communeSummaries(q, { provinceId: province.id })
  const ids = await q.query<{ code: string; id: number; has_plan: boolean; has_values: boolean; last: Date | null }>(
    `SELECT c.code, c.id,
            EXISTS (SELECT 1 FROM plans p WHERE p.commune_id = c.id AND p.year = $2) AS has_plan,
            EXISTS (SELECT 1 FROM cell_values v JOIN periods pe ON pe.id = v.period_id WHERE v.commune_id = c.id AND pe.year = $2 AND v.data IS NOT NULL) AS has_values,
            (SELECT max(a.at) FROM audit a WHERE a.commune_id = c.id) AS last
       FROM communes c WHERE c.province_id = $1`,
    [province.id, year],
  )
  const byCode = new Map(ids.rows.map((r) => [r.code, r]))
  const today = vietnamDate(now)
  const rows: ProvinceBoardRow[] = []
  for (const c of communes) {
    const info = byCode.get(c.code)!
    const planStatus: PlanStatus = !info.has_plan ? 'none' : info.has_values ? 'reporting' : 'set_up'
    let period: ProvinceBoardRow['period'] = null
    let expected = 0
    let submitted = 0
    if (info.has_plan) {
      const board = await loadCompleteness(q, Number(info.id), year, now)
      // The period under way: the latest one that has started by today.
      const current = [...board.periods].reverse().find((p) => p.from <= today) ?? board.periods[0]
      if (current) {
        period = { code: current.code, from: current.from, to: current.to, deadline: current.deadline }
        const cells = board.cells.filter((cell) => cell.period === current.code)
        expected = cells.length
        submitted = cells.filter((cell) => cell.status === 'submitted' || cell.status === 'approved').length
      }
    }
    rows.push({ ...c, planStatus, period, expected, submitted, lastActivityAt: info.last ? new Date(info.last).toISOString() : null })
  }
  return { province: summary!, year, communes: rows }
}
