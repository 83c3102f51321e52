// How many decimals a figure is shown with when it is reviewed, one rule for every screen:
// - a figure the unit typed is shown as typed (up to 6 decimals): rounding it would hide what
//   was sent;
// - a computed figure (a formula, or the sum of its parts) carries as many decimals as its own
//   target and its inputs state, at least 1 and at most 2: a yield of 1.448,5 t on 195,4 ha is
//   74,1 tạ/ha, never 74,137931;
// - a rate carries 1 or 2 decimals, 2 only when its target states 2 (99,64%);
// - a yes/no answer has none.
// Pure: no DOM, no I/O.
import { isComputed } from './aggregation'
import type { Indicator, Target } from './model'

export const TYPED_DECIMALS = 6
export const COMPUTED_DECIMALS = { min: 1, max: 2 } as const
export const RATE_DECIMALS = { min: 1, max: 2 } as const

/** Decimal places a stated number carries (up to 6): 1448.5 → 1, 228 → 0, 99.64 → 2. */
export function statedDecimals(x: number): number {
  if (!Number.isFinite(x)) return 0
  for (let d = 0; d < TYPED_DECIMALS; d++) {
    const scaled = Math.abs(x) * 10 ** d
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, scaled)) return d
  }
  return TYPED_DECIMALS
}

/** The figures a target states, in the indicator's unit (a share's percentages, a growth's percent and base). */
export function targetNumbers(t: Target | undefined): number[] {
  if (!t) return []
  switch (t.kind) {
    case 'at_least':
    case 'rate_at_least':
    case 'at_most':
      return [t.value]
    case 'range':
      return [t.min, t.max]
    case 'reduce_by':
      return [t.amount, ...(t.max !== undefined ? [t.max] : []), ...(t.baseline !== undefined ? [t.baseline] : [])]
    case 'growth':
      return t.baseValue !== undefined ? [t.baseValue] : []
    case 'shares':
      return t.parts.map((p) => p.percent)
    case 'derived':
      return t.value !== undefined ? [t.value] : []
    case 'yes_no':
      return []
  }
}

export type PrecisionIndicator = Pick<Indicator, 'aggregation'> & Partial<Pick<Indicator, 'target' | 'formula' | 'children'>>

const clamp = (d: number, r: { min: number; max: number }): number => Math.min(r.max, Math.max(r.min, d))

/**
 * The decimals a figure of `ind` is shown with. `stated`: the other figures that state its
 * precision, for a computed one its inputs' figures and targets.
 */
export function figureDecimals(ind: PrecisionIndicator, stated: readonly number[] = []): number {
  if (ind.aggregation === 'yes_no') return 0
  const own = targetNumbers(ind.target).map(statedDecimals)
  if (ind.aggregation === 'rate') return clamp(Math.max(0, ...own), RATE_DECIMALS)
  if (!isComputed(ind)) return TYPED_DECIMALS
  return clamp(Math.max(0, ...own, ...stated.map(statedDecimals)), COMPUTED_DECIMALS)
}
