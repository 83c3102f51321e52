// Drafting a plan from its document (issue 13), set 271: a PDF whose bold type was faked by drawing
// each glyph twice (an old virtual printer, a font with no bold face), saved as text by the PDF
// reader, so that every character of a bold run comes out twice, its spaces included ("KKẾẾ
// HHOOẠẠCCHH", "sản lượng đạt 11..225500  ttấấnn;"). The runs are read once, in a text that shows
// several of them; a text's own doubled characters ("100", "XXII", "0011", "**II**") stay.
// Hand-written sentences.
import { describe, expect, it } from 'vitest'
import type { Plan } from '../../src/shared/model'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { sourcesAsRead } from '../../src/shared/planDraft/score'

/** A run set in synthetic bold, as the PDF reader writes it: every character twice. */
const bold = (s: string): string => [...s].map((c) => c + c).join('')

const head = [
  'UBND HUYỆN TAM ĐƯỜNG',
  bold('ỦY BAN NHÂN DÂN XÃ BẢN GIANG'),
  'Số: 07/KH-UBND',
  bold('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'),
  bold('Độc lập - Tự do - Hạnh phúc'),
  'Bản Giang, ngày 12 tháng 01 năm 2025',
  '',
  bold('KẾ HOẠCH'),
  bold('Phát động phong trào thi đua năm 2025'),
  '',
]

describe('a PDF with synthetic bold saved as text', () => {
  it('reads the doubled runs once: headings, run-in labels, figures, whole lines', () => {
    const t = normalizeText([
      ...head,
      `${bold('I. CHỈ TIÊU THI ĐUA')}`,
      `${bold('1. Về kinh tế')}`,
      `- ${bold('Trồng trọt:')} diện tích lúa 310 ha; sản lượng lương thực đạt ${bold('1.250 tấn')}; chè 85 ha.`,
      `- Tỷ lệ che phủ rừng đạt ${bold('52,5%')}.`,
      `- Tỷ lệ hộ nghèo giảm từ ${bold('2 - 3%')} so với cuối năm 2024.`,
      `- ${bold('Giữ vững an ninh chính trị, trật tự an toàn xã hội.')}`,
      `- Thưởng ${bold('1.000.000 đồng')}/tập thể.`,
    ].join('\n'))
    expect(t).toContain('\nỦY BAN NHÂN DÂN XÃ BẢN GIANG\n')
    expect(t).toContain('\nKẾ HOẠCH\n')
    expect(t).toContain('\nI. CHỈ TIÊU THI ĐUA\n1. Về kinh tế\n')
    expect(t).toContain('\n- Trồng trọt: diện tích lúa 310 ha; sản lượng lương thực đạt 1.250 tấn; chè 85 ha.\n')
    expect(t).toContain('\n- Tỷ lệ che phủ rừng đạt 52,5%.\n')
    expect(t).toContain('\n- Tỷ lệ hộ nghèo giảm từ 2 - 3% so với cuối năm 2024.\n')
    expect(t).toContain('\n- Giữ vững an ninh chính trị, trật tự an toàn xã hội.\n')
    expect(t).toContain('\n- Thưởng 1.000.000 đồng/tập thể.')
  })

  it("leaves the text's own doubled characters in such a text", () => {
    const t = normalizeText([
      ...head,
      bold('I. CHỈ TIÊU THI ĐUA'),
      '- Hoàn thành 100% chỉ tiêu giao quân; thu ngân sách 2.000 triệu đồng, bằng 10000 phần nghìn.',
      '- Quán triệt Nghị quyết Đại hội XXII của Đảng bộ tỉnh; đoạn 0011 của dự thảo.',
      '- Tổ chức giải bóng đá tại thôn Tuyên Quang, thôn Noong Luông.',
    ].join('\n'))
    expect(t).toContain('100% chỉ tiêu giao quân; thu ngân sách 2.000 triệu đồng, bằng 10000 phần nghìn.')
    expect(t).toContain('Đại hội XXII của Đảng bộ tỉnh; đoạn 0011 của dự thảo.')
    expect(t).toContain('thôn Tuyên Quang, thôn Noong Luông.')
  })

  it('drafts the targets whose figures or lines were bold', () => {
    const d = draftPlan([
      ...head,
      bold('I. CHỈ TIÊU THI ĐUA'),
      `- ${bold('Cây lúa:')} sản lượng lúa đạt ${bold('1.250 tấn')}.`,
      `- Tỷ lệ che phủ rừng đạt ${bold('52,5%')}.`,
      `- Thu nhập bình quân đầu người đạt ${bold('38 triệu đồng/người/năm')}.`,
      `- ${bold('Không để xảy ra cháy rừng.')}`,
    ].join('\n'))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 1250 },
      { kind: 'rate_at_least', value: 52.5 },
      { kind: 'rate_at_least', value: 38 },
      { kind: 'yes_no' },
    ])
    expect(d.indicators[3]!.value.source).toBe('Không để xảy ra cháy rừng')
    expect(d.indicators[0]!.value.source).toContain('sản lượng lúa đạt 1.250 tấn')
  })

  it('compares hand-made sources copied from such a text as read', () => {
    const text = [...head, `- ${bold('Không để xảy ra cháy rừng.')}`].join('\n')
    const plan = { indicators: [{ source: bold('Không để xảy ra cháy rừng') }] } as unknown as Pick<Plan, 'indicators'>
    expect(sourcesAsRead(plan, text).indicators[0]!.source).toBe('Không để xảy ra cháy rừng')
  })
})

describe('a well-typed plan', () => {
  it('keeps a doubled run or two that are its own, with no evidence of doubled type', () => {
    const lines = [
      'KẾ HOẠCH',
      '**II. CHỈ TIÊU THI ĐUA**',
      '| **II** | **Văn hóa - xã hội** | | |',
      '- Tỷ lệ hộ nghèo giảm 0,8%; HHOOAANN  TTHHAANNHH (tên đội văn nghệ).',
      '19   Số thôn đạt danh hiệu thôn văn hóa   thôn   10/11  11/11',
    ]
    const t = normalizeText(lines.join('\n'))
    expect(t).toContain('HHOOAANN TTHHAANNHH')
    expect(t).toContain('II. CHỈ TIÊU THI ĐUA')
    expect(t).toContain('10/11 11/11')
  })
})
