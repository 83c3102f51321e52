// Drafting a plan from its document (issue 13): the rules added after held-out sets 40 and 41,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { opensOnPastYear, routineDuty } from '../../src/shared/planDraft/guards'
import { headingOf } from '../../src/shared/planDraft/sections'
import { named, planHead } from './planDraftText'

const HEAD = planHead('Bảo Lâm', '04', '12 tháng 01', 2026)


describe('hand-typed numbering with a slash', () => {
  it('reads "II/" and "3.2/" as headings', () => {
    expect(headingOf('II/ NỘI DUNG THI ĐUA')).toMatchObject({ level: 1, label: 'II' })
    expect(headingOf('3.2/ Kiên cố hóa 2 km kênh mương nội đồng.')).toMatchObject({ level: 3, label: '2' })
  })

  it('keeps each "n.m/" item apart from the group title above it', () => {
    const d = draftPlan(`${HEAD}I/ MỤC ĐÍCH, YÊU CẦU
1) Khơi dậy tinh thần thi đua trong toàn xã.
II/ NỘI DUNG, CHỈ TIÊU THI ĐUA
1) Kinh tế
1.1/ Trồng mới 60 ha rừng sản xuất.
2) Xã hội
2.1/ Giảm ít nhất 12 hộ nghèo trong năm.
2.2/ Không để xảy ra ngộ độc thực phẩm đông người.
III/ TỔ CHỨC THỰC HIỆN
1) Văn phòng theo dõi, tổng hợp kết quả.
`)
    const poor = named(d, /hộ nghèo/iu)
    expect(poor?.value.name).not.toMatch(/xã hội/iu)
    expect(poor?.value.target).toMatchObject({ kind: 'reduce_by', amount: 12 })
    expect(named(d, /ngộ độc/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('a verb left without its object before "và"', () => {
  it('reads "n/n thôn đạt và giữ vững danh hiệu" as one goal', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. NỘI DUNG THI ĐUA
1. Thi đua xây dựng đời sống văn hóa
- Tỷ lệ hộ gia đình văn hóa đạt 90%.
- Phấn đấu 14/14 thôn đạt và giữ vững danh hiệu thôn văn hóa.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    const titles = d.indicators.filter((i) => /danh hiệu|thôn đạt/iu.test(i.value.source ?? i.value.name))
    expect(titles).toHaveLength(1)
    expect(titles[0]?.value.source).toMatch(/14\/14 thôn đạt và giữ vững danh hiệu/u)
    expect(titles[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('rounds a year are a schedule', () => {
  it('sets no target for "3 đợt/năm"', () => {
    expect(routineDuty('phun thuốc khử trùng chuồng trại 3 đợt/năm')).toBe(true)
    expect(routineDuty('tổ chức thêm 3 đợt ra quân')).toBe(false)
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển chăn nuôi
- Tổng đàn lợn đạt 3.000 con; phun thuốc khử trùng chuồng trại 3 đợt/năm.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(d.indicators.some((i) => /khử trùng/iu.test(i.value.name))).toBe(false)
    expect(named(d, /lợn/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 3000 })
  })
})

describe('a table whose unit column holds a word the lexicon does not know', () => {
  it('reads the row with that word as its unit', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. CHỈ TIÊU THI ĐUA
| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2026 | Ghi chú |
|---|---|---|---|---|
| 1 | Tổng thu ngân sách trên địa bàn | tỷ đồng | ≥ 40 | |
| 2 | Số bãi tập kết rác được cải tạo | bãi | 6 | năm 2025: 4 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(named(d, /bãi tập kết/iu)?.value).toMatchObject({ unitOfMeasure: 'bãi', target: { kind: 'at_least', value: 6 } })
  })
})

describe('"Đầu năm …" without its comma', () => {
  it('reads a paragraph of starting points as a review, unless it strives for something', () => {
    expect(opensOnPastYear('Đầu năm 2026 toàn xã còn 90 hộ nghèo; năm 2025 trồng được 40 ha rừng.', 2026)).toBe(true)
    expect(opensOnPastYear('Đầu năm 2026 toàn xã còn 90 hộ nghèo. Phấn đấu giảm 15 hộ nghèo trong năm.', 2026)).toBe(false)
  })
})
