// Drafting a plan from its document (issue 13), set 255: a plan dictated into a phone and kept as
// the speech-to-text transcript. One line per dictation burst, no stops; parts, items and bullets
// said aloud ("phần hai các chỉ tiêu", "a về kinh tế", "một mục đích", "gạch đầu dòng"), "phẩy" for
// the decimal comma, "héc ta", units "per" said "trên", fillers ("à", "thì"), a figure taken back
// aloud ("92 à không 93"), the document's number with its codes apart. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'

/** A transcript of a plan: its head, the purposes numbered aloud, the targets' part, the duties and the signer. */
const transcript = (...targets: string[]): string =>
  [
    'ủy ban nhân dân tỉnh Lâm đồng ủy ban nhân dân xã Đạ tông',
    'số 08 KH UBND',
    'Đạ tông ngày 12 tháng 1 năm 2027',
    'kế hoạch phát động phong trào thi đua năm 2027',
    '',
    'phần một mục đích yêu cầu',
    'một mục đích',
    'gạch đầu dòng động viên cán bộ và nhân dân thi đua hoàn thành các chỉ tiêu năm 2027',
    'hai yêu cầu',
    'gạch đầu dòng thi đua thiết thực hiệu quả tránh hình thức',
    '',
    'phần hai các chỉ tiêu thi đua',
    ...targets,
    '',
    'phần ba tổ chức thực hiện',
    'một văn phòng ủy ban nhân dân xã theo dõi tổng hợp kết quả',
    'hai các thôn đăng ký thi đua trước ngày 10 tháng 2 năm 2027',
    'TM ủy ban nhân dân chủ tịch',
    'ka sô ha bin',
  ].join('\n')

describe('a plan kept as the transcript of its dictation', () => {
  it('reads its parts, items and bullets said aloud as the headings and items they are', () => {
    const text = normalizeText(transcript('a về kinh tế', 'thu ngân sách đạt 5 phẩy 6 tỷ đồng trở lên', 'b về xã hội', 'tỷ lệ hộ nghèo giảm 1 phẩy 5 phần trăm so với cuối năm 2026'))
    const lines = text.split('\n')
    expect(lines).toContain('I. Mục đích yêu cầu')
    expect(lines).toContain('1. Mục đích')
    expect(lines).toContain('2. Yêu cầu')
    expect(lines).toContain('- thi đua thiết thực hiệu quả tránh hình thức')
    expect(lines).toContain('II. Các chỉ tiêu thi đua')
    expect(lines).toContain('a) Về kinh tế')
    expect(lines).toContain('b) Về xã hội')
    expect(lines).toContain('1. Văn phòng ủy ban nhân dân xã theo dõi tổng hợp kết quả')
    // Each dictated line stands alone: none is joined to the one before for want of a stop.
    expect(lines).toContain('thu ngân sách đạt 5,6 tỷ đồng trở lên')
    expect(lines).toContain('tỷ lệ hộ nghèo giảm 1,5% so với cuối năm 2026')
  })

  it('reads the document number said with its codes apart and the signer said in lower case', () => {
    const d = draftPlan(transcript('thu ngân sách đạt 5 phẩy 6 tỷ đồng trở lên', 'trồng mới 40 héc ta cà phê'))
    expect(d.header.number?.value).toBe('08/KH-UBND')
    expect(d.header.signedBy?.value).toBe('Ka Sô Ha Bin')
  })

  it('drafts its targets, the crop run on in one line cut into its area, yield and output', () => {
    const d = draftPlan(
      transcript(
        'a về kinh tế',
        'tổng diện tích cây chè à đạt 420 héc ta trong đó',
        'gạch đầu dòng chè búp diện tích 400 héc ta năng suất 95 tạ trên héc ta sản lượng 3.800 tấn',
        'thu nhập bình quân đầu người thì đạt 52 triệu đồng trên người trên năm',
        'b về xã hội',
        'tỷ lệ hộ nghèo giảm 1 phẩy 5 phần trăm so với cuối năm 2026',
        'tỷ lệ người dân tham gia bảo hiểm y tế đạt 92 à không 93 phần trăm trở lên',
        'giải quyết việc làm cho 120 lao động tỷ lệ lao động qua đào tạo đạt 60 phần trăm',
        'duy trì 4 trên 4 trường đạt chuẩn quốc gia',
        'không để xảy ra cháy rừng số vụ tai nạn giao thông không quá hai vụ',
      ),
    )
    expect(d.indicators.map((i) => [i.value.unitOfMeasure, i.value.target])).toEqual([
      ['ha', { kind: 'at_least', value: 420 }],
      ['ha', { kind: 'at_least', value: 400 }],
      ['tạ/ha', { kind: 'derived', value: 95 }],
      ['tấn', { kind: 'at_least', value: 3800 }],
      ['triệu đồng/người/năm', { kind: 'rate_at_least', value: 52 }],
      ['%', { kind: 'reduce_by', amount: 1.5 }],
      ['%', { kind: 'rate_at_least', value: 93 }],
      ['lao động', { kind: 'at_least', value: 120 }],
      ['%', { kind: 'rate_at_least', value: 60 }],
      ['đạt/không đạt', { kind: 'yes_no' }],
      ['vụ', { kind: 'at_most', value: 2, strict: false }],
      ['đạt/không đạt', { kind: 'yes_no' }],
    ])
  })

  it('keeps "trong đó" with the figure before it: the parts after it are the whole\'s', () => {
    const d = draftPlan(transcript('a về kinh tế', 'trồng rừng mới 120 héc ta trong đó rừng gỗ lớn 30 héc ta tỷ lệ che phủ rừng đạt 55 phẩy 4%', 'b về xã hội', 'duy trì 4 trên 4 trường đạt chuẩn quốc gia'))
    expect(d.indicators.map((i) => [i.value.target, i.value.partOf !== undefined])).toEqual([
      [{ kind: 'at_least', value: 120 }, false],
      [{ kind: 'at_least', value: 30 }, true],
      [{ kind: 'rate_at_least', value: 55.4 }, false],
      [{ kind: 'yes_no' }, false],
    ])
  })
})

describe('a written plan', () => {
  const written = [
    'ỦY BAN NHÂN DÂN XÃ TÂN HƯNG',
    'Số: 07/KH-UBND',
    'Tân Hưng, ngày 12 tháng 01 năm 2027',
    'KẾ HOẠCH',
    'Phát động phong trào thi đua năm 2027',
    'Phần thứ nhất',
    'MỤC ĐÍCH, YÊU CẦU',
    'Phần thứ hai',
    'CÁC CHỈ TIÊU',
    '- Tỷ lệ hộ nghèo giảm 1,5 phần trăm thì tỷ lệ hộ cận nghèo giảm',
    'còn dưới 4 phần trăm.',
    '- Diện tích lúa 58 phẩy 5 héc ta; năng suất 60 tạ/ha.',
  ].join('\n')

  it('is no transcript for its "Phần thứ hai" and "phần trăm": its wrapped lines join, its words stay', () => {
    const lines = normalizeText(written).split('\n')
    expect(lines).toContain('- Tỷ lệ hộ nghèo giảm 1,5% thì tỷ lệ hộ cận nghèo giảm còn dưới 4%.')
  })

  it('still reads "phẩy" between digits as the decimal comma and "héc ta" after a figure as ha', () => {
    expect(normalizeText(written).split('\n')).toContain('- Diện tích lúa 58,5 ha; năng suất 60 tạ/ha.')
  })
})
