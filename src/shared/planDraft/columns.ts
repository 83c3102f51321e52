// A page set in two columns (issue 13), such as a plan's header beside its national motto, or a
// PDF's text layer reading two columns line by line across: each column read down, one after the other.
import { append, ITEM_OPENING_RE, STRUCTURE_RE } from './lines'

/**
 * A page of two columns a PDF's text layer flattened: each line holds a line of the left column, a
 * wide gap (five spaces or more) and a line of the right one ("- Sản lượng lúa đạt 5.166 tấn.      -
 * 11/11 thôn giữ vững …", "a) Về kinh tế:       b) Về văn hóa - xã hội:"). Where the part before the
 * gap is a sentence (two words or more) that ends (".", ";", ":", "!", "?") and the part after it opens
 * a sentence (a capital) or an item (a bullet, "2.", "b)"), or the part after it opens an item and the
 * part before is a sentence, the line is two lines, left first. Tables (pipes, tabs, aligned columns,
 * already made rows above) and a letterhead's two columns (no stop before the gap) stay as they are.
 */
export function twoColumns(given: string[]): string[] {
  const lines = columnPages(given)
  const out: string[] = []
  for (const line of lines) {
    if (/[|\t]/u.test(line) || !line.includes('     ')) {
      out.push(line)
      continue
    }
    let from = 0
    // (The left part is read from the gap before it only, so that a line of many gaps stays linear.)
    let after = 0
    for (const gap of line.matchAll(/ {5,}/gu)) {
      const left = line.slice(after, gap.index).trim()
      after = gap.index + gap[0].length
      const right = line.slice(gap.index + gap[0].length, gap.index + gap[0].length + 40)
      if (left === '' || right === '') continue
      const sentence = (left.match(/\p{L}{2,}/gu) ?? []).length >= 2
      const ends = /[.;:!?…]$/u.test(left)
      if (sentence && ((ends && /^[\p{Lu}\d“"(]/u.test(right)) || ITEM_OPENING_RE.test(right))) {
        out.push(line.slice(from, gap.index))
        from = gap.index + gap[0].length
      }
    }
    out.push(from === 0 ? line : line.slice(from))
  }
  return out
}

/**
 * How a line of a page's text read across sits against a column: blank; text on the left only (no
 * wide gap in it); text on the right only, from the column `at` its leading spaces end; or a left
 * part, one wide gap (three spaces or more) and a right part from `at`. Anything else (several wide
 * gaps: a table's row; a tab or a bar) fits no column.
 */
type ColumnSide = { kind: 'blank' } | { kind: 'left'; end: number } | { kind: 'right'; at: number } | { kind: 'both'; at: number } | { kind: 'none' }
function columnSide(line: string): ColumnSide {
  if (/[|\t\f]/u.test(line)) return { kind: 'none' }
  const body = line.trimEnd()
  if (body.trim() === '') return { kind: 'blank' }
  const lead = body.length - body.trimStart().length
  // (Two gaps are enough to tell: the rest of a long line is not searched.)
  const gapRe = / {3,}/gu
  gapRe.lastIndex = lead
  const gap = gapRe.exec(body)
  if (gap && gapRe.exec(body)) return { kind: 'none' }
  if (lead >= 3) return gap ? { kind: 'none' } : { kind: 'right', at: lead }
  return gap ? { kind: 'both', at: gap.index + gap[0].length } : { kind: 'left', end: body.length }
}

/**
 * A column's lines, a line cut by the column's narrow edge joined to the rest of its sentence: one
 * that fills most of the column's width (three fifths of its widest line or more) and ends with no
 * stop, no heading ("1. Về kinh tế", a title in capitals), goes on in the next line of the column
 * unless that one opens an item or a heading, even on a capital ("- 24/24 tổ dân phố giữ vững danh
 * hiệu" over "Tổ dân phố văn hóa."), which a page's full width would have joined by its length.
 */
function columnLines(column: string[]): string[] {
  const width = column.reduce((w, l) => Math.max(w, l.trim().length), 0)
  const out: string[] = []
  // (Whether the line read last may go on: each line is tested alone, never the sentence joined so far, so that the text stays linear.)
  let open = false
  for (const line of column) {
    const text = line.trim()
    const goesOn: boolean = open && text !== '' && !ITEM_OPENING_RE.test(text) && !STRUCTURE_RE.test(text) && !capsLine(text)
    if (goesOn) out[out.length - 1] = `${out[out.length - 1]!} ${text}`
    else out.push(text)
    const heading: boolean = !goesOn && (/^(?:[IVXLC]{1,6}|\d{1,2}(?:\.\d{1,2})*|[a-zđA-ZĐ])[.)/]\s/u.test(text) || capsLine(text))
    open = text !== '' && !heading && text.length * 5 >= width * 3 && !/[.;:!?…]$/u.test(text)
  }
  return out
}

/** A line in capitals, a title (two words or more, no lower-case letter). */
const capsLine = (line: string): boolean => /(?<!\p{Lu})\p{Lu}{2,}\s+\p{Lu}{2,}/u.test(line) && !/\p{Ll}/u.test(line)

/** The fewest lines holding both columns side by side that make a run of lines a page of two columns. */
const COLUMN_ROWS_MIN = 5

/**
 * A page of a two-column bulletin a PDF's text layer read across (`pdftotext -layout`): each line
 * holds a line of the left column, a run of spaces and the unrelated line of the right column beside
 * it, the right column's lines all opening at the same place ("UBND phường … vừa ban hành Kế      2.
 * Về văn hóa - xã hội", "hoạch số 06/KH-UBND …      - Tỷ lệ hộ nghèo …"). A run of lines that each fit
 * that column (blank, on the left only and ending before it, on the right only opening at it, or both
 * sides split there by one gap), five of them at least holding both sides in words (lower-case
 * words on either side, as prose is: no table of figures, no letterhead in capitals), is read as its
 * left column's lines, then its right column's, each column's blank lines kept once. A title across
 * the page, a running header or footer whose right part opens elsewhere, a table's row of several
 * gaps ends the run.
 */
function columnPages(lines: string[]): string[] {
  const sides = lines.map(columnSide)
  const fits = (side: ColumnSide, at: number): boolean => side.kind === 'blank' || (side.kind === 'left' && side.end <= at - 3) || ((side.kind === 'right' || side.kind === 'both') && side.at === at)
  const out: string[] = []
  let done = 0
  for (let i = 0; i < lines.length; i++) {
    const first = sides[i]!
    if (first.kind !== 'both') continue
    const at = first.at
    let end = i
    while (end < lines.length && fits(sides[end]!, at)) end++
    // (Lines on the left only, or blank, just above the first line of both sides open the page's columns too.)
    let start = i
    while (start > done && fits(sides[start - 1]!, at) && sides[start - 1]!.kind !== 'right') start--
    const both = lines.slice(i, end).filter((_, k) => sides[i + k]!.kind === 'both')
    const worded = (part: string): boolean => /(?<!\p{Ll})\p{Ll}{2,}\s+\p{Ll}{2}/u.test(part)
    const prose = both.filter((l) => worded(l.slice(0, at)) && worded(l.slice(at))).length
    if (both.length >= COLUMN_ROWS_MIN && prose * 2 >= both.length) {
      append(out, lines.slice(done, start))
      const left: string[] = []
      const right: string[] = []
      const add = (column: string[], part: string): void => {
        const text = part.trimEnd()
        if (text.trim() !== '' || (column.length > 0 && column[column.length - 1] !== '')) column.push(text.trim() === '' ? '' : text)
      }
      for (const line of lines.slice(start, end)) {
        add(left, line.slice(0, at))
        add(right, line.slice(at))
      }
      while (left[left.length - 1] === '') left.pop()
      append(out, columnLines(left))
      out.push('')
      append(out, columnLines(right))
      done = end
    }
    // (Any page of two columns in this run begins at the same line: the run is read once, so that the text stays linear.)
    i = Math.max(i, end - 1)
  }
  append(out, lines.slice(done))
  return out
}
