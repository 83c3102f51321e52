// Arranges a plan's fields into their nesting, each with its indicators in plan order, for display.
import type { Field, Indicator, Plan } from '../../../shared/model'

export interface IndicatorRow {
  indicator: Indicator
  /** A part listed right under its whole (lúa under lương thực): shown indented. */
  sub: boolean
}

export interface FieldNode {
  field: Field
  indicators: IndicatorRow[]
  children: FieldNode[]
}

/** Code of the catch-all section for indicators whose field the plan does not list. */
export const OTHER_FIELD_CODE = '_other'

export function buildFieldTree(plan: Pick<Plan, 'fields' | 'indicators'>): FieldNode[] {
  const fieldCodes = new Set(plan.fields.map((f) => f.code))
  const nodes = new Map<string, FieldNode>(plan.fields.map((f) => [f.code, { field: f, indicators: [], children: [] }]))
  const roots: FieldNode[] = []
  for (const f of plan.fields) {
    const node = nodes.get(f.code) as FieldNode
    const parent = f.parent === undefined || inCycle(f, plan.fields) ? undefined : nodes.get(f.parent)
    ;(parent ? parent.children : roots).push(node)
  }

  const parentOf = parentIndicators(plan.indicators)
  const orphans: IndicatorRow[] = []
  for (const indicator of plan.indicators) {
    const node = fieldCodes.has(indicator.field) ? nodes.get(indicator.field) : undefined
    const rows = node ? node.indicators : orphans
    rows.push({ indicator, sub: followsItsWhole(indicator, rows[rows.length - 1], parentOf) })
  }
  if (orphans.length > 0) roots.push({ field: { code: OTHER_FIELD_CODE, name: 'Chỉ tiêu khác' }, indicators: orphans, children: [] })
  return roots
}

/** A field whose parent chain leads back to itself would nest forever: it is shown at the top instead. */
function inCycle(field: Field, fields: readonly Field[]): boolean {
  const byCode = new Map(fields.map((f) => [f.code, f]))
  const seen = new Set<string>()
  for (let f: Field | undefined = field; f?.parent !== undefined; f = byCode.get(f.parent)) {
    if (f.parent === field.code) return true
    if (seen.has(f.parent)) return false // a loop further up; its own members come out at the top
    seen.add(f.parent)
  }
  return false
}

/**
 * Indented only right under its whole or a sibling part: plans often list area, yield and output
 * of each crop before the total, and an indent away from the total would say nothing.
 */
function followsItsWhole(indicator: Indicator, previous: IndicatorRow | undefined, parentOf: ReadonlyMap<string, Indicator>): boolean {
  const parent = parentOf.get(indicator.code)
  if (parent === undefined || previous === undefined) return false
  const prev = previous.indicator
  return prev.code === parent.code || (previous.sub && parentOf.get(prev.code)?.code === parent.code)
}

/** The indicator each one is a part of, through `children` or `partOf`. */
function parentIndicators(indicators: readonly Indicator[]): Map<string, Indicator> {
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  const out = new Map<string, Indicator>()
  for (const i of indicators) {
    for (const c of i.children ?? []) out.set(c, i)
    const whole = i.partOf === undefined ? undefined : byCode.get(i.partOf)
    if (whole && !out.has(i.code)) out.set(i.code, whole)
  }
  return out
}
