// Targets written as records rather than rows (issue 13): comma- or semicolon-separated values,
// labelled fields ("Chỉ tiêu: … – ĐVT: … – Kế hoạch: …"), groups of labelled lines, and a heading
// per target ("Chỉ tiêu 1: …"). Each becomes a " | " row.
import { unitInfo } from './lexicon'
import { append, ITEM_OPENING_RE } from './lines'
import { COLUMN_HEADING_RE } from './textTables'

/** A quoted cell holding a line break (Excel quotes such a cell) runs on over at most this many lines. */
const CSV_RECORD_LINES = 8
/** A record of tab-separated cells, each quoted cell of CSV_RECORD_LINES lines at most, runs on over at most this many lines. */
const TAB_RECORD_LINES = 40

/**
 * The fields of a record a spreadsheet exported as text with `sep` between its cells, from line
 * `at` ("1;Sản lượng lúa;tấn;18.970;18.757,5;", or Excel's "CSV UTF-8" with ",": `1,Sản lượng
 * lúa,tấn,18.970,"18.757,5",`): a field in double quotes may hold the separator, quotes doubled (a
 * name "Số ấp đạt danh hiệu ""Ấp văn hóa""" in quotes) and line breaks (the record then runs on
 * over the next lines, a break read as a space). Prose writes a space after its ";" or ",": a line
 * with one outside quotes is no record. Three fields at least; with the line after the record.
 * Each character is read once.
 */
function csvRecord(lines: readonly string[], at: number, sep: ';' | ','): { fields: string[]; next: number } | undefined {
  const record = spreadsheetRecord(lines, at, sep)
  return record && { fields: record.cells.map((c) => c.join(' ').trim()), next: record.next }
}

/**
 * The cells of a spreadsheet's record from line `at`, each as the lines it holds (csvRecord joins
 * them; with tabs, quotedTabRows): a quoted cell's line breaks kept, each line trimmed, so that a
 * cell stacking several values ("1.360" / "63,5" / "8.636") can be read line by line. With ";" or
 * ",", a quoted cell runs on over CSV_RECORD_LINES lines of the record at most, and text after its
 * closing quote is the cell's still. With tabs, as Excel copies a range to the clipboard, the text
 * is the cells as they are (an empty first cell is a leading tab, an empty last one a trailing
 * tab: none trimmed), each quoted cell may run on over CSV_RECORD_LINES lines of its own and the
 * record over TAB_RECORD_LINES, and a closing quote is followed by the tab or the line's end, or
 * the line is no record. Three cells at least.
 */
function spreadsheetRecord(lines: readonly string[], at: number, sep: ';' | ',' | '\t'): { cells: string[][]; next: number } | undefined {
  if (at >= lines.length) return undefined
  const tab = sep === '\t'
  let s = tab ? lines[at]! : lines[at]!.trim()
  if (!s.includes(sep) && !s.startsWith('"')) return undefined
  const cells: string[][] = []
  let next = at + 1
  // (Read by runs between the quotes and separators found, not character by character.)
  for (let i = 0; ; ) {
    const cell: string[] = []
    let field = ''
    const from = next
    if (s[i] === '"') {
      for (let j = i + 1; ; ) {
        const quote = s.indexOf('"', j)
        if (quote === -1) {
          // (A quoted cell still open at the line's end goes on on the next line.)
          if (next >= lines.length || next - (tab ? from : at) >= CSV_RECORD_LINES || next - at >= TAB_RECORD_LINES) return undefined
          cell.push(`${field}${s.slice(j)}`.trim())
          field = ''
          s = tab ? lines[next]! : lines[next]!.trimEnd()
          next++
          j = 0
        } else if (s[quote + 1] === '"') {
          field += `${s.slice(j, quote)}"`
          j = quote + 2
        } else {
          field += s.slice(j, quote)
          i = quote + 1
          if (tab && i < s.length && s[i] !== sep) return undefined
          break
        }
      }
    }
    const end = s.indexOf(sep, i)
    cell.push(`${field}${s.slice(i, end === -1 ? s.length : end)}`.trim())
    cells.push(cell)
    if (end === -1) break
    if (!tab && /\s/u.test(s[end + 1] ?? '')) return undefined
    i = end + 1
  }
  return cells.length >= 3 ? { cells, next } : undefined
}

/** A record naming a table's columns ("STT;Chỉ tiêu;ĐVT;Thực hiện 2023;Kế hoạch 2024;Ghi chú"): two column words or more. */
function csvHeading(fields: readonly string[]): boolean {
  return fields.filter((f) => COLUMN_HEADING_RE.test(f)).length >= 2
}

/** A cell of a spreadsheet's row: a figure ("1.080", "65,5", "≥ 95", "92 - 94", "8/9") or nothing. */
const CSV_FIGURE_CELL_RE = /^(?:[≥≤<>]\s*)?\d[\d.,]*(?:\s*(?:[-–/]|đến)\s*\d[\d.,]*)?\s*%?$/u

/**
 * The width of the first table of a text exported with "," between its cells (Excel's "CSV UTF-8"),
 * or 0 where there is none. A plan's prose holds commas too ("8,5%", "lúa, ngô"), so a comma is a
 * separator only in a text where a record names the columns in short cells (no sentence, no stop
 * closing one) and the two records under it have as many fields, each an empty cell or a figure's
 * at least: Excel writes every row with all its fields, empty ones included.
 */
function commaTableWidth(lines: readonly string[]): number {
  const row = (r: { fields: string[] } | undefined, width: number): boolean => r?.fields.length === width && r.fields.some((f) => f === '' || CSV_FIGURE_CELL_RE.test(f))
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.includes(',') || lines[i]!.includes('|')) continue
    const head = csvRecord(lines, i, ',')
    if (!head || !csvHeading(head.fields) || head.fields.some((f) => f.length > 60 || /[.;:!?…]$/u.test(f))) continue
    const first = csvRecord(lines, head.next, ',')
    const width = head.fields.length
    if (row(first, width) && row(csvRecord(lines, first!.next, ','), width)) return width
  }
  return 0
}

/**
 * A table a spreadsheet exported as lines of fields separated by ";", or by "," (Excel's "CSV
 * UTF-8", commaTableWidth), and pasted into the text: a heading line naming its columns
 * ("STT;Chỉ tiêu;ĐVT;Thực hiện 2023;Kế hoạch 2024;Ghi chú", two column words or more), then rows of
 * as many fields or fewer (an empty last field left off). Each record becomes `| a | b | … |`, as a
 * table with tabs or pipes is read; the table ends at the first line that is no such row, or at a
 * row of empty fields (a blank row).
 */
export function csvTables(lines: string[]): string[] {
  const out: string[] = []
  const commaWidth = commaTableWidth(lines)
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes('|')) {
      out.push(lines[i]!)
      continue
    }
    const semicolon = csvRecord(lines, i, ';')
    const comma = commaWidth > 0 && !semicolon ? csvRecord(lines, i, ',') : undefined
    const sep = semicolon ? ';' : ','
    const record = semicolon ?? (comma && comma.fields.length === commaWidth ? comma : undefined)
    if (!record) {
      out.push(lines[i]!)
      continue
    }
    const head = record.fields
    // "BIỂU CHỈ TIÊU THI ĐUA NĂM 2025;;;;;": a title the spreadsheet wrote in one cell, the others
    // empty, is the title alone ("TM. ỦY BAN NHÂN DÂN" in a cell under the table, its signature); a
    // row of empty cells is a blank line.
    const filled = head.filter((f) => f !== '')
    if (filled.length <= 1) {
      out.push(filled[0] ?? '')
      i = record.next - 1
      continue
    }
    if (!csvHeading(head)) {
      out.push(lines[i]!)
      continue
    }
    const rows: string[][] = []
    let j = record.next
    while (j < lines.length) {
      const row = lines[j]!.includes('|') ? undefined : csvRecord(lines, j, sep)
      if (!row || row.fields.length > head.length || row.fields.length < head.length - 1 || row.fields.every((f) => f === '')) break
      rows.push([...row.fields, ...head.slice(row.fields.length).map(() => '')])
      j = row.next
    }
    if (rows.length === 0) {
      out.push(lines[i]!)
      continue
    }
    out.push(`| ${head.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`))
    i = j - 1
  }
  return out
}

/** A line of a cell stacking a row's figures (stackedRows): "1.360", "63,5", "≥ 95", "38 - 40", "11/12", "giảm 0,3", "100%". */
const STACKED_FIGURE_RE = /^(?:[≥≤<>]=?\s*|(?:giảm|tăng|dưới|trên|từ|tối thiểu|ít nhất|không quá|không dưới)\s+)?\d[\d.,]*(?:\s*(?:[-–/]|đến)\s*\d[\d.,]*)?\s*%?(?:\s*trở (?:lên|xuống))?$/iu

/**
 * The rows one record of an Excel range copied as text stands for (quotedTabRows), each its cells
 * between tabs. A cell typed with Alt+Enter may stack several measures, line by line, with its
 * row's unit and figure cells stacking the matching values: "Cây lúa cả năm:" / "- Diện tích gieo
 * cấy" / "- Năng suất bình quân" / "- Sản lượng thóc" beside "" / "ha" / "tạ/ha" / "tấn" and "" /
 * "1.360" / "63,5" / "8.636", or a whole and its part, "Giải quyết việc làm mới" / "Trong đó: xuất
 * khẩu lao động" beside "330" / "25". Where the name cell (the first cell of two lines or more with
 * words) stacks n lines and a figure cell as many, figures all, the record is n rows, line k of
 * each such cell in row k ("" / "- Diện tích gieo cấy" / "ha" / … under "2" / "Cây lúa cả năm:"):
 * a crop's measures under its group row, a "Trong đó" line a part row, as a table's rows are read.
 * A cell of one line is in the first row, a unit ("ha" beside "Diện tích rau …" / "Trong đó: …")
 * in every row; a cell of n - 1 lines, figures or units, beside a name opening on a label ("Cây
 * lúa cả năm:"), is missing the label's empty line, which it gets first. Any other cell's lines
 * are joined with spaces, in the first row ("Huyện giao 6,8 tỷ đồng" / "(QĐ số 4127/QĐ-UBND)"), a
 * unit broken at its slash without one ("triệu đồng/" / "người/năm"); so is every cell of a record
 * that stacks nothing (a heading "Kế hoạch" / "năm 2024").
 */
function stackedRows(given: readonly string[][]): string[] {
  const cells = given.map((c) => {
    const l = [...c]
    while (l.length > 1 && l[l.length - 1] === '') l.pop()
    return l
  })
  const joined = (c: readonly string[]): string => c.filter((l) => l !== '').reduce((a, l) => (a === '' ? l : a.endsWith('/') ? `${a}${l}` : `${a} ${l}`), '')
  const filled = (c: readonly string[]): string[] => c.filter((l) => l !== '')
  const figures = (c: readonly string[]): boolean => filled(c).length >= 2 && filled(c).every((l) => STACKED_FIGURE_RE.test(l))
  const name = cells.find((c) => c.length >= 2 && !figures(c) && c.some((l) => /\p{L}{2,}/u.test(l)))
  const n = name?.length ?? 0
  if (name && name[0]!.endsWith(':')) {
    for (const c of cells) if (c.length === n - 1 && c[0] !== '' && filled(c).every((l) => STACKED_FIGURE_RE.test(l) || unitInfo(l) !== undefined)) c.unshift('')
  }
  if (n < 2 || !cells.some((c) => c.length === n && figures(c))) return [cells.map(joined).join('\t')]
  const rows: string[] = []
  for (let k = 0; k < n; k++) {
    rows.push(cells.map((c) => (c.length === n ? c[k]! : c.length === 1 && unitInfo(c[0]!) !== undefined ? c[0]! : k === 0 ? joined(c) : '')).join('\t'))
  }
  return rows
}

/**
 * An Excel range pasted as text, as Excel puts it on the clipboard: cells between tabs, and a cell
 * holding a line break (Alt+Enter) wrapped in double quotes, quotes inside it doubled, its lines
 * running the row on over several text lines ("13⇥"Giải quyết việc làm mới" / "Trong đó: xuất khẩu
 * lao động"⇥người⇥"312" / "21"⇥"330" / "25"⇥"). Each such record (spreadsheetRecord with tabs) is
 * written back as the rows it stands for (stackedRows), one line each, which the table reader then
 * reads as any tab-separated row. Only a record as wide as the tab-separated record just before or
 * after it: Excel copies a range, every row with all its cells, so a quote opening a cell of another
 * table or of prose never joins lines. Lines with no such record stay as they are. One walk, each
 * record read twice at most.
 */
export function quotedTabRows(lines: readonly string[]): string[] {
  if (!lines.some((l) => l.includes('\t') && l.includes('"'))) return [...lines]
  const out: string[] = []
  // (The width of the tab-separated record just before, 0 after any other line.)
  let width = 0
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    // (A record runs on over lines only from a quote on its first line.)
    const record = line.includes('\t') && line.includes('"') && !line.includes('|') ? spreadsheetRecord(lines, i, '\t') : undefined
    if (!record || record.next === i + 1) {
      out.push(line)
      width = record?.cells.length ?? (line.includes('\t') && !line.includes('|') ? line.split('\t').length : 0)
      continue
    }
    const after = spreadsheetRecord(lines, record.next, '\t')
    if (record.cells.length !== width && record.cells.length !== after?.cells.length) {
      out.push(line)
      width = 0
      continue
    }
    append(out, stackedRows(record.cells))
    width = record.cells.length
    i = record.next - 1
  }
  return out
}

/** A field's label in a line of labelled fields: what a table's heading cell would name. */
const FIELD_LABEL = String.raw`(?:tên chỉ tiêu|chỉ tiêu|nội dung|đơn vị tính|đơn vị|đvt|kế hoạch(?:\s+(?:năm\s+)?\d{4})?|kh(?:\s+\d{4})?|mục tiêu|mức phấn đấu|phấn đấu|thực hiện(?:\s+(?:năm\s+)?\d{4})?|ước(?:\s+thực hiện)?(?:\s+(?:năm\s+)?\d{4})?|th(?:\s+\d{4})?|ghi chú)`
/** Where a field starts after the one before it: " – Đơn vị: ", "; Kế hoạch: ", " | Thực hiện 2023: ". */
const FIELD_SEPARATOR_RE = new RegExp(String.raw`\s+[–—-]\s+(?=${FIELD_LABEL}\s*:)|\s*[;|]\s+(?=${FIELD_LABEL}\s*:)`, 'giu')
const FIELD_RE = new RegExp(String.raw`^(${FIELD_LABEL})\s*:\s*(.*)$`, 'iu')

/**
 * The fields of a line of labelled fields, as a web portal's mobile view lists a table's rows
 * ("• Chỉ tiêu: Sản lượng lúa – Đơn vị: tấn – Kế hoạch: 20.160 trở lên – Thực hiện 2023: 19.900"):
 * the first names the target ("Chỉ tiêu", "Nội dung"), one more at least holds its plan ("Kế
 * hoạch", "Mục tiêu", "Phấn đấu"). Labels and values, or undefined.
 */
function labelledFields(line: string): { labels: string[]; values: string[] } | undefined {
  const body = line.trim().replace(/^(?:[-+•*–]|\d{1,2}[.)])\s+/u, '')
  if (!/^(?:tên chỉ tiêu|chỉ tiêu|nội dung)\s*:/iu.test(body)) return undefined
  const parts = body.split(FIELD_SEPARATOR_RE).map((p) => FIELD_RE.exec(p.trim()))
  if (parts.length < 3 || parts.some((p) => p === null)) return undefined
  const labels = parts.map((p) => p![1]!.replace(/\s+/gu, ' '))
  if (!labels.slice(1).some((l) => /^(?:kế hoạch|kh|mục tiêu|mức phấn đấu|phấn đấu)(?![\p{L}])/iu.test(l))) return undefined
  return { labels, values: parts.map((p) => p![2]!.trim()) }
}

/**
 * Lines of labelled fields in a run, with the same labels: the rows of a table, each line's fields
 * its cells under a heading of the labels (`| Chỉ tiêu | Đơn vị | Kế hoạch | Thực hiện 2023 |`), so
 * that each is read as a table's row is.
 */
export function labelledTables(lines: string[]): string[] {
  const out: string[] = []
  let labels: string | undefined
  for (const line of lines) {
    const fields = labelledFields(line)
    if (!fields) {
      labels = undefined
      out.push(line)
      continue
    }
    const key = fields.labels.map((l) => l.toLowerCase()).join('|')
    if (key !== labels) out.push(`| ${fields.labels.join(' | ')} |`)
    labels = key
    // (Each value keeps its label, "Kế hoạch: 9/9", so that the row still says all the line did; the
    // drafter reads a cell that repeats its column's name before a colon as the value after it.)
    out.push(`| ${fields.values.map((v, i) => `${fields.labels[i]}: ${v}`).join(' | ')} |`)
  }
  return out
}

/** A labelled line under a target's name: "- Thực hiện năm 2025: 7,2%", "- Kế hoạch năm 2026: …", "- Ghi chú: …". */
const GROUP_FIELD_RE = /^\s*(?:[-+•*–]\s*)?((?:thực hiện|ước thực hiện|ước đạt|kết quả|kế hoạch|chỉ tiêu|mục tiêu|(?:mức\s+)?phấn đấu)(?:\s+(?:năm\s+)?\d{4})?|ghi chú|cách tính|phương pháp tính|đơn vị tính|đơn vị|đvt)\s*:\s*(\S.*)$/iu
/** A record's number on its own labelled line, over its name: "STT: 3", "TT: 2.1". */
const RECORD_NUMBER_RE = /^\s*(?:stt|tt|số thứ tự)\s*:\s*(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVX]{1,4}|[a-zđ])\.?\s*$/iu
/** A record's name on its labelled line: "Tên chỉ tiêu: Sản lượng lúa cả năm", "Nội dung: …". */
const RECORD_NAME_RE = /^\s*(?:[-+•*–]\s*)?(?:tên chỉ tiêu|chỉ tiêu|nội dung)\s*:\s*(\S.*)$/iu
/** How many short lines a record's value may wrap onto (a phone's viewer breaks at 35 to 45 characters). */
const RECORD_WRAPS = 3
/** A target's name alone on its line, over its labelled lines: "Chỉ tiêu 4: Sản lượng lương thực có hạt", "2. Tổng đàn bò". */
const GROUP_NAME_RE = /^\s*(?:chỉ (?:tiêu|số)\s+(?:số\s+)?\d{1,2}\s*[:.]\s*|\d{1,2}[.)]\s+)?(\p{L}[^|:;]{1,118})$/iu

/**
 * A target given as its name on one line and labelled lines under it ("Chỉ tiêu 10: Tỷ lệ hộ nghèo"
 * / "- Thực hiện năm 2025: 3,1%" / "- Kế hoạch năm 2026: giảm còn dưới 2,5%" / "- Ghi chú: …"): the
 * rows of a table whose columns are the labels, one row a target, as labelledTables makes of the
 * same fields on one line. Two labelled lines at least, one of them the plan's ("Kế hoạch", "Chỉ
 * tiêu", "Mục tiêu", "Phấn đấu", "Mức phấn đấu"); a result ("Thực hiện", "Ước thực hiện", "Kết quả") is last year's.
 * So is an indicator card ("Chỉ số 4. Tỷ lệ …" / "- Đơn vị tính: %" / "- Thực hiện năm 2025: 89%" /
 * "- Mức phấn đấu năm 2026: ≥ 95%" / "- Cách tính: …" / "- Cơ quan chủ trì: …"): its method is a
 * column never read, and the lines of who leads and who helps go (GUIDANCE_RE), as under a heading.
 */
export function labelledGroups(lines: string[]): string[] {
  const out: string[] = []
  let labels: string | undefined
  // A line that opens a record or holds one of its fields: what a wrapped value stops before.
  const labelled = (l: string | undefined): boolean => l !== undefined && (RECORD_NUMBER_RE.test(l) || RECORD_NAME_RE.test(l) || GROUP_FIELD_RE.test(l))
  // The short lines after lines[from] that carry its value on ("… lúa vụ" / "Xuân"), when a labelled
  // line follows them: how many (none when no labelled line comes within RECORD_WRAPS lines).
  const wraps = (from: number): number => {
    for (let k = from + 1; k < lines.length && k <= from + RECORD_WRAPS; k++) {
      const l = lines[k]!
      if (labelled(l)) return k - from - 1
      if (l.trim() === '' || l.includes('|') || l.includes(':') || ITEM_OPENING_RE.test(l.trim())) return 0
    }
    return 0
  }
  const joined = (from: number, n: number, value: string): string => [value, ...lines.slice(from + 1, from + 1 + n).map((l) => l.trim())].join(' ').trim()
  for (let i = 0; i < lines.length; i++) {
    // A record a phone's viewer or a form lists a table's row as, one labelled line a cell ("STT: 2"
    // / "Tên chỉ tiêu: Diện tích lúa cả năm" / "Đơn vị tính: ha" / "Thực hiện năm 2023: 1.124" /
    // "Kế hoạch: 1.100"), each value possibly wrapped onto the next short lines: its number goes, its
    // name and fields are read as the name line and the labelled lines under it below.
    let at = i
    if (RECORD_NUMBER_RE.test(lines[at]!) && RECORD_NAME_RE.test(lines[at + 1] ?? '')) at++
    const record = RECORD_NAME_RE.exec(lines[at]!)
    let recordName: string | undefined
    let nameEnd = at
    if (record && !labelledFields(lines[at]!)) {
      const n = wraps(at)
      recordName = joined(at, n, record[1]!)
      nameEnd = at + n
    }
    const name = recordName !== undefined ? [lines[at]!, recordName] : GROUP_NAME_RE.exec(lines[i]!)
    const fields: string[][] = []
    let end = recordName !== undefined ? nameEnd : i
    for (let j = end + 1; name && j < lines.length && fields.length < 6; j++) {
      if (fields.length > 0 && GUIDANCE_RE.test(lines[j]!)) { end = j; continue }
      const f = GROUP_FIELD_RE.exec(lines[j]!)
      // (A line of all a target's fields, "- Chỉ tiêu: … – Đơn vị: … – Kế hoạch: …", is a row of its own: labelledTables.)
      if (!f || f[2]!.includes('|') || labelledFields(lines[j]!)) break
      // (In a record, a field's value may wrap as its name does; a new record's name ends it.)
      if (recordName !== undefined && RECORD_NAME_RE.test(lines[j]!) && fields.length > 0) break
      const n = recordName !== undefined ? wraps(j) : 0
      fields.push([f[1]!, joined(j, n, f[2]!)])
      j += n
      end = j
    }
    const planned = fields.some((f) => /^(?:kế hoạch|chỉ tiêu|mục tiêu|(?:mức\s+)?phấn đấu)/iu.test(f[0]!))
    if (!name || fields.length < 2 || !planned || (recordName === undefined && /[.;!?…]\s*$/u.test(name[1]!))) {
      labels = undefined
      out.push(lines[i]!)
      continue
    }
    const head = ['Chỉ tiêu', ...fields.map((f) => f[0]!.replace(/\s+/gu, ' '))]
    const key = head.join('|').toLowerCase()
    if (key !== labels) out.push(`| ${head.join(' | ')} |`)
    labels = key
    out.push(`| Chỉ tiêu: ${name[1]!.trim()} | ${fields.map((f) => `${f[0]!.replace(/\s+/gu, ' ')}: ${f[1]!.trim()}`).join(' | ')} |`)
    i = end
  }
  return out
}

/** A target's heading over its statement: "Chỉ tiêu 7. Thu ngân sách nhà nước", "Chỉ tiêu số 3: Cây vụ đông" (a name, no figure, no closing stop). */
const INDICATOR_HEADING_RE = /^\s*chỉ tiêu\s+(?:số\s+)?(\d{1,2})\s*[.:)]\s+(\p{L}[^\d;!?…]{0,118}?)\s*$/iu
/** A line telling who leads and who helps with a target: "Cơ quan chủ trì: Công an xã; phối hợp: các thôn", "Đơn vị phối hợp: …". */
const GUIDANCE_RE = /^\s*(?:[-+•*]\s*)?(?:(?:cơ quan|đơn vị|bộ phận|người|lực lượng)\s+(?:chủ trì|phụ trách|thực hiện|theo dõi|phối hợp)|chủ trì|phối hợp)(?:\s+(?:thực hiện|theo dõi))?\s*:/iu

/**
 * Targets each under a heading of their own ("Chỉ tiêu 7. Thu ngân sách nhà nước"), the statement
 * on the next line(s) ("Thu ngân sách nhà nước trên địa bàn đạt 28.600 triệu đồng trở lên." or only
 * a level, "Tăng từ 8,5% trở lên so với năm 2024."), then a line naming who leads and who helps
 * ("Cơ quan chủ trì: …; phối hợp: …"). Two such headings at least, each over a statement: each
 * heading is written as the numbered item it is ("7. Thu ngân sách nhà nước"), so that a statement
 * naming nothing takes its name from it, and the lines of who leads and who helps go: they guide
 * the reporters, no goal.
 */
export function indicatorHeadings(lines: string[]): string[] {
  const heads = new Set(lines.map((l, i) => (INDICATOR_HEADING_RE.test(l) && lines.slice(i + 1, i + 3).some((x) => x.trim() !== '' && !INDICATOR_HEADING_RE.test(x) && !GUIDANCE_RE.test(x)) ? i : -1)).filter((i) => i >= 0))
  if (heads.size < 2) return lines
  const out: string[] = []
  let under = false
  for (const [i, line] of lines.entries()) {
    const m = INDICATOR_HEADING_RE.exec(line)
    if (m && heads.has(i)) {
      out.push(`${m[1]}. ${m[2]!.trim()}`)
      under = true
      continue
    }
    // (A group's line "B. NHÓM CHỈ TIÊU VĂN HÓA - XÃ HỘI" or a section's heading ends the heading's block.)
    if (/^\s*(?:[IVXLC]{1,6}|[A-Z]|\d{1,2})[.)/]\s/u.test(line)) under = false
    if (under && GUIDANCE_RE.test(line)) continue
    out.push(line)
  }
  return out
}
