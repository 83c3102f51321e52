// What the dashboard shows, computed from a PlanResults without the DOM: the filters as they
// travel in the address (so a link opens the same view), the fields' sections in plan order,
// and each figure in vi-VN words. Kept apart from the components so it is easy to test.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { IndicatorResult, PlanResults, ResultsBasis, UnitResult } from '../../../shared/api'
import type { Field, PeriodKind, Target } from '../../../shared/model'
import { formatViAmount, formatViNumber, formatViPercent } from '../../../shared/numbers'
import type { TargetStatus } from '../../../shared/targets'
import { periodLabel, type Translate } from '../../format'
import type { ResultsQuery, ReviewKind } from './api'

export const BASES: readonly ResultsBasis[] = ['approved', 'submitted', 'all']
/** In the order the summary and the status filter list them. */
export const STATUSES: readonly TargetStatus[] = ['exceeded', 'achieved', 'not_yet', 'failed', 'no_data', 'no_baseline']

/** A status is said in words and shown with a shape, never by colour alone. */
export const STATUS_ICONS: Readonly<Record<TargetStatus, string>> = {
  exceeded: '▲',
  achieved: '✔',
  not_yet: '◔',
  failed: '✖',
  no_data: '–',
  no_baseline: '?',
}

export interface DashboardFilters {
  year?: number
  /** As of the end of this period (a code such as `2024-Q2`). */
  period?: string
  /** As of the end of this phase (đợt thi đua, a code of the plan such as `D1`); excludes `period`. */
  phase?: string
  basis: ResultsBasis
  field?: string
  status?: TargetStatus
}

const one = (v: LocationQuery[string] | undefined): string | undefined => {
  const s = Array.isArray(v) ? v[0] : v
  return typeof s === 'string' && s !== '' ? s : undefined
}

/** The filters an address carries; anything unknown is ignored rather than refused. */
export function filtersFromQuery(q: LocationQuery): DashboardFilters {
  const f: DashboardFilters = { basis: 'approved' }
  const year = Number(one(q.year))
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) f.year = year
  const phase = one(q.phase)
  const period = one(q.period)
  if (phase) f.phase = phase
  else if (period) f.period = period
  const basis = one(q.basis)
  if (basis && (BASES as string[]).includes(basis)) f.basis = basis as ResultsBasis
  const field = one(q.field)
  if (field) f.field = field
  const status = one(q.status)
  if (status && (STATUSES as string[]).includes(status)) f.status = status as TargetStatus
  return f
}

/** The address's query for `f`: only what differs from the defaults. */
export function queryFromFilters(f: DashboardFilters): LocationQueryRaw {
  const q: Record<string, string> = {}
  if (f.year !== undefined) q.year = String(f.year)
  if (f.phase) q.phase = f.phase
  else if (f.period) q.period = f.period
  if (f.basis !== 'approved') q.basis = f.basis
  if (f.field) q.field = f.field
  if (f.status) q.status = f.status
  return q
}

/** What the server is asked for (field and status filter on this side). */
export function serverQuery(f: DashboardFilters): ResultsQuery {
  return { year: f.year, period: f.phase ? undefined : f.period, phase: f.phase, basis: f.basis }
}

/** The field and every field nested under it. */
export function fieldScope(fields: readonly Field[], code: string): Set<string> {
  const scope = new Set([code])
  let grew = true
  while (grew) {
    grew = false
    for (const f of fields) {
      if (f.parent && scope.has(f.parent) && !scope.has(f.code)) {
        scope.add(f.code)
        grew = true
      }
    }
  }
  return scope
}

/** A field's depth in the tree (0 for a top-level field). */
export function fieldDepth(fields: readonly Field[], code: string): number {
  const byCode = new Map(fields.map((f) => [f.code, f]))
  let depth = 0
  let f = byCode.get(code)
  const seen = new Set<string>()
  while (f?.parent && !seen.has(f.parent) && byCode.has(f.parent)) {
    seen.add(f.parent)
    depth++
    f = byCode.get(f.parent)
  }
  return depth
}

export interface FieldSection {
  code: string
  /** "Văn hóa – xã hội › Y tế" for a nested field. */
  title: string
  depth: number
  /** The top-level field it belongs to: the printed view starts a page at each. */
  top: string
  indicators: IndicatorResult[]
}

const OTHER = '__other__'

/** The indicators grouped by field in the plan's order; fields without indicators are left out. */
export function fieldSections(results: Pick<PlanResults, 'fields'>, indicators: readonly IndicatorResult[], otherTitle = 'Khác'): FieldSection[] {
  const byCode = new Map(results.fields.map((f) => [f.code, f]))
  const path = (code: string): Field[] => {
    const out: Field[] = []
    const seen = new Set<string>()
    for (let f = byCode.get(code); f && !seen.has(f.code); f = f.parent ? byCode.get(f.parent) : undefined) {
      seen.add(f.code)
      out.unshift(f)
    }
    return out
  }
  const sections = new Map<string, FieldSection>()
  for (const f of results.fields) {
    const p = path(f.code)
    sections.set(f.code, { code: f.code, title: p.map((x) => x.name).join(' › '), depth: p.length - 1, top: p[0]?.code ?? f.code, indicators: [] })
  }
  for (const ind of indicators) {
    let s = sections.get(ind.field)
    if (!s) {
      s = sections.get(OTHER) ?? { code: OTHER, title: otherTitle, depth: 0, top: OTHER, indicators: [] }
      sections.set(OTHER, s)
    }
    s.indicators.push(ind)
  }
  return [...sections.values()].filter((s) => s.indicators.length > 0)
}

export function countByStatus(indicators: readonly IndicatorResult[]): Record<TargetStatus, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<TargetStatus, number>
  for (const i of indicators) counts[i.status] = (counts[i.status] ?? 0) + 1
  return counts
}

const isRateUnit = (u: string) => u.trim() === '%' || u.trim() === '‰'

type Figure = Pick<IndicatorResult, 'aggregation' | 'unitOfMeasure' | 'scale'> & { actual: number | null; numerator?: number; denominator?: number; achieved?: boolean }

/** A figure as the table shows it: `1.448,5`, `90%`, `Đạt`; `—` when there is none. */
export function figureText(t: Translate, f: Figure): string {
  if (f.aggregation === 'yes_no') {
    if (f.achieved === undefined && f.actual === null) return '—'
    return (f.achieved ?? f.actual === 1) ? t('dashboard.table.yes') : t('dashboard.table.no')
  }
  if (f.actual === null) return '—'
  if (f.aggregation === 'rate') {
    const unit = isRateUnit(f.unitOfMeasure) ? f.unitOfMeasure : f.scale === 1000 ? '‰' : f.scale === 1 ? '' : '%'
    return formatViAmount(f.actual, unit, 2)
  }
  return formatViNumber(f.actual, 2)
}

/** A unit's verdict as the unit table shows it. */
export type UnitVerdict =
  /** `basis`: "theo chỉ tiêu xã" when the commune's target was applied to the unit, else null. */
  | { status: TargetStatus; basis: string | null }
  /** No verdict: `—` on screen, `text` for screen readers and as the cell's title. */
  | { status: null; text: string }

/**
 * A unit's verdict: against its own target, against the commune's (said so), or none when the
 * unit has no target of its own and the commune's is a total over the units.
 */
export function unitVerdict(t: Translate, u: Pick<UnitResult, 'status' | 'target'>): UnitVerdict {
  if (u.status === null) return { status: null, text: t('dashboard.detail.noUnitTarget') }
  return { status: u.status, basis: u.target === 'commune' ? t('dashboard.detail.communeTarget') : null }
}

/** A rate's numerator and denominator, `45/50`; null for other figures. */
export function ratioText(f: Figure): string | null {
  if (f.aggregation !== 'rate' || f.numerator === undefined || f.denominator === undefined) return null
  return `${formatViNumber(f.numerator, 2)}/${formatViNumber(f.denominator, 2)}`
}

/** The share of the target done: `90%`, `112,5%`; `—` when nothing compares. */
export function progressText(progress: number | null): string {
  return progress === null || !Number.isFinite(progress) ? '—' : formatViPercent(progress * 100, 1)
}

/** `đúng tiến độ` / `chậm tiến độ` / `—`. */
export function paceText(t: Translate, onPace: boolean | null): string {
  return onPace === null ? '—' : onPace ? t('dashboard.table.onTime') : t('dashboard.table.behind')
}

/** An amount in the indicator's unit, for charts' tooltips and texts: `1.448,5 tấn`, `95%`. */
export function amountText(x: number, ind: Pick<IndicatorResult, 'unitOfMeasure'>): string {
  return formatViAmount(x, ind.unitOfMeasure, 2)
}

/** The level(s) a chart draws as the target line; none when the target names no single figure. */
export function targetLines(target: Target | undefined): { value: number; upper: boolean }[] {
  if (!target) return []
  switch (target.kind) {
    case 'at_least':
    case 'rate_at_least':
    case 'at_most':
      return [{ value: target.value, upper: false }]
    case 'range':
      return target.min === target.max ? [{ value: target.min, upper: false }] : [{ value: target.min, upper: false }, { value: target.max, upper: true }]
    case 'derived':
      return target.value === undefined ? [] : [{ value: target.value, upper: false }]
    case 'growth':
      return target.baseValue === undefined ? [] : [{ value: target.baseValue * (1 + target.percent / 100), upper: false }]
    case 'reduce_by':
      return target.baseline === undefined ? [] : [{ value: target.baseline - target.amount, upper: false }]
    default:
      return []
  }
}

/** Sơ kết (mid-year review) up to 30 June, tổng kết (year-end review) after. */
export function suggestedReviewKind(results: Pick<PlanResults, 'asOf' | 'yearFraction'> | null): ReviewKind {
  if (!results?.asOf) return 'so_ket'
  return results.yearFraction > 0.5 + 1e-9 ? 'tong_ket' : 'so_ket'
}

/** "Quý 2/2024" for a trend or as-of period; a phase by its dates. */
export function periodName(t: Translate, p: { code: string; kind: PeriodKind; from: string; to: string }): string {
  return periodLabel(t, { ...p, year: Number(p.from.slice(0, 4)) })
}
