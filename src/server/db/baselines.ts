// Starting figures a plan's growth and reduction targets are measured from, suggested from the
// figures the app already holds: a reduction starts from last year's year-end level, a growth from
// the base year's figure. Only from the same indicator (shared/sameIndicator) and only approved
// figures; the officer checks them and saves them into the plan (target.baseline / baseValue for
// the commune, indicator.baselines for each unit).
import type { BaselineSuggestion } from '../../shared/api'
import type { Indicator, Target } from '../../shared/model'
import { sameIndicator } from '../../shared/sameIndicator'
import { notFound, say } from '../errors'
import { readPlan } from './plans'
import { loadResults } from './results'
import type { Queryable } from './types'

/** The year a target's starting figure belongs to: last year for a reduction, the base year for a growth. */
function startingYear(target: Target | undefined, year: number): { kind: BaselineSuggestion['kind']; fromYear: number } | undefined {
  if (target?.kind === 'reduce_by') return { kind: 'start', fromYear: year - 1 }
  if (target?.kind === 'growth') return { kind: 'base', fromYear: target.baseYear }
  return undefined
}

/** Every indicator whose target (the commune's, else a unit's) is measured from a starting figure. */
function measuredFromStart(ind: Indicator, year: number): { kind: BaselineSuggestion['kind']; fromYear: number } | undefined {
  return startingYear(ind.target, year) ?? Object.values(ind.unitTargets ?? {}).map((t) => startingYear(t, year)).find((x) => x !== undefined)
}

export async function suggestBaselines(q: Queryable, communeId: number, year: number, now: Date): Promise<BaselineSuggestion[]> {
  const found = await readPlan(q, communeId, year)
  if (!found) throw notFound(say('no_plan_of_year', { year }))
  const wanted = found.plan.indicators.flatMap((ind) => {
    const start = measuredFromStart(ind, year)
    return start ? [{ ind, ...start }] : []
  })
  const years = [...new Set(wanted.map((w) => w.fromYear))].filter((y) => y < year)
  const results = new Map<number, Awaited<ReturnType<typeof loadResults>>>()
  for (const y of years) {
    if (!(await readPlan(q, communeId, y))) continue
    // A past year's figures run to its end (the latest period that has ended).
    results.set(y, await loadResults(q, communeId, { year: y }, now))
  }
  return wanted.map(({ ind, kind, fromYear }) => {
    const r = results.get(fromYear)?.indicators.find((i) => i.code === ind.code)
    if (!r || !sameIndicator(r, ind)) return { indicator: ind.code, kind, fromYear, commune: null, units: {} }
    const units: Record<string, number> = {}
    for (const u of r.byUnit) if (u.actual !== null) units[u.unit] = u.actual
    return { indicator: ind.code, kind, fromYear, commune: r.actual, units }
  })
}
