// Drafting a plan from its document (issue 13): the rules added after held-out sets 185 and 190
// (footnotes; targets in an appendix), each on hand-written sentences in the language of commune
// plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '07', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('footnotes under the page, marked by superscripts or bracketed numbers', () => {
  const items = [
    '- Duy trì diện tích bưởi hiện có 260 ha², trong đó bưởi đạt chứng nhận hữu cơ 40 ha[3]; sản lượng bưởi đạt 5.200 tấn.',
    '- Tổng đàn heo 8.600 con trở lên⁵.',
    '- Thu ngân sách trên địa bàn 3.150 triệu đồng[7].',
    '____________________',
    '² Theo số liệu kiểm kê đất đai đến 31/12/2025 là 251,4 ha, trong đó 9 ha bưởi trồng năm 2025 chưa cho trái.',
    '[3] Năm 2025 có 32 ha được chứng nhận, trong đó 6 ha hết hạn trong quý III/2026.',
    '⁵ Theo kết quả điều tra thời điểm 01/10/2025, đàn heo nái 1.240 con; tính cả đàn heo thịt của các trang trại.',
    '[7] Dự toán huyện giao 3.000 triệu đồng.',
    '                                   1',
  ]
  it('reads no target from a footnote\'s text', () => {
    const d = draft(items)
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 260 },
      { kind: 'at_least', value: 40 },
      { kind: 'at_least', value: 5200 },
      { kind: 'at_least', value: 8600 },
      { kind: 'at_least', value: 3150 },
    ])
    expect(bySource(d, /kiểm kê|chứng nhận, trong|điều tra|Dự toán|heo thịt/u)).toEqual([])
    // (A line opening on a bracketed number the text never sets after a figure is read as it is.)
    expect(bySource(draft(['[1] Trồng mới 35 ha cây ăn quả.']), /35 ha/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 35 }])
  })
  it('leaves a mark closing the statement out of its source, and keeps the unit\'s square', () => {
    const d = draft(items)
    expect(d.indicators.map((i) => i.value.source)).toEqual([
      'Duy trì diện tích bưởi hiện có 260 ha',
      'trong đó bưởi đạt chứng nhận hữu cơ 40 ha',
      'sản lượng bưởi đạt 5.200 tấn',
      'Tổng đàn heo 8.600 con trở lên',
      'Thu ngân sách trên địa bàn 3.150 triệu đồng',
    ])
    expect(bySource(draft(['- Nạo vét 2.400 m³ kênh mương nội đồng.']), /2\.400 m³/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 2400 } })
  })
})

describe('a year after "năm"', () => {
  it('is never a count of the word after it, in brackets on a past season', () => {
    const d = draft(['- Diện tích lúa gieo trồng cả năm 980 ha; diện tích vụ Thu Đông tùy theo lịch thời vụ (năm 2025 vụ Thu Đông chỉ xuống giống được 160 ha).'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 980 }])
    expect(d.indicators.some((i) => i.value.unitOfMeasure === 'vụ')).toBe(false)
    // ("cả năm" before a figure is the year's length: the figure is the amount.)
    expect(draft(['- Diện tích gieo trồng ngô cả năm 2000 ha.']).indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 2000 }])
  })
})

describe('a plan whose targets stand in an appendix', () => {
  const plan = (body: string): string => `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.
II. NỘI DUNG THI ĐUA
1. Thi đua phát triển kinh tế vườn gắn với du lịch sinh thái; giữ gìn làng nghề đan lát truyền thống.
2. Thi đua giữ vững quốc phòng, an ninh, trật tự an toàn xã hội trên địa bàn xã.
${body}
Các chỉ tiêu thi đua cụ thể tại Phụ lục kèm theo Kế hoạch này.
III. TỔ CHỨC THỰC HIỆN
Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Bình
PHỤ LỤC
CHỈ TIÊU THI ĐUA NĂM 2026
1. Diện tích cây ăn quả hiện có: duy trì 640 ha trở lên.
2. Thu ngân sách nhà nước: 5,4 tỷ đồng trở lên.
3. Số thôn giữ vững danh hiệu Thôn văn hóa: 11/11 thôn.
4. Số vụ tai nạn giao thông: không quá 2 vụ.
`
  it('takes the body\'s movements, which name no figure, as no goals, and the appendix\'s all-units line as a yes/no', () => {
    const d = draftPlan(plan(''))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 640 },
      { kind: 'at_least', value: 5.4 },
      { kind: 'at_most', value: 2, strict: false },
      { kind: 'yes_no' },
    ])
    expect(bySource(d, /làng nghề|quốc phòng/u)).toEqual([])
    expect(bySource(d, /11\/11 thôn/u).map((i) => i.value.source)).toEqual(['Số thôn giữ vững danh hiệu Thôn văn hóa: 11/11 thôn'])
    // (Where the body states a target with a figure too, its goals are read as they are.)
    const e = draftPlan(plan('3. Thi đua xây dựng nông thôn mới: phấn đấu tỷ lệ hộ dân sử dụng nước sạch đạt 90%.'))
    expect(bySource(e, /làng nghề/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(e, /nước sạch/u).map((i) => i.value.target)).toEqual([{ kind: 'rate_at_least', value: 90 }])
  })
})
