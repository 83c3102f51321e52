// Drafting a plan from its document (issue 13): the rules added after held-out set 216 (a PDF's
// table one cell a line, its columns numbered "(1)" … under the heading, long cells wrapped over two
// lines, and a page break inside it with the page's number, the running header and the heading
// again), each on hand-written tables in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Lập', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

const HEADING = ['STT', 'Chỉ tiêu', 'ĐVT', 'Thực hiện năm 2025', 'Kế hoạch năm 2026']
const RUNNING = 'UBND xã Tân Lập - Kế hoạch thi đua năm 2026'

describe('a PDF table one cell a line with its columns numbered under the heading', () => {
  const table = [...HEADING, '(1)', '(2)', '(3)', '(4)', '(5)', 'A', 'KINH TẾ', '1', 'Tổng đàn trâu', 'con', '1.320', '1.400', '2', 'Sản lượng chè búp tươi', 'tấn', '2.050', '2.200', '', 'III. TỔ CHỨC THỰC HIỆN']

  it('reads no row from the columns\' numbers and every row after them', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| STT | Chỉ tiêu | ĐVT | Thực hiện năm 2025 | Kế hoạch năm 2026 |\n| A | KINH TẾ | | | |\n| 1 | Tổng đàn trâu | con | 1.320 | 1.400 |\n| 2 | Sản lượng chè búp tươi | tấn | 2.050 | 2.200 |')
    expect(text).not.toMatch(/\(3\)/u)
  })

  it('drafts the plan column\'s figures', () => {
    const d = draft(table)
    expect(bySource(d, /trâu/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 1400 })
    expect(bySource(d, /chè búp/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 2200 })
    expect(d.indicators).toHaveLength(2)
  })

  it('keeps a heading whose numbers run short of its columns as it was', () => {
    const text = normalizeText([...HEADING, '(1)', '(2)', 'Ghi chú: các cột còn lại để trống.'].join('\n'))
    expect(text).not.toMatch(/^\|/mu)
  })
})

describe('cells wrapped over two lines', () => {
  const table = [
    ...HEADING,
    '1',
    'Diện tích quế trồng tập trung (quế -',
    'keo)',
    'ha',
    '640',
    '700',
    '-',
    'Trong đó: quế đạt chứng nhận hữu',
    'cơ',
    'ha',
    '85',
    '120',
    '2',
    'Thu nhập bình quân đầu người',
    'triệu đồng/',
    'người/năm',
    '48',
    '53',
    '3',
    'Tỷ lệ người cao tuổi được khám sức',
    'khỏe định kỳ',
    '%',
    '71,5',
    '≥ 80',
    '',
    'III. TỔ CHỨC THỰC HIỆN',
  ]

  it('joins a wrapped name, a wrapped "Trong đó" name and a unit wrapped after its slash', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| 1 | Diện tích quế trồng tập trung (quế - keo) | ha | 640 | 700 |\n| | - Trong đó: quế đạt chứng nhận hữu cơ | ha | 85 | 120 |\n| 2 | Thu nhập bình quân đầu người | triệu đồng/người/năm | 48 | 53 |\n| 3 | Tỷ lệ người cao tuổi được khám sức khỏe định kỳ | % | 71,5 | ≥ 80 |')
  })

  it('drafts every row, the "Trong đó" row a part of the one above', () => {
    const d = draft(table)
    const area = bySource(d, /trồng tập trung/u)[0]
    expect(area?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 700 } })
    expect(bySource(d, /hữu cơ/u)[0]?.value).toMatchObject({ unitOfMeasure: 'ha', target: { kind: 'at_least', value: 120 }, partOf: area?.value.code })
    expect(bySource(d, /Thu nhập/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu đồng/người/năm', target: { value: 53 } })
    expect(bySource(d, /khám sức khỏe/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 80 })
    expect(d.indicators).toHaveLength(4)
  })
})

describe('a page break inside a table one cell a line', () => {
  const table = [
    ...HEADING,
    '1',
    'Tổng đàn trâu',
    'con',
    '1.320',
    '1.400',
    'Trang 1/3',
    RUNNING,
    ...HEADING,
    '2',
    'Sản lượng chè búp tươi',
    'tấn',
    '2.050',
    '2.200',
    '3',
    'Số thôn đạt chuẩn văn hóa',
    'thôn',
    '9/11',
    '11/11',
    'Ghi chú: cột (4) để so sánh, không phải chỉ tiêu thi đua.',
    'Trang 2/3',
    RUNNING,
    'III. TỔ CHỨC THỰC HIỆN',
    'Các thôn báo cáo kết quả trước ngày 05/12/2026.',
    'Trang 3/3',
    RUNNING,
  ]

  it('reads the page\'s number, the running header and the heading again as no row', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| 1 | Tổng đàn trâu | con | 1.320 | 1.400 |\n| 2 | Sản lượng chè búp tươi | tấn | 2.050 | 2.200 |\n| 3 | Số thôn đạt chuẩn văn hóa | thôn | 9/11 | 11/11 |')
    expect(text).not.toMatch(/^\|.*Kế hoạch thi đua/mu)
  })

  it('drafts the rows on both pages', () => {
    const d = draft(table)
    expect(bySource(d, /trâu/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 1400 })
    expect(bySource(d, /chè búp/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 2200 })
    expect(bySource(d, /văn hóa/u)[0]?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(bySource(d, /Kế hoạch thi đua/u)).toEqual([])
  })

  it('takes a line after one page\'s number only as no running header', () => {
    // (The same words after the second page's number are gone: they stand after one page's number only.)
    const once = table.map((l, x) => (x === table.length - 5 || x === table.length - 1 ? 'Bảng chỉ tiêu được HĐND xã thông qua' : l))
    expect(normalizeText(once.join('\n'))).not.toContain('| 2 | Sản lượng chè búp tươi |')
  })
})
