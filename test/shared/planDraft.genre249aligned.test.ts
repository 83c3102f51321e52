// Drafting a plan from its document (issue 13), sets 251 to 253: a table whose columns are lined up
// with spaces (a PDF's text layer, a hand-typed appendix) is read under a rule of dashes drawn below
// its heading, with its groups lettered "A", "B" as well as numbered "I", "II", and with a group's
// numeral set one space from its name where the number column is narrow ("III QUỐC PHÒNG"); last
// year's column stays no target, and a part's heading after the table ("III. GIẢI PHÁP") is no group
// row of it. Hand-written tables.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { planHead, planWithList } from './planDraftText'

const head = planHead('Phú Lộc', '14', '15 tháng 01', 2026)
const plan = (table: string[], extra = ''): string => planWithList({ head, year: 2026, items: ['Các chỉ tiêu thi đua năm 2026 như sau (cột "KH 2026" là chỉ tiêu):', '', ...table], extra, bare: true })

describe('a space-aligned table under a rule of dashes, its groups lettered', () => {
  const table = [
    'TT   Chỉ tiêu                                   ĐVT          TH 2025    KH 2026',
    '-------------------------------------------------------------------------------',
    'A    KINH TẾ',
    '1    Diện tích thanh long hiện có               ha           820        850',
    '     Trong đó: thanh long sản xuất theo VietGAP ha           120        150',
    '2    Tổng đàn heo                               con          6.400      6.800',
    'B    VĂN HÓA - XÃ HỘI',
    '3    Tỷ lệ người dân tham gia bảo hiểm y tế     %            92,4       ≥ 93,5',
    '4    Số lao động được tạo việc làm mới          người        180        200',
  ]

  it('reads every row from the plan column, the sub-row too', () => {
    const d = draftPlan(plan(table))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 850 },
      { kind: 'at_least', value: 150 },
      { kind: 'at_least', value: 6800 },
      { kind: 'rate_at_least', value: 93.5 },
      { kind: 'at_least', value: 200 },
    ])
  })

  it('makes no target of the heading or of last year\'s column', () => {
    const d = draftPlan(plan(table))
    expect(d.indicators.some((i) => /TT|Chỉ tiêu ĐVT/u.test(i.value.name))).toBe(false)
    expect(d.indicators.some((i) => JSON.stringify(i.value.target).includes('820'))).toBe(false)
  })
})

describe('a narrow number column, its group numeral one space from the name', () => {
  const table = [
    ' TT  Chỉ tiêu                                 ĐVT          Ước TH 2025   KH 2026',
    '',
    ' I   KINH TẾ',
    '  1  Sản lượng cá nuôi                        tấn               1.240      1.300',
    ' II  VĂN HÓA - XÃ HỘI',
    '  2  Tỷ lệ hộ gia đình văn hóa                %                  91,5       > 92',
    ' III QUỐC PHÒNG - AN NINH',
    '  3  Hoàn thành chỉ tiêu giao quân            %                   100        100',
    '  4  Số vụ phạm pháp hình sự                  vụ                   11       ≤ 9',
  ]

  it('reads the rows under the third group', () => {
    const d = draftPlan(plan(table))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 1300 },
      { kind: 'rate_at_least', value: 92, strict: true },
      { kind: 'rate_at_least', value: 100 },
      { kind: 'at_most', value: 9, strict: false },
    ])
  })

  it.each(['III. GIẢI PHÁP CHỦ YẾU', 'III.  GIẢI PHÁP CHỦ YẾU'])('stops at the next part\'s heading after the table, its text kept (%s)', (heading) => {
    const after = ['', '     5. Các thôn đăng ký thi đua trước ngày 10/02/2026.', '', heading, '     1. Ứng dụng giống cá', 'chất lượng cao; phát triển vùng nuôi tập trung.']
    const text = normalizeText([...table.slice(0, 6), ...after].join('\n'))
    expect(text).toContain('| 2 | Tỷ lệ hộ gia đình văn hóa | % | 91,5 | > 92 |')
    expect(text).toContain('Các thôn đăng ký thi đua trước ngày 10/02/2026')
    expect(text).not.toMatch(/\| III\.? \| GIẢI PHÁP/u)
  })
})
