// Drafting a plan from its document (issue 13): the rules added after held-out sets 84 and 85,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { unitInfo } from '../../src/shared/planDraft/lexicon'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Tân Thịnh', '07', '15 tháng 01', 2026)

describe('a cut in the change column where the plan cell is empty', () => {
  const d = draftList({
    head: HEAD,
    year: 2026,
    bare: true,
    items: [
      '| Chỉ tiêu | ĐVT | TH 2025 | KH 2026 | Tăng/giảm |',
      '|---|---|---|---|---|',
      '| Tỷ lệ hộ cận nghèo | % | 4,10 | | Giảm 0,5% |',
      '| Số vụ cháy, nổ | vụ | 20 | | Giảm 15% |',
      '| Số người sử dụng trái phép chất ma túy | người | 30 | | Giảm 20% |',
      '| Tỷ lệ trẻ em suy dinh dưỡng | % | 12,4 | < 12 | -0,4 |',
      '| Số hộ nuôi ong | hộ | 75 | | -5 |',
    ],
  })

  it('reads a rate\'s cut in points from last year\'s figure', () => {
    const rate = named(d, /cận nghèo/iu)
    expect(rate?.value.target).toEqual({ kind: 'reduce_by', amount: 0.5, baseline: 4.1 })
    expect(rate?.value.source).toMatch(/Giảm 0,5%/u)
  })

  it('caps a flow at last year\'s count less the share', () => {
    const fires = named(d, /cháy/iu)
    expect(fires?.value.aggregation).toBe('flow')
    expect(fires?.value.target).toEqual({ kind: 'at_most', value: 17, strict: false })
  })

  it('cuts a stock by a share of last year\'s level', () => {
    const users = named(d, /ma túy/iu)
    expect(users?.value.aggregation).toBe('stock')
    expect(users?.value.target).toEqual({ kind: 'reduce_by', amount: 20, relative: true, baseline: 30 })
  })

  it('keeps the plan cell where there is one, and reads no target from a signed difference', () => {
    expect(named(d, /suy dinh dưỡng/iu)?.value.target).toEqual({ kind: 'at_most', value: 12, strict: true })
    expect(named(d, /nuôi ong/iu)).toBeUndefined()
  })
})

describe('a cut by a share in the plan cell of a stock', () => {
  it('cuts the level standing by that share of last year\'s, not to a ceiling', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['| Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 |', '|---|---|---|---|', '| Số người nghiện ma túy | người | 45 | Giảm 20% |', '| Số vụ trộm cắp tài sản | vụ | 30 | Giảm 10% |'],
    })
    expect(named(d, /nghiện/iu)?.value.target).toEqual({ kind: 'reduce_by', amount: 20, relative: true, baseline: 45 })
    expect(named(d, /trộm cắp/iu)?.value.target).toEqual({ kind: 'at_most', value: 27, strict: false })
  })
})

describe('a yield that names the product weighed', () => {
  it('reads "tấn nhân/ha", "tạ thóc/ha" as tấn/ha and tạ/ha', () => {
    expect(unitInfo('tấn nhân/ha')?.canonical).toBe('tấn/ha')
    expect(unitInfo('tạ thóc/ha')?.canonical).toBe('tạ/ha')
    expect(unitInfo('tấn búp tươi/ha')?.canonical).toBe('tấn/ha')
  })

  it('derives such a yield from the crop\'s output and area', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      items: ['Diện tích hồ tiêu duy trì 250 ha, năng suất bình quân 3,4 tấn hạt/ha, sản lượng hồ tiêu đạt 850 tấn.'],
    })
    const yieldOf = named(d, /năng suất/iu)
    expect(yieldOf?.value.unitOfMeasure).toBe('tấn/ha')
    expect(yieldOf?.value.target).toMatchObject({ kind: 'derived', value: 3.4 })
  })
})
