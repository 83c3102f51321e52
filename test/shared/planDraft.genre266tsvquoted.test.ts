// Drafting a plan from its document (issue 13), set 266: a target sheet kept in Excel, its cells
// typed with Alt+Enter line breaks, copied and pasted into the plan as text. Excel puts such a range
// on the clipboard as tab-separated cells, a cell holding a line break wrapped in double quotes
// (quotes inside it doubled), so one row runs over several text lines; a name cell may stack a
// crop's measures or a whole and its "Trong đó" part, beside unit and figure cells stacking the
// matching values. Each record is read as the rows it stands for. Hand-written rows.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'

/** A row as Excel copies it: cells between tabs, a cell with a line break in quotes, its quotes doubled. */
const row = (...cells: string[]): string => cells.map((c) => (c.includes('\n') || c.includes('"') ? `"${c.replace(/"/gu, '""')}"` : c)).join('\t')

const plan = (rows: string[]): string =>
  [
    'ỦY BAN NHÂN DÂN XÃ PHÚ LỘC',
    'KẾ HOẠCH',
    'Phát động phong trào thi đua năm 2025',
    'I. CHỈ TIÊU THI ĐUA',
    'Các chỉ tiêu chủ yếu năm 2025 như sau (cột "Ghi chú" để theo dõi, không phải chỉ tiêu):',
    row('STT', 'Nội dung', 'Đơn vị tính', 'Ước thực hiện\nnăm 2024', 'Kế hoạch\nnăm 2025', 'Ghi chú'),
    ...rows,
    '',
    'II. TỔ CHỨC THỰC HIỆN',
    'Các ban, ngành triển khai thực hiện Kế hoạch này.',
    '',
  ].join('\n')

describe('an Excel sheet with Alt+Enter line breaks pasted as quoted tab-separated text', () => {
  it('reads each record as the rows its stacked cells stand for', () => {
    const t = normalizeText(
      plan([
        row('1', 'Cây ngô cả năm:\n- Diện tích\n- Sản lượng', '\nha\ntấn', '\n210\n1.150', '\n230\n1.290', 'Chuyển đổi từ đất lúa\nkém hiệu quả'),
        row('2', 'Tổng đàn bò', 'con', '1.540', '1.600', ''),
        row('3', 'Tạo việc làm mới\nTrong đó: lao động nữ', 'lao động', '245\n110', '260\n120', ''),
        row('4', 'Thu nhập bình quân đầu người', 'triệu đồng/\nngười/năm', '52,4', '58', ''),
        row('5', 'Số ấp đạt danh hiệu "Ấp văn hóa"\n(huyện công nhận)', 'ấp', '7/9', '9/9', ''),
      ]),
    )
    expect(t).toContain('| STT | Nội dung | Đơn vị tính | Ước thực hiện năm 2024 | Kế hoạch năm 2025 | Ghi chú |')
    expect(t).toContain('| 1 | Cây ngô cả năm: | | | | Chuyển đổi từ đất lúa kém hiệu quả |\n| | - Diện tích | ha | 210 | 230 |\n| | - Sản lượng | tấn | 1.150 | 1.290 |')
    expect(t).toContain('| 3 | Tạo việc làm mới | lao động | 245 | 260 |\n| | Trong đó: lao động nữ | lao động | 110 | 120 |')
    expect(t).toContain('| 4 | Thu nhập bình quân đầu người | triệu đồng/người/năm | 52,4 | 58 |')
    expect(t).toContain('| 5 | Số ấp đạt danh hiệu "Ấp văn hóa" (huyện công nhận) | ấp | 7/9 | 9/9 |')
    expect(t).not.toMatch(/""|\| "|" \|/u)
  })

  it('drafts the crop measures under their crop, the part under its whole, the wrapped unit whole', () => {
    const d = draftPlan(
      plan([
        row('1', 'Cây ngô cả năm:\n- Diện tích\n- Năng suất bình quân\n- Sản lượng', '\nha\ntạ/ha\ntấn', '\n210\n54,8\n1.150', '\n230\n56\n1.288', ''),
        row('2', 'Tạo việc làm mới\nTrong đó: lao động nữ', 'lao động', '245\n110', '260\n120', 'Huyện giao 250 lao động\n(QĐ số 12/QĐ-UBND)'),
        row('3', 'Thu nhập bình quân đầu người', 'triệu đồng/\nngười/năm', '52,4', '58', ''),
      ]),
    )
    const got = d.indicators.map((i) => [i.value.name, i.value.unitOfMeasure, i.value.target])
    expect(got).toEqual([
      [expect.stringMatching(/^Diện tích .*ngô/u), 'ha', { kind: 'at_least', value: 230 }],
      [expect.stringMatching(/^Năng suất .*ngô/u), 'tạ/ha', { kind: 'derived', value: 56 }],
      [expect.stringMatching(/^Sản lượng .*ngô/u), 'tấn', { kind: 'at_least', value: 1288 }],
      ['Tạo việc làm mới', 'lao động', { kind: 'at_least', value: 260 }],
      [expect.stringMatching(/lao động nữ/iu), 'lao động', { kind: 'at_least', value: 120 }],
      ['Thu nhập bình quân đầu người', 'triệu đồng/người/năm', { kind: 'rate_at_least', value: 58 }],
    ])
    expect(d.indicators[4]!.value.partOf).toBe(d.indicators[3]!.value.code)
    for (const i of d.indicators) expect(d.text).toContain(i.value.source)
  })

  it('gives figures stacked without the label\'s empty line that line back', () => {
    const t = normalizeText(plan([row('1', 'Cây lạc:\n- Diện tích\n- Sản lượng', 'ha\ntấn', '40\n120', '45\n140', ''), row('2', 'Tổng đàn bò', 'con', '1.540', '1.600', '')]))
    expect(t).toContain('| 1 | Cây lạc: |\n| | - Diện tích | ha | 40 | 45 |\n| | - Sản lượng | tấn | 120 | 140 |')
  })

  it('leaves a tab-separated table whose quote opens no record of its width as it is', () => {
    const text = ['STT\tChỉ tiêu\tKế hoạch', '1\tXã đạt chuẩn "Xã an toàn\t100%', 'về an ninh" năm 2025', '2\tTổng đàn bò\t1.600', ''].join('\n')
    const t = normalizeText(text)
    expect(t).toContain('| 1 | Xã đạt chuẩn "Xã an toàn | 100% |\n')
    expect(t).not.toContain('Xã an toàn về an ninh')
  })
})
