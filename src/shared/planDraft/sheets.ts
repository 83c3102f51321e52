// A spreadsheet pasted as text (issue 13): a cell showing its formula or an error, and a sheet that
// sets several targets side by side on one row (name, unit, figure, then the next), written back one
// target a row. One of the document forms normalize.ts runs before reading lines.
import { unitInfo } from './lexicon'
import { headingCell } from './textTables'

/** A spreadsheet's cell showing its formula or an error instead of a value: "=E7*E8/10", "=SUM(D5:D9)", "#VALUE!", "#N/A", "#REF!". */
const SPREADSHEET_NO_VALUE_RE = /^[ ]*(?:=[ ]*[A-Z$(+-][A-Za-z0-9$().,;:+\-*/^&<>%! ]{0,200}|#(?:VALUE!|N\/A|REF!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA))[ ]*$/u

/**
 * A table copied out of a spreadsheet whose cells show a formula or an error instead of a value
 * ("Sản lượng lúa⇥tấn⇥21.015⇥=E7*E8/10⇥#VALUE!"): such a cell is no figure (the "7" and "8" of "=E7*E8"
 * are no target), so it is read empty; the row's target is then the one the plan's prose states.
 * (Tab-separated cells or cells between bars, each cell whole.)
 */
export function spreadsheetCells(line: string): string {
  if (!/[=#]/u.test(line) || line.length > 20000) return line
  const bar = !line.includes('\t')
  if (bar && !/^\s*\|/u.test(line)) return line
  const cells = line.split(bar ? '|' : '\t')
  if (cells.length < 3 || !cells.some((c) => SPREADSHEET_NO_VALUE_RE.test(c))) return line
  return cells.map((c) => (SPREADSHEET_NO_VALUE_RE.test(c) ? (bar ? ' ' : '') : c)).join(bar ? '|' : '\t')
}

/** A table's figure cell, with its sign or its range: "7,5", "≥ 4.200", "> 98", "2 - 2,5", "27/27", "100%". */
const TRIPLE_FIGURE_RE = /^(?:[≥≤<>]=?\s*)?\d[\d.,]*(?:\s*[-–]\s*\d[\d.,]*|\s*\/\s*\d[\d.,]*)?\s*%?$/u

/**
 * The (name, unit, figure) triples of a tab-separated row that sets several targets side by side,
 * as an Excel sheet of one row a field pastes it ("Kinh tế⇥Thu ngân sách⇥tỷ đồng⇥24,5⇥Sản lượng
 * lúa⇥tấn⇥6.200⇥…"): a name (letters, no figure of its own cell), a unit the lexicon knows or an
 * empty cell ("Dịch bệnh nguy hiểm⇥⇥Không để xảy ra": a state, words of a few, then) and a figure.
 * The group's name, when the row opens on one (or its empty cell), comes first. Undefined for any
 * other row, and for a row of fewer than three triples unless two whose units are both given: a
 * table of one target a row ("Tổng đàn bò⇥con⇥5.600⇥6.000") never repeats the pattern.
 */
function targetTriples(line: string): { group: string | undefined; triples: string[][] } | undefined {
  if (!line.includes('\t') || line.includes('|') || line.length > 20000) return undefined
  const cells = line.split('\t').map((c) => c.trim())
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
  const group = cells.length % 3 === 1 ? cells[0]! : undefined
  if (group !== undefined && group !== '' && !/\p{L}{2,}/u.test(group)) return undefined
  const triples: string[][] = []
  for (let i = group === undefined ? 0 : 1; i + 2 < cells.length; i += 3) {
    const [name, unit, figure] = [cells[i]!, cells[i + 1]!, cells[i + 2]!]
    if (!/\p{L}{2,}/u.test(name)) return undefined
    if (unit !== '' && unitInfo(unit) === undefined) return undefined
    const state = unit === '' && /^\p{L}[\p{L} ]*$/u.test(figure) && figure.split(' ').length <= 5
    if (!TRIPLE_FIGURE_RE.test(figure) && !state) return undefined
    triples.push([name, unit, figure])
  }
  if (triples.length < 2 || (triples.length === 2 && triples.some((t) => t[1] === ''))) return undefined
  return { group, triples }
}

/**
 * A row of targets side by side (targetTriples) is read as one row a target, the group's name (if
 * the row opens on one) in the first row's first cell and empty under it, as merged cells are
 * pasted: "Trồng trọt⇥Diện tích lúa⇥ha⇥1.250⇥Sản lượng lúa⇥tấn⇥6.500" → "Trồng trọt⇥Diện tích
 * lúa⇥ha⇥1.250" over "⇥Sản lượng lúa⇥tấn⇥6.500". A "Trong đó: …" triple stays under the one before
 * it, its whole. The sheet's heading over such rows, its columns repeated with their numbers
 * ("Lĩnh vực⇥Chỉ tiêu 1⇥ĐVT⇥KH 2027⇥Chỉ tiêu 2⇥ĐVT⇥KH 2027"), keeps them once ("Lĩnh vực⇥Chỉ
 * tiêu⇥ĐVT⇥KH 2027"). One walk over the lines, each split once.
 */
export function sideBySideTargets(lines: string[]): string[] {
  const out: string[] = []
  for (const [at, line] of lines.entries()) {
    const row = targetTriples(line)
    if (row) {
      for (const [k, t] of row.triples.entries()) out.push([...(row.group === undefined ? [] : [k === 0 ? row.group : '']), ...t].join('\t'))
      continue
    }
    out.push(repeatedHeading(line, lines[at + 1]) ?? line)
  }
  return out
}

/** "Lĩnh vực⇥Chỉ tiêu 1⇥ĐVT⇥KH 2027⇥Chỉ tiêu 2⇥ĐVT⇥KH 2027" over a row of targets side by side: its columns once (sideBySideTargets). */
function repeatedHeading(line: string, next: string | undefined): string | null {
  if (!line.includes('\t') || line.includes('|') || line.length > 2000) return null
  const cells = line.split('\t').map((c) => c.trim().replace(/\s+\d{1,2}$/u, ''))
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop()
  const lead = cells.length % 3 === 1 ? 1 : 0
  if (cells.length - lead < 6 || !cells.every((c) => /\p{L}/u.test(c) && headingCell(c))) return null
  const first = cells.slice(lead, lead + 3)
  for (let i = lead + 3; i < cells.length; i++) if (cells[i] !== first[(i - lead) % 3]) return null
  const row = next === undefined ? undefined : targetTriples(next)
  if (!row || (row.group === undefined) !== (lead === 0)) return null
  return cells.slice(0, lead + 3).join('\t')
}
