// Chấm điểm, xếp hạng (issue 15, item 2): each unit's score from the year's results (as of the
// period chosen) and the plan's scoring table, and the ranking. Pure: the same inputs give the
// same ranking on the phone and on the server, whatever the order they come in.
//
// The rule (docs/domain.md, “Scoring and ranking”):
// - an indicator of the table counts for a unit when the unit is judged on it (`UnitResult.status`
//   not null: its own target, or the commune's level target) and a verdict is possible (not
//   “chưa có số gốc”); a unit without a figure gets 0 of it;
// - achieved or exceeded: all its points; short (chưa đạt / không đạt): points × progress when the
//   table gives partial points (progress clamped to 0…1), else 0;
// - the indicator points are scaled to the table's: earned × (Σ table points ÷ Σ points of the
//   indicators the unit is judged on), so a unit judged on fewer indicators is not behind for it;
// - bonus: `perExceeded` per indicator exceeded, at most `bonus.max`;
// - deduction: `perLate` per report late or missing after its deadline, `perReturned` per time a
//   report was returned, at most `deductions.max`;
// - council criteria: the score recorded, within 0…max (none recorded: 0);
// - total = indicators + bonus + criteria − deduction, never below 0, rounded to 0,01;
// - ranking: higher total, then more indicators achieved (đạt or vượt), then fewer late reports,
//   then fewer returned, then the unit's name in Vietnamese order, then its code.
import type { PlanResults, ResultsBasis } from './api'
import type { Plan, Scoring } from './model'
import { ACHIEVED_STATUSES as ACHIEVED, countsForUnit } from './results'
import type { TargetStatus } from './targets'
import type { ValidationIssue } from './validation'

/** A unit's reports that cost points: sent late (or not at all by the deadline), and times returned. */
export interface ReportCounts {
  late: number
  returned: number
}

export interface ScoringInput {
  results: PlanResults
  scoring: Scoring
  /** By unit code; a unit absent has none. */
  reports: Readonly<Record<string, ReportCounts>>
  /** unit code → criterion code → the council's score. */
  council: Readonly<Record<string, Readonly<Record<string, number>>>>
}

export interface IndicatorScore {
  indicator: string
  name: string
  /** The table's points for it. */
  points: number
  status: TargetStatus
  progress: number | null
  /** Before scaling: points, points × progress, or 0. */
  earned: number
  exceeded: boolean
}

export interface CriterionScore {
  code: string
  name: string
  max: number
  /** Null: the council has not scored it yet (counts 0). */
  score: number | null
}

export interface UnitScore {
  rank: number
  unit: string
  unitName: string
  indicators: IndicatorScore[]
  /** Indicators achieved or exceeded. */
  achieved: number
  exceeded: number
  /** The indicator points after scaling to the table's (see the rule above). */
  indicatorPoints: number
  bonus: number
  late: number
  returned: number
  deduction: number
  criteria: CriterionScore[]
  criteriaPoints: number
  total: number
}

/** GET /api/communes/:commune/ranking. */
export interface Ranking {
  year: number
  asOf: PlanResults['asOf']
  basis: ResultsBasis
  generatedAt: string
  /** The declared scale (thang điểm) and the bonus on top: no total goes above `maximum`. */
  total: number
  bonusMax: number
  maximum: number
  criteria: { code: string; name: string; max: number }[]
  units: UnitScore[]
}

const SHORT: ReadonlySet<TargetStatus> = new Set(['not_yet', 'failed'])

const round2 = (x: number): number => Math.round(x * 100) / 100
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x))

/** The tie-break's last words: names in Vietnamese order (ICU's `vi`), then codes as strings. */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

/** The highest total a unit can reach: the indicators, the criteria, the bonus. */
export function scoringMaximum(scoring: Scoring): { total: number; bonusMax: number; maximum: number } {
  const ind = scoring.indicators.reduce((s, i) => s + i.points, 0)
  const crit = scoring.criteria.reduce((s, c) => s + c.max, 0)
  const bonusMax = scoring.bonus?.max ?? 0
  return { total: round2(ind + crit), bonusMax: round2(bonusMax), maximum: round2(ind + crit + bonusMax) }
}

/** What the plan's scoring table names that the plan lacks: an error that blocks the plan. */
export function scoringIssues(plan: Pick<Plan, 'indicators' | 'scoring'>): ValidationIssue[] {
  if (!plan.scoring) return []
  const known = new Set(plan.indicators.map((i) => i.code))
  return plan.scoring.indicators
    .filter((s) => !known.has(s.indicator))
    .map((s) => ({
      code: 'unknown_indicator' as const,
      severity: 'error' as const,
      refs: [s.indicator],
      message: `Bảng điểm thi đua chấm chỉ tiêu không có trong kế hoạch “${s.indicator}”`,
    }))
}

/** Orders two scored units by the documented rule; negative when `a` ranks first. */
export function compareScores(a: Omit<UnitScore, 'rank'>, b: Omit<UnitScore, 'rank'>): number {
  return (
    b.total - a.total ||
    b.achieved - a.achieved ||
    a.late - b.late ||
    a.returned - b.returned ||
    collator.compare(a.unitName, b.unitName) ||
    (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0)
  )
}

/** Every unit judged on at least one indicator of the table, scored and ranked. */
export function computeRanking(input: ScoringInput): Ranking {
  const { results, scoring } = input
  const byCode = new Map(results.indicators.map((i) => [i.code, i]))
  const tablePoints = scoring.indicators.reduce((s, i) => s + i.points, 0)

  // unit → its scored indicators, in the table's order (so sums are added in one order).
  const perUnit = new Map<string, { name: string; scores: IndicatorScore[] }>()
  for (const row of scoring.indicators) {
    const ind = byCode.get(row.indicator)
    if (!ind) continue
    for (const u of ind.byUnit) {
      if (!countsForUnit(u.status)) continue
      const progress = u.progress ?? null
      const earned = ACHIEVED.has(u.status)
        ? row.points
        : SHORT.has(u.status) && scoring.partial && progress !== null && Number.isFinite(progress)
          ? row.points * clamp(progress, 0, 1)
          : 0
      let entry = perUnit.get(u.unit)
      if (!entry) perUnit.set(u.unit, (entry = { name: u.unitName, scores: [] }))
      entry.scores.push({ indicator: ind.code, name: ind.name, points: row.points, status: u.status, progress, earned, exceeded: u.status === 'exceeded' })
    }
  }

  const scored: Omit<UnitScore, 'rank'>[] = []
  for (const [unit, { name, scores }] of perUnit) {
    const applicable = scores.reduce((s, x) => s + x.points, 0)
    const earned = scores.reduce((s, x) => s + x.earned, 0)
    const indicatorPoints = applicable > 0 ? Math.min(tablePoints, (earned * tablePoints) / applicable) : 0
    const exceeded = scores.filter((x) => x.exceeded).length
    const achieved = scores.filter((x) => ACHIEVED.has(x.status)).length
    const bonus = scoring.bonus ? Math.min(scoring.bonus.max, exceeded * scoring.bonus.perExceeded) : 0
    const counts = input.reports[unit]
    const late = Math.max(0, Math.trunc(counts?.late ?? 0))
    const returned = Math.max(0, Math.trunc(counts?.returned ?? 0))
    const d = scoring.deductions
    const deduction = d ? Math.min(d.max ?? Number.POSITIVE_INFINITY, late * d.perLate + returned * d.perReturned) : 0
    const given = input.council[unit] ?? {}
    const criteria: CriterionScore[] = scoring.criteria.map((c) => {
      const raw = Object.prototype.hasOwnProperty.call(given, c.code) ? given[c.code] : undefined
      return { code: c.code, name: c.name, max: c.max, score: raw === undefined || !Number.isFinite(raw) ? null : clamp(raw, 0, c.max) }
    })
    const criteriaPoints = criteria.reduce((s, c) => s + (c.score ?? 0), 0)
    const total = round2(Math.max(0, indicatorPoints + bonus + criteriaPoints - deduction))
    scored.push({
      unit,
      unitName: name,
      indicators: scores,
      achieved,
      exceeded,
      indicatorPoints: round2(indicatorPoints),
      bonus: round2(bonus),
      late,
      returned,
      deduction: round2(deduction),
      criteria,
      criteriaPoints: round2(criteriaPoints),
      total,
    })
  }
  scored.sort(compareScores)
  const max = scoringMaximum(scoring)
  return {
    year: results.year,
    asOf: results.asOf,
    basis: results.basis,
    generatedAt: results.generatedAt,
    ...max,
    criteria: scoring.criteria.map((c) => ({ code: c.code, name: c.name, max: c.max })),
    units: scored.map((s, i) => ({ rank: i + 1, ...s })),
  }
}
