// How the review screens name periods, judge a submission against its deadline and put a
// change (old → new) into words.
import type { ReportTimeliness } from '../../../shared/api'
import type { PeriodKind, ReportStatus, ValueData } from '../../../shared/model'
import { formatIsoDate, periodLabel, todayIso, type Translate } from '../../format'
import { formatValue } from '../../formatValue'

export interface PeriodInfo {
  code: string
  kind: PeriodKind
  from: string
  to: string
  deadline: string
}

/** "Quý 1/2024" for a known period; for a bare code, read `2024-Q1` / `2024-M03` / `2024`, else the code itself. */
export function periodName(t: Translate, code: string, known?: PeriodInfo): string {
  if (known) return periodLabel(t, { ...known, year: Number(known.from.slice(0, 4)) })
  const m = /^(\d{4})-(Q|M)(\d{1,2})$/.exec(code)
  if (m) return t(m[2] === 'Q' ? 'period.quarter' : 'period.month', { n: Number(m[3]), year: Number(m[1]) })
  if (/^\d{4}$/.test(code)) return t('period.year', { year: Number(code) })
  return code
}

/** Submitted after the deadline day (the phone's calendar, as deadlines are calendar days). */
export function isLate(submittedAt: string, deadline: string): boolean {
  return todayIso(new Date(submittedAt)) > deadline
}

/** Each board state has its own symbol as well as its colour and word. */
export const TIMELINESS_ICON: Readonly<Record<ReportTimeliness, string>> = {
  on_time: '✓',
  late: '⚠',
  missing: '✗',
  returned: '↩',
  draft: '✎',
  not_due: '…',
}

export const TIMELINESS_ORDER: readonly ReportTimeliness[] = ['on_time', 'late', 'missing', 'returned', 'draft', 'not_due']

type Shown = { unitOfMeasure: string; scale?: 1 | 100 | 1000 | undefined }

const isValueData = (x: unknown): x is ValueData =>
  typeof x === 'object' && x !== null && ['number', 'ratio', 'yes_no'].includes(String((x as { kind?: unknown }).kind))

/** One side of a value change, `{ value, note }` as the audit stores it, in words. */
export function valueSideText(t: Translate, side: unknown, ind: Shown | undefined): string {
  if (side === null || side === undefined) return t('review.history.none')
  const { value, note } = side as { value?: unknown; note?: unknown }
  const parts: string[] = []
  if (isValueData(value)) parts.push(formatValue(t, value, ind ?? { unitOfMeasure: '' }))
  else parts.push(t('review.history.none'))
  if (typeof note === 'string' && note !== '') parts.push(`(${t('review.history.noteLabel', { note })})`)
  return parts.join(' ')
}

const REPORT_STATUSES: readonly string[] = ['draft', 'submitted', 'approved', 'returned'] satisfies ReportStatus[]

/** One side of any audited change, in words: a value, a report status, or the fields that changed. */
export function changeSideText(t: Translate, entity: string, side: unknown, ind?: Shown): string {
  if (side === null || side === undefined) return t('review.history.none')
  if (entity === 'value') return valueSideText(t, side, ind)
  if (typeof side !== 'object') return String(side)
  const o = side as Record<string, unknown>
  // A registration's status changes read as a report's (draft, submitted, approved, returned).
  if ((entity === 'report' || entity === 'registration') && typeof o.status === 'string' && REPORT_STATUSES.includes(o.status)) {
    const parts = [t('review.history.reportStatus', { status: t(`status.${o.status as ReportStatus}`) })]
    if (typeof o.reason === 'string' && o.reason !== '') parts.push(t('review.history.reason', { reason: o.reason }))
    return parts.join(', ')
  }
  if (entity === 'commendation') return commendationText(t, o)
  return Object.entries(o)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ')
}

const COMMENDATION_DECISIONS = ['approved', 'not_approved', 'proposed_upward'] as const

/** A council's evaluation of a line, an award decision, or a title's criteria (entity `commendation`), in words. */
function commendationText(t: Translate, o: Record<string, unknown>): string {
  const decision = o.awardDecision as { number?: unknown; signedOn?: unknown } | undefined
  if (decision && typeof decision === 'object') {
    const n = Array.isArray(o.awarded) ? o.awarded.length : 0
    return t('review.history.commendation.decision', { number: String(decision.number ?? ''), date: formatIsoDate(String(decision.signedOn ?? '')), n })
  }
  const criteria = o.criteria as { title?: unknown } | undefined
  if (criteria && typeof criteria === 'object') return t('review.history.commendation.criteria', { title: String(criteria.title ?? '') })
  const parts = [typeof o.person === 'string' ? `${String(o.title)} – ${o.person}` : String(o.title ?? '')]
  const d = COMMENDATION_DECISIONS.find((x) => x === o.decision)
  if (d) parts.push(t(`review.history.commendation.${d}`))
  if (typeof o.councilMet === 'boolean') parts.push(t(o.councilMet ? 'review.history.commendation.councilMet' : 'review.history.commendation.councilNotMet'))
  if (typeof o.award === 'string' && o.award !== '') parts.push(o.award)
  if (typeof o.note === 'string' && o.note !== '') parts.push(o.note)
  return parts.join(', ')
}
