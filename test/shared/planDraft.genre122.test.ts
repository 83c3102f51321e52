// Drafting a plan from its document (issue 13): the rules added after held-out set 122 (a Word table
// copied one cell a line, its plan cells in words with their units), each on hand-written tables in
// the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Quảng Sơn', '04', '09 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a Word table copied one cell a line, its groups lettered "A", "B"', () => {
  const table = [
    'TT',
    'Tên chỉ tiêu',
    'Kế hoạch năm 2026',
    'A',
    'KINH TẾ',
    '',
    '1',
    'Tổng đàn trâu, bò',
    '4.800 con trở lên, trong đó bò lai sind 1.350 con',
    '2',
    'Diện tích chè kinh doanh',
    'Duy trì 318 ha; trồng mới 14 ha',
    '3',
    'Diện tích trồng rừng tập trung',
    '275 ha, trong đó rừng gỗ lớn 40 ha',
    'B',
    'XÃ HỘI',
    '',
    '4',
    'Tỷ lệ hộ gia đình dùng nước hợp vệ sinh',
    '99% trở lên',
    '',
    'III. Khen thưởng',
  ]

  it('writes a lettered group row as a group row, no heading cell, and ends the table before the next part', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| TT | Tên chỉ tiêu | Kế hoạch năm 2026 |\n| A | KINH TẾ | |\n| 1 | Tổng đàn trâu, bò |')
    expect(text).toContain('| B | XÃ HỘI | |\n| 4 |')
    expect(text).toContain('| 4 | Tỷ lệ hộ gia đình dùng nước hợp vệ sinh | 99% trở lên |\n')
    expect(text).toContain('\nIII. Khen thưởng')
  })

  it('reads a part after "trong đó" in a plan cell as a part of the row, its own words its source', () => {
    const d = draft(table)
    const herd = bySource(d, /Tổng đàn trâu, bò/u)[0]
    const crossbred = bySource(d, /^bò lai sind 1\.350 con$/u)[0]
    expect(herd?.value.target).toEqual({ kind: 'at_least', value: 4800 })
    // (The row's source ends where the part begins.)
    expect(herd?.value.source).not.toMatch(/trong đó/u)
    expect(crossbred?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 1350 }, partOf: herd?.value.code })
    const forest = bySource(d, /trồng rừng tập trung/u)[0]
    expect(bySource(d, /^rừng gỗ lớn 40 ha$/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 40 }, partOf: forest?.value.code })
  })

  it('reads a second figure after ";" in a plan cell as a target of its own, named with the row', () => {
    const d = draft(table)
    expect(bySource(d, /Diện tích chè kinh doanh/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 318 })
    const planted = bySource(d, /^trồng mới 14 ha$/u)[0]
    expect(planted?.value).toMatchObject({ name: 'Diện tích chè kinh doanh trồng mới', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 14 } })
    expect(planted?.value.partOf).toBeUndefined()
    expect(d.indicators).toHaveLength(7)
  })
})

describe('a plan cell of two statements in a pipe table', () => {
  const table = (cell: string): string[] => ['| TT | Chỉ tiêu | ĐVT | Kế hoạch 2026 |', '|---|---|---|---|', `| 1 | Tổng đàn lợn | con | ${cell} |`, '| 2 | Sản lượng lương thực có hạt | tấn | 5.200 |']

  it('reads the part after "; trong đó" and a second clause in its own unit', () => {
    const d = draft(table('Duy trì 9.500 con; trong đó lợn nái 1.100 con; trồng cỏ chăn nuôi 20 ha'))
    const pigs = bySource(d, /Tổng đàn lợn/u)[0]
    expect(pigs?.value.target).toEqual({ kind: 'at_least', value: 9500 })
    expect(bySource(d, /lợn nái/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 1100 }, partOf: pigs?.value.code })
    // (Another unit measures something else: named by its own words, no part.)
    const grass = bySource(d, /^trồng cỏ chăn nuôi 20 ha$/u)[0]
    expect(grass?.value).toMatchObject({ name: 'Trồng cỏ chăn nuôi', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 20 } })
    expect(grass?.value.partOf).toBeUndefined()
  })

  it('reads no second target from a ";" inside a bracket, nor from a cell of one statement', () => {
    expect(draft(table('9.500 con (năm 2025: 9.120 con; cao nhất 9.300 con)')).indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 9500 },
      { kind: 'at_least', value: 5200 },
    ])
    expect(draft(table('9.500 con trở lên')).indicators).toHaveLength(2)
  })
})

describe('a Word table copied one cell a line: a crop\'s row of its name alone over rows marked "-"', () => {
  const sub = (split: boolean, name: string, cells: string[]): string[] => (split ? ['-', name, ...cells] : [`- ${name}`, ...cells])
  const table = (split: boolean): string[] => [
    'STT',
    'Nội dung chỉ tiêu',
    'Đơn vị tính',
    'Thực hiện năm 2025',
    'Kế hoạch năm 2026',
    '1',
    'Tổng sản lượng lương thực có hạt',
    'tấn',
    '6.100',
    '6.250',
    '2',
    'Ngô',
    '',
    '',
    '',
    ...sub(split, 'Diện tích gieo trồng', ['ha', '-', '410']),
    ...sub(split, 'Năng suất bình quân', ['tạ/ha', '47', '48']),
    ...sub(split, 'Sản lượng', ['tấn', '1.900', '1.968']),
    '3',
    'Xã giữ vững chuẩn nông thôn mới',
    '-',
    'Đạt',
    'Đạt',
    '4',
    'Số hộ nghèo',
    'hộ',
    '46',
    '34',
    '',
    'III. GIẢI PHÁP',
  ]

  it.each([
    ['its dash alone in the row-number cell', true],
    ['"- " before the name', false],
  ])('reads the rows marked "-" as the crop\'s targets, named with it (%s)', (_, split) => {
    const text = normalizeText(table(split).join('\n'))
    expect(text).toContain('| 2 | Ngô | | | |\n| | - Diện tích gieo trồng | ha | - | 410 |\n| | - Năng suất bình quân | tạ/ha | 47 | 48 |')
    const d = draft(table(split))
    expect(bySource(d, /Diện tích gieo trồng/u)[0]?.value).toMatchObject({ name: 'Diện tích gieo trồng ngô', unitOfMeasure: 'ha', target: { kind: 'at_least', value: 410 } })
    expect(bySource(d, /Năng suất bình quân/u)[0]?.value).toMatchObject({ name: 'Năng suất bình quân ngô', target: { kind: 'derived', value: 48 } })
    expect(bySource(d, /- Sản lượng/u)[0]?.value).toMatchObject({ name: 'Sản lượng ngô', target: { kind: 'at_least', value: 1968 } })
    expect(bySource(d, /Số hộ nghèo/u)[0]?.value.target).toMatchObject({ kind: 'at_most', value: 34 })
    expect(d.indicators).toHaveLength(6)
  })

  it('keeps a "-" in a unit or a figure cell a cell, no row marked "-"', () => {
    const text = normalizeText(table(true).join('\n'))
    expect(text).toContain('| 3 | Xã giữ vững chuẩn nông thôn mới | - | Đạt | Đạt |\n| 4 | Số hộ nghèo | hộ | 46 | 34 |')
    // (Without the crop row's empty cells, "2" / "Ngô" / "-" / "Diện tích …" is a row whose unit cell is "-".)
    const bare = table(true).filter((l, i) => !(i >= 12 && i <= 14))
    expect(normalizeText(bare.join('\n'))).not.toContain('| 2 | Ngô | | | |')
  })
})
