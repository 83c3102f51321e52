// Drafting a plan from its document (issue 13): one finder for the figure a target is measured from
// (a cut's baseline, a growth's baseValue), on hand-written sentences and tables in the language of
// commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hòa Bắc', '7', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, ...(intro !== undefined ? { intro } : {}) }))
const target = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))?.value.target

describe('a table row named for the cut', () => {
  const review = 'Năm 2025, toàn xã còn 84 hộ nghèo, chiếm 3,74%; tỷ lệ hộ cận nghèo cuối năm 2025 còn 2,61%.'

  it('holds last year\'s cut in its last-year column, not a level: the start is the level the document states', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Giảm tỷ lệ hộ nghèo (theo chuẩn đa chiều) | % | 1,6 | 1,1 |',
      '| 2 | Tỷ lệ hộ cận nghèo giảm | % | 0,35 | 0,25 |',
    ], review)
    expect(target(d, /Giảm tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 1.1, baseline: 3.74 })
    expect(target(d, /cận nghèo giảm/u)).toMatchObject({ kind: 'reduce_by', amount: 0.25, baseline: 2.61 })
  })

  it('and none where the document states no level', () => {
    const d = draft([
      '| TT | Chỉ tiêu | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|',
      '| 1 | Tỷ lệ hộ nghèo giảm (%) | 1,45 | 1,1 |',
    ])
    const t = target(d, /hộ nghèo giảm/u)
    expect(t).toMatchObject({ kind: 'reduce_by', amount: 1.1 })
    expect(t && 'baseline' in t ? t.baseline : undefined).toBeUndefined()
  })

  it('while a row named for the level holds the level in that column', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Tỷ lệ hộ nghèo | % | 4,12 | Giảm 0,8 - 1 |',
    ])
    expect(target(d, /Tỷ lệ hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.8, max: 1, baseline: 4.12 })
  })
})

describe('a growth\'s base value, found by the same finder', () => {
  const review = [
    'Kết quả thực hiện năm 2025: kinh tế của xã giữ mức tăng khá; tổng giá trị sản xuất (giá so sánh 2010) ước đạt 1.532 tỷ đồng, tăng 8,4% so với năm 2024; tổng mức bán lẻ hàng hóa và doanh thu dịch vụ trên địa bàn ước đạt 640 tỷ đồng; toàn xã còn 61 hộ nghèo, chiếm 2,05%.',
  ].join('\n')

  it('takes the review\'s amount of the year the growth is measured from, in its money unit', () => {
    const d = draft(['Tổng giá trị sản xuất (giá so sánh 2010) tăng 9% trở lên so với năm 2025.', 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tăng 10 - 12% so với năm 2025.'], review)
    expect(target(d, /Tổng giá trị sản xuất/u)).toMatchObject({ kind: 'growth', percent: 9, baseYear: 2025, baseValue: 1532 })
    expect(target(d, /bán lẻ/u)).toMatchObject({ kind: 'growth', percent: 10, maxPercent: 12, baseYear: 2025, baseValue: 640 })
    expect(d.indicators.find((i) => /bán lẻ/u.test(i.value.source ?? ''))?.value.unitOfMeasure).toBe('tỷ đồng')
  })

  it('takes a level stated in the growth\'s own bracket', () => {
    const d = draft(['Doanh thu dịch vụ ăn uống, lưu trú tăng 11% so với năm 2025 (năm 2025 ước đạt 48,6 tỷ đồng).'])
    expect(target(d, /ăn uống/u)).toMatchObject({ kind: 'growth', percent: 11, baseYear: 2025, baseValue: 48.6 })
  })

  it('reads a table row\'s pace of growth as no base value: the base value is the money figure the document states', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Tốc độ tăng tổng giá trị sản xuất | % | 8,4 | 9,0 |',
    ], review)
    expect(target(d, /Tốc độ tăng/u)).toMatchObject({ kind: 'growth', percent: 9, baseYear: 2025, baseValue: 1532 })
  })

  it('takes none where the document states two figures for the year, nor one of another year', () => {
    const two = 'Năm 2025, tổng giá trị sản xuất đạt 1.532 tỷ đồng. Cuối năm 2025, tổng giá trị sản xuất đạt 1.610 tỷ đồng.'
    const d = draft(['Tổng giá trị sản xuất tăng 9% so với năm 2025.'], two)
    const t = target(d, /tăng 9%/u)
    expect(t).toMatchObject({ kind: 'growth', percent: 9, baseYear: 2025 })
    expect(t && 'baseValue' in t ? t.baseValue : undefined).toBeUndefined()
    const e = draft(['Tổng giá trị sản xuất tăng 9% so với năm 2025.'], 'Năm 2024, tổng giá trị sản xuất đạt 1.410 tỷ đồng.')
    const u = target(e, /tăng 9%/u)
    expect(u && 'baseValue' in u ? u.baseValue : undefined).toBeUndefined()
  })
})

describe('a level read while reading asks the same finder', () => {
  it('"không thấp hơn năm 2025" takes the level a heading\'s year states', () => {
    const d = draft(['Diện tích nuôi trồng thủy sản không thấp hơn năm 2025.'], 'Kết quả thực hiện năm 2025\nDiện tích nuôi trồng thủy sản đạt 312 ha; tổng giá trị sản xuất đạt 1.200 tỷ đồng.')
    expect(target(d, /thủy sản không thấp hơn/u)).toEqual({ kind: 'at_least', value: 312 })
  })
})

describe('a rate\'s start stated in its own sentence, read by the finder', () => {
  it('takes "(từ …%)" after the cut, where the year it names is the one measured from', () => {
    const d = draft(['Tỷ lệ hộ cận nghèo giảm 0,6 - 0,8% (từ 3,15% cuối năm 2025 xuống dưới 2,6%).', 'Tỷ lệ trẻ em suy dinh dưỡng thấp còi giảm 0,5% (từ 9,2% cuối năm 2023).'])
    expect(target(d, /cận nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 0.6, max: 0.8, baseline: 3.15 })
    const t = target(d, /thấp còi/u)
    expect(t).toMatchObject({ kind: 'reduce_by', amount: 0.5 })
    expect(t && 'baseline' in t ? t.baseline : undefined).toBeUndefined()
  })
})

describe('the year a statement speaks of, where its paragraph names none', () => {
  const review = 'Năm 2025 là năm đầu tiên xã vận hành chính quyền địa phương hai cấp; toàn xã có 21 thôn.\n\nKết quả chủ yếu: giá trị sản xuất nông nghiệp ước đạt 742 tỷ đồng, tăng 4,1%; tỷ lệ sinh con thứ 3 trở lên 9,6%.'

  it('is the one an earlier paragraph of the same account opens with', () => {
    const d = draft(['Phát triển kinh tế: giá trị sản xuất nông nghiệp tăng 4,5% so với năm 2025.', 'Tỷ lệ sinh con thứ 3 trở lên giảm 0,4% so với năm 2025.'], review)
    expect(target(d, /nông nghiệp tăng/u)).toMatchObject({ kind: 'growth', percent: 4.5, baseYear: 2025, baseValue: 742 })
    expect(target(d, /sinh con/u)).toMatchObject({ kind: 'reduce_by', amount: 0.4, baseline: 9.6 })
    // (None past an aim or a part's heading.)
    const aims = 'Năm 2025 là năm đầu tiên xã vận hành chính quyền địa phương hai cấp.\n\nII. MỤC TIÊU\n\nGiá trị sản xuất nông nghiệp đạt 780 tỷ đồng.'
    const e = draft(['Giá trị sản xuất nông nghiệp tăng 4,5% so với năm 2025.'], aims)
    const t = target(e, /nông nghiệp tăng/u)
    expect(t).toMatchObject({ kind: 'growth', percent: 4.5, baseYear: 2025 })
    expect(t && 'baseValue' in t ? t.baseValue : undefined).toBeUndefined()
  })
})

describe('a part of the commune\'s own level', () => {
  it('is read where the document names the part another way, and a part\'s "riêng" is no word of its name', () => {
    const review = 'Cuối năm 2025, toàn xã còn 3,91% hộ nghèo, tỷ lệ hộ nghèo trong đồng bào dân tộc thiểu số là 14,3%.'
    const d = draft(['Tỷ lệ hộ nghèo giảm 1%, riêng tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm 2,5%.'], review)
    const part = d.indicators.find((i) => /đồng bào/u.test(i.value.name))?.value.target
    expect(part).toMatchObject({ kind: 'reduce_by', amount: 2.5, baseline: 14.3 })
    // (The whole's level is not the part's.)
    expect(d.indicators.find((i) => !/đồng bào/u.test(i.value.name) && /hộ nghèo/u.test(i.value.name))?.value.target).toMatchObject({ kind: 'reduce_by', amount: 1, baseline: 3.91 })
  })
})

describe('more ways a review states a rate beside its count', () => {
  it('reads the rate in brackets, after "và", after a footnote\'s mark, and a standard "của tỉnh"', () => {
    const review = 'Đến cuối năm 2025, xã còn 44 hộ nghèo (1,73%) và 102 hộ cận nghèo (4,02%); trong đó có 17 hộ khuyết tật(2), chiếm 0,67%; tỷ lệ trẻ em suy dinh dưỡng theo chuẩn của tỉnh cuối năm 2025 còn 8,8%.'
    const d = draft(['Tỷ lệ hộ nghèo giảm 0,5%.', 'Tỷ lệ hộ cận nghèo giảm 0,7%.', 'Tỷ lệ hộ khuyết tật(2) giảm 0,1%.', 'Giảm tỷ lệ trẻ em suy dinh dưỡng theo chuẩn của tỉnh từ 0,4% trở lên.'], review)
    expect(target(d, /Tỷ lệ hộ nghèo giảm/u)).toMatchObject({ kind: 'reduce_by', amount: 0.5, baseline: 1.73 })
    expect(target(d, /cận nghèo giảm/u)).toMatchObject({ kind: 'reduce_by', amount: 0.7, baseline: 4.02 })
    expect(target(d, /khuyết tật/u)).toMatchObject({ kind: 'reduce_by', amount: 0.1, baseline: 0.67 })
    expect(target(d, /suy dinh dưỡng/u)).toMatchObject({ kind: 'reduce_by', amount: 0.4, baseline: 8.8 })
  })
})

describe('a count\'s quantity without its standard, period or place', () => {
  it('finds the count the review states for it, and the count a unit keeps', () => {
    const review = 'Đầu năm 2026, toàn xã còn 63 hộ nghèo (1,9%). Công an xã đang quản lý 27 người nghiện ma túy có hồ sơ.'
    const d = draft(['Giảm ít nhất 9 hộ nghèo theo chuẩn nghèo đa chiều của tỉnh trong năm 2026.', 'Số người nghiện ma túy trên địa bàn giảm 10% so với cuối năm 2025.'], review)
    expect(target(d, /9 hộ nghèo/u)).toMatchObject({ kind: 'reduce_by', amount: 9, baseline: 63 })
    expect(target(d, /nghiện ma túy/u)).toMatchObject({ kind: 'reduce_by', amount: 10, relative: true, baseline: 27 })
  })
})

describe('a birth rate named without "thô"', () => {
  it('is the crude birth rate the review states', () => {
    const d = draft(['Tỷ suất sinh giảm 0,4‰ so với năm 2025.'], 'Năm 2025, dân số toàn xã 11.240 người; tỷ suất sinh thô 17,3‰; trẻ sơ sinh 4,1‰ được sàng lọc.')
    expect(target(d, /Tỷ suất sinh giảm/u)).toMatchObject({ kind: 'reduce_by', amount: 0.4, baseline: 17.3 })
  })
})
