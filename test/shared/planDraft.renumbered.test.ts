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

describe('faults found measuring sets 143 to 146', () => {
  it('leaves out a review of the year before, labelled "Đánh giá năm 2026:", and reads the targets after it', () => {
    const d = draftPlan(`ỦY BAN NHÂN DÂN XÃ ĐỒNG TÂM
Số: 02/KH-UBND
Đồng Tâm, ngày 08 tháng 01 năm 2027
KẾ HOẠCH
Phát động phong trào thi đua năm 2027
Đánh giá năm 2026: Năm 2026 sản lượng lúa đạt 6.900 tấn; tổng đàn bò 2.410 con; thu ngân sách 21,5 tỷ đồng.
Chỉ tiêu thi đua năm 2027:
- Thu ngân sách nhà nước trên địa bàn: ≥ 23 tỷ đồng.
- 18/18 thôn giữ vững danh hiệu Thôn văn hóa.
Khen thưởng: tặng Giấy khen cho không quá 5 tập thể.
`)
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tỷ đồng', { kind: 'at_least', value: 23 }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
  })

  it('reads a growth after a field\'s label and "phấn đấu", and a cut after a paragraph\'s ordinal and its field', () => {
    const d = draft([
      '- Về phát triển kinh tế: phấn đấu tốc độ tăng tổng giá trị sản xuất đạt từ 7 - 8% so với năm 2026.',
      'Hai là, về văn hóa - xã hội: giảm tỷ lệ hộ nghèo chung từ 1,2% trở lên.',
    ])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Tổng giá trị sản xuất', { kind: 'growth', percent: 7, maxPercent: 8, baseYear: 2026 }],
      ['Tỷ lệ hộ nghèo chung', { kind: 'reduce_by', amount: 1.2 }],
    ])
  })
})
