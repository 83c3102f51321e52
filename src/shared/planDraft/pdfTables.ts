// Tables a PDF's text layer gives cell by cell (issue 13): each cell on a line of its own, row after
// row (stacked tables), or column after column (column tables), with page furniture between rows.
// Each is written back as " | " rows.
import { unitInfo } from './lexicon'
import { append, ROW_NUMBER_HEADING_RE } from './lines'
import { COLUMN_HEADING_RE } from './textTables'

/** A row number alone on its line: "1", "2.", "3)". */
const ROW_NUMBER_RE = /^\s*(\d{1,3})[.)]?\s*$/u
/** A part's row number alone on its line, under its row's: "2.1", "2.2.". */
const PART_ROW_NUMBER_RE = /^\s*(\d{1,3})\.(\d{1,2})[.)]?\s*$/u
/** Page furniture a PDF puts between a table's rows: a blank, a page number, a running header or footer set apart by wide spaces. */
function pageFurniture(line: string): boolean {
  // Not a bare number: that is a row number or a figure here.
  return line.trim() === '' || line.includes('\f') || /^(?:(?:trang|page)\s*\d{1,3}(?:\s*\/\s*\d{1,3})?|\d{1,3}\s*\/\s*\d{1,3}|[-–]\s*\d{1,3}\s*[-–])$/iu.test(line.trim()) || /\S\s{3,}\S|^\s{8,}\S/u.test(line)
}

/** A count of all of a kind alone on its line ("3/4", "11/14"): a page number or a table's cell. */
const FRACTION_CELL_RE = /^\s*\d{1,3}\s*\/\s*\d{1,3}\s*$/u
/**
 * A group row's numeral alone on its line: "I", "II.", "III)"; or its capital letter, "A", "B.", as a
 * Word table letters its groups ("A" / "KINH TẾ", "B" / "VĂN HÓA - XÃ HỘI").
 */
const GROUP_ROW_RE = /^\s*([IVXLC]{1,6}|[A-H])[.)]?\s*$/u
/** A row-number cell holding a dash alone ("-", "+"): a row without a number, its name on the next line. */
const DASH_CELL_RE = /^\s*[-–+]\s*$/u
/** A row without a number of its own under a group row: "- Diện tích", "+ Năng suất". */
const SUB_ROW_RE = /^\s*[-–+]\s*\p{L}/u

/** A column's number alone on its line, as a table numbers its columns under the heading: "(1)", "(5)". */
const COLUMN_NUMBER_RE = /^\s*\((\d{1,2})\)\s*$/u

/** How many lines from `at` are the columns' numbers "(1)" … "(width)", one a line, in order: all of them or none. */
function columnNumbers(lines: readonly string[], at: number, width: number): number {
  for (let x = 0; x < width; x++) if (COLUMN_NUMBER_RE.exec(lines[at + x] ?? '')?.[1] !== String(x + 1)) return 0
  return width
}

/**
 * The pages' running headers, for a table given one cell a line: a line standing right after a
 * page's number or a form feed ("Trang 2/5" / "UBND xã … - Kế hoạch thi đua năm 2024"), the same words
 * after another page's number too. There, between two rows, it is no cell. (One pass over the lines.)
 */
function runningHeaders(lines: readonly string[]): Set<string> {
  const seen = new Map<string, number>()
  for (let x = 1; x < lines.length; x++) {
    const t = lines[x]!.trim()
    if (t === '' || t.length > 120 || !pageBreakBefore(lines, x)) continue
    seen.set(t, (seen.get(t) ?? 0) + 1)
  }
  return new Set([...seen].filter(([, n]) => n >= 2).map(([t]) => t))
}
/** A page's number alone on its line, as a PDF's footer gives it: "Trang 2/5", "Page 3", "- 4 -". */
const PAGE_NUMBER_LINE_RE = /^(?:(?:trang|page)\s*\d{1,3}(?:\s*\/\s*\d{1,3})?|[-–]\s*\d{1,3}\s*[-–])$/iu
/** Line `x` comes right after a page's number or a form feed. */
function pageBreakBefore(lines: readonly string[], x: number): boolean {
  const before = lines[x - 1]
  return before !== undefined && (before.includes('\f') || PAGE_NUMBER_LINE_RE.test(before.trim()))
}

/**
 * How many lines the unit's cell of a row given one cell a line takes from line `x`: one for a unit
 * ("ha", "%"), two for a unit wrapped after its slash ("triệu đồng/" / "người/năm": the slash never
 * ends a unit, a short line of words goes on with it); none for any other line.
 */
function unitLines(lines: readonly string[], x: number): number {
  const t = lines[x]?.trim() ?? ''
  if (t === '') return 0
  const next = lines[x + 1]?.trim() ?? ''
  if (/\p{L}\/$/u.test(t) && t.length <= 30 && /^\p{Ll}[\p{L}/ ]{0,20}$/u.test(next)) return 2
  return unitInfo(t) ? 1 : 0
}

/**
 * A row's name wrapped onto line `x` of a table given one cell a line ("Diện tích lúa trên đất nuôi
 * tôm (lúa -" / "tôm)" / "ha"): a short line opening in lower case that is no unit, right before the
 * row's unit.
 */
function wrapsName(lines: readonly string[], x: number): boolean {
  const t = lines[x]?.trim() ?? ''
  return /^\p{Ll}/u.test(t) && t.length <= 60 && !unitInfo(t) && unitLines(lines, x) === 0 && unitLines(lines, x + 1) > 0
}

/**
 * Where a row of a table given one cell a line may end: the text's end, a blank or a page's furniture,
 * the next row's number (`expected`), a group row's numeral, another row without a number, or a line
 * too long for a cell (a note under the table, the text after it).
 */
function stackedRowEnds(lines: string[], at: number, expected: number): boolean {
  const line = lines[at]
  return line === undefined || pageFurniture(line) || ROW_NUMBER_RE.exec(line)?.[1] === String(expected) || GROUP_ROW_RE.test(line) || SUB_ROW_RE.test(line) || line.trim().length > 40
}

/**
 * The `count` cells of a row of a table given one cell a line that follow its name (from line
 * `from`): each a short line that is no page's furniture, no group's numeral, no row without a
 * number nor the next row's number (`expected`). A cell a Word table left empty is a line of
 * spaces; where the table's rows stand with no blank line between them (`emptyCells`) an empty line
 * is such a cell too ("Trong đó: …" / "ha" / "380" / "" under a notes column), though not every cell
 * of the row.
 */
function stackedCells(lines: string[], from: number, count: number, expected: number, emptyCells: boolean): boolean {
  let filled = false
  for (let x = from; x < from + count; x++) {
    const c = lines[x]
    if (c === undefined || c.includes('\f')) return false
    if (c.trim() === '') {
      if (c === '' && !emptyCells) return false
      continue
    }
    if (c.trim().length > 40 || pageFurniture(c) || SUB_ROW_RE.test(c) || DASH_CELL_RE.test(c) || GROUP_ROW_RE.test(c) || ROW_NUMBER_RE.exec(c)?.[1] === String(expected)) return false
    filled = true
  }
  return filled
}

/**
 * A row of a table given one cell a line whose row-number cell is an empty line (at `at`): the row's
 * name then its other cells (stackedCells), and the row's end after them. The count of cells says
 * the empty line is a cell.
 */
function stackedEmptyNumberRow(lines: string[], at: number, width: number, expected: number, emptyCells: boolean): boolean {
  const empty = lines[at]
  const name = lines[at + 1]?.trim() ?? ''
  if (empty === undefined || empty.trim() !== '' || empty.includes('\f') || width < 3) return false
  // (A sentence ending on its full stop is no cell: the table has ended.)
  if (!/\p{L}{2,}/u.test(name) || name.length > 120 || /[.;!?]$/u.test(name) || ROW_NUMBER_RE.test(name) || GROUP_ROW_RE.test(name) || PART_ROW_NUMBER_RE.test(name) || DASH_CELL_RE.test(name)) return false
  return stackedCells(lines, at + 2, width - 2, expected, emptyCells) && stackedRowEnds(lines, at + width, expected)
}

/**
 * A table whose cells a PDF's text layer (or a Word table saved as text) gives one per line: the
 * headings ("TT", "Chỉ tiêu", "Đơn vị tính", "Kế hoạch 2026") each alone, then every row as its
 * number followed by its other cells, rows numbered 1, 2, 3 … and page furniture between them.
 * Each row becomes `| a | b | … |`. A row with fewer lines (an empty cell the PDF left out) ends at
 * the next row number followed by a name; a cell a Word table left empty is a line of spaces. A
 * group row is a Roman numeral and a name ("I" / "KINH TẾ"), after which the numbering may start
 * again; a numbered row of a name alone heads rows without a number ("2" / "Cây lúa cả năm" /
 * "- Diện tích" / "ha" / "386" / "392"), and a row without a number under a row of its own figures
 * is its part ("- Trong đó: …" / "lao động" / "110" / "120"). A row numbered under the one above
 * ("2.1", "2.2" after "2") is its part, and the numbering goes on after the parts; a blank line (or
 * a page's furniture) may stand between the heading and the first row. Anything else ends the table.
 */
export function stackedTables(lines: string[]): string[] {
  const out: string[] = []
  // (Read once, at the first table.)
  let headers: Set<string> | undefined
  for (let i = 0; i < lines.length; i++) {
    if (!ROW_NUMBER_HEADING_RE.test(lines[i]!)) {
      out.push(lines[i]!)
      continue
    }
    const head = [lines[i]!.trim()]
    let j = i + 1
    while (j < lines.length && head.length < 8 && !ROW_NUMBER_RE.test(lines[j]!) && !GROUP_ROW_RE.test(lines[j]!) && !COLUMN_NUMBER_RE.test(lines[j]!) && lines[j]!.trim() !== '' && lines[j]!.trim().length <= 40) head.push(lines[j++]!.trim())
    // "(1)" / "(2)" / … / "(5)": the columns' numbers under the heading, one a cell, are no row.
    j += columnNumbers(lines, j, head.length)
    // (A blank line or a page's furniture may stand between the heading and the first row.)
    while (j < lines.length && j - i <= 12 && pageFurniture(lines[j]!)) j++
    const firstRow = ROW_NUMBER_RE.exec(lines[j] ?? '')?.[1] ?? GROUP_ROW_RE.exec(lines[j] ?? '')?.[1]
    if (head.length < 3 || head.length > 7 || (firstRow !== '1' && firstRow !== 'I' && firstRow !== 'A') || !head.some((h) => COLUMN_HEADING_RE.test(h))) {
      out.push(lines[i]!)
      continue
    }
    const rows: string[] = [`| ${head.join(' | ')} |`]
    const blank = (n: number): string => ' |'.repeat(n)
    headers ??= runningHeaders(lines)
    const known = headers
    // A page's furniture between two rows: a blank, a page's number, the running header after it.
    const furniture = (x: number): boolean => pageFurniture(lines[x]!) || (known.has(lines[x]!.trim()) && pageBreakBefore(lines, x))
    let at = j
    let expected = 1
    // After a group row the numbering may start again at 1; after a row of a name alone, rows without a number follow.
    let restart = false
    let heads = false
    // The last row pushed is one of figures (no group's row, no row of a name alone).
    let afterRow = false
    // The part expected next under the last numbered row ("2.1", then "2.2").
    let partExpected = 1
    // A blank line seen between the lines of the table's rows: blank lines are its furniture, no empty cell.
    let blankInRows = false
    // The heading's cells repeated, one a line, at `k` (the table's heading again on a new page).
    const emptyCell = (c: string): boolean => c.trim() === '' && !c.includes('\f') && (c !== '' || !blankInRows)
    const headAgain = (k: number): boolean => head.every((h, x) => lines[k + x]?.trim().toLowerCase() === h.toLowerCase())
    for (;;) {
      // "640" / "" / "Trong đó: diện tích …" / "ha" / "95": a Word table's row whose row-number cell
      // is left empty, an empty line, where the table's rows so far stood with no blank line between
      // their lines and the lines after it are exactly the row's other cells, the next row, a group's
      // or the table's end following them. The empty line is that row's number cell.
      if (afterRow && !blankInRows && stackedEmptyNumberRow(lines, at, head.length, expected, true)) {
        rows.push(`| | ${lines.slice(at + 1, at + head.length).map((c) => c.trim()).join(' | ')} |`)
        at += head.length
        continue
      }
      let k = at
      while (k < lines.length && furniture(k)) k++
      // " " / "Trong đó: …" / "ha" / "310" / "400" after the blank line that parts two rows: the row's
      // number cell left empty, a line of spaces as a Word cell left empty gives it (or an empty line
      // more than the one parting the rows, where blank lines part them), the row's other cells and
      // its end after it (stackedEmptyNumberRow).
      const cell = k - 1
      if (
        afterRow &&
        cell >= at &&
        lines[cell]!.trim() === '' &&
        (lines[cell]!.length > 0 || (blankInRows && cell > at && lines[cell - 1]!.trim() === '' && !lines[cell - 1]!.includes('\f'))) &&
        stackedEmptyNumberRow(lines, cell, head.length, expected, false)
      ) {
        if (cell > at) blankInRows = true
        rows.push(`| | ${lines.slice(cell + 1, cell + head.length).map((c) => c.trim()).join(' | ')} |`)
        at = cell + head.length
        continue
      }
      for (let b = Math.max(at, j + 1); b < k; b++) if (lines[b]!.trim() === '') blankInRows = true
      // "Trang 2" / "STT" / "Chỉ tiêu" / …: the heading repeated after a page break is no row.
      if (k > at && headAgain(k)) {
        k += head.length
        k += columnNumbers(lines, k, head.length)
        while (k < lines.length && pageFurniture(lines[k]!)) k++
      }
      const line = lines[k] ?? ''
      const roman = GROUP_ROW_RE.exec(line)
      const name = lines[k + 1]?.trim() ?? ''
      if (roman && /\p{L}{2,}/u.test(name) && !/\d/u.test(name)) {
        rows.push(`| ${roman[1]} | ${name} |${blank(head.length - 2)}`)
        at = k + 2
        // "I" / "KINH TẾ" / "" / "" / "": a Word table's group row keeps its other cells as empty
        // lines, exactly as many as it has cells left; they are its cells, no page's furniture.
        let e = at
        while (e < at + head.length - 2 && lines[e] !== undefined && lines[e]!.trim() === '' && !lines[e]!.includes('\f')) e++
        if (e === at + head.length - 2 && lines[e] !== undefined && lines[e]!.trim() !== '') at = e
        restart = true
        heads = false
        afterRow = false
        continue
      }
      const number = ROW_NUMBER_RE.exec(line)
      // "2" / "Tổng sản lượng lương thực" then "2.1" / "Sản lượng lúa": a row numbered under the row
      // above, its part ("2.1", "2.2" … after row 2); the numbering goes on at 3 after them.
      const partNumber = !number ? PART_ROW_NUMBER_RE.exec(line) : null
      const partRow = partNumber !== null && Number(partNumber[1]) === expected - 1 && Number(partNumber[2]) === partExpected && /\p{L}{2,}/u.test(name)
      // "21" / "Giải quyết việc làm mới" / "lao động" / "265" / "280" then "- Trong đó: làm việc tại …" /
      // "lao động" / "110" / "120": a row without a number under a row of its own, its part. Its other
      // cells are short lines, none a group's numeral, a row without a number or the next row's number, and
      // the next row, a group's or the table's end follows them.
      // (A Word table copied one cell a line gives the dash in the row-number cell, alone on its
      // line, and the name on the next: "-" / "Trong đó: …" / "%" / "36" / "40"; that row has a
      // line more.)
      const dashed = DASH_CELL_RE.test(line) && /\p{L}{2,}/u.test(name) && name.length <= 120 && !ROW_NUMBER_RE.test(name) && !GROUP_ROW_RE.test(name)
      const d = dashed ? 1 : 0
      // ("-" / "Trong đó: tôm thâm canh, siêu thâm" / "canh" / "ha" / …: its name wrapped, a line more.)
      const w = wrapsName(lines, k + 1 + d) ? 1 : 0
      const partOfRow =
        !number &&
        !heads &&
        afterRow &&
        k === at &&
        (SUB_ROW_RE.test(line) || dashed) &&
        line.trim().length <= 120 &&
        stackedCells(lines, k + 1 + d + w, head.length - 2, expected, !blankInRows) &&
        stackedRowEnds(lines, k + d + w + head.length - 1, expected)
      const sub = (!number && heads && k === at && (SUB_ROW_RE.test(line) || (dashed && name.length <= 60)) && line.trim().length <= 60) || partOfRow
      if (partRow) {
        partExpected++
        heads = false
      } else if (!sub && (!number || (Number(number[1]) !== expected && !(restart && number[1] === '1')))) break
      if (number) {
        partExpected = 1
        expected = Number(number[1]) + 1
        restart = false
        // "2" / "Cây lúa cả năm" / "- Diện tích": a row of a name alone over rows without a number;
        // "2" / "Cây lúa cả năm" / "2.1" / "Diện tích gieo cấy": over rows numbered as its parts.
        const part = PART_ROW_NUMBER_RE.exec(lines[k + 2] ?? '')
        if (/\p{L}{2,}/u.test(name) && part && part[1] === number[1] && part[2] === '1' && /\p{L}{2,}/u.test(lines[k + 3] ?? '')) {
          rows.push(`| ${number[1]} | ${name} |${blank(head.length - 2)}`)
          at = k + 2
          heads = false
          afterRow = false
          continue
        }
        // ("2" / "Lúa" / "" / "" / "" / "-" / "Diện tích" / "ha" / …: a Word table's row of a name alone
        // keeps its other cells as empty lines, exactly as many as it has cells left, and its rows
        // without a number give their dash alone in the row-number cell. Only after those empty
        // cells: "3" / "Xã đạt chuẩn …" / "-" / "Đạt" is a row whose unit cell is "-".)
        let e = k + 2
        while (e < k + head.length && lines[e] !== undefined && lines[e]!.trim() === '' && !lines[e]!.includes('\f')) e++
        const emptied = e === k + head.length
        const subAt = emptied ? e : k + 2
        const dashedSub = emptied && DASH_CELL_RE.test(lines[subAt] ?? '') && /^\s*\p{L}/u.test(lines[subAt + 1] ?? '') && /\p{L}{2,}/u.test(lines[subAt + 1] ?? '') && (lines[subAt + 1] ?? '').trim().length <= 60 && !unitInfo((lines[subAt + 1] ?? '').trim())
        if (/\p{L}{2,}/u.test(name) && (SUB_ROW_RE.test(lines[subAt] ?? '') || dashedSub)) {
          rows.push(`| ${number[1]} | ${name} |${blank(head.length - 2)}`)
          at = subAt
          heads = true
          afterRow = false
          continue
        }
        heads = false
      }
      const cells = number ? [number[1]!] : partRow ? [`${partNumber![1]}.${partNumber![2]}`] : dashed ? ['', `${line.trim()} ${name}`] : ['', line.trim()]
      let n = k + 1 + d
      while (cells.length < head.length && n < lines.length) {
        const cell = lines[n]!
        // A line of spaces between two cells of a row is a cell left empty (a Word table's).
        if (cells.length >= 2 && cell.length > 0 && cell.trim() === '' && !cell.includes('\f') && n + 1 < lines.length && !pageFurniture(lines[n + 1]!) && !ROW_NUMBER_RE.test(lines[n + 1]!)) {
          cells.push('')
          n++
          continue
        }
        // An empty line is an empty cell ("Xã đạt tiêu chuẩn …" / "" / "Đạt" / "Đạt", a web page's
        // table copied on a phone) where the table's rows so far stood with no blank line between
        // their lines, and the cells still to come follow it, none of them empty or a page's furniture.
        if (cells.length >= 2 && cell === '' && !blankInRows && lines.slice(n + 1, n + head.length - cells.length).every((c) => !pageFurniture(c)) && n + head.length - cells.length <= lines.length) {
          cells.push('')
          n++
          continue
        }
        // "Trường đạt chuẩn quốc gia" / "trường" / "3/4" / "4/4": a count of all of a kind fills the
        // row's cells up to the next row's number; it is no page number there.
        const missing = head.length - cells.length
        // (An empty cell after it, a line of spaces or an empty line where no blank line parts the rows, is a cell.)
        const fills = (x: number): boolean => x < lines.length && (FRACTION_CELL_RE.test(lines[x]!) || !pageFurniture(lines[x]!) || emptyCell(lines[x]!))
        const closes = (x: number): boolean => x >= lines.length || ROW_NUMBER_RE.exec(lines[x]!)?.[1] === String(expected) || GROUP_ROW_RE.test(lines[x]!) || PART_ROW_NUMBER_RE.test(lines[x]!) || !/^\s*[\d≥≤<>]/u.test(lines[x]!)
        if (cells.length >= 2 && FRACTION_CELL_RE.test(cell) && Array.from({ length: missing - 1 }, (_, x) => n + 1 + x).every(fills) && closes(n + missing)) {
          cells.push(cell.trim())
          n++
          continue
        }
        if (pageFurniture(cell)) {
          if (cell.trim() === '') blankInRows = true
          n++
          continue
        }
        // The next row's number, then its name: this row had an empty cell.
        const next = ROW_NUMBER_RE.exec(cell)
        let after = n + 1
        while (after < lines.length && pageFurniture(lines[after]!)) after++
        if (cells.length >= 2 && next && Number(next[1]) === expected && /\p{L}{2,}/u.test(lines[after] ?? '')) break
        // (Or the next row without a number, under the same group.)
        if (cells.length >= 3 && heads && SUB_ROW_RE.test(cell)) break
        // "Thu ngân sách nhà nước trên địa" / "bàn" / "triệu đồng": a name wrapped onto a second
        // line, in lower case and no unit, before the unit's line, is one cell.
        if (cells.length === 2 && wrapsName(lines, n)) {
          cells[1] = `${cells[1]} ${cell.trim()}`
          n++
          continue
        }
        // "triệu đồng/" / "người/năm": a unit wrapped after its slash is one cell.
        if (cells.length === 2 && unitLines(lines, n) === 2) {
          cells.push(`${cell.trim()}${lines[n + 1]!.trim()}`)
          n += 2
          continue
        }
        cells.push(cell.trim())
        n++
      }
      if (cells.length < 3) break
      rows.push(`| ${cells.join(' | ')} |`)
      afterRow = true
      at = n
    }
    if (rows.length < 3) {
      out.push(lines[i]!)
      continue
    }
    append(out, rows)
    i = at - 1
  }
  return out
}

/** The most rows a table given column by column is read with (a plan's table has a few dozen). */
const COLUMN_TABLE_ROWS = 150
/** A year alone on its line, the heading's label wrapped before it ("KH năm" / "2024"). */
const YEAR_LINE_RE = /^\s*(?:19|20)\d{2}\s*$/u
/** The unit column's heading: "ĐVT", "Đơn vị tính", "Đơn vị". */
const UNIT_HEADING_RE = /^\s*(?:đvt|đơn vị(?: tính)?)\s*$/iu

/**
 * A figure column of a table given column by column, from `e` of the table's lines `t`: its label
 * (a short line of words, its year wrapped onto the next line, "KH năm" / "2024", or its words,
 * "Kế hoạch" / "năm 2024"), then exactly `count` cells, each a short line, most holding a figure.
 * The line after its last cell.
 */
function figureColumn(t: readonly string[], e: number, count: number): { label: string; cells: string[]; next: number } | undefined {
  const label = t[e]
  if (label === undefined || label.length > 40 || !/\p{L}{2,}/u.test(label) || /^[≥≤<>]|^\d/u.test(label)) return undefined
  let from = e + 1
  let words = label
  if ((!/\d{4}/u.test(label) && YEAR_LINE_RE.test(t[from] ?? '')) || /^\p{Ll}/u.test(t[from] ?? '')) words = `${label} ${t[from++]!}`
  if (from + count > t.length) return undefined
  const cells = t.slice(from, from + count)
  // (A cell without a figure is a word or two, "Đạt", "Hoàn thành"; a heading after the table is none.)
  if (cells.some((c) => c.length > 30 || (!/\d/u.test(c) && !/^[\p{L} –-]{1,15}$/u.test(c))) || cells.filter((c) => /\d/u.test(c)).length * 2 < count) return undefined
  return { label: words, cells, next: from + count }
}

/**
 * The cells of a column of `count` cells given in `lines`, some wrapped over two lines: exactly as many
 * lines to join as the lines exceed the count, each onto the line before, where `joins` says it goes
 * on there (`strong`), or else the count is met only with the weaker ones too; any other count is no
 * column.
 */
function joinedColumn(lines: readonly string[], count: number, strong: (x: number) => boolean, weak: (x: number) => boolean): string[] | undefined {
  const need = lines.length - count
  if (need < 0) return undefined
  const firm = lines.map((_, x) => x > 0 && strong(x))
  const loose = lines.map((_, x) => x > 0 && (firm[x]! || weak(x)))
  const pick = firm.filter(Boolean).length === need ? firm : loose.filter(Boolean).length === need ? loose : undefined
  if (!pick) return undefined
  const cells: string[] = []
  lines.forEach((l, x) => {
    if (pick[x]) cells[cells.length - 1] = `${cells[cells.length - 1]!} ${l}`
    else cells.push(l)
  })
  return cells
}

/**
 * A table whose cells a PDF's text layer gives column by column, each cell on its own line: the
 * row-number heading ("TT") and all the rows' numbers (group rows' numerals "I", "A" among them), then
 * the names' heading ("Chỉ tiêu") and all the names (a name wrapped over two lines goes on in lower
 * case, or the count demands the join), then the units' heading ("ĐVT") and one unit for each row
 * that is no group's (a unit wrapped over two lines, "triệu" / "đồng/người", joined as the count
 * demands), then each figure column, its heading and as many cells. The count of row numbers gives
 * the rows; only when every column's count agrees is it a table, rebuilt as `| a | b | … |` rows (a
 * group row has a number and a name only); a list of names not followed by such columns stays as it
 * is. From line `at` (the "TT"); the rows and the line after the table.
 */
function columnTable(lines: readonly string[], at: number, furniture: (x: number) => boolean): { rows: string[]; next: number } | undefined {
  // The table's lines without the pages' furniture, and where each stands.
  const t: string[] = []
  const where: number[] = []
  let x = at + 1
  let expected = 1
  const groups: boolean[] = []
  const numbers: string[] = []
  for (; x < lines.length && numbers.length <= COLUMN_TABLE_ROWS; x++) {
    if (furniture(x)) continue
    const line = lines[x]!
    const n = ROW_NUMBER_RE.exec(line)?.[1]
    const g = GROUP_ROW_RE.exec(line)?.[1]
    if (n !== undefined && (Number(n) === expected || (n === '1' && groups[groups.length - 1] === true))) {
      numbers.push(n)
      groups.push(false)
      expected = Number(n) + 1
    } else if (g !== undefined && n === undefined) {
      numbers.push(g)
      groups.push(true)
    } else break
  }
  const rows = numbers.length
  const data = groups.filter((g) => !g).length
  if (rows < 3 || data < 2 || rows > COLUMN_TABLE_ROWS || groups[rows - 1] === true) return undefined
  // The lines after the numbers, as far as the columns can reach (each cell at most two lines).
  const reach = 2 * rows + 4 * (data + 2) + 8
  for (; x < lines.length && t.length < reach; x++) {
    if (furniture(x)) continue
    if (lines[x]!.trim().length > 120) break
    t.push(lines[x]!.trim())
    where.push(x)
  }
  // The names' heading, the names up to the units' heading.
  const nameHead = t[0]
  if (nameHead === undefined || !/\p{L}{2,}/u.test(nameHead) || nameHead.length > 40 || UNIT_HEADING_RE.test(nameHead)) return undefined
  const unitAt = t.findIndex((l, k) => k > rows && UNIT_HEADING_RE.test(l))
  if (unitAt < 0) return undefined
  const nameLines = t.slice(1, unitAt)
  if (nameLines.some((l) => l.length > 120 || !/\p{L}{2,}/u.test(l))) return undefined
  const names = joinedColumn(nameLines, rows, (k) => /^\p{Ll}/u.test(nameLines[k]!), (k) => !/^\p{Lu}/u.test(nameLines[k]!))
  if (!names) return undefined
  // The units, up to the first figure column: as few lines as the count allows.
  const from = unitAt + 1
  for (let e = from + data; e <= from + 2 * data && e < t.length; e++) {
    const unitLines = t.slice(from, e)
    if (unitLines.some((l) => l.length > 30 || /^\d/u.test(l))) return undefined
    const first = figureColumn(t, e, data)
    if (!first) continue
    const units = joinedColumn(unitLines, data, (k) => unitInfo(`${unitLines[k - 1]!} ${unitLines[k]!}`) !== undefined || /\/$/u.test(unitLines[k - 1]!), () => false)
    if (!units) continue
    const columns = [first]
    for (let c = figureColumn(t, first.next, data); c; c = figureColumn(t, c.next, data)) columns.push(c)
    // A further column's heading with figures under it, of another count: the columns disagree, no table.
    const after = columns[columns.length - 1]!.next
    if (figureColumn(t, after, 1) && /\d/u.test(figureColumn(t, after, 1)!.cells[0]!)) return undefined
    const out = [`| ${[lines[at]!.trim(), nameHead, t[unitAt]!, ...columns.map((c) => c.label)].join(' | ')} |`]
    let d = 0
    numbers.forEach((n, r) => {
      if (groups[r]) out.push(`| ${n} | ${names[r]!} |${' |'.repeat(columns.length + 1)}`)
      else {
        out.push(`| ${[n, names[r]!, units[d]!, ...columns.map((c) => c.cells[d]!)].join(' | ')} |`)
        d++
      }
    })
    const last = columns[columns.length - 1]!.next - 1
    return { rows: out, next: where[last]! + 1 }
  }
  return undefined
}

/** Each table a PDF's text layer gives column by column (columnTable), rebuilt row by row. */
export function columnTables(lines: string[]): string[] {
  const out: string[] = []
  let headers: Set<string> | undefined
  for (let i = 0; i < lines.length; i++) {
    if (!ROW_NUMBER_HEADING_RE.test(lines[i]!) || !(ROW_NUMBER_RE.test(lines[i + 1] ?? '') || GROUP_ROW_RE.test(lines[i + 1] ?? '') || pageFurniture(lines[i + 1] ?? 'x'))) {
      out.push(lines[i]!)
      continue
    }
    headers ??= runningHeaders(lines)
    const known = headers
    const read = columnTable(lines, i, (x) => pageFurniture(lines[x]!) || (known.has(lines[x]!.trim()) && pageBreakBefore(lines, x)))
    if (!read) {
      out.push(lines[i]!)
      continue
    }
    append(out, read.rows)
    i = read.next - 1
  }
  return out
}
