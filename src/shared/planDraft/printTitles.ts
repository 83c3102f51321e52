// A sheet too wide for its page, printed across pages with its name columns repeated (issue 13):
// Excel's "print titles" (columns A:B, "TT" and "Chỉ tiêu", set to repeat at left) and its page
// order split the sheet by columns, so every row comes out twice, once on the left-hand pages and
// once on the right-hand ones, each time under its number and name. The table reader sees two
// tables and reads the plan's column of the second without the unit of the first.
import { PAGE_FOOTER_RE, PAGE_NUMBER_RE } from './lines'

/** A row of a table as the passes before write it: `| a | b | … |`. */
const PIPE_ROW_RE = /^\s*\|.*\|\s*$/u
/** A rule under a heading: `|---|:--:|`. */
const RULE_ROW_RE = /^\s*\|(?:\s*:?-{2,}:?\s*\|)+\s*$/u
/** How many key columns (number, name, unit) a sheet may repeat at left. */
const MAX_KEY = 3
/** How many tables back a right-hand part may find its left-hand part (pages printed down, then over). */
const MAX_BACK = 16
/** How many lines of page furniture may stand between two parts of a sheet. */
const MAX_GAP = 12

interface Part {
  /** The table's lines in the text, `from` up to `to` (exclusive). */
  from: number
  to: number
  /** Its rows' cells (a rule row as undefined). */
  rows: (string[] | undefined)[]
  width: number
  /** The columns joined from right-hand parts: where each starts and how wide it is. */
  joined: { at: number; width: number; filled: Set<number> }[]
  /** Rows of a right-hand part matching none of this one's, by the row they follow (-1: before all). */
  inserted: Map<number, string[][]>
  /** Joined to a part before it: its lines go. */
  absorbed: boolean
  /** Its rows' keys and where each key's rows are, by the key's width (read once). */
  keys: (string | undefined)[][]
  positions: Map<string, number[]>[]
}

const cellsOf = (line: string): string[] =>
  line
    .trim()
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim())
const keyCell = (cell: string): string => cell.toLowerCase().replace(/\s+/gu, ' ')

/**
 * A row's key: its first `width` cells, the columns a sheet repeats at left; a row whose key has no
 * letter (no name, a rule, a row of figures) has none.
 */
function keyOf(row: string[] | undefined, width: number): string | undefined {
  if (!row || row.length <= width) return undefined
  const key = row.slice(0, width)
  return key.some((c) => /\p{L}/u.test(c)) ? key.map(keyCell).join('\u0001') : undefined
}

/** A part's rows' keys of a width, read once. */
function keysOf(part: Part, width: number): (string | undefined)[] {
  return (part.keys[width] ??= part.rows.map((row) => keyOf(row, width)))
}

/** Where each key of a width stands among a part's rows, read once. */
function positionsOf(part: Part, width: number): Map<string, number[]> {
  let positions = part.positions[width]
  if (positions) return positions
  positions = new Map()
  keysOf(part, width).forEach((key, k) => {
    if (key === undefined) return
    const list = positions.get(key)
    if (list) list.push(k)
    else positions.set(key, [k])
  })
  part.positions[width] = positions
  return positions
}

/**
 * The rows of `right` matched, in order, to rows of `left` with the same key: for each of `right`'s
 * rows the index of its row in `left`, or -1. (One walk of `right`: a key's rows in `left` are taken
 * in order, never looked at twice.)
 */
function matchRows(left: Part, right: Part, width: number): { at: number[]; matched: number; keyed: number } {
  const positions = positionsOf(left, width)
  const cursor = new Map<string, number>()
  const at: number[] = []
  let last = -1
  let matched = 0
  let keyed = 0
  for (const key of keysOf(right, width)) {
    if (key === undefined) {
      at.push(-1)
      continue
    }
    keyed++
    const list = positions.get(key)
    let c = cursor.get(key) ?? 0
    while (list && c < list.length && list[c]! <= last) c++
    cursor.set(key, c)
    if (list && c < list.length) {
      last = list[c]!
      cursor.set(key, c + 1)
      at.push(last)
      matched++
    } else at.push(-1)
  }
  return { at, matched, keyed }
}

/**
 * A line between two parts of a printed sheet: blank, a page break, a page's number or footer
 * ("Trang 2/4", "- 3 -", "KH thi đua năm 2027 - Trang 2", "UBND xã …      2"), or a line printed
 * above the first part again (a title set to repeat on every page).
 */
function furniture(line: string, repeated: ReadonlySet<string>): boolean {
  const t = line.trim()
  return t === '' || line.includes('\f') || PAGE_NUMBER_RE.test(t) || PAGE_FOOTER_RE.test(t) || /\S\s{3,}\d{1,3}$/u.test(t) || repeated.has(t.replace(/\s+/gu, ' '))
}

/**
 * Tables of a sheet printed across pages with its key columns repeated at left ("TT | Chỉ tiêu |
 * ĐVT | Thực hiện năm 2026" on pages 1 and 2, "TT | Chỉ tiêu | Kế hoạch năm 2027 | KH 2027 so với
 * TH 2026 (%) | Bộ phận chủ trì" on pages 3 and 4, the same rows on both), joined back into one
 * table, each row's cells after its own, the heading joined as a row: "| TT | Chỉ tiêu | ĐVT |
 * Thực hiện năm 2026 | Kế hoạch năm 2027 | … |". Only tables set apart by page furniture alone
 * (blank lines, a page's number or footer, a title repeated from above the first), and only a
 * right-hand part whose rows (three at least, most of them) repeat, in order, the number and name
 * (and unit) of a part before it: a table whose rows differ, or that prose separates from the
 * other, stays as it is. Each part read once against each of the few before it in its run.
 */
export function printTitles(lines: string[]): string[] {
  if (!lines.some((l) => l.trimStart().startsWith('|'))) return lines
  const parts: Part[] = []
  // The parts of the current run of tables, and the lines printed above its first.
  let run: Part[] = []
  let repeated = new Set<string>()
  let changed = false
  for (let i = 0; i < lines.length; i++) {
    if (!PIPE_ROW_RE.test(lines[i]!)) continue
    const from = i
    while (i + 1 < lines.length && PIPE_ROW_RE.test(lines[i + 1]!)) i++
    const rows = lines.slice(from, i + 1).map((l) => (RULE_ROW_RE.test(l) ? undefined : cellsOf(l)))
    const part: Part = { from, to: i + 1, rows, width: rows.reduce((n, r) => Math.max(n, r?.length ?? 0), 0), joined: [], inserted: new Map(), absorbed: false, keys: [], positions: [] }
    const previous = run[run.length - 1]
    if (!previous || from - previous.to > MAX_GAP || !lines.slice(previous.to, from).every((l) => furniture(l, repeated))) {
      run = []
      repeated = new Set<string>()
      for (let k = from - 1, seen = 0; k >= 0 && seen < 6; k--) {
        const t = lines[k]!.trim()
        if (t === '') continue
        if (/\|/u.test(t)) break
        repeated.add(t.replace(/\s+/gu, ' '))
        seen++
      }
    } else if (joinPart(run, part)) changed = true
    run.push(part)
    parts.push(part)
  }
  if (!changed) return lines
  const out: string[] = []
  let at = 0
  for (const part of parts) {
    for (; at < part.from; at++) out.push(lines[at]!)
    at = part.to
    if (part.absorbed) continue
    if (part.joined.length === 0) {
      for (let k = part.from; k < part.to; k++) out.push(lines[k]!)
      continue
    }
    const total = part.joined.reduce((n, j) => Math.max(n, j.at + j.width), part.width)
    const write = (cells: readonly string[] | undefined): void => {
      if (!cells) {
        out.push(`|${' --- |'.repeat(total)}`)
        return
      }
      const row = Array.from({ length: total }, (_, k) => cells[k] ?? '')
      out.push(`| ${row.join(' | ')} |`)
    }
    for (const row of part.inserted.get(-1) ?? []) write(row)
    part.rows.forEach((row, k) => {
      write(row)
      for (const extra of part.inserted.get(k) ?? []) write(extra)
    })
  }
  for (; at < lines.length; at++) out.push(lines[at]!)
  return out
}

/**
 * Joins `right` to the part of `run` whose rows it repeats, if any: with the widest key (one to
 * three columns) that matches three rows at least and four in five of `right`'s rows that have a
 * name. Its other cells go after that part's own, in columns of their own, or in those of a part
 * joined before it whose rows it goes on (the right-hand pages printed apart, the left-hand ones
 * read as one table); its rows matching none are set after the row they follow.
 */
function joinPart(run: Part[], right: Part): boolean {
  let best: { left: Part; width: number; at: number[]; matched: number } | undefined
  for (let b = run.length - 1; b >= 0 && b >= run.length - MAX_BACK; b--) {
    const left = run[b]!
    // (A part opening on the same row, the heading printed again, is the same table's next page or
    // the table copied again, not its other columns.)
    if (left.absorbed || (left.rows[0] && right.rows[0] && left.rows[0].join('|') === right.rows[0].join('|'))) continue
    for (let width = Math.min(MAX_KEY, left.width - 1, right.width - 1); width >= 1; width--) {
      const { at, matched, keyed } = matchRows(left, right, width)
      if (matched < 3 || matched * 5 < keyed * 4) continue
      if (!best || matched > best.matched) best = { left, width, at, matched }
      break
    }
  }
  if (!best) return false
  const { left, width, at } = best
  const extra = right.width - width
  // The same table twice (copied again, not split): nothing to join.
  if (extra <= 0 || (right.width === left.width && at.every((k, r) => k < 0 || right.rows[r]!.join('|') === left.rows[k]!.join('|')))) return false
  // Columns joined before whose rows these do not overlap take them, as long as they are as wide.
  let columns = left.joined.find((j) => j.width === extra && at.every((k, r) => k < 0 || !j.filled.has(k) || sameCells(left.rows[k], right.rows[r], j.at, width, extra)))
  if (!columns) {
    const from = left.joined.reduce((n, j) => Math.max(n, j.at + j.width), left.width)
    columns = { at: from, width: extra, filled: new Set() }
    left.joined.push(columns)
  }
  let after = -1
  right.rows.forEach((row, r) => {
    const k = at[r]!
    if (k >= 0) {
      after = k
      const target = left.rows[k]
      if (!target || !row || columns.filled.has(k)) return
      for (let c = 0; c < extra; c++) target[columns.at + c] = row[width + c] ?? ''
      columns.filled.add(k)
      return
    }
    // A rule under the right-hand part's heading, or an empty row: nothing to keep.
    if (!row || row.every((c) => c === '')) return
    const cells: string[] = row.slice(0, width)
    for (let c = 0; c < extra; c++) cells[columns.at + c] = row[width + c] ?? ''
    const list = left.inserted.get(after)
    if (list) list.push(cells)
    else left.inserted.set(after, [cells])
  })
  right.absorbed = true
  return true
}

/** The cells a row already has in joined columns are those `right`'s row would put there (a heading printed on every page). */
function sameCells(left: string[] | undefined, right: string[] | undefined, at: number, width: number, extra: number): boolean {
  if (!left || !right) return false
  for (let c = 0; c < extra; c++) if ((left[at + c] ?? '') !== (right[width + c] ?? '')) return false
  return true
}
