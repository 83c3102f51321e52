// A scanned plan read by OCR (issue 13): ruled tables whose rules came out as "I", "l" or "1",
// figures split or misread by the scan, and words broken by stray spaces. One of the document
// forms normalize.ts runs before reading lines; each repair is gated on evidence in the document.
import { unitInfo } from './lexicon'

/**
 * A scanned table's OCR reads some of its rules as a letter or a digit ("I", "l", "1") and loses
 * others: "TT I Chỉ tiêu I ĐVT I Thực hiện 2026 I Kế hoạch 2027" over "8 I Tổng đàn bò | con | 5.600
 * | 6.000 I", "| ha 310 | 350 |", "| HTX | 2 1 3 |". Under a heading row whose every cell names a
 * column (its rules "|" or such a glyph between spaces), each row one cell short of the heading (or
 * more) is repaired against it: a lone glyph, or a space after the row's number or between a unit and
 * a figure, becomes a rule where that gives the row the heading's count of cells, each under a column
 * it fits (a number or a mark under "TT", a unit or nothing under "ĐVT", a figure, a bound or a word
 * such as "Đạt" under a year's or the plan's column); a group row ("C I QUỐC PHÒNG - AN NINH | | |")
 * takes the rules that leave its cells after the name empty. A "1" counts only between two figures or
 * a unit and a figure; a row with the heading's count already keeps its inner text, and only a closing
 * glyph at its end ("18.450 l", "6.150 trở lên 1" where the cell holds a figure before it) is its
 * closing rule. Only one way to repair a row is taken; two ways or none leave it as it arrived. Each
 * change is one character for one ("I" → "|", " " → "|"), so every line keeps its length.
 */
export function ocrRuledTables(lines: string[]): string[] {
  let head: ColumnKind[] | undefined
  return lines.map((line) => {
    if (line.trim() === '' || line.includes('\t') || line.length > 2000) {
      head = undefined
      return line
    }
    const heading = ocrHeading(line)
    if (heading) {
      head = heading.kinds
      return heading.line
    }
    if (!head) return line
    if (!line.includes('|') && (line.match(LONE_GLYPH_RE) ?? []).length < 2) {
      head = undefined
      return line
    }
    return ocrRow(line, head) ?? line
  })
}

type ColumnKind = 'mark' | 'name' | 'unit' | 'figure' | 'any'

/** A rule between two cells as a scan's OCR reads it: "|", or "I", "l", "1" between spaces. */
const OCR_RULE_RE = /\s+[Il1]\s+|\s*\|\s*/gu
/** A lone glyph a rule may be misread as, between spaces (or a space and the line's end). */
const LONE_GLYPH_RE = /(?<=\s)[Il1](?=\s|$)/gu
/** Words that name a table's column. */
const OCR_COLUMN_RE = /^(?:s?tt|số tt|chỉ tiêu|nội dung|tên chỉ tiêu|đơn vị tính|đơn vị|đvt|kế hoạch|kh|thực hiện|th|ước(?: thực hiện| th)?|năm|mức|phấn đấu|ghi chú|so sánh|tỷ lệ|cả năm|dự toán|mục tiêu|kết quả)(?![\p{L}])/iu
/** A row's number or mark in its first cell: "3", "2.1", "II", "B", "a", "-", "+". */
const OCR_MARK_RE = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}|[IVX]{1,4}|[A-H]|[a-zđ]|[-+–•])[.)]?$/u
/** A figure cell: a figure or a range, with its bound ("≥ 94", "giảm 1 - 1,5", "10/13", "6.150 trở lên"). */
const OCR_FIGURE_RE = /^(?:(?:[≥≤<>]|giảm|tăng|dưới|trên|từ|không quá|ít nhất|tối thiểu|tối đa|đạt|còn)\s*)?\d[\d.,]*(?:\/\d[\d.,]*)?\s*[%‰]?(?:\s*(?:-|–|đến)\s*\d[\d.,]*\s*[%‰]?)?(?:\s+trở\s+(?:lên|xuống))?$/iu
/** A plan cell in words: "Đạt", "Giữ vững", "Hoàn thành" (four words at most, no lone glyph). */
const OCR_WORD_CELL_RE = /^\p{L}{2,}(?:\s\p{L}{2,}){0,3}$/u

/** A heading row with its rules as the OCR read them: the row written with bars, and each column's kind. */
function ocrHeading(line: string): { line: string; kinds: ColumnKind[] } | undefined {
  const body = line.trim().replace(/^\|\s*/u, '').replace(/\s*\|$/u, '')
  if (body.length > 300) return undefined
  const cells = body.split(OCR_RULE_RE)
  if (cells.length < 3 || !cells.every((c) => OCR_COLUMN_RE.test(c)) || !/[\p{L}]{2,}/u.test(body)) return undefined
  let name = false
  const kinds = cells.map((c, i): ColumnKind => {
    if (i === 0 && /^(?:s?tt|số tt)$/iu.test(c)) return 'mark'
    if (/^(?:đvt|đơn vị tính|đơn vị)$/iu.test(c)) return 'unit'
    if (/^ghi chú/iu.test(c)) return 'any'
    if (!name && /^(?:chỉ tiêu|nội dung(?: chỉ tiêu)?|tên chỉ tiêu)$/iu.test(c)) {
      name = true
      return 'name'
    }
    return 'figure'
  })
  if (!name) return undefined
  return { line: line.replace(/(?<=\s)[Il1](?=\s)/gu, '|'), kinds }
}

/** Whether a cell fits under a column of this kind. */
function fitsColumn(cell: string, kind: ColumnKind): boolean {
  if (kind === 'any') return true
  if (kind === 'mark') return cell === '' || OCR_MARK_RE.test(cell)
  const glyph = /(?:^|\s)[Il1](?:\s|$)/u.test(cell)
  if (kind === 'name') return /\p{L}{2,}/u.test(cell) && !/(?:^|\s)[Il](?:\s|$)/u.test(cell) && !OCR_MARK_RE.test(cell)
  if (kind === 'unit') return cell === '' || /^[%‰]$/u.test(cell) || (!/\d/u.test(cell) && !glyph && cell.split(/\s+/u).length <= 3)
  return cell === '' || OCR_FIGURE_RE.test(cell) || (OCR_WORD_CELL_RE.test(cell) && !glyph)
}

/** A row under a heading read from an OCR'd scan, its misread or lost rules written as "|", or undefined if none is repaired. */
function ocrRow(line: string, head: readonly ColumnKind[]): string | undefined {
  const width = head.length
  // The row's cells as a list of the places its rules stand at (existing bars).
  const cellsOf = (s: string): string[] => {
    let t = s.trim()
    if (t.startsWith('|')) t = t.slice(1)
    if (t.endsWith('|')) t = t.slice(0, -1)
    return t.split('|').map((c) => c.trim())
  }
  // The places where a rule may have been lost or misread.
  const candidates = (s: string): number[] => {
    const out: number[] = []
    for (const m of s.matchAll(LONE_GLYPH_RE)) {
      const at = m.index
      if (at === s.trimEnd().length - 1 && !s.trimEnd().endsWith('|')) continue
      if (m[0] === '1') {
        // ("2 1 3", "% 1 8,1": a "1" is a rule only between two figures, or a unit and a figure.)
        const before = /(\S+)\s*$/u.exec(s.slice(0, at))?.[1] ?? ''
        const after = /^\s*(\S+)/u.exec(s.slice(at + 1))?.[1] ?? ''
        if (!/^\d/u.test(after) || !(/\d[%‰]?$/u.test(before) || /^[%‰]$/u.test(before) || unitInfo(before) !== undefined)) continue
      }
      out.push(at)
    }
    // "4 Năng suất … |": the rule after the row's number lost.
    const mark = /^(\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}|[A-H]|[-+–]))[.)]?( )(?=\p{L})/u.exec(s)
    if (mark && !/^[Il]\s/u.test(s.slice(mark[0].length))) out.push(mark.index + mark[0].length - 1)
    // "| ha 310 |", "| con 21.000 |": a unit and a figure in one cell.
    for (const m of s.matchAll(/\|(\s*)([%‰]|\p{L}+(?:\/\p{L}+){0,2})( )(?=\d[\d.,]*\s*\|)/gu)) {
      if (/^[%‰]$/u.test(m[2]!) || unitInfo(m[2]!) !== undefined) out.push(m.index + 1 + m[1]!.length + m[2]!.length)
    }
    return out.sort((a, b) => a - b)
  }
  const fits = (cells: readonly string[]): boolean => {
    if (cells.length === width) return cells.every((c, i) => fitsColumn(c, head[i]!))
    // A group's row: its number and its name, the cells after it empty.
    const nameAt = head.indexOf('name')
    return cells.length < width && cells.length > nameAt && fitsColumn(cells[0]!, head[0]!) && fitsColumn(cells[nameAt]!, 'name') && cells.slice(nameAt + 1).every((c) => c === '') && /^\p{Lu}[\p{Lu}\s,\-–]*$/u.test(cells[nameAt]!)
  }
  // (Each place is one UTF-16 unit, a glyph or a space: the line keeps its length.)
  const withRules = (s: string, at: readonly number[]): string => at.reduce((t, a) => `${t.slice(0, a)}|${t.slice(a + 1)}`, s)
  const tryRepair = (s: string): string | undefined => {
    const n = cellsOf(s).length
    const places = candidates(s)
    if (places.length > 6) return undefined
    const need = width - n
    if (need < 0) return undefined
    if (need === 0) return fits(cellsOf(s)) ? s : undefined
    // The subsets of `need` places (or fewer, for a group's row, with no figure after its number),
    // the largest that fits and only one of that size.
    const lowest = /\d/u.test(s.replace(/^\s*\S+/u, '')) ? need : 0
    for (let size = Math.min(need, places.length); size >= lowest; size--) {
      const found: string[] = []
      const pick = (from: number, chosen: number[]): void => {
        if (chosen.length === size) {
          const r = withRules(s, chosen)
          if (fits(cellsOf(r)) && (size === need || cellsOf(r).length < width)) found.push(r)
          return
        }
        for (let k = from; k < places.length; k++) pick(k + 1, [...chosen, places[k]!])
      }
      pick(0, [])
      if (found.length === 1) return found[0]
      if (found.length > 1) return undefined
    }
    return undefined
  }
  // A closing rule misread at the row's end ("18.450 l", "6.000 I", "6.150 trở lên 1").
  const closing = /\s([Il1])\s*$/u.exec(line)
  if (closing && !line.trimEnd().endsWith('|')) {
    const closed = withRules(line, [closing.index + 1])
    const repaired = tryRepair(closed)
    if (repaired !== undefined) return repaired === line ? undefined : repaired
    if (closing[1] === '1') {
      const kept = tryRepair(line)
      return kept !== undefined && kept !== line ? kept : undefined
    }
    return undefined
  }
  const repaired = tryRepair(line)
  return repaired !== undefined && repaired !== line ? repaired : undefined
}

/**
 * A run of space-grouped thousands, "12 500", "1 250 000": one to three digits, then groups of three
 * digits each after one space. A run is tried from its first group only: where one to three digits
 * (a group) and a space stand before it, it is the rest of a run begun there, and tried again from
 * each group of a long run with no unit after it, the run was read over once for each (a year's or a
 * code's four digits before it, "năm 2025 1 200 ha", are no group of it).
 */
export const SPACED_GROUPS = String.raw`(?<!(?:^|\D)\d{1,3} )\d{1,3}(?: \d{3})+`
/** A figure set in space-grouped thousands before a unit or a sign ("12 500 tấn", "1 120 ha", "1 250 %"), after what may lead a figure, not after a quarter's or a round's number. */
const SPACED_FIGURE_RE = new RegExp(String.raw`(^|[\s(≥≤<>:])(?<!(?<![\p{L}])(?:quý|tháng|đợt|tuần|khoản|điểm|mục)\s)(${SPACED_GROUPS})(?=\s*(?:\p{L}|%))`, 'giu')

/**
 * What OCR makes of figures in a scanned plan: a letter O for a zero inside a number ("12O ha",
 * "4.2O0 con", "1O0%"), a letter l or I for a one opening it ("l.200 ha"), a space before a
 * thousands dot ("2 .500 tấn"), and a unit's accents lost after a figure ("52 trieu đồng").
 */
/**
 * The syllables of the plan vocabulary (measures, verbs of reaching, units and fields) a PDF's text
 * layer or an OCR may break with a stray space ("s ản lư ợng", "đ ạt", "diệ n tích", "thủy s ản").
 */
const PLAN_SYLLABLES = new Set(
  ('sản lượng đạt diện tích năng suất thủy hộ nghèo tỷ lệ tổng giá trị xuất khẩu nhập bình quân đầu người ' +
    'trồng nuôi ngân sách nước doanh nghiệp động việc làm trường chuẩn quốc văn hóa hoá danh hiệu thôn phố ' +
    'tham bảo hiểm giảm tăng trưởng đàn trâu lợn cầm rừng che phủ hoàn thành tiêu giao quân tuyển kinh ' +
    'hội ninh trật đường thông nghiệp tấn triệu đồng lượt khách lịch thu gom rác thải sinh hoạt dưỡng ' +
    'tuổi đào tạo nghề nghiệp mới trên dưới không quá trở lên ít nhất phấn đấu').split(' '),
)

/** Short words that stand alone besides the plan vocabulary's: a piece that is one is no broken word's piece. */
const WORDS_ALONE = new Set(
  ('tổ ở ăn ông anh em ai ấp ổn ước ưu ảnh ao ô ơn ý và là có cho ra vào đi lo to ba hai tư xã dân thôn lúa bò gà cá ' +
    'tôm ngô na chè lá nón nhà số vụ ha con cây hộ năm tháng ngày các của').split(' '),
)

/**
 * "s ản lư ợng", "đ ạt", "diệ n tích": a word of the plan's vocabulary broken by a stray space, where
 * the two pieces make one of its syllables and neither piece is a word alone ("tổ ng" stays: "tổ" is
 * a word). The index of each such pair's first piece among the line's pieces (split on one space);
 * one walk over them.
 */
function brokenPairs(pieces: readonly string[]): number[] {
  const out: number[] = []
  for (let i = 0; i + 1 < pieces.length; i++) {
    const a = pieces[i]!
    const b = pieces[i + 1]!
    if (!/^\p{L}{1,4}$/u.test(a) || !/^\p{L}{1,4}[.,;:]?$/u.test(b)) continue
    const bare = b.replace(/[.,;:]$/u, '')
    if (PLAN_SYLLABLES.has((a + bare).toLowerCase()) && ![a, bare].some((p) => PLAN_SYLLABLES.has(p.toLowerCase()) || WORDS_ALONE.has(p.toLowerCase()))) {
      out.push(i)
      i++
    }
  }
  return out
}

/** Two short pieces side by side: a line that may hold a broken word (most lines hold none, and are not split). */
const MAY_BREAK_RE = /(?:^|[^\p{L}])\p{L}{1,4} \p{L}{1,4}(?![\p{L}])/u

/** The pairs of a line that may hold some, none of a line longer than a paragraph. */
const brokenPairsOf = (line: string): number[] => (line.length > 20000 || !MAY_BREAK_RE.test(line) ? [] : brokenPairs(line.split(' ')))

/**
 * Whether the document is a broken copy (a PDF's text layer or an OCR that put stray spaces inside
 * words): two broken words of the plan vocabulary or more. A well-typed plan holds none, and one
 * pair alone is more likely two real words that happen to make a syllable than a broken copy.
 */
export function brokenCopy(lines: readonly string[]): boolean {
  let found = 0
  for (const line of lines) if ((found += brokenPairsOf(line).length) >= 2) return true
  return false
}

/** The broken words of a line joined (brokenPairs). */
function brokenWords(line: string): string {
  const pairs = brokenPairsOf(line)
  if (pairs.length === 0) return line
  const pieces = line.split(' ')
  for (const i of pairs.reverse()) pieces.splice(i, 2, pieces[i]! + pieces[i + 1]!)
  return pieces.join(' ')
}

export function repairOcrFigures(line: string, spaced = false, broken = false): string {
  if (broken) line = brokenWords(line)
  // "Il. NỘI DUNG", "IIl. TỔ CHỨC": a roman numeral typed or read with the letter l for I.
  const roman = /^(\s*)([IVXl]{2,5})([.)]\s)/u.exec(line)
  if (roman && /l/u.test(roman[2]!) && /[IVX]/u.test(roman[2]!)) line = `${roman[1]}${roman[2]!.replace(/l/gu, 'I')}${roman[3]}${line.slice(roman[0].length)}`
  return line
    // The measures' words with a wrong or lost accent, as typed from a photo or read by OCR.
    // ("s ản lượng", "n ăng suất": OCR may also cut a word after its first letter; brokenWords joins
    // such pieces in a copy broken throughout, these also mend one alone and a wrong accent.)
    .replace(/(?<![\p{L}])n ?[âăa]ng su[ấâạa]t(?![\p{L}])/gu, 'năng suất')
    .replace(/(?<![\p{L}])s ?[áảạa]n l[ưu][ợơọo]ng(?![\p{L}])/gu, 'sản lượng')
    .replace(/(?<![\p{L}])d ?i[êệe]n t[íi]ch(?![\p{L}])/gu, 'diện tích')
    .replace(/(?<![\p{L}])h[ôo] ngh[èe]o(?![\p{L}])/gu, 'hộ nghèo')
    // "1 120 ha", "12 500 con": a space for the thousands separator, before a unit or a sign (in a
    // document that writes its decimals with a dot and its thousands with a space, the figure's
    // digits run on: "12 500 tấn" is 12500 there, where "12.500" would read as a decimal).
    // ("quý 1 500 tấn", "đợt 2 150 hộ": a quarter's or a round's number before a figure is no group of it.)
    // (The run opens after a space, a bracket, a bound's sign or a colon, or at the line's start.)
    .replace(SPACED_FIGURE_RE, (_m, lead: string, figure: string) => `${lead}${figure.replace(/ /gu, spaced ? '' : '.')}`)
    // "93,5o/o", "72 o/o": per cent as a scan of an old typewritten or handwritten page reads it.
    .replace(/(?<=\d)[ \t]?[oO]\/[oO](?![\p{L}\d])/gu, '%')
    // "dat 93,5%", "dat tu 60%": the verb of reaching with its marks lost, before its figure or bound.
    .replace(/(?<![\p{L}])(?:dat|đat|dạt)(?=\s+(?:\d|từ\s|tu\s|trên\s|tren\s|ít nhất\s|it nhat\s|tối thiểu\s))/gu, 'đạt')
    .replace(/(?<![\p{L}])[lI](?=[.,]?\d{3}(?!\d)|\d)/gu, '1')
    // (A digit, or a digit and a separator, right before: what "\d[.,]?\d*" behind it allowed, read
    // without going back over a long run of digits at every place of it.)
    .replace(/(?<=\d|\d[.,])[Oo](?=[\d.,%‰]|\s|$)/gu, '0')
    .replace(/(?<=\d|\d[.,])[Oo](?=[\d.,%‰]|\s|$)/gu, '0')
    .replace(/(?<=(?<![\d.,])\d{1,3}) \.(?=\d{3}(?!\d))/gu, '.')
    .replace(/(?:trieu|triêu|triẹu)(?<=\d\s*(?:trieu|triêu|triẹu))(?=\s+(?:đồng|dong)(?![\p{L}]))/gu, 'triệu')
    .replace(/dong(?<=\d\s*(?:triệu|tỷ)\s+dong)(?![\p{L}])/gu, 'đồng')
}
