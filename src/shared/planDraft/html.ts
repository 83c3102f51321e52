// A plan that reached the drafter as a web page's HTML or its copy (issue 13): the named entities
// it leaves in its text ("&nbsp;") and its tables, whose rows become " | " rows as the drafter
// reads every table. One of the document forms normalize.ts runs before reading lines.
import { CELL_ITEM_RE } from './textTables'

/** The named HTML entities a web page's copy leaves in its text ("&nbsp;", "&amp;", "&quot;", "&ndash;"), as characters. */
const HTML_ENTITIES: Record<string, string> = { nbsp: '\u00A0', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', shy: '\u00AD', zwsp: '\u200B' }

/**
 * A web page's copy: its HTML entities ("thương mại &amp; dịch vụ", "&nbsp;", "&#8211;", "&#x2013;")
 * as the characters they stand for, before anything reads the text (an entity's ";" is no clause's end).
 */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/gu, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return HTML_ENTITIES[name.toLowerCase()] ?? m
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m
  })
}

/** An HTML tag: its name (lower case) and whether it closes; nothing but a tag's own characters between "<" and ">" (a "< 19" cell is no tag). */
const HTML_TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9]{0,9})\b[^<>]{0,300}>/gu
/** The inline tags a converter leaves in running text ("<strong>", "<em>", "<span …>", "<u>", "<sup>"): decoration. */
const INLINE_TAG_RE = /<\/?(?:strong|b|em|i|u|s|span|font|sup|sub|mark|small|a)\b[^<>]{0,300}>/giu
/** A cell's span over columns or rows, in its tag ("<td colspan=\"6\">", "<td rowspan=4>"). */
const COLSPAN_RE = /\bcolspan\s*=\s*["']?(\d{1,2})/iu
const ROWSPAN_RE = /\browspan\s*=\s*["']?(\d{1,2})/iu
/** A cell's row number: "3", "2.1", "II", "a", with a point or a bracket at most. */
const ROW_MARK_RE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVXLC]{1,6}|[a-zđ])[.)]?$/u

/**
 * A cell's text: its paragraphs and line breaks ("<p>", "<br>") joined by a space, or kept as
 * "<br>" when every part opens with a bullet (a cell of items, read by cellItems); its emphasis as
 * Markdown's ("<strong>I. KINH TẾ</strong>" as "**I. KINH TẾ**" when it is the whole cell), other
 * tags gone, a bar as a slash (a cell's "|" would split it), its spaces made one.
 */
function cellText(html: string): string {
  if (!/[<|*]/u.test(html)) return html.replace(/\s+/gu, ' ').trim()
  const parts = html
    .split(/<br\s*\/?>|<\/?p\b[^<>]{0,300}>/iu)
    .map((p) => p.replace(HTML_TAG_RE, (m, close: string, name: string) => (/^(?:strong|b)$/iu.test(name) ? '**' : '')).replace(/\|/gu, '/').replace(/\s+/gu, ' ').trim())
    .map((p) => p.replace(/^\*\*\s*\*\*$/u, '').replace(/\*\*\s*\*\*/gu, ''))
    .filter((p) => p !== '')
  if (parts.length >= 2 && parts.every((p) => CELL_ITEM_RE.test(p))) return parts.join('<br>')
  const text = parts.join(' ')
  // "**Lúa vụ Mùa**": the whole cell bold stays so; bold inside a cell is decoration.
  return /^\*\*[^*]+\*\*$/u.test(text) ? text : text.replace(/\*\*/gu, '')
}

/**
 * A table written as HTML inside Markdown (as pandoc writes a Word table with merged cells:
 * "<table>", "<thead>", "<tr>", "<th>"/"<td>" one a line or a cell over several lines,
 * "rowspan"/"colspan"), written as the pipe table it stands for, one row a line: the header row
 * (its "<th>" cells, or the first row of a table without them) then a separator, then the body
 * rows. A cell that spans rows is spread to the rows under it, but for a row's number (the crop
 * row "3" over its "- Diện tích" sub-rows leaves them unnumbered, as a pipe table writes them);
 * a cell that spans columns holds its text in its first column, and a group row's one cell
 * "I. KINH TẾ" gives its mark and its name two cells. The table's other tags ("<colgroup>",
 * "<col>", "<tbody>") go. The tags are read one by one (no pattern runs from a tag to its end),
 * so a long line stays linear; a table never closed is no table (its lines are read as text).
 */
export function htmlTables(lines: string[]): string[] {
  const out: string[] = []
  // Where each line's table closes: the next line holding "</table>" (-1: none), found in one pass
  // from the end, so that many "<table>" lines cost no search each.
  let closes: number[] | undefined
  const closeFrom = (i: number): number => {
    if (!closes) {
      closes = new Array<number>(lines.length)
      let next = -1
      for (let k = lines.length - 1; k >= 0; k--) closes[k] = next = /<\/table\s*>/iu.test(lines[k]!) ? k : next
    }
    return closes[i]!
  }
  for (let i = 0; i < lines.length; i++) {
    const j = /^\s*<table\b[^<>]*>/iu.test(lines[i]!) ? closeFrom(i) : -1
    // (Not a table, or one never closed, a paste cut short: its lines are read as text, not lost.)
    if (j === -1) {
      out.push(lines[i]!.replace(INLINE_TAG_RE, ''))
      continue
    }
    const html = lines.slice(i, j + 1).join('\n')
    const rows: { cells: { text: string; colspan: number; rowspan: number }[]; head: boolean }[] = []
    let row: (typeof rows)[number] | undefined
    let cell: { start: number; colspan: number; rowspan: number } | undefined
    let inHead = false
    const closeCell = (at: number): void => {
      if (cell && row) row.cells.push({ text: cellText(html.slice(cell.start, at)), colspan: cell.colspan, rowspan: cell.rowspan })
      cell = undefined
    }
    for (const m of html.matchAll(HTML_TAG_RE)) {
      const name = m[2]!.toLowerCase()
      const close = m[1] === '/'
      if (name === 'thead') inHead = !close
      else if (name === 'tr') {
        closeCell(m.index)
        if (!close) rows.push((row = { cells: [], head: inHead }))
        else row = undefined
      } else if (name === 'td' || name === 'th') {
        closeCell(m.index)
        if (!close) {
          if (!row) rows.push((row = { cells: [], head: inHead }))
          if (name === 'th' && rows.length === 1) row.head = true
          const span = (re: RegExp): number => (m[0].length > 4 ? Math.min(20, Math.max(1, Number(re.exec(m[0])?.[1] ?? '1'))) : 1)
          cell = { start: m.index + m[0].length, colspan: span(COLSPAN_RE), rowspan: span(ROWSPAN_RE) }
        }
      } else if (name === 'table' && close) closeCell(m.index)
    }
    closeCell(html.length)
    // The cells spread down from a row above: column → rows still to fill and the text.
    const pending = new Map<number, { left: number; text: string }>()
    let width = 0
    let headDone = false
    for (const r of rows) {
      const cells: string[] = []
      let col = 0
      const fillPending = (): void => {
        for (let p = pending.get(col); p; p = pending.get(col)) {
          cells[col] = p.text
          if (--p.left === 0) pending.delete(col)
          col++
        }
      }
      for (const c of r.cells) {
        fillPending()
        let text = c.text
        // A group row's one cell over the whole table: "**I. KINH TẾ**" as "**I**" | "**KINH TẾ**".
        const group = r.cells.length === 1 && c.colspan >= 3 ? /^(\*\*)?((?:[IVXLC]{1,6}|\d{1,2}|[A-Z])[.)/])\s+(.+?)(\*\*)?$/u.exec(text) : null
        if (group) {
          const [, open = '', mark, name, shut = ''] = group
          cells[col] = `${open}${mark!.replace(/[.)/]$/u, '')}${open}`
          text = `${shut}${name}${shut}`
          cells[col + 1] = text
          for (let x = 2; x < c.colspan; x++) cells[col + x] = ''
        } else {
          cells[col] = text
          for (let x = 1; x < c.colspan; x++) cells[col + x] = ''
        }
        if (c.rowspan > 1) {
          const spread = col === 0 && ROW_MARK_RE.test(text) ? '' : text
          for (let x = 0; x < c.colspan; x++) pending.set(col + x, { left: c.rowspan - 1, text: x === 0 ? spread : '' })
        }
        col += c.colspan
      }
      fillPending()
      for (const key of [...pending.keys()].filter((k) => k >= col)) {
        col = key
        fillPending()
      }
      width = Math.max(width, cells.length)
      const filled = Array.from({ length: Math.max(width, cells.length) }, (_, x) => cells[x] ?? '')
      out.push(`| ${filled.join(' | ')} |`)
      if (!headDone && r.head) {
        out.push(`|${' --- |'.repeat(filled.length)}`)
        headDone = true
      }
    }
    i = j
  }
  return out
}
