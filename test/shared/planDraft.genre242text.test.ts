// Drafting a plan from its document (issue 13): the rules added after held-out set 242, each on
// hand-written sentences in the language of commune plans (none taken from the set).
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { bySource, listDrafter, planHead } from './planDraftText'

const HEAD = planHead('Tân Mỹ', '09', '15 tháng 01', 2026)
const draft = listDrafter(HEAD)

describe('a web page\'s copy with invisible characters and full-width forms', () => {
  it('reads a figure through zero-width spaces, a word joiner and soft hyphens', () => {
    const d = draft(['- Sản\u00AD lượng chè búp tươi đạt 3.4\u200B50 tấn trở\u2060 lên.'])
    expect(bySource(d, /chè/u)[0]?.value).toMatchObject({ unitOfMeasure: 'tấn', target: { kind: 'at_least', value: 3450 } })
    expect(normalizeText('Đạt 9\u200B5% trở\u2060 lên.')).toBe('Đạt 95% trở lên.')
  })
  it('reads full-width digits and signs as ASCII', () => {
    const d = draft(['- Trồng mới ít nhất ４５ ha quế.', '- Tỷ lệ hộ dùng nước hợp vệ sinh đạt ９８％ trở lên.'])
    expect(bySource(d, /quế/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 45 })
    expect(bySource(d, /nước hợp vệ sinh/u)[0]?.value).toMatchObject({ unitOfMeasure: '%', target: { kind: 'rate_at_least', value: 98 } })
  })
  it('keeps the Vietnamese letters as they are', () => {
    expect(normalizeText('Thôn Nà Pàn đạt ９０％.')).toBe('Thôn Nà Pàn đạt 90%.')
  })
})

describe('a PDF\'s text layer drawn one letter at a time', () => {
  it('joins a letter-spaced heading into its words', () => {
    expect(normalizeText('I V .  C Á C  C H Ỉ  T I Ê U  C H Ủ  Y Ế U')).toBe('IV. CÁC CHỈ TIÊU CHỦ YẾU')
    expect(normalizeText('2 .  M ô i  t r ư ờ n g')).toBe('2. Môi trường')
  })
  it.each(['a b c', 'N. V. A', 'A B C D', 'x y'])('leaves "%s" as it is', (line) => {
    expect(normalizeText(line)).toBe(line)
  })
  it('reads the targets under letter-spaced headings in their fields', () => {
    const d = draftPlan(`${HEAD}I I .  C H Ỉ  T I Ê U  T H I  Đ U A
1 .  X ã  h ộ i
+ 12/12 thôn giữ vững danh hiệu Thôn văn hóa.
2 .  Q u ố c  p h ò n g  -  a n  n i n h
+ Giữ vững ổn định an ninh nông thôn, không để phát sinh khiếu kiện đông người.
I I I .  T Ổ  C H Ứ C  T H Ự C  H I Ệ N
- Các thôn đăng ký thi đua trước ngày 31/01/2026.
`)
    expect(bySource(d, /Thôn văn hóa/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
    expect(bySource(d, /khiếu kiện/u)[0]?.value.target).toEqual({ kind: 'yes_no' })
  })
})

describe('words broken by a stray space', () => {
  it('joins the pieces of a word of the plan vocabulary', () => {
    expect(normalizeText('- Năng suất chè đ ạt 120 tạ/ha, s ản lư ợng 960 tấn trên diệ n tích 80 ha.')).toBe('- Năng suất chè đạt 120 tạ/ha, sản lượng 960 tấn trên diện tích 80 ha.')
  })
  it('leaves two words that are words alone', () => {
    // ("tổ ng" is no "tổng": "tổ" is a word alone; "ng ười" is "người", in a copy broken elsewhere too.)
    expect(normalizeText('- Sản lượng chè đ ạt 960 tấn.\n- Mỗi tổ ng ười dân đóng góp.')).toBe('- Sản lượng chè đạt 960 tấn.\n- Mỗi tổ người dân đóng góp.')
    expect(normalizeText('- Xây 2 nhà ở cho hộ khó khăn.')).toBe('- Xây 2 nhà ở cho hộ khó khăn.')
  })
})

describe('a spreadsheet\'s cells showing a formula or an error', () => {
  const table = [
    'Sản lượng cà phê nhân đạt 2.860 tấn; tỷ lệ hộ nghèo còn dưới 1,5%.',
    'TT\tChỉ tiêu\tĐVT\tThực hiện 2025\tKế hoạch 2026',
    '1\tDiện tích cà phê\tha\t2.150\t2.200',
    '2\tSản lượng cà phê nhân\ttấn\t2.700\t=E5*13/10',
    '3\tTỷ lệ hộ nghèo\t%\t2,3\t#REF!',
    '4\tSố vụ cháy rừng\tvụ\t3\t=D8-3',
    '5\tTổng đàn bò\tcon\t#N/A\t1.900',
  ]
  it('reads no figure out of a formula or an error, and the prose\'s target stands', () => {
    const d = draft(table)
    expect(d.indicators.map((i) => i.value.target)).not.toContainEqual(expect.objectContaining({ value: 13 }))
    expect(bySource(d, /=|#/u)).toEqual([])
    expect(bySource(d, /2\.860 tấn/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 2860 })
    expect(bySource(d, /Tổng đàn bò/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 1900 })
    expect(bySource(d, /Số vụ cháy rừng/u)).toEqual([])
  })
  it('reads the cell empty in the text', () => {
    expect(normalizeText('| 3 | Tỷ lệ hộ nghèo | % | 2,3 | #DIV/0! | 1,8 |')).toBe('| 3 | Tỷ lệ hộ nghèo | % | 2,3 | | 1,8 |')
  })
})
