// Drafting a plan from its document (issue 13), set 261: a Word document saved as RTF and opened as
// text, its markup left whole or in part ("{\rtf1…", "\pard\qc", "\par" at line ends, "\tab" before
// paragraphs, "{\b …}" headings, braces around runs, "\'hh" and "\uN?" escapes): the markup goes in
// one linear walk before anything else reads the text, and the drafted sources fall on the words
// of the text as read. Hand-written sentences.
import { describe, expect, it } from 'vitest'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { normalizeText } from '../../src/shared/planDraft/normalize'

/** A plan's lines as a Word RTF file writes them, opened in a plain editor. */
const rtf = (lines: string[], opening = '{\\rtf1\\ansi\\ansicpg1258\\deff0{\\fonttbl{\\f0\\froman Times New Roman;}}{\\colortbl ;\\red0\\green0\\blue0;}'): string =>
  `${opening}\n\\viewkind4\\uc1\\pard\\qc\\f0\\fs26 ${lines.map((l) => `${l}\\par`).join('\n')}\n}\n`

const head = [
  '{\\b ỦY BAN NHÂN DÂN XÃ TÂN PHÚ}',
  'Số: 09/KH-UBND',
  '\\pard\\qr {\\i Tân Phú, ngày 12 tháng 01 năm 2027}',
  '\\pard\\qc {\\b KẾ HOẠCH}',
  '{\\b Phát động phong trào thi đua năm 2027}',
  '\\pard\\qj',
  '{\\b I. CHỈ TIÊU THI ĐUA}',
]

describe('a plan saved as RTF and opened as text', () => {
  it('reads as its paragraphs, the markup and the header tables gone', () => {
    const t = normalizeText(rtf([...head, '\\tab - Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.\\tab', '\\tab - Diện tích lúa đạt 1.200 ha; {trong đó lúa chất lượng cao 800 ha}.']))
    expect(t).not.toMatch(/\\|[{}]|Times New Roman|red0/u)
    expect(t).toContain('\nI. CHỈ TIÊU THI ĐUA\n')
    expect(t).toContain('\n- Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.\n')
    expect(t).toContain('\n- Diện tích lúa đạt 1.200 ha; trong đó lúa chất lượng cao 800 ha.')
  })

  it('drafts its targets, a part in braces among them, with sources on the words as read', () => {
    const d = draftPlan(rtf([...head, '\\tab - Diện tích lúa đạt 1.200 ha; {trong đó diện tích lúa chất lượng cao đạt 800 ha trở lên}.', '\\tab - Tỷ lệ hộ nghèo giảm 0,5% so với cuối năm 2026.', '\\tab - Tỷ lệ người dân tham gia bảo hiểm y tế đạt 95% trở lên.']))
    expect(d.indicators.map((i) => i.value.target)).toEqual([
      { kind: 'at_least', value: 1200 },
      { kind: 'at_least', value: 800 },
      { kind: 'reduce_by', amount: 0.5 },
      { kind: 'rate_at_least', value: 95 },
    ])
    expect(d.indicators[1]!.value.partOf).toBe(d.indicators[0]!.value.code)
    for (const i of d.indicators) {
      expect(i.value.source).not.toMatch(/\\|[{}]/u)
      expect(d.text).toContain(i.value.source)
    }
  })

  it('reads escaped letters: "\\\'hh" in the file\'s code page, "\\uN" with its fallback skipped', () => {
    const t = normalizeText(rtf([...head, "\\tab - Ty\\'d2 l\\'ea\\'f2 h\\'f4\\'f2 ngh\\'e8o gia\\'d2m 0,5%.", "\\tab - \\u272?\\u7841?t 95% tr\\u7903\\'3f l\\u234?n."]))
    expect(t).toContain('\n- Tỷ lệ hộ nghèo giảm 0,5%.\n')
    expect(t).toContain('\n- Đạt 95% trở lên.')
  })

  it('reads a copy that lost its opening, told by its "\\par" marks alone', () => {
    const t = normalizeText(['KẾ HOẠCH\\par', '\\pard\\qj {\\b 1. Chỉ tiêu}\\par', '\\tab - Sản lượng lúa đạt 7.000 tấn.\\par', '\\tab - Trồng mới 3 ha rừng.\\par', ''].join('\n'))
    expect(t).toContain('1. Chỉ tiêu\n- Sản lượng lúa đạt 7.000 tấn.\n- Trồng mới 3 ha rừng.')
  })

  it('leaves a text without such marks as it is', () => {
    expect(normalizeText('- Đường dẫn C:\\par\\tab trong báo cáo {ghi chú}.\n')).toContain('{ghi chú}')
  })
})
