// Drafting a plan from its document (issue 13), set 271: a Word plan copied out of a phone document
// viewer's reading mode (the view made for screen readers), which reads every table out one row a
// line, "Hàng n: Cột 1: …; Cột 2: …; …", only the first row naming the columns, an empty cell as
// "(ô trống)", a merged group row as "Cột 1 đến 5 (ô gộp): …", a cell's paragraphs joined by " / ",
// and "[Bảng 2: 5 cột, 6 hàng]" / "[Hết bảng 2]" around each table. Each run of such lines is read
// back as the table it is (readingMode.ts). Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'

const header = [
  '[Bảng 1: 2 cột, 2 hàng]',
  'Hàng 1: Cột 1: ỦY BAN NHÂN DÂN / XÃ HÒA BÌNH; Cột 2: CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc',
  'Hàng 2: Cột 1: Số: 05/KH-UBND; Cột 2: Hòa Bình, ngày 08 tháng 01 năm 2027',
  '[Hết bảng 1]',
  '',
  'KẾ HOẠCH',
  'Phát động phong trào thi đua năm 2027',
  '',
  'I. CHỈ TIÊU THI ĐUA',
  'Cột "Ghi chú" để thuyết minh, không phải chỉ tiêu.',
  '',
]

const signature = [
  '',
  'II. TỔ CHỨC THỰC HIỆN',
  'Các thôn báo cáo kết quả trước ngày 20/12/2027.',
  '',
  '[Bảng 3: 2 cột, 1 hàng]',
  'Hàng 1: Cột 1: Nơi nhận: / - UBND tỉnh (b/c); / - 12 thôn; / - Lưu: VT.; Cột 2: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / (Đã ký) / Lò Văn Hải',
  '[Hết bảng 3]',
]

const targets = [
  '[Bảng 2: 5 cột, 7 hàng]',
  'Hàng 1: Cột 1: TT; Cột 2: Chỉ tiêu; Cột 3: ĐVT; Cột 4: KH 2027; Cột 5: Ghi chú',
  'Hàng 2: Cột 1 đến 5 (ô gộp): I. KINH TẾ',
  'Hàng 3: Cột 1: 1; Cột 2: Diện tích gieo trồng lúa cả năm; Cột 3: ha; Cột 4: 1.250; Cột 5: Huyện giao 1.200 ha',
  'Hàng 4: Cột 1: 2; Cột 2: Thu ngân sách nhà nước trên địa bàn; Cột 3: tỷ đồng; Cột 4: ≥ 18,5; Cột 5: (ô trống)',
  'Hàng 5: Cột 1 đến 5 (ô gộp): II. XÃ HỘI',
  'Hàng 6: Cột 1: 3; Cột 2: Tỷ lệ người dân tham gia bảo hiểm y tế; Cột 3: %; Cột 4: 95 - 96; Cột 5: Tỉnh giao 94%',
  'Hàng 7: Cột 1: 4; Cột 2: Số hộ nghèo; Cột 3: hộ; Cột 4: giảm 25; Cột 5: Theo kết quả rà soát cuối năm',
  '[Hết bảng 2]',
]

describe("a plan copied from a phone viewer's reading mode, its tables read out row by row", () => {
  it('reads each table back as " | " rows, the view\'s words around it gone', () => {
    const t = normalizeText([...header, ...targets, ...signature].join('\n'))
    expect(t).not.toMatch(/Hàng \d|Cột \d|\[Bảng|\[Hết bảng|ô trống/u)
    expect(t).toContain('| ỦY BAN NHÂN DÂN XÃ HÒA BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |')
    expect(t).toContain('| TT | Chỉ tiêu | ĐVT | KH 2027 | Ghi chú |\n| I | KINH TẾ | | | |\n| 1 | Diện tích gieo trồng lúa cả năm | ha | 1.250 | Huyện giao 1.200 ha |')
    expect(t).toContain('| 2 | Thu ngân sách nhà nước trên địa bàn | tỷ đồng | ≥ 18,5 | |')
    expect(t).toContain('| Nơi nhận: - UBND tỉnh (b/c); - 12 thôn; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Đã ký) Lò Văn Hải |')
  })

  it('drafts the plan column, not the notes, and reads the header table', () => {
    const d = draftPlan([...header, ...targets, ...signature].join('\n'))
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ha', { kind: 'at_least', value: 1250 }],
      ['tỷ đồng', { kind: 'at_least', value: 18.5 }],
      ['%', { kind: 'range', min: 95, max: 96 }],
      ['hộ', { kind: 'reduce_by', amount: 25 }],
    ])
    expect(d.header.number?.value).toBe('05/KH-UBND')
    expect(d.header.issuedOn?.value).toBe('2027-01-08')
    for (const i of d.indicators) expect(d.text).toContain(i.value.source)
  })

  it('splits a row at its labels in order: a ";" inside a cell, or a cell the view left out, splits nothing wrong', () => {
    const t = normalizeText([
      'I. CHỈ TIÊU',
      'Hàng 1: Cột 1: TT; Cột 2: Chỉ tiêu; Cột 3: ĐVT; Cột 4: KH 2027',
      'Hàng 2: Cột 1: 1; Cột 2: Tổng đàn gia súc; trong đó đàn bò; Cột 3: con; Cột 4: 4.800',
      'Hàng 3: Cột 1: 2; Cột 2: Sản lượng cá nuôi (xem cột 4: kế hoạch); Cột 3: tấn; Cột 4: 650',
      'Hàng 4: Cột 1: 3; Cột 2: Xã đạt chuẩn nông thôn mới nâng cao; Cột 4: Đạt',
    ].join('\n'))
    expect(t).toContain('| 1 | Tổng đàn gia súc; trong đó đàn bò | con | 4.800 |')
    expect(t).toContain('| 2 | Sản lượng cá nuôi (xem cột 4: kế hoạch) | tấn | 650 |')
    expect(t).toContain('| 3 | Xã đạt chuẩn nông thôn mới nâng cao | | Đạt |')
  })

  it('reads the variants: "Row n: Column k:", "Dòng n", and one cell a line "Hàng n, Cột k:"', () => {
    const english = normalizeText([
      'Row 1: Column 1: TT; Column 2: Chỉ tiêu; Column 3: ĐVT; Column 4: Kế hoạch',
      'Row 2: Columns 1 to 4 (merged): A. NÔNG NGHIỆP',
      'Row 3: Column 1: 1; Column 2: Trồng mới rừng tập trung; Column 3: ha; Column 4: 60',
    ].join('\n'))
    expect(english).toContain('| TT | Chỉ tiêu | ĐVT | Kế hoạch |\n| A | NÔNG NGHIỆP | | |\n| 1 | Trồng mới rừng tập trung | ha | 60 |')
    const lines = normalizeText(['Dòng 1, Cột 1: TT', 'Dòng 1, Cột 2: Chỉ tiêu', 'Dòng 1, Cột 3: Kế hoạch', 'Dòng 2, Cột 1: 1', 'Dòng 2, Cột 2: Số lao động có việc làm mới', 'Dòng 2, Cột 3: 320 người'].join('\n'))
    expect(lines).toContain('| TT | Chỉ tiêu | Kế hoạch |\n| 1 | Số lao động có việc làm mới | 320 người |')
  })

  it('opens a new table on a new "Hàng 1", blank lines between rows keeping one table', () => {
    const t = normalizeText([
      'Hàng 1: Cột 1: TT; Cột 2: Chỉ tiêu; Cột 3: Kế hoạch',
      '',
      'Hàng 2: Cột 1: 1; Cột 2: Sản lượng lương thực; Cột 3: 9.000 tấn',
      'Hàng 1: Cột 1: TT; Cột 2: Hình thức; Cột 3: Mức thưởng',
      'Hàng 2: Cột 1: 1; Cột 2: Giấy khen tập thể; Cột 3: 1.500.000 đồng',
    ].join('\n'))
    expect(t).toContain('| TT | Chỉ tiêu | Kế hoạch |\n| 1 | Sản lượng lương thực | 9.000 tấn |\n| TT | Hình thức | Mức thưởng |')
  })

  it('leaves a text without a run of such rows as it is', () => {
    const prose = ['I. CHỈ TIÊU', 'Hàng 1: Cột 1: ghi kế hoạch; Cột 2: ghi ghi chú', '- Dòng 3: sản lượng lúa đạt 6.000 tấn.'].join('\n')
    expect(normalizeText(prose)).toContain('Hàng 1: Cột 1: ghi kế hoạch; Cột 2: ghi ghi chú\n- Dòng 3: sản lượng lúa đạt 6.000 tấn.')
    const typed = ['| TT | Chỉ tiêu | Kế hoạch |', '|---|---|---|', '| 1 | Cột cờ trung tâm xã | 1 công trình |'].join('\n')
    expect(normalizeText(typed)).toBe('| TT | Chỉ tiêu | Kế hoạch |\n| 1 | Cột cờ trung tâm xã | 1 công trình |')
  })
})
