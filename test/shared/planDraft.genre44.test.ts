// Drafting a plan from its document (issue 13): the rules added after held-out sets 44 and 45,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Minh Sơn', '07', '15 tháng 01', 2026)

const list = (items: string[], options: Partial<Parameters<typeof planWithList>[0]> = {}): ReturnType<typeof draftPlan> =>
  draftPlan(planWithList({ head: HEAD, year: 2026, items, ...options }))

describe('a dash typed after a section numeral or an item number', () => {
  it('reads "II- …" and "1- …" as a section and its items', () => {
    expect(normalizeText('III – KHEN THƯỞNG\n\n2- Trồng mới 40 ha rừng.')).toBe('III. KHEN THƯỞNG\n2. Trồng mới 40 ha rừng.')
    // (A range or a figure after the dash is no numbering.)
    expect(normalizeText('2- 3 lần mỗi tháng')).toBe('2- 3 lần mỗi tháng')
    const d = draftPlan(`${HEAD}I- MỤC ĐÍCH, YÊU CẦU

Khơi dậy tinh thần thi đua trong Nhân dân 12 xóm.

II- CHỈ TIÊU THI ĐUA

1- Trồng mới 45 ha rừng sản xuất.

2- Tỷ lệ hộ tham gia bảo hiểm y tế đạt 95%.

III- TỔ CHỨC THỰC HIỆN

1- Văn phòng theo dõi, tổng hợp kết quả.
`)
    expect(named(d, /rừng/iu)?.value.target).toEqual({ kind: 'at_least', value: 45 })
    expect(named(d, /bảo hiểm/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 95 })
  })
})

describe('a table with a column of the change from last year', () => {
  it('reads the plan year\'s figure, not the change, and sums the rows under "Trong đó:"', () => {
    const d = list([], {
      bare: true,
      extra: `| TT | Chỉ tiêu | Năm 2025 | Năm 2026 | Tăng/giảm (%) |
|---|---|---|---|---|
| 1 | Tổng sản lượng cây có hạt (tấn) | 5.100 | 5.300 | +3,9 |
| | Trong đó: | | | |
| | - Lúa (tấn) | 4.400 | 4.550 | +3,4 |
| | - Ngô (tấn) | 700 | 750 | +7,1 |
| 2 | Diện tích gieo trồng lạc (ha) | 210 | 210 | 0 |
| 3 | Tỷ lệ hoàn thành kế hoạch tiêm phòng (%) | 100 | 100 | 0 |
`,
    })
    expect(named(d, /lạc/iu)?.value.target).toEqual({ kind: 'at_least', value: 210 })
    expect(named(d, /tiêm phòng/iu)?.value.target).toEqual({ kind: 'rate_at_least', value: 100 })
    const total = named(d, /cây có hạt/iu)
    expect(total?.value.target).toEqual({ kind: 'derived', value: 5300 })
    expect(total?.value.children).toHaveLength(2)
  })
})

describe('a time lead-in before the colon of a run-on paragraph', () => {
  it('names no measure: "Phấn đấu đến cuối năm 2026: …"', () => {
    const d = list(['Phấn đấu đến cuối năm 2026: tốc độ tăng tổng giá trị sản xuất đạt 7,5% so với năm 2025; diện tích ngô 300 ha, sản lượng ngô 1.500 tấn.'], { bare: true })
    expect(d.indicators.some((i) => /cuối năm/iu.test(i.value.name))).toBe(false)
    expect(d.indicators.find((i) => i.value.target?.kind === 'growth')?.value.target).toMatchObject({ kind: 'growth', percent: 7.5, baseYear: 2025 })
    expect(named(d, /diện tích ngô/iu)?.value.target).toEqual({ kind: 'at_least', value: 300 })
  })
})

describe('a state kept, then a clause of its own after a comma', () => {
  it('reads "giữ vững …, có thêm 03 thôn …" as a goal and a count', () => {
    const d = list(['Duy trì danh hiệu xã đạt chuẩn nông thôn mới nâng cao, có thêm 03 thôn đạt chuẩn khu dân cư kiểu mẫu; tỷ lệ hộ nghèo dưới 2%.'], { bare: true })
    expect(named(d, /^duy trì danh hiệu/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /kiểu mẫu/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 3 })
  })

  it('reads "giữ vững an ninh …, không để xảy ra trọng án" as two goals, "… điểm nóng" as one', () => {
    const d = list(['Giữ vững ổn định an ninh chính trị trên địa bàn, không để xảy ra các vụ trọng án; tỷ lệ hộ nghèo dưới 2%.'], { bare: true })
    expect(named(d, /^giữ vững/iu)?.value.source).toBe('Giữ vững ổn định an ninh chính trị trên địa bàn')
    expect(named(d, /trọng án/iu)?.value.target).toEqual({ kind: 'yes_no' })
    const one = list(['Giữ vững ổn định an ninh chính trị trên địa bàn, không để xảy ra điểm nóng; tỷ lệ hộ nghèo dưới 2%.'], { bare: true })
    expect(one.indicators.filter((i) => i.value.target?.kind === 'yes_no')).toHaveLength(1)
  })
})

describe('a general aim beside the specific ones', () => {
  it('reads no goal from "Mục tiêu chung" when "Mục tiêu cụ thể" holds the targets', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. MỤC TIÊU
1. Mục tiêu chung
Xây dựng xã phát triển toàn diện; bảo đảm an sinh xã hội, giữ vững quốc phòng - an ninh.
2. Mục tiêu cụ thể
- Tỷ lệ hộ nghèo giảm còn dưới 1,5%.
- Không để xảy ra cháy rừng.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(d.indicators.some((i) => /an sinh|quốc phòng/iu.test(i.value.name))).toBe(false)
    expect(named(d, /cháy rừng/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('counts, capacities and firm protection', () => {
  it('takes the noun after "Số" as the unit of a cut in %', () => {
    const d = list(['Số cơ sở kinh doanh vi phạm an toàn thực phẩm giảm 30% so với năm 2025.'])
    expect(named(d, /cơ sở/iu)?.value).toMatchObject({ unitOfMeasure: 'cơ sở', target: { kind: 'reduce_by', amount: 30, relative: true } })
  })

  it('reads a capacity per day and night as a level', () => {
    const d = list(['Nâng công suất nhà máy nước sạch lên 2.000 m3/ngày đêm.'])
    expect(named(d, /công suất/iu)?.value).toMatchObject({ name: 'Công suất nhà máy nước sạch', unitOfMeasure: 'm³/ngày đêm', aggregation: 'stock', target: { kind: 'at_least', value: 2000 } })
  })

  it('reads "Bảo vệ vững chắc …" in a paragraph as a goal', () => {
    const d = draftPlan(`${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua.
II. CHỈ TIÊU THI ĐUA
1. Về quốc phòng - an ninh, biên giới
Bảo vệ vững chắc chủ quyền, an ninh biên giới quốc gia. Hoàn thành 100% chỉ tiêu tuyển quân. Không để xảy ra cháy rừng.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi.
`)
    expect(named(d, /biên giới/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})
