// Drafting a plan from its document (issue 13): the rules added after held-out sets 165 to 167 (a
// Word table copied one cell a line with an empty row-number cell, a rate held at or under a past
// year's level, the ornamental trade's counting words), each on hand-written sentences and tables
// in the language of commune plans (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Hưng', '05', '10 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a Word table copied one cell a line, a row\'s number cell left empty', () => {
  const table = [
    'STT',
    'Nội dung chỉ tiêu',
    'ĐVT',
    'Chỉ tiêu năm 2026',
    'I',
    'LĨNH VỰC KINH TẾ',
    '',
    '',
    '1',
    'Tổng đàn lợn',
    'con',
    '12.500',
    '',
    'Trong đó: lợn nuôi theo quy trình an toàn sinh học',
    'con',
    '4.000',
    '2',
    'Diện tích lúa gieo cấy cả năm',
    'ha',
    '760',
    '3',
    'Thu ngân sách trên địa bàn',
    'triệu đồng',
    '≥ 5.300',
    'II',
    'LĨNH VỰC XÃ HỘI',
    '',
    '',
    '4',
    'Tỷ lệ người dân tham gia bảo hiểm y tế',
    '%',
    '≥ 95',
    '5',
    'Số lao động được đào tạo nghề',
    'người',
    '150',
    '',
    'III. TỔ CHỨC THỰC HIỆN',
  ]

  it('reads the empty line as the row\'s number cell and keeps the rows after it in step', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| 1 | Tổng đàn lợn | con | 12.500 |\n| | Trong đó: lợn nuôi theo quy trình an toàn sinh học | con | 4.000 |\n| 2 | Diện tích lúa gieo cấy cả năm | ha | 760 |')
    expect(text).toContain('| 3 | Thu ngân sách trên địa bàn | triệu đồng | ≥ 5.300 |\n| II | LĨNH VỰC XÃ HỘI | | |\n| 4 |')
    expect(text).toContain('| 5 | Số lao động được đào tạo nghề | người | 150 |')
  })

  it('drafts every row, the "Trong đó" row a part of the row above', () => {
    const d = draft(table)
    const herd = bySource(d, /Tổng đàn lợn/u)[0]
    expect(herd?.value.target).toEqual({ kind: 'at_least', value: 12500 })
    const part = bySource(d, /an toàn sinh học/u)[0]
    expect(part?.value).toMatchObject({ unitOfMeasure: 'con', target: { kind: 'at_least', value: 4000 }, partOf: herd?.value.code })
    expect(bySource(d, /Thu ngân sách/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 5300 })
    expect(bySource(d, /bảo hiểm y tế/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 95 })
    expect(bySource(d, /đào tạo nghề/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 150 })
  })

  it.each([
    ['a sentence and a blank', ['Ngoài các chỉ tiêu trên, xã phấn đấu giữ vững danh hiệu xã đạt chuẩn nông thôn mới.', '', 'III. TỔ CHỨC THỰC HIỆN']],
    ['a sentence ending on a full stop, short lines after it', ['Các chỉ tiêu trên do HĐND xã giao.', 'ha', '4.000']],
  ])('still ends the table at an empty line that the count of cells does not make a cell (%s)', (_, after) => {
    const text = normalizeText([...table.slice(0, 12), '', ...after].join('\n'))
    expect(text).toContain(`| 1 | Tổng đàn lợn | con | 12.500 |\n${after[0]!}`)
  })
})

describe('a rate held at or under a past year\'s level', () => {
  const plan = (review: string, clause: string): string => `${HEAD}
I. KẾT QUẢ NĂM 2025
${review}
II. CHỈ TIÊU THI ĐUA NĂM 2026
Tổng đàn bò đạt 3.200 con; tỷ lệ trẻ em được tiêm chủng đầy đủ đạt 98% trở lên; ${clause}.
III. TỔ CHỨC THỰC HIỆN
1. Văn phòng theo dõi, tổng hợp kết quả trước ngày 10/12/2026.
`

  it.each([
    ['tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân bằng hoặc thấp hơn năm 2025', 6.8],
    ['tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân không cao hơn năm trước', 6.8],
  ])('reads "%s" as at most the stated level, not strict', (clause, level) => {
    const d = draftPlan(plan('Năm 2025, tổng đàn bò đạt 3.050 con; tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân là 6,8%.', clause))
    expect(bySource(d, /suy dinh dưỡng/u).map((i) => i.value)).toMatchObject([{ unitOfMeasure: '%', aggregation: 'rate', scale: 100, target: { kind: 'at_most', value: level, strict: false } }])
  })

  it('drafts no level the review does not state', () => {
    const d = draftPlan(plan('Năm 2025, tổng đàn bò đạt 3.050 con.', 'tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân bằng hoặc thấp hơn năm 2025'))
    expect(bySource(d, /suy dinh dưỡng/u).map((i) => i.value.target?.kind)).not.toContain('at_most')
  })
})

describe('the ornamental and nursery trades\' counting words', () => {
  it.each([
    ['Sản xuất và tiêu thụ 85.000 chậu hoa cúc, hoa đào phục vụ Tết', 'chậu', 85000],
    ['Sản lượng hoa chậu các loại đạt 1,4 triệu chậu', 'triệu chậu', 1.4],
    ['Ươm và cung ứng 600.000 bầu cây giống lâm nghiệp', 'bầu', 600000],
    ['Trồng mới 2.500 gốc đào cảnh trên các tuyến đường', 'gốc', 2500],
    ['Cung ứng thị trường Tết 40.000 cành đào', 'cành', 40000],
  ])('reads "%s" as a flow in its own word', (line, unit, value) => {
    const d = draft([`- ${line}.`])
    expect(d.indicators.map((i) => i.value)).toMatchObject([{ unitOfMeasure: unit, aggregation: 'flow', target: { kind: 'at_least', value } }])
  })
})
