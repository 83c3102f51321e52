// Drafting a plan from its document (issue 13): a total raised to ("nâng tổng số … lên 9/12") after
// the increase that raises it ("có thêm 02 …"): plans' officers enter either the year's end level or
// the increase, so the draft reads the total and offers the increase as the other reading, marked for
// the officer; the total is named by its own words, without the verb's "lên". Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Hòa', '21', '12 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('an increase and the total it raises', () => {
  it('reads the total, named by its words, and offers the increase as the other reading', () => {
    const d = draft(['1. Có thêm 02 trường mầm non được công nhận đạt chuẩn quốc gia, nâng tổng số trường đạt chuẩn quốc gia lên 9/12 trường.'])
    const [school] = d.indicators
    expect(d.indicators).toHaveLength(1)
    expect(school?.value.name).toBe('Số trường đạt chuẩn quốc gia')
    expect(school?.value.target).toEqual({ kind: 'at_least', value: 9 })
    expect(school?.value.aggregation).toBe('stock')
    expect(school?.ambiguous).toBe(true)
    expect(school?.alternatives?.map((a) => [a.target, a.aggregation])).toEqual([[{ kind: 'at_least', value: 2 }, 'flow']])
    expect(school?.reasons.join(' ')).toMatch(/số tăng thêm \(02\)/u)
  })

  it('keeps the clause\'s name where the total names nothing of its own ("nâng tổng số lên 15/19")', () => {
    const d = draft(['1. Đạt thêm 03 tiêu chí xã nông thôn mới nâng cao, nâng tổng số lên 15/19 tiêu chí.'])
    expect(d.indicators[0]?.value.target).toEqual({ kind: 'at_least', value: 15 })
    expect(d.indicators[0]?.value.name).toMatch(/tiêu chí xã nông thôn mới nâng cao/u)
    expect(d.indicators[0]?.ambiguous).toBe(true)
  })

  it('names a level moved by "nâng … lên" or "đưa … xuống" without the verb\'s particle', () => {
    const d = draft(['1. Trồng mới 25 ha quế, nâng tổng diện tích quế lên 410 ha.', '2. Đưa tỷ lệ hộ nghèo xuống dưới 1,5%.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Trồng mới quế', { kind: 'at_least', value: 25 }],
      ['Diện tích quế', { kind: 'at_least', value: 410 }],
      ['Tỷ lệ hộ nghèo', { kind: 'at_most', value: 1.5, strict: true }],
    ])
    // (No "thêm" before the total: the planting and the area are two targets, neither a guess.)
    expect(d.indicators.every((i) => !i.ambiguous)).toBe(true)
  })
})
