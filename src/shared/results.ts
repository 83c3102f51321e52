// The commune's results against its plan (the dashboard, the results table, the exports): every
// indicator's year-to-date figure across units, judged against its target. Pure: the figures,
// the periods, the point in the year and the clock are all arguments.
import type { IndicatorResult, PlanResults, ResultsBasis, TrendPoint, UnitResult } from './api'
import { aggregateNumber, aggregateUnits, computedExpr, isComputed, resolveComputed, unitToDate, type Aggregate, type DatedValue } from './aggregation'
import { describeTarget } from './describe'
import { evaluateFormula } from './formula'
import { valueKindOf, type Commune, type Indicator, type Period, type PeriodKind, type Plan, type Target, type ValueData } from './model'
import { vietnamDate } from './periods'
import { isReporter } from './planFile'
import { evaluateTarget, unitTargetOf, yearFractionAt, type TargetEvaluation, type TargetStatus } from './targets'
import { targetFigures } from './validation'

export interface ResultsUnit {
  code: string
  name: string
  kind: string
  active: boolean
}

export interface ResultsValue {
  unit: string
  period: string
  indicator: string
  data: ValueData
}

export interface ResultsInput {
  commune: Commune
  plan: Plan
  units: readonly ResultsUnit[]
  /** The periods of the plan's year (every kind). */
  periods: readonly Period[]
  /** The values that count (already filtered by basis), of the year's periods. */
  values: readonly ResultsValue[]
  /** Year to date at the end of this period (a quarter, a month, a phase, the year); null: everything entered. */
  asOf: Pick<Period, 'code' | 'kind' | 'from' | 'to'> | null
  basis: ResultsBasis
  now: Date
}

export const STATUSES: readonly TargetStatus[] = ['exceeded', 'achieved', 'not_yet', 'failed', 'no_data', 'no_baseline']

const KIND_ORDER: readonly PeriodKind[] = ['quarter', 'month', 'phase', 'year']

/**
 * The one period kind the year to date is built from, so that nothing counts twice (a flow's
 * quarter and the phase that covers it): the quarters when the year has them, else months, else
 * phases, else the year. When the preferred kind holds no figure while another kind does (the
 * commune reports monthly), the kind that holds figures wins.
 */
export function ytdKind(periods: readonly Pick<Period, 'code' | 'kind'>[], valuePeriods: Iterable<string> = []): PeriodKind | undefined {
  const present = KIND_ORDER.filter((k) => periods.some((p) => p.kind === k))
  const kindOf = new Map(periods.map((p) => [p.code, p.kind]))
  const used = new Set<PeriodKind>()
  for (const code of valuePeriods) {
    const k = kindOf.get(code)
    if (k) used.add(k)
  }
  return present.find((k) => used.has(k)) ?? present[0]
}

/** The verdicts that count as a target met: đạt or vượt (scoring, evaluation and the dashboard alike). */
export const ACHIEVED_STATUSES: ReadonlySet<TargetStatus> = new Set(['achieved', 'exceeded'])

/**
 * Whether a unit's verdict on an indicator counts for that unit: it is judged on it (its own
 * target, or the commune's level target) and a verdict is possible (not “chưa có số gốc”). A unit
 * judged without a figure (“chưa có số liệu”) counts, as a target not met.
 */
export function countsForUnit(status: TargetStatus | null): status is TargetStatus {
  return status !== null && status !== 'no_baseline'
}

/** How many of the plan's targets a unit is judged on, and how many of those it met (đạt or vượt). */
export function unitTargetTally(results: Pick<PlanResults, 'indicators'>, unit: string): { judged: number; achieved: number } {
  let judged = 0
  let achieved = 0
  for (const ind of results.indicators) {
    const u = ind.byUnit.find((x) => x.unit === unit)
    if (!u || !countsForUnit(u.status)) continue
    judged++
    if (ACHIEVED_STATUSES.has(u.status)) achieved++
  }
  return { judged, achieved }
}

/** The calendar day of an instant in Vietnam: its one home is shared/periods.ts. */
export { vietnamDate }

/** One snapshot: every unit's figure and the commune's, for every indicator, at a date. */
interface Snapshot {
  /** indicator → unit → the unit's figure to date (typed indicators). */
  perUnit: Map<string, Map<string, ValueData>>
  /** indicator → the commune's aggregate (typed indicators). */
  commune: Map<string, Aggregate>
  /** The commune's figure of every indicator, computed ones included, in its unit. */
  numbers: Map<string, number>
  /** unit → the unit's figure of every indicator, computed ones included. */
  unitNumbers: Map<string, Map<string, number>>
}

export function computeResults(input: ResultsInput): PlanResults {
  const { plan, asOf } = input
  const year = plan.year
  const today = vietnamDate(input.now)
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]))
  const unitByCode = new Map(input.units.map((u) => [u.code, u]))
  const kind = ytdKind(input.periods, input.values.map((v) => v.period))
  const kindPeriods = input.periods.filter((p) => p.kind === kind).sort((a, b) => (a.to === b.to ? a.code.localeCompare(b.code) : a.to.localeCompare(b.to)))
  const periodTo = new Map(kindPeriods.map((p) => [p.code, p.to]))
  const upTo = asOf?.to ?? '9999-12-31'

  // indicator → unit → one figure per period end (a second figure for the same day replaces the first).
  const series = new Map<string, Map<string, Map<string, DatedValue>>>()
  for (const v of input.values) {
    const ind = byCode.get(v.indicator)
    const to = periodTo.get(v.period)
    const unit = unitByCode.get(v.unit)
    if (!ind || to === undefined || !unit || isComputed(ind)) continue
    if (v.data.kind !== valueKindOf(ind) || !isReporter(ind.reporters, unit)) continue
    let units = series.get(ind.code)
    if (!units) series.set(ind.code, (units = new Map()))
    let dated = units.get(unit.code)
    if (!dated) units.set(unit.code, (dated = new Map()))
    dated.set(to, { to, data: v.data })
  }

  const snapshot = (date: string): Snapshot => {
    const perUnit = new Map<string, Map<string, ValueData>>()
    const commune = new Map<string, Aggregate>()
    const known = new Map<string, number>()
    const unitKnown = new Map<string, Map<string, number>>()
    for (const ind of plan.indicators) {
      if (isComputed(ind)) continue
      const units = series.get(ind.code)
      const figures = new Map<string, ValueData>()
      for (const [unit, dated] of units ?? []) {
        const v = unitToDate(ind.aggregation, [...dated.values()], date)
        if (v) figures.set(unit, v)
      }
      perUnit.set(ind.code, figures)
      const agg = aggregateUnits(ind.aggregation, [...figures.values()])
      if (agg) {
        commune.set(ind.code, agg)
        const n = aggregateNumber(agg, ind.scale ?? 100)
        if (n !== undefined) known.set(ind.code, n)
      }
      for (const [unit, data] of figures) {
        const n = data.kind === 'number' ? data.value : data.kind === 'ratio' ? (data.numerator / data.denominator) * (ind.scale ?? 100) : undefined
        if (n === undefined) continue
        let m = unitKnown.get(unit)
        if (!m) unitKnown.set(unit, (m = new Map()))
        m.set(ind.code, n)
      }
    }
    const unitNumbers = new Map<string, Map<string, number>>()
    for (const [unit, m] of unitKnown) unitNumbers.set(unit, resolveComputed(plan.indicators, m))
    return { perUnit, commune, numbers: resolveComputed(plan.indicators, known), unitNumbers }
  }

  const now = snapshot(upTo)
  const trendPeriods = kindPeriods.filter((p) => p.to <= upTo && (asOf !== null || p.from <= today || periodHasValues(p.code, input.values)))
  const trendShots = trendPeriods.map((p) => ({ period: p, shot: p.to === upTo ? now : snapshot(p.to) }))
  const yearFraction = asOf ? yearFractionAt(year, asOf.to) : yearFractionAt(year, today)
  // derived targets without a stated figure follow the formula applied to the inputs' targets.
  const targetNumbers = resolveComputed(plan.indicators, targetFigures(plan))

  const indicators = plan.indicators.map((ind) =>
    indicatorResult(ind, {
      units: input.units,
      shot: now,
      trend: trendShots,
      yearFraction,
      derivedTarget: targetNumbers.get(ind.code),
      unitDerivedTarget: (unit) => unitDerivedTarget(plan.indicators, ind, unit, targetNumbers),
    }),
  )
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>
  for (const r of indicators) counts[r.status]++

  return {
    commune: input.commune,
    year,
    planTitle: plan.title,
    ...(plan.number !== undefined ? { planNumber: plan.number } : {}),
    ...(plan.issuedOn !== undefined ? { planIssuedOn: plan.issuedOn } : {}),
    ...(plan.signedBy !== undefined ? { signedBy: plan.signedBy } : {}),
    asOf: asOf ? { period: asOf.code, kind: asOf.kind, from: asOf.from, to: asOf.to } : null,
    basis: input.basis,
    yearFraction,
    fields: plan.fields,
    phases: plan.phases,
    trendPeriods: trendPeriods.map((p) => ({ code: p.code, kind: p.kind, from: p.from, to: p.to })),
    indicators,
    counts,
    generatedAt: input.now.toISOString(),
  }
}

function periodHasValues(code: string, values: readonly ResultsValue[]): boolean {
  return values.some((v) => v.period === code)
}

/**
 * A derived target of a unit: the formula over the unit's own input targets (`own`), else the
 * commune's.
 */
function unitDerivedTarget(indicators: readonly Indicator[], ind: Indicator, unit: string, communeTargets: ReadonlyMap<string, number>): { value: number | undefined; own: boolean } {
  const expr = computedExpr(ind)
  if (expr) {
    const own = new Map<string, number>()
    for (const i of indicators) {
      const t = i.unitTargets?.[unit]
      if (t && (t.kind === 'at_least' || t.kind === 'rate_at_least' || t.kind === 'at_most')) own.set(i.code, t.value)
      else if (t?.kind === 'range') own.set(i.code, t.min)
    }
    const v = evaluateFormula(expr, own)
    if (v !== undefined) return { value: v, own: true }
  }
  return { value: communeTargets.get(ind.code), own: false }
}

interface IndicatorContext {
  units: readonly ResultsUnit[]
  shot: Snapshot
  trend: { period: Period; shot: Snapshot }[]
  yearFraction: number
  derivedTarget: number | undefined
  unitDerivedTarget: (unit: string) => { value: number | undefined; own: boolean }
}

const NO_TARGET: TargetEvaluation = { status: 'no_data', progress: null, onPace: null }

function evaluate(ind: Indicator, target: Target | undefined, actual: { value?: number; achieved?: boolean; parts?: Map<string, number> }, yearFraction: number, derivedTarget: number | undefined): TargetEvaluation {
  if (!target) return NO_TARGET
  return evaluateTarget(target, actual, { aggregation: ind.aggregation, yearFraction, ...(derivedTarget !== undefined ? { derivedTarget } : {}) })
}

function partsOf(target: Target | undefined, numbers: ReadonlyMap<string, number> | undefined): Map<string, number> | undefined {
  if (target?.kind !== 'shares' || !numbers) return undefined
  const parts = new Map<string, number>()
  for (const p of target.parts) {
    const n = numbers.get(p.indicator)
    if (n !== undefined) parts.set(p.indicator, n)
  }
  return parts
}

/**
 * A yes/no target holds only when every unit that should report it did, and said yes (a unit
 * since closed that answered counts too). Undefined while no unit answered.
 */
function allAchieved(figures: ReadonlyMap<string, ValueData>, expected: readonly ResultsUnit[]): boolean | undefined {
  if (figures.size === 0) return undefined
  const must = new Set([...expected.map((u) => u.code), ...figures.keys()])
  return [...must].every((u) => {
    const d = figures.get(u)
    return d?.kind === 'yes_no' && d.achieved
  })
}

function indicatorResult(ind: Indicator, ctx: IndicatorContext): IndicatorResult {
  const computed = isComputed(ind)
  const expected = ctx.units.filter((u) => u.active && isReporter(ind.reporters, u))
  const { shot } = ctx

  // The units shown: every active reporter, plus a unit since closed that has a figure.
  const figureUnits = computed
    ? new Set([...shot.unitNumbers.entries()].filter(([, m]) => m.has(ind.code)).map(([u]) => u))
    : new Set(shot.perUnit.get(ind.code)?.keys() ?? [])
  const shown = ctx.units.filter((u) => (u.active && isReporter(ind.reporters, u)) || figureUnits.has(u.code))

  const byUnit: UnitResult[] = shown.map((u) => {
    const derived = ctx.unitDerivedTarget(u.code)
    const judged = unitTargetOf(ind, u.code, derived.own)
    const verdict = (actual: { value?: number; achieved?: boolean; parts?: Map<string, number> }): Pick<UnitResult, 'status' | 'target' | 'progress'> => {
      if (!judged) return { status: null, target: null }
      const ev = evaluate(ind, judged.target, actual, ctx.yearFraction, derived.value)
      return { status: ev.status, target: judged.basis, progress: ev.progress }
    }
    if (ind.aggregation === 'yes_no' && !computed) {
      const d = shot.perUnit.get(ind.code)?.get(u.code)
      const achieved = d?.kind === 'yes_no' ? d.achieved : undefined
      return {
        unit: u.code,
        unitName: u.name,
        actual: achieved === undefined ? null : achieved ? 1 : 0,
        ...(achieved !== undefined ? { achieved } : {}),
        ...verdict(achieved === undefined ? {} : { achieved }),
      }
    }
    const d = computed ? undefined : shot.perUnit.get(ind.code)?.get(u.code)
    const value = shot.unitNumbers.get(u.code)?.get(ind.code)
    return {
      unit: u.code,
      unitName: u.name,
      actual: value ?? null,
      ...(d?.kind === 'ratio' ? { numerator: d.numerator, denominator: d.denominator } : {}),
      ...verdict(value === undefined ? {} : { value, parts: partsOf(judged?.target, shot.unitNumbers.get(u.code)) }),
    }
  })

  const agg = computed ? undefined : shot.commune.get(ind.code)
  const base: Pick<IndicatorResult, 'code' | 'name' | 'field' | 'unitOfMeasure' | 'aggregation' | 'targetText' | 'computed' | 'reportedUnits' | 'expectedUnits' | 'byUnit'> &
    Partial<IndicatorResult> = {
    code: ind.code,
    name: ind.name,
    field: ind.field,
    unitOfMeasure: ind.unitOfMeasure,
    aggregation: ind.aggregation,
    ...(ind.scale !== undefined ? { scale: ind.scale } : {}),
    ...(ind.target ? { target: ind.target } : {}),
    targetText: ind.target ? describeTarget(ind.target, ind) : '',
    ...(ind.source !== undefined ? { source: ind.source } : {}),
    computed,
    reportedUnits: expected.filter((u) => figureUnits.has(u.code)).length,
    expectedUnits: expected.length,
    byUnit,
  }

  let actual: number | null
  let ev: TargetEvaluation
  const extra: Partial<IndicatorResult> = {}
  if (ind.aggregation === 'yes_no' && !computed) {
    const figures = shot.perUnit.get(ind.code) ?? new Map<string, ValueData>()
    const yes = [...figures.values()].filter((d) => d.kind === 'yes_no' && d.achieved).length
    const achieved = allAchieved(figures, expected)
    actual = achieved === undefined ? null : achieved ? 1 : 0
    ev = evaluate(ind, ind.target, achieved === undefined ? {} : { achieved }, ctx.yearFraction, ctx.derivedTarget)
    if (achieved !== undefined) Object.assign(extra, { achieved, achievedUnits: yes })
  } else {
    actual = shot.numbers.get(ind.code) ?? null
    if (agg?.kind === 'ratio') Object.assign(extra, { numerator: agg.numerator, denominator: agg.denominator })
    ev = evaluate(ind, ind.target, { ...(actual !== null ? { value: actual } : {}), parts: partsOf(ind.target, shot.numbers) }, ctx.yearFraction, ctx.derivedTarget)
  }

  const trend: TrendPoint[] = ctx.trend.map(({ period, shot: s }) => {
    let value: number | null
    if (ind.aggregation === 'yes_no' && !computed) {
      const achieved = allAchieved(s.perUnit.get(ind.code) ?? new Map(), expected)
      value = achieved === undefined ? null : achieved ? 1 : 0
    } else value = s.numbers.get(ind.code) ?? null
    return { period: period.code, to: period.to, actual: value }
  })

  return {
    ...base,
    actual,
    ...extra,
    status: ev.status,
    progress: ev.progress,
    onPace: ev.onPace,
    ...(ev.expectedToDate !== undefined ? { expectedToDate: ev.expectedToDate } : {}),
    ...(ev.growthPercent !== undefined ? { growthPercent: ev.growthPercent } : {}),
    ...(ev.reduction !== undefined ? { reduction: ev.reduction } : {}),
    ...(ev.shares !== undefined ? { shares: ev.shares } : {}),
    trend,
  } as IndicatorResult
}
