// Drafting a plan from its document (issue 13): the rules added after held-out set 108, each on
// hand-written sentences and tables in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Hưng', '04', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a target table written as HTML inside Markdown (pandoc\'s table with merged cells)', () => {
  const table = [
    '<table>',
    '<colgroup>',
    '<col style="width: 8%" />',
    '<col style="width: 50%" />',
    '</colgroup>',
    '<thead>',
    '<tr class="header">',
    '<th>STT</th>',
    '<th>Chỉ tiêu</th>',
    '<th>Đơn vị tính</th>',
    '<th>Thực hiện năm 2025</th>',
    '<th>Kế hoạch năm 2026</th>',
    '<th>Ghi chú</th>',
    '</tr>',
    '</thead>',
    '<tbody>',
    '<tr class="odd">',
    '<td colspan="6"><strong>I. KINH TẾ</strong></td>',
    '</tr>',
    '<tr class="even">',
    '<td rowspan="4">1</td>',
    '<td><strong>Cây ngô vụ Xuân</strong></td>',
    '<td></td>',
    '<td></td>',
    '<td></td>',
    '<td rowspan="4">Vùng bãi ven sông &amp; đất đồi</td>',
    '</tr>',
    '<tr class="odd">',
    '<td>- Diện tích gieo trồng</td>',
    '<td>ha</td>',
    '<td>410</td>',
    '<td>420</td>',
    '</tr>',
    '<tr class="even">',
    '<td>- Năng suất</td>',
    '<td>tạ/ha</td>',
    '<td>48</td>',
    '<td>50</td>',
    '</tr>',
    '<tr class="odd">',
    '<td>- Sản lượng</td>',
    '<td>tấn</td>',
    '<td>1.968</td>',
    '<td>2.100</td>',
    '</tr>',
    '<tr class="even">',
    '<td>2</td>',
    '<td>Tỷ lệ hộ dùng nước',
    'sinh hoạt hợp vệ sinh</td>',
    '<td>%</td>',
    '<td>93</td>',
    '<td>&gt; 95</td>',
    '<td></td>',
    '</tr>',
    '<tr class="odd">',
    '<td>3</td>',
    '<td>Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng</td>',
    '<td>%</td>',
    '<td>9,1</td>',
    '<td>&lt; 8,5</td>',
    '<td>Theo số liệu trạm y tế</td>',
    '</tr>',
    '</tbody>',
    '</table>',
  ]

  it('writes the table as the pipe table it stands for: header, merged cells spread, entities decoded, a cell over two lines one cell', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026 | Ghi chú |')
    expect(text).toContain('| I | KINH TẾ | | | | |')
    expect(text).toContain('| | - Năng suất | tạ/ha | 48 | 50 | Vùng bãi ven sông & đất đồi |')
    expect(text).toContain('| 2 | Tỷ lệ hộ dùng nước sinh hoạt hợp vệ sinh | % | 93 | > 95 | |')
    expect(text).not.toMatch(/<\/?(?:td|tr|th|table|col|strong)/u)
  })

  it('reads its rows as a pipe table\'s: a crop row with a merged note heads its measures, the yield derived', () => {
    const d = draft(table)
    const names = d.indicators.map((i) => i.value.name)
    expect(names.some((n) => /KINH TẾ/u.test(n))).toBe(false)
    const yieldRow = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')
    expect(yieldRow?.value).toMatchObject({ target: { kind: 'derived', value: 50 } })
    expect(yieldRow?.value.name).toMatch(/ngô/iu)
    expect(bySource(d, /hợp vệ sinh/u)[0]?.value).toMatchObject({ target: { kind: 'rate_at_least', value: 95 } })
    expect(bySource(d, /suy dinh dưỡng/u)[0]?.value.target).toMatchObject({ kind: 'at_most', value: 8.5 })
    expect(d.indicators).toHaveLength(5)
  })

  it('drops the inline tags of running text', () => {
    expect(normalizeText('Phấn đấu <strong>thu ngân sách</strong> trên địa bàn đạt <em>12,5 tỷ đồng</em>.')).toBe('Phấn đấu thu ngân sách trên địa bàn đạt 12,5 tỷ đồng.')
  })
})

describe('an HTML table never closed (a paste cut short)', () => {
  it('reads its lines as text: the targets after it are kept', () => {
    const d = draft(['<table>', '- Sản lượng lương thực có hạt đạt 4.800 tấn trở lên.', '- Tỷ lệ hộ gia đình văn hóa đạt 92%.'])
    expect(bySource(d, /4\.800 tấn/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 4800 })
    expect(bySource(d, /92%/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 92 })
  })
})

describe('a table copied one cell a line from a web page', () => {
  const table = [
    'STT',
    'Chỉ tiêu',
    'Đơn vị tính',
    'Ước thực hiện 2025',
    'Kế hoạch 2026',
    'I',
    'KINH TẾ',
    '1',
    'Cây lạc',
    '1.1',
    'Diện tích gieo trồng',
    'ha',
    '118',
    '120',
    '1.2',
    'Năng suất bình quân',
    'tạ/ha',
    '24',
    '25',
    '1.3',
    'Sản lượng',
    'tấn',
    '283,2',
    '300',
    '2',
    'Cây sắn',
    '2.1',
    'Diện tích gieo trồng',
    'ha',
    '60',
    '64',
    '2.2',
    'Năng suất bình quân',
    'tạ/ha',
    '180',
    '200',
    '2.3',
    'Sản lượng',
    'tấn',
    '1.080',
    '1.280',
    'II',
    'VĂN HÓA - XÃ HỘI',
    '3',
    'Số thôn đạt chuẩn nông thôn mới',
    'thôn',
    '7/9',
    '8/9',
    '4',
    'Xã đạt chuẩn tiếp cận pháp luật',
    '',
    'Đạt',
    'Đạt',
    'Ghi chú: cột ước thực hiện 2025 để đối chiếu.',
  ]

  it('writes a crop row over its rows numbered "1.1", "1.2" as pipe rows, a count "7/9" as a cell, an empty line as an empty cell', () => {
    const text = normalizeText(table.join('\n'))
    expect(text).toContain('| 1 | Cây lạc | | | |')
    expect(text).toContain('| 1.2 | Năng suất bình quân | tạ/ha | 24 | 25 |')
    expect(text).toContain('| 2 | Cây sắn | | | |')
    expect(text).toContain('| 3 | Số thôn đạt chuẩn nông thôn mới | thôn | 7/9 | 8/9 |')
    expect(text).toContain('| 4 | Xã đạt chuẩn tiếp cận pháp luật | | Đạt | Đạt |')
    expect(text).toMatch(/^Ghi chú: cột ước thực hiện 2025 để đối chiếu\.$/mu)
  })

  it('reads each numbered part as its crop\'s measure, the yields derived, the names told apart by their crop', () => {
    const d = draft(table)
    const yields = d.indicators.filter((i) => i.value.unitOfMeasure === 'tạ/ha')
    expect(yields.map((i) => i.value.target)).toEqual([
      { kind: 'derived', value: 25 },
      { kind: 'derived', value: 200 },
    ])
    expect(yields.map((i) => i.value.name)).toEqual([expect.stringMatching(/lạc/u), expect.stringMatching(/sắn/u)])
    expect(d.indicators.find((i) => /tiếp cận pháp luật/u.test(i.value.name))?.value.target).toMatchObject({ kind: 'yes_no' })
  })

  it('keeps reading a blank line between rows as a page break where the table has one (no empty cell)', () => {
    const spaced = ['TT', 'Chỉ tiêu', 'ĐVT', 'Kế hoạch 2026', '', '1', 'Thu ngân sách trên địa bàn', 'triệu đồng', '9.500', '', '2', 'Giải quyết việc làm mới', '', 'lao động', '180']
    expect(normalizeText(spaced.join('\n'))).toContain('| 2 | Giải quyết việc làm mới | lao động | 180 |')
  })
})

describe('targets each under a heading "Chỉ tiêu N." with who leads and who helps under them', () => {
  const items = [
    'Hệ thống 6 chỉ tiêu như sau:',
    'A. NHÓM CHỈ TIÊU KINH TẾ',
    'Chỉ tiêu 1. Tốc độ tăng tổng thu ngân sách',
    'Tăng từ 7% trở lên so với năm 2025.',
    'Cơ quan chủ trì: Bộ phận Tài chính - Kế toán; phối hợp: Văn phòng - Thống kê.',
    'Chỉ tiêu 2. Sản xuất ngô',
    'Diện tích gieo trồng cả năm 310 ha, năng suất bình quân 48 tạ/ha, sản lượng 1.488 tấn.',
    'Cơ quan chủ trì: Bộ phận Kinh tế; phối hợp: các thôn.',
    'Chỉ tiêu 3. Sản lượng chè búp tươi',
    'Đạt 2.400 tấn trở lên, trong đó chè đạt chứng nhận VietGAP 600 tấn.',
    'Cơ quan chủ trì: Bộ phận Kinh tế.',
    'B. NHÓM CHỈ TIÊU VĂN HÓA - XÃ HỘI',
    'Chỉ tiêu 4. Bảo hiểm y tế',
    'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 96% trở lên.',
    'Đơn vị chủ trì: Trạm Y tế xã; đơn vị phối hợp: Bưu điện văn hóa xã.',
  ]

  it('reads no goal from the lines of who leads and who helps, nor from the headings', () => {
    const d = draft(items)
    expect(d.indicators.filter((i) => /chủ trì|phối hợp|Bộ phận|Trạm Y tế xã/u.test(`${i.value.name} ${i.value.source ?? ''}`))).toEqual([])
    expect(d.indicators.filter((i) => i.value.target?.kind === 'yes_no')).toEqual([])
  })

  it('names a statement that is only a level by its heading', () => {
    const d = draft(items)
    expect(bySource(d, /^Tăng từ 7%/u)[0]?.value).toMatchObject({ target: { kind: 'growth', percent: 7 } })
    expect(bySource(d, /^Tăng từ 7%/u)[0]?.value.name).toMatch(/thu ngân sách/iu)
    const tea = bySource(d, /2\.400 tấn/u)[0]?.value
    expect(tea).toMatchObject({ target: { kind: 'at_least', value: 2400 } })
    expect(tea?.name).toMatch(/sản lượng chè/iu)
  })

  it('gives the crop the heading names to the statement\'s measures that name none, the yield derived', () => {
    const d = draft(items)
    const yieldRow = d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')?.value
    expect(yieldRow?.target).toEqual({ kind: 'derived', value: 48 })
    expect(yieldRow?.name).toMatch(/ngô/iu)
  })

  it('leaves a heading naming a field, not a crop, to the line\'s own crop', () => {
    const d = draft(['a) Sản xuất nông nghiệp', '- Lạc vụ Xuân: gieo trồng 120 ha, năng suất bình quân 25 tạ/ha, sản lượng 300 tấn.'])
    expect(d.indicators.find((i) => i.value.unitOfMeasure === 'tạ/ha')?.value.name).not.toMatch(/nông nghiệp/iu)
  })
})
