// The completeness board: for each reporting unit and each period of a year, whether its report
// came in on time, late, was returned, is still a draft, is missing, or is not due yet.
import type { CompletenessBoard, CompletenessCell, ReportTimeliness } from '../../shared/api'
import type { Period, ReportStatus } from '../../shared/model'
import { isReporter } from '../../shared/planFile'
import { vietnamDate, ytdKind } from '../../shared/results'
import { evidenceCounts } from './evidence'
import { yearPeriodsOf } from './periods'
import { allUnits, planOfYear } from './results'
import type { Queryable } from './types'

export const TIMELINESS: readonly ReportTimeliness[] = ['on_time', 'late', 'missing', 'returned', 'draft', 'not_due']

/**
 * The timeliness of one report. Dates are Vietnam's calendar days (UTC+7): a report submitted at
 * 23:30 on the deadline day is on time. Nothing submitted once the deadline has passed is missing
 * (a draft too); before it, a draft is a draft and nothing is not due yet.
 */
export function timelinessOf(report: { status: ReportStatus; submittedAt: Date | null } | undefined, deadline: string, today: string): ReportTimeliness {
  const overdue = today > deadline
  if (!report) return overdue ? 'missing' : 'not_due'
  switch (report.status) {
    case 'returned':
      return 'returned'
    case 'draft':
      return overdue ? 'missing' : 'draft'
    case 'submitted':
    case 'approved':
      return report.submittedAt === null || vietnamDate(report.submittedAt) <= deadline ? 'on_time' : 'late'
  }
}

export async function loadCompleteness(q: Queryable, communeId: number, year: number | undefined, now: Date): Promise<CompletenessBoard> {
  const plan = await planOfYear(q, communeId, year)
  const [units, periods, reports, evidence] = await Promise.all([
    allUnits(q, communeId),
    yearPeriodsOf(q, communeId, plan.year),
    q.query<{ unit: string; period: string; status: ReportStatus; submitted_at: Date | null }>(
      `SELECT u.code AS unit, p.code AS period, r.status, r.submitted_at
         FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
        WHERE r.commune_id = $1 AND p.year = $2`,
      [communeId, plan.year],
    ),
    evidenceCounts(q, communeId, plan.year),
  ])
  // Units that type at least one figure of the plan (computed indicators are never typed).
  const typed = plan.indicators.filter((i) => i.formula === undefined && (i.children?.length ?? 0) === 0)
  const reporting = units.filter((u) => u.active && typed.some((i) => isReporter(i.reporters, u)))
  // The reporting kind: the quarters, unless the commune reports in another kind.
  const kind = ytdKind(periods, reports.rows.map((r) => r.period))
  const boardPeriods: Period[] = periods.filter((p) => p.kind === kind)
  const byKey = new Map(reports.rows.map((r) => [`${r.unit}|${r.period}`, r]))
  const today = vietnamDate(now)
  const totals = Object.fromEntries(TIMELINESS.map((t) => [t, 0])) as Record<ReportTimeliness, number>
  const cells: CompletenessCell[] = []
  const withEvidence = { with: 0, without: 0 }
  for (const u of reporting) {
    for (const p of boardPeriods) {
      const r = byKey.get(`${u.code}|${p.code}`)
      const submittedAt = r?.submitted_at ? new Date(r.submitted_at) : null
      const timeliness = timelinessOf(r ? { status: r.status, submittedAt } : undefined, p.deadline, today)
      totals[timeliness]++
      const files = evidence.get(`${u.code}|${p.code}`) ?? 0
      if (r?.status === 'submitted' || r?.status === 'approved') withEvidence[files > 0 ? 'with' : 'without']++
      cells.push({ unit: u.code, period: p.code, timeliness, status: r?.status ?? null, submittedAt: submittedAt?.toISOString() ?? null, deadline: p.deadline, evidence: files })
    }
  }
  return {
    year: plan.year,
    today,
    units: reporting.map((u) => ({ code: u.code, name: u.name, kind: u.kind })),
    periods: boardPeriods.map((p) => ({ code: p.code, kind: p.kind, from: p.from, to: p.to, deadline: p.deadline, locked: p.locked ?? false })),
    cells,
    totals,
    evidence: withEvidence,
  }
}
