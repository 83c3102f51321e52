// Drafting a plan from its document (issue 13): the rules added after held-out set 106, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Phú Lễ', '07', '12 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a list whose names and levels are set apart by leader dots', () => {
  const list = [
    'A. NHÓM CHỈ TIÊU VỀ KINH TẾ',
    '1. Thu ngân sách trên địa bàn .............................. 14,2 tỷ đồng trở lên',
    '2. Cây ngô cả năm:',
    '   - Diện tích gieo trồng ............................. 420 ha',
    '   - Năng suất bình quân .............................. 55 tạ/ha',
    '   - Sản lượng ........................................ 2.310 tấn',
    '3. Tổng đàn lợn …… ổn định 9.000 con',
    '4. Số hộ được công nhận gia đình văn hóa ...... 05 hộ',
    'B. NHÓM CHỈ TIÊU VỀ XÃ HỘI',
    '5. Tỷ lệ hộ nghèo ......................................... dưới 2%',
    '6. Cháy rừng ............................................... không để xảy ra',
  ]

  it('reads each line as its name and its level, a target', () => {
    const d = draft(list)
    expect(bySource(d, /ngân sách/u)[0]?.value).toMatchObject({ unitOfMeasure: 'tỷ đồng', target: { kind: 'at_least', value: 14.2 } })
    expect(bySource(d, /đàn lợn/u)[0]?.value).toMatchObject({ unitOfMeasure: 'con', aggregation: 'stock', target: { kind: 'at_least', value: 9000 } })
    expect(bySource(d, /hộ nghèo/u)[0]?.value.target).toEqual({ kind: 'at_most', value: 2, strict: true })
    expect(bySource(d, /Cháy rừng/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    // (No level is drafted without its name, nor a name as a goal of its own.)
    expect(d.indicators.filter((i) => /^\d|^không để/u.test(i.value.source ?? ''))).toEqual([])
    expect(d.indicators.filter((i) => i.value.target?.kind === 'yes_no').map((i) => i.value.source)).toEqual([expect.stringMatching(/^Cháy rừng/u)])
  })

  it('reads a crop label\'s lines as the crop\'s area, yield and output, the yield computed', () => {
    const d = draft(list)
    expect(bySource(d, /420 ha/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 420 })
    expect(bySource(d, /2\.310 tấn/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 2310 })
    expect(bySource(d, /55 tạ\/ha/u)[0]?.value.target).toEqual({ kind: 'derived', value: 55 })
  })

  it('keeps a group lettered in capitals apart from the item before it', () => {
    const d = draft(list)
    expect(bySource(d, /05 hộ/u)[0]?.value.source).not.toMatch(/NHÓM|\sB$/u)
    // (So on a long line without a stop, which a capital would otherwise carry on.)
    const long = draft(['A. NHÓM CHỈ TIÊU VỀ MÔI TRƯỜNG', '1. Trồng mới rừng phòng hộ ven biển trên các cồn cát của xã đạt 25 ha', 'B. NHÓM CHỈ TIÊU VỀ AN NINH', '2. Tỷ lệ thôn không có ma túy đạt 80%'])
    expect(bySource(long, /25 ha/u)[0]?.value.source).toMatch(/25 ha$/u)
  })

  it('leaves a sentence\'s elision and a form\'s blanks as they are', () => {
    const prose = 'Tổ chức các hoạt động văn nghệ, thể dục thể thao... góp phần nâng cao đời sống tinh thần.'
    expect(normalizeText(prose)).toBe(prose)
    expect(normalizeText('Ngày ..... tháng ..... năm 2026')).toBe('Ngày ..... tháng ..... năm 2026')
    expect(normalizeText('Tên thôn: ..........')).toBe('Tên thôn: ..........')
  })

  it('reads a 1 MB line of leader dots in linear time', () => {
    // (Its time is measured by hand beside the drafter's other long lines, not asserted here.)
    expect(normalizeText(`Sản lượng ${'.'.repeat(1_000_000)} 12 tấn`)).toBe('Sản lượng: 12 tấn')
    expect(normalizeText(`Sản lượng ${'. '.repeat(500_000)}`).length).toBeGreaterThan(0)
  })
})

describe('a yield stated beside its crop\'s area and output, the crop named above them', () => {
  it('computes the yield over the harvested part where the figures say so', () => {
    const d = draft([
      'a) Cây cam:',
      '+ Diện tích hiện có: 300 ha;',
      '+ Trong đó diện tích cho thu hoạch: 240 ha;',
      '+ Năng suất bình quân: 150 tạ/ha;',
      '+ Sản lượng: 3.600 tấn.',
    ])
    const y = bySource(d, /150 tạ\/ha/u)[0]?.value
    expect(y?.target).toEqual({ kind: 'derived', value: 150 })
    const harvested = bySource(d, /240 ha/u)[0]?.value
    expect(y?.formula).toMatch(new RegExp(`/ ${harvested?.code}$`, 'u'))
    // (The trees in bearing are a part of the standing orchard: a level, not summed over the quarters.)
    expect(harvested?.aggregation).toBe('stock')
  })

  it('leaves a yield whose neighbours do not give it as stated', () => {
    const d = draft(['a) Cây lúa:', '+ Diện tích gieo cấy: 500 ha;', '+ Năng suất bình quân: 60 tạ/ha;', '+ Sản lượng: 2.000 tấn.'])
    expect(bySource(d, /60 tạ\/ha/u)[0]?.value.target?.kind).not.toBe('derived')
  })
})

describe('a grid table with rule lines between its rows', () => {
  const rule = '+----+-------------------------------+--------+-----------+-----------+'
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`
  const table = [
    rule,
    row(['TT', 'Chỉ tiêu                     ', 'ĐVT   ', 'Ước TH 2025', 'KH 2026        ']),
    rule.replace(/-/gu, '='),
    row(['1 ', 'Cây sắn                       ', '      ', '           ', '               ']),
    rule,
    row(['  ', '- Diện tích                   ', 'ha    ', '300        ', '320            ']),
    rule,
    row(['  ', '- Năng suất bình quân         ', 'tạ/ha ', '180        ', '190            ']),
    rule,
    row(['  ', '- Sản lượng                   ', 'tấn   ', '5.400      ', '6.080          ']),
    rule,
    row(['2 ', 'Số thôn đạt chuẩn văn hóa     ', 'thôn  ', '10/14      ', '12/14          ']),
    rule,
    row(['3 ', 'Số vụ trộm cắp tài sản        ', 'vụ    ', '15         ', 'Giảm ít nhất 3 vụ']),
    rule,
    row(['4 ', 'Cháy nổ tại khu dân cư        ', 'vụ    ', '02         ', 'Không để xảy ra']),
    rule,
  ]

  it('reads the plan column, not last year\'s, in every row', () => {
    const d = draft(table)
    expect(bySource(d, /trộm cắp/u).map((i) => i.value.target)).toEqual([{ kind: 'at_most', value: 12, strict: false }])
    expect(bySource(d, /Cháy nổ/u).map((i) => i.value.target)).toEqual([{ kind: 'yes_no' }])
    expect(bySource(d, /thôn đạt chuẩn/u).map((i) => i.value.target)).toEqual([{ kind: 'at_least', value: 12 }])
    expect(bySource(d, /Năng suất/u).map((i) => i.value.target)).toEqual([{ kind: 'derived', value: 190 }])
  })

  it('draws no row from a rule line', () => {
    expect(normalizeText([rule, row(['1', 'Trồng rừng', 'ha', '20', '25']), rule].join('\n'))).toBe('| 1 | Trồng rừng | ha | 20 | 25 |')
  })
})
