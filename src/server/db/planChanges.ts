// The officer's changes to a commune's plans: create, replace or delete a year's plan, add,
// replace or delete one indicator. Each is one versioned transaction with an audit entry, and
// each is refused when the plan it would leave does not hold together.
import { valueKindOf, type Indicator, type Plan } from '../../shared/model'
import { scoringIssues } from '../../shared/scoring'
import { blocksPlan, validatePlan, type ValidationIssue } from '../../shared/validation'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import { writeAudit } from './audit'
import { deleteUnusedYearPeriods, insertYearPeriods } from './periods'
import { assemble, readPlan, writePlan } from './plans'
import type { Db, Queryable } from './types'
import { communeUnits } from './units'
import { bumpVersion } from './versions'

export interface PlanChangeResult {
  year: number
  version: number
  /** What the plan still carries that does not block it (its own arithmetic slips), to show. */
  issues: ValidationIssue[]
}


/** The plan's issues when it may be saved; a 422 listing all of them when one blocks it. */
async function checkPlan(q: Queryable, communeId: number, plan: Plan): Promise<ValidationIssue[]> {
  // The scoring table names indicators of the plan (a deleted indicator still in it is refused).
  const issues = [...validatePlan(plan, await communeUnits(q, communeId)), ...scoringIssues(plan)]
  const blocking = issues.filter(blocksPlan)
  if (blocking.length === 0) return issues
  const more = blocking.length > 1 ? ` (và ${blocking.length - 1} lỗi khác)` : ''
  throw new HttpError(422, 'invalid_plan', say('invalid_plan', { count: blocking.length }, `Kế hoạch chưa hợp lệ: ${blocking[0]!.message}${more}`), issues)
}

const noPlan = (year: number) => notFound(say('no_plan_of_year', { year }))

/**
 * Refuses to change the shape of an indicator's values (a number, a numerator and denominator,
 * a yes/no) once figures were entered for it: the stored figures would no longer read right.
 */
async function guardValueShapes(q: Queryable, communeId: number, plan: Plan): Promise<void> {
  const r = await q.query<{ def: Indicator }>(
    `SELECT i.def FROM indicators i JOIN plans p ON p.id = i.plan_id
      WHERE p.commune_id = $1 AND p.year = $2
        AND EXISTS (SELECT 1 FROM cell_values c WHERE c.indicator_id = i.id AND c.data IS NOT NULL)`,
    [communeId, plan.year],
  )
  for (const { def } of r.rows) {
    const next = plan.indicators.find((i) => i.code === def.code)
    if (next && valueKindOf(next) !== valueKindOf(def)) {
      throw conflict('indicator_in_use', { name: def.name, from: valueKindOf(def), to: valueKindOf(next) })
    }
  }
}

/** A plan for a year that has none yet, with that year's reporting periods. */
export async function createPlan(db: Db, actor: Actor, communeId: number, plan: Plan, now: Date): Promise<PlanChangeResult> {
  return db.transaction(async (tx) => createPlanIn(tx, actor, communeId, plan, await bumpVersion(tx, communeId), now))
}

/** createPlan within a transaction that took `version`. */
export async function createPlanIn(tx: Queryable, actor: Actor, communeId: number, plan: Plan, version: number, now: Date): Promise<PlanChangeResult> {
  if (await readPlan(tx, communeId, plan.year)) throw conflict('plan_exists', { year: plan.year })
  const issues = await checkPlan(tx, communeId, plan)
  await writePlan(tx, communeId, plan, version)
  await insertYearPeriods(tx, communeId, plan, version)
  await writeAudit(tx, communeId, actor, { entity: 'plan', old: null, new: plan }, now)
  return { year: plan.year, version, issues }
}

/**
 * Replaces a year's plan whole. Fields and indicators left out are marked deleted (their values
 * stay); a phase added brings its period.
 */
export async function replacePlan(db: Db, actor: Actor, communeId: number, plan: Plan, now: Date): Promise<PlanChangeResult> {
  return db.transaction(async (tx) => replacePlanIn(tx, actor, communeId, plan, await bumpVersion(tx, communeId), now))
}

/** replacePlan within a transaction that took `version`. */
export async function replacePlanIn(tx: Queryable, actor: Actor, communeId: number, plan: Plan, version: number, now: Date): Promise<PlanChangeResult> {
  const old = await readPlan(tx, communeId, plan.year)
  if (!old) throw noPlan(plan.year)
  const issues = await checkPlan(tx, communeId, plan)
  await guardValueShapes(tx, communeId, plan)
  await writePlan(tx, communeId, plan, version)
  await insertYearPeriods(tx, communeId, plan, version)
  await writeAudit(tx, communeId, actor, { entity: 'plan', old: old.plan, new: plan }, now)
  return { year: plan.year, version, issues }
}

/**
 * Deletes a plan nobody reported against, with the periods of its year nobody reported in.
 * The rows go: a phone that pulled the plan keeps it until it re-syncs from scratch.
 */
export async function deletePlan(db: Db, actor: Actor, communeId: number, year: number, now: Date): Promise<{ year: number; version: number; periodsRemoved: string[] }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const r = await tx.query<{ id: number; header: Omit<Plan, 'fields' | 'indicators'> }>('SELECT id, header FROM plans WHERE commune_id = $1 AND year = $2', [communeId, year])
    const row = r.rows[0]
    if (!row) throw noPlan(year)
    // A cleared cell keeps its row, so a row means a value was entered at some point.
    const used = await tx.query<{ used: boolean }>('SELECT EXISTS (SELECT 1 FROM cell_values c JOIN indicators i ON i.id = c.indicator_id WHERE i.plan_id = $1) AS used', [row.id])
    if (used.rows[0]?.used) throw conflict('plan_has_values', { year })
    const old = await assemble(tx, row)
    await tx.query('DELETE FROM plans WHERE id = $1', [row.id])
    const periodsRemoved = await deleteUnusedYearPeriods(tx, communeId, actor, year, now)
    await writeAudit(tx, communeId, actor, { entity: 'plan', old, new: null }, now)
    return { year, version, periodsRemoved }
  })
}

/** Adds an indicator to a year's plan (at the end), or replaces the one with its code in place. */
export async function putIndicator(db: Db, actor: Actor, communeId: number, year: number, indicator: Indicator, now: Date): Promise<PlanChangeResult & { created: boolean }> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const found = await readPlan(tx, communeId, year)
    if (!found) throw noPlan(year)
    const indicators = found.plan.indicators
    const at = indicators.findIndex((i) => i.code === indicator.code)
    const next = at < 0 ? [...indicators, indicator] : indicators.map((i, n) => (n === at ? indicator : i))
    const plan = { ...found.plan, indicators: next }
    const issues = await checkPlan(tx, communeId, plan)
    await guardValueShapes(tx, communeId, plan)
    const planId = await writePlan(tx, communeId, plan, version)
    await writeAudit(tx, communeId, actor, { entity: 'plan', indicatorId: await indicatorId(tx, planId, indicator.code), old: indicators[at] ?? null, new: indicator }, now)
    return { year, version, issues, created: at < 0 }
  })
}

/** Marks an indicator of a year's plan deleted; its values stay. Refused while others refer to it. */
export async function deleteIndicator(db: Db, actor: Actor, communeId: number, year: number, code: string, now: Date): Promise<PlanChangeResult> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const found = await readPlan(tx, communeId, year)
    if (!found) throw noPlan(year)
    const old = found.plan.indicators.find((i) => i.code === code)
    if (!old) throw notFound(say('plan_has_no_indicator', { year, code }))
    const plan = { ...found.plan, indicators: found.plan.indicators.filter((i) => i.code !== code) }
    const issues = await checkPlan(tx, communeId, plan)
    const planId = await writePlan(tx, communeId, plan, version)
    await writeAudit(tx, communeId, actor, { entity: 'plan', indicatorId: await indicatorId(tx, planId, code), old, new: null }, now)
    return { year, version, issues }
  })
}

async function indicatorId(q: Queryable, planId: number, code: string): Promise<number> {
  const r = await q.query<{ id: number }>('SELECT id FROM indicators WHERE plan_id = $1 AND code = $2', [planId, code])
  return Number(r.rows[0]!.id)
}
