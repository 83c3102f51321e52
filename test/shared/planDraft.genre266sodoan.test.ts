// Drafting a plan from its document (issue 13), set 266: a plan copied from an e-office system's draft
// review view, which numbers every paragraph for reviewers to cite ("0036  - Trồng rừng …", an empty
// paragraph a bare "0007", "  [Góp ý: 1]" at a commented paragraph's end), framed by the view's header
// (system, user, breadcrumb, version) and followed by its comment panel, whose proposed figures are no
// targets. The numbers and markers are no words of the plan; the frame and the panel are no part of
// it. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'
import { numberedParagraphs } from '../../src/shared/planDraft/paragraphNumbers'

const plan = [
  'ỦY BAN NHÂN DÂN',
  'XÃ TÂN AN',
  'Số: 05/KH-UBND',
  'Tân An, ngày 08 tháng 01 năm 2027',
  '',
  'KẾ HOẠCH',
  'Phát động phong trào thi đua năm 2027',
  '',
  'Năm 2026 toàn xã trồng 310 ha rừng, số hộ nghèo còn 64 hộ.',
  'I. CHỈ TIÊU THI ĐUA',
  '1. Về kinh tế',
  '- Trồng rừng tập trung 350 ha trở lên.  [Góp ý: 1]',
  '- Sản lượng lương thực đạt 4.200 tấn.',
  '2. Về xã hội',
  '- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.  [Góp ý: 2]',
  '- Giảm ít nhất 12 hộ nghèo.',
  '',
  'II. TỔ CHỨC THỰC HIỆN',
  'Văn phòng UBND xã theo dõi, tổng hợp.',
]

/** The plan as the view shows it, each paragraph numbered by `mark` (an empty one its mark alone). */
const view = (mark: (n: number) => string, sep = '  '): string =>
  [
    'HỆ THỐNG QUẢN LÝ VĂN BẢN VÀ ĐIỀU HÀNH - XÃ TÂN AN',
    'Xin chào: Lê Văn Bình | Văn phòng UBND | Đăng xuất',
    'Trang chủ > Dự thảo văn bản > Xem nội dung (đánh số đoạn)',
    'Phiên bản: 02 | Số đoạn: 0019 | Góp ý: 3',
    '==========================',
    ...plan.map((p, i) => (p === '' ? mark(i + 1) : `${mark(i + 1)}${sep}${p}`)),
    '==========================',
    'GÓP Ý DỰ THẢO (3)',
    '[Đoạn 0012] Trần Văn Hải - Phòng Kinh tế - 05/01/2027 09:10',
    'Đề nghị nâng chỉ tiêu trồng rừng từ 320 ha lên 350 ha.',
    'Trạng thái: Đã tiếp thu.',
    '[Đoạn 0015] Phạm Thị Hoa - Trạm Y tế - 06/01/2027 10:00',
    'Đề nghị hạ chỉ tiêu xuống 93%.',
    'Trạng thái: Không tiếp thu.',
    'Tải bản Word | Tải bản PDF | Quay lại',
  ].join('\n')

const padded = (width: number) => (n: number): string => String(n).padStart(width, '0')
const targets = [
  { kind: 'at_least', value: 350 },
  { kind: 'at_least', value: 4200 },
  { kind: 'rate_at_least', value: 95 },
  { kind: 'reduce_by', amount: 12, baseline: 64 },
]

describe('a plan copied from a paragraph-numbered draft view', () => {
  it('reads as its own paragraphs: no numbers, no markers, no frame, no comment panel', () => {
    const t = normalizeText(view(padded(4)))
    expect(t.split('\n')[0]).toBe('ỦY BAN NHÂN DÂN')
    expect(t).toContain('\nI. CHỈ TIÊU THI ĐUA\n1. Về kinh tế\n- Trồng rừng tập trung 350 ha trở lên.\n')
    expect(t).toContain('\n- Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.\n')
    expect(t).not.toMatch(/\b00\d\d\b|Góp ý|Xin chào|Trang chủ|Đề nghị|Quay lại/u)
  })

  it('drafts the plan\'s targets alone, none from the paragraph numbers or the proposals', () => {
    const d = draftPlan(view(padded(4)))
    expect(d.indicators.map((i) => i.value.target)).toEqual(targets)
    for (const i of d.indicators) expect(i.value.source).not.toMatch(/\b00\d\d\b|Góp ý/u)
  })

  it('reads other systems\' numbering: three or five digits, "[36]", "¶36"', () => {
    for (const mark of [padded(3), padded(5), (n: number) => `[${padded(4)(n)}]`, (n: number) => `[${n}]`, (n: number) => `¶${n}`]) {
      const d = draftPlan(view(mark, mark(1).startsWith('[') ? ' ' : '  '))
      expect(d.indicators.map((i) => i.value.target)).toEqual(targets)
    }
  })

  it('leaves a list of footnotes and a table numbered "001" as they are', () => {
    const notes = ['- Sản lượng lúa đạt 7.000 tấn[1].', '', ...Array.from({ length: 9 }, (_, i) => `[${i + 1}] Năm 2026 đạt ${6000 + i} tấn.`)]
    expect(numberedParagraphs(notes)).toEqual(notes)
    const rows = ['STT  Chỉ tiêu  ĐVT  Kế hoạch', ...Array.from({ length: 10 }, (_, i) => `${padded(3)(i + 1)}  Chỉ tiêu ${i + 1}  ha  ${100 + i}`)]
    expect(numberedParagraphs(rows)).toEqual(rows)
  })
})
