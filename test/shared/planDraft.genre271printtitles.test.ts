// Drafting a plan from its document (issue 13), set 271: a target sheet too wide for its page,
// printed to PDF across pages with its number and name columns repeated at left ("print titles"),
// so every row comes out twice, its unit and last year's figure on the left-hand pages, its plan on
// the right-hand ones. The parts are joined back into one table, each row's cells after its own.
// Hand-written sheets.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'

const head = ['ỦY BAN NHÂN DÂN', 'XÃ AN HÒA', '', 'KẾ HOẠCH', 'Phát động phong trào thi đua năm 2026', '', 'II. CHỈ TIÊU THI ĐUA', 'Các chỉ tiêu tại Biểu kèm theo.', '']

/** A line of cells, each starting at its column (a PDF's text layer of a printed sheet). */
const at = (cells: [number, string][]): string => cells.reduce((line, [col, text]) => `${line.padEnd(col, ' ')}${line.length > col ? ' ' : ''}${text}`, '')

const leftHead = [at([[0, 'TT'], [5, 'Chỉ tiêu'], [50, 'ĐVT'], [64, 'Ước thực hiện']]), at([[66, 'năm 2025']])]
const rightHead = [at([[0, 'TT'], [5, 'Chỉ tiêu'], [52, 'Kế hoạch'], [63, 'Ghi chú']]), at([[52, 'năm 2026']])]
const rows: [string, string, string, string, string][] = [
  ['1', 'Diện tích gieo trồng lúa cả năm', 'ha', '1.480', '1.450'],
  ['2', 'Sản lượng lương thực có hạt', 'tấn', '9.120', '9.300'],
  ['', '- Trong đó: thóc chất lượng cao', 'tấn', '4.050', '4.500'],
  ['3', 'Tỷ lệ người dân tham gia bảo hiểm y tế', '%', '93,2', '≥ 94'],
  ['4', 'Số lao động được tạo việc làm mới', 'người', '410', '450'],
  ['5', 'Thu nhập bình quân đầu người', 'Tr.đồng/người', '61', '66'],
]
const leftRow = (r: (typeof rows)[number]): string => at([[r[0] ? 0 : 5, r[0] || r[1]], ...(r[0] ? ([[5, r[1]]] as [number, string][]) : []), [50, r[2]], [76 - r[3].length, r[3]]])
const rightRow = (r: (typeof rows)[number]): string => at([[r[0] ? 0 : 5, r[0] || r[1]], ...(r[0] ? ([[5, r[1]]] as [number, string][]) : []), [60 - r[4].length, r[4]], [63, 'Phòng Kinh tế']])

/** The sheet printed "down, then over": rows 1 to `split` on page 1, the rest on page 2, then the same rows again with the plan's columns. */
function printed(split: number): string[] {
  const page = (heading: string[], part: string[], n: number): string[] => [...heading, '', ...part, '', `${' '.repeat(36)}Trang ${n}/4`, '']
  return [
    ...page(leftHead, rows.slice(0, split).map(leftRow), 1),
    ...page(leftHead, rows.slice(split).map(leftRow), 2),
    ...page(rightHead, rows.slice(0, split).map(rightRow), 3),
    ...page(rightHead, rows.slice(split).map(rightRow), 4),
  ]
}

describe('a wide sheet printed across pages with its name columns repeated', () => {
  it('reads one table, each row with its unit, last year and its plan', () => {
    const t = normalizeText([...head, ...printed(3)].join('\n'))
    expect(t).toContain('| TT | Chỉ tiêu | ĐVT | Ước thực hiện năm 2025 | Kế hoạch năm 2026 | Ghi chú |')
    expect(t).toContain('| 1 | Diện tích gieo trồng lúa cả năm | ha | 1.480 | 1.450 | Phòng Kinh tế |')
    expect(t).toContain('| | - Trong đó: thóc chất lượng cao | tấn | 4.050 | 4.500 | Phòng Kinh tế |')
    expect(t).toContain('| 5 | Thu nhập bình quân đầu người | Tr.đồng/người | 61 | 66 | Phòng Kinh tế |')
    // Each row once.
    expect(t.match(/Sản lượng lương thực có hạt/gu)).toHaveLength(1)
  })

  it('drafts the plan column in the unit of the left-hand pages', () => {
    const d = draftPlan([...head, ...printed(3)].join('\n'))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ha', { kind: 'at_least', value: 1450 }],
      ['tấn', { kind: 'at_least', value: 9300 }],
      ['tấn', { kind: 'at_least', value: 4500 }],
      ['%', { kind: 'rate_at_least', value: 94 }],
      ['người', { kind: 'at_least', value: 450 }],
      ['triệu đồng/người/năm', { kind: 'rate_at_least', value: 66 }],
    ])
    expect(d.indicators[2]!.value.partOf).toBe(d.indicators[1]!.value.code)
  })

  it('joins parts given as tables a page, printed down then over or over then down, or the left-hand pages as one', () => {
    const pipe = (cells: string[]): string => `| ${cells.join(' | ')} |`
    const left = (from: number, to: number): string[] => [pipe(['TT', 'Chỉ tiêu', 'ĐVT', 'Ước TH 2025']), ...rows.slice(from, to).map((r) => pipe([r[0], r[1], r[2], r[3]]))]
    const right = (from: number, to: number): string[] => [pipe(['TT', 'Chỉ tiêu', 'KH 2026']), ...rows.slice(from, to).map((r) => pipe([r[0], r[1], r[4]]))]
    const joined = '| 4 | Số lao động được tạo việc làm mới | người | 410 | 450 |'
    for (const pages of [
      [left(0, 3), right(0, 3), left(3, 6), right(3, 6)],
      [left(0, 3), left(3, 6), right(0, 3), right(3, 6)],
      // (The left-hand pages read as one table, the right-hand ones apart.)
      [left(0, 6), right(0, 3), right(3, 6)],
    ]) {
      const t = normalizeText([...head, ...pages.flatMap((p, k) => [...p, '', `Trang ${k + 1}/4`, ''])].join('\n'))
      expect(t).toContain('| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |')
      expect(t).toContain(joined)
      expect(t).toContain('| 1 | Diện tích gieo trồng lúa cả năm | ha | 1.480 | 1.450 |')
      expect(t.match(/Số lao động được tạo việc làm mới/gu)).toHaveLength(1)
    }
  })

  it('reads a heading wrapped onto three lines, a name as long as its column and its unit after one space', () => {
    const lines = [
      ...head,
      at([[0, 'TT'], [5, 'Chỉ tiêu'], [50, 'ĐVT'], [62, 'Kế hoạch'], [73, 'KH so']]),
      at([[62, 'năm 2026'], [73, 'với TH']]),
      at([[74, '(%)']]),
      '',
      at([[0, '1'], [5, 'Sản lượng lương thực có hạt'], [50, 'tấn'], [65, '9.300'], [73, '102,0']]),
      at([[0, '2'], [5, 'Tỷ lệ chất thải rắn được phân loại tại nguồn'], [50, '%'], [68, '55'], [77, '-']]),
      at([[0, '3'], [5, 'Giá trị sản phẩm trên 1 ha đất canh tác'], [50, 'Tr.đồng/ha'], [67, '180'], [73, '104,0']]),
    ]
    expect(lines.find((l) => l.startsWith('2 '))).toContain('nguồn %')
    const t = normalizeText(lines.join('\n'))
    expect(t).toContain('| TT | Chỉ tiêu | ĐVT | Kế hoạch năm 2026 | KH so với TH (%) |')
    expect(t).toContain('| 2 | Tỷ lệ chất thải rắn được phân loại tại nguồn | % | 55 | - |')
    const d = draftPlan(lines.join('\n'))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['tấn', { kind: 'at_least', value: 9300 }],
      ['%', { kind: 'rate_at_least', value: 55 }],
      ['triệu đồng/ha', { kind: 'rate_at_least', value: 180 }],
    ])
  })

  it('leaves two tables of the same rows apart when prose stands between them', () => {
    const pipe = (cells: string[]): string => `| ${cells.join(' | ')} |`
    const lines = [
      ...head,
      pipe(['TT', 'Chỉ tiêu', 'ĐVT', 'Kết quả 2025']),
      ...rows.map((r) => pipe([r[0], r[1], r[2], r[3]])),
      '',
      'Trên cơ sở kết quả đạt được, năm 2026 phấn đấu:',
      pipe(['TT', 'Chỉ tiêu', 'Kế hoạch 2026']),
      ...rows.map((r) => pipe([r[0], r[1], r[4]])),
    ]
    const t = normalizeText(lines.join('\n'))
    expect(t).toContain('| 1 | Diện tích gieo trồng lúa cả năm | ha | 1.480 |')
    expect(t).toContain('| 1 | Diện tích gieo trồng lúa cả năm | 1.450 |')
  })

  it('leaves a table going on to the next page, its heading repeated, as one table of its rows', () => {
    const pipe = (cells: string[]): string => `| ${cells.join(' | ')} |`
    const heading = pipe(['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch 2026'])
    const lines = [...head, heading, ...rows.slice(0, 3).map((r) => pipe([r[0], r[1], r[2], r[4]])), '', 'Trang 1/2', '', heading, ...rows.slice(3).map((r) => pipe([r[0], r[1], r[2], r[4]]))]
    const t = normalizeText(lines.join('\n'))
    expect(t).toContain('| 2 | Sản lượng lương thực có hạt | tấn | 9.300 |')
    expect(t).toContain('| 4 | Số lao động được tạo việc làm mới | người | 450 |')
  })
})
