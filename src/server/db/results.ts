// The commune's results for a year: loads the plan, the units, the periods and the values that
// count (by basis), and hands them to the pure computation in shared/results.ts.
import type { PlanResults, ResultsBasis } from '../../shared/api'
import type { Commune, Period, Plan, ValueData } from '../../shared/model'
import { computeResults, vietnamDate, ytdKind, type ResultsUnit, type ResultsValue } from '../../shared/results'
import { phaseEnd } from '../../shared/periods'
import { conflict, notFound, say } from '../errors'
import { yearPeriodsOf } from './periods'
import { readPlan } from './plans'
import { readCommune } from './communes'
import type { Queryable } from './types'

export interface ResultsOptions {
  year?: number
  /** A period code of the year: the figures run to its end. */
  period?: string
  /** A phase (đợt) of the plan, `DOT1` or `2024-DOT1`: the figures run to its end. */
  phase?: string
  basis?: ResultsBasis
}

export async function communeOfId(q: Queryable, communeId: number): Promise<Commune> {
  const r = await q.query<{ id: number }>('SELECT id FROM communes WHERE id = $1', [communeId])
  if (!r.rows[0]) throw notFound(say('commune_not_found'))
  return readCommune(q, communeId)
}

/** The year asked for, else the commune's latest plan; 404 when there is none. */
export async function planOfYear(q: Queryable, communeId: number, year: number | undefined): Promise<Plan> {
  let chosen = year
  if (chosen === undefined) {
    const r = await q.query<{ year: number }>('SELECT max(year) AS year FROM plans WHERE commune_id = $1', [communeId])
    const latest = r.rows[0]?.year
    if (latest === null || latest === undefined) throw notFound(say('no_plan'))
    chosen = Number(latest)
  }
  const found = await readPlan(q, communeId, chosen)
  if (!found) throw notFound(say('no_plan_of_year', { year: chosen }))
  return found.plan
}

export async function allUnits(q: Queryable, communeId: number): Promise<ResultsUnit[]> {
  const r = await q.query<ResultsUnit>('SELECT code, name, kind, active FROM units WHERE commune_id = $1 ORDER BY id', [communeId])
  return r.rows
}

const BASIS_STATUSES: Record<ResultsBasis, readonly string[] | null> = {
  approved: ['approved'],
  submitted: ['submitted', 'approved'],
  all: null,
}

/** The values of a year's plan that count for the basis: of approved reports, of submitted ones too, or every value typed. */
async function yearValues(q: Queryable, communeId: number, year: number, basis: ResultsBasis): Promise<ResultsValue[]> {
  const statuses = BASIS_STATUSES[basis]
  const r = await q.query<{ unit: string; period: string; indicator: string; data: ValueData }>(
    `SELECT u.code AS unit, p.code AS period, i.code AS indicator, c.data
       FROM cell_values c
       JOIN units u ON u.id = c.unit_id
       JOIN periods p ON p.id = c.period_id
       JOIN indicators i ON i.id = c.indicator_id
       JOIN plans pl ON pl.id = i.plan_id
       LEFT JOIN reports r ON r.unit_id = c.unit_id AND r.period_id = c.period_id
      WHERE c.commune_id = $1 AND p.year = $2 AND pl.commune_id = $1 AND pl.year = $2 AND NOT i.deleted AND c.data IS NOT NULL
        AND ($3::text[] IS NULL OR r.status = ANY($3::text[]))`,
    [communeId, year, statuses],
  )
  return r.rows
}

/** The results of a year's plan; the figures run to the period or phase asked for, else to the latest period ended by today. */
export async function loadResults(q: Queryable, communeId: number, opts: ResultsOptions, now: Date): Promise<PlanResults> {
  let year = opts.year
  // A period or phase code that carries its year (`2024-Q2`) chooses the plan when no year is given.
  if (year === undefined && opts.period !== undefined) {
    const r = await q.query<{ year: number }>('SELECT year FROM periods WHERE commune_id = $1 AND code = $2', [communeId, opts.period])
    if (!r.rows[0]) throw notFound(say('period_not_found', { code: opts.period }))
    year = Number(r.rows[0].year)
  }
  const plan = await planOfYear(q, communeId, year)
  const basis = opts.basis ?? 'approved'
  const [commune, units, periods, values] = await Promise.all([
    communeOfId(q, communeId),
    allUnits(q, communeId),
    yearPeriodsOf(q, communeId, plan.year),
    yearValues(q, communeId, plan.year, basis),
  ])
  const asOf = chooseAsOf(plan, periods, values, opts, now)
  return computeResults({ commune, plan, units, periods, values, asOf, basis, now })
}

function chooseAsOf(plan: Plan, periods: readonly Period[], values: readonly ResultsValue[], opts: ResultsOptions, now: Date): Pick<Period, 'code' | 'kind' | 'from' | 'to'> | null {
  if (opts.period !== undefined) {
    const p = periods.find((x) => x.code === opts.period)
    if (!p) throw notFound(say('plan_has_no_period', { year: plan.year, code: opts.period }))
    return p
  }
  if (opts.phase !== undefined) {
    const code = opts.phase.startsWith(`${plan.year}-`) ? opts.phase.slice(String(plan.year).length + 1) : opts.phase
    const phase = plan.phases.find((x) => x.code === code)
    if (!phase) throw notFound(say('plan_has_no_phase', { year: plan.year, code: opts.phase }))
    const period = periods.find((x) => x.kind === 'phase' && x.code === `${plan.year}-${phase.code}`)
    if (period) return period
    if (phase.from === undefined) throw conflict('phase_not_open', { name: phase.name })
    return { code: `${plan.year}-${phase.code}`, kind: 'phase', from: phase.from, to: phaseEnd(plan.year, phase) }
  }
  // Default: the latest period (of the kind the year to date is built from) that has ended by
  // today and has figures: a plan with only Q1 reported opens on Q1, not on a Q4 of nothing.
  const today = vietnamDate(now)
  const kind = ytdKind(periods, values.map((v) => v.period))
  const ended = periods.filter((p) => p.kind === kind && p.to <= today)
  const reported = new Set(values.map((v) => v.period))
  return [...ended].reverse().find((p) => reported.has(p.code)) ?? ended.at(-1) ?? null
}
