// Drafting a plan from its document (issue 13): the rules added after held-out sets 30 and 31,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import type { Indicator } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import type { Drafted } from '../../src/shared/planDraft/types'
import { planHead } from './planDraftText'

const HEAD = planHead('Tân Lập', '07', '08 tháng 01', 2025)

/** A plan whose list of targets is `items`, one a line, and `extra` after it. */
function planWith(items: string[], extra = ''): string {
  return `${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2025.
II. CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu:
${items.map((i) => `- ${i}`).join('\n')}
${extra}
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 15/12/2025.
`
}

const read = (d: { indicators: Drafted<Indicator>[] }): [string, string, Indicator['target']][] => d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])

describe('a Word document saved as text', () => {
  it('reads a list number followed by a tab as the list item, not a row of two cells', () => {
    const text = normalizeText('II.\tNỘI DUNG THI ĐUA\n1.\tChỉ tiêu chủ yếu\n-\tGiữ vững an ninh trật tự trên địa bàn.')
    expect(text).toBe('II. NỘI DUNG THI ĐUA\n1. Chỉ tiêu chủ yếu\n- Giữ vững an ninh trật tự trên địa bàn.')
  })

  it('keeps a table row\'s empty number cell, so that its figures stay under their columns', () => {
    const table = 'STT\tChỉ tiêu\tĐVT\tThực hiện 2024\tKế hoạch 2025\n1\tGiải quyết việc làm mới\tngười\t300\t320\n\t- Trong đó: đi làm việc ở nước ngoài\tngười\t25\t30'
    expect(normalizeText(table).split('\n')[2]).toBe('| | - Trong đó: đi làm việc ở nước ngoài | người | 25 | 30 |')
    const d = draftPlan(planWith([], table))
    expect(read(d)).toEqual([
      ['Giải quyết việc làm mới', 'người', { kind: 'at_least', value: 320 }],
      ['Đi làm việc ở nước ngoài', 'người', { kind: 'at_least', value: 30 }],
    ])
    expect(d.indicators[1]!.value.partOf).toBe(d.indicators[0]!.value.code)
  })

  it('reads a crop\'s measures under its group row from the plan column', () => {
    const table = 'STT\tChỉ tiêu\tĐVT\tƯớc thực hiện 2024\tKế hoạch 2025\n4\tCây ngô cả năm\n\t- Diện tích\tha\t210\t200\n\t- Năng suất\ttạ/ha\t48\t50\n\t- Sản lượng\ttấn\t1.008\t1.000'
    const d = draftPlan(planWith([], table))
    expect(d.indicators.map((i) => [i.value.name, i.value.target?.kind, i.value.formula])).toEqual([
      ['Diện tích cây ngô cả năm', 'at_least', undefined],
      ['Năng suất cây ngô cả năm', 'derived', expect.stringMatching(/\* 10 \//u)],
      ['Sản lượng cây ngô cả năm', 'at_least', undefined],
    ])
    expect(d.indicators[2]!.value.target).toEqual({ kind: 'at_least', value: 1000 })
  })
})

describe('a table of targets', () => {
  const table = (rows: string[]): string => `Biểu: Các chỉ tiêu thi đua chủ yếu năm 2025
| TT | Chỉ tiêu | ĐVT | Thực hiện năm 2024 | Kế hoạch năm 2025 |
${rows.join('\n')}`

  it('takes a caption "Biểu: …" or "Bảng: …" as naming the table, no goal', () => {
    const d = draftPlan(planWith([], table(['| 1 | Số hộ được hỗ trợ xây nhà | hộ | 12 | 15 |'])))
    expect(read(d)).toEqual([['Số hộ được hỗ trợ xây nhà', 'hộ', { kind: 'at_least', value: 15 }]])
    expect(draftPlan(planWith([], 'Bảng: Chỉ tiêu về điện\n| TT | Chỉ tiêu | ĐVT | Kế hoạch |\n| 1 | Tỷ lệ hộ dùng điện an toàn | % | 99 |')).indicators.map((i) => i.value.name)).toEqual(['Tỷ lệ hộ dùng điện an toàn'])
  })

  it('reads a plan cell "some of all" ("9/12") as a count of the units that reach it, at least that many', () => {
    const d = draftPlan(planWith([], table(['| 1 | Thôn đạt chuẩn nông thôn mới kiểu mẫu | thôn | 7/12 | 9/12 |', '| 2 | Tổ dân phố đạt chuẩn văn minh đô thị | tổ | 3/6 | 4/6 |'])))
    expect(read(d)).toEqual([
      ['Số thôn đạt chuẩn nông thôn mới kiểu mẫu', 'thôn', { kind: 'at_least', value: 9 }],
      ['Số tổ dân phố đạt chuẩn văn minh đô thị', 'tổ', { kind: 'at_least', value: 4 }],
    ])
    expect(d.indicators[0]!.value.aggregation).toBe('stock')
  })

  it('reads "giảm ≥ 12%" on a count as a ceiling from the last-year column', () => {
    const d = draftPlan(planWith([], table(['| 1 | Số vụ cháy nhà dân | vụ | 25 | giảm ≥ 12% |'])))
    expect(read(d)).toEqual([['Số vụ cháy nhà dân', 'vụ', { kind: 'at_most', value: 22, strict: false }]])
  })

  it('takes a table row restated in prose in another money unit as one target', () => {
    const d = draftPlan(planWith([], `${table(['| 1 | Thu ngân sách nhà nước trên địa bàn | triệu đồng | 8.900 | 9.500 |'])}
2. Ngoài các chỉ tiêu trên, các thôn thi đua thu ngân sách nhà nước trên địa bàn đạt 9,5 tỷ đồng trở lên.`))
    expect(read(d)).toEqual([['Thu ngân sách nhà nước trên địa bàn', 'triệu đồng', { kind: 'at_least', value: 9500 }]])
  })
})

describe('what a figure restates or goes on with', () => {
  it('reads "…, không để tồn đọng, quá hạn" after a figure as part of it, not a goal of its own', () => {
    expect(read(draftPlan(planWith(['100% đơn thư của công dân được giải quyết đúng thời hạn, không để tồn đọng, quá hạn.'])))).toHaveLength(1)
    // What names an event of its own still is one.
    expect(read(draftPlan(planWith(['Bảo vệ tốt 420 ha rừng phòng hộ, không để xảy ra cháy rừng.'])))).toHaveLength(2)
  })

  it('reads how far an amount goes past the assigned estimate as restating it', () => {
    const d = draftPlan(planWith(['Thu ngân sách trên địa bàn đạt 12,1 tỷ đồng, vượt 8% dự toán huyện giao.']))
    expect(read(d)).toEqual([['Thu ngân sách trên địa bàn', 'tỷ đồng', { kind: 'at_least', value: 12.1 }]])
    // Alone, it is the target: at least 108% of the estimate.
    expect(draftPlan(planWith(['Thu ngân sách trên địa bàn vượt 8% dự toán huyện giao.'])).indicators[0]!.value.target).toEqual({ kind: 'rate_at_least', value: 108 })
  })

  it('reads "…, duy trì 8/8 thôn đạt danh hiệu …" after a rate as a yes/no of its own', () => {
    const d = draftPlan(planWith(['Tỷ lệ gia đình văn hóa đạt 92% trở lên, duy trì 8/8 thôn đạt danh hiệu “Thôn văn hóa”.']))
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['rate_at_least', 'yes_no'])
    expect(d.indicators[1]!.value.source).toBe('duy trì 8/8 thôn đạt danh hiệu “Thôn văn hóa”')
  })

  it('reads a count after two verbs with its counted noun, and the kinds listed after a comma', () => {
    const i = draftPlan(planWith(['Sửa chữa, nâng cấp ít nhất 05 nhà văn hóa thôn, nhà văn hóa tổ dân phố đã xuống cấp.'])).indicators
    expect(i.map((x) => [x.value.name, x.value.unitOfMeasure, x.value.target])).toEqual([['Sửa chữa, nâng cấp nhà văn hóa thôn, nhà văn hóa tổ dân phố đã xuống cấp', 'nhà', { kind: 'at_least', value: 5 }]])
  })

  it('sums a total whose line ends "trong đó:" from the outputs on the lines after it', () => {
    const d = draftPlan(planWith([
      'Tổng sản lượng lương thực đạt 4.090 tấn, trong đó:',
      'Lúa vụ Chiêm: diện tích 300 ha, năng suất 65 tạ/ha, sản lượng 1.950 tấn.',
      'Lúa vụ Mùa: diện tích 280 ha, năng suất 55 tạ/ha, sản lượng 1.540 tấn.',
      'Ngô vụ Đông: diện tích 120 ha, năng suất 50 tạ/ha, sản lượng 600 tấn.',
    ]))
    const total = d.indicators[0]!.value
    expect(total.target).toEqual({ kind: 'derived', value: 4090 })
    expect(total.children?.map((c) => d.indicators.find((i) => i.value.code === c)?.value.name)).toEqual(['Sản lượng lúa vụ Chiêm', 'Sản lượng lúa vụ Mùa', 'Sản lượng ngô vụ Đông'])
  })
})

describe('sections and paragraphs that set no target', () => {
  it('leaves out a section on where the commune stands ("Bối cảnh", "Đặc điểm tình hình") at any depth', () => {
    const d = draftPlan(`${HEAD}
I. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA
1. Bối cảnh
Xã có 9 thôn, 2 cụm công nghiệp với 86 doanh nghiệp, thu hút khoảng 12.000 lao động; năm 2024 thu ngân sách ước đạt 64 tỷ đồng.
2. Các chỉ tiêu chủ yếu
- Số doanh nghiệp thành lập mới đạt 15 doanh nghiệp trở lên.
`)
    expect(read(d)).toEqual([['Số doanh nghiệp thành lập mới', 'doanh nghiệp', { kind: 'at_least', value: 15 }]])
  })

  it('leaves out a review titled with a word or two before "kết quả năm N" ("Khái quát kết quả năm 2024")', () => {
    const d = draftPlan(`${HEAD}
I. NỘI DUNG THI ĐUA
1. Khái quát kết quả năm 2024
Toàn xã trồng mới 95 ha rừng; tỷ lệ che phủ rừng đạt 61,2%.
2. Các chỉ tiêu chủ yếu năm 2025
- Trồng mới 110 ha rừng tập trung.
`)
    expect(read(d)).toEqual([['Trồng mới rừng tập trung', 'ha', { kind: 'at_least', value: 110 }]])
  })

  it('goes on with a sentence whose bracket a PDF carried to the next line', () => {
    expect(normalizeText('Đầu năm 2025 toàn xã còn 214 hộ nghèo\n(chiếm 9,8%) và 120 hộ cận nghèo.')).toBe('Đầu năm 2025 toàn xã còn 214 hộ nghèo (chiếm 9,8%) và 120 hộ cận nghèo.')
    // A footnote or a remark in brackets stays on its own line.
    expect(normalizeText('Tỷ lệ hộ nghèo giảm 1,5% (1)\n(1) theo chuẩn nghèo đa chiều.')).toBe('Tỷ lệ hộ nghèo giảm 1,5% (1)\n(1) theo chuẩn nghèo đa chiều.')
  })

  it('mends a measure\'s word that OCR cut after its first letter ("s ản lượng")', () => {
    expect(normalizeText('Lúa vụ Mùa: diện tích 200 ha, n ăng suất 52 tạ/ha, s ản lượng 1.040 tấn.')).toBe('Lúa vụ Mùa: diện tích 200 ha, năng suất 52 tạ/ha, sản lượng 1.040 tấn.')
  })

  it('reads a field\'s name over numbered items ("* Về xã hội" over "1) …") as naming them, no goal', () => {
    const d = draftPlan(`${HEAD}
I. CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu năm 2025
* Về xã hội
1) Tỷ lệ hộ nghèo giảm 1,2% so với cuối năm 2024.
2) Giải quyết việc làm cho 180 lao động.
`)
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['reduce_by', 'at_least'])
  })

  it('reads a section on the movements under the targets\' part as prose: carrying a movement on is no target', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2025.
II. NỘI DUNG VÀ CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu
- Tỷ lệ hộ dân dùng nước sạch đạt 95%.
2. Các phong trào thi đua
Tiếp tục triển khai sâu rộng phong trào “Chung tay xây dựng nông thôn mới” trong các thôn và hợp tác xã; khuyến khích các hộ tham gia hiến đất làm đường.
`)
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['rate_at_least'])
  })

  it('reads a section "Thời gian thi đua" as the phases, no goal', () => {
    const d = draftPlan(`${HEAD}
I. MỤC ĐÍCH, YÊU CẦU
Động viên cán bộ và Nhân dân thi đua hoàn thành các chỉ tiêu năm 2025.
II. NỘI DUNG, CHỈ TIÊU THI ĐUA
1. Các chỉ tiêu chủ yếu
- Tỷ lệ hộ dân dùng nước sạch đạt 95%.
2. Thời gian thi đua
- Đợt 1: từ ngày 10/01/2025 đến ngày 30/6/2025.
- Đợt thi đua đặc biệt được phát động khi có dịch bệnh trên đàn gia súc; thời gian cụ thể Ủy ban nhân dân xã thông báo sau.
`)
    expect(d.indicators.map((i) => i.value.target?.kind)).toEqual(['rate_at_least'])
  })

  it('reads "Kéo giảm tội phạm … từ 10% trở lên so với năm N" as a ceiling on the cases the review states', () => {
    const d = draftPlan(`${HEAD}
I. CHỈ TIÊU THI ĐUA
Năm 2024, trên địa bàn xảy ra 20 vụ phạm pháp hình sự về trật tự xã hội.
1. Các chỉ tiêu chủ yếu
- Kéo giảm tội phạm về trật tự xã hội từ 10% trở lên so với năm 2024.
`)
    expect(read(d)).toEqual([['Tội phạm về trật tự xã hội', 'vụ', { kind: 'at_most', value: 18, strict: false }]])
  })
})
