// One unit's report for one period as the officer reviews it: every indicator the unit reports,
// its figure and note, the unit's target, its earlier figures, the checks that ask for a second
// look (the unit's own history, the commune's target, the other units of the same kind in the same
// period, a stock's previous figure, a computed yield against its target), and the officer's comments.
// A figure of an earlier plan year is history only where that year's plan holds the same indicator
// (shared/sameIndicator): codes are unique within one year's plan, not across years. Each figure
// comes with the decimals it is shown with (shared/precision), the previous period's figure and
// the same period's a year earlier (computed ones computed from that period's own figures).
import type { ReportDetail, ReviewValue } from '../../shared/api'
import { computedExpr, isComputed, resolveComputed, valueNumber } from '../../shared/aggregation'
import { formulaRefs } from '../../shared/formula'
import { figureDecimals, targetNumbers } from '../../shared/precision'
import { describeTarget } from '../../shared/describe'
import type { Indicator, Period, ReportStatus, ValueData } from '../../shared/model'
import { isReporter } from '../../shared/planFile'
import { isSplittable } from '../../shared/splittable'
import { unitTargetOf } from '../../shared/targets'
import { countsAsHistory, type IndicatorShape } from '../../shared/sameIndicator'
import { checkComputedFigure, checkRelations, checkValue, plausibilityWarnings, targetFigures, type ValidationIssue } from '../../shared/validation'
import { notFound, say } from '../errors'
import { readPlan } from './plans'
import type { Queryable } from './types'

interface CellRow {
  period: string
  to: string
  year: number
  indicator: string
  data: ValueData | null
  note: string | null
  updated_at: Date
  updated_by: string | null
}


/** A unit without a target of its own, the commune's being a total over the units or the commune's own amount. */
const NOT_ASSIGNED = 'chưa giao chỉ tiêu riêng cho đơn vị (chỉ tiêu của xã tính cho cả xã)'

export async function loadReportDetail(q: Queryable, communeId: number, unitCode: string, periodCode: string): Promise<ReportDetail> {
  const unitRow = await q.query<{ id: number; code: string; name: string; kind: string }>('SELECT id, code, name, kind FROM units WHERE commune_id = $1 AND code = $2', [communeId, unitCode])
  const unit = unitRow.rows[0]
  if (!unit) throw notFound(say('unit_not_found', { code: unitCode }))
  const periodRow = await q.query<{ id: number; code: string; kind: Period['kind']; year: number; from: string; to: string; deadline: string; locked: boolean; lock_reason: string | null }>(
    `SELECT id, code, kind, year, to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to",
            to_char(deadline, 'YYYY-MM-DD') AS deadline, locked, lock_reason
       FROM periods WHERE commune_id = $1 AND code = $2`,
    [communeId, periodCode],
  )
  const period = periodRow.rows[0]
  if (!period) throw notFound(say('period_not_found', { code: periodCode }))
  const year = Number(period.year)
  const found = await readPlan(q, communeId, year)
  if (!found) throw notFound(say('no_plan_of_year', { year }))
  const plan = found.plan
  const mine = plan.indicators.filter((i) => isReporter(i.reporters, unit))

  const [reportRow, cellRows, unitRows, peerRows, earlierRows, comparedRows] = await Promise.all([
    q.query<{ status: ReportStatus; return_reason: string | null; comments: Record<string, string> | null; submitted_at: Date | null; decided_at: Date | null; decided_by: string | null; version: number }>(
      `SELECT r.status, r.return_reason, r.comments, r.submitted_at, r.decided_at, du.display_name AS decided_by, r.version
         FROM reports r LEFT JOIN users du ON du.id = r.decided_by
        WHERE r.unit_id = $1 AND r.period_id = $2`,
      [unit.id, period.id],
    ),
    // This period's figures, and the unit's figures of the same indicator codes in earlier periods
    // of the same kind (this year's and the years before: the unit's own history).
    q.query<CellRow>(
      `SELECT p.code AS period, to_char(p.ends_on, 'YYYY-MM-DD') AS "to", p.year, i.code AS indicator, c.data, c.note, c.updated_at, us.display_name AS updated_by
         FROM cell_values c
         JOIN periods p ON p.id = c.period_id
         JOIN indicators i ON i.id = c.indicator_id
         JOIN plans pl ON pl.id = i.plan_id AND pl.year = p.year
         LEFT JOIN users us ON us.id = c.updated_by
        WHERE c.unit_id = $1 AND (p.id = $2 OR (p.kind = $3 AND p.ends_on < $4::date))
        ORDER BY p.ends_on, p.code`,
      [unit.id, period.id, period.kind, period.from],
    ),
    q.query<{ code: string; kind: string }>('SELECT code, kind FROM units WHERE commune_id = $1 AND active', [communeId]),
    // The other active units of the same kind, this period: what "usual" means for a new unit.
    q.query<{ indicator: string; data: ValueData | null }>(
      `SELECT i.code AS indicator, c.data
         FROM cell_values c
         JOIN units u ON u.id = c.unit_id
         JOIN indicators i ON i.id = c.indicator_id
        WHERE c.period_id = $1 AND u.commune_id = $2 AND u.kind = $3 AND u.id <> $4 AND u.active AND c.data IS NOT NULL`,
      [period.id, communeId, unit.kind, unit.id],
    ),
    // The same codes in the plans of the years before: whether each is the same indicator there.
    q.query<{ year: number; code: string; aggregation: Indicator['aggregation']; unitOfMeasure: string; scale: number | null }>(
      `SELECT pl.year, i.code, i.def->>'aggregation' AS aggregation, i.def->>'unitOfMeasure' AS "unitOfMeasure", (i.def->>'scale')::int AS scale
         FROM indicators i
         JOIN plans pl ON pl.id = i.plan_id
        WHERE pl.commune_id = $1 AND pl.year < $2 AND NOT i.deleted AND i.code = ANY($3::text[])`,
      [communeId, year, plan.indicators.map((i) => i.code)],
    ),
    // The periods each figure is compared with: the one of the same kind just before, and the one
    // that starts a year earlier.
    q.query<{ code: string; year: number; which: 'previous' | 'last_year' }>(
      `(SELECT code, year, 'previous' AS which FROM periods
         WHERE commune_id = $1 AND kind = $2 AND ends_on < $3::date ORDER BY ends_on DESC, code LIMIT 1)
       UNION ALL
       (SELECT code, year, 'last_year' AS which FROM periods
         WHERE commune_id = $1 AND kind = $2 AND starts_on = ($3::date - interval '1 year')::date ORDER BY code LIMIT 1)`,
      [communeId, period.kind, period.from],
    ),
  ])
  const earlierPlans = new Map<number, { indicators: IndicatorShape[] }>()
  for (const r of earlierRows.rows) {
    const y = Number(r.year)
    const shape: IndicatorShape = { code: r.code, aggregation: r.aggregation, unitOfMeasure: r.unitOfMeasure, ...(r.scale !== null ? { scale: r.scale as IndicatorShape['scale'] } : {}) }
    const p = earlierPlans.get(y)
    if (p) p.indicators.push(shape)
    else earlierPlans.set(y, { indicators: [shape] })
  }
  const report = reportRow.rows[0]
  const comments = report?.comments ?? {}
  const current = new Map(cellRows.rows.filter((c) => c.period === period.code).map((c) => [c.indicator, c]))
  const earlier = cellRows.rows.filter((c) => c.period !== period.code && c.data !== null)

  // The report's own figures, computed ones (a yield from the unit's output and area) filled in.
  const typed = new Map<string, number>()
  for (const i of plan.indicators) {
    const d = current.get(i.code)?.data
    const n = d && !isComputed(i) ? valueNumber(d, i.scale ?? 100) : undefined
    if (n !== undefined) typed.set(i.code, n)
  }
  const figures = resolveComputed(plan.indicators, typed)
  const inputTargets = targetFigures(plan)
  const nameOf = (code: string): string => plan.indicators.find((i) => i.code === code)?.name ?? code
  const peers = new Map<string, number[]>()
  for (const r of peerRows.rows) {
    const ind = plan.indicators.find((i) => i.code === r.indicator)
    const n = ind && r.data ? valueNumber(r.data, ind.scale ?? 100) : undefined
    if (n !== undefined) peers.set(r.indicator, [...(peers.get(r.indicator) ?? []), n])
  }
  // The previous period of the same kind (for a stock's jump): the latest earlier period with a figure.
  const previousPeriod = earlier.at(-1)?.period

  /**
   * A compared period's figures of this plan's indicators, computed ones computed from that
   * period's own figures; an indicator whose figure there measured something else is left out.
   */
  const comparedFigures = (row: { code: string; year: number } | undefined) => {
    if (!row) return null
    const y = Number(row.year)
    const counts = (i: Indicator): boolean => countsAsHistory(earlierPlans, year, i, y)
    const cells = new Map(earlier.filter((c) => c.period === row.code).map((c) => [c.indicator, c.data!]))
    const known = new Map<string, number>()
    for (const i of plan.indicators) {
      const d = cells.get(i.code)
      const n = d && !isComputed(i) && counts(i) ? valueNumber(d, i.scale ?? 100) : undefined
      if (n !== undefined) known.set(i.code, n)
    }
    const resolved = resolveComputed(plan.indicators, known)
    return {
      period: row.code,
      counts,
      dataOf: (i: Indicator): ValueData | null => {
        if (isComputed(i)) {
          const n = resolved.get(i.code)
          return n === undefined ? null : { kind: 'number', value: n }
        }
        return cells.get(i.code) ?? null
      },
    }
  }
  const beforeThis = comparedFigures(comparedRows.rows.find((r) => r.which === 'previous'))
  const yearBefore = comparedFigures(comparedRows.rows.find((r) => r.which === 'last_year'))
  const compared = (c: ReturnType<typeof comparedFigures>, i: Indicator): { period: string; data: ValueData | null } | null =>
    c && c.counts(i) ? { period: c.period, data: c.dataOf(i) } : null
  /** A computed figure states as many decimals as its inputs' figures and targets do (shared/precision). */
  const decimalsOf = (i: Indicator): number => {
    const expr = isComputed(i) ? computedExpr(i) : undefined
    const inputs = expr ? formulaRefs(expr) : []
    const stated = inputs.flatMap((code) => {
      const input = plan.indicators.find((x) => x.code === code)
      const own = typed.get(code)
      return [...(own !== undefined ? [own] : []), ...(input?.aggregation === 'rate' ? [] : targetNumbers(input?.target))]
    })
    return figureDecimals(i, stated)
  }

  const values: ReviewValue[] = mine.map((ind) => {
    const cell = current.get(ind.code)
    const computedValue = isComputed(ind) ? figures.get(ind.code) : undefined
    const data: ValueData | null = computedValue !== undefined ? { kind: 'number', value: computedValue } : (cell?.data ?? null)
    // The unit's earlier figures of this indicator: this year's, and the years' whose plan holds the same one.
    const history = earlier.filter((c) => c.indicator === ind.code && countsAsHistory(earlierPlans, year, ind, Number(c.year)))
    const issues: ValidationIssue[] = []
    if (data && !isComputed(ind)) {
      issues.push(...checkValue(ind, data))
      const n = valueNumber(data, ind.scale ?? 100)
      const past = history.map((c) => valueNumber(c.data!, ind.scale ?? 100)).filter((x): x is number => x !== undefined)
      const prev = history.find((c) => c.period === previousPeriod)
      const context = {
        history: past,
        previous: prev ? valueNumber(prev.data!, ind.scale ?? 100) : undefined,
        peers: peers.get(ind.code) ?? [],
        reportingUnits: unitRows.rows.filter((u) => isReporter(ind.reporters, u)).length,
      }
      if (n !== undefined) issues.push(...plausibilityWarnings(ind, n, context))
    } else if (computedValue !== undefined) {
      const w = checkComputedFigure(ind, figures, { inputTargets, nameOf })
      if (w) issues.push(w)
    }
    // The unit's own target, or the commune's where it is a level every unit reaches (a rate, a
    // yes/no): never the commune's total, which no single unit is asked for (shared/targets.ts).
    // A computed level (a yield) keeps the commune's target as its level.
    const target = unitTargetOf(ind, unit.code)?.target ?? (ind.target?.kind === 'derived' && !isSplittable(ind) ? ind.target : undefined)
    return {
      indicator: ind.code,
      name: ind.name,
      field: ind.field,
      unitOfMeasure: ind.unitOfMeasure,
      aggregation: ind.aggregation,
      ...(ind.scale !== undefined ? { scale: ind.scale } : {}),
      data,
      note: cell?.note ?? null,
      targetText: target ? describeTarget(target, ind) : ind.target ? NOT_ASSIGNED : '',
      previous: history.filter((c) => Number(c.year) === year).map((c) => ({ period: c.period, data: c.data! })),
      decimals: decimalsOf(ind),
      previousPeriod: compared(beforeThis, ind),
      lastYear: compared(yearBefore, ind),
      issues,
      comment: comments[ind.code] ?? null,
      updatedAt: cell ? new Date(cell.updated_at).toISOString() : null,
      updatedBy: cell?.updated_by ?? null,
    }
  })

  return {
    unit: { code: unit.code, name: unit.name, kind: unit.kind },
    period: { code: period.code, kind: period.kind, from: period.from, to: period.to, deadline: period.deadline, locked: period.locked, lockReason: period.lock_reason },
    // No report row yet: nothing was typed, the report is an empty draft.
    status: report?.status ?? 'draft',
    returnReason: report?.return_reason ?? null,
    comments,
    submittedAt: report?.submitted_at ? new Date(report.submitted_at).toISOString() : null,
    decidedAt: report?.decided_at ? new Date(report.decided_at).toISOString() : null,
    decidedBy: report?.decided_by ?? null,
    version: Number(report?.version ?? 0),
    values,
    // Computed figures agree with their formulas by construction; parts within wholes and the
    // plan's equalities are what can fail here.
    issues: checkRelations(plan.indicators, plan.rules, figures, 'value'),
  }
}
