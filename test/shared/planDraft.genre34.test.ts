// Drafting a plan from its document (issue 13): the rules added after held-out sets 34 and 35,
// each on hand-written sentences in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { named, planHead, planWithList } from './planDraftText'

const HEAD = planHead('Phú Lạc', '09', '08 tháng 01', 2025)

const planWith = (items: string[], extra = '', bare = false, intro?: string): string => planWithList({ head: HEAD, year: 2025, items, extra, bare, intro })


describe('a Word table saved as text, one cell per line', () => {
  // Group rows on two lines, a crop row heading rows without a number, and a cell left empty (a line of spaces).
  const table = [
    'STT',
    'Nội dung',
    'ĐVT',
    'Thực hiện năm 2024',
    'Kế hoạch năm 2025',
    'I',
    'CHỈ TIÊU KINH TẾ',
    '1',
    'Cây sắn',
    '- Diện tích',
    'ha',
    '210',
    '220',
    '- Năng suất',
    'tạ/ha',
    '180',
    '185',
    '- Sản lượng',
    'tấn',
    '3.780',
    '4.070',
    '2',
    'Tổng đàn dê',
    'con',
    '1.150',
    '1.300',
    'II',
    'CHỈ TIÊU AN NINH',
    '3',
    'Giữ vững xã không có ma túy',
    '  ',
    'Đạt',
    'Đạt',
    '4',
    'Số vụ cháy rừng',
    'vụ',
    '1',
    '0',
    '',
  ].join('\n')

  it('rebuilds its rows: groups, rows without a number under their group, and the empty cell', () => {
    const rows = normalizeText(table)
      .split('\n')
      .filter((l) => l.startsWith('|'))
    expect(rows).toEqual([
      '| STT | Nội dung | ĐVT | Thực hiện năm 2024 | Kế hoạch năm 2025 |',
      '| I | CHỈ TIÊU KINH TẾ | | | |',
      '| 1 | Cây sắn | | | |',
      '| | - Diện tích | ha | 210 | 220 |',
      '| | - Năng suất | tạ/ha | 180 | 185 |',
      '| | - Sản lượng | tấn | 3.780 | 4.070 |',
      '| 2 | Tổng đàn dê | con | 1.150 | 1.300 |',
      '| II | CHỈ TIÊU AN NINH | | | |',
      '| 3 | Giữ vững xã không có ma túy | | Đạt | Đạt |',
      '| 4 | Số vụ cháy rừng | vụ | 1 | 0 |',
    ])
  })

  it('drafts the plan column of each row, the crop yield derived', () => {
    const d = draftPlan(planWith([], table, true))
    expect(named(d, /^diện tích.*sắn/iu)?.value.target).toEqual({ kind: 'at_least', value: 220 })
    expect(named(d, /^năng suất.*sắn/iu)?.value.target).toEqual({ kind: 'derived', value: 185 })
    expect(named(d, /^sản lượng.*sắn/iu)?.value.target).toEqual({ kind: 'at_least', value: 4070 })
    expect(named(d, /đàn dê/iu)?.value.target).toEqual({ kind: 'at_least', value: 1300 })
    expect(named(d, /ma túy/iu)?.value.target).toEqual({ kind: 'yes_no' })
    expect(named(d, /cháy rừng/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 0 })
    expect(d.indicators).toHaveLength(6)
  })

  it('reads a row naming the size of a cut ("Mức giảm …") as a reduction, not a range to reach', () => {
    const rows = `| TT | Chỉ tiêu | ĐVT | Ước thực hiện năm 2024 | Kế hoạch năm 2025 |
|---|---|---|---|---|
| 1 | Mức giảm tỷ lệ hộ cận nghèo | % | 2,4 | 2 - 3 |`
    const d = draftPlan(planWith([], rows))
    expect(d.indicators[0]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 2, max: 3 })
  })
})

describe("a crop's yield stated with its area and output", () => {
  it('derives the yield of a crop named with where it grows', () => {
    const d = draftPlan(planWith(['Khoai lang trên đất bãi ven sông 40 ha, năng suất 90 tạ/ha, sản lượng 360 tấn.']))
    const yieldOf = named(d, /^năng suất/iu)
    expect(yieldOf?.value.target).toEqual({ kind: 'derived', value: 90 })
    expect(yieldOf?.value.formula).toMatch(/\* 10 \//u)
  })

  it('derives the yield from an area kept ("duy trì diện tích …") stated on another line', () => {
    const d = draftPlan(planWith(['Duy trì diện tích chè 300 ha.', 'Năng suất chè búp tươi bình quân 12 tấn/ha; sản lượng chè búp tươi 3.600 tấn.']))
    const yieldOf = named(d, /^năng suất/iu)
    expect(yieldOf?.value.target).toEqual({ kind: 'derived', value: 12 })
    expect(yieldOf?.value.formula).toBeDefined()
  })
})

describe('a cut in cases from a year whose count the plan states', () => {
  it('reads "giảm ít nhất N% số vụ so với năm …" after a named item as a ceiling from that count', () => {
    const d = draftPlan(
      planWith(['Kiềm chế, kéo giảm tai nạn giao thông, giảm ít nhất 10% số vụ so với năm 2024.'], '', false, 'Năm 2024, thu ngân sách đạt 9 tỷ đồng; trên địa bàn xảy ra 30 vụ tai nạn giao thông, làm bị thương 12 người.'),
    )
    expect(named(d, /tai nạn/iu)?.value.target).toEqual({ kind: 'at_most', value: 27, strict: false })
  })
})

describe('figures that set no target', () => {
  it('takes the levels of a sentence opening on the start of the year as where it starts', () => {
    const d = draftPlan(
      planWith(
        ['2. Về giảm nghèo. Đầu năm 2025, toàn xã còn 120 hộ nghèo, tỷ lệ hộ nghèo ở các bản vùng cao là 21,3%. Phấn đấu trong năm giảm ít nhất 20 hộ nghèo.'],
        '',
        true,
      ),
    )
    // (The cut's own words name what it cuts, "giảm ít nhất 20 hộ nghèo": its start is the count at the start of 2025.)
    expect(d.indicators.map((i) => i.value.target)).toEqual([{ kind: 'reduce_by', amount: 20, baseline: 120 }])
  })
})

describe('villages counted in a goal', () => {
  it('reads "có ít nhất N bản đạt …" as a count of villages, not a yes/no', () => {
    const d = draftPlan(planWith(['Tỷ lệ hộ gia đình văn hóa đạt 85%; có ít nhất 7 bản đạt danh hiệu bản văn hóa.']))
    const count = named(d, /bản/iu)
    expect(count?.value.target).toEqual({ kind: 'at_least', value: 7 })
    expect(count?.value.unitOfMeasure).toBe('bản')
  })

  it('reads all the villages counted as a whole keeping a practice, in prose, as a yes/no', () => {
    const d = draftPlan(planWith(['3. Về văn hóa. Tỷ lệ hộ dùng nước hợp vệ sinh đạt 96%. 12/12 bản duy trì thực hiện quy ước về việc cưới, việc tang.'], '', true))
    expect(named(d, /quy ước/iu)?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('a work to finish, with its date', () => {
  it('keeps "sửa chữa xong toàn bộ … trước ngày …" after a figure of the same item as a yes/no', () => {
    const d = draftPlan(planWith(['a) Diện tích lúa cả năm 620 ha; sửa chữa xong toàn bộ kênh mương bị sạt lở do lũ trước ngày 31/5/2025.'], '', true))
    const goal = named(d, /kênh mương/iu)
    expect(goal?.value.target).toEqual({ kind: 'yes_no' })
    expect(goal?.value.name).toMatch(/31\/5\/2025/u)
  })
})
