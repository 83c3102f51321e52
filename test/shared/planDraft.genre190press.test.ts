// Drafting a plan from its document (issue 13): the rules added after held-out set 190, a
// newspaper's report of a commune's plan, each on hand-written sentences in the language of
// Vietnamese plans and papers (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const ARTICLE = `Báo Quảng Trị online > Xã hội > Nông thôn mới
Thứ Ba, 13/01/2026 15:20 (GMT+7)

Hải Phong ra quân thi đua, giữ vững vùng chè sạch

QTO - Chiều 12/1, UBND xã Hải Phong tổ chức Lễ phát động phong trào thi đua yêu nước năm 2026. Năm nay, xã đặt mục tiêu trồng 320 ha ngô trở lên, đưa thêm 01 sản phẩm chè đạt chuẩn OCOP.

Năm 2025, dù mưa lũ kéo dài, toàn xã vẫn thu hoạch được 298 ha chè, sản lượng búp tươi đạt 3.100 tấn; thu nhập bình quân đầu người đạt 41 triệu đồng/năm. Cả huyện năm qua có khoảng 1.450 ha chè.

Ảnh: Đại diện 9 thôn nhận cờ thi đua năm 2025. (Ảnh: Minh Khang)

Theo kế hoạch, xã phấn đấu diện tích ngô "đạt 320 ha trở lên, năng suất bình quân 55 tạ/ha, sản lượng 1.760 tấn". Ở lĩnh vực chăn nuôi, xã đặt chỉ tiêu "đàn bò duy trì 1.800 con trở lên" và "trồng mới 65 ha rừng gỗ lớn" theo hướng bền vững.

Trao đổi với phóng viên, ông Lê Văn Quý, Chủ tịch UBND xã Hải Phong cho biết: "Năm 2026 xã phấn đấu thu nhập bình quân đầu người đạt 45 triệu đồng/người/năm. Chúng tôi xác định sửa chữa 22 căn nhà cho hộ nghèo là việc phải xong trước mùa mưa".

Phát biểu tại buổi lễ, ông Trần Đức Hòa, Phó Chủ tịch UBND huyện Hải Lăng đề nghị xã giữ chất lượng chè. "Huyện sẽ hỗ trợ xã thêm 02 máy sao chè", ông Hòa nói.

Minh Khang

Từ khóa: Hải Phong, chè, thi đua

Bài viết liên quan:
- Hải Lăng có thêm 12 sản phẩm OCOP năm 2025
`

describe('a newspaper\'s report of a commune\'s plan', () => {
  const d = draftPlan(ARTICLE)
  it('takes the year of the movement launched, though last year is named more often', () => {
    expect(d.header.year?.value).toBe(2026)
  })
  it('reads each quoted target in the plan\'s own words, without the reporter\'s lead-in', () => {
    expect(bySource(d, /1\.800 con/u).map((i) => [i.value.source, i.value.aggregation, i.value.target])).toEqual([['đàn bò duy trì 1.800 con trở lên', 'stock', { kind: 'at_least', value: 1800 }]])
    expect(bySource(d, /65 ha/u).map((i) => i.value.source)).toEqual(['trồng mới 65 ha rừng gỗ lớn'])
  })
  it('names the crop the reporter names before the quotation, and links its yield', () => {
    const area = bySource(d, /320 ha/u)
    // (The lead's "trồng 320 ha ngô trở lên" restates the quoted area: one target.)
    expect(area).toHaveLength(1)
    expect(area[0]?.value.name).toMatch(/ngô/iu)
    expect(bySource(d, /55 tạ\/ha/u)[0]?.value.target).toMatchObject({ kind: 'derived' })
  })
  it('drops last year\'s results, the district\'s figures, the chrome and what an official above the commune promises', () => {
    expect(bySource(d, /298 ha|3\.100 tấn|41 triệu|1\.450 ha|9 thôn|02 máy|12 sản phẩm/u)).toEqual([])
  })
  it('names a target the chairman states by its measure, not by his lead-in', () => {
    const houses = d.indicators.find((i) => i.value.target?.kind === 'at_least' && i.value.target.value === 22)
    expect(houses?.value.name).not.toMatch(/chúng tôi|xác định/iu)
    expect(houses?.value.name).toMatch(/sửa chữa/iu)
  })
})

describe('the same wording in a plan', () => {
  const draft = listDrafter(planHead('Tân Hòa', '04', '09 tháng 01', 2026))
  it('reads "giảm tỷ lệ … từ 2 - 3%" as a cut, not a range to reach', () => {
    const d = draft(['- Thu ngân sách trên địa bàn 2,4 tỷ đồng và giảm tỷ lệ hộ nghèo từ 2 - 3%.'])
    expect(bySource(d, /2 - 3%/u)[0]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 2, max: 3 })
  })
  it('names a target after the measure, not after who sets it', () => {
    const d = draft(['Năm nay, xã đặt mục tiêu trồng mới 40 ha quế.'])
    expect(d.indicators[0]?.value.name).not.toMatch(/năm nay|mục tiêu/iu)
  })
  it('reads a plan that quotes its movement as a plan, not as an article', () => {
    const d = draft(['- Xã phấn đấu "có thêm 03 thôn đạt chuẩn nông thôn mới kiểu mẫu".', '- Tổng đàn trâu duy trì 1.200 con.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 3 }, { kind: 'at_least', value: 1200 }])
  })
})
