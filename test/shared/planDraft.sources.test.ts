// Drafting a plan from its document (issue 13): the source the officer checks a target against is
// its whole clause. A comma inside a bracket of words after the figure (an amount written out, the
// kinds it counts) separates nothing; a bracket that holds figures of its own still ends the clause.
// Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { listDrafter, planHead } from './planDraftText'

const draft = listDrafter(planHead('Yên Lạc', '14', '09 tháng 01', 2026))

describe('a target\'s source over a bracket of words', () => {
  it('keeps an amount written out in words, and the words after it, in the source', () => {
    const d = draft(['- Thu ngân sách nhà nước đạt 5.480.000.000 đồng (Năm tỷ, bốn trăm tám mươi triệu đồng) trở lên, phấn đấu vượt dự toán.'])
    expect(d.indicators).toHaveLength(1)
    expect(d.indicators[0]?.value.source).toBe('Thu ngân sách nhà nước đạt 5.480.000.000 đồng (Năm tỷ, bốn trăm tám mươi triệu đồng) trở lên')
    expect(d.indicators[0]?.value.target).toEqual({ kind: 'at_least', value: 5480000000 })
  })

  it('keeps the kinds listed in a bracket, and names the next target by its own words', () => {
    const d = draft(['- Trồng mới 150 ha rừng sản xuất (keo, quế, mỡ), nâng tỷ lệ che phủ rừng lên 61,5%.'])
    expect(d.indicators.map((i) => [i.value.name, i.value.source])).toEqual([
      ['Trồng mới rừng sản xuất', 'Trồng mới 150 ha rừng sản xuất (keo, quế, mỡ)'],
      ['Tỷ lệ che phủ rừng', 'nâng tỷ lệ che phủ rừng lên 61,5%'],
    ])
  })

  it('still ends the clause before a bracket that holds figures of its own', () => {
    const d = draft(['- Diện tích lúa cả năm 1.050 ha (vụ Xuân 540 ha, vụ Mùa 510 ha).'])
    const total = d.indicators.find((i) => i.value.name === 'Diện tích lúa cả năm' || /^Diện tích lúa/u.test(i.value.name))
    // (The season's parts make the total their sum.)
    expect(total?.value.target).toMatchObject({ value: 1050 })
    expect(total?.value.source).not.toMatch(/510/u)
  })
})

describe('a plan cell\'s figure before its note in brackets', () => {
  it('reads the figure and leaves the note ("7.850 (đạt 100% dự toán huyện giao)")', () => {
    const d = draft([
      '| TT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |',
      '|---|---|---|---|---|',
      '| 1 | Thu ngân sách nhà nước trên địa bàn | triệu đồng | 7.120 | 7.850 (đạt 100% dự toán huyện giao) |',
      '| 2 | Trường đạt chuẩn quốc gia | trường | 3 | 4 (4/4 trường) |',
    ])
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['triệu đồng', { kind: 'at_least', value: 7850 }],
      ['trường', { kind: 'at_least', value: 4 }],
    ])
  })
})
