// Drafting a plan from its document (issue 13): the rules added after held-out sets 60 and 61,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { routineDuty } from '../../src/shared/planDraft/guards'
import { fieldHeading } from '../../src/shared/planDraft/sections'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Đông Sơn Thượng', '11', '09 tháng 01', 2026)

const LONG = 'Năm 2025, trong điều kiện thời tiết diễn biến bất thường và giá vật tư nông nghiệp tăng cao, cán bộ và Nhân dân trong xã đã đoàn kết, nỗ lực vượt qua khó khăn, hoàn thành phần lớn các chỉ tiêu mà Nghị quyết Hội đồng nhân dân xã đề ra cho năm.'

/** A Word document saved as text: its numbering lost, one paragraph a line, no blank line between them. */
const WORD_DOC = `${HEAD}${LONG}
MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong cán bộ và Nhân dân.
NỘI DUNG THI ĐUA
Các chỉ tiêu thi đua chủ yếu
Về kinh tế
Diện tích gieo cấy lúa cả năm 860 ha, trong đó lúa chất lượng cao 300 ha
Sản lượng ngô cả năm đạt 1.240 tấn trở lên
Về văn hóa - xã hội
Tỷ lệ người dân tham gia bảo hiểm y tế đạt từ 94% trở lên
9/9 thôn giữ vững danh hiệu Thôn văn hóa
Về xây dựng chính quyền
100% hồ sơ thủ tục hành chính được trả kết quả đúng hạn
TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp kết quả.
`

describe('a document of one paragraph a line', () => {
  it('keeps each line without a stop apart where a line is wider than any page and blank lines are rare', () => {
    const lines = normalizeText(WORD_DOC).split('\n')
    expect(lines).toContain('Về kinh tế')
    expect(lines).toContain('Diện tích gieo cấy lúa cả năm 860 ha, trong đó lúa chất lượng cao 300 ha')
    expect(lines).toContain('9/9 thôn giữ vững danh hiệu Thôn văn hóa')
    expect(lines).toContain('100% hồ sơ thủ tục hành chính được trả kết quả đúng hạn')
  })

  it('still joins a hard-wrapped line of a page of short lines', () => {
    const pdf = 'Tỷ lệ hộ gia đình được công nhận gia đình văn hóa trên địa bàn xã đạt\n92% trở lên trong năm 2026.\n\nSản lượng lương thực có hạt cả năm ước đạt khoảng 5.100 tấn, tăng\nLúa vụ Xuân và vụ Mùa.'
    const lines = normalizeText(pdf).split('\n')
    expect(lines[0]).toBe('Tỷ lệ hộ gia đình được công nhận gia đình văn hóa trên địa bàn xã đạt 92% trở lên trong năm 2026.')
  })

  it('reads each target of such a document, and its fields by their names', () => {
    const d = draftPlan(WORD_DOC)
    expect(named(d, /^Sản lượng ngô/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 1240 })
    expect(named(d, /bảo hiểm y tế/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 94 })
    expect(d.indicators.find((i) => /9\/9 thôn/u.test(i.value.source ?? ''))?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.find((i) => /^100% hồ sơ/u.test(i.value.source ?? ''))?.value.target).toMatchObject({ kind: 'rate_at_least', value: 100 })
    expect(d.fields.map((f) => f.value.name)).toEqual(expect.arrayContaining(['Về kinh tế', 'Về văn hóa - xã hội', 'Về xây dựng chính quyền']))
    const insurance = named(d, /bảo hiểm y tế/iu)
    expect(d.fields.find((f) => f.value.code === insurance?.value.field)?.value.name).toBe('Về văn hóa - xã hội')
  })

  it('takes a field name alone on its line for a heading, not a sentence that opens on it', () => {
    expect(fieldHeading('Về quốc phòng, an ninh', 3)).toMatchObject({ level: 2, rest: 'Về quốc phòng, an ninh' })
    expect(fieldHeading('Lĩnh vực văn hóa - xã hội', 3)).toBeDefined()
    expect(fieldHeading('Về kinh tế, phấn đấu tổng giá trị sản xuất tăng 8%', 3)).toBeUndefined()
    expect(fieldHeading('Về kinh tế.', 3)).toBeUndefined()
  })
})

describe('a general aim beside the main targets of a resolution', () => {
  it('drafts no goal from "Mục tiêu tổng quát" when "Các chỉ tiêu chủ yếu" follows', () => {
    const d = draftPlan(`${HEAD}I. MỤC TIÊU
1. Mục tiêu tổng quát
Phát huy sức mạnh đoàn kết các dân tộc; giữ vững ổn định chính trị; xây dựng chính quyền gần dân.
2. Các chỉ tiêu chủ yếu:
(1) Sản lượng chè búp tươi đạt 3.400 tấn trở lên; (2) Tỷ lệ hộ nghèo giảm từ 2% trở lên; (3) Không để xảy ra cháy rừng.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(d.indicators.some((i) => /ổn định chính trị/iu.test(i.value.source ?? ''))).toBe(false)
    expect(named(d, /^Sản lượng chè/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 3400 })
  })
})

describe('a state kept, then more striven for, in one numbered item', () => {
  it('reads "(n) Duy trì …, phấn đấu có thêm 01 …" as a yes/no and a count', () => {
    const d = draftPlan(`${HEAD}I. MỤC TIÊU
1. Các chỉ tiêu chủ yếu:
(1) Thu ngân sách trên địa bàn đạt 9,6 tỷ đồng; (2) Duy trì xã đạt chuẩn tiếp cận pháp luật, phấn đấu có thêm 01 thôn đạt chuẩn nông thôn mới kiểu mẫu; (3) Tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 98%.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    const kept = d.indicators.find((i) => /^Duy trì xã đạt chuẩn tiếp cận pháp luật$/u.test(i.value.source ?? ''))
    expect(kept?.value.target).toEqual({ kind: 'yes_no' })
    const more = d.indicators.find((i) => /thêm 01 thôn/u.test(i.value.source ?? ''))
    expect(more?.value.source).not.toMatch(/Duy trì/u)
    expect(more?.value.target).toMatchObject({ kind: 'at_least', value: 1 })
  })
})

describe('millions of tonnes', () => {
  it('reads "triệu tấn" as a unit of its own', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2026, items: ['Khối lượng hàng hóa bốc xếp qua cảng cá đạt 1,8 triệu tấn trở lên.'] }))
    const cargo = named(d, /hàng hóa/iu)
    expect(cargo?.value.unitOfMeasure).toBe('triệu tấn')
    expect(cargo?.value.target).toMatchObject({ kind: 'at_least', value: 1.8 })
  })
})

describe('a rating to earn, in prose', () => {
  it('drafts "… được xếp loại … trở lên" as a yes/no goal beside figures', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. NỘI DUNG THI ĐUA
1. Về xây dựng Đảng, chính quyền
Tăng cường công tác kiểm tra, giám sát; phấn đấu kết nạp 12 đảng viên mới. Chi bộ các thôn được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    const rating = d.indicators.find((i) => /xếp loại/u.test(i.value.source ?? ''))
    expect(rating?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('a standing routine kept', () => {
  it('takes "duy trì chế độ trực …" for a duty', () => {
    expect(routineDuty('Duy trì nghiêm chế độ trực chỉ huy, trực ban')).toBe(true)
    expect(routineDuty('Thực hiện tốt chế độ giao ban, báo cáo định kỳ')).toBe(true)
    expect(routineDuty('Duy trì xã đạt chuẩn an toàn thực phẩm')).toBe(false)
  })

  it('drafts no goal from it in a paragraph that sets figures', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. NỘI DUNG THI ĐUA
1. Về quốc phòng, an ninh
Duy trì nghiêm chế độ trực ban, trực chỉ huy; hoàn thành 100% chỉ tiêu tuyển quân. Giữ vững an ninh chính trị, không để xảy ra trọng án.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(d.indicators.some((i) => /chế độ trực/u.test(i.value.source ?? ''))).toBe(false)
    expect(d.indicators.some((i) => /trọng án/u.test(i.value.source ?? ''))).toBe(true)
  })
})

describe('a goal restating a figured measure, named in its middle', () => {
  it('drops "Hoàn thành <measure> vượt dự toán được giao" under a table row of that measure', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. CHỈ TIÊU THI ĐUA
| TT | Chỉ tiêu | ĐVT | Kế hoạch 2026 |
| 1 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | 8,2 |
| 2 | Tỷ lệ hộ dùng nước sạch | % | 97 |
- Hoàn thành thu ngân sách vượt dự toán cấp trên giao.
- Không để xảy ra ngộ độc thực phẩm đông người.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(d.indicators.some((i) => /vượt dự toán/u.test(i.value.source ?? ''))).toBe(false)
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 8.2 })
    expect(d.indicators.some((i) => /ngộ độc/u.test(i.value.source ?? ''))).toBe(true)
  })
})
