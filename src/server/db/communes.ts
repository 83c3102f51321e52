// Reads of communes and their units for the API: what an actor may see of them.
import type { CommunePlan, CommuneSummary } from '../../shared/api'
import type { Commune, Unit } from '../../shared/model'
import { validatePlan } from '../../shared/validation'
import type { Actor } from '../auth/actor'
import { readPlan } from './plans'
import type { Queryable } from './types'

export type { CommunePlan, CommuneSummary } from '../../shared/api'

export async function listCommunes(q: Queryable, actor: Actor): Promise<CommuneSummary[]> {
  const r = await q.query<{ code: string; name: string; kind: Commune['kind']; district: string; province: string; year: number | null; title: string | null; indicators: number; units: number }>(
    `SELECT c.code, c.name, c.kind, c.district, c.province, p.year, p.header->>'title' AS title,
            (SELECT count(*)::int FROM indicators i WHERE i.plan_id = p.id AND NOT i.deleted) AS indicators,
            (SELECT count(*)::int FROM units u WHERE u.commune_id = c.id AND u.active) AS units
       FROM communes c
       LEFT JOIN LATERAL (SELECT id, year, header FROM plans WHERE commune_id = c.id ORDER BY year DESC LIMIT 1) p ON true
      WHERE $1::bigint IS NULL OR c.id = $1
      ORDER BY c.name`,
    [actor.role === 'admin' ? null : actor.communeId],
  )
  return r.rows.map((c) => ({
    code: c.code,
    name: c.name,
    kind: c.kind,
    district: c.district,
    province: c.province,
    planYear: c.year,
    planTitle: c.title,
    indicatorCount: Number(c.indicators),
    unitCount: Number(c.units),
  }))
}

/** The plan of `year` (default: the latest), the units the actor may see, and the plan's issues. */
export async function planView(q: Queryable, actor: Actor, communeId: number, year: number | undefined): Promise<CommunePlan | undefined> {
  const years = (await q.query<{ year: number }>('SELECT year FROM plans WHERE commune_id = $1 ORDER BY year DESC', [communeId])).rows.map((r) => r.year)
  const chosen = year ?? years[0]
  if (chosen === undefined) return undefined
  const found = await readPlan(q, communeId, chosen)
  if (!found) return undefined
  const commune = (await q.query<Commune>('SELECT code, name, kind, district, province FROM communes WHERE id = $1', [communeId])).rows[0]!
  const units = await q.query<{ id: number; code: string; name: string; kind: Unit['kind']; parent_code: string | null; active: boolean }>(
    'SELECT id, code, name, kind, parent_code, active FROM units WHERE commune_id = $1 ORDER BY id',
    [communeId],
  )
  const all = units.rows.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...(u.parent_code ? { parent: u.parent_code } : {}), active: u.active }))
  const visible = actor.role === 'reporter' ? all.filter((_, i) => actor.unitIds.has(Number(units.rows[i]!.id))) : all
  return { commune, units: visible, plan: found.plan, version: found.version, years, issues: validatePlan(found.plan, all) }
}
