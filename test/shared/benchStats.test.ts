// The benchmark's statistics (test/bench/stats.ts): pure, so they are tested with the shared code.
import { describe, expect, it } from 'vitest'
import { median, percentile, spread } from '../bench/stats'

describe('bench statistics', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([7])).toBe(7)
  })

  it('interpolates percentiles between closest ranks', () => {
    const ms = Array.from({ length: 101 }, (_, i) => i) // 0..100
    expect(percentile(ms, 0)).toBe(0)
    expect(percentile(ms, 50)).toBe(50)
    expect(percentile(ms, 99)).toBe(99)
    expect(percentile(ms, 100)).toBe(100)
    expect(percentile([10, 20], 25)).toBe(12.5)
  })

  it('does not depend on the order of the values and does not reorder them', () => {
    const values = [5, 1, 4, 2, 3]
    expect(percentile(values, 75)).toBe(4)
    expect(values).toEqual([5, 1, 4, 2, 3])
  })

  it('answers NaN for no values and refuses a percentile outside 0–100', () => {
    expect(median([])).toBeNaN()
    expect(spread([])).toEqual({ median: NaN, min: NaN, max: NaN, n: 0 })
    expect(() => percentile([1], 101)).toThrow(RangeError)
  })

  it('gives median, min and max of runs', () => {
    expect(spread([5200, 4800, 5100, 5000, 4900])).toEqual({ median: 5000, min: 4800, max: 5200, n: 5 })
  })
})
