// Reads of communes and their units for the API: what an actor may see of them.
import type { CommunePlan, CommuneSummary } from '../../shared/api'
import type { Commune, Unit } from '../../shared/model'
import { validatePlan } from '../../shared/validation'
import { isProvinceRole, type Actor } from '../auth/actor'
import { readPlan } from './plans'
import type { Queryable } from './types'

export type { CommunePlan, CommuneSummary } from '../../shared/api'

/** The columns of a commune as the API shows it, joined with its province (`c` and `pr`). */
export const COMMUNE_COLUMNS = `c.code, c.name, c.kind, c.district, pr.name AS province, pr.code AS province_code, c.admin_code,
  (SELECT json_build_object('code', m.code, 'name', m.name) FROM communes m WHERE m.id = c.merged_into) AS merged_into`

export interface CommuneRow {
  code: string
  name: string
  kind: Commune['kind']
  district: string | null
  province: string
  province_code: string
  admin_code: string | null
  merged_into: { code: string; name: string } | null
}

/** A commune as plan files and exports carry it (district only when it has one). */
export function communeOfRow(r: CommuneRow): Commune {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    province: r.province,
    ...(r.district ? { district: r.district } : {}),
    ...(r.admin_code ? { adminCode: r.admin_code } : {}),
  }
}

export async function readCommune(q: Queryable, communeId: number): Promise<Commune> {
  const r = await q.query<CommuneRow>(`SELECT ${COMMUNE_COLUMNS} FROM communes c JOIN provinces pr ON pr.id = c.province_id WHERE c.id = $1`, [communeId])
  return communeOfRow(r.rows[0]!)
}

export function summaryOfRow(r: CommuneRow & { year: number | null; title: string | null; indicators: number; units: number }): CommuneSummary {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    district: r.district,
    province: r.province,
    provinceCode: r.province_code,
    adminCode: r.admin_code,
    mergedInto: r.merged_into,
    planYear: r.year,
    planTitle: r.title,
    indicatorCount: Number(r.indicators),
    unitCount: Number(r.units),
  }
}

/** Communes with their latest plan, filtered by id and by province (null: no filter). */
export async function communeSummaries(q: Queryable, filter: { communeId?: number | null; provinceId?: number | null }): Promise<CommuneSummary[]> {
  const r = await q.query<CommuneRow & { year: number | null; title: string | null; indicators: number; units: number }>(
    `SELECT ${COMMUNE_COLUMNS}, p.year, p.header->>'title' AS title,
            (SELECT count(*)::int FROM indicators i WHERE i.plan_id = p.id AND NOT i.deleted) AS indicators,
            (SELECT count(*)::int FROM units u WHERE u.commune_id = c.id AND u.active) AS units
       FROM communes c
       JOIN provinces pr ON pr.id = c.province_id
       LEFT JOIN LATERAL (SELECT id, year, header FROM plans WHERE commune_id = c.id ORDER BY year DESC LIMIT 1) p ON true
      WHERE ($1::bigint IS NULL OR c.id = $1) AND ($2::bigint IS NULL OR c.province_id = $2)
      ORDER BY c.name, c.code`,
    [filter.communeId ?? null, filter.provinceId ?? null],
  )
  return r.rows.map(summaryOfRow)
}

/** The communes an actor sees: the administrator all, a province account its province's, anyone else their own. */
export async function listCommunes(q: Queryable, actor: Actor): Promise<CommuneSummary[]> {
  if (actor.role === 'admin') return communeSummaries(q, {})
  if (isProvinceRole(actor.role)) return communeSummaries(q, { provinceId: actor.provinceId ?? -1 })
  return communeSummaries(q, { communeId: actor.communeId ?? -1 })
}

/** The plan of `year` (default: the latest), the units the actor may see, and the plan's issues. */
export async function planView(q: Queryable, actor: Actor, communeId: number, year: number | undefined): Promise<CommunePlan | undefined> {
  const years = (await q.query<{ year: number }>('SELECT year FROM plans WHERE commune_id = $1 ORDER BY year DESC', [communeId])).rows.map((r) => r.year)
  const chosen = year ?? years[0]
  if (chosen === undefined) return undefined
  const found = await readPlan(q, communeId, chosen)
  if (!found) return undefined
  const commune = await readCommune(q, communeId)
  const units = await q.query<{ id: number; code: string; name: string; kind: Unit['kind']; parent_code: string | null; active: boolean }>(
    'SELECT id, code, name, kind, parent_code, active FROM units WHERE commune_id = $1 ORDER BY id',
    [communeId],
  )
  const all = units.rows.map((u) => ({ code: u.code, name: u.name, kind: u.kind, ...(u.parent_code ? { parent: u.parent_code } : {}), active: u.active }))
  const visible = actor.role === 'reporter' ? all.filter((_, i) => actor.unitIds.has(Number(units.rows[i]!.id))) : all
  return { commune, units: visible, plan: found.plan, version: found.version, years, issues: validatePlan(found.plan, all) }
}
