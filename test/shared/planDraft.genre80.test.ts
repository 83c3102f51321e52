// Drafting a plan from its document (issue 13): the rules added after held-out sets 80 and 81,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { sameGoal } from '../../src/shared/planDraft/goals'
import { spellAbbreviations } from '../../src/shared/planDraft/lexicon'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Quảng Hòa', '09', '20 tháng 01', 2025)
const targets = (d: ReturnType<typeof draftList>): string[] => d.indicators.map((i) => i.value.source ?? i.value.name)

describe('administrative abbreviations', () => {
  it('reads an abbreviation as its words, a measure\'s by its unit', () => {
    expect(spellAbbreviations('NS lúa vụ Xuân', 'tạ/ha')).toBe('Năng suất lúa vụ Xuân')
    expect(spellAbbreviations('Thu NS xã', 'tỷ đồng')).toBe('Thu NS xã')
    expect(spellAbbreviations('Tỷ lệ HGĐ đạt chuẩn văn hóa', '%')).toBe('Tỷ lệ hộ gia đình đạt chuẩn văn hóa')
    expect(spellAbbreviations('SL cá nuôi', 'tấn')).toBe('Sản lượng cá nuôi')
    expect(spellAbbreviations('DTTS', '%')).toBe('DTTS')
  })

  it('drafts a yield written "NS" as the one computed from output and area', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: ['SL thóc ≥ 5.600 tấn', 'DT lúa gieo cấy ≥ 880 ha, NS lúa bình quân ≥ 63,6 tạ/ha'],
    })
    const yieldOf = named(d, /năng suất/iu)
    expect(yieldOf?.value.target).toMatchObject({ kind: 'derived', value: 63.6 })
    expect(yieldOf?.value.source).toBe('NS lúa bình quân ≥ 63,6 tạ/ha')
    expect(named(d, /diện tích/iu)?.value.target).toMatchObject({ kind: 'at_least', value: 880 })
  })

  it('reads a cut of "TNGT" cases from last year\'s count, written either way', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      intro: 'Năm 2024 trên địa bàn xảy ra 12 vụ TNGT, làm chết 04 người.',
      items: ['TNGT: giảm ≥ 25% số vụ so với năm 2024', 'Tỷ lệ HGĐ đạt gia đình văn hóa ≥ 90%'],
    })
    const road = d.indicators.find((i) => /giao thông/iu.test(i.value.name))
    expect(road?.value.target).toEqual({ kind: 'at_most', value: 9, strict: false })
    expect(road?.value.unitOfMeasure).toBe('vụ')
    expect(road?.value.source).toMatch(/^TNGT: giảm/u)
    expect(named(d, /hộ gia đình/iu)?.value.target).toMatchObject({ kind: 'rate_at_least', value: 90 })
  })

  it('finds last year\'s cases in a line about that year naming them before their count', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      intro: 'Kết quả 2024: thu ngân sách 9,1 tỷ đồng; TNGT 15 vụ; hộ nghèo còn 2,1%.',
      items: ['TNGT giảm ≥ 20% so với năm 2024'],
    })
    expect(d.indicators.find((i) => /giao thông/iu.test(i.value.name))?.value.target).toEqual({ kind: 'at_most', value: 12, strict: false })
  })
})

describe('two events kept from happening', () => {
  it('are two goals when the events differ, whatever words keeping them shares', () => {
    expect(sameGoal('Không để xảy ra tai nạn lao động nghiêm trọng', 'không để xảy ra trọng án')).toBe(false)
    expect(sameGoal('Không để xảy ra cháy rừng trong mùa khô hanh', 'không để xảy ra trọng án')).toBe(false)
    expect(sameGoal('Không để xảy ra cháy rừng', 'không để xảy ra cháy rừng trên địa bàn toàn xã')).toBe(true)
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: ['Không để xảy ra cháy rừng trong mùa khô hanh.', 'Giữ vững an ninh chính trị; không để xảy ra trọng án.'],
    })
    expect(targets(d)).toEqual(expect.arrayContaining([expect.stringMatching(/cháy rừng/u), expect.stringMatching(/trọng án/u)]))
  })
})

describe('a crop table with last year\'s column beside the plan\'s', () => {
  it('takes the plan year\'s column, named by the measure the other names', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: [],
      extra: `| TT | Loại cây | Diện tích năm 2024 (ha) | Kế hoạch năm 2025 (ha) |
|---|---|---|---|
| 1 | Chè | 410 | 430 |
| 2 | Quế | 1.250 | 1.300 |
|  | Tổng cộng | 1.660 | 1.730 |`,
    })
    const values = d.indicators.map((i) => (i.value.target && 'value' in i.value.target ? i.value.target.value : undefined))
    expect(values).toEqual(expect.arrayContaining([430, 1300, 1730]))
    expect(values).not.toEqual(expect.arrayContaining([410]))
    expect(values).not.toEqual(expect.arrayContaining([1660]))
    expect(named(d, /chè/iu)?.value.name).toBe('Diện tích chè')
  })
})

describe('the scoring of the units\' emulation', () => {
  it('sets no target from a scoring section nor from a grading band', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      items: ['Tỷ lệ tham gia bảo hiểm y tế đạt 94%.', 'Điểm trung bình thi vào lớp 10 đạt 6,5 điểm trở lên.'],
      extra: `Tổ dân phố đạt từ 85 điểm trở lên được xếp loại xuất sắc; từ 70 đến dưới 85 điểm xếp loại khá.
III. THANG ĐIỂM CHẤM THI ĐUA CÁC THÔN
| Tiêu chí | Điểm chuẩn | Cách chấm |
|---|---|---|
| Thu nộp quỹ | 10 | Nộp đủ 100%: 10 điểm; trừ 2 điểm nếu nộp chậm |
| Giảm nghèo | 15 | Giảm ít nhất 03 hộ nghèo: 15 điểm |`,
    })
    expect(d.indicators.filter((i) => i.value.unitOfMeasure === 'điểm').map((i) => i.value.source)).toEqual(['Điểm trung bình thi vào lớp 10 đạt 6,5 điểm trở lên'])
    expect(d.indicators.some((i) => /hộ nghèo|quỹ/iu.test(i.value.name))).toBe(false)
  })
})

describe('a volume in litres', () => {
  it('reads "triệu lít" as the unit of a figure', () => {
    const d = draftList({ head: HEAD, year: 2025, items: ['Sản lượng sữa tươi của các trang trại đạt tối thiểu 4,5 triệu lít.'] })
    expect(named(d, /sữa/iu)?.value).toMatchObject({ unitOfMeasure: 'triệu lít', target: { kind: 'at_least', value: 4.5 } })
  })
})

describe('spending kept within what is assigned', () => {
  it('is a yes/no goal in a numbered paragraph of assigned targets', () => {
    const d = draftList({
      head: HEAD,
      year: 2025,
      bare: true,
      items: ['1. Giao Bộ phận Tài chính: thu ngân sách trên địa bàn đạt 14 tỷ đồng; chi thường xuyên không vượt quá dự toán được duyệt.', '2. Giao Hội Phụ nữ: kết nạp mới 40 hội viên.'],
    })
    expect(d.indicators.find((i) => /^chi thường xuyên không vượt/iu.test(i.value.source ?? ''))?.value.target).toEqual({ kind: 'yes_no' })
  })
})
