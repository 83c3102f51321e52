// Tables drawn in plain text (issue 13): box-drawing tables, grid tables with "+---+" rules, bar
// tables with or without outer bars, tab-separated rows, and columns aligned by spaces under a rule
// of dashes. Each becomes " | " rows, the one form of a table row the drafter reads.
import { unitInfo } from './lexicon'
import { append, PAGE_FOOTER_RE, PAGE_NUMBER_RE, ROW_NUMBER_HEADING_RE } from './lines'

/** A box's vertical rule, light, heavy, double or dashed ("│", "┃", "║", "┆"): a table's cell border. */
// (No "u" flag: every box character is in the Basic Multilingual Plane, and a long row is replaced faster without it.)
const BOX_BAR_RE = /[\u2502\u2503\u2506\u2507\u250A\u250B\u2551\u254E\u254F]/g
/** A box's horizontal rules ("─", "━", "═", "┄", "╌", a half "╴"), by their place from U+2500. */
const BOX_HORIZONTALS = new Uint8Array(0x80)
for (const c of [0x00, 0x01, 0x04, 0x05, 0x08, 0x09, 0x4c, 0x4d, 0x50, 0x74, 0x76, 0x78, 0x7a, 0x7c, 0x7e]) BOX_HORIZONTALS[c] = 1

/**
 * A line drawn only of box characters and spaces, its lines and at least one corner or junction
 * ("┌───┬───┐", "├───┼───┤", "╚═══╩═══╝"): how many columns it rules (its runs of lines), or 0
 * for any other line (a line of "─" alone is no table's). Read character by character, once.
 */
function boxRuleColumns(line: string): number {
  let columns = 0
  let joints = false
  let inLine = false
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i)
    if (c === 0x20) continue
    if (c < 0x2500 || c > 0x257f) return 0
    const horizontal = BOX_HORIZONTALS[c - 0x2500] === 1
    if (horizontal && !inLine) columns++
    if (!horizontal) joints = true
    inLine = horizontal
  }
  return joints ? columns : 0
}

/**
 * The heading of a box table wrapped over lines, each cell's words under its first ("│ TT │ Chỉ tiêu │
 * Ước TH   │ Kế hoạch │" over "│    │          │ năm 2024 │ năm 2025 │"): the lines from the top rule
 * to the first rule inside the table (two to four lines, of as many cells, each after the first with
 * an empty first cell) are one row, each cell's parts joined: "| TT | Chỉ tiêu | Ước TH năm 2024 |
 * Kế hoạch năm 2025 |". A table ruled only at its top and bottom has no such heading block.
 */
function wrappedBoxHeading(lines: readonly string[], from: number): { row: string; end: number } | undefined {
  const rows: string[][] = []
  let end = from
  while (end < lines.length && rows.length <= 4 && boxRuleColumns(lines[end]!) === 0 && /[\u2502\u2503\u2551]/u.test(lines[end]!)) {
    rows.push(lines[end]!.replace(BOX_BAR_RE, '|').trim().split('|'))
    end++
  }
  if (rows.length < 2 || rows.length > 4 || end + 1 >= lines.length || boxRuleColumns(lines[end]!) < 2 || !/[\u2502\u2503\u2551]/u.test(lines[end + 1]!)) return undefined
  const width = rows[0]!.length
  // (Rows closed by their outer rules, so that the first cell is the one after the first "│".)
  if (rows.some((r, k) => r.length !== width || r[0] !== '' || (k > 0 && r[1]?.trim() !== ''))) return undefined
  const cells = rows[0]!.map((_, c) => rows.map((r) => r[c]!.trim()).filter((x) => x !== '').join(' '))
  return { row: cells.join(' | ').trim(), end }
}

/**
 * A table drawn with box-drawing characters, as a word processor's text export, a PDF converter or a
 * console tool writes it ("┌───┬───┐", "│ cell │ cell │", "├───┼───┤", "└───┴───┘"; the double
 * "╔═╦═╗ ║ ╠═╬═╣ ╚═╩═╝" and heavy "┏━┳━┓ ┃" forms alike), written in the forms the drafter already
 * reads: each rule line as a grid table's "+-+-+" (no row: tableRow drops it), each
 * vertical rule as a pipe, so that "│ 1 │ Thu ngân sách (triệu đồng) │ 44.870 │ 48.600 │" is the pipe
 * table's row "| 1 | Thu ngân sách (triệu đồng) | 44.870 | 48.600 |". A row of one cell inside such
 * a table (a group's row merged over the columns, "│ I. KINH TẾ │") gives its mark and its name two
 * cells, as an HTML table's does; a box of one column (a framed note, "┌────┐ │ Ghi chú: … │ └────┘")
 * is no table: its rules are blank lines and its lines text. One pass, each line read once.
 */
export function boxTables(lines: string[]): string[] {
  const out: string[] = []
  // The columns of the box table being read (0 outside one).
  let columns = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!/[\u2500-\u257F]/u.test(line)) {
      columns = 0
      out.push(line)
      continue
    }
    const ruled = boxRuleColumns(line)
    if (ruled > 0) {
      // (Its columns as a grid table's rule writes them, "+-+-+": the rule's length tells nothing.)
      const top = columns === 0
      columns = ruled
      out.push(columns >= 2 ? `+${'-+'.repeat(columns)}` : '')
      const heading = top && columns >= 2 ? wrappedBoxHeading(lines, i + 1) : undefined
      if (heading) {
        out.push(heading.row)
        i = heading.end - 1
      }
      continue
    }
    // (Its bars counted up to three: a row of one cell has two.)
    let bars = 0
    BOX_BAR_RE.lastIndex = 0
    while (bars < 3 && BOX_BAR_RE.exec(line)) bars++
    if (bars === 0) {
      columns = 0
      out.push(line)
      continue
    }
    const row = line.replace(BOX_BAR_RE, '|')
    const cell = bars === 2 ? /^\s*\|(.*)\|\s*$/u.exec(row)?.[1]?.trim() : undefined
    if (cell !== undefined && columns < 2) {
      // A framed note's line: its text.
      out.push(cell)
      continue
    }
    const group = cell !== undefined ? /^((?:[IVXLC]{1,6}|\d{1,2}|[A-Z])[.)/])\s+(\S.*)$/u.exec(cell) : null
    out.push(group ? `| ${group[1]!.replace(/[.)/]$/u, '')} | ${group[2]!} |` : row)
  }
  return out
}

/** How many cells a line of tab-separated cells holds (not counting empty ones), 0 for any other line. */
function tabCellCount(line: string | undefined): number {
  if (line === undefined || !line.includes('\t') || line.includes('|')) return 0
  return line.split('\t').filter((c) => c.trim() !== '').length
}

/**
 * "⇥I. KINH TẾ", "⇥II. VĂN HÓA - XÃ HỘI⇥⇥": in a table copied from Word as tab-separated text, a
 * group's row has its name only, in the content column (the number cell left empty, the cells
 * after it dropped or empty). Between two rows of three cells or more it is that row, written
 * `| | I. KINH TẾ |`, not a section's heading that would end the table.
 */
export function tabGroupRow(line: string, previous: string | undefined, next: string | undefined): string | null {
  if (!line.startsWith('\t') || tabCellCount(line) !== 1) return null
  if (tabCellCount(previous) < 3 || tabCellCount(next) < 3) return null
  const name = line.trim()
  return /\p{L}{2,}/u.test(name) && !/\d{2,}/u.test(name) ? `| | ${name.replace(/^(\*\*|__)(.*)\1$/u, '$2').trim()} |` : null
}

/** A line of cells joined by " | " without outer bars (an HTML table an e-mail turned into text): its cells, or undefined. */
function barCells(line: string): string[] | undefined {
  if (!line.includes(' | ') || /^\s*\||\|\s*$/u.test(line)) return undefined
  return line.split('|').map((c) => c.trim().replace(/^([*_]{1,2})(.+)\1$/u, '$2').trim())
}

/** An HTML line break a converter writes inside a table cell: "<br>", "<br/>", "<br />", any case. */
const CELL_BREAK_RE = /<br\s*\/?>/iu
/** An item of a cell: a bullet opening it ("- ", "+ ", "• ", or "\\- " as a Markdown writer escapes it). */
export const CELL_ITEM_RE = /^\\?[-+•*–]\s+(?=\S)/u

/** A grid table's rule line, between its rows and under its heading: "+-----+------+", "+=====+======+". */
const GRID_RULE_RE = /^\s*\+(?:[-=:]+\+){2,}\s*$/u

/**
 * A grid table's row over several lines between two rules, one of its cells a list of items one a
 * line ("| 1 | Công nghiệp, xây | - Giá trị sản xuất … tăng 10%; |" / "|   | dựng | - Tỷ lệ lấp đầy … |"):
 * one row, as a converter writes a Word cell of several paragraphs, the items joined by "<br>" (a line
 * that opens on no bullet carries the item above it on) and every other cell's lines joined by a
 * space ("Công nghiệp, xây dựng"); cellItems then reads the items as a list under the row's label.
 * Only a row whose lines hold no figure outside the items' cell (its number on its first line
 * aside): rows of figures under one rule ("| | - Diện tích | ha | 1.080 |") stay rows.
 */
export function gridItemRows(lines: string[]): string[] {
  const out: string[] = []
  const cellsOf = (l: string): string[] => l.trim().slice(1, -1).split('|').map((c) => c.trim())
  const piped = (l: string | undefined): boolean => l !== undefined && /^\s*\|.*\|\s*$/u.test(l) && !CELL_BREAK_RE.test(l)
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!)
    if (!GRID_RULE_RE.test(lines[i]!)) continue
    let end = i + 1
    while (piped(lines[end])) end++
    if (end - i - 1 < 2 || !GRID_RULE_RE.test(lines[end] ?? '')) continue
    const block = lines.slice(i + 1, end).map(cellsOf)
    const width = block[0]!.length
    if (width < 2 || block.some((r) => r.length !== width)) continue
    const items = block[0]!.findIndex((_, c) => block.filter((r) => CELL_ITEM_RE.test(r[c]!)).length >= 2 && CELL_ITEM_RE.test(block[0]![c]!))
    if (items < 1 || block.some((r, k) => r.some((x, c) => c !== items && !(k === 0 && c === 0) && /\d/u.test(x)))) continue
    const cells = block[0]!.map((_, c) => {
      if (c !== items) return block.map((r) => r[c]!).filter((x) => x !== '').join(' ')
      const parts: string[] = []
      for (const r of block) {
        const x = r[c]!
        if (x === '') continue
        if (CELL_ITEM_RE.test(x) || parts.length === 0) parts.push(x)
        else parts[parts.length - 1] += ` ${x}`
      }
      return parts.join('<br>')
    })
    out.push(`| ${cells.join(' | ')} |`)
    i = end - 1
  }
  return out
}

/**
 * A table whose cell holds several items joined by HTML line breaks, as a converter writes a Word
 * cell of several paragraphs ("| 1 | Kinh tế | - Tổng thu … ;<br>- Thu nhập … | Phòng Kinh tế |"):
 * the row is its label (the cells before the items', its number left out) as a line ending in a
 * colon, and each item a "- " line under it, read like a bullet list. Every part of the cell must
 * open with a bullet (a heading's "UBND …<br>**ỦY BAN NHÂN DÂN**" or a recipients' cell "Nơi
 * nhận:<br>- …" is no list of items); a later row of the same table whose cell holds one item is
 * read the same way. The cells after the items' (who follows them up, notes) are left out.
 */
export function cellItems(lines: string[]): string[] {
  const out: string[] = []
  let column = -1
  for (const line of lines) {
    const row = line.trim()
    if (row.length < 2 || !row.startsWith('|') || !row.endsWith('|')) {
      column = -1
      out.push(line)
      continue
    }
    const cells = row.slice(1, -1).split('|').map((c) => c.trim())
    let at = cells.findIndex((c) => {
      const parts = c.split(CELL_BREAK_RE).map((x) => x.trim()).filter((x) => x !== '')
      return parts.length >= 2 && parts.every((x) => CELL_ITEM_RE.test(x))
    })
    if (at < 0 && column >= 0 && CELL_ITEM_RE.test(cells[column] ?? '') && !CELL_BREAK_RE.test(cells[column] ?? '')) at = column
    if (at < 1) {
      out.push(line)
      continue
    }
    column = at
    const label = cells
      .slice(0, at)
      .map((c) => c.replace(/^([*_]{1,2})(.+)\1$/u, '$2').trim())
      .filter((c, i) => c !== '' && !(i === 0 && /^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])[.)]?$/u.test(c)))
      .join(', ')
    if (label !== '') out.push(`${label}:`)
    for (const part of cells[at]!.split(CELL_BREAK_RE)) {
      const item = part.trim()
      if (item !== '') out.push(item.replace(CELL_ITEM_RE, '- '))
    }
  }
  return out
}

/**
 * The rows of a table an HTML e-mail turned into text, cells joined by " | " without outer bars
 * ("TT | Chỉ tiêu | ĐVT | Ước TH 2025 | KH 2026"), written with their bars. The run opens on a line
 * of three cells at least and goes on while lines are so joined. In it, "I | *KINH TẾ*" is a group's
 * row (its number and its name, the other cells left out), and a row one cell short of the run's
 * first whose first cell is no number ("- Khai thác | tấn | 20.300 | 21.000") lost its empty number
 * cell: it is given back, so that every cell stays under its column.
 */
export function barlessTables(lines: string[]): string[] {
  const out: string[] = []
  let width = 0
  for (const [at, line] of lines.entries()) {
    const cells = barCells(line)
    if (!cells || cells.some((c) => c.length > 300)) {
      width = 0
      out.push(line)
      continue
    }
    // (A group's row of two cells may open the run's body only under a row of three cells at least, or over one.)
    if (width === 0 && cells.length < 3 && !((barCells(lines[at + 1] ?? '')?.length ?? 0) >= 3)) {
      out.push(line)
      continue
    }
    if (width === 0) width = cells.length
    if (cells.length === width - 1 && cells[0] !== '' && !/^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])[.)]?$/u.test(cells[0]!)) cells.unshift('')
    out.push(`| ${cells.join(' | ')} |`)
  }
  return out
}

/**
 * A cell of a table's heading: words, and no figure but a year ("Năm 2026", "KH 2027") or a part of
 * it ("6 tháng", "Quý II").
 */
export function headingCell(cell: string): boolean {
  return !/\d/u.test(cell.replace(/(?<!\d)\d{4}(?!\d)|(?<![\p{L}\d])(?:\d{1,2}\s*tháng|quý\s*\d)(?![\p{L}\d])/giu, ''))
}

/**
 * "TT⇥Chỉ tiêu⇥ĐVT⇥Năm 2026⇥⇥Năm 2027⇥Ghi chú" over "⇥⇥⇥KH⇥TH⇥KH⇥": a spreadsheet's heading of two
 * rows pasted as tab-separated text. A copy of merged cells gives the upper label once, then empty
 * cells, and leaves the lower row's cells under the cells merged down ("TT", "Chỉ tiêu") empty: the
 * lower row's empty cells before its names keep their columns, so that each name stays under the
 * label it belongs to (the heading's rows are then merged as any heading of two rows). Only a row of
 * two names or more under a tab-separated heading row of three or more, neither holding a figure (a
 * row of one name there is a group's, tabGroupRow).
 */
function lowerTabHeading(line: string, above: string | undefined): boolean {
  if (!/^[ \t]*\t/u.test(line) || tabCellCount(above) < 3 || tabCellCount(line) < 2) return false
  const names = (l: string): string[] => l.split('\t').map((c) => c.trim()).filter((c) => c !== '')
  return names(line).every((c) => headingCell(c) && /\p{L}/u.test(c)) && names(above!).every((c) => headingCell(c) && /\p{L}/u.test(c))
}

export function tableRow(line: string, spaced = false, above?: string): string | null {
  // "+-----+------+", "+=====+======+": a grid table's rule lines, between its rows and under its
  // header, as a converter draws them. No row, like "|---|---|": the rows either side stay one table.
  if (/^\s*\+(?:[-=:]+\+){2,}\s*$/u.test(line)) return ''
  if ((line.match(/\|/g) ?? []).length >= 2 || /\t/.test(line.trim())) {
    // "| __II__ | __Văn hóa - xã hội__ |": a cell's emphasis is decoration too.
    const cells = (line.includes('|') ? line.split('|') : line.split('\t')).map((c) => c.trim().replace(/^(\*\*|__)(.*)\1$/u, '$2').trim())
    // The outer pipes of "| a | b |" open and close the row; an empty cell inside keeps its column.
    if (line.includes('|')) {
      if (/^\s*\|/.test(line)) cells.shift()
      if (/\|\s*$/.test(line)) cells.pop()
    }
    while (cells.length > 0 && cells[cells.length - 1] === '' && !line.includes('|')) cells.pop()
    // "⇥- Trong đó: …⇥lượt⇥61.500⇥75.000": a row whose first cell (its number) is empty keeps
    // it, so that every cell stays under its column; only indentation before that goes.
    const lead = line.includes('|') ? 0 : (/^[ \t]*/u.exec(line)?.[0].match(/\t/gu) ?? []).length
    // (The lower row of a heading of two rows keeps them all: lowerTabHeading.)
    const lower = !line.includes('|') && lowerTabHeading(line, above)
    while (cells.length > 0 && cells[0] === '' && !line.includes('|') && !lower) cells.shift()
    if (lead === 1 && cells.length >= 3 && !lower) cells.unshift('')
    if (cells.filter((c) => c !== '').length < 2) return null
    if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '')) return ''
    // "| 3 615 |", "| ≥ 12 460 |": a figure cell whose thousands are set apart by a space (a narrow
    // or a thin one, made plain above) is one figure, its groups joined as "3.615".
    return `| ${cells.map((c) => (/^(?:[≥≤<>]\s*)?\d{1,3}(?: \d{3})+(?:,\d+)?\s*%?$/u.test(c) ? c.replace(/(?<=\d) (?=\d{3}(?!\d))/gu, spaced ? '' : '.') : c)).join(' | ')} |`
  }
  return null
}

/** A column heading that carries its unit ("Diện tích (ha)", "Sản lượng (tấn)") or names a measure. */
export const COLUMN_HEADING_RE = /\([^()]{1,20}\)\s*$|^(?:diện tích|năng suất|sản lượng|đvt|đơn vị tính|kế hoạch|chỉ tiêu)(?![\p{L}])/iu
const FIGURE_CELL_RE = /^[≥≤<>]?\s*\d(?:[\d.,]*\d)?\s*%?$/u

interface Cell {
  text: string
  start: number
  end: number
}

/** The cells of a line whose columns are set apart by two spaces or more. */
function cellsOf(line: string): Cell[] {
  const out: Cell[] = []
  for (const m of line.matchAll(/\S+(?: \S+)*/gu)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length })
  return out
}

/** A rule of dashes across a whole table, over its heading or under its last row: "  -----------". */
const FULL_RULE_RE = /^ *-{3,} *$/u
/** How many columns a table ruled by dashes may have. */
const MAX_RULED_COLUMNS = 16
/** The rule under a table's heading, one run of dashes a column: "  ---- ---------- ----- -----". */
const COLUMN_RULE_RE = /^ *-{2,}(?: +-{2,})+ *$/u

/**
 * A table whose columns are set by the runs of dashes under its heading, each cell's text wrapped
 * inside its column over several lines and its rows set apart by blank lines (a pandoc "multiline
 * table": a full rule, the heading, which may wrap, the column rule, the rows, a closing full rule).
 * Each word goes to the column it starts under; a row's lines, and the heading's, are joined cell by
 * cell ("Tốc độ tăng tổng giá trị sản" / "xuất trên địa bàn" is one name, "Giảm ít" / "nhất 25 hộ"
 * one plan). The rows as `| a | b | … |` and the line after the closing rule, or undefined.
 */
function ruledTable(lines: string[], at: number): { rows: string[]; next: number } | undefined {
  let rule = at
  while (rule < at + 4 && rule < lines.length && lines[rule]!.trim() !== '' && !COLUMN_RULE_RE.test(lines[rule]!) && !FULL_RULE_RE.test(lines[rule]!) && !/[|\t]/u.test(lines[rule]!)) rule++
  if (rule === at || !COLUMN_RULE_RE.test(lines[rule] ?? '')) return undefined
  const starts = [...lines[rule]!.matchAll(/-+/gu)].map((m) => m.index)
  // (Three columns at least; a table's few, no more than MAX_RULED_COLUMNS.)
  if (starts.length < 3 || starts.length > MAX_RULED_COLUMNS) return undefined
  // The cells of a run of lines: each word under the column it starts in (one left of the first column is in the first).
  const cellsOver = (from: number, to: number): string[] => {
    const cells = starts.map(() => '')
    for (let k = from; k < to; k++) {
      for (const m of lines[k]!.matchAll(/\S+/gu)) {
        let c = 0
        while (c + 1 < starts.length && starts[c + 1]! <= m.index) c++
        cells[c] = cells[c] ? `${cells[c]} ${m[0]}` : m[0]
      }
    }
    return cells
  }
  const heads = cellsOver(at, rule)
  // ("– Diện tích hiện có", "– Trong đó: …": a sub-row's dash, the bullet every other table's sub-rows open on.)
  const bulleted = (cell: string): string => cell.replace(/^–(?=\s)/u, '-')
  if (heads.filter((h) => COLUMN_HEADING_RE.test(h)).length < 2) return undefined
  const rows = [`| ${heads.join(' | ')} |`]
  for (let j = rule + 1; j < lines.length; ) {
    const line = lines[j]!
    if (line.trim() === '') {
      j++
      continue
    }
    // The closing rule ends the table; a table never closed is no such table.
    if (FULL_RULE_RE.test(line) || COLUMN_RULE_RE.test(line)) return rows.length > 1 ? { rows, next: j + 1 } : undefined
    if (/[|\t]/u.test(line)) return undefined
    let end = j
    while (end < lines.length && lines[end]!.trim() !== '' && !FULL_RULE_RE.test(lines[end]!) && !COLUMN_RULE_RE.test(lines[end]!)) end++
    rows.push(`| ${cellsOver(j, end).map(bulleted).join(' | ')} |`)
    j = end
  }
  return undefined
}

/**
 * A fixed-width report a district's software exports as text cuts every cell longer than its column
 * at the column's right edge with "…" and carries the rest onto the next line(s), in the same
 * column, after "…", the row's other cells blank ("2   Diện tích cam hiện có (cam chanh, cam… ha
 * 365   380" over "    … bù)"). How many such continuations the text holds: lines opening, after
 * their indentation, on "…" right under a line holding a "…" that ends a cell (followed by a space or
 * the line's end). Two at least are the evidence that the document is such a report.
 */
function cutContinuations(lines: readonly string[]): number {
  let count = 0
  for (let k = 1; k < lines.length; k++) {
    if (/^ *…/u.test(lines[k]!) && /…(?: |$)/u.test(lines[k - 1]!)) count++
  }
  return count
}

/**
 * A cell cut by "…" at its column's edge and the next line's continuation ("…uẩn VietGAP") as one
 * cell, the two marks dropped. The export cuts at a fixed character and keeps the space it cuts at,
 * on one side of the cut or the other: where a space stands next to either mark the cut fell between
 * two words ("cam…" + "… bù)", "ngoài …" + "…theo hợp đồng"), joined by one space; where both marks
 * touch the text the cut fell inside a word, joined back whole whatever follows, a small letter, a
 * capital or a sign ("tiêu ch…" + "…uẩn VietGAP": "tiêu chuẩn VietGAP", "Viet…" + "…GAP", "triệu
 * đồng…" + "…/người/năm": "triệu đồng/người/năm"). A cell that was not cut is joined to the line
 * under it by a space, as any wrapped cell.
 */
function joinedCut(head: string, tail: string): string {
  if (!head.endsWith('…') || !tail.startsWith('…')) return `${head} ${tail}`
  const a = head.slice(0, -1)
  const b = tail.slice(1)
  if (a.trim() === '' || b.trim() === '') return `${a.trim()}${b.trim()}`
  return a === a.trimEnd() && b === b.trimStart() ? `${a}${b}` : `${a.trimEnd()} ${b.trimStart()}`
}

/** A field of a report's frame, a short label and its value: "Trang: 1/1", "Ngày in: 06/01/2025 15:42", "Mẫu biểu: BM02/CTTĐ-X". */
const REPORT_FIELD_RE = /^\p{L}[\p{L} ]{0,24}: ?\S.{0,60}$/u
/** What only a report's frame prints: its page of pages, its print time, who drew it up. */
const REPORT_MARK_RE = /(?:^|\s)(?:trang:? \d{1,3}\/\d{1,3}|ngày in:|người lập(?: biểu)?:)/iu

/**
 * A line of the frame a district's software prints around a report: its fields set apart by three
 * spaces or more ("Đơn vị: UBND xã Đức Bồng Hạ      Ngày in: 06/01/2025 15:42", "Tổng số chỉ tiêu: 25
 *     Người lập biểu: …"), the system's name in capitals before the page ("HỆ THỐNG QUẢN LÝ THI ĐUA,
 * KHEN THƯỞNG HUYỆN …      Trang: 1/1"), or a field alone ("Mẫu biểu: BM02/CTTĐ-X"). Never the unit
 * of the table's figures ("Đơn vị tính: triệu đồng", "ĐVT: ha"), which the drafter reads.
 */
function reportFrameLine(line: string): boolean {
  const text = line.trim()
  if (text === '' || text.length > 140 || /(?:^|\s)(?:đơn vị tính|đvt)\s*:/iu.test(text)) return false
  const parts = text.split(/ {3,}/u)
  if (parts.length > 3 || !REPORT_FIELD_RE.test(parts[parts.length - 1]!)) return false
  return parts.every((p) => REPORT_FIELD_RE.test(p) || !/\p{Ll}/u.test(p))
}

/**
 * A table laid out with spaces (a PDF's text layer, text pasted from one): a heading line of three
 * columns or more, two of them headings with a unit or a measure, then rows ending in figures.
 * Each row becomes `| a | b | … |` with a cell for every column (empty where the row has none),
 * each figure put in the column it stands under; the table ends at a line that is not a row.
 */
export function alignedTables(lines: string[]): string[] {
  const out: string[] = []
  // A fixed-width report whose cells are cut by "…" and continued below (cutContinuations).
  const cutReport = cutContinuations(lines) >= 2
  for (let i = 0; i < lines.length; i++) {
    // (A heading over a rule of dashes a column, its cells wrapped over the lines of each row: ruledTable.
    // The full rule over it goes with it.)
    const ruled = /^ *\S/u.test(lines[i]!) && !FULL_RULE_RE.test(lines[i]!) ? ruledTable(lines, i) : undefined
    if (ruled) {
      if (out.length > 0 && FULL_RULE_RE.test(out[out.length - 1]!)) out.pop()
      append(out, ruled.rows)
      i = ruled.next - 1
      continue
    }
    const head = cellsOf(lines[i]!)
    // A row with pipes or tabs is a table row as it stands (tableRow).
    if (head.length < 3 || /[|\t]/u.test(lines[i]!) || head.filter((c) => COLUMN_HEADING_RE.test(c.text)).length < 2) {
      out.push(lines[i]!)
      continue
    }
    // The column a cell stands under: a figure under its column's right part, a label under its left
    // part. A figure lying wholly under a heading's words is in that column, whichever way the
    // column is aligned ("Ước TH 2025   KH 2026" over "68            74", the figures set flush left).
    const columnOf = (c: Cell): number => {
      // (A dash alone is an empty figure, "8,5            -   Phòng Kinh tế": set as its column's figures are.)
      const figure = FIGURE_CELL_RE.test(c.text) || /^[-–]$/u.test(c.text)
      let best = 0
      let distance = Infinity
      head.forEach((h, k) => {
        const d = figure ? (c.start >= h.start && c.end <= h.end ? 0 : Math.abs(h.end - c.end)) : c.start >= h.start ? c.start - h.start : (h.start - c.start) * 2
        if (d < distance) {
          distance = d
          best = k
        }
      })
      return best
    }
    // A numbered table ("TT  Chỉ tiêu  ĐVT  Ước TH  Kế hoạch") as a PDF gives it: headings wrapped
    // onto a second line ("năm 2025  năm 2026"), group rows ("I  CHỈ TIÊU KINH TẾ"), plan cells in
    // words ("giảm 0,8", "Giữ vững", "6/6"), names and units wrapped onto the next line under their
    // column, a "Trong đó:" row without a number, and a page's footer between two rows.
    const numbered = ROW_NUMBER_HEADING_RE.test(head[0]!.text) && head.length >= 4
    const heads = head.map((c) => c.text)
    let j = i + 1
    if (numbered) {
      const more = cellsOf(lines[j] ?? '')
      if (more.length > 0 && more.length < head.length && more[0]!.start > head[0]!.end && more.every((c) => !/\p{L}{2,}.*\s\p{L}{2,}.*\s\p{L}{2,}/u.test(c.text))) {
        for (const c of more) heads[columnOf(c)] += ` ${c.text}`
        j++
        // A third line of a heading wrapped twice, its unit alone ("KH 2027 so" / "với TH 2026" /
        // "(%)"): cells in brackets only, under the headings' columns.
        const third = cellsOf(lines[j] ?? '')
        if (third.length > 0 && third.length < head.length && third[0]!.start > head[0]!.end && third.every((c) => /^\([^()]{1,20}\)$/u.test(c.text))) {
          for (const c of third) heads[columnOf(c)] += ` ${c.text}`
          j++
        }
      }
    }
    // The heading's lines as the sheet repeats them on top of every page it prints ("rows to repeat
    // at top"): at a page break they are the page's furniture, not the table's end.
    const headingLines = new Set(lines.slice(i, j).map((l) => l.trim().replace(/\s+/gu, ' ')))
    // A rule of dashes under the heading, as a text editor or a PDF draws it ("TT  Chỉ tiêu  ĐVT …" /
    // "-----------"): no row.
    if (FULL_RULE_RE.test(lines[j] ?? '')) j++
    const rows: string[][] = []
    // A row's number, or its group's numeral or capital letter ("12", "III.", "A" over "KINH TẾ").
    const isRowNumber = (c: Cell | undefined): boolean => c !== undefined && c.end <= head[1]!.start && /^(?:\d{1,3}|[IVXLC]{1,6}|[A-H])[.)]?$/u.test(c.text)
    let lastNumber = 0
    let fresh = false
    // The unit's column of a numbered table ("ĐVT", "Đơn vị tính").
    const unitColumn = numbered ? head.find((h, k) => k >= 2 && /^(?:đvt|đơn vị(?: tính)?)$/iu.test(h.text)) : undefined
    // A number as wide as its narrow column, one space from a name set under the names' column
    // ("III QUỐC PHÒNG - AN NINH" under " TT  Chỉ tiêu"): two cells, the number and the name. (Not a
    // heading after the table, "III. GIẢI PHÁP", its words not under the column.)
    const rowCells = (line: string): Cell[] => {
      const cells = cellsOf(line)
      const first = cells[0]
      const joined = numbered && first && first.start < head[1]!.start && first.end > head[1]!.start ? /^(?:\d{1,3}|[IVXLC]{1,6}|[A-H])[.)]? (?=\S)/u.exec(first.text) : null
      if (joined && Math.abs(first!.start + joined[0].length - head[1]!.start) <= 1) {
        cells.splice(0, 1, { text: joined[0].trimEnd(), start: first!.start, end: first!.start + joined[0].length - 1 }, { text: first!.text.slice(joined[0].length), start: first!.start + joined[0].length, end: first!.end })
      }
      // A name as long as its column, its unit one space after it under the unit's heading ("Tỷ lệ
      // chất thải rắn … phân loại tại nguồn %", the "%" under "ĐVT"): two cells, the name and the unit.
      const unitAt = unitColumn?.start
      const crossing = unitAt === undefined ? -1 : cells.findIndex((c) => c.start < unitAt - 1 && c.end > unitAt)
      if (crossing >= 0) {
        const c = cells[crossing]!
        for (const at of [unitAt!, unitAt! - 1, unitAt! + 1]) {
          if (line[at - 1] !== ' ' || line[at] === ' ' || !unitInfo(line.slice(at, c.end))) continue
          cells.splice(crossing, 1, { text: line.slice(c.start, at - 1), start: c.start, end: at - 1 }, { text: line.slice(at, c.end), start: at, end: c.end })
          break
        }
      }
      if (!cutReport) return cells
      // In a report whose cells are cut by "…", a cell cut at its column's right edge is one space
      // from the next column's cell ("Diện tích cam hiện có (cam chanh, cam… ha", the name's column 38
      // characters wide, the unit's opening under "ĐVT"): two cells, cut where the text after the mark
      // and its space opens a column of the heading.
      const split: Cell[] = []
      for (const c of cells) {
        let from = 0
        for (const m of c.text.matchAll(/…(?= \S)/gu)) {
          const at = c.start + m.index + 2
          if (!head.some((h, k) => k > 0 && h.start === at)) continue
          split.push({ text: c.text.slice(from, m.index + 1).trim(), start: c.start + from, end: c.start + m.index + 1 })
          from = m.index + 2
        }
        split.push(from === 0 ? c : { text: c.text.slice(from), start: c.start + from, end: c.end })
      }
      return split
    }
    // The group numerals or letters read so far: a table never numbers two groups alike, so a "III."
    // after a break, once "III" is read, is the next part's heading, no group row.
    const groups = new Set<string>()
    // Where the last break inside the table began: a table that reads no row after it ends there,
    // the lines after it given back as they stand.
    let breakAt = -1
    for (; j < lines.length; j++) {
      const cells = rowCells(lines[j]!)
      if (!numbered || cells.length === 0) {
        if (numbered && cells.length === 0) {
          // A page break inside the table: blanks, the footer, then the next row in sequence. (Or the
          // page's number alone, "- 2 -", and a running header, a line of one cell with no figure,
          // "UBND xã … – Kế hoạch thi đua năm 2024", before the next row.)
          let k = j + 1
          const furniture = (l: string): boolean => {
            const t = l.trim()
            if (t === '' || l.includes('\f') || /\S\s{3,}\d{1,3}\s*$/u.test(l) || PAGE_FOOTER_RE.test(t) || PAGE_NUMBER_RE.test(t)) return true
            return (t.length <= 120 && cellsOf(l).length === 1 && !FIGURE_CELL_RE.test(t)) || headingLines.has(t.replace(/\s+/gu, ' '))
          }
          while (k < lines.length && k <= j + 6 + headingLines.size && !isRowNumber(rowCells(lines[k]!)[0]) && furniture(lines[k]!)) k++
          const next = rowCells(lines[k] ?? '')[0]
          if (k < lines.length && isRowNumber(next) && (Number(next!.text.replace(/[.)]$/u, '')) === lastNumber + 1 || (/^[IVXLCA-H]/u.test(next!.text) && !groups.has(next!.text.replace(/[.)]$/u, ''))))) {
            breakAt = j
            j = k - 1
            fresh = true
            continue
          }
          break
        }
        const last = rows[rows.length - 1]
        if (cutReport && last && cells.every((c) => c.text.startsWith('…'))) {
          // "… bù)" under a row's cell cut by "…": the rest of that cell (joinedCut).
          for (const c of cells) last[columnOf(c)] = last[columnOf(c)] ? joinedCut(last[columnOf(c)]!, c.text) : c.text
          continue
        }
        if (cells.length < 2 || !FIGURE_CELL_RE.test(cells[cells.length - 1]!.text)) break
        const row: string[] = head.map(() => '')
        for (const c of cells) row[columnOf(c)] = row[columnOf(c)] ? `${row[columnOf(c)]} ${c.text}` : c.text
        rows.push(row)
        continue
      }
      const row: string[] = head.map(() => '')
      for (const c of cells) row[columnOf(c)] = row[columnOf(c)] ? `${row[columnOf(c)]} ${c.text}` : c.text
      const last = rows[rows.length - 1]
      // A group's numeral or letter and a name after a break ("III. GIẢI PHÁP CHỦ YẾU" after the last
      // row and a blank) is a group row only over a row of the table: a numbered one or one of figures.
      const group = isRowNumber(cells[0]) && !/^\d/u.test(cells[0]!.text) && !FIGURE_CELL_RE.test(cells[cells.length - 1]!.text)
      if (group && fresh) {
        const below = lines.slice(j + 1, j + 3).find((l) => l.trim() !== '')
        const first = below === undefined ? [] : rowCells(below)
        if (!(first.length >= 2 && ((isRowNumber(first[0]) && /^\d/u.test(first[0]!.text)) || FIGURE_CELL_RE.test(first[first.length - 1]!.text)))) {
          if (breakAt >= 0) j = breakAt
          break
        }
      }
      if ((isRowNumber(cells[0]) && cells.length >= 2) || (cells.length >= 2 && FIGURE_CELL_RE.test(cells[cells.length - 1]!.text))) {
        if (/^\d/u.test(cells[0]!.text)) lastNumber = Number(cells[0]!.text.replace(/[.)]$/u, ''))
        else if (isRowNumber(cells[0])) groups.add(cells[0]!.text.replace(/[.)]$/u, ''))
        rows.push(row)
      } else if (row[0] === '' && (row[row.length - 1] !== '' || row[row.length - 2] !== '') && cells.length >= 3) {
        // "Trong đó: đi làm việc …  người  34  40": a row without a number of its own.
        rows.push(row)
      } else if (last && !fresh && row[0] === '' && row[row.length - 1] === '' && row[row.length - 2] === '') {
        // "(không kể thu tiền sử dụng đất)  đồng": the name and the unit of the row above, wrapped.
        // (In a report whose cells are cut by "…", "… bù)" under "cam…" is the rest of the cut cell: joinedCut.)
        row.forEach((t, k) => {
          if (t !== '') last[k] = last[k] ? (cutReport ? joinedCut(last[k]!, t) : `${last[k]} ${t}`) : t
        })
      } else {
        if (fresh && breakAt >= 0) j = breakAt
        break
      }
      fresh = false
    }
    if (rows.length < 1 || (numbered && rows.length < 2)) {
      out.push(lines[i]!)
      continue
    }
    if (cutReport) {
      // The report's frame over the table, above its title ("HỆ THỐNG QUẢN LÝ … Trang: 1/1",
      // "Đơn vị: … Ngày in: …", "Mẫu biểu: …"), and under its closing rule ("Tổng số chỉ tiêu: 25
      // Người lập biểu: …"): no target, gone when a page, a print time or a maker marks it.
      let top = out.length
      while (top > 0 && top > out.length - 4 && (out[top - 1]!.trim() === '' || (!/\p{Ll}/u.test(out[top - 1]!) && !reportFrameLine(out[top - 1]!)))) top--
      let from = top
      while (from > 0 && from > top - 6 && reportFrameLine(out[from - 1]!)) from--
      if (out.slice(from, top).some((l) => REPORT_MARK_RE.test(l))) out.splice(from, top - from)
      if (FULL_RULE_RE.test(lines[j] ?? '')) {
        let end = j + 1
        while (end < lines.length && end <= j + 3 && reportFrameLine(lines[end]!)) end++
        if (lines.slice(j + 1, end).some((l) => REPORT_MARK_RE.test(l))) j = end
      }
    }
    out.push(`| ${heads.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`))
    i = j - 1
  }
  return out
}
