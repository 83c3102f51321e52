// Starting figures (số gốc) of the targets measured from one: the start-of-year level of a
// reduction, the base year's figure of a growth. The commune's lives in the target; each unit's in
// `indicator.baselines`. Pure: the rows the editor shows, and the plan with the figures typed.
import type { BaselineSuggestion } from '../../../../shared/api'
import type { Indicator, Plan, Target, Unit } from '../../../../shared/model'
import { reportingUnits } from '../../../../shared/planFile'
import { apiRequest, communePath } from '../../../api'
import { numberText, readNumber, type Lang } from '../targetForm'

/** The kind of starting figure a target needs, if any. */
export function startingKind(t: Target | undefined): 'start' | 'base' | undefined {
  return t?.kind === 'reduce_by' ? 'start' : t?.kind === 'growth' ? 'base' : undefined
}

/** Indicators whose commune target or some unit's target is measured from a starting figure. */
export function measuredFromStart(plan: Plan): Indicator[] {
  return plan.indicators.filter((i) => startingKind(i.target) !== undefined || Object.values(i.unitTargets ?? {}).some((t) => startingKind(t) !== undefined))
}

function targetStart(t: Target | undefined): number | undefined {
  return t?.kind === 'reduce_by' ? t.baseline : t?.kind === 'growth' ? t.baseValue : undefined
}

/** One line of an indicator's table: the commune (unit undefined) or a unit, with what is typed. */
export interface BaselineRow {
  unit?: Pick<Unit, 'code' | 'name'>
  text: string
  suggested?: number
}

/** The lines of an indicator: the commune's when its target needs one, then each reporting unit's. */
export function baselineRows(ind: Indicator, units: readonly Unit[], suggestion?: BaselineSuggestion): BaselineRow[] {
  const rows: BaselineRow[] = []
  if (startingKind(ind.target) !== undefined) {
    rows.push({ text: numberText(targetStart(ind.target)), ...(suggestion?.commune != null ? { suggested: suggestion.commune } : {}) })
  }
  for (const u of reportingUnits(ind.reporters, units)) {
    const own = targetStart(ind.unitTargets?.[u.code]) ?? ind.baselines?.[u.code]
    const suggested = suggestion?.units[u.code]
    rows.push({ unit: { code: u.code, name: u.name }, text: numberText(own), ...(suggested !== undefined ? { suggested } : {}) })
  }
  return rows
}

function withStart(t: Target, value: number | undefined): Target {
  if (t.kind === 'reduce_by') {
    const { baseline: _b, ...rest } = t
    return value === undefined ? rest : { ...rest, baseline: value }
  }
  if (t.kind === 'growth') {
    const { baseValue: _b, ...rest } = t
    return value === undefined ? rest : { ...rest, baseValue: value }
  }
  return t
}

export type BaselineResult = { ok: true; plan: Plan } | { ok: false; errors: Record<string, string> }

/**
 * The plan with an indicator's starting figures as typed (`rows` as baselineRows gave them). An
 * empty box removes the figure. A unit's figure goes to `baselines`, and out of the unit's own
 * target, so that each unit's starting figure is kept in one place.
 */
export function applyBaselines(plan: Plan, code: string, rows: readonly BaselineRow[], lang: Lang = 'vi'): BaselineResult {
  const ind = plan.indicators.find((i) => i.code === code)
  if (!ind) return { ok: false, errors: { '': lang === 'vi' ? `Kế hoạch không còn chỉ tiêu “${code}”` : `The plan no longer has indicator “${code}”` } }
  const suffix = ind.unitOfMeasure.trim() === '%' ? '%' : ind.unitOfMeasure.trim() === '‰' ? '‰' : undefined
  const errors: Record<string, string> = {}
  const next: Indicator = { ...ind }
  const baselines: Record<string, number> = { ...(ind.baselines ?? {}) }
  const unitTargets: Record<string, Target> = { ...(ind.unitTargets ?? {}) }
  const growth = ind.target?.kind === 'growth' || Object.values(unitTargets).some((t) => t.kind === 'growth')
  for (const row of rows) {
    const key = row.unit?.code ?? ''
    const r = readNumber(row.text, { optional: true, allowNegative: !growth, suffix }, lang)
    if (!r.ok) {
      errors[key] = r.message
      continue
    }
    if (growth && r.value !== undefined && r.value <= 0) {
      errors[key] = lang === 'vi' ? 'Giá trị năm gốc phải lớn hơn 0.' : 'The base-year value must be greater than 0.'
      continue
    }
    if (!row.unit) {
      if (next.target) next.target = withStart(next.target, r.value)
      continue
    }
    const own = unitTargets[row.unit.code]
    if (own && startingKind(own) !== undefined) unitTargets[row.unit.code] = withStart(own, undefined)
    if (r.value === undefined) delete baselines[row.unit.code]
    else baselines[row.unit.code] = r.value
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  if (Object.keys(baselines).length > 0) next.baselines = baselines
  else delete next.baselines
  if (ind.unitTargets) next.unitTargets = unitTargets
  return { ok: true, plan: { ...plan, indicators: plan.indicators.map((i) => (i.code === code ? next : i)) } }
}

/** The starting figures the server suggests from earlier years' approved figures. */
export function loadBaselineSuggestions(commune: string, year: number, signal?: AbortSignal): Promise<BaselineSuggestion[]> {
  return apiRequest(communePath(commune, `plans/${year}/baselines`), { signal })
}
