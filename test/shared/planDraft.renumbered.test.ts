// Drafting a plan from its document (issue 13), faults found measuring sets 132 to 134: a list
// numbered again from "1." right under a numbered heading that names the targets is that heading's
// items (its goals without figures are read as goals); "bằng hoặc cao hơn <figure>" is at least the
// figure, not above it; "không còn hộ nghèo … vào cuối năm" is at most 0 with the year's end after
// it; cells of fish cages are counted in ô. Hand-written plans.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Hương Trà', '12', '10 tháng 01', 2027)
const draft = listDrafter(HEAD)

const RENUMBERED = `${HEAD}
Căn cứ Kế hoạch của UBND tỉnh về công tác thi đua năm 2027.

1. Mục đích
Khơi dậy phong trào thi đua trong cán bộ và Nhân dân.

2. Các chỉ tiêu thi đua chủ yếu năm 2027
1. Thu ngân sách nhà nước trên địa bàn đạt 7.200 triệu đồng trở lên.
2. Tổng đàn bò 3.100 con trở lên.
3. Giữ vững an ninh chính trị, trật tự an toàn xã hội.
4. Không để xảy ra cháy rừng.

3. Khen thưởng
Tặng Giấy khen cho không quá 8 tập thể, mỗi tập thể 1.500.000 đồng.
`

describe('a list numbered again from 1 under its numbered heading', () => {
  it('reads its goals without figures as goals, beside its figures', () => {
    const d = draftPlan(RENUMBERED)
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind])).toEqual([
      ['Thu ngân sách nhà nước trên địa bàn', 'at_least'],
      ['Tổng đàn bò', 'at_least'],
      ['Giữ vững an ninh chính trị, trật tự an toàn xã hội', 'yes_no'],
      ['Không để xảy ra cháy rừng', 'yes_no'],
    ])
    // (The heading after the run, "3. Khen thưởng", is the awards' part again: its sums are no targets.)
    expect(d.indicators.some((i) => /1\.500\.000/u.test(i.value.source ?? ''))).toBe(false)
  })
})

describe('levels met or passed', () => {
  it('reads "bằng hoặc cao hơn" a figure as at least the figure, named without the words', () => {
    const d = draft(['- Thu ngân sách trên địa bàn bằng hoặc cao hơn 9,6 tỷ đồng.', '- Số vụ cháy nổ bằng hoặc ít hơn 2 vụ.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Thu ngân sách trên địa bàn', { kind: 'at_least', value: 9.6 }],
      ['Số vụ cháy nổ', { kind: 'at_most', value: 2, strict: false }],
    ])
  })

  it('reads "không còn hộ nghèo … vào cuối năm" as at most 0 households', () => {
    const d = draft(['- Không còn hộ nghèo theo chuẩn của tỉnh vào cuối năm 2027.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([['Hộ nghèo theo chuẩn của tỉnh', 'hộ', { kind: 'at_most', value: 0, strict: false }]])
  })

  it('counts the cells of fish cages in ô, a stock, and a car is no cell', () => {
    const d = draft(['- Số ô lồng nuôi cá trên đầm phá không quá 900 ô.', '- Mua sắm 2 ô tô chuyên dùng thu gom rác.'])
    const cells = d.indicators.find((i) => i.value.unitOfMeasure === 'ô')
    expect(cells?.value.target).toEqual({ kind: 'at_most', value: 900, strict: false })
    expect(cells?.value.aggregation).toBe('stock')
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'ô')).toHaveLength(1)
  })
})

describe('a run-in label naming what a cut counts', () => {
  it('finds the start of "Hộ nghèo: giảm 25 hộ", named by its label alone, in the review', () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2026
Năm 2026, thu ngân sách đạt 6,1 tỷ đồng. Đầu năm 2027 toàn xã còn 318 hộ nghèo; 14/15 thôn đạt danh hiệu Thôn văn hóa.
II. CHỈ TIÊU THI ĐUA NĂM 2027
- Hộ nghèo: giảm 25 hộ so với đầu năm.
`)
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([['Hộ nghèo', { kind: 'reduce_by', amount: 25, baseline: 318 }]])
  })

  it('names "Hộ nghèo: giảm 25 hộ nghèo" once and finds its start in the review', () => {
    const d = draftPlan(`${HEAD}
I. KẾT QUẢ NĂM 2026
Năm 2026, thu ngân sách đạt 6,1 tỷ đồng. Đầu năm 2027 toàn xã còn 318 hộ nghèo; 14/15 thôn đạt danh hiệu Thôn văn hóa.
II. CHỈ TIÊU THI ĐUA NĂM 2027
- Hộ nghèo: giảm 25 hộ nghèo so với đầu năm.
`)
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([['Số hộ nghèo', { kind: 'reduce_by', amount: 25, baseline: 318 }]])
  })
})
