// Drafting a plan from its document (issue 13): a plan in UTF-8 once opened as Windows-1252 and
// saved again, mojibake (held-out set 229). Hand-written sentences, typed here in Unicode and turned
// into mojibake as such a save gives them: each UTF-8 byte as its cp1252 character, the five bytes
// cp1252 cannot map as the C1 control character of the same code (none taken from the set).
import { describe, expect, it } from 'vitest'
import { CP1252_NOTE, readPlanDocument, TCVN3_NOTE, VNI_NOTE } from '../../src/server/planDraft/readDocument'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { fromLegacyFont, legacyFontOf, lineFromLegacyFont } from '../../src/shared/planDraft/legacyFont'
import { sourcesAsRead } from '../../src/shared/planDraft/score'
import { bySource, planHead, planWithList } from './planDraftText'

/** cp1252's characters for bytes 0x80–0x9F (the five it cannot map as C1 control characters). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Unicode saved as UTF-8, opened as Windows-1252 and saved again. */
function mojibake(text: string): string {
  let out = ''
  for (const b of new TextEncoder().encode(text)) out += b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80]! : String.fromCharCode(b)
  return out
}

const PLAN = planWithList({
  head: planHead('Tân Lập', '05', '15 tháng 01', 2026),
  year: 2026,
  items: [
    'Diện tích gieo trồng ngô cả năm đạt 640 ha trở lên, năng suất 48 tạ/ha.',
    'Tổng đàn dê duy trì 3.200 con; trồng mới 45 ha keo.',
    'Thu nhập bình quân đầu người đạt 41 triệu đồng/người/năm.',
    'Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng giảm xuống dưới 15%.',
    'Đảm bảo an ninh chính trị, trật tự an toàn xã hội; không để xảy ra cháy rừng.',
  ],
})

describe('a UTF-8 plan opened as Windows-1252 and saved again', () => {
  it('writes mojibake as such a save does (the test\'s own encoder)', () => {
    expect(mojibake('Kế hoạch; đạt; trở lên')).toBe('Káº¿ hoáº¡ch; Ä‘áº¡t; trá»Ÿ lÃªn')
    expect(mojibake('Đợt; Áo; họp; và')).toBe('Ä\u0090á»£t; Ã\u0081o; há»\u008dp; vÃ\u00a0')
  })

  it('converts every letter, small and capital, and the punctuation beyond ASCII', () => {
    const vowels = ['a á à ả ã ạ', 'ă ắ ằ ẳ ẵ ặ', 'â ấ ầ ẩ ẫ ậ', 'e é è ẻ ẽ ẹ', 'ê ế ề ể ễ ệ', 'i í ì ỉ ĩ ị', 'o ó ò ỏ õ ọ', 'ô ố ồ ổ ỗ ộ', 'ơ ớ ờ ở ỡ ợ', 'u ú ù ủ ũ ụ', 'ư ứ ừ ử ữ ự', 'y ý ỳ ỷ ỹ ỵ', 'đ']
    for (const row of vowels) {
      expect(lineFromLegacyFont(mojibake(row), 'CP1252')).toBe(row)
      expect(lineFromLegacyFont(mojibake(row.toUpperCase()), 'CP1252')).toBe(row.toUpperCase())
    }
    expect(lineFromLegacyFont(mojibake('Nhà văn hóa “Thôn Mới” – đạt ≥ 90%…'), 'CP1252')).toBe('Nhà văn hóa “Thôn Mới” – đạt ≥ 90%…')
    // (A text in NFD, its tone marks apart, comes back as NFC.)
    expect(lineFromLegacyFont(mojibake('Thửa ruộng'.normalize('NFD')), 'CP1252')).toBe('Thửa ruộng')
  })

  it('drafts the converted text: the draft shows Unicode and its spans point into it', () => {
    const d = draftPlan(mojibake(PLAN))
    expect(d.text).toContain('Thu nhập bình quân đầu người đạt 41 triệu đồng/người/năm')
    expect(d.text).not.toMatch(/Ã[\u0080-\u00bf]|Ä‘|á»/u)
    expect(d.header.title?.value).toMatch(/^Phát động phong trào thi đua năm 2026/u)
    expect(bySource(d, /gieo trồng ngô/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 640 })
    expect(bySource(d, /người\/năm/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 41 })
    expect(bySource(d, /suy dinh dưỡng/u)[0]?.value.target).toMatchObject({ kind: 'at_most', value: 15 })
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toContain(i.value.source ?? '')
    // The same plan in Unicode drafts the same targets.
    expect(d.indicators.map((i) => i.value.target)).toEqual(draftPlan(PLAN).indicators.map((i) => i.value.target))
  })

  it('converts only the mojibake lines of a copy that mixes clean lines', () => {
    const [head, ...body] = PLAN.split('II. NỘI DUNG')
    const mixed = `${head}${mojibake(`II. NỘI DUNG${body.join('')}`)}`
    expect(fromLegacyFont(mixed)).toEqual({ text: PLAN, font: 'CP1252' })
    // (A clean line whose only marked letters are Latin-1 ones stays.)
    const place = 'Cà Mau, ngày 15/01/2026'
    expect(fromLegacyFont(`${mojibake(PLAN)}\n${place}\n`).text).toBe(`${PLAN}\n${place}\n`)
  })

  it('reads a copy whose no-break spaces became spaces ("vÃ  " for "và ", "HOáº CH" for "HOẠCH")', () => {
    const spaced = mojibake(PLAN).replace(/\u00a0/gu, ' ').replace(/ +$/gmu, '')
    expect(spaced).toContain('HOáº CH')
    expect(fromLegacyFont(spaced)).toEqual({ text: PLAN, font: 'CP1252' })
    expect(lineFromLegacyFont('Ä‘Æ¡n vá»‹ vÃ', 'CP1252')).toBe('đơn vị và')
  })

  it.each([
    ['a plan in Unicode', PLAN],
    ['a Latin-1 French and German text', 'Le café de la forêt: crème brûlée, naïve Noël à Hanoï; Müller, Straße, größere Flächen, schön, Señor Núñez, Zoë.\n'],
    ['a Unicode plan with symbols after capitals', `${PLAN}\nGhi chú: CÀ PHÊ “VÌ”; MÃ SỐ Â°; ÔNG LÊ BÁ«; Ê€\n`],
    ['a French text once saved as mojibake', 'Le cafÃ© est situÃ© prÃ¨s de la forÃªt; une crÃ¨me brÃ»lÃ©e, trÃ¨s Ã©tÃ©.\n'],
    ['a TCVN3 text', 'KÕ HO¹CH\n- S¶n l\u00adîng lóa ®¹t 3.260 tÊn; ®µn tr©u 1.200 con; x· héi; h\u00adíng dÉn thùc hiÖn.\n'],
    ['a VNI text', 'KEÁ HOAÏCH\n- Saûn löôïng luùa ñaït 3.260 taán; ñaøn traâu 1.200 con; Ñoäc laäp - Töï do - Haïnh phuùc.\n'],
  ])('never reads %s as mojibake', (_, text) => {
    expect(legacyFontOf(text)).not.toBe('CP1252')
  })

  it('leaves a Unicode or Latin-1 text as it is', () => {
    for (const text of [PLAN, 'Le café de la forêt; Müller, Straße; Ã©tÃ©.\n']) expect(fromLegacyFont(text)).toEqual({ text })
  })

  it('is linear on a long text', () => {
    // (No timing asserted: a 2 MB text is converted in one pass, and so is a 1 MB line.)
    const long = mojibake('- Tỷ lệ hộ nghèo giảm 1,5% so với cuối năm 2025; trồng mới 12 ha quế. ').repeat(25_000)
    expect(long.length).toBeGreaterThan(2_000_000)
    expect(fromLegacyFont(long).font).toBe('CP1252')
    expect(fromLegacyFont(long).text).not.toMatch(/Ã|á»/u)
    expect(lineFromLegacyFont('Ã'.repeat(1_000_000), 'CP1252')).toHaveLength(1_000_000)
  })
})

describe('the officer is told, and the score compares in Unicode', () => {
  it('notes the conversion for a mojibake text only', async () => {
    const saved = await readPlanDocument(Buffer.from(mojibake(PLAN), 'utf8'))
    expect(saved.ok && saved.notes).toEqual([CP1252_NOTE])
    expect(new Set([CP1252_NOTE, TCVN3_NOTE, VNI_NOTE]).size).toBe(3)
    const plain = await readPlanDocument(Buffer.from(PLAN, 'utf8'))
    expect(plain.ok && plain.notes).toEqual([])
  })

  it('reads a hand-made plan\'s mojibake sources through the same conversion', () => {
    const source = mojibake('Tổng đàn dê duy trì 3.200 con')
    const expected = { indicators: [{ code: 'DE', name: 'Tổng đàn dê', source } as never] }
    expect(sourcesAsRead(expected, mojibake(PLAN)).indicators[0]).toMatchObject({ source: 'Tổng đàn dê duy trì 3.200 con' })
    expect(sourcesAsRead(expected, PLAN)).toBe(expected)
  })
})
