// A PDF whose bold type was faked by drawing each glyph twice (issue 13, set 271): an old virtual
// printer, given a font with no bold face, draws every bold glyph twice a hair apart. The page looks
// right, but the PDF reader's "Save as text" writes both copies, so every character of a bold run
// comes out twice, its spaces included: "KKẾẾ  HHOOẠẠCCHH" (KẾ HOẠCH), "22..11..  VVềề  kkiinnhh  ttếế"
// (2.1. Về kinh tế), "sản lượng đạt 11..338800  ttấấnn; …" (1.380 tấn). Headings, run-in labels,
// a target's figure or a whole line may be bold. The one place such runs are read back: normalize.ts
// undoubles them before anything else reads the text, and the scorer (score.ts, sourcesAsRead)
// undoubles hand-made sources copied from such a text the same way.

/** A letter or a digit: a doubled run starts and ends at a word's edge, never inside a word. */
const WORD_CHAR_RE = /[\p{L}\p{N}]/u
const SPACE_RE = /\s/u
/** Marks a text doubles of itself, "**II**", "__II__", "| ## |", "======": never a run's own ends. */
const MARKUP_RE = /[*_#`~|=]/u
/** Letters a Roman numeral is made of: "XXII" is the 22nd congress, "IIII" nothing doubled. */
const ROMAN_RE = /^[IVXLCDMivxlcdm]$/u

/**
 * Whether the pairs from..to read as doubled type rather than a text's own doubled characters: a
 * telling run (six pairs or more: below), a letter other than a Roman numeral's in two pairs or more
 * ("ĐĐợợtt  11::", "TTMM.."), or a doubled stop, comma, dash, slash or sign after a letter or digit
 * ("4466,,55%%", "33  --  44%%", "II.."). Not a figure or a numeral alone, which a text writes with
 * its own doubled characters: "0011" (a paragraph number), "1100", "XXII", "11  11" (two cells).
 */
function readsDoubled(chars: readonly string[], from: number, to: number): boolean {
  if (to - from < 4) return false
  let alnum = 0
  let plainLetter = false
  let sign = false
  for (let k = from; k < to; k += 2) {
    const c = chars[k]!
    if (WORD_CHAR_RE.test(c)) {
      alnum++
      if (/\p{L}/u.test(c) && !ROMAN_RE.test(c)) plainLetter = true
    } else if (alnum > 0 && !SPACE_RE.test(c) && !MARKUP_RE.test(c)) sign = true
  }
  return (plainLetter && alnum >= 2) || (sign && alnum >= 1)
}

/**
 * The doubled runs of one line, as [start, end) ranges of its characters (code points): a run is
 * pairs of equal characters, "11..338800  ttấấnn", that reads as doubled type (readsDoubled); it
 * opens on a character other than a space or a markup mark, at a word's edge (the character before
 * it is no letter, digit or copy of its first character), and ends, its trailing doubled spaces
 * left out, at a word's edge too ("ttấấnn;", "đđồồnngg/tập thể"). A doubled space is one space:
 * two pairs of spaces in a row are a gap between a table's cells, which ends a run ("10/11      11/11").
 * A figure's real doubled digits stay ("100", "2.000", "10000": the run "0000" opens inside the
 * figure), and so do "II", "Tuyên Quang", "tt". One walk: a run that does not read is skipped whole
 * (a run opening inside it, on the same pairs, would end where it ends and read no better; one
 * opening between a pair's two copies cannot open).
 */
function doubledRuns(chars: readonly string[]): [number, number][] {
  const runs: [number, number][] = []
  const n = chars.length
  let i = 0
  while (i < n - 1) {
    const c = chars[i]!
    if (c !== chars[i + 1] || SPACE_RE.test(c) || MARKUP_RE.test(c) || (i > 0 && (WORD_CHAR_RE.test(chars[i - 1]!) || chars[i - 1] === c))) {
      i++
      continue
    }
    let j = i
    while (j + 1 < n && chars[j] === chars[j + 1] && !(SPACE_RE.test(chars[j]!) && j - 2 >= i && SPACE_RE.test(chars[j - 2]!))) j += 2
    const next = j
    while (j - 2 > i && (SPACE_RE.test(chars[j - 1]!) || MARKUP_RE.test(chars[j - 1]!))) j -= 2
    if ((j >= n || !WORD_CHAR_RE.test(chars[j]!)) && readsDoubled(chars, i, j)) runs.push([i, j])
    i = next
  }
  return runs
}

/** A run that is surely doubled type: six pairs or more, three letters (one not a Roman numeral's) and three different characters in them ("KKẾẾ  HHOOẠẠCCHH"). */
function telling(chars: readonly string[], [from, to]: [number, number]): boolean {
  if (to - from < 12) return false
  const once = chars.slice(from, to).filter((_, k) => k % 2 === 0)
  const letters = once.filter((c) => /\p{L}/u.test(c))
  return letters.length >= 3 && letters.some((c) => !ROMAN_RE.test(c)) && new Set(once).size >= 3
}

/** Telling runs a text must show before its doubled runs are read as doubled type: the header, title and headings are bold in every such plan. */
const TELLING_RUNS = 3

/** Whether the text shows doubled type: several telling runs, over its lines. */
export function doubledDocument(text: string): boolean {
  if (!hasPairs(text)) return false
  let count = 0
  for (const line of text.split('\n')) {
    if (line.length > 20000) continue
    const chars = [...line]
    for (const run of doubledRuns(chars)) {
      if (telling(chars, run) && ++count >= TELLING_RUNS) return true
    }
  }
  return false
}

/** A quick look: some line holds a run of three doubled letters, "KKẾẾ  HHOOẠẠCCHH". */
function hasPairs(text: string): boolean {
  return /(\p{L})\1(\p{L})\2(\p{L})\3/u.test(text)
}

/** One line with its doubled runs read once: "sản lượng đạt 11..338800  ttấấnn;" → "sản lượng đạt 1.380 tấn;". (No test whether the text shows doubled type: see undoubledGlyphs.) */
export function undoubledLine(line: string): string {
  if (line.length > 20000) return line
  const chars = [...line]
  const runs = doubledRuns(chars)
  if (runs.length === 0) return line
  let out = ''
  let at = 0
  for (const [from, to] of runs) {
    out += chars.slice(at, from).join('')
    for (let k = from; k < to; k += 2) out += chars[k]
    at = to
  }
  return out + chars.slice(at).join('')
}

/**
 * The text with the runs its doubled type wrote twice read once: "ỦỦYY  BBAANN  NNHHÂÂNN  DDÂÂNN" → "ỦY
 * BAN NHÂN DÂN", "- CChhăănn  nnuuôôii:: tổng đàn …" → "- Chăn nuôi: tổng đàn …", "11,,4455  ttỷỷ
 * đđồồnngg trở lên" → "1,45 tỷ đồng trở lên". Only a text showing several telling runs
 * (doubledDocument); any other text is returned as it is.
 */
export function undoubledGlyphs(text: string): string {
  if (!doubledDocument(text)) return text
  return text.split('\n').map(undoubledLine).join('\n')
}
