// Drafting a plan from its document (issue 13): how each drafted amount rolls up over the year, a
// flow (summed over the periods) or a stock (the level at the period's end, from the last period).
// Standing areas, herds, fleets, cages and counts of places holding a title are stocks; what is
// sown, planted, made, earned, spent or happens in the year stays a flow. Hand-written sentences in
// the language of commune plans (none taken from the held-out sets).
import { describe, expect, it } from 'vitest'
import { unitToDate } from '../../src/shared/aggregation'
import type { Target } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Phong', '15', '20 tháng 01', 2026)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items }))
type Draft = ReturnType<typeof draft>
/** The figure a target states: a level to reach, a ceiling, a total of its parts. */
const figure = (t: Target | undefined): number | undefined => (t?.kind === 'at_least' || t?.kind === 'at_most' || t?.kind === 'derived' ? t.value : undefined)
/** The drafted indicator whose source holds `words` and whose target's figure is `value`. */
const at = (d: Draft, words: RegExp, value: number) => d.indicators.find((i) => words.test(i.value.source ?? '') && figure(i.value.target) === value)?.value
const rolled = (d: Draft, words: RegExp, value: number) => at(d, words, value)?.aggregation

describe('standing words make a stock', () => {
  it('reads "duy trì", "giữ ổn định", "hiện có", "đội tàu", forest "quản lý, bảo vệ" as a level kept', () => {
    const d = draft([
      'Duy trì diện tích chè hiện có 520 ha.',
      'Giữ ổn định 1.300 ha cao su đang khai thác.',
      'Diện tích mặt nước nuôi cá nước ngọt duy trì ổn định 75 ha.',
      'Duy trì đội tàu đánh bắt xa bờ không dưới 80 chiếc.',
      'Quản lý, bảo vệ tốt 9.500 ha rừng tự nhiên.',
      'Số câu lạc bộ dân ca duy trì sinh hoạt thường xuyên 9 câu lạc bộ.',
    ])
    expect(rolled(d, /chè hiện có/u, 520)).toBe('stock')
    expect(rolled(d, /cao su/u, 1300)).toBe('stock')
    expect(rolled(d, /nuôi cá nước ngọt/u, 75)).toBe('stock')
    expect(rolled(d, /đội tàu/u, 80)).toBe('stock')
    expect(rolled(d, /rừng tự nhiên/u, 9500)).toBe('stock')
    expect(rolled(d, /câu lạc bộ/u, 9)).toBe('stock')
  })

  it('reads a level the count is raised to ("nâng tổng số … lên"), or a running total ("lũy kế"), as a stock, whatever was added first', () => {
    const d = draftPlan(`${HEAD}
II. CÁC CHỈ TIÊU
- Phấn đấu đạt thêm 02 tiêu chí, nâng tổng số tiêu chí xã nông thôn mới nâng cao đạt được lên 15/19 tiêu chí.
- Phát triển diện tích bưởi đặc sản lên 240 ha.

| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |
|---|---|---|---|---|
| 1 | Sản phẩm đạt chuẩn OCOP từ 3 sao trở lên (lũy kế) | sản phẩm | 5 | 7 |
| 2 | Số hộ kinh doanh chuyển sang thanh toán điện tử | hộ | 310 | 400 | Lũy kế |
III. TỔ CHỨC THỰC HIỆN
Văn phòng tổng hợp.
`)
    expect(rolled(d, /nâng tổng số/u, 15)).toBe('stock')
    expect(rolled(d, /bưởi/u, 240)).toBe('stock')
    expect(rolled(d, /OCOP/u, 7)).toBe('stock')
    expect(rolled(d, /thanh toán điện tử/u, 400)).toBe('stock')
  })

  it('reads "Duy trì" in a table\'s plan cell or in its note as a stock', () => {
    const d = draftPlan(`${HEAD}
II. CÁC CHỈ TIÊU
| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 | Ghi chú |
|---|---|---|---|---|---|
| 1 | Diện tích mắc ca | ha | 320 | Duy trì 330 | |
| 2 | Diện tích nuôi trồng thủy sản | ha | 120 | 120 | Duy trì diện tích hiện có |
III. TỔ CHỨC THỰC HIỆN
Văn phòng tổng hợp.
`)
    expect(rolled(d, /mắc ca/u, 330)).toBe('stock')
    expect(rolled(d, /thủy sản/u, 120)).toBe('stock')
  })
})

describe('what stands by its nature is a stock', () => {
  it("reads a perennial crop's, an orchard's, a salt field's, a greenhouse's area as a stock, without a word of keeping", () => {
    const d = draft([
      'Diện tích cà phê toàn xã 2.700 ha.',
      'Diện tích vườn cây ăn quả đạt 860 ha.',
      'Diện tích trồng cây ăn trái (cam, quýt) 300 ha.',
      'Diện tích đồng muối 150 ha.',
      'Diện tích nhà màng, nhà lưới trồng dưa lưới đạt 20 ha.',
      'Diện tích hồ tiêu 410 ha; sầu riêng 260 ha.',
    ])
    expect(rolled(d, /cà phê toàn xã/u, 2700)).toBe('stock')
    expect(rolled(d, /vườn cây ăn quả/u, 860)).toBe('stock')
    // "Diện tích trồng …" names what grows there: no planting in the year.
    expect(rolled(d, /cây ăn trái/u, 300)).toBe('stock')
    expect(rolled(d, /đồng muối/u, 150)).toBe('stock')
    expect(rolled(d, /nhà màng/u, 20)).toBe('stock')
    expect(rolled(d, /hồ tiêu/u, 410)).toBe('stock')
    expect(rolled(d, /sầu riêng/u, 260)).toBe('stock')
  })

  it('reads a table row of a perennial area as a stock', () => {
    const d = draftPlan(`${HEAD}
II. CÁC CHỈ TIÊU
| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |
|---|---|---|---|---|
| 1 | Diện tích cao su | ha | 2.050 | 2.100 |
| 2 | Diện tích lúa cả năm | ha | 900 | 880 |
III. TỔ CHỨC THỰC HIỆN
Văn phòng tổng hợp.
`)
    expect(rolled(d, /cao su/u, 2100)).toBe('stock')
    expect(rolled(d, /lúa cả năm/u, 880)).toBe('flow')
  })

  it('reads herds, fleets and fish cages as stocks', () => {
    const d = draft(['Chăn nuôi: trâu 1.200 con, bò 2.400 con, gia cầm 70.000 con.', 'Số tàu cá hoạt động đạt 95 chiếc.', 'Số lồng nuôi cá trên lòng hồ đạt 900 lồng.'])
    expect(rolled(d, /trâu/u, 1200)).toBe('stock')
    expect(rolled(d, /bò/u, 2400)).toBe('stock')
    expect(rolled(d, /gia cầm/u, 70000)).toBe('stock')
    expect(rolled(d, /tàu cá/u, 95)).toBe('stock')
    expect(rolled(d, /lồng/u, 900)).toBe('stock')
  })

  it('reads a count of places holding a title or a standard as a stock, new ones as a flow', () => {
    const d = draftPlan(`${HEAD}
II. CÁC CHỈ TIÊU
- Có ít nhất 14/16 thôn đạt danh hiệu "Thôn văn hóa".
- Có thêm 02 thôn đạt chuẩn thôn nông thôn mới kiểu mẫu.

| TT | Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |
|---|---|---|---|---|
| 1 | Số trường đạt chuẩn quốc gia | trường | 4 | 5 |
| 2 | Số cơ sở lưu trú đạt tiêu chuẩn phục vụ khách du lịch | cơ sở | 30 | 34 |
III. TỔ CHỨC THỰC HIỆN
Văn phòng tổng hợp.
`)
    expect(rolled(d, /14\/16 thôn/u, 14)).toBe('stock')
    expect(rolled(d, /trường đạt chuẩn quốc gia/u, 5)).toBe('stock')
    expect(rolled(d, /cơ sở lưu trú/u, 34)).toBe('stock')
    expect(rolled(d, /có thêm 02 thôn/iu, 2)).toBe('flow')
  })
})

describe('a part rolls up as its whole', () => {
  it('makes a "trong đó" part of a standing area a stock, unless its own words plant it', () => {
    const d = draft([
      'Diện tích cà phê duy trì 3.000 ha, trong đó diện tích được chứng nhận sản xuất bền vững 1.100 ha.',
      'Giữ ổn định diện tích nhãn 640 ha, trong đó diện tích đạt chứng nhận VietGAP từ 150 ha trở lên.',
      'Duy trì diện tích hồ tiêu 500 ha, trong đó tái canh 60 ha.',
      'Trồng mới 150 ha rừng, trong đó: keo 90 ha, quế 60 ha.',
    ])
    expect(rolled(d, /sản xuất bền vững/u, 1100)).toBe('stock')
    expect(rolled(d, /VietGAP/u, 150)).toBe('stock')
    expect(rolled(d, /tái canh/u, 60)).toBe('flow')
    // The parts of a planting are planted, however they are named (cinnamon stands, once planted).
    expect(rolled(d, /Trồng mới 150 ha rừng/u, 150)).toBe('flow')
    expect(rolled(d, /quế 60 ha/u, 60)).toBe('flow')
  })
})

describe('what is sown, planted, made, earned, spent or happens in the year stays a flow', () => {
  it('keeps sown areas, output, new planting, replanting, money, cases and the year\'s work flows', () => {
    const d = draft([
      'Diện tích gieo cấy lúa cả năm 1.300 ha.',
      'Lúa: gieo cấy ổn định 1.100 ha.',
      'Diện tích rau màu các loại duy trì 240 ha.',
      'Duy trì diện tích chè 700 ha, sản lượng chè búp tươi đạt 9.000 tấn.',
      'Trồng mới 60 ha rừng sản xuất.',
      'Trồng mới 40 ha cam đường canh.',
      'Tái canh 50 ha cà phê già cỗi.',
      'Duy trì giá trị sản xuất ngành nghề nông thôn đạt 300 tỷ đồng.',
      'Số vụ tai nạn giao thông không quá 5 vụ.',
      'Giải quyết việc làm cho 300 lao động.',
      'Kết nạp 20 đảng viên mới.',
      'Phát triển mới ít nhất 30 doanh nghiệp và 80 hộ kinh doanh.',
      'Có 150 hộ nông dân đạt danh hiệu sản xuất, kinh doanh giỏi các cấp.',
      'Có 25 học sinh đạt giải học sinh giỏi cấp tỉnh.',
      'Số điểm truy cập internet công cộng đạt 12 điểm.',
      'Cứng hóa kênh mương nội đồng: quý II lũy kế 1,5 km, cả năm 4 km.',
      'Số cơ sở được kiểm tra vệ sinh an toàn thực phẩm: quý III lũy kế 30 cơ sở, cả năm 45 cơ sở.',
      'Số lượng đèn lồng sản xuất, tiêu thụ đạt 200.000 chiếc.',
    ])
    expect(rolled(d, /gieo cấy lúa/u, 1300)).toBe('flow')
    // An annual crop is sown again each year, whatever the words of keeping.
    expect(rolled(d, /gieo cấy ổn định/u, 1100)).toBe('flow')
    expect(rolled(d, /rau màu/u, 240)).toBe('flow')
    expect(rolled(d, /chè 700 ha/u, 700)).toBe('stock')
    expect(rolled(d, /sản lượng chè/u, 9000)).toBe('flow')
    expect(rolled(d, /rừng sản xuất/u, 60)).toBe('flow')
    expect(rolled(d, /cam đường canh/u, 40)).toBe('flow')
    expect(rolled(d, /Tái canh/u, 50)).toBe('flow')
    expect(rolled(d, /tỷ đồng/u, 300)).toBe('flow')
    expect(rolled(d, /tai nạn giao thông/u, 5)).toBe('flow')
    expect(rolled(d, /việc làm/u, 300)).toBe('flow')
    expect(rolled(d, /đảng viên/u, 20)).toBe('flow')
    expect(rolled(d, /30 doanh nghiệp/u, 30)).toBe('flow')
    // A clause opening on "và" shares the verb before it: new households, a flow.
    expect(rolled(d, /80 hộ kinh doanh/u, 80)).toBe('flow')
    // People and households earn a title or a prize in the year.
    expect(rolled(d, /sản xuất, kinh doanh giỏi/u, 150)).toBe('flow')
    expect(rolled(d, /học sinh giỏi/u, 25)).toBe('flow')
    // (Public internet points are places standing at the year's end, counted as cameras are: a level.)
    expect(rolled(d, /điểm truy cập/u, 12)).toBe('stock')
    // A quarter's year-to-date figure ("quý II lũy kế") is a milestone of a flow, no running total.
    expect(rolled(d, /kênh mương/u, 4)).toBe('flow')
    expect(rolled(d, /an toàn thực phẩm/u, 45)).toBe('flow')
    // Goods sold in the year, though counted as a "số lượng".
    expect(rolled(d, /đèn lồng/u, 200000)).toBe('flow')
  })
})

describe("a standing area's year rolls up from its last quarter, not the sum", () => {
  it('takes the tea area of the fourth quarter as the year\'s, and sums the tea output', () => {
    const d = draft(['Duy trì diện tích chè 700 ha, sản lượng chè búp tươi đạt 9.000 tấn.'])
    const area = at(d, /chè 700 ha/u, 700)!
    const output = at(d, /sản lượng chè/u, 9000)!
    const quarters = (values: number[]) => values.map((value, q) => ({ to: `2026-${['03-31', '06-30', '09-30', '12-31'][q]}`, data: { kind: 'number' as const, value } }))
    expect(unitToDate(area.aggregation, quarters([700, 700, 705, 705]), '2026-12-31')).toEqual({ kind: 'number', value: 705 })
    expect(unitToDate(output.aggregation, quarters([1500, 3000, 3000, 1500]), '2026-12-31')).toEqual({ kind: 'number', value: 9000 })
  })
})
