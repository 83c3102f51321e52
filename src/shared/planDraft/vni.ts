// A plan typed in an old Vietnamese font of the VNI code, VNI-Times (VNI-Windows), and copied as text
// (issue 13): the font writes a Vietnamese letter as its base letter followed by one character for
// its marks, and a copy gives each byte as its Windows-1252 (Latin-1) character: "KEÁ HOAÏCH" for
// "KẾ HOẠCH", "Ñoäc laäp - Töï do" for "Độc lập - Tự do", "saûn löôïng" for "sản lượng". The code:
// - a tone after a, e, o, u, y, ơ or ư: sắc "ù", huyền "ø", hỏi "û", ngã "õ", nặng "ï" (capitals
//   "Ù Ø Û Õ Ï"): "aù" á, "yõ" ỹ, "öï" ự;
// - a circumflex after a, e, o, alone or with its tone: "â á à å ã ä" (capitals "Â Á À Å Ã Ä"):
//   "eâ" ê, "oä" ộ, "EÁ" Ế;
// - a breve after a, alone or with its tone: "ê é è ú ü ë" (capitals "Ê É È Ú Ü Ë"): "aê" ă, "aë" ặ;
// - letters of one character: ơ "ô", ư "ö", đ "ñ", í ì ỉ ĩ ị "í ì æ ó ò", ỵ "î" (capitals "Ô Ö Ñ Í
//   Ì Æ Ó Ò Î").
// The drafter reads such a text as Unicode (NFC), converted here, the one place being ./legacyFont.ts
// (normalize.ts calls it before anything else reads the text; the server notes the conversion; the
// scorer compares hand-made VNI sources through it).
//
// Detection must be sound, as for TCVN3 (./tcvn3.ts): a Unicode plan, an English or French text,
// "Müller", "café", "naïve" or a stray "ô" is never converted. Many VNI characters are letters
// Unicode Vietnamese writes itself ("á" is VNI's circumflex with sắc, "ô" its "ơ"): they are no
// evidence. The evidence is the words holding a character Unicode Vietnamese never writes ("ñ", "ö",
// "ø", "û", "ï", "ä", "å", "ë", "æ", "ü", "î" and their capitals): each must read, converted, as
// one Vietnamese syllable, every mark character after a vowel it can mark ("ñaït" → "đạt"; "Müller",
// a breve after "u", does not; "naïve" → "nạve" is no syllable). The text is VNI when three such
// words at least read as syllables and those that do not are few. It is then converted line by line,
// except the lines that hold a Unicode Vietnamese letter outside Latin-1 ("ư", "ạ", "đ"…), which are
// Unicode already, and a line with no telling character where a mark character follows no vowel it
// can mark ("Cà Mau, ngày …": Unicode whose only marked letters are Latin-1 ones). Linear: one pass
// per line, a table lookup per character.

import { type Evidence, type Verdict, evidenceOf, unicodeLine, vietnameseSyllable, wordsOf } from './fontEvidence'

const ACUTE = '\u0301'
const GRAVE = '\u0300'
const HOOK = '\u0309'
const TILDE = '\u0303'
const DOT = '\u0323'
const CIRCUMFLEX = '\u0302'
const BREVE = '\u0306'

/** A mark character: the marks it adds (NFD) and the small base letters it may follow. */
interface Mark {
  marks: string
  after: string
}

const TONE_BASES = 'aeouyơư'
const SMALL_MARKS: Record<string, Mark> = {
  ù: { marks: ACUTE, after: TONE_BASES },
  ø: { marks: GRAVE, after: TONE_BASES },
  û: { marks: HOOK, after: TONE_BASES },
  õ: { marks: TILDE, after: TONE_BASES },
  ï: { marks: DOT, after: TONE_BASES },
  â: { marks: CIRCUMFLEX, after: 'aeo' },
  á: { marks: CIRCUMFLEX + ACUTE, after: 'aeo' },
  à: { marks: CIRCUMFLEX + GRAVE, after: 'aeo' },
  å: { marks: CIRCUMFLEX + HOOK, after: 'aeo' },
  ã: { marks: CIRCUMFLEX + TILDE, after: 'aeo' },
  ä: { marks: CIRCUMFLEX + DOT, after: 'aeo' },
  ê: { marks: BREVE, after: 'a' },
  é: { marks: BREVE + ACUTE, after: 'a' },
  è: { marks: BREVE + GRAVE, after: 'a' },
  ú: { marks: BREVE + HOOK, after: 'a' },
  ü: { marks: BREVE + TILDE, after: 'a' },
  ë: { marks: BREVE + DOT, after: 'a' },
}

/** The letters VNI writes with one character of their own, small (the capitals are theirs raised). */
const SMALL_LETTERS: Record<string, string> = { ô: 'ơ', ö: 'ư', ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' }

/** Base letter + mark character → the letter (NFC), small and capital: "a" + "ù" → "á", "E" + "Á" → "Ế". */
const COMPOSED = new Map<string, string>()
/** By character: the letter it stands for, when VNI writes a letter with it alone. */
const LETTERS = new Map<string, string>()
/** The characters VNI writes (a mark or a letter of its own), small and capital. */
const VNI_CHARS = new Set<string>()
for (const [ch, { marks, after }] of Object.entries(SMALL_MARKS)) {
  for (const base of after) {
    const letter = (base + marks).normalize('NFC')
    COMPOSED.set(base + ch, letter)
    // (A capital's mark is the capital character; a mark of the other case is taken as well.)
    COMPOSED.set(base + ch.toUpperCase(), letter)
    COMPOSED.set(base.toUpperCase() + ch.toUpperCase(), letter.toUpperCase())
    COMPOSED.set(base.toUpperCase() + ch, letter.toUpperCase())
  }
  VNI_CHARS.add(ch).add(ch.toUpperCase())
}
for (const [ch, letter] of Object.entries(SMALL_LETTERS)) {
  LETTERS.set(ch, letter).set(ch.toUpperCase(), letter.toUpperCase())
  VNI_CHARS.add(ch).add(ch.toUpperCase())
}

/** The VNI characters Unicode Vietnamese never writes: the evidence. */
const TELLING = new Set([...'ñöøûïäåëæüî'].flatMap((c) => [c, c.toUpperCase()]))

/** A character of a word: an ASCII letter or a Latin-1 letter (VNI's characters among them). */
const inWord = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0xff && code !== 0xd7 && code !== 0xf7)

interface Read {
  /** The word in Unicode (NFC). */
  text: string
  /** It holds a character Unicode Vietnamese never writes. */
  telling: boolean
  /** Every mark character follows a vowel it can mark. */
  formed: boolean
}

/** One word read as VNI: a mark character joined to the vowel before it, a letter's character replaced. */
function readWord(word: string): Read {
  let text = ''
  // The last letter written, while it is a vowel with no mark yet (a mark character may join it).
  let bare = ''
  let telling = false
  let formed = true
  for (const ch of word) {
    if (TELLING.has(ch)) telling = true
    const composed = bare === '' ? undefined : COMPOSED.get(bare + ch)
    if (composed !== undefined) {
      text = text.slice(0, -1) + composed
      bare = ''
    } else if (VNI_CHARS.has(ch) && !LETTERS.has(ch)) {
      // (A mark character after no vowel it can mark: left as it is, the word is not VNI's.)
      text += ch
      formed = false
      bare = ''
    } else {
      const letter = LETTERS.get(ch) ?? ch
      text += letter
      bare = TONE_BASES.includes(letter.toLowerCase()) ? letter : ''
    }
  }
  return { text, telling, formed }
}

/** A word's verdict: it tells if it holds a character Unicode Vietnamese never writes (a word too long for a syllable, "Schönheitsfehler", tells against). */
function verdict(word: string): Verdict {
  if (word.length < 2) return undefined
  if (word.length > 10) return [...word].some((c) => TELLING.has(c)) ? 'other' : undefined
  const read = readWord(word)
  if (!read.telling) return undefined
  return read.formed && vietnameseSyllable(read.text) ? 'syllable' : 'other'
}

/** The words of a VNI text that tell (a character Unicode Vietnamese never writes), weighed. */
export function vniEvidence(text: string): Evidence {
  return evidenceOf(text, inWord, verdict)
}

/** One line converted from VNI (no test whether it is VNI: the caller decides for the text). */
export function lineFromVni(line: string): string {
  let out = ''
  let from = 0
  let changed = false
  for (const { at, word } of wordsOf(line, inWord)) {
    const { text } = readWord(word)
    if (text === word) continue
    out += line.slice(from, at) + text
    from = at + word.length
    changed = true
  }
  return changed ? (out + line.slice(from)).normalize('NFC') : line
}

/**
 * A line of a VNI text to convert: not one in Unicode Vietnamese already, that is one holding a
 * letter outside Latin-1, or one whose marked letters are all Latin-1 ones Unicode writes ("Cà Mau"),
 * seen by a mark character following no vowel it can mark while nothing on the line tells of VNI.
 */
export function vniLine(line: string): boolean {
  if (unicodeLine(line)) return false
  let formed = true
  for (const { word } of wordsOf(line, inWord)) {
    const read = readWord(word)
    if (read.telling) return true
    if (!read.formed) formed = false
  }
  return formed
}

