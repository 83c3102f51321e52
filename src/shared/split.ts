// Splitting a commune's target across its units (giao chỉ tiêu cho từng thôn, tổ dân phố): an
// amount of a flow or a stock (tấn, ha, người, đồng) shared out equally, in proportion to a figure
// of each unit (households, population, area) or as typed; every share rounded to the same
// precision and the shares summing exactly to the commune's target. A rate, a yes/no or a cap is a
// level each unit reaches on its own and is not split. Pure.
import type { Target } from './model'
import { isSplittable } from './splittable'
import { decimalsOf } from './validation'

export { isSplittable }

export { decimalsOf }

/**
 * Shares `total` out in proportion to `weights` (all equal for an equal split), each share rounded
 * to `decimals` places and the shares summing exactly to `total` (largest remainder: every share
 * is first rounded down, then the units that lost most to the rounding get one more step, a tie
 * going to the larger weight, then to the unit listed first). `decimals` is raised to the total's
 * own precision, as no coarser shares can sum to it. Null when nothing can be shared: no unit,
 * a negative or non-finite figure, or no weight above zero.
 */
export function apportion(total: number, weights: readonly number[], decimals = 0): number[] | null {
  if (!Number.isFinite(total) || total < 0 || weights.length === 0) return null
  if (weights.some((w) => !Number.isFinite(w) || w < 0)) return null
  const sum = weights.reduce((a, w) => a + w, 0)
  if (!(sum > 0)) return null
  const d = Math.min(6, Math.max(Math.trunc(decimals), decimalsOf(total)))
  const step = 10 ** d
  const steps = Math.round(total * step)
  const quotas = weights.map((w) => (steps * w) / sum)
  const floors = quotas.map((q) => Math.floor(q + 1e-9))
  let left = steps - floors.reduce((a, f) => a + f, 0)
  const order = quotas
    .map((q, i) => ({ i, rest: q - floors[i]!, w: weights[i]! }))
    .sort((a, b) => b.rest - a.rest || b.w - a.w || a.i - b.i)
  for (const { i } of order) {
    if (left <= 0) break
    floors[i]! += 1
    left -= 1
  }
  return floors.map((f) => f / step)
}

/** The amount a splittable target shares out (a range's floor), or undefined. */
export function splitAmount(t: Target): number | undefined {
  return t.kind === 'at_least' || t.kind === 'derived' ? t.value : t.kind === 'range' ? t.min : undefined
}

/**
 * Each unit's target from the commune's, in proportion to `weights`, by `apportion`: "đạt 229 ha"
 * gives "đạt 19 ha", "đạt 20 ha"…; a range shares its floor and its width, so each unit's floor
 * stays below its ceiling and both sum to the commune's; a derived target keeps its kind (the
 * unit's stated figure). Null when the target is not an amount or nothing can be shared.
 */
export function splitTarget(target: Target, weights: readonly number[], decimals = 0): Target[] | null {
  switch (target.kind) {
    case 'at_least': {
      const parts = apportion(target.value, weights, decimals)
      return parts && parts.map((value) => ({ kind: 'at_least', value, ...(target.strict ? { strict: true } : {}) }))
    }
    case 'derived': {
      const parts = target.value === undefined ? null : apportion(target.value, weights, decimals)
      return parts && parts.map((value) => ({ kind: 'derived', value }))
    }
    case 'range': {
      const d = Math.max(decimals, decimalsOf(target.min), decimalsOf(target.max))
      const mins = apportion(target.min, weights, d)
      const widths = apportion(target.max - target.min, weights, d)
      if (!mins || !widths) return null
      const step = 10 ** Math.min(6, d)
      return mins.map((min, i) => ({ kind: 'range', min, max: Math.round((min + widths[i]!) * step) / step }))
    }
    default:
      return null
  }
}

/** Each unit's typed share against the commune's amount: the sum and what is left to share (negative: too much). */
export function splitBalance(total: number, shares: readonly (number | undefined)[]): { sum: number; left: number; missing: number } {
  const typed = shares.filter((s): s is number => s !== undefined)
  const d = Math.max(decimalsOf(total), ...typed.map(decimalsOf))
  const step = 10 ** d
  const sum = Math.round(typed.reduce((a, s) => a + s, 0) * step) / step
  return { sum, left: Math.round((total - sum) * step) / step, missing: shares.length - typed.length }
}
