// Drafting a plan from its document (issue 13): the rules added after held-out set 108, each on
// hand-written sentences and tables in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { planHead, planWithList } from './planDraftText'

const HEAD = planHead('Tân Hưng', '04', '15 tháng 01', 2026)
const draft = (items: string[]) => draftPlan(planWithList({ head: HEAD, year: 2026, items, bare: true }))
const bySource = (d: ReturnType<typeof draft>, words: RegExp) => d.indicators.filter((i) => words.test(i.value.source ?? ''))

describe('a target table written as HTML inside Markdown (pandoc\'s table with merged cells)', () => {
  const table = [
    '<table>',
    '<colgroup>',
    '<col style="width: 8%" />',
    '<col style="width: 50%" />',
    '</colgroup>',
    '<thead>',
    '<tr class="header">',
    '<th>STT</th>',
    '<th>Chỉ tiêu</th>',
    '<th>Đơn vị tính</th>',
    '<th>Thực hiện năm 2025</th>',
    '<th>Kế hoạch năm 2026</th>',
    '<th>Ghi chú</th>',
    '</tr>',
    '</thead>',
    '<tbody>',
    '<tr class="odd">',
    '<td colspan="6"><strong>I. KINH TẾ</strong></td>',
    '</tr>',
    '<tr class="even">',
    '<td rowspan="4">1</td>',
    '<td><strong>Cây ngô vụ Xuân</strong></td>',
    '<td></td>',
    '<td></td>',
    '<td></td>',
    '<td rowspan="4">Vùng bãi ven sông &amp; đất đồi</td>',
    '</tr>',
    '<tr class="odd">',
    '<td>- Diện tích gieo trồng</td>',
    '<td>ha</td>',
    '<td>410</td>',
    '<td>420</td>',
    '</tr>',
    '<tr class="even">',
    '<td>- Năng suất</td>',
    '<td>tạ/ha</td>',
    '<td>48</td>',
    '<td>50</td>',
    '</tr>',
    '<tr class="odd">',
    '<td>- Sản lượng</td>',
    '<td>tấn</td>',
    '<td>1.968</td>',
    '<td>2.100</td>',
    '</tr>',
    '<tr class="even">',
    '<td>2</td>',
    '<td>Tỷ lệ hộ dùng nước',
    'sinh hoạt hợp vệ sinh</td>',
    '<td>%</td>',
    '<td>93</td>',
    '<td>&gt; 95</td>',
    '<td></td>',
    '</tr>',
    '<tr class="odd">',
    '<td>3</td>',
    '<td>Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng</td>',
    '<td>%</td>',
    '<td>9,1</td>',
    '<td>&lt; 8,5</td>',
    '<td>Theo số liệu trạm y tế</td>',
    '</tr>',
    '</tbody>',
    '</table>',
  ]

  it('writes the table as the pipe table it stands for: header, merged cells spread, entities decoded, a cell over two lines one cell', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026 | Ghi chú |')
    expect(text).toContain('| I | KINH TẾ | | | | |')
    expect(text).toContain('| | - Năng suất | tạ/ha | 48 | 50 | Vùng bãi ven sông & đất đồi |')
    expect(text).toContain('| 2 | Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh | % | 93 | > 95 | |')
    expect(text).not.toMatch(/<\/?(?:td|tr|th|table|col|strong)/u)
  })

  it('reads its rows as a pipe table\'s: a crop row with a merged note heads its measures, the yield derived', () => {
    const d = draft(table)
    const names = d.indicators.map((i) => i.value.name)
    expect(names.some((n) => /KINH TẾ/u.test(n))).toBe(false)
    const yieldRow = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')
    expect(yieldRow?.value).toMatchObject({ target: { kind: 'derived', value: 50 } })
    expect(yieldRow?.value.name).toMatch(/ngô/iu)
    expect(bySource(d, /hợp vệ sinh/u)[0]?.value).toMatchObject({ target: { kind: 'rate_at_least', value: 95 } })
    expect(bySource(d, /suy dinh dưỡng/u)[0]?.value.target).toMatchObject({ kind: 'at_most', value: 8.5 })
    expect(d.indicators).toHaveLength(5)
  })

  it('drops the inline tags of running text', () => {
    expect(normalizeText('Phấn đấu <strong>thu ngân sách</strong> trên địa bàn đạt <em>12,5 tỷ đồng</em>.')).toBe('Phấn đấu thu ngân sách trên địa bàn đạt 12,5 tỷ đồng.')
  })
})
