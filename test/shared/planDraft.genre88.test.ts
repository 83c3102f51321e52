// Drafting a plan from its document (issue 13): the rules added after held-out set 88, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { reviewsPastYear } from '../../src/shared/planDraft/lexicon'
import { draftContext, statedCases } from '../../src/shared/planDraft/shape'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Hòa Khánh', '09', '15 tháng 01', 2026)

describe('figures shared out by quarter', () => {
  it('reads "Quý I: …; Quý II: …" after a name and a colon as a schedule, the year\'s figure as the target', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: [
        'Tiến độ theo quý như sau. Thu phí chợ và bến bãi: Quý I: 150 triệu đồng; Quý II: 180 triệu đồng; Quý III: 170 triệu đồng; Quý IV: 200 triệu đồng. Cấp mới thẻ bảo hiểm y tế: Quý I: 120 thẻ; Quý II: 90 thẻ.',
        'Cả năm:',
        '- Thu phí chợ và bến bãi đạt 700 triệu đồng;',
        '- Kiên cố hóa 3,5 km kênh mương nội đồng.',
      ],
    })
    expect(d.indicators.map((i) => i.value.source ?? '').filter((s) => /quý/iu.test(s))).toEqual([])
    expect(named(d, /phí chợ/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 700 })
    expect(d.indicators.filter((i) => /phí chợ/iu.test(i.value.name))).toHaveLength(1)
  })

  it('reads a line that holds only a quarter and its figure as a schedule', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Trồng mới 40 ha rừng sản xuất, trong đó:', 'Quý 1: 15 ha;', 'Quý 2: 25 ha.'],
    })
    expect(d.indicators.map((i) => i.value.target)).toEqual([expect.objectContaining({ kind: 'at_least', value: 40 })])
  })
})

describe('an aim and its measure, "Chỉ tiêu:" over "Chỉ số:"', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    intro: 'Năm 2025, trên địa bàn xã xảy ra 20 vụ tai nạn giao thông, 6 vụ cháy nhà dân.',
    items: [
      '1. Về kinh tế',
      'a) Chỉ tiêu: Phát triển cây ăn quả.',
      '   Chỉ số: diện tích bưởi da xanh đạt 180 ha trở lên.',
      'b) Chỉ tiêu: Giữ vững danh hiệu xã an toàn về an ninh, trật tự.',
      '   Chỉ số: không để xảy ra tội phạm về ma túy trên địa bàn.',
      'c) Chỉ tiêu: Kiềm chế tai nạn giao thông.',
      '   Chỉ số: giảm ít nhất 20% số vụ tai nạn giao thông so với năm 2025.',
    ],
  })

  it('drafts no goal from the aim, and names the measure without its label', () => {
    expect(d.indicators.filter((i) => /^chỉ tiêu\s*:/iu.test(i.value.source ?? ''))).toEqual([])
    expect(named(d, /danh hiệu xã an toàn/iu)).toBeUndefined()
    expect(named(d, /bưởi/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 180 })
    expect(named(d, /bưởi/iu)?.value.name).not.toMatch(/chỉ số/iu)
    expect(named(d, /ma túy/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.fields.map((f) => f.value.name).join(' | ')).not.toMatch(/chỉ tiêu:/iu)
  })

  it('caps the cases by last year\'s stated count', () => {
    expect(named(d, /tai nạn giao thông/iu)?.value.target).toEqual({ kind: 'at_most', value: 16, strict: false })
  })

  it('keeps a "Chỉ tiêu:" line with no measure under it', () => {
    const alone = draftList({ head: HEAD, year: 2026, items: ['Chỉ tiêu: 100% thôn giữ vững danh hiệu thôn văn hóa.', 'Tỷ lệ hộ dùng nước sạch đạt 96%.'] })
    expect(alone.indicators.length).toBe(2)
  })
})

describe('a review of the months of the plan\'s year gone by', () => {
  it('reads "Kết quả 9 tháng đầu năm" as a review, whatever its year', () => {
    expect(reviewsPastYear('KẾT QUẢ 6 THÁNG ĐẦU NĂM 2026', 2026)).toBe(true)
    expect(reviewsPastYear('Tình hình thực hiện chín tháng', 2026)).toBe(true)
    expect(reviewsPastYear('Kết quả 9 tháng và chỉ tiêu 3 tháng cuối năm 2026', 2026)).toBe(false)
  })

  it('drafts nothing from that section', () => {
    const d = draftPlan(`${HEAD}I. KẾT QUẢ 6 THÁNG ĐẦU NĂM 2026
Xã có 12 thôn, 4.210 hộ.
Còn 7 hộ chưa có nhà vệ sinh hợp vệ sinh cần hỗ trợ trước cuối năm.
II. CHỈ TIÊU THI ĐUA
- Hỗ trợ xây mới 7 nhà vệ sinh cho hộ nghèo.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(d.indicators.map((i) => i.value.source)).toEqual([expect.stringMatching(/^Hỗ trợ xây mới 7 nhà vệ sinh/u)])
  })
})

describe('cases of the same period of a past year', () => {
  it('finds the count given after the cases named earlier in the sentence', () => {
    const text = 'Sáu tháng đầu năm xảy ra 9 vụ trộm cắp tài sản; cùng kỳ năm 2025 (từ 01/01 đến 30/6/2025) xảy ra 15 vụ.'
    expect(statedCases('số vụ trộm cắp tài sản', 2025, '', draftContext(text))).toBe(15)
    expect(statedCases('số vụ trộm cắp tài sản', 2024, '', draftContext(text))).toBeUndefined()
  })

  it('caps the cut against that count', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      intro: 'Sáu tháng đầu năm xảy ra 9 vụ trộm cắp tài sản; cùng kỳ năm 2025 xảy ra 15 vụ.',
      items: ['Kéo giảm ít nhất 20% số vụ trộm cắp tài sản so với cùng kỳ năm 2025.'],
    })
    expect(named(d, /trộm cắp/iu)?.value.target).toEqual({ kind: 'at_most', value: 12, strict: false })
  })
})

describe('a count before the colon that names the things counted', () => {
  it('reads "02 công trình: A và B" as the count to reach', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Khởi công xây dựng 02 công trình: nhà văn hóa thôn Đông và cầu treo Khe Nước.'] })
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['công trình', expect.objectContaining({ kind: 'at_least', value: 2 })]])
  })

  it('still reads a figure before a colon over figures of its own as a label', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Lúa 2 vụ: diện tích 420 ha, năng suất 60 tạ/ha, sản lượng 2.520 tấn.'] })
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ kind: 'at_least', value: 2 }))
  })
})
