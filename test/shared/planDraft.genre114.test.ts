// Drafting a plan from its document (issue 13): the rules added after held-out sets 114 and 115, each
// on hand-written sentences and tables in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Lập', '07', '14 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))

describe('a table sharing the targets out to the areas of the former communes', () => {
  const table = [
    '| TT | Chỉ tiêu | ĐVT | Khu vực Hòa Sơn | Khu vực Tân Mỹ | Toàn xã năm 2026 |',
    '|---|---|---|---|---|---|',
    '| 1 | Tổng đàn bò | con | 1.400 | 1.100 | 2.500 |',
    '| 2 | Trường học đạt chuẩn quốc gia | trường | 3/4 | 4/5 | 7/9 |',
    '| 3 | Số vụ tai nạn giao thông | vụ | - | - | Giảm ít nhất 20% so với năm 2025 |',
    '| 4 | Cháy, nổ lớn | vụ | Không để xảy ra | Không để xảy ra | Không để xảy ra |',
    '| 5 | Xã đạt chuẩn tiếp cận pháp luật | | - | - | Giữ vững |',
  ]
  const d = draft(table, 'Năm 2025, trên địa bàn xã xảy ra 15 vụ tai nạn giao thông, làm chết 02 người.')
  it('reads the commune\'s column named with the year, not the areas\' shares', () => {
    expect(bySource(d, /Tổng đàn bò/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 2500 })
    expect(bySource(d, /Trường học/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 7 } })
  })
  it('reads a cut from last year\'s count the document states, and the plan cells in words', () => {
    expect(bySource(d, /tai nạn giao thông/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 12, strict: false })
    expect(bySource(d, /Cháy, nổ lớn/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    expect(bySource(d, /tiếp cận pháp luật/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('a lead-in back to the table, after the run-in label of the other targets', () => {
  it.each(['Chỉ tiêu khác: Ngoài các chỉ tiêu tại Biểu trên, xã phấn đấu ', '- Ngoài các chỉ tiêu trong biểu, '])('reads the goal after "%s"', (lead) => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | KH 2026 |', '|---|---|---|---|', '| 1 | Tổng đàn lợn | con | 9.000 |', '', `${lead}giữ vững xã đạt chuẩn tiếp cận pháp luật; có thêm 02 thôn đạt chuẩn văn hóa.`])
    expect(bySource(d, /tiếp cận pháp luật/u).map((i) => [i.value.target, i.value.source])).toEqual([[{ kind: 'yes_no' }, 'giữ vững xã đạt chuẩn tiếp cận pháp luật']])
  })
})

describe('an annex after the signature restating a growth of the body', () => {
  const text = `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.
II. CÁC CHỈ TIÊU THI ĐUA
1. Tổng giá trị sản xuất trên địa bàn tăng từ 7 - 8% so với năm 2025.
2. Tổng đàn trâu duy trì 1.200 con.
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Văn Bình
PHỤ LỤC
CÁC CHỈ TIÊU CHỦ YẾU NĂM 2026
| STT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |
|---|---|---|---|---|
| 1 | Tổng giá trị sản xuất trên địa bàn (giá so sánh 2010) | tỷ đồng | 2.480 | Tăng 7 - 8% |
| 2 | Tổng đàn trâu | con | 1.180 | ≥ 1.200 |
`
  it('is one target, its base the annex\'s last-year cell', () => {
    const growths = draftPlan(text).indicators.filter((i) => i.value.target?.kind === 'growth')
    expect(growths.map((i) => [i.value.source, i.value.target])).toEqual([['Tổng giá trị sản xuất trên địa bàn tăng từ 7 - 8% so với năm 2025', { kind: 'growth', percent: 7, maxPercent: 8, baseYear: 2025, baseValue: 2480 }]])
  })
})

describe('who leads a target, in brackets at the end of its line', () => {
  it('is no part of the goal, its ";" splitting nothing', () => {
    const d = draft([
      '- Tỷ lệ trẻ em đi học đúng độ tuổi đạt 99% trở lên; giữ vững 4/4 trường đạt chuẩn quốc gia (Chủ trì: các trường Tiểu học, Trung học cơ sở; phối hợp: Bộ phận Văn hóa - Xã hội).',
      '- Trồng mới ít nhất 30 ha rừng sản xuất (Đơn vị chủ trì: Bộ phận Kinh tế; thực hiện: các thôn).',
    ])
    expect(bySource(d, /4\/4 trường/u).map((i) => [i.value.target, i.value.source])).toEqual([[{ kind: 'yes_no' }, 'giữ vững 4/4 trường đạt chuẩn quốc gia']])
    expect(bySource(d, /rừng sản xuất/u).map((i) => i.value.source)).toEqual(['Trồng mới ít nhất 30 ha rừng sản xuất'])
    expect(bySource(d, /Chủ trì|phối hợp|thực hiện:/iu)).toEqual([])
  })
  it('and a note saying so before the list is no goal', () => {
    const d = draft(['Mỗi chỉ tiêu sau đây ghi kèm đơn vị chủ trì và đơn vị phối hợp trong ngoặc đơn.', '- Kết nạp ít nhất 08 đảng viên mới (Chủ trì: Văn phòng Đảng ủy).'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 8 }])
  })
})

describe('an amount restated in words in brackets', () => {
  it('is no second figure', () => {
    const d = draft(['- Thu ngân sách nhà nước trên địa bàn đạt 3.150.000.000 đồng (ba tỷ, một trăm năm mươi triệu đồng) trở lên.'])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([['đồng', { kind: 'at_least', value: 3_150_000_000 }]])
  })
  it('while a count in words elsewhere is still read', () => {
    const d = draft(['- Làm mới hai mươi hai tuyến đường giao thông nông thôn (đợt 1 làm trước).'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 22 }])
  })
})

describe('a crop\'s area as it stands, after its run-in label in a list of targets', () => {
  it('is the area to keep, a stock', () => {
    const d = draft(['- Cây bưởi da xanh: diện tích hiện có 640 ha; trồng mới ít nhất 25 ha; sản lượng đạt 9.600 tấn trở lên.'])
    expect(bySource(d, /640 ha/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 640 } })
    expect(bySource(d, /25 ha/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 25 } })
  })
})

describe('an area farmed to a certified standard', () => {
  it('stands from year to year, unless the crop is sown again each year', () => {
    const d = draft(['- Diện tích măng tây sản xuất theo tiêu chuẩn GlobalGAP đạt 35 ha trở lên.', '- Diện tích rau đạt chứng nhận VietGAP 40 ha.'])
    expect(bySource(d, /măng tây/u)[0]?.value.aggregation).toBe('stock')
    expect(bySource(d, /rau/u)[0]?.value.aggregation).toBe('flow')
  })
})

describe('what each residential unit holds or does', () => {
  it.each(['Mỗi khu tổ chức ít nhất 01 buổi gặp mặt người cao tuổi trong năm.', 'Các khóm tổ chức ít nhất 01 hội nghị nhân dân trong năm.'])('is a duty, no target: "%s"', (line) => {
    const d = draft([`- ${line}`, '- Kết nạp ít nhất 08 đảng viên mới.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 8 }])
  })
})
