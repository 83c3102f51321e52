// Drafting a plan from its document (issue 13): the rules added after held-out sets 50 and 51,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { pastYearTail } from '../../src/shared/planDraft/guards'
import { matchScore } from '../../src/shared/planDraft/score'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Đạ Lâm', '09', '14 tháng 01', 2026)

const draft = (items: string[], preamble = '') => draftPlan(planWithList({ head: `${HEAD}${preamble}`, year: 2026, items }))

describe("the opening paragraph's account of the commune and of the past year", () => {
  it('a commune formed by merging ("được sắp xếp", "được sáp nhập") is described, its counts no targets', () => {
    const d = draft(
      ['Giải quyết việc làm mới cho 480 lao động trở lên.'],
      'Xã Đạ Lâm được sáp nhập từ ngày 01/7/2025 trên cơ sở xã Đạ Lâm và xã Tân Thanh, gồm 16 thôn, 7 trường học và 2 trạm y tế. UBND xã ban hành Kế hoạch như sau:\n',
    )
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 480 }])
  })

  it('a turn to a past year is not undone by the sentence that issues the plan for the plan\'s year', () => {
    const d = draft(
      ['Giải quyết việc làm mới cho 480 lao động trở lên.'],
      'Xã Đạ Lâm nằm ở phía nam của tỉnh, giáp hồ thủy điện. Năm 2025, xã giải quyết việc làm cho 455 lao động, thu ngân sách đạt 14,2 tỷ đồng; trên địa bàn xảy ra 7 vụ cháy rừng. Ủy ban nhân dân xã ban hành Kế hoạch tổ chức phong trào thi đua năm 2026 như sau:\n',
    )
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 480 }])
  })

  it('a paragraph that comes back to the plan\'s year in a sentence of its own, or strives, still reads that sentence', () => {
    const past = 'Xã nằm ở phía nam của tỉnh. Năm 2025, xã giải quyết việc làm cho 455 lao động.'
    expect(pastYearTail(`${past} Ủy ban nhân dân xã xây dựng Kế hoạch thi đua năm 2026 như sau:`, 2026)).toBeGreaterThan(0)
    expect(pastYearTail(`${past} Năm 2026, xã phấn đấu thu ngân sách đạt 15 tỷ đồng.`, 2026)).toBe(-1)
    expect(pastYearTail(`${past} Năm 2026, thu ngân sách đạt 15 tỷ đồng; UBND xã ban hành Kế hoạch như sau:`, 2026)).toBe(-1)
  })
})

describe("a crop's area kept steady", () => {
  it('"Diện tích cà phê duy trì ổn định … ha" is the crop\'s area: the yield on the output\'s line is derived from it', () => {
    const d = draft(['Diện tích cà phê duy trì ổn định 2.400 ha.', 'Sản lượng cà phê nhân đạt 6.960 tấn, năng suất bình quân 29 tạ/ha.'])
    const y = named(d, /^Năng suất/iu)?.value
    expect(y?.target).toEqual({ kind: 'derived', value: 29 })
    expect(y?.formula).toMatch(/\* 10 \//u)
  })
})

describe('villages of two kinds counted together, bon among them', () => {
  it('"Có ít nhất 9/11 thôn, bon đạt danh hiệu …" counts "thôn, bon", the subject read past the comma', () => {
    const d = draft(['Có ít nhất 9/11 thôn, bon đạt danh hiệu "Thôn văn hóa", "Bon văn hóa".'])
    const i = d.indicators[0]?.value
    expect(i).toMatchObject({ unitOfMeasure: 'thôn, bon', target: { kind: 'at_least', value: 9 } })
    expect(i?.name).toMatch(/^Số thôn, bon đạt danh hiệu/u)
  })

  it('"Mỗi bon có …" is what each village must have, a yes/no', () => {
    const d = draft(['Mỗi bon có ít nhất 01 tổ an ninh tự quản hoạt động thường xuyên.'])
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
  })
})

describe('visits counted with or without the visitor', () => {
  it('scores "lượt khách" and "lượt" as one unit', () => {
    const d = draft(['Đón ít nhất 25.000 lượt khách du lịch đến tham quan làng nghề.'])
    const drafted = d.indicators[0]!.value
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'lượt khách' })).toBeGreaterThan(0)
    expect(matchScore(drafted, { ...drafted, unitOfMeasure: 'lượt hộ' })).toBe(0)
  })
})
