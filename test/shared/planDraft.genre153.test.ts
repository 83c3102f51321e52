// Drafting a plan from its document (issue 13): the rules added after held-out sets 153, 154 and
// 156, each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, named, planHead } from './planDraftText'

const HEAD = planHead('Yên Phú', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a plan in prose paragraphs "Một là, …" to "Năm là, …"', () => {
  const text = `${HEAD}
Năm 2025, xã hoàn thành 17/19 chỉ tiêu; thu ngân sách 12,4 tỷ đồng. Trên địa bàn xảy ra 05 vụ tai nạn giao thông.

Các chỉ tiêu thi đua năm 2026 gồm ba nhóm sau.

Một là, về kinh tế: thu ngân sách trên địa bàn đạt 13 tỷ đồng; tổng đàn trâu, bò duy trì 2.300 con trở lên.

Hai là, về văn hóa - xã hội: tỷ lệ tham gia bảo hiểm y tế đạt 94% trở lên.

Ba là, về quốc phòng - an ninh: hoàn thành chỉ tiêu tuyển quân; bảo đảm an ninh nông thôn, trật tự an toàn xã hội; không để xảy ra cháy rừng; số vụ tai nạn giao thông bằng hoặc thấp hơn năm 2025.

Để đạt các chỉ tiêu trên, các thôn tăng cường tuyên truyền trên loa truyền thanh.
`
  it('reads the goals of a paragraph that opens on its ordinal before its field', () => {
    const d = draftPlan(text)
    expect(bySource(d, /tuyển quân/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /an ninh nông thôn/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /cháy rừng/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
  it('reads a count of incidents held at last year\'s, in prose, against the count the review states', () => {
    const d = draftPlan(text)
    expect(bySource(d, /bằng hoặc thấp hơn/u).map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 5, strict: false }])
  })
})

describe('a year\'s figure summed from its seasons', () => {
  it('sums a part of a total from its seasons in brackets, not the total from that part and a season', () => {
    const d = draft(['- Tổng diện tích gieo trồng cả năm đạt 1.900 ha trở lên, trong đó diện tích lúa 1.300 ha (vụ Đông Xuân 700 ha, vụ Hè Thu 600 ha); diện tích ngô 250 ha.'])
    expect(named(d, /^Tổng diện tích/u)?.value.target).toEqual({ kind: 'at_least', value: 1900 })
    const rice = bySource(d, /diện tích lúa 1\.300/u)[0]?.value
    expect(rice?.target).toEqual({ kind: 'derived', value: 1300 })
    expect(rice?.children).toHaveLength(2)
  })
  it('sums the year\'s area and output from the seasons listed under them, each with its area, yield and output', () => {
    const d = draft([
      '- Diện tích gieo cấy lúa cả năm 1.500 ha, sản lượng lúa cả năm đạt 9.750 tấn; trong đó diện tích lúa hữu cơ đạt 120 ha. Cụ thể:',
      '+ Vụ Xuân: gieo cấy 760 ha, năng suất bình quân 68 tạ/ha, sản lượng 5.168 tấn;',
      '+ Vụ Mùa: gieo cấy 740 ha, năng suất bình quân 61,9 tạ/ha, sản lượng 4.582 tấn.',
    ])
    const area = bySource(d, /gieo cấy lúa cả năm/u)[0]?.value
    expect(area?.target).toEqual({ kind: 'derived', value: 1500 })
    expect(area?.children).toHaveLength(2)
    const output = bySource(d, /sản lượng lúa cả năm/u)[0]?.value
    expect(output?.target).toEqual({ kind: 'derived', value: 9750 })
    expect(output?.children).toHaveLength(2)
    // (The part of the year's area that names no season is passed over, and stays a part.)
    expect(bySource(d, /hữu cơ/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 120 })
  })
})

describe('a crop table whose yield column carries its unit in each cell', () => {
  it('reads each row\'s area, yield and output, the yield computed', () => {
    const d = draft([
      '| Cây trồng | Diện tích (ha) | Năng suất | Sản lượng (tấn) |',
      '|---|---|---|---|',
      '| Ngô lai trên đất bãi | 300 | 55 tạ/ha | 1.650 |',
      '| Bưởi da xanh | 150 | 18 tấn/ha | 2.700 |',
    ])
    const maize = bySource(d, /Ngô lai/u).map((i) => i.value)
    expect(maize.map((v) => v.unitOfMeasure)).toEqual(['ha', 'tạ/ha', 'tấn'])
    expect(maize[1]).toMatchObject({ target: { kind: 'derived', value: 55 } })
    expect(maize[1]?.formula).toMatch(/\* 10 \//u)
    const pomelo = bySource(d, /Bưởi/u).map((i) => i.value)
    expect(pomelo.map((v) => v.unitOfMeasure)).toEqual(['ha', 'tấn/ha', 'tấn'])
    expect(pomelo[1]).toMatchObject({ target: { kind: 'derived', value: 18 } })
  })
})

describe('areas that stand from year to year', () => {
  it('reads an area holding growing-area codes as a stock, as one holding a certificate', () => {
    const d = draft(['- Diện tích vùng nguyên liệu được cấp mã số vùng trồng đạt 240 ha trở lên.'])
    expect(bySource(d, /mã số vùng trồng/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 240 } })
  })
  it('reads a pineapple area ("dứa", "khóm") as a stock, as a fruit orchard', () => {
    const d = draft(['- Diện tích dứa trên đất đồi 85 ha; diện tích khóm Queen trên đất phèn 410 ha.'])
    expect(bySource(d, /dứa/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 85 } })
    expect(bySource(d, /khóm Queen/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 410 } })
  })
})

describe('groups lettered "A.", "B.", "C." under the targets\' part', () => {
  const text = `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.
II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA
A. Thi đua phát triển kinh tế
1) Thu ngân sách trên địa bàn đạt 9,2 tỷ đồng.
B. Thi đua trong lĩnh vực văn hóa - xã hội
2) Tỷ lệ tham gia bảo hiểm y tế đạt 95% trở lên.
C. Thi đua giữ gìn trật tự, an ninh
3) Giữ vững an ninh nông thôn; không để xảy ra cháy nổ lớn.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`
  it('reads "C." as the third group, not a hundredth part, so its goals are read as the other groups\'', () => {
    const d = draftPlan(text)
    expect(bySource(d, /an ninh nông thôn/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /cháy nổ/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
})

describe('efforts and duties in a list of targets', () => {
  it.each([
    'Các tổ hợp tác, hộ kinh doanh cá thể tích cực quảng bá sản phẩm trên sàn thương mại điện tử.',
    'Công an xã duy trì tuần tra, kiểm soát vào các ngày lễ, Tết.',
    'Xây dựng và thực hiện phương án ứng phó thiên tai tại các xóm.',
  ])('reads no goal from "%s"', (line) => {
    const d = draft(['- Thu ngân sách trên địa bàn đạt 9,2 tỷ đồng.', `- ${line}`, '- Không để xảy ra dịch bệnh lớn trên đàn gia súc.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 9.2 }, { kind: 'yes_no' }])
  })
})

describe('a state kept by the units counted, and the lapse it rules out', () => {
  it('reads "12/12 thôn giữ vững danh hiệu …, không để thôn nào bị thu hồi …" as one goal', () => {
    const text = `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2026.
II. NỘI DUNG THI ĐUA
1. Về văn hóa - xã hội: tỷ lệ tham gia bảo hiểm y tế đạt 95% trở lên. Giải quyết việc làm cho 300 lao động. 12/12 thôn giữ vững danh hiệu Thôn văn hóa, không để thôn nào bị thu hồi danh hiệu. Vận động Nhân dân xây dựng nếp sống văn minh.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`
    const d = draftPlan(text)
    expect(bySource(d, /thôn/u).map((i) => [i.value.target, d.text.slice(i.source.start, i.source.end)])).toEqual([[{ kind: 'yes_no' }, '12/12 thôn giữ vững danh hiệu Thôn văn hóa, không để thôn nào bị thu hồi danh hiệu']])
  })
})
