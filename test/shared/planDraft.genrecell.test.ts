// Drafting a plan from its document (issue 13): the rules added after held-out sets 118 and 119 (a
// Word table copied one cell a line), each on hand-written tables in the language of commune plans
// (none taken from the sets).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Lộc', '05', '10 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a Word table copied one cell a line: a group row\'s empty cells, a "-" row-number cell', () => {
  const table = [
    'TT',
    'Chỉ tiêu',
    'ĐVT',
    'Ước thực hiện 2025',
    'Kế hoạch 2026',
    'I',
    'KINH TẾ',
    '',
    '',
    '',
    '1',
    'Diện tích trồng ngô cả năm',
    'ha',
    '210',
    '225',
    '2',
    'Thu ngân sách nhà nước trên địa bàn',
    'triệu đồng',
    '8.400',
    '9.000',
    'II',
    'VĂN HÓA - XÃ HỘI',
    '',
    '',
    '',
    '3',
    'Tỷ lệ hộ dân tham gia bảo hiểm y tế',
    '%',
    '91,5',
    '≥ 93',
    '4',
    'Số lao động được tạo việc làm mới',
    'lao động',
    '240',
    '260',
    '-',
    'Trong đó: đi làm việc ở nước ngoài theo hợp đồng',
    'lao động',
    '18',
    '25',
    '5',
    'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân',
    '%',
    '7,2',
    '≤ 6,8',
    '6',
    'Xã đạt chuẩn tiếp cận pháp luật',
    '',
    'Đạt',
    'Giữ vững',
    '',
    'Ghi chú: cột ước thực hiện 2025 chỉ để so sánh.',
  ]

  it('writes the "-" row and every row after it as pipe rows, the group rows with their empty cells', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| II | VĂN HÓA - XÃ HỘI | | | |')
    expect(text).toContain('| | - Trong đó: đi làm việc ở nước ngoài theo hợp đồng | lao động | 18 | 25 |')
    expect(text).toContain('| 5 | Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể nhẹ cân | % | 7,2 | ≤ 6,8 |')
    // The group rows' empty lines are their cells: an empty unit cell further down stays a cell.
    expect(text).toContain('| 6 | Xã đạt chuẩn tiếp cận pháp luật | | Đạt | Giữ vững |')
  })

  it('reads the "Trong đó:" row as a part of the row above, and the rows after it', () => {
    const d = draft(table)
    const jobs = bySource(d, /tạo việc làm mới/u)[0]
    const abroad = bySource(d, /nước ngoài/u)[0]
    expect(jobs?.value.target).toEqual({ kind: 'at_least', value: 260 })
    expect(abroad?.value.target).toEqual({ kind: 'at_least', value: 25 })
    expect(abroad?.value.partOf).toBe(jobs?.value.code)
    expect(bySource(d, /nhẹ cân/u)[0]?.value.target).toMatchObject({ kind: 'at_most', value: 6.8 })
    expect(d.indicators.find((i) => /tiếp cận pháp luật/u.test(i.value.name))?.value.target).toMatchObject({ kind: 'yes_no' })
    expect(d.indicators).toHaveLength(7)
  })

  it('leaves out a last column naming the office in charge', () => {
    const withOffice = [
      'STT',
      'Nội dung chỉ tiêu',
      'Đơn vị tính',
      'Chỉ tiêu năm 2026',
      'Đơn vị chủ trì',
      'I',
      'KINH TẾ',
      '',
      '',
      '',
      '1',
      'Diện tích nuôi tôm thẻ chân trắng',
      'ha',
      '140',
      'Phòng Kinh tế',
      '-',
      'Trong đó: nuôi thâm canh',
      'ha',
      '60',
      'Tổ hợp tác, Phòng Kinh tế',
      '2',
      'Sản lượng tôm nuôi',
      'tấn',
      '≥ 1.150',
      'Các ấp',
      '',
      '(Cột "Đơn vị chủ trì" chỉ để phân công theo dõi.)',
    ]
    const d = draft(withOffice)
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 140 },
      { kind: 'at_least', value: 60 },
      { kind: 'at_least', value: 1150 },
    ])
    expect(d.indicators.filter((i) => /Phòng Kinh tế|Các ấp/u.test(i.value.name))).toEqual([])
  })

  it('keeps a "-" left in a row\'s unit cell a cell, no row of its own', () => {
    const dashUnit = ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch 2026', '1', 'Thu ngân sách trên địa bàn', 'triệu đồng', '9.500', '2', 'Xã đạt chuẩn an toàn về an ninh, trật tự', '-', 'Đạt', 'Ghi chú: cột kế hoạch là chỉ tiêu.']
    expect(normalizeText(dashUnit.join('\n'))).toContain('| 2 | Xã đạt chuẩn an toàn về an ninh, trật tự | - | Đạt |')
  })
})
