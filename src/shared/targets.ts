// Target evaluation: a figure against one of the nine target kinds. Pure: everything the
// evaluation depends on (the figure, how far into the year it reaches) is an argument.
import type { Aggregation, Indicator, Period, Target } from './model'

/** vượt / đạt / chưa đạt / không đạt, plus the two states where no verdict is possible yet. */
export type TargetStatus = 'exceeded' | 'achieved' | 'not_yet' | 'failed' | 'no_data' | 'no_baseline'

export interface ShareResult {
  indicator: string
  percent: number
  target: number
  within: boolean
}

export interface TargetEvaluation {
  status: TargetStatus
  /** How much of the target is done; 1 means met. Null when no figure can be compared. */
  progress: number | null
  /** Whether the figure so far keeps pace with the annual target. Null when not applicable. */
  onPace: boolean | null
  /** For a flow: what the pace requires at this point of the year, in the indicator's unit. */
  expectedToDate?: number
  /** growth: the change over the base year, in %. */
  growthPercent?: number
  /** reduce_by: the reduction from the baseline so far (in % of the baseline when the target is relative). */
  reduction?: number
  /** shares: each part's share of the whole. */
  shares?: ShareResult[]
}

/** What was achieved, in the indicator's unit (a rate already scaled to % or ‰). */
export interface TargetActual {
  value?: number
  achieved?: boolean
  /** shares: the amount of each part, by indicator code. */
  parts?: ReadonlyMap<string, number>
}

export interface EvaluationContext {
  aggregation: Aggregation
  /** Share of the year the figure covers: 0.25 after Q1, 1 when the year is complete. */
  yearFraction: number
  /** derived: the target computed from the inputs' targets, used when the plan states none. */
  derivedTarget?: number
}

const EPS = 1e-9

function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b))
}

/** Share of the year covered by a period ending on `to` (month-based: 30/06 is exactly one half). */
export function yearFractionAt(year: number, to: string): number {
  const [y, m, d] = to.split('-').map(Number) as [number, number, number]
  if (y < year) return 0
  if (y > year) return 1
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return Math.min(1, (m - 1 + d / daysInMonth) / 12)
}

export function yearFractionOf(period: Pick<Period, 'year' | 'to'>): number {
  return yearFractionAt(period.year, period.to)
}

/** The status when a figure falls short: too late once the year is complete. */
function short(ctx: EvaluationContext): TargetStatus {
  return ctx.yearFraction >= 1 ? 'failed' : 'not_yet'
}

function progressTowards(actual: number, goal: number): number {
  if (nearlyEqual(goal, 0)) return actual >= 0 ? 1 : 0
  return actual / goal
}

/**
 * "At least `min`, and above `max` counts as exceeded" — the shape shared by at_least,
 * rate_at_least, range, reduce_by, growth and derived targets.
 */
function band(actual: number, min: number, max: number, ctx: EvaluationContext): TargetEvaluation {
  const status: TargetStatus =
    actual > max && !nearlyEqual(actual, max)
      ? 'exceeded'
      : actual >= min || nearlyEqual(actual, min)
        ? 'achieved'
        : short(ctx)
  return { ...paced(actual, min, ctx), status }
}

/** Progress towards `min` and whether the figure so far keeps pace with it. */
function paced(actual: number, min: number, ctx: EvaluationContext): Omit<TargetEvaluation, 'status'> {
  const flow = ctx.aggregation === 'flow'
  const expected = flow ? min * ctx.yearFraction : min
  const onPace = actual >= expected || nearlyEqual(actual, expected)
  return {
    progress: progressTowards(actual, min),
    onPace,
    ...(flow ? { expectedToDate: expected } : {}),
  }
}

/**
 * "Trên 70%", "trên 200 người": met only above the figure, and the figure itself falls short.
 * A strict target has no "exceeded": anything above it is what it asks.
 */
function above(actual: number, limit: number, ctx: EvaluationContext): TargetEvaluation {
  const met = actual > limit && !nearlyEqual(actual, limit)
  return { ...paced(actual, limit, ctx), status: met ? 'achieved' : short(ctx) }
}

function atMost(actual: number, limit: number, strict: boolean, ctx: EvaluationContext): TargetEvaluation {
  const within = strict ? actual < limit && !nearlyEqual(actual, limit) : actual <= limit || nearlyEqual(actual, limit)
  const flow = ctx.aggregation === 'flow'
  // "Không đạt" only once the year is over, even for a flow already past its cap (it cannot come
  // back, and `onPace` says so); the wording names the cap ("vượt trần", shared/summary.ts).
  const status: TargetStatus = within ? 'achieved' : short(ctx)
  const expected = flow ? limit * ctx.yearFraction : limit
  return {
    status,
    progress: within ? 1 : actual <= 0 ? 0 : Math.min(1, limit / actual),
    onPace: within && (actual <= expected || nearlyEqual(actual, expected)),
    ...(flow ? { expectedToDate: expected } : {}),
  }
}

function shares(
  target: Extract<Target, { kind: 'shares' }>,
  parts: ReadonlyMap<string, number> | undefined,
  ctx: EvaluationContext,
): TargetEvaluation {
  if (!parts || target.parts.some((p) => parts.get(p.indicator) === undefined)) {
    return { status: 'no_data', progress: null, onPace: null }
  }
  const total = target.parts.reduce((sum, p) => sum + (parts.get(p.indicator) ?? 0), 0)
  if (total <= 0) return { status: 'no_data', progress: null, onPace: null }
  const results: ShareResult[] = target.parts.map((p) => {
    const percent = ((parts.get(p.indicator) ?? 0) / total) * 100
    return { indicator: p.indicator, percent, target: p.percent, within: Math.abs(percent - p.percent) <= target.tolerance + EPS }
  })
  const withinCount = results.filter((r) => r.within).length
  const all = withinCount === results.length
  return {
    status: all ? 'achieved' : short(ctx),
    progress: withinCount / results.length,
    onPace: all,
    shares: results,
  }
}

/** Evaluates a figure against a target at a point of the year. */
export function evaluateTarget(target: Target, actual: TargetActual, ctx: EvaluationContext): TargetEvaluation {
  if (target.kind === 'shares') return shares(target, actual.parts, ctx)
  if (target.kind === 'yes_no') {
    if (actual.achieved === undefined) return { status: 'no_data', progress: null, onPace: null }
    return { status: actual.achieved ? 'achieved' : short(ctx), progress: actual.achieved ? 1 : 0, onPace: actual.achieved }
  }
  const value = actual.value
  if (value === undefined) return { status: 'no_data', progress: null, onPace: null }
  switch (target.kind) {
    case 'at_least':
    case 'rate_at_least':
      return target.strict ? above(value, target.value, ctx) : band(value, target.value, target.value, ctx)
    case 'range':
      return band(value, target.min, target.max, ctx)
    case 'at_most':
      return atMost(value, target.value, target.strict, ctx)
    case 'derived': {
      const goal = target.value ?? ctx.derivedTarget
      if (goal === undefined) return { status: 'no_data', progress: null, onPace: null }
      return band(value, goal, goal, ctx)
    }
    case 'reduce_by': {
      if (target.baseline === undefined) return { status: 'no_baseline', progress: null, onPace: null }
      const drop = target.baseline - value
      // A relative reduction is measured in % of the baseline ("giảm 15% so với đầu năm").
      const reduction = target.relative ? (target.baseline > 0 ? (drop / target.baseline) * 100 : Number.NaN) : drop
      if (Number.isNaN(reduction)) return { status: 'no_baseline', progress: null, onPace: null }
      // A reduction accrues through the year like a flow, whatever the level's own aggregation.
      const evaluation = band(reduction, target.amount, target.max ?? target.amount, { ...ctx, aggregation: 'flow' })
      return { ...evaluation, reduction }
    }
    case 'growth': {
      if (target.baseValue === undefined) return { status: 'no_baseline', progress: null, onPace: null }
      const min = target.baseValue * (1 + target.percent / 100)
      const max = target.baseValue * (1 + (target.maxPercent ?? target.percent) / 100)
      return { ...band(value, min, max, ctx), growthPercent: (value / target.baseValue - 1) * 100 }
    }
  }
}

/** The single figure a target names, for display and for checking a plan's arithmetic. */
export function targetFigure(target: Target): number | undefined {
  switch (target.kind) {
    case 'at_least':
    case 'rate_at_least':
    case 'at_most':
      return target.value
    case 'range':
      return target.min
    case 'derived':
      return target.value
    default:
      return undefined
  }
}

/** The commune's target kinds that are a level each unit must reach (not a total shared out). */
const LEVEL_TARGETS: ReadonlySet<Target['kind']> = new Set(['rate_at_least', 'at_least', 'at_most', 'range', 'yes_no'])

/**
 * The target a unit is judged against: its own when the plan gives one (a derived target counts
 * as its own when the formula runs on the unit's own input targets); else the commune's when that
 * is a level every unit must reach (a rate, a yes/no), or a growth or a reduction in % and the
 * unit has its own starting figure (`baselines`); else none. A flow's or a stock's commune target
 * is a total over the units, and an amount of reduction is the commune's: neither says anything
 * about one unit.
 */
export function unitTargetOf(ind: Pick<Indicator, 'aggregation' | 'target' | 'unitTargets' | 'baselines'>, unit: string, ownDerived = false): { target: Target; basis: 'own' | 'commune' } | null {
  const baseline = ind.baselines?.[unit]
  const own = ind.unitTargets?.[unit]
  if (own) return { target: withBaseline(own, baseline), basis: 'own' }
  if (ind.target?.kind === 'derived' && ownDerived) return { target: ind.target, basis: 'own' }
  if (ind.target && (ind.aggregation === 'rate' || ind.aggregation === 'yes_no') && LEVEL_TARGETS.has(ind.target.kind)) return { target: ind.target, basis: 'commune' }
  // A growth or a reduction in % holds for each unit from the unit's own starting figure.
  if (ind.target && baseline !== undefined && isRelative(ind.target)) return { target: withBaseline(ind.target, baseline, true), basis: 'commune' }
  return null
}

/** A target measured in % of a starting figure: a growth, a relative reduction. */
export const isRelative = (t: Target): boolean => t.kind === 'growth' || (t.kind === 'reduce_by' && t.relative === true)

/** A target measured from a starting figure, given the unit's own when it states none (or always, `replace`). */
function withBaseline(target: Target, baseline: number | undefined, replace = false): Target {
  if (baseline === undefined) return target
  if (target.kind === 'reduce_by' && (replace || target.baseline === undefined)) return { ...target, baseline }
  if (target.kind === 'growth' && baseline > 0 && (replace || target.baseValue === undefined)) return { ...target, baseValue: baseline }
  return target
}
