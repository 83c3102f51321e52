// Drafting a plan from its document (issue 13): the rules added after held-out set 60 (a table
// copied one cell a line from a PDF, a table exported with ";" between its fields), each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phú Xuân', '07', '08 tháng 01', 2027)

describe('a legal basis opens its own paragraph', () => {
  it('does not run "Căn cứ …" into a title broken over two lines, so the plan year is the title\'s', () => {
    const text = `ỦY BAN NHÂN DÂN XÃ PHÚ XUÂN
Số: 07/KH-UBND
Phú Xuân, ngày 08 tháng 01 năm 2027
KẾ HOẠCH
Tổ chức phong trào thi đua thực hiện nhiệm vụ phát triển
kinh tế - xã hội, giữ vững quốc phòng, an ninh năm 2027
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022; Nghị định của Chính phủ quy định chi
tiết Luật Thi đua, khen thưởng;
Năm 2026, tổng sản lượng lương thực đạt 5.120 tấn; thu ngân sách trên địa bàn đạt 7.300 triệu đồng.
I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. CHỈ TIÊU THI ĐUA
- Tổng sản lượng lương thực đạt 5.300 tấn trở lên.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`
    expect(normalizeText(text)).toMatch(/\nCăn cứ Luật Thi đua/u)
    const d = draftPlan(text)
    expect(d.header.year?.value).toBe(2027)
    // Last year's results before the sections are no targets.
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 5120 }))
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 7300 }))
    expect(named(d, /lương thực/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 5300 })
  })
})

describe('a table copied one cell a line', () => {
  const text = `${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu
TT
Chỉ tiêu
ĐVT
Kế hoạch năm 2027
1
Diện tích nuôi trồng thủy sản
ha
140
2
Tổng thu ngân sách nhà nước trên địa
bàn xã
triệu đồng
8.450
UBND xã Phú Xuân - Kế hoạch thi đua năm 2027                                Trang 2
TT
Chỉ tiêu
ĐVT
Kế hoạch năm 2027
3
Tỷ lệ người cao tuổi được khám sức
khỏe định kỳ
%
≥ 80
4
Số hộ được hỗ trợ xây mới nhà ở
hộ
12
2. Về quốc phòng, an ninh
- Không để xảy ra cháy rừng.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`

  it('joins a name wrapped onto a second line and skips the heading repeated after a page break', () => {
    const rows = normalizeText(text).split('\n').filter((l) => l.startsWith('| '))
    expect(rows).toEqual([
      '| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2027 |',
      '| 1 | Diện tích nuôi trồng thủy sản | ha | 140 |',
      '| 2 | Tổng thu ngân sách nhà nước trên địa bàn xã | triệu đồng | 8.450 |',
      '| 3 | Tỷ lệ người cao tuổi được khám sức khỏe định kỳ | % | ≥ 80 |',
      '| 4 | Số hộ được hỗ trợ xây mới nhà ở | hộ | 12 |',
    ])
  })

  it('drafts every row as a target', () => {
    const d = draftPlan(text)
    expect(named(d, /ngân sách/iu)?.value).toMatchObject({ unitOfMeasure: 'triệu đồng', target: { kind: 'at_least', value: 8450 } })
    expect(named(d, /cao tuổi/iu)?.value).toMatchObject({ unitOfMeasure: '%', target: { kind: 'rate_at_least', value: 80 } })
    expect(named(d, /nhà ở/iu)?.value.target).toMatchObject({ value: 12 })
    expect(d.indicators.some((i) => /^(?:ĐVT|Chỉ tiêu|Kế hoạch)/u.test(i.value.name))).toBe(false)
  })

  it('keeps a unit on its own line as the unit, not as the name', () => {
    const rows = normalizeText(`${HEAD}II. CHỈ TIÊU
STT
Chỉ tiêu
Đơn vị tính
Kế hoạch năm 2027
1
Trồng mới rừng sản xuất
ha
45
2
Đàn bò
con
1.300
`).split('\n').filter((l) => l.startsWith('| '))
    expect(rows[1]).toBe('| 1 | Trồng mới rừng sản xuất | ha | 45 |')
    expect(rows[2]).toBe('| 2 | Đàn bò | con | 1.300 |')
  })
})

describe('a table exported with ";" between its fields', () => {
  const table = `STT;Chỉ tiêu;ĐVT;Ước thực hiện 2026;Kế hoạch 2027;Ghi chú
1;Diện tích nuôi tôm nước lợ;ha;410,5;430;
2;Sản lượng tôm;tấn;1.905;2.012,5;Tôm thẻ chân trắng
3;Tỷ lệ hộ cận nghèo;%;4,15;giảm 0,6;
4;"Số ấp đạt chuẩn ""Ấp nông thôn mới kiểu mẫu""";ấp;2;3;Huyện giao 2`

  it('reads the lines as table rows, a quoted name with its doubled quotes', () => {
    const rows = normalizeText(table).split('\n')
    expect(rows[0]).toBe('| STT | Chỉ tiêu | ĐVT | Ước thực hiện 2026 | Kế hoạch 2027 | Ghi chú |')
    expect(rows[1]).toBe('| 1 | Diện tích nuôi tôm nước lợ | ha | 410,5 | 430 | |')
    expect(rows[4]).toBe('| 4 | Số ấp đạt chuẩn "Ấp nông thôn mới kiểu mẫu" | ấp | 2 | 3 | Huyện giao 2 |')
  })

  it('takes the plan column, not last year\'s nor the note, and starts a cut from last year\'s figure', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: [table], bare: true }))
    expect(named(d, /nuôi tôm/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 430 })
    expect(named(d, /sản lượng tôm/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 2012.5 })
    expect(named(d, /cận nghèo/iu)?.value.target).toEqual({ kind: 'reduce_by', amount: 0.6, baseline: 4.15 })
    expect(named(d, /kiểu mẫu/iu)?.value.target).toMatchObject({ value: 3 })
    expect(d.indicators.some((i) => /ghi chú|kế hoạch 2027|tôm thẻ/iu.test(i.value.name))).toBe(false)
  })

  it('leaves prose with "; " between its clauses as prose', () => {
    const line = 'Giữ vững an ninh chính trị; không để xảy ra cháy rừng; hoàn thành 100% chỉ tiêu giao quân.'
    expect(normalizeText(line)).toBe(line)
  })
})

describe('what a paragraph beside a table restates or assigns', () => {
  it('drafts neither a unit\'s duty to draw up its plan nor striving past the assigned revenue', () => {
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2027,
      bare: true,
      items: [
        '| STT | Chỉ tiêu | ĐVT | Kế hoạch 2027 |',
        '| 1 | Thu ngân sách nhà nước trên địa bàn | triệu đồng | 6.900 |',
        '| 2 | Sản lượng lúa | tấn | 12.400 |',
        'Các thôn, hợp tác xã chủ động xây dựng kế hoạch sản xuất theo mùa vụ; phấn đấu thu ngân sách vượt dự toán cấp trên giao, không để thất thu thuế.',
      ],
    }))
    expect(d.indicators.map((i) => i.value.name)).toHaveLength(2)
    expect(named(d, /ngân sách/iu)?.value.target).toMatchObject({ value: 6900 })
  })

  it('still drafts a goal that follows striving past the assigned revenue when it names an event of its own', () => {
    const d = draftPlan(planWithList({
      head: HEAD,
      year: 2027,
      items: ['Thu ngân sách nhà nước trên địa bàn đạt 6.900 triệu đồng.', 'Phấn đấu thu ngân sách vượt dự toán được giao; không để xảy ra cháy rừng.'],
    }))
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(d.indicators.filter((i) => /vượt dự toán/iu.test(i.value.source ?? ''))).toHaveLength(0)
  })
})

describe('a section of the means under the targets\' part', () => {
  it('drafts no target from "Nhiệm vụ, giải pháp chủ yếu" at the second level', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu
- Tỷ lệ hộ dùng nước sạch đạt 85%.
2. Nhiệm vụ, giải pháp chủ yếu
- Các thôn vận động Nhân dân đưa giống mới vào sản xuất ít nhất 60% diện tích lúa.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(d.indicators).toHaveLength(1)
    expect(named(d, /nước sạch/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 85 })
  })
})

describe('income per head in a table whose unit cell says "triệu đồng/người"', () => {
  it('is per person over the plan\'s year, as when the unit says "triệu đồng"', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. CÁC CHỈ TIÊU CHỦ YẾU
| TT | Chỉ tiêu | Đơn vị tính | Kế hoạch năm 2027 |
|---|---|---|---|
| 1 | Thu nhập bình quân đầu người | triệu đồng/người | 58 |
| 2 | Mức hỗ trợ học nghề cho lao động nông thôn | triệu đồng/người | 3 |
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`)
    expect(named(d, /đầu người/iu)?.value).toMatchObject({ unitOfMeasure: 'triệu đồng/người/năm', target: { kind: 'rate_at_least', value: 58 } })
    expect(named(d, /hỗ trợ học nghề/iu)?.value.unitOfMeasure).toBe('triệu đồng/người')
  })
})
