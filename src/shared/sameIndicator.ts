// Whether a figure of an earlier plan year is the history of an indicator of this year's plan.
// An indicator's code is unique only within one year's plan: plan 2025's "1.1" may be a wholly
// different measure from plan 2026's "1.1". A plan copied from the year before keeps the code and
// the shape of each indicator, so Q4 of the earlier year is the previous period of Q1; a plan that
// reuses a code for another measure does not, and its figures are nobody's history here.
import { valueKindOf } from './aggregation'
import type { Indicator, Plan } from './model'

/** What makes two indicators of different plan years the same measure. */
export type IndicatorShape = Pick<Indicator, 'code' | 'aggregation' | 'unitOfMeasure' | 'scale'>

const norm = (s: string): string => s.trim().toLocaleLowerCase('vi')

/** The scale a figure is read at: a rate's (100, %, by default); nothing for the other kinds. */
const scaleOf = (i: IndicatorShape): number | undefined => (i.aggregation === 'rate' ? (i.scale ?? 100) : undefined)

/**
 * True when `earlier` (an indicator of an earlier plan year) is the same measure as `current`: the
 * same code, the same aggregation (so its figures add up over time and across units the same way),
 * the same unit of measure (trimmed, case-insensitive: "Tấn" is "tấn"), the same scale for a rate
 * (% against ‰) and so the same kind of value. A copied plan keeps all of these; another indicator
 * that reuses the code almost always differs in one (and one that matches in all is read the same
 * way, so its figures compare). `undefined` (the earlier plan has no such code): false.
 */
export function sameIndicator(earlier: IndicatorShape | undefined, current: IndicatorShape): boolean {
  if (!earlier) return false
  return (
    earlier.code === current.code &&
    earlier.aggregation === current.aggregation &&
    norm(earlier.unitOfMeasure) === norm(current.unitOfMeasure) &&
    scaleOf(earlier) === scaleOf(current) &&
    valueKindOf(earlier) === valueKindOf(current)
  )
}

/** The commune's plans by year, as far as they are known here (a whole plan, or its indicators' shapes). */
export type PlansByYear = ReadonlyMap<number, { readonly indicators: readonly IndicatorShape[] } | Pick<Plan, 'indicators'>>

/**
 * Whether a figure stored under `current.code` in a period of `year` counts as the history of
 * `current`, an indicator of the plan of `currentYear`: always within the same year (one plan);
 * in another year only when that year's plan holds the same indicator (`sameIndicator`). No plan
 * known for that year: false (nothing says the figure measures the same thing).
 */
export function countsAsHistory(plans: PlansByYear, currentYear: number, current: IndicatorShape, year: number): boolean {
  if (year === currentYear) return true
  const plan = plans.get(year)
  return plan ? sameIndicator(plan.indicators.find((i) => i.code === current.code), current) : false
}
