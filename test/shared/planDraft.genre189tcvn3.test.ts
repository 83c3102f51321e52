// Drafting a plan from its document (issue 13): a plan typed in the TCVN3 (ABC) font, .VnTime, and
// copied as text (held-out set 189). Hand-written sentences, typed here in Unicode and turned into
// TCVN3 as a copy out of an old .doc gives them (none taken from the set).
import { describe, expect, it } from 'vitest'
import { readPlanDocument, TCVN3_NOTE } from '../../src/server/planDraft/readDocument'
import { draftPlan } from '../../src/shared/planDraft/extract'
import { sourcesAsRead } from '../../src/shared/planDraft/score'
import { fromLegacyFont, legacyFontOf } from '../../src/shared/planDraft/legacyFont'
import { lineFromTcvn3 } from '../../src/shared/planDraft/tcvn3'
import { bySource, planHead, planWithList } from './planDraftText'

/** The letters of TCVN3 by their byte, as a copy gives them: the Latin-1 character of that code. */
const CODES: Record<string, number> = {
  Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, ă: 0xa8, â: 0xa9, ê: 0xaa, ô: 0xab, ơ: 0xac, ư: 0xad, đ: 0xae,
  à: 0xb5, ả: 0xb6, ã: 0xb7, á: 0xb8, ạ: 0xb9, ằ: 0xbb, ẳ: 0xbc, ẵ: 0xbd, ắ: 0xbe, ặ: 0xc6, ầ: 0xc7, ẩ: 0xc8, ẫ: 0xc9, ấ: 0xca, ậ: 0xcb,
  è: 0xcc, ẻ: 0xce, ẽ: 0xcf, é: 0xd0, ẹ: 0xd1, ề: 0xd2, ể: 0xd3, ễ: 0xd4, ế: 0xd5, ệ: 0xd6, ì: 0xd7, ỉ: 0xd8, ĩ: 0xdc, í: 0xdd, ị: 0xde,
  ò: 0xdf, ỏ: 0xe1, õ: 0xe2, ó: 0xe3, ọ: 0xe4, ồ: 0xe5, ổ: 0xe6, ỗ: 0xe7, ố: 0xe8, ộ: 0xe9, ờ: 0xea, ở: 0xeb, ỡ: 0xec, ớ: 0xed, ợ: 0xee,
  ù: 0xef, ủ: 0xf1, ũ: 0xf2, ú: 0xf3, ụ: 0xf4, ừ: 0xf5, ử: 0xf6, ữ: 0xf7, ứ: 0xf8, ự: 0xf9, ỳ: 0xfa, ỷ: 0xfb, ỹ: 0xfc, ý: 0xfd, ỵ: 0xfe,
}

/** Unicode typed in .VnTime and copied: a capital with a tone mark by its small letter's code. */
function tcvn3(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = CODES[ch] ?? CODES[ch.toLowerCase()]
    out += code !== undefined ? String.fromCharCode(code) : ch
  }
  return out
}

const PLAN = planWithList({
  head: planHead('Nà Cang', '05', '10 tháng 01', 2026),
  year: 2026,
  items: [
    'Sản lượng lương thực có hạt đạt 2.480 tấn trở lên.',
    'Trồng mới 95 ha rừng sản xuất; tỷ lệ che phủ rừng đạt 71,5%.',
    'Thu nhập bình quân đầu người đạt 36 triệu đồng/người/năm.',
    'Tỷ lệ người dân tham gia bảo hiểm y tế đạt 97% trở lên.',
    'Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn.',
  ],
})

describe('a plan typed in TCVN3 and copied as Latin-1 characters', () => {
  it('converts the letters, the soft hyphen "ư" and the capitals of .VnTimeH', () => {
    expect(lineFromTcvn3(tcvn3('Số lượng trường học đạt chuẩn'))).toBe('Số lượng trường học đạt chuẩn')
    // (Capitals with a tone mark arrive as small letters: a word in capitals is raised whole.)
    expect(tcvn3('ỦY BAN NHÂN DÂN HUYỆN')).toBe('ñY BAN NH¢N D¢N HUYÖN')
    expect(lineFromTcvn3(tcvn3('ỦY BAN NHÂN DÂN HUYỆN'))).toBe('ỦY BAN NHÂN DÂN HUYỆN')
    expect(lineFromTcvn3(tcvn3('IV. TỔ CHỨC THỰC HIỆN'))).toBe('IV. TỔ CHỨC THỰC HIỆN')
    // ("Số:" before "05/KH" stays "Số"; "ủy" opening a sentence is "Ủy", .VnTime having no capital for it.)
    expect(lineFromTcvn3(tcvn3('Số: 05/KH-UBND'))).toBe('Số: 05/KH-UBND')
    expect(lineFromTcvn3('ñy ban nh©n d©n x· ban hµnh. ñy ban MTTQ tham gia.')).toBe('Ủy ban nhân dân xã ban hành. Ủy ban MTTQ tham gia.')
  })

  it('drafts the converted text: the draft shows Unicode and its spans point into it', () => {
    const d = draftPlan(tcvn3(PLAN))
    expect(d.text).toContain('Sản lượng lương thực có hạt đạt 2.480 tấn trở lên')
    expect(d.text).not.toMatch(/[¹®µ\u00AD]/u)
    expect(d.header.title?.value).toMatch(/^Phát động phong trào thi đua năm 2026/u)
    expect(bySource(d, /lương thực/u)[0]?.value.target).toEqual({ kind: 'at_least', value: 2480 })
    expect(bySource(d, /người\/năm/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 36 })
    expect(bySource(d, /bảo hiểm y tế/u)[0]?.value.target).toEqual({ kind: 'rate_at_least', value: 97 })
    for (const i of d.indicators) expect(d.text.slice(i.source.start, i.source.end)).toContain(i.value.source ?? '')
    // The same plan typed in Unicode drafts the same targets.
    const unicode = draftPlan(PLAN)
    expect(d.indicators.map((i) => i.value.target)).toEqual(unicode.indicators.map((i) => i.value.target))
  })

  it('converts only the TCVN3 lines of a copy that mixes a Unicode header with a TCVN3 body', () => {
    const [head, ...body] = PLAN.split('II. NỘI DUNG')
    const mixed = `${head}${tcvn3(`II. NỘI DUNG${body.join('')}`)}`
    expect(fromLegacyFont(mixed)).toEqual({ text: PLAN, font: 'TCVN3' })
  })

  it.each([
    ['a plan in Unicode', PLAN],
    ['an English text with brands', 'Microsoft® Office and Windows® are used in all offices.\nCopyright © 2024 Ứng dụng.\nAdd ½ cup of water; Müller, Señor Núñez and Straße.\n'],
    ['a Unicode plan with a stray sign', `${PLAN}\nGhi chú: mẫu © Sở Nội vụ; tỷ lệ ½ số hộ; VietGAP® và “Nông sản sạch”.\n`],
    ['a German paragraph', 'Die Gemeinde plant für das Jahr 2026 größere Flächen, höhere Erträge und mehr Bäume; Müller über Straße.'],
    ['an accent-free Vietnamese line with a sign', 'Ke hoach thi dua nam 2026 ® xa Binh An (ban © UBND)'],
  ])('never converts %s', (_, text) => {
    expect(legacyFontOf(text)).toBeUndefined()
    expect(fromLegacyFont(text)).toEqual({ text })
  })

  it('is linear on a long text', () => {
    // (No timing asserted: a 2 MB TCVN3 text is converted in one pass.)
    const long = tcvn3('- Tỷ lệ hộ nghèo giảm 1,5% so với cuối năm 2025; trồng mới 12 ha chè. ').repeat(30_000)
    const read = fromLegacyFont(long)
    expect(read.font).toBe('TCVN3')
    expect(read.text.length).toBeGreaterThan(1_000_000)
  })
})

describe('the officer is told, and the score compares in Unicode', () => {
  it('notes the conversion for a TCVN3 text only', async () => {
    const typed = await readPlanDocument(Buffer.from(tcvn3(PLAN), 'utf8'))
    expect(typed.ok && typed.notes).toEqual([TCVN3_NOTE])
    const plain = await readPlanDocument(Buffer.from(PLAN, 'utf8'))
    expect(plain.ok && plain.notes).toEqual([])
  })

  it('reads a hand-made plan\'s TCVN3 sources through the same conversion', () => {
    const source = tcvn3('Thu nhập bình quân đầu người đạt 36 triệu đồng/người/năm')
    const expected = { indicators: [{ code: 'TN', name: 'Thu nhập bình quân', source } as never] }
    expect(sourcesAsRead(expected, tcvn3(PLAN)).indicators[0]).toMatchObject({ source: 'Thu nhập bình quân đầu người đạt 36 triệu đồng/người/năm' })
    expect(sourcesAsRead(expected, PLAN)).toBe(expected)
  })
})
