// Drafting a plan from its document (issue 13): the rules added after held-out set 229, each on
// hand-written tables in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Ea Tân', '09', '14 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a table turned on its side: the indicators across its heading, the years down its first column', () => {
  const turned = [
    'Các chỉ tiêu năm 2026 như bảng sau (dòng kế hoạch là chỉ tiêu thi đua):',
    '',
    '| Năm | Sản lượng cà phê nhân (tấn) | Tỷ lệ hộ nghèo (%) | Số vụ cháy rừng (vụ) | Tỷ lệ hộ dùng nước hợp vệ sinh (%) |',
    '|---|---|---|---|---|',
    '| Ước TH 2025 | 3.150 | 2,4 | 5 | 96,5 |',
    '| **KH 2026** | **3.300** | **giảm 0,5** | **≤ 4** | **≥ 98** |',
  ]
  it('reads each column as a row: the plan year\'s cell is the target, last year\'s the level a cut starts from', () => {
    const d = draft(turned)
    expect(d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])).toEqual([
      ['Sản lượng cà phê nhân', 'tấn', { kind: 'at_least', value: 3300 }],
      ['Tỷ lệ hộ nghèo', '%', { kind: 'reduce_by', amount: 0.5, baseline: 2.4 }],
      ['Số vụ cháy rừng', 'vụ', { kind: 'at_most', value: 4, strict: false }],
      ['Tỷ lệ hộ dùng nước hợp vệ sinh', '%', { kind: 'rate_at_least', value: 98 }],
    ])
  })
  it('takes each column\'s heading cell as the source, an exact span of the text', () => {
    const d = draft(turned)
    expect(d.indicators.map((i) => i.value.source)).toEqual(['Sản lượng cà phê nhân (tấn)', 'Tỷ lệ hộ nghèo (%)', 'Số vụ cháy rừng (vụ)', 'Tỷ lệ hộ dùng nước hợp vệ sinh (%)'])
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toBe(i.value.source)
    // (Last year's figures are no targets.)
    expect(d.indicators.some((i) => i.value.target !== undefined && 'value' in i.value.target && i.value.target.value === 3150)).toBe(false)
  })
  it('reads years written alone down the first column, the plan year\'s row the target', () => {
    const d = draft(['| | Diện tích cao su hiện có (ha) | Lao động được tạo việc làm mới (người) |', '|---|---|---|', '| Năm 2025 | 1.240 | 310 |', '| Năm 2026 | 1.260 | 330 |'])
    expect(d.indicators.map((i) => [i.value.source, i.value.target])).toEqual([
      ['Diện tích cao su hiện có (ha)', { kind: 'at_least', value: 1260 }],
      ['Lao động được tạo việc làm mới (người)', { kind: 'at_least', value: 330 }],
    ])
  })
})

describe('an ordinary table is never turned', () => {
  it('keeps a table whose first column numbers its rows', () => {
    const d = draft(['| TT | Chỉ tiêu | ĐVT | TH 2025 | KH 2026 |', '|---|---|---|---|---|', '| 1 | Sản lượng hồ tiêu | tấn | 410 | 430 |', '| 2 | Tổng đàn dê | con | 1.900 | 2.000 |'])
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Sản lượng hồ tiêu', { kind: 'at_least', value: 430 }],
      ['Tổng đàn dê', { kind: 'at_least', value: 2000 }],
    ])
    expect(bySource(d, /^\| 1 \| Sản lượng hồ tiêu/u)).toHaveLength(1)
  })
  it('keeps a table whose first column names the crops', () => {
    const d = draft(['| Cây trồng | Diện tích (ha) | Sản lượng (tấn) |', '|---|---|---|', '| Lúa | 320 | 1.920 |', '| Ngô | 85 | 470 |'])
    expect(bySource(d, /Lúa/u).length).toBeGreaterThan(0)
    expect(d.indicators.every((i) => i.value.source !== 'Diện tích (ha)' && i.value.source !== 'Sản lượng (tấn)')).toBe(true)
  })
})
