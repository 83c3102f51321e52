// Drafting a plan from its document (issue 13): the rules added after held-out sets 147 and 149,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { bySource, draftList, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Phước', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a clause the plan itself marks as no target', () => {
  it.each([
    'Mỗi tổ dân phố có ít nhất 01 mô hình "Tuyến phố không rác" (không tính là chỉ tiêu giao).',
    'Mỗi ấp có ít nhất 01 tuyến đường hoa kiểu mẫu (không phải là chỉ tiêu thi đua).',
    'Vận động Nhân dân trồng thêm 5.000 cây xanh dọc các tuyến đường (không được tính vào chỉ tiêu).',
    'Giữ vững danh hiệu cơ quan đạt chuẩn văn hóa (nội dung khuyến khích, không giao chỉ tiêu).',
  ])('reads no goal from "%s"', (line) => {
    const d = draft(['- Tổng đàn bò duy trì 2.400 con.', `- ${line}`, '- Không để xảy ra cháy rừng trên địa bàn xã.'])
    expect(bySource(d, /chỉ tiêu/u)).toEqual([])
    // (The targets beside it are still read.)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 2400 }, { kind: 'yes_no' }])
  })
})

describe('a cut after a clause of direction closed by a comma', () => {
  const intro = 'Năm 2025, toàn xã còn 64 hộ nghèo; xảy ra 12 vụ tai nạn giao thông.'
  it('is named by its own words and starts from the review\'s figure', () => {
    const d = draftList({ head: HEAD, year: 2026, intro, items: ['Về xã hội: Làm tốt công tác chăm lo người có công, giảm 18 hộ nghèo; tỷ lệ tham gia bảo hiểm y tế đạt 95%.'] })
    const [cut] = bySource(d, /18 hộ nghèo/u)
    expect(cut?.value).toMatchObject({ name: 'Số hộ nghèo', aggregation: 'stock', target: { kind: 'reduce_by', amount: 18, baseline: 64 } })
    expect(bySource(d, /bảo hiểm y tế/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 95 })
  })
  it('keeps the name before the comma where the words after the figure name nothing', () => {
    const d = draftList({ head: HEAD, year: 2026, intro, items: ['Hộ nghèo cuối năm, giảm 18 hộ so với năm 2025.'] })
    expect(bySource(d, /18 hộ/u)[0]?.value.name).toMatch(/^Hộ nghèo/u)
  })
})

describe('a crop\'s label over hectares kept, then its yield and output', () => {
  it.each([
    ['duy trì', '+ Sầu riêng: duy trì 340 ha, năng suất 18 tấn/ha, sản lượng 6.120 tấn.'],
    ['giữ ổn định', '+ Chôm chôm Java: giữ ổn định 125 ha, năng suất 14 tấn/ha, sản lượng 1.750 tấn.'],
  ])('reads the hectares "%s" as the crop\'s area and links the yield', (_, line) => {
    const d = draft(['- Cây ăn trái:', line])
    const [area, yieldB, output] = d.indicators
    expect(area?.value).toMatchObject({ unitOfMeasure: 'ha', aggregation: 'stock' })
    expect(area?.value.name).toMatch(/^Diện tích (?:sầu riêng|chôm chôm java)$/iu)
    expect(yieldB?.value.target?.kind).toBe('derived')
    expect(yieldB?.value.formula).toBe(`${output?.value.code} / ${area?.value.code}`)
  })
})

describe('a crop named with how it is grown ("trồng xen")', () => {
  it('is an area that stands, and its new planting a flow', () => {
    const d = draft(['+ Cà phê trồng xen hồ tiêu: diện tích hiện có 210 ha; trồng mới ít nhất 20 ha; sản lượng cà phê nhân đạt 480 tấn.'])
    expect(bySource(d, /210 ha/u)[0]?.value).toMatchObject({ aggregation: 'stock', target: { kind: 'at_least', value: 210 } })
    expect(bySource(d, /20 ha/u)[0]?.value).toMatchObject({ aggregation: 'flow', target: { kind: 'at_least', value: 20 } })
  })
  it.each(['- Trồng xen dưới tán rừng 35 ha sâm dây.', '- Cây mắc ca: trồng xen trên rẫy cà phê 60 ha.', '- Diện tích trồng xen 40 ha.'])('still plants in "%s"', (line) => {
    expect(draft([line]).indicators[0]?.value.aggregation).toBe('flow')
  })
})
