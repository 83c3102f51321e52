// Drafting a plan from its document (issue 13): a plan typed in the VNI-Times font (VNI-Windows) and
// copied as text (held-out set 197). Hand-written sentences, typed here in Unicode and turned into
// VNI as a copy out of an old .doc gives them: a base letter then one character for its marks (none
// taken from the set).
import { describe, expect, it } from 'vitest'
import { readPlanDocument, TCVN3_NOTE, VNI_NOTE } from '../../src/server/planDraft/readDocument'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { fromLegacyFont, legacyFontOf } from '../../src/shared/planDraft/legacyFont'
import { sourcesAsRead } from '../../src/shared/planDraft/score'
import { lineFromVni } from '../../src/shared/planDraft/vni'
import { bySource, planHead, planWithList } from './planDraftText'

/** The tone marks' characters, in the order sắc, huyền, hỏi, ngã, nặng, by combining mark. */
const TONE = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']
const AFTER_VOWEL = 'ùøûõï'
const AFTER_CIRCUMFLEX = 'áàåãä'
const AFTER_BREVE = 'éèúüë'
const I_TONED = 'íìæóò'

/** One Unicode letter as VNI-Windows writes it (Windows-1252 characters), small. */
function vniSmall(ch: string): string {
  if (ch === 'đ') return 'ñ'
  const nfd = ch.normalize('NFD')
  const base = nfd[0]!
  const marks = nfd.slice(1)
  const tone = TONE.findIndex((t) => marks.includes(t))
  if (!'aeiouy'.includes(base)) return ch
  if (base === 'i') return tone < 0 ? 'i' : I_TONED[tone]!
  if (base === 'y' && tone === 4) return 'î'
  const toneChar = tone < 0 ? '' : AFTER_VOWEL[tone]!
  if (marks.includes('\u031b')) return (base === 'o' ? 'ô' : 'ö') + toneChar
  if (marks.includes('\u0302')) return base + (tone < 0 ? 'â' : AFTER_CIRCUMFLEX[tone]!)
  if (marks.includes('\u0306')) return base + (tone < 0 ? 'ê' : AFTER_BREVE[tone]!)
  return base + toneChar
}

/** Unicode typed in VNI-Times and copied: a capital's marks are the capital characters. */
function vni(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const small = ch.toLowerCase()
    const v = vniSmall(small)
    out += ch === small ? v : v.toUpperCase()
  }
  return out
}

const PLAN = planWithList({
  head: planHead('Long Hưng', '07', '12 tháng 01', 2026),
  year: 2026,
  items: [
    'Diện tích gieo trồng lúa cả năm đạt 5.400 ha trở lên.',
    'Đàn vịt đạt 48.000 con; sản lượng thủy sản nuôi trồng đạt 1.250 tấn.',
    'Thu nhập bình quân đầu người đạt 64 triệu đồng/người/năm.',
    'Tỷ lệ hộ dân sử dụng nước hợp vệ sinh đạt 99,5%.',
    'Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn.',
  ],
})

describe('a plan typed in VNI-Times and copied as Latin-1 characters', () => {
  it('writes VNI as the font does (the test\'s own encoder)', () => {
    expect(vni('KẾ HOẠCH')).toBe('KEÁ HOAÏCH')
    expect(vni('Độc lập - Tự do - Hạnh phúc')).toBe('Ñoäc laäp - Töï do - Haïnh phuùc')
    expect(vni('ỦY BAN NHÂN DÂN; nghĩa; người; đặc sản; ỵ; khuỷu; cứng')).toBe('UÛY BAN NHAÂN DAÂN; nghóa; ngöôøi; ñaëc saûn; î; khuyûu; cöùng')
  })

  it('converts every letter: tones, circumflex and breve marks, ơ ư đ, the toned i and ỵ, capitals', () => {
    const vowels = ['a á à ả ã ạ', 'ă ắ ằ ẳ ẵ ặ', 'â ấ ầ ẩ ẫ ậ', 'e é è ẻ ẽ ẹ', 'ê ế ề ể ễ ệ', 'i í ì ỉ ĩ ị', 'o ó ò ỏ õ ọ', 'ô ố ồ ổ ỗ ộ', 'ơ ớ ờ ở ỡ ợ', 'u ú ù ủ ũ ụ', 'ư ứ ừ ử ữ ự', 'y ý ỳ ỷ ỹ ỵ', 'đ']
    for (const row of vowels) {
      expect(lineFromVni(vni(row))).toBe(row)
      expect(lineFromVni(vni(row.toUpperCase()))).toBe(row.toUpperCase())
    }
    expect(lineFromVni(vni('Số lượng trường học đạt chuẩn quốc gia mức độ 2'))).toBe('Số lượng trường học đạt chuẩn quốc gia mức độ 2')
    expect(lineFromVni(vni('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'))).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    // (The result is NFC: "ơ" + "ù" is the one letter "ớ".)
    expect(lineFromVni('Quôùi').normalize('NFC')).toBe(lineFromVni('Quôùi'))
  })

  it('drafts the converted text: the draft shows Unicode and its spans point into it', () => {
    const d = draftPlan(vni(PLAN))
    expect(d.text).toContain('Thu nhập bình quân đầu người đạt 64 triệu đồng/người/năm')
    expect(d.text).not.toMatch(/[ñöøûïäåëæüî]/u)
    expect(d.header.title?.value).toMatch(/^Phát động phong trào thi đua năm 2026/u)
    expect(bySource(d, /gieo trồng lúa/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 5400 })
    expect(bySource(d, /người\/năm/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 64 })
    expect(bySource(d, /hợp vệ sinh/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 99.5 })
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toContain(i.value.source ?? '')
    // The same plan typed in Unicode drafts the same targets.
    const unicode = draftPlan(PLAN)
    expect(d.indicators.map((i) => i.value.target)).toEqual(unicode.indicators.map((i) => i.value.target))
  })

  it('converts only the VNI lines of a copy that mixes Unicode lines with a VNI body', () => {
    const [head, ...body] = PLAN.split('II. NỘI DUNG')
    const mixed = `${head}${vni(`II. NỘI DUNG${body.join('')}`)}`
    expect(fromLegacyFont(mixed)).toEqual({ text: PLAN, font: 'VNI' })
    // (A Unicode line whose only marked letters are Latin-1 ones stays: "à" after "C" marks no vowel.)
    const place = 'Cà Mau, ngày 12/01/2026'
    expect(fromLegacyFont(`${vni(PLAN)}\n${place}\n`).text).toBe(`${PLAN}\n${place}\n`)
  })

  it.each([
    ['a plan in Unicode', PLAN],
    ['an English and French text', 'The café serves a crème brûlée; a naïve Noël in Hanoï, maïs, aïeul and Citroën.\nMüller, Señor Núñez, España and Zoë. Où est la forêt?\n'],
    ['a Unicode plan with a stray "ô" and a brand', `${PLAN}\nGhi chú: mẫu ô vuông; Café Trung Nguyên; Nestlé; Müller.\n`],
    ['a German paragraph', 'Die Gemeinde plant für das Jahr 2026 größere Flächen, höhere Erträge und mehr Bäume; Müller über Straße, schön und grün.'],
    ['an accent-free Vietnamese line with Latin-1 names', 'Ke hoach thi dua nam 2026 xa Binh An; Noël, Zoë, Loïc, naïve.'],
  ])('never converts %s', (_, text) => {
    expect(legacyFontOf(text)).toBeUndefined()
    expect(fromLegacyFont(text)).toEqual({ text })
  })

  it('tells VNI from TCVN3', () => {
    expect(legacyFontOf(vni(PLAN))).toBe('VNI')
    // (TCVN3: "®¹t" for "đạt", "h\u00adíng" for "hướng".)
    expect(legacyFontOf('KÕ HO¹CH\n- S¶n l\u00adîng lóa ®¹t 3.260 tÊn; ®µn tr©u 1.200 con.\n')).toBe('TCVN3')
  })

  it('is linear on a long text', () => {
    // (No timing asserted: a 2 MB VNI text is converted in one pass.)
    const long = vni('- Tỷ lệ hộ nghèo giảm 1,5% so với cuối năm 2025; trồng mới 12 ha dừa. ').repeat(25_000)
    expect(fromLegacyFont(long).text.length).toBeGreaterThan(1_500_000)
    expect(fromLegacyFont(long).font).toBe('VNI')
  })
})

describe('the officer is told, and the score compares in Unicode', () => {
  it('notes the conversion for a VNI text only', async () => {
    const typed = await readPlanDocument(Buffer.from(vni(PLAN), 'utf8'))
    expect(typed.ok && typed.notes).toEqual([VNI_NOTE])
    expect(VNI_NOTE).not.toBe(TCVN3_NOTE)
    const plain = await readPlanDocument(Buffer.from(PLAN, 'utf8'))
    expect(plain.ok && plain.notes).toEqual([])
  })

  it('reads a hand-made plan\'s VNI sources through the same conversion', () => {
    const source = vni('Đàn vịt đạt 48.000 con')
    const expected = { indicators: [{ code: 'VIT', name: 'Đàn vịt', source } as never] }
    expect(sourcesAsRead(expected, vni(PLAN)).indicators[0]).toMatchObject({ source: 'Đàn vịt đạt 48.000 con' })
    expect(sourcesAsRead(expected, PLAN)).toBe(expected)
  })
})
