// Drafting a plan from its document (issue 13): the rules added after held-out set 197 (a scanned
// plan's OCR whose table rules were misread), each on hand-written tables in the layout of commune
// plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Phước', '11', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

const HEADING = 'STT I Nội dung chỉ tiêu l ĐVT I Ước thực hiện 2025 I Kế hoạch 2026'
const targetOf = (d: ReturnType<typeof draft>, words: RegExp): unknown => bySource(d, words).map((i) => i.value.target)

describe('a scanned table whose rules the OCR read as "I", "l" or "1"', () => {
  const table = [
    'Các chỉ tiêu tại bảng sau (cột ước thực hiện 2025 chỉ để so sánh):',
    HEADING,
    'A l SẢN XUẤT | | |',
    '1 I Sản lượng lúa cả năm | tấn | 7.900 l 8.120 |',
    '2 | Tổng đàn trâu | con 1.450 | 1.520 |',
    '3 Diện tích rừng trồng tập trung | ha | 35 1 42 |',
    '4 | Số câu lạc bộ nông dân | CLB | 6 | 7 I',
    'B I XÃ HỘI | | |',
    '5 | Tỷ lệ hộ dùng nước sạch | % l 96 | 97,5 |',
    '6 | Xây mới nhà văn hóa thôn | nhà | 2 | 1 |',
    '7 | Kiên cố hóa kênh mương nội đồng | km | 3,5 | 4,6 trở lên 1',
  ]
  it('reads the plan column, not last year\'s, in each repaired row', () => {
    const d = draft(table)
    expect(targetOf(d, /lúa cả năm/u)).toEqual([{ kind: 'at_least', value: 8120 }])
    expect(targetOf(d, /đàn trâu/u)).toEqual([{ kind: 'at_least', value: 1520 }])
    expect(targetOf(d, /rừng trồng/u)).toEqual([{ kind: 'at_least', value: 42 }])
    expect(targetOf(d, /câu lạc bộ/u)).toEqual([{ kind: 'at_least', value: 7 }])
    expect(targetOf(d, /nước sạch/u)).toEqual([{ kind: 'rate_at_least', value: 97.5 }])
    expect(targetOf(d, /kênh mương/u)).toEqual([{ kind: 'at_least', value: 4.6 }])
    // (A row with its heading's count of cells keeps its real "1": one house.)
    expect(targetOf(d, /nhà văn hóa/u)).toEqual([{ kind: 'at_least', value: 1 }])
  })
  it('reads no goal from the heading nor from a group row', () => {
    const d = draft(table)
    expect(bySource(d, /STT|Nội dung chỉ tiêu|SẢN XUẤT|XÃ HỘI/u)).toEqual([])
    expect(d.indicators).toHaveLength(7)
  })
})

describe('repairing a row against the table\'s heading', () => {
  const rows = (lines: string[]): string[] => normalizeText(lines.join('\n')).split('\n').filter((l) => l.startsWith('|'))
  it('writes each misread or lost rule as a bar, under its column', () => {
    expect(rows([HEADING, '8 I Tổng đàn bò | con | 3.100 | 3.300 I', '9 Năng suất chè búp tươi | tấn/ha | 12,5 I 13 |', '10 | Giữ vững danh hiệu xã văn hóa | I Đạt | Giữ vững |'])).toEqual([
      '| STT | Nội dung chỉ tiêu | ĐVT | Ước thực hiện 2025 | Kế hoạch 2026 |',
      '| 8 | Tổng đàn bò | con | 3.100 | 3.300 |',
      '| 9 | Năng suất chè búp tươi | tấn/ha | 12,5 | 13 |',
      '| 10 | Giữ vững danh hiệu xã văn hóa | | Đạt | Giữ vững |',
    ])
  })
  it('keeps a real "1" in a row that has its heading\'s cells, and text outside the table', () => {
    const text = ['Năm 2025 có 2 1 3 hộ nghèo l ha 310 ghi nhầm', HEADING, '11 | Trường THCS số 1 đạt chuẩn mức độ 2 | trường | 0 | 1 |', '12 I Số hộ thoát nghèo | hộ 14 | 1 |']
    const out = normalizeText(text.join('\n')).split('\n')
    expect(out[0]).toBe('Năm 2025 có 2 1 3 hộ nghèo l ha 310 ghi nhầm')
    expect(out.filter((l) => l.startsWith('| 1'))).toEqual(['| 11 | Trường THCS số 1 đạt chuẩn mức độ 2 | trường | 0 | 1 |', '| 12 | Số hộ thoát nghèo | hộ | 14 | 1 |'])
  })
  it('leaves a row no rule repairs soundly, or that no heading governs', () => {
    // ("2 1 1 3": a rule at either "1" leaves a cell of two figures; the row is left as it arrived.)
    const out = rows([HEADING, '13 | Số hợp tác xã | HTX | 2 1 1 3 |', '14 | Số tổ hợp tác | THT | 3 | 4 I'])
    expect(out).toContain('| 13 | Số hợp tác xã | HTX | 2 1 1 3 |')
    expect(out).toContain('| 14 | Số tổ hợp tác | THT | 3 | 4 |')
    expect(rows(['Hạng mục | Ghi chép | Số', '15 | Tổng đàn dê | con 300 | 320 |'])).not.toContain('| 15 | Tổng đàn dê | con | 300 | 320 |')
  })
})
