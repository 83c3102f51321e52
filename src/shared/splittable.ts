// Whether a commune's target is an amount its units share (a total of a flow or a stock) rather than
// a level each unit reaches: the entry screen asks it to decide whether a village sees the commune's
// target. Kept apart from split.ts (the sharing out itself, only the plan screen's) so that the phone's
// first load carries only this.
import { computedExpr } from './aggregation'
import type { Indicator, Target } from './model'
import { formulaRefs } from './formula'
import { isIntensive } from './validation'

/** The commune target kinds that are a total over the units, and so can be shared out. */
const SPLIT_KINDS: ReadonlySet<Target['kind']> = new Set(['at_least', 'range', 'derived'])

/**
 * Whether the indicator's commune target is an amount to share out among its units: an
 * `at_least`, `range` or stated `derived` target of a flow or a stock whose figure sums over the
 * units (not a level computed from others, such as a yield: output × 10 ÷ area).
 */
export function isSplittable(ind: Pick<Indicator, 'aggregation' | 'target' | 'formula' | 'children'>): boolean {
  const t = ind.target
  if (!t || !SPLIT_KINDS.has(t.kind) || (ind.aggregation !== 'flow' && ind.aggregation !== 'stock')) return false
  if (t.kind === 'derived' && t.value === undefined) return false
  const expr = ind.formula !== undefined ? computedExpr(ind) : undefined
  if (ind.formula !== undefined && !expr) return false
  // A computed level gives the same figure when every input is ten times larger: never a total.
  if (expr) return !isIntensive(expr, new Map(formulaRefs(expr).map((c, n) => [c, n + 1])))
  return true
}
