// Drafting a plan from its document (issue 13): the rules added after held-out set 223's PDF table
// read column by column (the row numbers, then all the names, then all the units, then each figure
// column, one cell a line), each on hand-written tables in the language of commune plans (none
// taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Phú Lâm', '11', '12 tháng 01', 2025)
const draft = listDrafter(HEAD)

// Two groups, four rows; a name wrapped in lower case, a unit wrapped over two lines, the heading's years wrapped.
const NUMBERS = ['STT', 'A', '1', '2', 'B', '3', '4']
const NAMES = ['Nội dung', 'KINH TẾ', 'Tổng đàn lợn', 'Diện tích chè kinh doanh hiện', 'có', 'XÃ HỘI', 'Thu nhập bình quân đầu', 'người', 'Tỷ lệ hộ dùng nước hợp vệ sinh']
const UNITS = ['ĐVT', 'con', 'ha', 'triệu', 'đồng/người', '%']
const DONE = ['Thực hiện năm', '2024', '5.100', '312', '51', '96,5']
const PLAN = ['Kế hoạch năm', '2025', '5.400', '≥ 320', '55', '≥ 98']
const table = ['Biểu chỉ tiêu thi đua năm 2025', ...NUMBERS, ...NAMES, ...UNITS, ...DONE, ...PLAN, 'Cột thực hiện năm 2024 chỉ để so sánh, không phải chỉ tiêu thi đua của năm.', 'IV. TỔ CHỨC THỰC HIỆN']

describe('a PDF table given column by column', () => {
  it('rebuilds the rows, a group row with a number and a name only', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain(
      '| STT | Nội dung | ĐVT | Thực hiện năm 2024 | Kế hoạch năm 2025 |\n| A | KINH TẾ | | | |\n| 1 | Tổng đàn lợn | con | 5.100 | 5.400 |\n| 2 | Diện tích chè kinh doanh hiện có | ha | 312 | ≥ 320 |\n| B | XÃ HỘI | | | |\n| 3 | Thu nhập bình quân đầu người | triệu đồng/người | 51 | 55 |\n| 4 | Tỷ lệ hộ dùng nước hợp vệ sinh | % | 96,5 | ≥ 98 |',
    )
  })

  it('drafts the plan column\'s figures, no name a goal', () => {
    const d = draft(table)
    expect(bySource(d, /đàn lợn/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 5400 })
    expect(bySource(d, /chè kinh doanh/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 320 })
    expect(bySource(d, /Thu nhập/u)[0]?.value).toMatchObject({ unitOfMeasure: 'triệu đồng/người/năm', target: { value: 55 } })
    expect(bySource(d, /nước hợp vệ sinh/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 98 })
    expect(d.indicators).toHaveLength(4)
  })

  it('joins a wrapped name the count demands, opening with a figure', () => {
    const names = ['Nội dung', 'KINH TẾ', 'Tổng đàn lợn', 'Diện tích chè kinh doanh hiện có', 'XÃ HỘI', 'Tỷ lệ trẻ em dưới', '5 tuổi được tiêm chủng đầy đủ', 'Tỷ lệ hộ dùng nước hợp vệ sinh']
    const units = ['ĐVT', 'con', 'ha', '%', '%']
    const text = normalizeText(['Biểu chỉ tiêu', ...NUMBERS, ...names, ...units, 'Kế hoạch 2025', '5.400', '320', '≥ 97', '≥ 98', 'IV. TỔ CHỨC THỰC HIỆN'].join('\n'))
    expect(text).toContain('| 3 | Tỷ lệ trẻ em dưới 5 tuổi được tiêm chủng đầy đủ | % | ≥ 97 |')
  })

  it('leaves a list of names whose columns do not count as many as it', () => {
    // (One plan figure missing: the count of the figure column disagrees.)
    const short = ['Biểu chỉ tiêu thi đua năm 2025', ...NUMBERS, ...NAMES, ...UNITS, ...DONE, ...PLAN.slice(0, -1), 'IV. TỔ CHỨC THỰC HIỆN']
    expect(normalizeText(short.join('\n'))).not.toMatch(/^\|/mu)
    // (Names with no units nor figures after them.)
    const names = ['Biểu chỉ tiêu', ...NUMBERS, ...NAMES, 'IV. TỔ CHỨC THỰC HIỆN']
    expect(normalizeText(names.join('\n'))).not.toMatch(/^\|/mu)
  })
})
