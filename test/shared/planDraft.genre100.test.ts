// Drafting a plan from its document (issue 13): the rules added after held-out set 100, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Phước', '09', '15 tháng 01', 2026)
const draft = (items: string[], intro?: string) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true, ...(intro !== undefined ? { intro } : {}) }))
const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.find((i) => words.test(i.value.source ?? ''))

describe('a line naming a group of the targets under it', () => {
  it('drafts "Nhóm chỉ tiêu …", "Các chỉ tiêu về …", "Chỉ tiêu lĩnh vực …" as no goal, and reads the items under them', () => {
    const d = draft([
      'Nhóm chỉ tiêu phát triển kinh tế',
      '- Tổng thu ngân sách nhà nước trên địa bàn đạt 24,5 tỷ đồng.',
      '- Thu nhập bình quân đầu người đạt 70 triệu đồng/năm.',
      'Các chỉ tiêu về văn hóa - xã hội',
      '- Tỷ lệ hộ nghèo cuối năm dưới 1,8%.',
      '- Không để xảy ra ngộ độc thực phẩm đông người.',
      'Chỉ tiêu lĩnh vực quốc phòng - an ninh',
      '- Hoàn thành 100% chỉ tiêu giao quân.',
    ])
    expect(d.indicators.some((i) => /nhóm chỉ tiêu|các chỉ tiêu về|chỉ tiêu lĩnh vực/iu.test(i.value.source ?? ''))).toBe(false)
    expect(d.indicators).toHaveLength(5)
    expect(bySource(d, /^Tổng thu ngân sách/u)?.value.target).toEqual({ kind: 'at_least', value: 24.5 })
    expect(bySource(d, /ngộ độc thực phẩm/u)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe("fruit's yield beside its output, its orchard's area stated on another line", () => {
  it('derives the yield from output and area, however the fruit is named', () => {
    const d = draft([
      '- Diện tích vườn cây ăn quả tập trung (cam, quýt, bưởi) duy trì 250 ha.',
      '- Sản lượng hoa quả các loại đạt 3.000 tấn, năng suất bình quân 12 tấn/ha.',
    ])
    const yieldOf = d.indicators.find((i) => i.value.unitOfMeasure === 'tấn/ha')?.value
    const area = bySource(d, /^Diện tích vườn cây ăn quả/u)?.value
    const output = bySource(d, /^Sản lượng hoa quả/u)?.value
    expect(yieldOf).toMatchObject({ aggregation: 'stock', formula: `${output?.code} / ${area?.code}`, target: { kind: 'derived', value: 12 } })
  })

  it('links the area of "cây ăn quả" with the output of "trái cây", and an orchard of a named crop with that crop', () => {
    const d = draft(['- Duy trì diện tích cây ăn quả các loại 180 ha.', '- Sản lượng trái cây đạt 2.160 tấn trở lên, năng suất bình quân 12 tấn/ha.', '- Diện tích vườn chè kinh doanh 300 ha.', '- Sản lượng chè búp tươi đạt 3.000 tấn, năng suất bình quân 100 tạ/ha.'])
    expect(d.indicators.find((i) => i.value.unitOfMeasure === 'tấn/ha')?.value).toMatchObject({ formula: expect.stringMatching(/^\S+ \/ \S+$/u), target: { kind: 'derived', value: 12 } })
    expect(d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')?.value).toMatchObject({ formula: expect.stringMatching(/^\S+ \* 10 \/ \S+$/u), target: { kind: 'derived', value: 100 } })
  })
})

describe('a cut of crimes against a year whose count the plan states, the crimes named either way', () => {
  it('reads "phạm tội" and "tội phạm" as the same cases: a ceiling on this year\'s', () => {
    const intro = 'Năm 2025, trên địa bàn xã xảy ra 40 vụ phạm tội về trật tự xã hội và 20 vụ tội phạm về ma túy.'
    const d = draft(['- Kéo giảm tội phạm về trật tự xã hội ít nhất 10% so với năm 2025.', '- Giảm ít nhất 5% số vụ phạm tội về ma túy so với năm 2025.'], intro)
    expect(bySource(d, /trật tự xã hội/u)?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 36, strict: false } })
    expect(bySource(d, /ma túy/u)?.value).toMatchObject({ unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: 19, strict: false } })
  })
})

describe('a Word table pasted as text, its cells separated by tabs', () => {
  const table = (rows: string[]) => draft(['1. Các chỉ tiêu chủ yếu', 'TT\tChỉ tiêu\tĐơn vị tính\tThực hiện năm 2025\tKế hoạch năm 2026', ...rows])

  it("derives a crop's yield from its \"-\" sub-rows under the crop's row", () => {
    const d = table(['1\tCây ngô cả năm\t\t\t', '-\tDiện tích gieo trồng\tha\t400\t420', '-\tNăng suất bình quân\ttạ/ha\t48\t50', '-\tSản lượng\ttấn\t1.920\t2.100'])
    const yieldOf = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')?.value
    const area = d.indicators.find((i) => i.value.unitOfMeasure === 'ha')?.value
    const output = d.indicators.find((i) => i.value.unitOfMeasure === 'tấn')?.value
    expect(yieldOf).toMatchObject({ aggregation: 'stock', formula: `${output?.code} * 10 / ${area?.code}`, target: { kind: 'derived', value: 50 } })
  })

  it("reads a cut by a count of cases from last year's column as a ceiling, the unit written in the cell or not", () => {
    const d = table(['1\tSố vụ vi phạm pháp luật về môi trường\tvụ\t8\tgiảm ít nhất 2 vụ', '2\tSố vụ vi phạm trật tự xây dựng\tvụ\t12\tGiảm 3', '3\tSố hộ nghèo\thộ\t40\tgiảm 6 hộ'])
    expect(bySource(d, /môi trường/u)?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_most', value: 6, strict: false } })
    expect(bySource(d, /trật tự xây dựng/u)?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_most', value: 9, strict: false } })
    // Not cases: a cut from last year's level, which the row gives.
    expect(bySource(d, /hộ nghèo/u)?.value.target).toEqual({ kind: 'reduce_by', amount: 6, baseline: 40 })
  })
})

describe('directions of effort in a plan that sets figures', () => {
  it("drafts an organisation's renewal of its ways of working as no goal; a result it keeps stays one", () => {
    const d = draft([
      '- Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt 99%.',
      '- Đoàn Thanh niên tiếp tục đổi mới nội dung, hình thức tập hợp đoàn viên thanh niên.',
      '- Hội Nông dân củng cố, kiện toàn các chi hội nghề nghiệp ở các thôn.',
      '- Hội Liên hiệp Phụ nữ xã giữ vững danh hiệu cơ sở hội vững mạnh.',
    ])
    expect(bySource(d, /Đoàn Thanh niên/u)).toBeUndefined()
    expect(bySource(d, /Hội Nông dân/u)).toBeUndefined()
    expect(bySource(d, /Phụ nữ/u)?.value.target).toEqual({ kind: 'yes_no' })
  })

  it('reads no goal in the general aim beside the specific targets ("Các chỉ tiêu thi đua cụ thể")', () => {
    const d = draftPlan(`${HEAD}
I. MỤC TIÊU, CHỈ TIÊU THI ĐUA NĂM 2026
1. Mục tiêu chung
Phát huy tinh thần đoàn kết, chủ động khắc phục khó khăn; củng cố quốc phòng, giữ vững an ninh chính trị và trật tự an toàn xã hội trên địa bàn.
2. Các chỉ tiêu thi đua cụ thể
- Tổng thu ngân sách nhà nước trên địa bàn đạt 12 tỷ đồng.
- Không để xảy ra cháy rừng.
II. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`)
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Tổng thu ngân sách nhà nước trên địa bàn đạt 12 tỷ đồng', expect.stringMatching(/cháy rừng/u)])
  })
})
