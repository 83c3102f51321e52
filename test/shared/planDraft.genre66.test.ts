// Drafting a plan from its document (issue 13): the rules added after held-out sets 66 and 67
// (a message copy whose parts are bulleted names, the plan's year among years compared with, a
// state kept after a figure's clause, the fields a movement's line covers, every unit keeping a
// model), each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Yên Hòa', '09', '08 tháng 01', 2027)

describe('a message copy whose parts are bulleted names without a colon', () => {
  const d = draftPlan(`${HEAD}
• Mục đích
Động viên cán bộ và Nhân dân 12 thôn thi đua hoàn thành các nhiệm vụ năm 2027.
• Kết quả 2026 (tham khảo)
Thu ngân sách đạt 7,9 tỷ đồng; còn 41 hộ nghèo; xảy ra 6 vụ tai nạn giao thông.
• Chỉ tiêu kinh tế - xã hội
- Thu ngân sách trên địa bàn đạt 8,6 tỷ đồng trở lên.
- 4/4 trường học giữ vững chuẩn quốc gia.
• Chỉ tiêu quốc phòng - an ninh
- Giữ vững xã đạt chuẩn an toàn về an ninh, trật tự; không để xảy ra trọng án.
• Nhiệm vụ
Các thôn đăng ký thi đua gửi Văn phòng trước ngày 15/02/2027.
• Khen thưởng
Thôn dẫn đầu: Giấy khen + 4.000.000 đồng; cá nhân tiêu biểu: Giấy khen + 400.000 đồng.
`)
  it('reads each named part: last year\'s results and the awards set nothing, the targets\' parts are lists', () => {
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 8.6 })
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 7.9 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 4000000 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 400000 }))
    expect(named(d, /chuẩn quốc gia/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(named(d, /an ninh, trật tự/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(named(d, /trọng án/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(d.indicators).toHaveLength(4)
  })
})

describe('the plan\'s year where the message names no title', () => {
  // A message copy has no "KẾ HOẠCH" line: the year is the one most named, but a year figures are
  // compared with ("so với năm 2026", "cuối năm 2026") is last year.
  const d = draftPlan(`Văn phòng UBND xã gửi các thôn nội dung Kế hoạch phát động phong trào thi đua năm 2027.
- Tổng thu ngân sách tăng 6% so với năm 2026.
- Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.
- Số vụ tai nạn giao thông giảm so với năm 2026.
- Trồng mới 20 ha rừng trong năm 2027.
`)
  it('is not a year compared with', () => {
    expect(d.header.year?.value).toBe(2027)
  })
})

describe('a state kept after a figure\'s clause, then what may not happen', () => {
  const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2027.
II. CÁC CHỈ TIÊU THI ĐUA
1. Về quốc phòng, an ninh: Hoàn thành 100% chỉ tiêu tuyển chọn, gọi công dân nhập ngũ, giữ vững ổn định chính trị, trật tự an toàn xã hội trên địa bàn, không để xảy ra điểm nóng. Bảo vệ tốt 240 ha rừng phòng hộ, giữ vững thế trận lòng dân vùng biên, không để xảy ra cháy rừng.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2027.
`)
  it('is one goal with what spells it out, two with an event of its own', () => {
    expect(named(d, /nhập ngũ/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
    expect(d.indicators.find((i) => /điểm nóng/iu.test(i.value.name))?.value.name).toMatch(/ổn định chính trị/iu)
    expect(named(d, /cháy rừng/iu)?.value.name).not.toMatch(/thế trận/iu)
  })
})

describe('the fields a movement\'s line covers', () => {
  const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2027.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển sản xuất hàng hóa gắn với chế biến; xây dựng nông thôn mới kiểu mẫu; giữ vững quốc phòng, an ninh.
2. Thi đua bảo vệ chủ quyền, an ninh biên giới quốc gia, xây dựng chính quyền trong sạch; thực hiện tốt cải cách hành chính.
III. CÁC CHỈ TIÊU CHỦ YẾU
- Trồng mới 35 ha cây ăn quả.
- Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn.
IV. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2027.
`)
  it('names what the movement is about, no goal; a goal of the list stays', () => {
    expect(named(d, /^giữ vững quốc phòng/iu)).toBeUndefined()
    expect(named(d, /chủ quyền/iu)).toBeUndefined()
    expect(named(d, /trật tự an toàn xã hội/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(named(d, /cây ăn quả/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 35 })
    expect(d.indicators).toHaveLength(2)
  })
})

describe('every residential area keeping at least one model', () => {
  const d = draftList({
    head: HEAD,
    year: 2027,
    items: [],
    extra: 'Phát huy vai trò của lực lượng bảo vệ ở cơ sở; 100% khu vực xây dựng và duy trì ít nhất 01 tổ tự quản về phòng cháy, chữa cháy. Tỷ lệ hộ dân tham gia bảo hiểm y tế đạt 96%.',
  })
  it('is a yes/no each area reports, no count of models', () => {
    expect(named(d, /tự quản/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ kind: 'at_least', value: 1 }))
    expect(named(d, /bảo hiểm y tế/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 96 })
  })
})
