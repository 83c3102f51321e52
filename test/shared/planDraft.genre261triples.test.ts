// Drafting a plan from its document (issue 13), set 261: an Excel sheet pasted with tabs, one row a
// field, its targets side by side as repeated (name, unit, figure) triples, some unit cells empty
// and some "Trong đó: …" triples parts of the one before them, is read one target a row; an ordinary
// tab table of one target a row and columns of years is not split. Hand-written sheets.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { planHead } from './planDraftText'

const T = '\t'
const plan = (...rows: string[]): string =>
  `${planHead('Phú Lâm', '03', '10 tháng 01', 2027)}\nIII. CHỈ TIÊU THI ĐUA NĂM 2027\n${rows.join('\n')}\n\nIV. TỔ CHỨC THỰC HIỆN\nCác ban, ngành căn cứ kế hoạch này tổ chức thực hiện.\n`

describe('a row of targets side by side', () => {
  it('reads each (name, unit, figure) triple of a row as a target, under a heading repeated with its numbers', () => {
    const d = draftPlan(
      plan(
        ['Lĩnh vực', 'Chỉ tiêu 1', 'ĐVT', 'KH 2027', 'Chỉ tiêu 2', 'ĐVT', 'KH 2027', 'Chỉ tiêu 3', 'ĐVT', 'KH 2027'].join(T),
        ['Nông nghiệp', 'Diện tích cà phê', 'ha', '2.300', 'Sản lượng cà phê nhân', 'tấn', '≥ 6.900', 'Tổng đàn bò', 'con', '3.100'].join(T),
        ['Y tế - xã hội', 'Tỷ lệ tham gia bảo hiểm y tế', '%', '> 95', 'Giảm tỷ lệ hộ nghèo', '%', '1 - 1,5', 'Số vụ cháy rừng', 'vụ', '≤ 2'].join(T),
      ),
    )
    expect(d.indicators.map((i) => [i.value.name, i.value.target])).toEqual([
      ['Diện tích cà phê', { kind: 'at_least', value: 2300 }],
      ['Sản lượng cà phê nhân', { kind: 'at_least', value: 6900 }],
      ['Tổng đàn bò', { kind: 'at_least', value: 3100 }],
      ['Tỷ lệ tham gia bảo hiểm y tế', { kind: 'rate_at_least', value: 95, strict: true }],
      ['Tỷ lệ hộ nghèo', { kind: 'reduce_by', amount: 1, max: 1.5 }],
      ['Số vụ cháy rừng', { kind: 'at_most', value: 2, strict: false }],
    ])
  })

  it('reads a state with its unit cell empty, and a "Trong đó" triple as a part of the one before it', () => {
    const d = draftPlan(
      plan(
        ['Lĩnh vực', 'Chỉ tiêu 1', 'ĐVT', 'Kế hoạch', 'Chỉ tiêu 2', 'ĐVT', 'Kế hoạch', 'Chỉ tiêu 3', 'ĐVT', 'Kế hoạch'].join(T),
        ['Kinh tế', 'Diện tích sầu riêng', 'ha', '640', 'Trong đó: sầu riêng đạt VietGAP', 'ha', '120', 'Tổng đàn dê', 'con', '2.500'].join(T),
        ['An ninh', 'Số vụ phạm pháp hình sự', 'vụ', '≤ 4', 'Cháy, nổ lớn', '', 'Không để xảy ra', 'Hoàn thành chỉ tiêu giao quân', '%', '100'].join(T),
      ),
    )
    const items = d.indicators.map((i) => i.value)
    expect(items.map((i) => i.target?.kind)).toEqual(['at_least', 'at_least', 'at_least', 'at_most', 'yes_no', 'rate_at_least'])
    expect(items[1]!.partOf).toBe(items[0]!.code)
    expect(items[2]!.partOf).toBeUndefined()
  })

  it('splits a row of two triples with their units, and one that opens on no group', () => {
    expect(normalizeText(['Thu ngân sách', 'tỷ đồng', '15,2', 'Thu nhập bình quân', 'triệu đồng/người/năm', '61'].join(T))).toBe(
      '| Thu ngân sách | tỷ đồng | 15,2 |\n| Thu nhập bình quân | triệu đồng/người/năm | 61 |',
    )
  })
})

describe('an ordinary tab table', () => {
  it('keeps a row of one target and its years whole', () => {
    const rows = [['TT', 'Chỉ tiêu', 'ĐVT', 'TH 2026', 'KH 2027'].join(T), ['1', 'Tổng đàn bò', 'con', '5.600', '6.000'].join(T), ['Tổng đàn dê', 'con', '2.100', '2.300', '2.400', '2.500'].join(T)]
    expect(normalizeText(rows.join('\n')).split('\n')).toEqual(['| TT | Chỉ tiêu | ĐVT | TH 2026 | KH 2027 |', '| 1 | Tổng đàn bò | con | 5.600 | 6.000 |', '| Tổng đàn dê | con | 2.100 | 2.300 | 2.400 | 2.500 |'])
  })

  it('keeps a row of two triples one of whose units is empty whole', () => {
    const row = ['Tổng đàn bò', 'con', '6.000', 'An toàn dịch bệnh', '', 'Đạt'].join(T)
    expect(normalizeText(row).split('\n')).toHaveLength(1)
  })
})
