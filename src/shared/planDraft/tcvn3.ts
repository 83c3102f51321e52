// A plan typed in an old Vietnamese font of the TCVN3 (ABC) code, .VnTime / .VnTimeH, and copied as
// text (issue 13): every Vietnamese letter arrives as the Latin-1 character of its TCVN3 byte
// ("KÕ HO¹CH", "x· héi", "®¹t 3.260 tÊn"; "ư" is byte AD, the soft hyphen U+00AD, so "l­îng" looks
// like "lîng"). An old .doc copied out of Word, a .docx whose runs use .VnTime (mammoth gives the same
// characters) or a text file saved from either. The drafter reads such a text as Unicode (NFC),
// converted here with the TCVN3 table, one place (normalize.ts calls it before anything else reads
// the text; the server notes the conversion; the scorer compares hand-made TCVN3 sources through it).
//
// Detection must be sound: a Unicode plan, an English text, a text with a stray "®", "©" or "½" is
// never converted. The evidence is the words that hold a character TCVN3 uses for a letter and
// Unicode Vietnamese never does ("¹", "®", "µ", the soft hyphen…): converted, each must read as one
// Vietnamese syllable ("H¹nh" → "Hạnh", "®¹t" → "đạt"); a brand "Windows®", a name "Müller" or
// "Señor" does not ("Windowsđ", "Mữller"). The text is TCVN3 when three such words at least read as
// syllables and those that do not are few. It is then converted line by line, except the lines that
// hold a Unicode Vietnamese letter ("ư", "ạ", "đ"…): a copy may mix a Unicode header with a TCVN3 body,
// and such a line is already Unicode. Linear: one pass per line, a table lookup per character, a
// bounded pattern per short word.
//
// VNI (VNI-Times: a letter followed by its marks as characters of their own) is another code, read by
// ./vni.ts with the same tests; ./legacyFont.ts decides which code a text is in and converts it, once.

import { type Evidence, type Verdict, evidenceOf, SYLLABLE_RE, TONES_RE, wordsOf } from './fontEvidence'
import { upperFirst } from './lines'

/** TCVN3 byte (as the Latin-1 character of that code) → the Unicode letter, small. */
const TABLE: Readonly<Record<number, string>> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ', 0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ',
  0xc6: 'ặ', 0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ', 0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ',
  0xd0: 'é', 0xd1: 'ẹ', 0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ', 0xd7: 'ì', 0xd8: 'ỉ',
  0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị', 0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ', 0xe5: 'ồ',
  0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ', 0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ', 0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ',
  0xf9: 'ự', 0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
}

/** By code, 0–255: the letter, or undefined. */
const BY_CODE: readonly (string | undefined)[] = Array.from({ length: 256 }, (_, c) => TABLE[c])

/**
 * The Latin-1 letters Unicode Vietnamese writes itself (à á â ã è é ê ì í ò ó ô õ ù ú ý and their
 * capitals): where TCVN3 uses one of their codes ("è" is TCVN3's "ố"), the character is no evidence.
 */
const UNICODE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ'].map((c) => c.charCodeAt(0)))

/** A TCVN3 letter code that Unicode Vietnamese never writes: the evidence. */
const telling = (code: number): boolean => code < 256 && BY_CODE[code] !== undefined && !UNICODE_LATIN1.has(code)

const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
/** A character of a TCVN3 word: an ASCII letter or a letter code of the table. */
const inWord = (code: number): boolean => isAsciiLetter(code) || (code < 256 && BY_CODE[code] !== undefined)

/** By code, 0–255: a table letter small and without its tone mark ("ạ" → "a", "Ơ" → "ơ"), and whether it had one. */
const BARE: readonly (readonly [string, boolean] | undefined)[] = BY_CODE.map((l) => {
  if (l === undefined) return undefined
  const nfd = l.toLowerCase().normalize('NFD')
  const toneless = nfd.replace(TONES_RE, '')
  return [toneless.normalize('NFC'), toneless.length !== nfd.length] as const
})

/** The TCVN3 word, converted, reads as one Vietnamese syllable with one tone mark at most. */
function syllable(word: string): boolean {
  if (word.length > 8) return false
  let bare = ''
  let tones = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    const b = code < 256 ? BARE[code] : undefined
    if (b !== undefined) {
      bare += b[0]
      if (b[1]) tones++
    } else bare += word[i]!.toLowerCase()
  }
  return tones <= 1 && SYLLABLE_RE.test(bare)
}

/** Each TCVN3 letter code of the word as its letter (small, or the capital the table gives). */
function convertWord(word: string): string {
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    out += (code < 256 ? BY_CODE[code] : undefined) ?? word[i]!
  }
  return out
}

/** A telling word's verdict: it tells if it holds a character Unicode Vietnamese never writes. */
function verdict(word: string): Verdict {
  if (word.length < 2) return undefined
  let tells = false
  for (let i = 0; i < word.length && !tells; i++) tells = telling(word.charCodeAt(i))
  return !tells ? undefined : syllable(word) ? 'syllable' : 'other'
}

/** The words of a text in TCVN3 that tell (a character Unicode Vietnamese never writes), weighed. */
export function tcvn3Evidence(text: string): Evidence {
  return evidenceOf(text, inWord, verdict)
}

/**
 * A word's capitals (.VnTimeH, the capitals' font, writes a capital with a tone mark by its small
 * letter's code: "HUYÖN", "KÕ HO¹CH", "ñY BAN"): the converted small letters are capitals when the
 * word's other letters are capitals, two at least ("HUYỆN"), or one ("KÕ", "ñY") next to a word in
 * capitals with only a space between ("KẾ HOẠCH", "ỦY BAN"; not "Sè: 07/KH", "Số").
 */
function capitals(words: { at: number; word: string; text: string; converted: boolean }[], line: string): void {
  const caps = (w: { word: string }): { upper: number; lower: number } => {
    let upper = 0
    let lower = 0
    for (let i = 0; i < w.word.length; i++) {
      const code = w.word.charCodeAt(i)
      // (A table letter counts when it is a capital, Ă … Đ; a small one is what is decided.)
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0xa1 && code <= 0xa7)) upper++
      else if (code >= 0x61 && code <= 0x7a) lower++
    }
    return { upper, lower }
  }
  const counts = words.map(caps)
  // Where a line's first word stands, after its spaces and a bullet ("- ñy ban").
  const lead = /^\s*(?:[-+•]\s+)?/u.exec(line)![0].length
  const spaced = (a: number, b: number): boolean => /^ +$/u.test(line.slice(words[a]!.at + words[a]!.word.length, words[b]!.at))
  const allCaps = (i: number): boolean => counts[i]!.lower === 0 && counts[i]!.upper >= 2
  words.forEach((w, i) => {
    if (!w.converted) return
    const { upper, lower } = counts[i]!
    const raise = lower === 0 && upper > 0 && (upper >= 2 || (i > 0 && allCaps(i - 1) && spaced(i - 1, i)) || (i + 1 < words.length && allCaps(i + 1) && spaced(i, i + 1)))
    if (raise) w.text = w.text.toUpperCase()
    // A sentence's first letter with a tone mark, which .VnTime has no capital for ("ñy ban" at a
    // line's start or after ". ": "Ủy ban"); one without ("®", "¬") was typed small on purpose.
    else if (upper === 0 && (w.at === lead || (w.at >= 2 && /[.!?] $/u.test(line.slice(w.at - 2, w.at)))) && TONED_SMALL.has(w.word.charCodeAt(0))) w.text = upperFirst(w.text)
  })
}

/** The small letters with a tone mark: their capitals have no TCVN3 code. */
const TONED_SMALL = new Set(Object.keys(TABLE).map(Number).filter((c) => c >= 0xb5))

/** One line converted from TCVN3 (no test whether it is TCVN3: ./legacyFont.ts decides for the text). */
export function lineFromTcvn3(line: string): string {
  const words: { at: number; word: string; text: string; converted: boolean }[] = []
  for (const { at, word } of wordsOf(line, inWord)) {
    const text = convertWord(word)
    words.push({ at, word, text, converted: text !== word })
  }
  if (!words.some((w) => w.converted)) return line
  capitals(words, line)
  let out = ''
  let from = 0
  for (const w of words) {
    out += line.slice(from, w.at) + w.text
    from = w.at + w.word.length
  }
  return (out + line.slice(from)).normalize('NFC')
}

