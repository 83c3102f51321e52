// Drafting a plan from its document (issue 13): the rules added after held-out set 76 (ordinary
// plans), each on hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { pastYearTail } from '../../src/shared/planDraft/guards'
import { draftList, named, planHead } from './planDraftText'

const HEAD = planHead('Phú Lâm', '07', '15 tháng 01', 2026)
/** The plan's head followed by an opening paragraph, before its sections. */
const opening = (paragraph: string): string => `${HEAD}\nCăn cứ Kế hoạch số 03/KH-UBND ngày 05/01/2026 của UBND tỉnh về thi đua năm 2026.\n${paragraph}\n`
const ITEMS = ['Tổng sản lượng lương thực đạt 5.400 tấn trở lên.', 'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi dưới 11%.']

describe('what the commune is, said with "là"', () => {
  it('drafts nothing from "<name> là xã … có n thôn, … chiếm …% dân số" before the sections', () => {
    const d = draftList({ head: opening('Phú Lâm là xã vùng cao có 11 thôn, đồng bào Mông, Dao chiếm trên 80% dân số; cây chè là cây trồng chính.'), year: 2026, items: ITEMS })
    expect(d.indicators.map((i) => i.value.source)).toHaveLength(2)
    expect(d.indicators.some((i) => /dân số|Phú Lâm/iu.test(i.value.source ?? ''))).toBe(false)
    const p = draftList({ head: opening('Thị trấn Phú Lâm là một thị trấn miền núi, có 9 tổ dân phố với 12.400 nhân dân.'), year: 2026, items: ITEMS })
    expect(p.indicators).toHaveLength(2)
  })

  it('still drafts the targets of the list', () => {
    const d = draftList({ head: opening('Phú Lâm là xã vùng cao có 11 thôn, đồng bào Mông chiếm 85% dân số.'), year: 2026, items: ITEMS })
    expect(named(d, /lương thực/iu)?.value.target).toEqual({ kind: 'at_least', value: 5400 })
    expect(named(d, /suy dinh dưỡng/iu)?.value.target).toMatchObject({ kind: 'at_most', value: 11 })
  })
})

describe('a sentence on the state a past year ended in', () => {
  it('cuts the paragraph where "Cuối năm 2025, …", "Hết năm 2025, …" or "Tính đến 31/12/2025, …" begins', () => {
    const a = 'Năm 2026 là năm đầu thực hiện Nghị quyết Đại hội. Cuối năm 2025, toàn xã còn 96 hộ nghèo, tỷ lệ hộ nghèo là 3,1%.'
    expect(pastYearTail(a, 2026)).toBe(a.indexOf('. Cuối') + 1)
    const b = 'Xã có 11 thôn; tính đến 31/12/2025, toàn xã có 8/11 thôn đạt chuẩn văn hóa.'
    expect(pastYearTail(b, 2026)).toBe(b.indexOf('; tính') + 1)
    const c = 'Xã có 11 thôn. Hết năm 2025, có 4.310 hộ gia đình văn hóa.'
    expect(pastYearTail(c, 2026)).toBe(c.indexOf('. Hết') + 1)
    // (A sentence of the plan's own year, or one that comes back to strive for it, is not cut.)
    expect(pastYearTail('Xã có 11 thôn. Cuối năm 2026, tỷ lệ hộ nghèo còn dưới 2,5%.', 2026)).toBe(-1)
    expect(pastYearTail('Xã có 11 thôn. Cuối năm 2025, còn 96 hộ nghèo; phấn đấu giảm 30 hộ.', 2026)).toBe(-1)
    // ("so với cuối năm 2025" inside a clause opens no sentence.)
    expect(pastYearTail('- Giảm tỷ lệ hộ nghèo 0,8% so với cuối năm 2025.', 2026)).toBe(-1)
  })

  it('drafts no target from the state in the opening paragraph, and keeps the baseline it gives', () => {
    const d = draftList({
      head: opening('Thực hiện Nghị quyết của Đảng ủy xã, UBND xã tập trung lãnh đạo phát triển kinh tế - xã hội. Cuối năm 2025, toàn xã còn 96 hộ nghèo, tỷ lệ hộ nghèo là 3,1%. UBND xã ban hành Kế hoạch phát động thi đua năm 2026 như sau:'),
      year: 2026,
      items: [...ITEMS, 'Giảm tỷ lệ hộ nghèo 0,8% so với cuối năm 2025.'],
    })
    expect(d.indicators.some((i) => /96 hộ|3,1%/u.test(i.value.source ?? ''))).toBe(false)
    expect(d.indicators).toHaveLength(3)
    expect(named(d, /hộ nghèo/iu)?.value.target).toMatchObject({ kind: 'reduce_by', amount: 0.8 })
  })
})

describe('a rise in the same unit that restates an amount', () => {
  it('keeps "đạt N …, tăng M … so với năm …" as one target, the level', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Tạo việc làm mới cho 650 lao động, tăng 40 lao động so với năm 2025.', 'Phát triển mới 35 hợp tác xã, tăng thêm 5 hợp tác xã so với năm trước.'] })
    expect(d.indicators).toHaveLength(2)
    expect(named(d, /việc làm/iu)?.value.target).toEqual({ kind: 'at_least', value: 650 })
    expect(d.indicators.some((i) => /^tăng/iu.test(i.value.source ?? ''))).toBe(false)
  })

  it('keeps a rise of another unit, or one with a subject of its own', () => {
    const d = draftList({ head: HEAD, year: 2026, items: ['Tạo việc làm mới cho 650 lao động, tăng 12 hộ kinh doanh so với năm 2025.', 'Trồng mới 40 ha rừng, diện tích cây ăn quả tăng 15 ha so với năm 2025.'] })
    expect(d.indicators.some((i) => /tăng 12 hộ/u.test(i.value.source ?? ''))).toBe(true)
    expect(d.indicators.some((i) => /cây ăn quả/iu.test(i.value.source ?? ''))).toBe(true)
  })
})

describe('a table row named for the size of a cut', () => {
  it('takes no baseline from the last-year column of "Mức giảm tỷ lệ hộ nghèo"', () => {
    const d = draftList({
      head: HEAD,
      year: 2026,
      bare: true,
      items: ['| TT | Chỉ tiêu | ĐVT | Thực hiện năm 2025 | Kế hoạch năm 2026 |', '|---|---|---|---|---|', '| 1 | Mức giảm tỷ lệ hộ nghèo | % | 2,4 | ≥ 2 |', '| 2 | Tỷ lệ hộ nghèo | % | 5,6 | giảm 1,5 |'],
    })
    const cuts = d.indicators.filter((i) => i.value.target?.kind === 'reduce_by')
    expect(cuts).toHaveLength(2)
    expect(cuts[0]?.value.target).toEqual({ kind: 'reduce_by', amount: 2 })
    expect(cuts[1]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 1.5, baseline: 5.6 })
  })
})
