// Small statistics for benchmark figures: median, percentiles, spread. Pure (no Node APIs), so
// test/shared/benchStats.test.ts checks it with the rest of the pure code.

function sorted(values: readonly number[]): number[] {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) by linear interpolation between closest ranks, the
 * definition of numpy's default and of PostgreSQL's percentile_cont. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be from 0 to 100, got ${p}`)
  const s = sorted(values)
  if (s.length === 0) return NaN
  const rank = (p / 100) * (s.length - 1)
  const lo = Math.floor(rank)
  const hi = Math.ceil(rank)
  return s[lo]! + (s[hi]! - s[lo]!) * (rank - lo)
}

export function median(values: readonly number[]): number {
  return percentile(values, 50)
}

/** Median, smallest and largest of a set of runs' figures. NaN throughout for no values. */
export interface Spread {
  median: number
  min: number
  max: number
  n: number
}

export function spread(values: readonly number[]): Spread {
  const s = sorted(values)
  if (s.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 }
  return { median: median(s), min: s[0]!, max: s[s.length - 1]!, n: s.length }
}
