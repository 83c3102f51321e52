// Drafting a plan from its document (issue 13): the starting figures of cuts and growths found in
// more of the ways a plan states them (a rate after its count named "tỷ lệ" alone, a review's year
// in its heading, a cut named only by its own words, more words between a quantity and its level),
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phước Lâm', '11', '14 tháng 01', 2026)
/** A plan for 2026 whose review (`review`, lines after the head) comes before its list of targets. */
const draft = (review: string[], items: string[]) => draftPlan(planWithList({ head: [HEAD.trimEnd(), ...review].join('\n'), year: 2026, items, bare: true }))
const target = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))?.value.target

describe('a rate stated after its count by "tỷ lệ" alone', () => {
  it('takes "…, tỷ lệ 1,84%" and "(tỷ lệ 4,41%)" as the rates of the households counted before them', () => {
    const d = draft(['Đến cuối năm 2025, toàn xã còn 96 hộ nghèo, tỷ lệ 1,84% và 230 hộ cận nghèo (tỷ lệ 4,41%); xảy ra 4 vụ cháy nhà.'], [
      '- Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2025.',
      '- Tỷ lệ hộ cận nghèo giảm 1%.',
    ])
    expect(target(d, /Tỷ lệ hộ nghèo giảm/u)).toEqual({ kind: 'reduce_by', amount: 0.5, baseline: 1.84 })
    expect(target(d, /cận nghèo giảm/u)).toEqual({ kind: 'reduce_by', amount: 1, baseline: 4.41 })
  })
})

describe("a review's year named by its heading or its opening words", () => {
  it('reads a bullet under "I. KẾT QUẢ NĂM 2025" as that year\'s', () => {
    const d = draft(['I. KẾT QUẢ NĂM 2025', '- Sản lượng lúa cả năm đạt 8.100 tấn.', '- Toàn xã còn 75 hộ nghèo; có 6/7 thôn đạt chuẩn văn hóa.'], ['- Số hộ nghèo giảm ít nhất 10 hộ.'])
    expect(target(d, /hộ nghèo giảm/u)).toEqual({ kind: 'reduce_by', amount: 10, baseline: 75 })
  })

  it('reads a paragraph under a review\'s heading as its year, past a review\'s own word "nhiệm vụ"', () => {
    const d = draft(
      [
        'PHẦN I',
        'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025',
        'Trong điều kiện vừa kiện toàn bộ máy, vừa triển khai nhiệm vụ, phong trào thi đua của xã vẫn đạt kết quả tốt.',
        'Diện tích điều toàn xã 2.300 ha. Giá trị sản xuất ngành chế biến hạt điều ước đạt 640 tỷ đồng.',
      ],
      ['- Giá trị sản xuất ngành chế biến hạt điều tăng 10% so với năm 2025.'],
    )
    expect(target(d, /hạt điều tăng/u)).toEqual({ kind: 'growth', percent: 10, baseYear: 2025, baseValue: 640 })
  })

  it('takes no year from a heading of the year\'s tasks', () => {
    const d = draft(
      ['KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THI ĐUA NĂM 2025', 'Các chỉ tiêu cơ bản đều đạt.', 'NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM', 'Tập trung rà soát, hỗ trợ để còn 75 hộ nghèo.'],
      ['- Số hộ nghèo giảm ít nhất 10 hộ.'],
    )
    expect(target(d, /hộ nghèo giảm/u)).toEqual({ kind: 'reduce_by', amount: 10 })
  })

  it('reads "Tình hình 2025: …" as a review of 2025, after an earlier year in the same paragraph', () => {
    const d = draft(['Gửi các thôn tóm tắt kế hoạch thi đua năm 2026 của xã', 'Tình hình 2025 (để các thôn nắm): hộ nghèo cuối năm còn 3,12%, hộ cận nghèo 168 hộ.'], [
      '- Tỷ lệ hộ nghèo giảm 0,6%.',
      '- Hộ cận nghèo giảm ≥ 20 hộ.',
    ])
    expect(target(d, /Tỷ lệ hộ nghèo giảm/u)).toEqual({ kind: 'reduce_by', amount: 0.6, baseline: 3.12 })
    expect(target(d, /cận nghèo giảm/u)).toEqual({ kind: 'reduce_by', amount: 20, baseline: 168 })
  })

  it('does not take the year a paragraph compares with after "so với cuối năm"', () => {
    const d = draft(['Năm 2025, thu ngân sách đạt 9,2 tỷ đồng.', 'Tỷ lệ hộ nghèo cuối năm 2025 còn 3,1% (giảm 1,2% so với cuối năm 2024); toàn xã hiện có 37 người nghiện ma túy có hồ sơ quản lý.'], [
      '- Giảm ít nhất 10% số người nghiện ma túy có hồ sơ quản lý so với cuối năm 2025.',
    ])
    expect(target(d, /nghiện ma túy/u)).toEqual({ kind: 'reduce_by', amount: 10, relative: true, baseline: 37 })
  })
})

describe('a cut by a count named only by its own words', () => {
  it('finds the start of "phấn đấu giảm 18 hộ nghèo" under a heading\'s label', () => {
    const d = draft(['Đến ngày 31/12/2025 toàn xã còn 120 hộ nghèo.'], ['c) Giảm nghèo, việc làm: phấn đấu giảm 18 hộ nghèo; tạo việc làm mới cho 150 lao động.'])
    expect(target(d, /giảm 18 hộ nghèo/u)).toEqual({ kind: 'reduce_by', amount: 18, baseline: 120 })
  })

  it('reads a part set apart by "riêng" as the part', () => {
    const d = draft(['Đến cuối năm 2025, tỷ lệ hộ nghèo còn 3,4% (trong đó 30 hộ nghèo là đồng bào dân tộc thiểu số).'], [
      '- Tỷ lệ hộ nghèo giảm 0,8%; riêng hộ nghèo đồng bào dân tộc thiểu số giảm ít nhất 5 hộ.',
    ])
    expect(target(d, /riêng hộ nghèo/u)).toEqual({ kind: 'reduce_by', amount: 5, baseline: 30 })
  })
})

describe('more words between a quantity and its level', () => {
  it('takes "đang quản lý là", "theo kết quả rà soát còn" and "chiếm tỷ lệ"', () => {
    const d = draft(
      [
        'Năm 2025, số người nghiện ma túy đang quản lý là 28 người; tỷ lệ hộ nghèo cuối năm 2025 theo kết quả rà soát còn 5,6%; hộ nghèo đồng bào dân tộc thiểu số chiếm tỷ lệ 12,5% số hộ đồng bào.',
      ],
      ['- Số người nghiện ma túy giảm ít nhất 10% so với cuối năm 2025.', '- Tỷ lệ hộ nghèo giảm 1 - 1,5%.', '- Tỷ lệ hộ nghèo đồng bào dân tộc thiểu số giảm 2%.'],
    )
    expect(target(d, /nghiện ma túy/u)).toEqual({ kind: 'reduce_by', amount: 10, relative: true, baseline: 28 })
    expect(target(d, /Tỷ lệ hộ nghèo giảm 1/u)).toEqual({ kind: 'reduce_by', amount: 1, max: 1.5, baseline: 5.6 })
    expect(target(d, /dân tộc thiểu số giảm/u)).toEqual({ kind: 'reduce_by', amount: 2, baseline: 12.5 })
  })

  it('takes "quản lý 33 người nghiện ma túy có hồ sơ" as the count "có hồ sơ quản lý"', () => {
    const d = draft(['Năm 2025, Công an xã quản lý 33 người nghiện ma túy có hồ sơ.'], ['- Số người nghiện ma túy có hồ sơ quản lý giảm ít nhất 10% so với cuối năm 2025.'])
    expect(target(d, /nghiện ma túy/u)).toEqual({ kind: 'reduce_by', amount: 10, relative: true, baseline: 33 })
  })

  it('finds an amount named with brackets after "trên địa bàn", or without "kinh tế" after "các ngành"', () => {
    const d = draft(['Năm 2025, giá trị sản xuất các ngành ước đạt 2.350 tỷ đồng; giá trị sản xuất nông nghiệp trên địa bàn (giá so sánh 2010) ước đạt 870 tỷ đồng.'], [
      '- Giá trị sản xuất các ngành kinh tế tăng 8% so với năm 2025.',
      '- Giá trị sản xuất nông nghiệp trên địa bàn (giá so sánh 2010) tăng 5% so với năm 2025.',
    ])
    expect(target(d, /các ngành kinh tế/u)).toEqual({ kind: 'growth', percent: 8, baseYear: 2025, baseValue: 2350 })
    expect(target(d, /nông nghiệp/u)).toEqual({ kind: 'growth', percent: 5, baseYear: 2025, baseValue: 870 })
  })
})
