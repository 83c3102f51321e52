// Drafting a plan from its document (issue 13): the rules added after held-out sets 38 and 39,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { pointsBack } from '../../src/shared/planDraft/guards'
import type { Drafted } from '../../src/shared/planDraft/types'
import { named, planHead } from './planDraftText'

const HEAD = planHead('Phú Mỹ', '09', '15 tháng 01', 2026)

/** A plan whose content section holds `body` (prose or a list), after `intro`. */
function planWith(body: string, intro = 'Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.'): string {
  return `${HEAD}
${intro}
I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. NỘI DUNG THI ĐUA
${body}
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`
}

const targets = (d: { indicators: Drafted<Indicator>[] }): unknown[] => d.indicators.map((i) => i.value.target)

describe('a paragraph that reviews a past year, then strives for the plan’s', () => {
  const para = '1. Về kinh tế\nNăm 2025, dù hạn hán kéo dài, sản lượng lúa của xã vẫn đạt 9.400 tấn, thu ngân sách đạt 6.150 triệu đồng. Bước sang năm 2026, xã tập trung phục hồi sản xuất. Phấn đấu sản lượng lúa đạt 9.800 tấn, trồng mới ít nhất 20 ha rừng sản xuất.'
  it('reads the targets after the review and none of the review’s figures', () => {
    const d = draftPlan(planWith(para))
    expect(named(d, /lúa/u)?.value.target).toEqual({ kind: 'at_least', value: 9800 })
    expect(named(d, /rừng/u)?.value.target).toEqual({ kind: 'at_least', value: 20 })
    expect(targets(d)).not.toContainEqual(expect.objectContaining({ value: 9400 }))
    expect(targets(d)).not.toContainEqual(expect.objectContaining({ value: 6150 }))
  })
  it('still drops a paragraph that only reviews the past year', () => {
    const d = draftPlan(planWith('1. Về kinh tế\nNăm 2025, sản lượng lúa của xã đạt 9.400 tấn, thu ngân sách đạt 6.150 triệu đồng.\n2. Về xã hội\nTỷ lệ hộ nghèo dưới 2%.'))
    expect(targets(d)).not.toContainEqual(expect.objectContaining({ value: 9400 }))
  })
})

describe('the start of the year stated without a comma', () => {
  it('is a starting point, not a target', () => {
    const d = draftPlan(planWith('2. Về xã hội\nĐầu năm 2026 cả xã còn 96 hộ cận nghèo. Phấn đấu giảm ít nhất 15 hộ cận nghèo trong năm.'))
    expect(targets(d)).not.toContainEqual(expect.objectContaining({ value: 96, kind: 'at_most' }))
    expect(d.indicators.some((i) => /cận nghèo/u.test(i.value.name))).toBe(true)
  })
})

describe('a unit named before “phấn đấu” in a prose goal', () => {
  it('reads the goal after it, with no figure, as a yes/no goal', () => {
    const d = draftPlan(planWith('3. Về quốc phòng\nPhấn đấu tỷ lệ điều tra án hình sự trên 75%. Ban Chỉ huy Quân sự xã phấn đấu hoàn thành chỉ tiêu giao quân năm 2026. Ngành giáo dục phấn đấu giữ vững 3/3 trường đạt chuẩn quốc gia.'))
    const yesNo = d.indicators.filter((i) => i.value.aggregation === 'yes_no').map((i) => d.text.slice(i.source.start, i.source.end))
    expect(yesNo.some((s) => /giao quân/u.test(s))).toBe(true)
    expect(yesNo.some((s) => /3\/3 trường/u.test(s))).toBe(true)
  })
})

describe('what the commune is made of, before the plan’s sections', () => {
  const text = `${HEAD}
Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND huyện về phong trào thi đua năm 2026.

Xã Phú Mỹ có 9 thôn, bản, trong đó đồng bào dân tộc Mường chiếm 38,2% dân số, có 05 nhà văn hóa cộng đồng. Đầu năm 2026, tỷ lệ hộ nghèo là 4,1%; 7/9 thôn, bản đạt danh hiệu văn hóa.

Ủy ban nhân dân xã ban hành Kế hoạch như sau:
I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. NỘI DUNG THI ĐUA
- Tỷ lệ hộ nghèo dưới 2%.
- Có 8/9 thôn trở lên đạt danh hiệu văn hóa.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`
  it('states no target', () => {
    const d = draftPlan(text)
    expect(targets(d)).not.toContainEqual(expect.objectContaining({ value: 38.2 }))
    expect(targets(d)).not.toContainEqual(expect.objectContaining({ value: 7 }))
    expect(d.indicators).toHaveLength(2)
  })
})

describe('a group’s direction that opens its list of targets', () => {
  it('is the group’s title, not a goal', () => {
    const body = '1. Phát triển kinh tế nông nghiệp. Chỉ tiêu cụ thể:\n(1) Sản lượng lúa đạt 9.800 tấn;\n2. Bảo đảm an ninh, trật tự trên địa bàn. Chỉ tiêu cụ thể:\n(2) Hoàn thành chỉ tiêu giao quân;\n(3) Tỷ lệ điều tra án hình sự trên 75%.'
    const d = draftPlan(planWith(body))
    expect(d.indicators.map((i) => i.value.name).join(' | ')).not.toMatch(/Bảo đảm an ninh/u)
    expect(d.fields.map((f) => f.value.name).join(' | ')).toMatch(/Bảo đảm an ninh/u)
  })
})

describe('a line that points back to a row of a table', () => {
  it('restates that row; it is no goal of its own', () => {
    expect(pointsBack('Hoàn thành vượt mức chỉ tiêu tại dòng 3 của bảng trên')).toBe(true)
    expect(pointsBack('Hoàn thành chỉ tiêu giao quân năm 2026')).toBe(false)
  })
})
