// Drafting a plan from its document (issue 13): the rules added after held-out sets 198 and 200 (a
// Word table copied one cell a line with a notes column whose empty cells are empty lines, and one
// whose rows are parted by empty lines and whose "Trong đó" row leaves its number cell empty; a
// pond's area), each on hand-written tables and sentences in the language of commune plans (none
// taken from the sets).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Phú Lâm', '04', '08 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a Word table one cell a line with a notes column, no blank line between its rows', () => {
  const table = [
    'STT',
    'Nội dung chỉ tiêu',
    'ĐVT',
    'Chỉ tiêu năm 2026',
    'Ghi chú',
    '1',
    'Tổng đàn bò',
    'con',
    '4.200',
    'Năm 2025 có 4.050 con',
    '-',
    'Trong đó: bò lai Sind',
    'con',
    '1.500',
    '',
    '2',
    'Số tổ dân phố đạt chuẩn văn minh đô thị',
    'tổ',
    '9/12',
    '',
    '3',
    'Tỷ lệ hộ dùng nước sạch',
    '%',
    '≥ 92',
    'Huyện giao 90%',
    '4',
    'Thu ngân sách trên địa bàn',
    'triệu đồng',
    '6.100',
    '',
    '',
    'III. TỔ CHỨC THỰC HIỆN',
  ]

  it('reads a "-" row with an empty note and a count of all of a kind before an empty note as rows', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| 1 | Tổng đàn bò | con | 4.200 | Năm 2025 có 4.050 con |\n| | - Trong đó: bò lai Sind | con | 1.500 | |\n| 2 |')
    expect(text).toContain('| 2 | Số tổ dân phố đạt chuẩn văn minh đô thị | tổ | 9/12 | |\n| 3 |')
    expect(text).toContain('| 4 | Thu ngân sách trên địa bàn | triệu đồng | 6.100 | |')
  })

  it('keeps a count of all of a kind ("9/12") before an empty note, no page number', () => {
    const text = normalizeText([...table.slice(0, 10), ...table.slice(15)].join('\n'))
    expect(text).toContain('| 2 | Số tổ dân phố đạt chuẩn văn minh đô thị | tổ | 9/12 | |\n| 3 |')
  })

  it('drafts every row, the "Trong đó" row a part of the row above, and nothing from the notes', () => {
    const d = draft(table)
    const herd = bySource(d, /Tổng đàn bò/u)[0]
    expect(herd?.value.target).toEqual({ kind: 'at_least', value: 4200 })
    expect(bySource(d, /bò lai Sind/u)[0]?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 1500 }, partOf: herd?.value.code })
    expect(bySource(d, /văn minh đô thị/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 9 })
    expect(bySource(d, /nước sạch/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 92 })
    expect(bySource(d, /Thu ngân sách/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 6100 })
    expect(d.indicators).toHaveLength(5)
  })
})

describe('a Word table one cell a line whose rows are parted by empty lines', () => {
  const table = (numberCell: string[]): string[] => [
    'STT',
    'Chỉ tiêu',
    'ĐVT',
    'Ước thực hiện năm 2025',
    'Kế hoạch năm 2026',
    '',
    'I',
    'KINH TẾ',
    '',
    '',
    '',
    '',
    '1',
    'Diện tích chè kinh doanh',
    'ha',
    '610',
    '640',
    '',
    ...numberCell,
    'Trong đó: chè đạt chứng nhận hữu cơ',
    'ha',
    '45',
    '70',
    '',
    '2',
    'Sản lượng chè búp tươi',
    'tấn',
    '5.900',
    '6.300',
    '',
    'II',
    'XÃ HỘI',
    '',
    '',
    '',
    '',
    '3',
    'Tỷ lệ hộ nghèo',
    '%',
    '5,2',
    'giảm 1 - 1,5%',
    '',
    '',
    'III. TỔ CHỨC THỰC HIỆN',
  ]

  it.each([
    ['a line of spaces', [' ']],
    ['an empty line more than the one parting the rows', ['']],
  ])('reads the "Trong đó" row whose number cell is %s, and the rows after it', (_, numberCell) => {
    const text = normalizeText(table(numberCell).join('\n'))
    expect(text).toContain('| 1 | Diện tích chè kinh doanh | ha | 610 | 640 |\n| | Trong đó: chè đạt chứng nhận hữu cơ | ha | 45 | 70 |\n| 2 | Sản lượng chè búp tươi | tấn | 5.900 | 6.300 |')
    expect(text).toContain('| II | XÃ HỘI | | | |\n| 3 | Tỷ lệ hộ nghèo | % | 5,2 | giảm 1 - 1,5% |')
  })

  it('drafts the plan cells, the part of its row, not the past year\'s', () => {
    const d = draft(table([' ']))
    const tea = bySource(d, /chè kinh doanh/u)[0]
    expect(tea?.value.target).toEqual({ kind: 'at_least', value: 640 })
    expect(bySource(d, /hữu cơ/u)[0]?.value).toMatchObject({ target: { kind: 'at_least', value: 70 }, partOf: tea?.value.code })
    expect(bySource(d, /chè búp tươi/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 6300 })
    expect(bySource(d, /hộ nghèo/u)[0]?.value.target).toMatchObject({ kind: 'reduce_by', amount: 1, max: 1.5 })
  })

  it('still ends the table where a line of spaces comes before a sentence', () => {
    const text = normalizeText([...table([' ']).slice(0, 17), '', ' ', 'Các chỉ tiêu trên do Đảng ủy xã giao.', 'ha', '45', '70'].join('\n'))
    expect(text).toContain('| 1 | Diện tích chè kinh doanh | ha | 610 | 640 |\nCác chỉ tiêu trên do Đảng ủy xã giao.')
  })
})

describe('the area of fish ponds', () => {
  it.each([
    ['Diện tích ao nuôi cá rô phi đạt 32 ha', 32],
    ['Nuôi cá trắm, cá chép trong ao 18 ha', 18],
  ])('reads "%s" as an area standing, a stock', (line, value) => {
    const d = draft([`- ${line}.`])
    expect(d.indicators.map((i) => i.value)).toMatchObject([{ unitOfMeasure: 'ha', aggregation: 'stock', target: { kind: 'at_least', value } }])
  })
})
