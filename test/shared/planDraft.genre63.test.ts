// Drafting a plan from its document (issue 13): the rules added after held-out sets 62 and 63 (a
// plan copied from a registration form, name line over figure line; a plan typed as short notes
// with symbols; a PDF's text layer whose wrapped lines end alike), each on hand-written sentences
// in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan, normalizeText } from '../../src/shared/planDraft/extract'
import { semicolonsInBrackets } from '../../src/shared/planDraft/goals'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Lập', '04', '12 tháng 01', 2027)

describe('a form copied as text: the name on a line ending with ":", its figure or goal on the next', () => {
  const text = planWithList({
    head: HEAD,
    year: 2027,
    bare: true,
    items: [
      'Diện tích trồng mới cây ăn quả:',
      '35 ha',
      'Chương trình mục tiêu quốc gia xây dựng nông thôn mới:',
      'duy trì xã đạt chuẩn nông thôn mới kiểu mẫu, không để tiêu chí nào bị sụt giảm',
      'Tỷ lệ trẻ em trong độ tuổi được tiêm chủng đầy đủ các loại vắc xin:',
      'đạt từ 97% trở lên',
      'Phòng chống thiên tai:',
      'không để thiệt hại về người do mưa lũ xảy ra trên địa bàn',
      'Số lao động được đào tạo nghề:',
      'ít nhất 180 người',
    ],
  })

  it('reads each pair as one line, never runs a long goal line into the next name', () => {
    const norm = normalizeText(text)
    expect(norm).toContain('Chương trình mục tiêu quốc gia xây dựng nông thôn mới: duy trì xã đạt chuẩn nông thôn mới kiểu mẫu, không để tiêu chí nào bị sụt giảm\nTỷ lệ trẻ em')
    expect(norm).toContain('Phòng chống thiên tai: không để thiệt hại về người do mưa lũ xảy ra trên địa bàn\nSố lao động được đào tạo nghề: ít nhất 180 người')
  })

  it('drafts every pair, the figure named by its name line', () => {
    const d = draftPlan(text)
    expect(named(d, /tiêm chủng/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 97 })
    expect(named(d, /đào tạo nghề/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 180 })
    expect(named(d, /cây ăn quả/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 35 })
    expect(named(d, /nông thôn mới/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(named(d, /thiên tai|mưa lũ/iu)?.value.target).toMatchObject({ kind: 'yes_no' })
    // No goal runs two pairs together.
    expect(d.indicators.some((i) => /mưa lũ.*đào tạo|sụt giảm.*tiêm chủng/iu.test(i.value.name))).toBe(false)
  })
})

describe('a plan typed as short notes', () => {
  it('reads the parts listed in brackets with ";" after a total as its children, "t" as tấn', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: ['SL lương thực có hạt ≥ 6.200 tấn (lúa 5.300 t; ngô 900 t)'] }))
    const total = named(d, /lương thực/iu)
    expect(total?.value.target).toMatchObject({ kind: 'derived', value: 6200 })
    expect(total?.value.children).toHaveLength(2)
    expect(named(d, /ngô/iu)?.value).toMatchObject({ unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 900 } })
    expect(named(d, /lúa/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 5300 })
    // The bracket's second part is no goal of its own.
    expect(d.indicators.filter((i) => i.value.target?.kind === 'yes_no')).toHaveLength(0)
  })

  it('counts a part in brackets given as a bound without a unit in the unit of the figure before it', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: ['Tạo việc làm mới cho ≥ 420 người (đi làm việc ở nước ngoài ≥ 30)'] }))
    const part = named(d, /nước ngoài/iu)
    expect(part?.value).toMatchObject({ unitOfMeasure: 'người', target: { kind: 'at_least', value: 30 } })
    expect(part?.value.partOf).toBe(named(d, /việc làm/iu)?.value.code)
  })

  it('reads "giảm N → M" as at most M, and "N → M" as at least M, last year\'s N in neither name', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: ['Số vụ cháy nổ giảm 4 → 2 vụ', 'Tỷ lệ hộ dùng nước sạch 88 → 91%'] }))
    expect(named(d, /cháy nổ/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 2, strict: false })
    const water = named(d, /nước sạch/iu)
    expect(water?.value.target).toMatchObject({ kind: 'rate_at_least', value: 91 })
    expect(water?.value.name).not.toMatch(/88/u)
  })
})

describe('a PDF wrapped two crops\' sentences at the same words', () => {
  it('keeps the ends of the sentences, even when one stands before a page number', () => {
    const text = `${HEAD}I. MỤC ĐÍCH, YÊU CẦU
Khơi dậy tinh thần thi đua trong toàn xã.
II. CHỈ TIÊU THI ĐUA
   - Diện tích cà phê kinh doanh duy trì 640 ha, năng suất cà phê nhân bình quân 30 tạ/ha,
sản lượng 1.920 tấn.
   - Diện tích hồ tiêu duy trì 350 ha, năng suất hồ tiêu khô bình quân 32 tạ/ha,
sản lượng 1.120 tấn.

                                        2
   - Thu ngân sách trên địa bàn đạt 5,6 tỷ đồng trở lên.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp.
`
    const norm = normalizeText(text)
    expect(norm).toContain('30 tạ/ha, sản lượng 1.920 tấn.')
    expect(norm).toContain('32 tạ/ha, sản lượng 1.120 tấn.')
    const d = draftPlan(text)
    expect(d.indicators.map((i) => i.value.target)).toContainEqual(expect.objectContaining({ value: 1920 }))
    expect(d.indicators.map((i) => i.value.target)).toContainEqual(expect.objectContaining({ value: 1120 }))
  })
})

describe('a crop\'s seasons in brackets after its area', () => {
  it('reads the yield and output after the bracket as the whole year\'s, the area as the figure before it', () => {
    const d = draftPlan(planWithList({ head: HEAD, year: 2027, items: ['Lúa cả năm 300 ha (vụ Đông Xuân 160 ha, vụ Hè Thu 140 ha), năng suất bình quân 60 tạ/ha, sản lượng 1.800 tấn.'] }))
    const area = d.indicators.find((i) => i.value.target?.kind === 'derived' && i.value.unitOfMeasure === 'ha')
    expect(area?.value.target).toMatchObject({ value: 300 })
    expect(area?.value.children).toHaveLength(2)
    const yieldOf = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')
    const output = d.indicators.find((i) => i.value.unitOfMeasure === 'tấn')
    expect(output?.value.target).toMatchObject({ kind: 'at_least', value: 1800 })
    expect(yieldOf?.value.formula).toBe(`${output?.value.code} * 10 / ${area?.value.code}`)
    expect(output?.value.name).not.toMatch(/Hè Thu/u)
  })
})

describe('the ";" inside brackets, found in one pass over the line', () => {
  it('keeps those inside a bracket that closes with none opened between, and no others', () => {
    const line = 'SL lương thực ≥ 4.500 tấn (lúa 4.100 t; ngô 400 t); BHYT ≥ 95% (trong đó; (học sinh 100%); x; y'
    const inside = [...semicolonsInBrackets(line)].map((at) => line.slice(at - 5, at))
    expect(inside).toEqual(['100 t'])
    // A bracket left open to the end of the line holds none.
    expect(semicolonsInBrackets('Tổng (lúa 4.100 tấn; ngô 400 tấn').size).toBe(0)
  })
})
