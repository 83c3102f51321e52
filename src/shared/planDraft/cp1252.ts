// A plan in UTF-8 opened as Windows-1252 and saved again (issue 13): each byte of a Vietnamese
// letter's UTF-8 sequence stands as its cp1252 character ("Káº¿ hoáº¡ch" for "Kế hoạch", "Ä‘áº¡t"
// for "đạt", "Ã\u00a0" for "à"); the five bytes cp1252 cannot map (0x81, 0x8D, 0x8F, 0x90, 0x9D)
// stand as the C1 control character of the same code ("Ä\u0090" for "Đ"). ASCII letters, digits and
// punctuation are untouched. The drafter reads such a text as Unicode (NFC), converted here, the one
// place being ./legacyFont.ts (normalize.ts calls it before anything else reads the text; the server
// notes the conversion; the scorer compares hand-made sources through it).
//
// Detection must be sound, as for the old fonts (./tcvn3.ts, ./vni.ts): a Unicode plan, a Latin-1
// French or German text, a TCVN3 or VNI text is never converted. The evidence is the words holding a
// run of characters whose cp1252 bytes form a valid UTF-8 sequence of a letter beyond ASCII: decoded,
// each such word must read as one Vietnamese syllable ("Ä‘áº¡t" → "đạt"; a French "cafÃ©" → "café",
// or "Ã©tÃ©", does not). A Latin-1 or old-font text rarely holds such a run at all: a UTF-8 lead
// byte is a capital (Â … ß) or a small letter (à … ô) and must be followed by symbols (0x80–0xBF,
// "‘", "º", "»"…). The text is so read when three such words at least read as syllables and those
// that do not are few. It is then converted line by line, except the lines that hold a Unicode
// Vietnamese letter outside Latin-1 ("ư", "ạ", "đ"…: cp1252 has none, so such a line is Unicode
// already) and those whose own telling words read as syllables no more often than not.
//
// A copy whose no-break spaces became spaces (the server reads U+00A0 as a space) loses the byte A0
// of "à" (C3 A0), "Ơ" (C6 A0), "Ạ" (E1 BA A0) and "Ỡ" (E1 BB A0): a space or the line's end where
// that byte completes one of these letters is read as it. Linear: one pass per line, a table lookup
// per character, three characters of look-ahead at most.

import { type Evidence, unicodeLine, vietnameseSyllable } from './fontEvidence'

/** The characters cp1252 gives bytes 0x80–0x9F (a C1 control character for the five it cannot map). */
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** Where cp1258 differs from cp1252: its Vietnamese capitals and small letters, the five tone marks, the đồng sign; Š Ž š ž unmapped. */
const CP1258: Record<number, string> = {
  0x8a: '\u008a', 0x8e: '\u008e', 0x9a: '\u009a', 0x9e: '\u009e',
  0xc3: 'Ă', 0xcc: '\u0300', 0xd0: 'Đ', 0xd2: '\u0309', 0xd5: 'Ơ', 0xdd: 'Ư', 0xde: '\u0303',
  0xe3: 'ă', 0xec: '\u0301', 0xf0: 'đ', 0xf2: '\u0323', 0xf5: 'ơ', 0xfd: 'ư', 0xfe: '₫',
}
/**
 * Byte `byte` of a single-byte Windows code page as a character: cp1252 (Western), or cp1258
 * (Vietnamese: "\'d0" Đ, "\'fd" ư, "\'ec" a combining acute, composed by NFC later) — an RTF
 * file's "\'hh" escapes. A byte the page cannot map, as its C1 control character.
 */
export function codePageChar(byte: number, vietnamese = false): string {
  if (vietnamese) {
    const v = CP1258[byte]
    if (v !== undefined) return v
  }
  return byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80]! : String.fromCharCode(byte)
}

/** The character's cp1252 byte (a C1 control character as its own code), or -1. */
const BYTE_OF = new Map<number, number>([...HIGH].map((c, i) => [c.charCodeAt(0), 0x80 + i]))
function byteOf(code: number): number {
  if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code
  return BYTE_OF.get(code) ?? (code <= 0x9f ? code : -1)
}

/** The letters whose last UTF-8 byte is A0, a no-break space that may have become a space. */
const ENDS_IN_A0 = new Set([...'àƠẠỠ'].map((c) => c.charCodeAt(0)))

const LETTER_RE = /[\p{L}\p{M}]/u

/** What each decoded character came from: as it was (ASCII or not), or a UTF-8 sequence. */
const From = { Ascii: 0, Stray: 1, Sequence: 2 } as const
type From = (typeof From)[keyof typeof From]

interface Decoded {
  text: string
  /** By UTF-16 unit of text. */
  from: Uint8Array
  /** A sequence was decoded. */
  changed: boolean
}

/** The UTF-8 sequence starting at i, its code point and length in characters, or undefined. */
function sequenceAt(line: string, i: number): { cp: number; length: number } | undefined {
  const lead = byteOf(line.charCodeAt(i))
  const n = lead >= 0xc2 && lead <= 0xdf ? 1 : lead >= 0xe0 && lead <= 0xef ? 2 : lead >= 0xf0 && lead <= 0xf4 ? 3 : 0
  if (n === 0) return undefined
  let cp = lead & (n === 1 ? 0x1f : n === 2 ? 0x0f : 0x07)
  // (A space, or the line's end, where the last byte A0 is missing: tried once the others read.)
  let lostA0 = false
  for (let k = 1; k <= n; k++) {
    const at = i + k
    let b = at < line.length ? byteOf(line.charCodeAt(at)) : -1
    if (k === n && (at >= line.length || line.charCodeAt(at) === 0x20)) {
      lostA0 = true
      b = 0xa0
    }
    if (b < 0x80 || b > 0xbf) return undefined
    cp = (cp << 6) | (b & 0x3f)
  }
  const min = n === 1 ? 0x80 : n === 2 ? 0x800 : 0x10000
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined
  if (lostA0 && !ENDS_IN_A0.has(cp)) return undefined
  // (A lost A0 at the line's end takes no character.)
  return { cp, length: lostA0 && i + n >= line.length ? n : n + 1 }
}

/** One line read as UTF-8 from its cp1252 bytes, where they form valid sequences; other characters as they are. */
function decode(line: string): Decoded {
  const parts: string[] = []
  const from = new Uint8Array(line.length)
  let length = 0
  // (Characters from `copied` on are as they were, not yet in parts.)
  let copied = 0
  let changed = false
  for (let i = 0; i < line.length; ) {
    const code = line.charCodeAt(i)
    const seq = code < 0xc2 ? undefined : sequenceAt(line, i)
    if (seq === undefined) {
      from[length++] = code < 0x80 ? From.Ascii : From.Stray
      i++
      continue
    }
    parts.push(line.slice(copied, i))
    const ch = String.fromCodePoint(seq.cp)
    parts.push(ch)
    for (let k = 0; k < ch.length; k++) from[length++] = From.Sequence
    i += seq.length
    copied = i
    changed = true
  }
  if (!changed) return { text: line, from, changed }
  parts.push(line.slice(copied))
  return { text: parts.join(''), from, changed }
}

/** A letter or a mark: ASCII by its code, beyond it by its class. */
const isLetter = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i)
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
  // (The Vietnamese letters and marks without the pattern: Latin-1 and Latin Extended-A/B letters, the combining marks, Latin Extended Additional.)
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return true
  return LETTER_RE.test(text[i]!)
}

/** Each word's verdict, once (a plan repeats its words). */
const VERDICTS = new Map<string, boolean>()
function syllable(word: string): boolean {
  let v = VERDICTS.get(word)
  if (v === undefined) {
    v = vietnameseSyllable(word)
    if (VERDICTS.size < 20_000) VERDICTS.set(word, v)
  }
  return v
}

/** The telling words of a decoded line, weighed: a word of two letters or more holding a decoded one reads as a syllable, or not. */
function weigh(d: Decoded, e: Evidence): void {
  let start = -1
  let telling = false
  let stray = false
  for (let i = 0; i <= d.text.length; i++) {
    if (i < d.text.length && isLetter(d.text, i)) {
      if (start < 0) {
        start = i
        telling = false
        stray = false
      }
      if (d.from[i] === From.Sequence) telling = true
      else if (d.from[i] === From.Stray) stray = true
      continue
    }
    // (A letter alone, "đ", tells nothing.)
    if (start >= 0 && telling && i - start >= 2) {
      if (!stray && syllable(d.text.slice(start, i))) e.syllables++
      else e.others++
    }
    start = -1
  }
}

/** The line holds a character that may be a UTF-8 lead byte (Â and beyond). */
function beyondAscii(line: string): boolean {
  for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) >= 0xc2) return true
  return false
}

/** The words of a text that tell of UTF-8 read as cp1252 (a run decoding to a letter beyond ASCII), weighed. */
export function cp1252Evidence(text: string): Evidence {
  const e: Evidence = { syllables: 0, others: 0 }
  for (const line of text.split('\n')) {
    if (!beyondAscii(line) || unicodeLine(line)) continue
    const d = decode(line)
    if (d.changed) weigh(d, e)
  }
  return e
}

/**
 * One line of such a text converted: decoded where its bytes form UTF-8, unless it is Unicode already
 * (a letter outside Latin-1) or its own telling words read as syllables no more often than not (a
 * line with none, whose runs decode to punctuation, "â€“" for "–", is converted).
 */
export function lineFromCp1252(line: string): string {
  if (!beyondAscii(line) || unicodeLine(line)) return line
  const d = decode(line)
  if (!d.changed) return line
  const e: Evidence = { syllables: 0, others: 0 }
  weigh(d, e)
  return e.syllables > e.others || e.others === 0 ? d.text.normalize('NFC') : line
}
