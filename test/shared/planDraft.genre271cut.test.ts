// Drafting a plan from its document (issue 13), set 271: a target table exported from a district's
// software as a fixed-width text report and pasted into the plan. Its columns are padded with
// spaces, no rule between rows, and every cell longer than its column is cut at the column's edge
// with "…" and continued on the next line(s) after "…", the row's other cells blank; the report's
// frame (system name and page, unit and print time, form code, the maker under the closing rule)
// is printed around it. Each row is read whole, each cut cell joined back. Hand-written rows.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'

/**
 * The rows as the software prints them: each column `width` characters, one space between columns,
 * text set flush left and figures flush right; a text longer than its column cut after `width - 1`
 * characters with "…", the rest printed on the next line after "…" (the cut character kept, a space
 * or a letter).
 */
function exported(widths: number[], right: boolean[], rows: string[][]): string[] {
  const out: string[] = []
  for (const row of rows) {
    let cells = row
    while (cells.some((c) => c !== '')) {
      const rest = cells.map(() => '')
      const line = cells.map((c, k) => {
        const w = widths[k]!
        let t = c
        if (t.length > w) {
          rest[k] = `…${t.slice(w - 1)}`
          t = `${t.slice(0, w - 1)}…`
        }
        return right[k] ? t.padStart(w) : t.padEnd(w)
      })
      out.push(line.join(' ').trimEnd())
      cells = rest
    }
  }
  return out
}

const widths = [3, 30, 9, 11, 11]
const right = [false, false, false, true, true]
const heading = exported(widths, right, [['TT', 'Chỉ tiêu', 'ĐVT', 'Ước TH 2025', 'KH 2026']])[0]!
const rule = '-'.repeat(68)

const plan = (rows: string[][]): string =>
  [
    'KẾ HOẠCH',
    'Phát động phong trào thi đua năm 2026',
    '',
    'II. CHỈ TIÊU THI ĐUA',
    'Biểu chỉ tiêu được kết xuất từ phần mềm của huyện như sau:',
    '',
    'PHẦN MỀM QUẢN LÝ THI ĐUA HUYỆN TÂN LẬP                   Trang: 1/1',
    'Đơn vị: UBND xã Tân Hòa                   Ngày in: 05/01/2026 09:10',
    'Mẫu biểu: BM02/CT',
    '',
    '                 BIỂU CHỈ TIÊU THI ĐUA NĂM 2026',
    '',
    heading,
    rule,
    ...exported(widths, right, rows),
    rule,
    'Tổng số chỉ tiêu: 5                      Người lập biểu: Lê Văn Nam',
    '',
    'Ngoài ra, các thôn phấn đấu không để xảy ra cháy rừng trên địa bàn xã.',
    '',
  ].join('\n')

const rows = [
  ['I', 'KINH TẾ', '', '', ''],
  ['1', 'Diện tích trồng rừng tập trung sau khai thác', 'ha', '150', '170'],
  ['', '- Trong đó: diện tích chè đạt tiêu chuẩn VietGAP', 'ha', '40', '55'],
  ['2', 'Thu nhập bình quân đầu người', 'triệu đồng/người/năm', '52,5', '58'],
  ['II', 'VĂN HÓA - XÃ HỘI', '', '', ''],
  ['3', 'Tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn', '%', '71', '75'],
  ['4', 'Số lao động được tạo việc làm mới', 'người', '310', '320'],
  ['', '- Trong đó: đi làm việc ở nước ngoài theo hợp đồng có thời hạn', 'người', '60', '70'],
]

describe('a target table exported as a fixed-width report with cells cut by "…"', () => {
  it('is printed as the software prints it (the exporter above cuts as the form does)', () => {
    const lines = exported(widths, right, rows)
    expect(lines).toContain('1   Diện tích trồng rừng tập trun… ha                150         170')
    expect(lines).toContain('    …g sau khai thác')
    expect(lines).toContain('2   Thu nhập bình quân đầu người   triệu đồ…        52,5          58')
    expect(lines).toContain('                                   …ng/ngườ…')
    expect(lines).toContain('                                   …i/năm')
  })

  it('reads each row whole, every cut cell joined back, its frame gone', () => {
    const t = normalizeText(plan(rows))
    expect(t).toContain('| TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026 |')
    expect(t).toContain('| 1 | Diện tích trồng rừng tập trung sau khai thác | ha | 150 | 170 |')
    expect(t).toContain('| | - Trong đó: diện tích chè đạt tiêu chuẩn VietGAP | ha | 40 | 55 |')
    expect(t).toContain('| 2 | Thu nhập bình quân đầu người | triệu đồng/người/năm | 52,5 | 58 |')
    expect(t).toContain('| 3 | Tỷ lệ hộ dân sử dụng nước sạch theo quy chuẩn | % | 71 | 75 |')
    expect(t).toContain('| | - Trong đó: đi làm việc ở nước ngoài theo hợp đồng có thời hạn | người | 60 | 70 |')
    expect(t).not.toContain('…')
    expect(t).not.toMatch(/Trang: 1\/1|Ngày in|Mẫu biểu|Người lập biểu|Tổng số chỉ tiêu/u)
  })

  it('drafts its targets with their whole names and units, and nothing from the frame', () => {
    const d = draftPlan(plan(rows))
    const names = d.indicators.map((i) => i.value.name)
    expect(names).toContain('Diện tích trồng rừng tập trung sau khai thác')
    expect(d.indicators.find((i) => /Thu nhập/u.test(i.value.name))?.value.unitOfMeasure).toBe('triệu đồng/người/năm')
    expect(d.indicators.find((i) => /nước sạch/u.test(i.value.name))?.value.name).toMatch(/quy chuẩn$/u)
    expect(d.indicators.find((i) => /VietGAP/u.test(i.value.name))?.value.target).toEqual({ kind: 'at_least', value: 55 })
    expect(names.some((n) => /Trang|Ngày in|Mẫu biểu|lập biểu|Tổng số chỉ tiêu|…/u.test(n))).toBe(false)
  })

  it('joins a word cut inside back whole, whatever letter follows, and words cut at a space with one', () => {
    const cells = [
      ['TT', 'Chỉ tiêu', 'ĐVT', 'TH', 'KH'],
      ['1', 'Chè VietGAP mới', 'ha', '5', '8'],
      ['2', 'Số hộ khá, giàu', 'hộ', '9', '12'],
      ['3', 'Lúa A VietGAP', 'ha', '1', '2'],
    ]
    const [heading, ...cut] = exported([3, 11, 5, 5, 5], [false, false, false, true, true], cells)
    expect(cut).toEqual(['1   Chè VietGA… ha        5     8', '    …P mới', '2   Số hộ khá,… hộ        9    12', '    … giàu', '3   Lúa A Viet… ha        1     2', '    …GAP'])
    const t = normalizeText([heading, '-'.repeat(34), ...cut].join('\n'))
    expect(t).toContain('| 1 | Chè VietGAP mới | ha | 5 | 8 |')
    expect(t).toContain('| 2 | Số hộ khá, giàu | hộ | 9 | 12 |')
    expect(t).toContain('| 3 | Lúa A VietGAP | ha | 1 | 2 |')
  })

  it('reads a report without a number column too', () => {
    const t = normalizeText(
      [
        'PHẦN MỀM THI ĐUA XÃ        Trang: 1/1',
        '',
        'Chỉ tiêu                     ĐVT         KH 2026',
        '-'.repeat(48),
        ...exported([28, 11, 7], [false, false, true], [
          ['Diện tích trồng rừng mới sau khai thác', 'ha', '120'],
          ['Tỷ lệ hộ dân được sử dụng nước hợp vệ sinh', '%', '98'],
          ['Sản lượng cá nuôi', 'tấn', '1.450'],
        ]),
        '-'.repeat(48),
        'Người lập biểu: Lê Thị Hoa',
      ].join('\n'),
    )
    expect(t).not.toMatch(/Trang|Người lập/u)
    expect(t).toContain('| Diện tích trồng rừng mới sau khai thác | ha | 120 |')
    expect(t).toContain('| Tỷ lệ hộ dân được sử dụng nước hợp vệ sinh | % | 98 |')
    expect(t).toContain('| Sản lượng cá nuôi | tấn | 1.450 |')
  })

  it('leaves a text with a single "…" continued below, and leaders, as they were', () => {
    const one = ['TT  Chỉ tiêu            ĐVT      KH', '-'.repeat(36), '1   Diện tích lúa cả…  ha      540', '    …năm', '2   Sản lượng thóc     tấn    2.900'].join('\n')
    expect(normalizeText(one)).toContain('| 1 | Diện tích lúa cả… …năm | ha | 540 |')
    expect(normalizeText('1. Chỉ tiêu\n- Diện tích gieo cấy lúa …… 1.860 ha\n- Sản lượng thóc …… 9.500 tấn\n')).toContain('Diện tích gieo cấy lúa: 1.860 ha')
  })
})
