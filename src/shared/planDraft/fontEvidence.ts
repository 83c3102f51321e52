// What the two old-font readers (TCVN3, ./tcvn3.ts, and VNI, ./vni.ts) share (issue 13): a line's
// words, the evidence a text gives of being typed in a font, when that evidence convinces, and the
// tests of a Unicode line and of a Vietnamese syllable. ./legacyFont.ts weighs the two fonts' evidence.

/** The evidence a text gives of one old font, from its telling words (a character Unicode Vietnamese never writes). */
export interface Evidence {
  /** Telling words that read as a syllable once converted. */
  syllables: number
  /** Telling words that do not. */
  others: number
}

/** A telling word's verdict: it reads as a syllable once converted, or not; undefined for a word that does not tell. */
export type Verdict = 'syllable' | 'other' | undefined

/** Enough telling words read as syllables (three at least), and few do not (one in five at most). */
export const convincing = (e: Evidence): boolean => e.syllables >= 3 && e.others * 4 <= e.syllables

/** A Unicode Vietnamese letter outside Latin-1 (ă â… as ă, đ, ĩ, ũ, ơ, ư, and ạ … ỹ). */
const unicodeVietnamese = (code: number): boolean =>
  code === 0x102 || code === 0x103 || code === 0x110 || code === 0x111 || code === 0x128 || code === 0x129 || code === 0x168 || code === 0x169 || code === 0x1a0 || code === 0x1a1 || code === 0x1af || code === 0x1b0 || (code >= 0x1ea0 && code <= 0x1ef9)

/** The line already holds a Unicode Vietnamese letter outside Latin-1 ("ư", "ạ", "đ"…): it is Unicode. */
export function unicodeLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (unicodeVietnamese(line.charCodeAt(i))) return true
  return false
}

/** One Vietnamese syllable, small, its tone mark taken off: onset, vowels, coda. */
export const SYLLABLE_RE = /^(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[cmnptiouy])?$/u
/** The five tone marks (NFD). */
export const TONES_RE = /[\u0300\u0301\u0303\u0309\u0323]/gu

/** A Unicode word (NFC) reads as one Vietnamese syllable with one tone mark at most ("đạt", "Quới"; not "Mữller"). */
export function vietnameseSyllable(word: string): boolean {
  if (word.length > 8) return false
  const nfd = word.toLowerCase().normalize('NFD')
  const toneless = nfd.replace(TONES_RE, '')
  return nfd.length - toneless.length <= 1 && SYLLABLE_RE.test(toneless.normalize('NFC'))
}

/** The words of a line, maximal runs of the font's word characters, with where they start. */
export function* wordsOf(line: string, inWord: (code: number) => boolean): Generator<{ at: number; word: string }> {
  let start = -1
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && inWord(line.charCodeAt(i))) {
      if (start < 0) start = i
    } else if (start >= 0) {
      yield { at: start, word: line.slice(start, i) }
      start = -1
    }
  }
}

/** The telling words of a text, weighed by the font's verdict, on every line not in Unicode already. */
export function evidenceOf(text: string, inWord: (code: number) => boolean, verdict: (word: string) => Verdict): Evidence {
  const e: Evidence = { syllables: 0, others: 0 }
  for (const line of text.split('\n')) {
    if (unicodeLine(line)) continue
    for (const { word } of wordsOf(line, inWord)) {
      const v = verdict(word)
      if (v === 'syllable') e.syllables++
      else if (v === 'other') e.others++
    }
  }
  return e
}
