// The plan set-up screen's calls: a year's plan (or none), the commune's units, and the writes of
// src/server/routes/plans.ts. Failures reject with ApiRequestError (a Vietnamese message).
import { ApiRequestError, apiRequest, communePath, getCommunePlan, type CommunePlan } from '../../api'
import type { Indicator, Plan, Unit } from '../../../shared/model'
import type { ValidationIssue } from '../../../shared/validation'

/** What every plan write answers (db/planChanges.ts PlanChangeResult). */
export interface PlanChangeResult {
  year: number
  version: number
  issues: ValidationIssue[]
}

/** POST …/plans/:year/copy: the copy, and what must be entered again (base values, baselines). */
export interface PlanCopyResult extends PlanChangeResult {
  notes: string[]
}

export type SetupUnit = Unit & { active: boolean }

/** The plan of `year` (the latest when undefined), or null when the commune has none for it. */
export async function loadPlan(commune: string, year: number | undefined, signal?: AbortSignal): Promise<CommunePlan | null> {
  try {
    return await getCommunePlan(commune, year, signal)
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 404) return null
    throw err
  }
}

/** Every unit of the commune, active or not (a 404 here means the commune itself is unknown). */
export function loadUnits(commune: string, signal?: AbortSignal): Promise<SetupUnit[]> {
  return apiRequest(communePath(commune, 'units'), { signal })
}

export function createPlan(commune: string, plan: Plan): Promise<PlanChangeResult> {
  return apiRequest(communePath(commune, 'plans'), { method: 'POST', body: plan })
}

export function replacePlan(commune: string, plan: Plan): Promise<PlanChangeResult> {
  return apiRequest(communePath(commune, `plans/${plan.year}`), { method: 'PUT', body: plan })
}

export function copyPlan(commune: string, year: number, from: number): Promise<PlanCopyResult> {
  return apiRequest(communePath(commune, `plans/${year}/copy`), { method: 'POST', body: { from } })
}

export function putIndicator(commune: string, year: number, indicator: Indicator): Promise<PlanChangeResult & { created: boolean }> {
  return apiRequest(communePath(commune, `plans/${year}/indicators/${encodeURIComponent(indicator.code)}`), { method: 'PUT', body: indicator })
}

export function deleteIndicator(commune: string, year: number, code: string): Promise<PlanChangeResult> {
  return apiRequest(communePath(commune, `plans/${year}/indicators/${encodeURIComponent(code)}`), { method: 'DELETE' })
}

/**
 * Changes the plan as it is on the server now (read first, so nothing another tab or person
 * saved meanwhile is dropped), then writes it whole. `change` may throw to refuse.
 */
export async function changePlan(commune: string, year: number, change: (plan: Plan) => Plan): Promise<PlanChangeResult> {
  const current = await getCommunePlan(commune, year)
  return replacePlan(commune, change(current.plan))
}
