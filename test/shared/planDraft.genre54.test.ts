// Drafting a plan from its document (issue 13): the rules added after held-out sets 54 and 55,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bulletHeading } from '../../src/shared/planDraft/sections'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Lập', '07', '14 tháng 01', 2026)

const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, ...(intro ? { intro } : {}) }))

describe('a plan that numbers nothing, its parts under round bullets', () => {
  it('reads a bulleted title in capitals or a bulleted part name before a colon as a section', () => {
    expect(bulletHeading('- CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026', 1)).toMatchObject({ level: 1, name: 'CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026' })
    expect(bulletHeading('- Khen thưởng:', 2)).toMatchObject({ level: 1, name: 'Khen thưởng', rest: '' })
    expect(bulletHeading('- Tổ chức thực hiện: Văn phòng theo dõi.', 3)).toMatchObject({ name: 'Tổ chức thực hiện', rest: 'Văn phòng theo dõi.' })
    // An item with a colon is no part's name.
    expect(bulletHeading('- Thu ngân sách: đạt 12 tỷ đồng', 4)).toBeUndefined()
    expect(bulletHeading('- Tập thể tiêu biểu: Giấy khen kèm 1.000.000 đồng', 5)).toBeUndefined()
  })

  it('reads the goals of its list and leaves its awards and the starting figures', () => {
    const d = draftPlan(`Văn phòng UBND xã Tân Lập
08:15 14/01/2026
Kính gửi các đồng chí Trưởng thôn.
KẾ HOẠCH THI ĐUA NĂM 2026 CỦA UBND XÃ TÂN LẬP
Căn cứ kết quả năm 2025: toàn xã xảy ra 6 vụ cháy nhà, thu ngân sách đạt 9,1 tỷ đồng.
• Mục đích: thi đua hoàn thành thắng lợi nhiệm vụ năm 2026.
• CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026
Kinh tế:
- Thu ngân sách trên địa bàn đạt 9,6 tỷ đồng
- Không để phát sinh bãi rác tự phát ven kênh
Xã hội:
- 12/12 thôn giữ vững danh hiệu Thôn văn hóa; tỷ lệ gia đình văn hóa đạt 92%
• Khen thưởng:
- Thôn dẫn đầu: Giấy khen + 2.000.000 đ/thôn
• Tổ chức thực hiện: Văn phòng theo dõi, tổng hợp.
KT. CHỦ TỊCH - PHÓ CHỦ TỊCH Trần Văn Bình (đã ký)
`)
    expect(d.indicators.map((i) => i.value.source)).not.toContainEqual(expect.stringMatching(/9,1|6 vụ|2\.000\.000/u))
    expect(named(d, /ngân sách/iu)?.value.target).toEqual({ kind: 'at_least', value: 9.6 })
    expect(d.indicators.find((i) => /bãi rác/u.test(i.value.source ?? ''))?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.find((i) => /12\/12 thôn/u.test(i.value.source ?? ''))?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators).toHaveLength(4)
  })
})

describe('a "căn cứ" line', () => {
  it('sets no target, its words followed by a space', () => {
    const head = `${HEAD}Căn cứ Kế hoạch của UBND tỉnh; căn cứ kết quả năm 2025: thu ngân sách đạt 13,8 tỷ đồng, còn 40 hộ nghèo.\n`
    const d = draftPlan(planWithList({ head, year: 2026, items: ['Thu ngân sách đạt 15 tỷ đồng.'] }))
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Thu ngân sách đạt 15 tỷ đồng'])
  })
})

describe('an area the list of targets states as it stands', () => {
  it('reads "Diện tích chè hiện có 310 ha" as the area to keep', () => {
    const d = draft(['Diện tích chè hiện có 310 ha; trồng mới 25 ha chè giống mới.'])
    const kept = d.indicators.find((i) => /310 ha/u.test(i.value.source ?? ''))
    expect(kept?.value.target).toEqual({ kind: 'at_least', value: 310 })
    expect(d.indicators.find((i) => /25 ha/u.test(i.value.source ?? ''))?.value.target).toEqual({ kind: 'at_least', value: 25 })
  })

  it('still reads a count of households "hiện có" as where the year starts', () => {
    const d = draft(['Toàn xã hiện có 95 hộ nghèo; giảm ít nhất 20 hộ nghèo trong năm.'])
    expect(d.indicators.map((i) => i.value.source)).not.toContainEqual(expect.stringMatching(/95 hộ/u))
  })
})

describe('flowers counted by the million stems', () => {
  it('reads "triệu cành" as the unit of a flower crop', () => {
    const d = draft(['Diện tích hoa cắt cành 160 ha; sản lượng hoa đạt 480 triệu cành.'])
    const output = d.indicators.find((i) => /triệu cành/u.test(i.value.source ?? ''))
    expect(output?.value).toMatchObject({ unitOfMeasure: 'triệu cành', target: { kind: 'at_least', value: 480 } })
  })
})

describe('a cut of accidents "về số vụ" against a stated year', () => {
  it('reads "giảm … 10% về số vụ so với năm 2025" with 2025 counted as a ceiling', () => {
    const d = draft(['Kéo giảm tai nạn giao thông ít nhất 10% về số vụ so với năm 2025.'], 'Năm 2025 trên địa bàn xã xảy ra 10 vụ tai nạn giao thông.')
    const cut = d.indicators.find((i) => /về số vụ/u.test(i.value.source ?? ''))
    expect(cut?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 9, strict: false } })
  })
})
