// A plan copied out of a phone document viewer's reading mode (issue 13), the view made for screen
// readers, which reads every Word table out one row a line, each cell after its column's number:
//
//   [Bảng 2: 6 cột, 29 hàng]
//   Hàng 1: Cột 1: TT; Cột 2: Chỉ tiêu; Cột 3: ĐVT; Cột 4: Ước TH 2025; Cột 5: KH 2026; Cột 6: Ghi chú
//   Hàng 2: Cột 1 đến 6 (ô gộp): I. KINH TẾ - ĐÔ THỊ
//   Hàng 3: Cột 1: 1; Cột 2: Tốc độ tăng giá trị sản xuất; Cột 3: %; Cột 4: 8,4; Cột 5: 9 - 9,5; Cột 6: (ô trống)
//   [Hết bảng 2]
//
// Only the first row says what each column is, an empty cell reads "(ô trống)", a merged cell names
// the columns it spans, and the paragraphs of one cell are joined by " / ". The header table
// ("Cột 1: ỦY BAN NHÂN DÂN / PHƯỜNG …; Cột 2: CỘNG HÒA …") and the signature table ("Cột 1: Nơi
// nhận: / - …; Cột 2: KT. CHỦ TỊCH / …") come out so too. Each run of such lines is written back as
// the table it reads, one " | " row a line, its first row the heading, so that the table reader
// reads it as any other table. One of the document forms normalize.ts runs before reading lines.
import { CELL_ITEM_RE } from './textTables'

/**
 * A row's opening: "Hàng 3: ", "Dòng 3: ", "Row 3: ", "Hàng 3, " (before "Cột 1: …"), "Hàng 1 (tiêu
 * đề): ". Read on the line's first characters only.
 */
const ROW_RE = /^[ \t]*(?:hàng|dòng|row)[ \t]+(?:số[ \t]+)?(\d{1,4})(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*[:,.;–-][ \t]*/iu

/**
 * A cell's label: "Cột 2: ", "Column 2: ", "Col. 2: ", and a merged cell's "Cột 1 đến 6 (ô gộp): ",
 * "Columns 1 to 6 (merged): ", "Cột 1-6: ". Not inside a word or a figure. (Each quantifier stands
 * between fixed characters: nothing to backtrack over.)
 */
const CELL_LABEL_RE = /(?<![\p{L}\p{N}])(?:các[ \t]+)?(?:cột|columns?|col\.)[ \t]*(\d{1,3})(?:[ \t]*(?:đến|tới|to|-|–)[ \t]*(\d{1,3}))?(?:[ \t]*\([^()\n]{0,30}\))?[ \t]*:/giu

/** An empty cell as the view reads it: "(ô trống)", "(trống)", "ô trống", "[ô rỗng]", "(empty)", "(blank cell)". */
const EMPTY_CELL_RE = /^(?:[([][ \t]*(?:ô[ \t]+)?(?:trống|rỗng|để trống)[ \t]*[)\]]|ô[ \t]+(?:trống|rỗng)|[([][ \t]*(?:empty|blank)(?:[ \t]+cell)?[ \t]*[)\]]|empty cell)$/iu

/**
 * The view's words around a table: "[Bảng 2: 6 cột, 29 hàng]", "[Table 2: 6 columns, 29 rows]",
 * "[Hết bảng 2]", "[Kết thúc bảng]", "[End of table 2]". No part of the plan. (Read on a short
 * line, trimmed.)
 */
const TABLE_OPENING_RE = /^\[?[ \t]*(?:bảng|table)(?:[ \t]+(?:số[ \t]+)?\d{1,3})?[ \t]*[:.,–-]?[ \t]*\d{1,3}[ \t]+(?:cột|columns?)[ \t]*[,;x×][ \t]*\d{1,4}[ \t]+(?:hàng|dòng|rows?)[ \t]*\]?$/iu
const TABLE_CLOSING_RE = /^\[?[ \t]*(?:hết|kết thúc|cuối|end of)[ \t]+(?:bảng|table)(?:[ \t]+(?:số[ \t]+)?\d{1,3})?[ \t]*\]?$/iu
/** Whether a line is such words (short, read trimmed: the patterns' spaces run only between words). */
const viewWords = (line: string): boolean => {
  if (line.length > 80) return false
  const t = line.trim()
  return TABLE_OPENING_RE.test(t) || TABLE_CLOSING_RE.test(t)
}

/** The most columns a table read so has. */
const MAX_COLUMNS = 60

/** Fewest lines read as rows one after the other (or in all, each table opening on its first row) that tell a document read so. */
const MIN_ROWS = 3

/** A row as the view reads it: its number and its cells by column (0-based), a merged cell's text in its first column. */
interface Row {
  n: number
  cells: string[]
  /** The first and the last column its cells are in (0-based). */
  first: number
  last: number
  /** One cell over several columns (or a row read without any column's label), its text. */
  merged?: string
  /** The row was read without any column's label. */
  bare?: true
}

/**
 * A cell's text: its paragraphs, joined by " / " (a part opening in a capital, a bracket, a bullet
 * or a quote: "ỦY BAN NHÂN DÂN / PHƯỜNG …", "KT. CHỦ TỊCH / (Đã ký) / Nguyễn …"; "9 / 12" or "tôm /
 * cua" is one), as a converter joins a cell's paragraphs (a space, or "<br>" between items that all
 * open on a bullet); an empty cell's words as nothing; a bar as a slash (it would split the row).
 */
function cellText(raw: string): string {
  // (The separator before the next label read off the end by hand: a pattern of spaces on either side
  // of it would try every space of a long run.)
  const trimmed = raw.trim()
  const text = /[;,|]$/u.test(trimmed) ? trimmed.slice(0, -1).trimEnd() : trimmed
  if (EMPTY_CELL_RE.test(text)) return ''
  const parts = text.split(/[ \t]\/[ \t]+(?=[^\d\p{Ll}\s/])/u).map((p) => p.replace(/\|/gu, '/').trim()).filter((p) => p !== '')
  if (parts.length >= 2 && parts.every((p) => CELL_ITEM_RE.test(p))) return parts.join('<br>')
  return parts.join(' ')
}

/**
 * The row a line reads, or undefined: "Hàng 3: Cột 1: 1; Cột 2: …; …". The labels, in order, set the
 * cells apart, whatever stands between them (";", ",", a space): so a cell's own ";" ("Cột 2: Diện
 * tích lúa; trong đó …") splits nothing. After a cell, the label of the column next to it is the next
 * cell's wherever it is; only when none comes is the next label of a later column (an empty cell the
 * view left out) taken, and a label of a column not after the cell before is words of the cell. A
 * line of the row's opening alone, no label after it, is one cell over the row ("Hàng 2: I. KINH
 * TẾ"). The labels are found in one pass, and each looked at once or twice more.
 */
function readRow(line: string): Row | undefined {
  const m = ROW_RE.exec(line.slice(0, 40))
  if (!m) return undefined
  const rest = line.slice(m[0].length)
  const n = Number(m[1])
  type Label = { at: number; end: number; from: number; to: number }
  const found: Label[] = []
  for (const l of rest.matchAll(CELL_LABEL_RE)) {
    const from = Number(l[1]) - 1
    const to = l[2] !== undefined ? Math.max(from, Number(l[2]) - 1) : from
    if (from >= 0 && to < MAX_COLUMNS) found.push({ at: l.index, end: l.index + l[0].length, from, to })
  }
  const labels: Label[] = []
  if (found[0]?.at === 0) {
    // Where each column's labels are (their indexes in `found`), and how far each list has been read.
    const byColumn = new Map<number, number[]>()
    for (const [k, l] of found.entries()) {
      const list = byColumn.get(l.from)
      if (list) list.push(k)
      else byColumn.set(l.from, [k])
    }
    const read = new Map<number, number>()
    labels.push(found[0])
    let scan = 1
    while (scan < found.length) {
      const cur = labels[labels.length - 1]!.to
      const own = byColumn.get(cur + 1) ?? []
      let p = read.get(cur + 1) ?? 0
      while (p < own.length && own[p]! < scan) p++
      read.set(cur + 1, p)
      let at = p < own.length ? own[p]! : -1
      if (at === -1) {
        at = scan
        while (at < found.length && found[at]!.from <= cur) at++
        if (at === found.length) break
      }
      labels.push(found[at]!)
      scan = at + 1
    }
  }
  if (labels.length === 0) {
    const text = cellText(rest)
    return text === '' ? undefined : { n, cells: [text], first: 0, last: 0, merged: text, bare: true }
  }
  const cells: string[] = []
  for (const [k, l] of labels.entries()) cells[l.from] = cellText(rest.slice(l.end, labels[k + 1]?.at ?? rest.length))
  const only = labels.length === 1 && labels[0]!.to > labels[0]!.from ? cells[labels[0]!.from] : undefined
  return { n, cells, first: labels[0]!.from, last: labels[labels.length - 1]!.to, ...(only !== undefined ? { merged: only } : {}) }
}

/**
 * A table's rows as " | " rows, the first the heading (with its rule under it), every row as wide as
 * the widest. A group row, one cell over the whole table with its mark ("I. KINH TẾ - ĐÔ THỊ"), gives
 * its mark and its name two cells ("| I | KINH TẾ - ĐÔ THỊ | | … |"), as a converter writes a merged
 * group row.
 */
function tableLines(rows: readonly Row[]): string[] {
  // (A loop, not a spread into Math.max: a table of hundreds of thousands of rows overflows the call stack.)
  let width = 1
  for (const r of rows) width = Math.max(width, r.last + 1)
  const out: string[] = []
  for (const [k, r] of rows.entries()) {
    const cells = Array.from({ length: width }, (_, x) => r.cells[x] ?? '')
    const group = r.merged !== undefined && width >= 3 ? /^((?:[IVXLC]{1,6}|\d{1,2}|[A-ZĐ])[.)/])\s+(\S.*)$/u.exec(r.merged) : null
    if (group) {
      cells.fill('')
      cells[0] = group[1]!.replace(/[.)/]$/u, '')
      cells[1] = group[2]!
    }
    out.push(`| ${cells.join(' | ')} |`)
    if (k === 0) out.push(`|${' --- |'.repeat(width)}`)
  }
  return out
}

/**
 * The tables of a document copied from a viewer's reading mode, written back as " | " rows: each
 * run of row lines (blank lines between them allowed) is one table, a row numbered no higher than
 * the one before it ("Hàng 1" again) opening the next; cells a line reads apart under one number
 * ("Hàng 3, Cột 1: 1" / "Hàng 3, Cột 2: …") make one row. The view's lines around a table ("[Bảng
 * 2: 6 cột, 29 hàng]", "[Hết bảng 2]") go. Only in a document with MIN_ROWS lines read as rows one
 * after the other (or as many in all, each table opening on "Hàng 1: Cột 1: …"): any other text is
 * left as it is. One walk over the lines.
 */
export function readingModeTables(lines: readonly string[]): readonly string[] {
  // (A cheap look first: a document without a row's opening followed by a cell's label is left alone.)
  if (!lines.some((l) => /^[ \t]*(?:hàng|dòng|row)[ \t]/iu.test(l) && /(?:cột|column|col\.)[ \t]*\d/iu.test(l.slice(0, 60)))) return lines
  const parsed = lines.map(readRow)
  // The runs: their first and last line, their rows, and how many lines read rows.
  const runs: { start: number; end: number; rows: Row[]; lines: number }[] = []
  let run: (typeof runs)[number] | undefined
  for (let i = 0; i < lines.length; i++) {
    const r = parsed[i]
    if (r === undefined) {
      // (Blank lines between two rows of one table stay in it; anything else ends it.)
      if (run && lines[i]!.trim() === '') continue
      run = undefined
      continue
    }
    const last = run?.rows[run.rows.length - 1]
    // (A row read without any label belongs only right under the row before it.)
    if (r.bare && !(last && r.n === last.n + 1)) {
      run = undefined
      parsed[i] = undefined
      continue
    }
    if (last && run && r.n === last.n && r.first > last.last && r.merged === undefined && last.merged === undefined) {
      r.cells.forEach((c, x) => {
        if (c !== undefined) last.cells[x] = c
      })
      last.last = r.last
      run.end = i
      run.lines++
      continue
    }
    if (last && run && r.n > last.n) {
      run.rows.push(r)
      run.end = i
      run.lines++
      continue
    }
    run = { start: i, end: i, rows: [r], lines: 1 }
    runs.push(run)
  }
  // (Or only short tables, a header's two rows and a signature's one, each opening on its first row's
  // first column: "Hàng 1: Cột 1: ỦY BAN NHÂN DÂN / …; Cột 2: CỘNG HÒA …".)
  const opening = (r: (typeof runs)[number]): boolean => r.rows[0]!.n === 1 && r.rows[0]!.first === 0 && r.rows[0]!.bare === undefined
  const rowLines = runs.reduce((sum, r) => sum + r.lines, 0)
  if (!runs.some((r) => r.lines >= MIN_ROWS) && !(rowLines >= MIN_ROWS && runs.every(opening))) return lines
  const out: string[] = []
  let next = 0
  for (const r of runs) {
    for (; next < r.start; next++) out.push(viewWords(lines[next]!) ? '' : lines[next]!)
    // (Two tables read one right under the other are set apart by a blank line.)
    if (out.length > 0 && /^\|/u.test(out[out.length - 1]!)) out.push('')
    for (const l of tableLines(r.rows)) out.push(l)
    next = r.end + 1
  }
  for (; next < lines.length; next++) out.push(viewWords(lines[next]!) ? '' : lines[next]!)
  return out
}
