// The text of a plan as the extractor reads it (issue 13): one paragraph a line, whatever the
// document was (Markdown-ish text, a PDF's text layer with hard line breaks and page numbers, a
// Word document's paragraphs, table rows). Every span of a draft points into this text, which
// the review screen shows beside the draft, so it must stay readable: structure markers
// (I., 1., a), "- " bullets, " | " table cells) are kept, decoration is dropped.
import { codePageChar } from './cp1252'
import { markedNoTarget } from './guards'
import { CORRECTION_RE, decimalHabit, ITEM_NUMBER, LEVEL_ONLY_NAME_RE, rangeInOneUnit, SLIDE_MARK_RE, unitInfo } from './lexicon'
import { fromLegacyFont } from './legacyFont'
import { upperFirst } from './sections'
import { fromUnmarked } from './unmarked'


/** Adds `items` to the end of `out` one by one: a spread into push() passes each as an argument, and a text of hundreds of thousands of lines overflows the call stack. */
function append<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item)
}
/** Words after which a broken line surely goes on, even when the next line starts with a capital. */
const CONNECTIVES = new Set([
  'của', 'và', 'các', 'với', 'trong', 'cho', 'về', 'theo', 'là', 'những', 'được', 'để', 'từ', 'đến',
  'tại', 'trên', 'dưới', 'hoặc', 'nhằm', 'đối', 'giữa', 'bởi', 'do', 'mà', 'thì', 'như', 'vào', 'ra',
  'cùng', 'sự', 'việc', 'nhất', 'là', 'gắn',
])

/**
 * A line that opens a structural unit: a numbered or lettered heading, a bullet, a table row. A
 * hand-typed slash stands for the point after a roman numeral, an item's number or a letter ("I/", "2/", "2.1/", "b/").
 */
export const STRUCTURE_RE = /^(?:[IVXLC]{1,6}[.)/]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]\s|\d{1,2}(?:\.\d{1,2}){0,3}\/\s|\d{1,2}(?:\.\d{1,2}){1,3}\s|[a-zđ][)./]\s|- |\|)/

/** A numbered or lettered line naming a movement or a field: "2. Phong trào thi đua …", "b) Cuộc vận động …", "3. Lĩnh vực văn hóa – xã hội", "1. Thi đua phát triển kinh tế …". */
const MOVEMENT_HEADING_RE = /^(?:[IVXLC]{1,6}[.)/]|\d{1,2}(?:\.\d{1,2}){0,3}[.)/]?|[a-zđ][)./])\s+(?:phong trào|cuộc vận động|lĩnh vực|thi đua)\s/iu

const SENTENCE_END_RE = /[.;!?…]$/
/** A line ending with these goes on only in lower case or with a figure: "… chiếm:" / "29,4%". */
const SOFT_END_RE = /[:)”"]$/

/** The named HTML entities a web page's copy leaves in its text ("&nbsp;", "&amp;", "&quot;", "&ndash;"), as characters. */
const HTML_ENTITIES: Record<string, string> = { nbsp: '\u00A0', amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bull: '•', middot: '·', shy: '\u00AD', zwsp: '\u200B' }

/**
 * A web page's copy: its HTML entities ("thương mại &amp; dịch vụ", "&nbsp;", "&#8211;", "&#x2013;")
 * as the characters they stand for, before anything reads the text (an entity's ";" is no clause's end).
 */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/gu, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return HTML_ENTITIES[name.toLowerCase()] ?? m
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16)
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : m
  })
}

/**
 * A Word file's tracked changes and comments as pandoc writes them (`--track-changes=all`): a span
 * "[8%]{.deletion author=… date=…}" deleted, "[9%]{.insertion …}" inserted, "[Đề nghị …]{.comment-start
 * …}" a comment's words before the text it is on, "[]{.comment-end …}" its end; their attributes may
 * wrap over lines. The plan is the text as changed: deletions and comments go, insertions stay.
 * (Nested spans, "[[]{.comment-end id="2"}]{.comment-end id="1"}", are undone from the inside, a few
 * passes; each pass is linear, a span's brackets and braces holding none of their own.)
 */
const TRACKED_SPAN_RE = /\[([^[\]]*)\]\{\.(deletion|insertion|comment-start|comment-end|paragraph-insertion|paragraph-deletion)(?:\s[^{}]*)?\}/gu
function trackedChanges(text: string): string {
  if (!text.includes(']{.')) return text
  let out = text
  for (let pass = 0; pass < 3 && out.includes(']{.'); pass++) {
    out = out.replace(TRACKED_SPAN_RE, (_, body: string, kind: string) => (kind === 'insertion' || kind === 'comment-end' || kind === 'paragraph-insertion' ? body : ''))
  }
  return out
}

/**
 * A Word document saved as RTF and opened as text, its markup left whole or in part: "{\rtf1\ansi
 * {\fonttbl{\f0 Times New Roman;}}", "\pard\qc {\b KẾ HOẠCH}\par", "\tab - Tỷ lệ hộ nghèo giảm
 * 1,5%.\par", "{trong đó … 600 ha trở lên}", "Ph\'e1t \u273?ộng". Told by "{\rtf" or by three "\par"
 * control words at least (a backslash before a word is no plan's writing).
 */
const RTF_PAR_RE = /\\par(?![a-z])/gu
function rtfText(text: string): boolean {
  if (!text.includes('\\')) return false
  if (text.includes('{\\rtf')) return true
  RTF_PAR_RE.lastIndex = 0
  let count = 0
  while (count < 3 && RTF_PAR_RE.exec(text) !== null) count++
  return count >= 3
}
/** Groups whose words are no text of the document: the font, colour and style tables, the file's properties, pictures, headers and footers ("{\*\…}" groups too). */
const RTF_HIDDEN = new Set(['fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr', 'footerf', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata', 'colorschememapping', 'latentstyles', 'datastore', 'fldinst', 'bkmkstart', 'bkmkend', 'revtbl', 'pgdsctbl', 'filetbl'])
/** Control words that stand for a character. */
const RTF_CHARACTERS: Record<string, string> = { par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', tab: '\t', cell: ' | ', emdash: '—', endash: '–', bullet: '•', lquote: '‘', rquote: '’', ldblquote: '“', rdblquote: '”', emspace: ' ', enspace: ' ', qmspace: ' ' }

/**
 * The document's text with the RTF markup gone, in one linear walk: control words ("\pard", "\qc",
 * "\fs26", each with the one space that ends it) dropped but those standing for a character ("\par"
 * a line's end, "\tab" a tab, "\endash" "–"), "\'hh" a byte of the file's code page (cp1258 when it
 * says "\ansicpg1258", else cp1252; UTF-8 bytes so read are repaired later, ./cp1252.ts), "\uN" a
 * Unicode character with the fallback after it skipped ("\uc1"), group braces dropped with the
 * groups of RESOURCE tables (RTF_HIDDEN, "{\*\…}"). A line's end after "\par" is the same end;
 * another stays, for a partly stripped copy keeps its lines. A text that only ends inside a hidden
 * group (an unclosed "{\fonttbl") is walked again with hidden groups ending at their line.
 */
function fromRtf(text: string): string {
  if (!rtfText(text)) return text
  const vietnamese = /\\ansicpg1258(?![0-9])/u.test(text)
  const walk = (lineBound: boolean): string | undefined => {
    const out: string[] = []
    // Per open group: hidden, and how many characters a "\uN" falls back to.
    const hidden: boolean[] = []
    const fallback: number[] = []
    let hide = false
    let uc = 1
    let skip = 0
    let afterPar = false
    const emit = (t: string): void => {
      if (skip > 0) {
        skip--
        return
      }
      if (!hide) out.push(t)
    }
    const n = text.length
    let i = 0
    while (i < n) {
      const c = text[i]!
      if (c === '{') {
        hidden.push(hide)
        fallback.push(uc)
        skip = 0
        i++
        // "{\*\destination …}": a group a reader that does not know it skips.
        if (text.startsWith('\\*', i)) {
          hide = true
          i += 2
        }
        continue
      }
      if (c === '}') {
        if (hidden.length > 0) {
          hide = hidden.pop()!
          uc = fallback.pop()!
        }
        skip = 0
        i++
        continue
      }
      if (c === '\n' || c === '\r') {
        if (lineBound && hide) {
          // (The groups left open end with the line: a later "}" without its "{" is dropped.)
          hide = false
          hidden.length = 0
          fallback.length = 0
        }
        if (!afterPar && !hide) out.push('\n')
        afterPar = false
        i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
        continue
      }
      if (c !== '\\') {
        if (c !== ' ' && c !== '\t') afterPar = false
        emit(c)
        i++
        continue
      }
      const d = text[i + 1]
      if (d === undefined) break
      if (/[a-z]/u.test(d)) {
        let j = i + 1
        while (j < n && j - i <= 32 && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++
        const word = text.slice(i + 1, j)
        let k = j
        if (text[k] === '-') k++
        while (k < n && k - j <= 10 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++
        const param = k > j && text[k - 1] !== '-' ? Number(text.slice(j, k)) : undefined
        if (param === undefined) k = j
        if (text[k] === ' ') k++
        i = k
        if (word === 'u' && param !== undefined) {
          const code = param < 0 ? param + 65536 : param
          if (!hide && skip === 0) out.push(String.fromCharCode(code))
          else if (skip > 0) skip--
          skip = uc
          afterPar = false
        } else if (word === 'uc' && param !== undefined) uc = param
        else if (RTF_HIDDEN.has(word)) hide = true
        else if (word in RTF_CHARACTERS) {
          emit(RTF_CHARACTERS[word]!)
          afterPar = RTF_CHARACTERS[word] === '\n'
        }
        continue
      }
      if (d === "'" && /^[0-9a-fA-F]{2}$/u.test(text.slice(i + 2, i + 4))) {
        emit(codePageChar(Number.parseInt(text.slice(i + 2, i + 4), 16), vietnamese))
        afterPar = false
        i += 4
        continue
      }
      // "\\", "\{", "\}" the character; "\~" a no-break space, "\_" a hyphen, "\-" an optional hyphen; a backslash before a line's end is "\par".
      if (d === '\n' || d === '\r') {
        emit('\n')
        afterPar = true
        i += d === '\r' && text[i + 2] === '\n' ? 3 : 2
        continue
      }
      const symbol = d === '~' ? ' ' : d === '_' ? '-' : d === '-' || d === '*' ? '' : d
      if (symbol !== '') emit(symbol)
      afterPar = false
      i += 2
    }
    return hide && !lineBound ? undefined : out.join('')
  }
  return walk(false) ?? walk(true)!
}

function unifyCharacters(text: string): string {
  // (A text typed in an old font and copied as Latin-1 characters, TCVN3 "KÕ HO¹CH" or VNI "KEÁ
  // HOAÏCH", or UTF-8 read as Windows-1252, "Káº¿ hoáº¡ch", read in Unicode first: TCVN3's soft
  // hyphen is the letter "ư", not a hyphen to drop.)
  // (A text typed without marks, "Ty le ho ngheo giam 0,8%", gets the marks of the plan's vocabulary back then too.)
  return decodeEntities(trackedChanges(fromUnmarked(fromLegacyFont(fromRtf(text.normalize('NFC'))).text)))
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u202F\u2009\u2007\u2002\u2003]/g, ' ')
    // (Invisible characters a web page's copy carries inside words and between a figure's digits:
    // zero-width spaces and joiners, the word joiner, a byte-order mark, soft hyphens.)
    .replace(/\u200B|\u200C|\u200D|\u2060|\uFEFF|\u00AD/g, '')
    // "１２０ ha", "９５％": digits and signs from an East Asian keyboard, as ASCII (NFKC for the
    // full-width forms only; the Vietnamese letters stay NFC).
    .replace(/[\uFF01-\uFF5E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2010\u2011]/g, '-')
    .replace(/[\u2012\u2013\u2014\u2015\u2212]/g, '–')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201E\u201F\u00AB]/g, '“')
    .replace(/\u00BB/g, '”')
    // "ⓐ hoàn thành …; ⓑ …": a circled small letter is an item's mark, "a)".
    .replace(/[\u24D0-\u24E9](?=[ \t])/gu, (c) => `${String.fromCharCode(c.charCodeAt(0) - 0x24d0 + 0x61)})`)
    .split('\n')
    .map(letterSpaced)
    .join('\n')
}

/**
 * A line of a PDF's text layer drawn one letter at a time, "K Ế  H O Ạ C H", "I I I .  C H Ỉ  T I Ê U",
 * "1 .  K i n h  t ế": every piece between spaces is one character, one space between the letters of a
 * word and two or more between words. Its words joined: "KẾ HOẠCH", "III. CHỈ TIÊU", "1. Kinh tế". Only
 * a whole line of that form, with two words at least or one of five letters, and a word of two
 * letters or more in it: a list's marks "a b c", initials "N. V. A" or a page number "- 2 -" stay.
 */
function letterSpaced(line: string): string {
  if (line.length > 2000 || line.includes('\t') || !/^ *\S \S /u.test(line)) return line
  const lead = /^ */u.exec(line)![0]
  const words = line.trim().split(/ {2,}/u)
  const letters = words.map((w) => w.split(' '))
  if (!letters.every((w) => w.every((c) => [...c].length === 1))) return line
  if (!letters.some((w) => w.filter((c) => /\p{L}/u.test(c)).length >= 2)) return line
  if (letters.length < 2 && letters[0]!.length < 5) return line
  return lead + letters.map((w) => w.join('')).join(' ')
}

/** A spreadsheet's cell showing its formula or an error instead of a value: "=E7*E8/10", "=SUM(D5:D9)", "#VALUE!", "#N/A", "#REF!". */
const SPREADSHEET_NO_VALUE_RE = /^[ ]*(?:=[ ]*[A-Z$(+-][A-Za-z0-9$().,;:+\-*/^&<>%! ]{0,200}|#(?:VALUE!|N\/A|REF!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA))[ ]*$/u

/**
 * A table copied out of a spreadsheet whose cells show a formula or an error instead of a value
 * ("Sản lượng lúa⇥tấn⇥21.015⇥=E7*E8/10⇥#VALUE!"): such a cell is no figure (the "7" and "8" of "=E7*E8"
 * are no target), so it is read empty; the row's target is then the one the plan's prose states.
 * (Tab-separated cells or cells between bars, each cell whole.)
 */
function spreadsheetCells(line: string): string {
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
function sideBySideTargets(lines: string[]): string[] {
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
function ocrRuledTables(lines: string[]): string[] {
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
function boxTables(lines: string[]): string[] {
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

/**
 * "Diện tích gieo cấy ........ 1.860 ha", "Thu ngân sách …… 32,5 tỷ đồng trở lên": a typed form or a
 * Word tab leader saved as text sets each name and its level apart by a run of leader dots (three or
 * more ".", or "…"). The run joins them as "name: level", the key–value line the rest of the drafter
 * reads. Only one run on the line (a form's blanks, "Ngày ..... tháng ..... năm", have several), a
 * name before it (a word, ending in a letter, a figure, a bracket or a quote) and a level after it
 * (not a bracket or a stop: "(A, B...)" is an elision). Tables keep their cells. The run is read
 * once, so a line of any length stays linear.
 */
function leaderJoined(line: string): string {
  if (!line.includes('..') && !line.includes('…')) return line
  if (/[|\t]/u.test(line)) return line
  const runs = [...line.matchAll(/(?:\.{3,}|…)[.…]*/gu)]
  if (runs.length !== 1) return line
  const run = runs[0]!
  const left = line.slice(0, run.index).trimEnd()
  const right = line.slice(run.index + run[0].length).trim()
  if (right === '' || !/^[\p{L}\d≥≤<>+–-]/u.test(right)) return line
  if (!/[\p{L}\d)”"'’]$/u.test(left) || !/\p{L}{2,}/u.test(left)) return line
  // (A leader stands apart from the name, or runs long; "… thể thao... góp phần" is a sentence's
  // elision, three dots on its word. And a name is short: a long sentence is no form's line.)
  if (!/\s$/u.test(line.slice(0, run.index)) && run[0].length < 5) return line
  if (left.trim().length > 160) return line
  // ("Chỉ tiêu ........ Mức phấn đấu năm 2027": the list's heading, its columns' names, sets nothing.)
  if (/^(?:(?:tên\s+)?chỉ tiêu|nội dung|danh mục)$/iu.test(left.trim()) && !/\d/u.test(right.replace(/(?<!\d)\d{4}(?!\d)/gu, ''))) return ''
  // ("      trong đó giá trị xuất khẩu ....... 240 tỷ đồng" under its whole: a row of its own, never the
  // wrapped end of the line before, marked as the sub-item it is.)
  const indent = line.slice(0, line.length - line.trimStart().length)
  return `${indent}${/^\p{Ll}/u.test(left.trimStart()) ? '+ ' : ''}${left.trimStart()}: ${right}`
}

/**
 * "Số ấp, sóc đạt danh hiệu “Ấp, sóc văn hóa”: ít nhất 12/14", "Số trường đạt chuẩn quốc gia: 5/7": a
 * key–value line whose name counts units ("Số <unit> …") and whose value is some of them, bare, counts
 * those units: the unit is written after the value ("ít nhất 12/14 ấp"), as a sentence writes it.
 * (All of them, "11/11", is a state kept, left as it is.)
 */
function unitsCountedByName(line: string): string {
  const m = /^(\s*(?:[-+•*]\s*|\d{1,2}[.)]\s*)?số\s+(\p{L}+)(?![\p{L}])[^:]{0,120}:\s*(?:(?:ít nhất|tối thiểu|từ|không dưới|trên|≥|>)\s*)?(\d{1,4})\s*\/\s*(\d{1,4}))(\s*(?:trở lên)?\s*[.;]?\s*)$/iu.exec(line)
  if (!m || Number(m[3]) >= Number(m[4]) || !unitInfo(m[2]!.toLowerCase())) return line
  return `${m[1]} ${m[2]!.toLowerCase()}${m[5]}`
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
function htmlTables(lines: string[]): string[] {
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

/** A chat message's time alone on its line, under its sender's name ("08:15", "9:02 SA", "21:40 PM"). */
const MESSAGE_TIME_RE = /^[ \t]*\d{1,2}:\d{2}(?:[ \t]*(?:SA|CH|AM|PM))?[ \t]*$/iu
/** A sender's name over a message's time: a capital first, letters, dots and dashes, a role in brackets at most ("Bàn Văn Sinh (Trưởng thôn Khe Mo)"). */
const SENDER_RE = /^[ \t]*\p{Lu}[\p{L} .'’-]{1,50}(?:\([^()\d]{1,40}\))?[ \t]*$/u

/** A chat sentence that ends on a word of address to the group ("ạ", "nha", "nhé"), then a stop at most. */
const CHAT_TALK_RE = /(?<![\p{L}])(?:ạ|nha|nhé|nhen|nghen)[ \t]*[.!]*[ \t]*$/iu
/** A chat sentence that opens as an answer to a member ("Dạ, theo chỉ tiêu tỉnh giao ạ, …", "Vâng, em sửa ngay", "Ok chị"): talk, wherever its particle stands. */
const CHAT_ANSWER_RE = /^[ \t]*(?:dạ|vâng|ừ|ừm|ok|oke|okay)(?![\p{L}])/iu

/**
 * A chat line without its sentences the sender ends on a word of address ("… để mọi người đối
 * chiếu ạ.", "Các thôn cập nhật giúp em ạ.", "… trước ngày 28/02 nha."): such a sentence is talk to
 * the group, not the plan's text, wherever it stands in the line ("Em bổ sung: … ko quá 18 vụ ạ. Các
 * chỉ tiêu thôn em gửi sau."); the other sentences stay ("sửa lại: … là 95%."), and a line of such
 * sentences only goes. So goes a sentence that opens as an answer to a member ("Dạ, theo chỉ tiêu
 * tỉnh giao ạ, có thêm diện tích ngô …"): the sender explains the plan, the plan's text is in its
 * other messages. A line that leads into a list ("… 2 chỉ tiêu ạ:", "Dạ em xin bổ sung: …") is kept.
 */
function withoutTalk(line: string): string[] {
  // The line's sentences, each with its stop and the spaces before it.
  const cuts = [0, ...[...line.matchAll(/[.!?]\s+(?=\p{Lu})/gu)].map((m) => m.index + 1), line.length]
  const sentences = cuts.slice(1).map((end, k) => line.slice(cuts[k], end))
  const kept = sentences.filter((s) => !CHAT_TALK_RE.test(s) && !(CHAT_ANSWER_RE.test(s) && !/:\s*$/u.test(s)))
  if (kept.length === sentences.length) return [line]
  return kept.length > 0 ? [kept[0] === sentences[0] ? kept.join('') : kept.join('').trimStart()] : []
}

/** A message's head on one line, its sender's name then its time ("Lê Thị Hoa 08:15", "Trần Văn An (VP) 14:02 CH"). */
const SENDER_AND_TIME_RE = /^[ \t]*(\p{Lu}[\p{L} .'’-]{1,50}?(?:\([^()\d]{1,40}\))?)[ \t]+\d{1,2}:\d{2}(?:[ \t]*(?:SA|CH|AM|PM))?[ \t]*$/u
/**
 * A message's head in brackets, as a phone's export writes it: its time (and date), its sender, a
 * colon, then the message's text on the same line if it starts there ("[08:12, 12/01/2026] VP UBND
 * xã - Ngọc Ánh: Gửi các đ/c …", "[08:47, 19/01/2024] Thạch Thị Sa Ri - VP UBND xã:").
 */
const BRACKETED_HEAD_RE = /^[ \t]*\[\d{1,2}:\d{2}(?:,\s*\d{1,2}\/\d{1,2}\/\d{2,4})?\]\s*([^:\]]{1,80}):[ \t]*/u

/**
 * A group chat copied as text (Zalo, Messenger), in either of its forms: each message headed by its
 * sender's name on a line and its time on the next ("Nguyễn Thị Hằng (VP-TK xã)" / "08:15"), or both
 * on one line ("Lê Thị Hoa 08:15", a sender coming back on two such lines at least), three such
 * heads at least; or each headed by its time in brackets, its sender and a colon, the message's text
 * starting after the colon ("[08:12, 12/01/2026] VP UBND xã - Ngọc Ánh: Gửi …"), one such head at
 * least (a time in brackets before a name and a colon is no other line's form).
 * The plan is what its sender posts, in one message or several: the sender whose messages are the
 * longest in all. The other members' messages (acknowledgements, a village's own registration
 * "Thôn … đăng ký trồng 25 ha rừng") are replies, not the plan, and are left out with every head;
 * a message's sentences of talk to the group go too (withoutTalk).
 */
/**
 * A social post's counts of comments and shares, alone on a line, its reactions before them at most
 * ("👍❤️ 218 · 17 bình luận · 9 lượt chia sẻ", "14 bình luận · 9 lượt chia sẻ", "3,2K lượt chia sẻ").
 */
const POST_COUNTS_RE = /^[ \t]*(?:[\p{Extended_Pictographic}\uFE0F\u200D]{1,16}[ \t]*)?(?:\d[\d.,]{0,8}[ \t]?[KkN]?[ \t]*[·•]?[ \t]*)?\d[\d.,]{0,8}[ \t]?[KkN]?[ \t]*(?:bình luận|lượt chia sẻ|lượt bình luận)(?:[ \t]*[·•][ \t]*\d[\d.,]{0,8}[ \t]?[KkN]?[ \t]*(?:lượt chia sẻ|lượt bình luận|bình luận))?[ \t]*$/iu
/** A post's buttons on one line ("Thích · Bình luận · Chia sẻ", "Thích   Bình luận   Chia sẻ"). */
const POST_BUTTONS_RE = /^[ \t]*(?:[\p{Extended_Pictographic}\uFE0F][ \t]*)?Thích[ \t]*[·•]?[ \t]*(?:[\p{Extended_Pictographic}\uFE0F][ \t]*)?Bình luận[ \t]*[·•]?[ \t]*(?:[\p{Extended_Pictographic}\uFE0F][ \t]*)?Chia sẻ[ \t]*$/iu
/** A news site's dateline ("Thứ Năm, 16/01/2025 09:42 (GMT+7)", "16/01/2025 | 09:42"). */
const DATELINE_RE = /^[ \t]*(?:(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|\d)|Chủ nhật)\s*,?\s*)?\d{1,2}\/\d{1,2}\/\d{4}(?:\s*[|,-]?\s*\d{1,2}:\d{2})?(?:\s*\(GMT\s*[+-]\s*\d{1,2}\))?[ \t]*$/iu
/** A site's breadcrumb ("Báo Bắc Kạn điện tử > Kinh tế > Nông nghiệp - Nông thôn"): two steps or more, short. */
const BREADCRUMB_RE = /^[ \t]*[^>\s][^>]{0,60}(?:\s[>»›]\s[^>»›]{1,60}){1,5}$/u
/** A photo's caption ("Ảnh: Lãnh đạo xã … (Ảnh: Thu Hà)"), tags ("Từ khóa: …", "Tags: …"). */
const CAPTION_RE = /^[ \t]*(?:\(?ảnh(?:\s+minh họa)?\s*:|tags?\s*:|từ khóa\s*:)/iu
/** The list of related links closing an article ("Bài viết liên quan:", "Tin liên quan", "Xem thêm:"). */
const RELATED_RE = /^[ \t]*(?:bài viết liên quan|tin liên quan|tin cùng chuyên mục|xem thêm|đọc thêm)\s*:?[ \t]*$/iu
/** The paper's mark opening the lead ("BBK - Sáng 15/1, …", "(Báo Lào Cai) - …", "QNO – …"). */
const AGENCY_LEAD_RE = /^[ \t]*(?:\p{Lu}{2,6}|\(\s*(?:Báo|Cổng|TTXVN)[^()]{1,60}\))\s*[-–—]\s+(?=\p{Lu})/u
/** The byline: a short line of writers' names, alone, with no stop and no figure ("Thu Hà - Văn Tuấn", "Nhóm PV"). */
const BYLINE_RE = /^[ \t]*(?:\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})(?:\s*[-–,]\s*\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}){0,3}[ \t]*$/u
/**
 * An official of a level above the commune speaking ("bà Triệu Thị Mai, Phó Chủ tịch UBND huyện Na
 * Rì", "đồng chí …, Bí thư Huyện ủy"): what they promise or ask is theirs, not the plan's.
 */
const SPEAKER_ABOVE_RE = /(?<![\p{L}])(?:ông|bà|đồng chí)\s+\p{Lu}[^,;.]{0,40},\s*(?:Phó\s+)?(?:Chủ tịch|Bí thư|Trưởng phòng|Giám đốc|Trưởng ban|Phó trưởng ban)[^,;.]{0,30}?(?:huyện|tỉnh|thành phố|Huyện ủy|Tỉnh ủy|Thành ủy|Sở)(?![\p{L}])/u
/**
 * The reporter's verb handing over to the plan's words in quotes ("xã phấn đấu “…”", "xã đặt chỉ
 * tiêu “…”", "kế hoạch yêu cầu “…”", "… cho biết: “…”"): the last one before the quotation.
 */
const REPORTING_VERB_RE = /(?<![\p{L}])(?:phấn đấu|đặt\s+(?:ra\s+)?(?:chỉ tiêu|mục tiêu)|đặt ra|yêu cầu|là chỉ tiêu|chỉ tiêu|xác định|quyết tâm|cho biết|khẳng định|nhấn mạnh|nói)(?![\p{L}])\s*:?\s*/giu

/** The sentences of a paragraph, a quotation's stops kept inside it. */
function quotedSentences(line: string): string[] {
  const out: string[] = []
  let open = false
  let from = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === '“') open = true
    else if (c === '”') open = false
    else if (c === '"') open = !open
    else if (!open && (c === '.' || c === '!' || c === '?') && (i + 1 === line.length || line[i + 1] === ' ')) {
      out.push(line.slice(from, i + 1).trim())
      from = i + 1
    }
  }
  if (line.slice(from).trim() !== '') out.push(line.slice(from).trim())
  return out
}

/** The quotations of a sentence: where each opens and closes (“…” or "…"). */
function quotations(sentence: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  let at = -1
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!
    if (at < 0 && (c === '“' || c === '"')) at = i
    else if (at >= 0 && (c === '”' || c === '"')) {
      out.push({ start: at, end: i + 1 })
      at = -1
    }
  }
  return out
}

/**
 * A newspaper's report of a commune's plan (a site's dateline, breadcrumb, captions, tags, related
 * links, a byline, the paper's mark opening the lead, the reporter talking to an official): its
 * chrome goes, and a sentence handing over to the plan's words in quotes ("xã phấn đấu “đàn trâu
 * duy trì 2.150 con trở lên”, “trồng mới 210 ha rừng sản xuất”") becomes the reporter's lead-in
 * over one "- " item per quotation, with the measure named between the verb and the quotation
 * ("diện tích dong riềng “đạt 160 ha …”"); what the reporter adds after it goes. A paragraph
 * giving the words of an official above the commune goes whole. Sentences without quotations stay
 * as they are (last year's figures, the district's, read as a review by the year they name).
 */
function pressArticle(lines: string[]): string[] {
  const head = lines.slice(0, 12)
  const signals = [
    head.some((l) => DATELINE_RE.test(l)),
    head.some((l) => BREADCRUMB_RE.test(l) && l.length <= 160),
    lines.some((l) => CAPTION_RE.test(l)),
    lines.some((l) => RELATED_RE.test(l)),
    lines.some((l) => AGENCY_LEAD_RE.test(l)),
    lines.some((l) => /(?<![\p{L}])(?:trao đổi với|nói với|cho biết với)\s+phóng viên(?![\p{L}])|\(Báo\s/iu.test(l)),
  ].filter(Boolean).length
  // (A plan's own heading, "KẾ HOẠCH" on a line or "Số: …/KH-…", is no article, whatever it quotes.)
  if (signals < 3 || lines.some((l) => /^[ \t]*KẾ HOẠCH(?![\p{L}])|^[ \t]*Số\s*:\s*\d/u.test(l))) return lines
  const out: string[] = []
  let related = false
  // The last line of text before the related links and tags: the byline where it is one.
  let lastText = lines.length - 1
  while (lastText >= 0 && (lines[lastText]!.trim() === '' || RELATED_RE.test(lines[lastText]!) || CAPTION_RE.test(lines[lastText]!) || /^[ \t]*[-•]\s/u.test(lines[lastText]!))) lastText--
  for (const [i, given] of lines.entries()) {
    if (RELATED_RE.test(given)) related = true
    if (related || (i < 12 && (DATELINE_RE.test(given) || BREADCRUMB_RE.test(given))) || CAPTION_RE.test(given) || (i === lastText && BYLINE_RE.test(given) && given.length <= 80)) {
      out.push('')
      continue
    }
    const line = given.replace(AGENCY_LEAD_RE, '')
    if (SPEAKER_ABOVE_RE.test(line)) {
      out.push('')
      continue
    }
    let prose: string[] = []
    const flush = (): void => {
      if (prose.length > 0) out.push(prose.join(' '))
      prose = []
    }
    for (const sentence of quotedSentences(line)) {
      const quotes = quotations(sentence).filter((q) => sentence.slice(q.start + 1, q.end - 1).trim().split(/\s+/u).length >= 3)
      const verb = quotes.length > 0 ? [...sentence.slice(0, quotes[0]!.start).matchAll(REPORTING_VERB_RE)].pop() : undefined
      if (!verb) {
        prose.push(sentence)
        continue
      }
      flush()
      const leadEnd = verb.index + verb[0].trimEnd().length
      const measure = sentence.slice(verb.index + verb[0].length, quotes[0]!.start).trim()
      out.push(`${sentence.slice(0, leadEnd).replace(/:$/u, '')}:`)
      for (const [k, q] of quotes.entries()) {
        const words = sentence.slice(q.start + 1, q.end - 1).trim().replace(/[.;,]+$/u, '')
        // (Each item closed by its stop, so that no line after it is read as its wrapped end.)
        out.push(`- ${k === 0 && measure !== '' ? `${measure} ` : ''}${words}${k === quotes.length - 1 ? '.' : ';'}`)
      }
    }
    flush()
  }
  return out
}

/** What stands between a post's text and its counts: its hashtags ("#ThiDua2025 #XaAnPhu"), its reactions ("👍❤️ 186", "+5"). */
const POST_TAIL_RE = /^[ \t]*(?:(?:#[\p{L}\d_]+[ \t]*)+|\+\d{1,3}|[\p{Extended_Pictographic}\uFE0F\u200D][ \t\p{Extended_Pictographic}\uFE0F\u200D]{0,40}(?:\d[\d.,]{0,8}[ \t]?[KkN]?)?)[ \t]*$/u

/**
 * A post copied from a social page (a commune's Facebook page): its text, then its hashtags and
 * reactions, the counts of its comments and shares ("👍❤️ 218 · 17 bình luận · 9 lượt chia sẻ") or
 * its buttons ("Thích · Bình luận · Chia sẻ", on one line or on three), then the readers' comments
 * and the page's replies. The post's text is the plan; from its hashtags and reactions on nothing
 * is: the comments are replies, as in a group chat, whatever figures they hold. (The counts or the
 * buttons alone on their lines are no words of a plan.)
 */
function postText(lines: string[]): string[] {
  const buttons = (i: number): boolean =>
    POST_BUTTONS_RE.test(lines[i]!) || (/^[ \t]*Thích[ \t]*$/iu.test(lines[i]!) && /^[ \t]*Bình luận[ \t]*$/iu.test(lines[i + 1] ?? '') && /^[ \t]*Chia sẻ[ \t]*$/iu.test(lines[i + 2] ?? ''))
  const at = lines.findIndex((l, i) => (l.length <= 120 && POST_COUNTS_RE.test(l)) || (l.length <= 60 && buttons(i)))
  if (at < 0) return lines
  let end = at
  while (end > 0 && (lines[end - 1]!.trim() === '' || (lines[end - 1]!.length <= 300 && POST_TAIL_RE.test(lines[end - 1]!)))) end--
  return lines.slice(0, end)
}

function chatMessages(given: string[]): string[] {
  const lines = postText(given)
  // Each head: where it is, its sender, how many lines it takes (two, or one for "Name 08:15" and
  // a bracketed head), and the message's text on the head's own line (a bracketed head's, after its colon).
  const heads: { at: number; sender: string; lines: number; text?: string }[] = []
  const oneLine = new Map<string, number>()
  let bracketed = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (i > 0 && line.length <= 24 && MESSAGE_TIME_RE.test(line) && lines[i - 1]!.length <= 100 && SENDER_RE.test(lines[i - 1]!)) {
      // (A sender taken as a one-line head just above is this head's sender line: the two-line head wins.)
      if (heads[heads.length - 1]?.at === i - 1) heads.pop()
      heads.push({ at: i - 1, sender: lines[i - 1]!.replace(/\s+/gu, ' ').trim(), lines: 2 })
      continue
    }
    const inBrackets = BRACKETED_HEAD_RE.exec(line)
    if (inBrackets) {
      bracketed = true
      heads.push({ at: i, sender: inBrackets[1]!.replace(/\s+/gu, ' ').trim(), lines: 1, text: line.slice(inBrackets[0].length) })
      continue
    }
    const one = line.length <= 100 ? SENDER_AND_TIME_RE.exec(line) : null
    if (one) {
      const sender = one[1]!.replace(/\s+/gu, ' ').trim()
      heads.push({ at: i, sender, lines: 1 })
      oneLine.set(sender, (oneLine.get(sender) ?? 0) + 1)
    }
  }
  // (Heads of one line count only when a sender comes back on two of them: a schedule's "Khai mạc 08:00" lines each name another thing.)
  const kept = [...oneLine.values()].some((n) => n >= 2) ? heads : heads.filter((h) => h.lines === 2 || h.text !== undefined)
  if (kept.length < (bracketed ? 1 : 3)) return lines
  // Each head's message: the text on its line, if any, then the lines up to the next head.
  const message = (k: number): string[] => {
    const h = kept[k]!
    const body = lines.slice(h.at + h.lines, kept[k + 1]?.at ?? lines.length)
    return h.text === undefined || h.text.trim() === '' ? body : [h.text, ...body]
  }
  const size = new Map<string, number>()
  kept.forEach((h, k) => size.set(h.sender, (size.get(h.sender) ?? 0) + message(k).reduce((n, l) => n + l.trim().length, 0)))
  const poster = [...size].reduce((a, b) => (b[1] > a[1] ? b : a))[0]
  // Minutes of a meeting kept in the chat ("[08:32] Văn phòng: Hỏi: Thu ngân sách năm nay bao
  // nhiêu?" / "[08:44] Phòng Kinh tế: Đáp: …"): the plan is every member's answers, whoever asks or
  // answers (qaMinutes reads them); a message that neither asks, answers nor revises and states no
  // figure is the chair's talk ("Thống nhất các chỉ tiêu trên; chỗ nào có “Sửa lại” thì lấy số sửa lại.").
  const firsts = kept.map((_, k) => message(k).find((l) => l.trim() !== '') ?? '')
  const minutes = qaForm(firsts)
  const out = lines.slice(0, kept[0]!.at)
  kept.forEach((h, k) => {
    // (The talk's own line only: what follows the last message is the rest of the document.)
    const talk = minutes && !QA_LABEL_RE.test(firsts[k]!) && !CORRECTION_RE.test(firsts[k]!.trimStart()) && !/\d/u.test(firsts[k]!)
    const said = message(k)
    if (minutes || h.sender === poster) append(out, (talk ? said.slice(said.indexOf(firsts[k]!) + 1) : said).flatMap(withoutTalk))
  })
  return out
}

/** A line of minutes kept as questions and answers: its label ("Hỏi: …", "Đáp: …", "- Trả lời: …"). */
const QA_LABEL_RE = /^[ \t]*(?:[-+•*][ \t]+)?(hỏi|đáp|trả lời)[ \t]*:[ \t]*/iu
/** Where a question asks its figure ("… năm nay bao nhiêu?", "… đạt mấy phần trăm?", "… thì sao?", "… thế nào?"). */
const ASKING_RE = /(?<![\p{L}])(?:bao nhiêu|mấy|(?:như\s+)?thế nào|ra sao|thì sao)(?![\p{L}])|\s+(?:không|chưa|gì)\s*\?*\s*$|\?/iu
/** What a question says after its subject and before what it asks ("năm nay", "giao", "đạt", "thì", "làm được"). */
const ASKED_TAIL_RE = /(?:\s+(?:năm nay|năm \d{4}|thì|là|được|đạt|giao|phấn đấu|dự kiến|làm|có|cần|phải|giữ|tăng|giảm))+\s*$/iu

/** Several questions and several answers (three of each at least): the text is minutes kept as such. */
function qaForm(lines: readonly string[]): boolean {
  let asked = 0
  let answered = 0
  for (const l of lines) {
    const m = QA_LABEL_RE.exec(l)
    if (!m) continue
    if (/^hỏi$/iu.test(m[1]!)) asked++
    else answered++
  }
  return asked >= 3 && answered >= 3
}

/**
 * The thing a question asks about, in the clause that asks ("Hỏi: Chỉ tiêu thu ngân sách năm nay bao
 * nhiêu?" → "Thu ngân sách", "Năm 2026 đạt 22 tỷ đồng, năm nay thu ngân sách bao nhiêu?" → "Thu ngân
 * sách"), a short question's only.
 */
function askedSubject(question: string): string | undefined {
  if (question.length > 200) return undefined
  const at = question.search(ASKING_RE)
  const asking = (at >= 0 ? question.slice(0, at) : question).replace(/[\s,;:]+$/u, '')
  const subject = asking.slice(asking.search(/[^,;:]*$/u)).replace(ASKED_TAIL_RE, '').replace(/^\s*(?:(?:chỉ tiêu(?:\s+(?:về|của))?|năm nay|năm \d{4})\s+)+/iu, '').trim()
  return /\p{L}/u.test(subject) ? `${subject[0]!.toUpperCase()}${subject.slice(1)}` : undefined
}

/**
 * Targets agreed as questions and answers, in a chat or in minutes ("Hỏi: Chỉ tiêu thu ngân sách
 * năm nay bao nhiêu?" / "Đáp: Đạt 24,5 tỷ đồng trở lên"), several of each (qaForm): a question sets
 * nothing, it names what its answer measures. An answer becomes an item of the list, named by its
 * question where it says its level only ("- Thu ngân sách: Đạt 24,5 tỷ đồng trở lên"), as it stands
 * where it names its own measure ("Đáp: Giảm ít nhất 20 hộ nghèo"). A revision ("Sửa lại: Đạt 26 tỷ
 * đồng") stays a correction (extract.ts applyCorrections replaces the earlier answer of its
 * measure), named alike by the question it follows. An answer that declines the figure asked ("Đáp:
 * Không đưa vào chỉ tiêu, chỉ là giải pháp (dự kiến 04 lớp)", guards.ts markedNoTarget) goes.
 */
function qaMinutes(lines: string[]): string[] {
  if (!qaForm(lines)) return lines
  let subject: string | undefined
  const out: string[] = []
  for (const line of lines) {
    const qa = QA_LABEL_RE.exec(line)
    if (qa && /^hỏi$/iu.test(qa[1]!)) {
      subject = askedSubject(line.slice(qa[0].length).trim())
      continue
    }
    const label = qa ?? CORRECTION_RE.exec(line.trimStart())
    if (!label) {
      out.push(line)
      continue
    }
    const said = (qa ? line : line.trimStart()).slice(label[0].length).trim()
    if (markedNoTarget(/^[^,;.]*/u.exec(said)![0])) continue
    // (The words before its first figure: "Đạt", "Ít nhất", nothing at all in "96% trở lên".)
    const named = subject !== undefined && /\d/u.test(said) && LEVEL_ONLY_NAME_RE.test(/^\D*/u.exec(said)![0].trim()) ? `${subject}: ${said}` : said
    out.push(qa ? `- ${named}` : `${label[0].trim()} ${named}`)
  }
  return out
}

/** A line of an e-mail's quote: its marks (">", ">>", "> >") and the space after them. */
const QUOTE_MARKS_RE = /^[ \t]*>(?:[ \t]?>)*(?:[ \t]|$)/u
/** A quoted line that reads as a figure rather than as a quote: "> 88%", "> 1.500 hộ" (strictly above). */
const QUOTED_FIGURE_RE = /^[ \t]*>[ \t]*\d/u

/**
 * A plan quoted in an e-mail reply: a run of lines that open on the quote mark (">" then a space
 * or nothing, ">>" or "> >" for a quote inside the quote), blank lines between them allowed, read
 * as if unquoted: the marks are removed. Three quoted lines or more make a run, at least one of
 * them not a figure: a lone "> 88%" (strictly above), or a cell or a wrapped line opening on it,
 * stays a figure.
 */
function unquoted(lines: string[]): string[] {
  const quoted = (l: string): boolean => QUOTE_MARKS_RE.test(l)
  const out = [...lines]
  let at = 0
  while (at < lines.length) {
    if (!quoted(lines[at]!)) {
      at++
      continue
    }
    // The run: quoted lines, with blank lines between them (not at its end).
    let end = at
    let last = at
    while (end < lines.length && (quoted(lines[end]!) || lines[end]!.trim() === '')) {
      if (quoted(lines[end]!)) last = end
      end++
    }
    const run = lines.slice(at, last + 1).filter(quoted)
    if (run.length >= 3 && run.some((l) => !QUOTED_FIGURE_RE.test(l))) {
      for (let i = at; i <= last; i++) out[i] = lines[i]!.replace(QUOTE_MARKS_RE, '')
    }
    at = last + 1
  }
  return out
}

/** The letters that may follow each of a list's letters: the next in the Vietnamese alphabet ("d)" then "đ)", "e)" then "g)") or in the Latin one ("d)" then "e)", "e)" then "f)"). */
const VIETNAMESE_SKIPS: Record<string, string> = { d: 'đ', e: 'g', i: 'k', v: 'x' }
const NEXT_LETTERS: Record<string, string> = { đ: 'e', ...Object.fromEntries([...'abcdefghijklmnopqrstuvwxy'].map((l, i) => [l, `${'abcdefghijklmnopqrstuvwxyz'[i + 1]!}${VIETNAMESE_SKIPS[l] ?? ''}`])) }

/**
 * "1. Lĩnh vực kinh tế: a) tổng thu …; b) giá trị …; c) …": items lettered inside one paragraph
 * ("a)", "(a)" or a circled "ⓐ", read as "a)"), each after a colon or a semicolon, the first "a" and
 * each next the letter after the one before (the line's own mark counts). Each mark ends the item
 * before it and opens a line of its own, "b) giá trị …", as a list of lettered lines is written.
 * (A mark in a sentence, "theo điểm a) khoản 1", follows no colon nor semicolon; letters out of
 * order are not a list.)
 */
function letteredItems(text: string): string[] {
  let last = /^(?:([a-zđ])[).]|\(([a-zđ])\))\s/u.exec(text)?.slice(1).find((l) => l !== undefined)
  const out: string[] = []
  let from = 0
  let mark = ''
  for (const m of text.matchAll(/(?<=[:;][ \t]{1,3})(?:\(([a-zđ])\)|([a-zđ])\))[ \t]/gu)) {
    const letter = (m[1] ?? m[2])!
    if (letter !== 'a' && !(last !== undefined && NEXT_LETTERS[last]?.includes(letter) === true)) continue
    last = letter
    out.push(`${mark}${text.slice(from, m.index)}`.trimEnd())
    mark = `${letter}) `
    from = m.index + m[0].length
  }
  out.push(`${mark}${text.slice(from)}`)
  return out
}


/**
 * A run of space-grouped thousands, "12 500", "1 250 000": one to three digits, then groups of three
 * digits each after one space. A run is tried from its first group only: where one to three digits
 * (a group) and a space stand before it, it is the rest of a run begun there, and tried again from
 * each group of a long run with no unit after it, the run was read over once for each (a year's or a
 * code's four digits before it, "năm 2025 1 200 ha", are no group of it).
 */
const SPACED_GROUPS = String.raw`(?<!(?:^|\D)\d{1,3} )\d{1,3}(?: \d{3})+`
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
function brokenCopy(lines: readonly string[]): boolean {
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

function repairOcrFigures(line: string, spaced = false, broken = false): string {
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

/**
 * "LĐ có việc làm mới ≥ 550 người (XKLĐ ≥ 40)": a part in brackets right after its whole's figure,
 * written as a bound ("≥", "ít nhất", …) with no unit of its own, counts in the whole's unit
 * ("XKLĐ ≥ 40 người"), as a note's shorthand leaves it out.
 */
function partInWholeUnit(line: string): string {
  return line.replace(
    /(?<=\d)(\s*)(\p{L}+(?:\s\p{L}+){0,2})(\s*\(\s*\p{L}[^()\d]{0,40}?\s(?:[≥>≤<]|ít nhất|tối thiểu|trên|không quá|không dưới)\s*)(\d[\d.,]*)(?=\s*\))/gu,
    (m, space: string, unit: string, mid: string, figure: string) => (unitInfo(unit) ? `${space}${unit}${mid}${figure} ${unit}` : m),
  )
}

const UNITS_IN_WORDS: Record<string, number> = { một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 }

/**
 * A percentage written in words ("chín mươi phần trăm", "ba mươi lăm phần trăm", "một trăm phần
 * trăm", "90 phần trăm") in figures: "90%", "35%", "100%".
 */
function percentInWords(line: string): string {
  const unit = Object.keys(UNITS_IN_WORDS).join('|')
  return line
    .replace(new RegExp(String.raw`(?<![\p{L}])(?:(một trăm)|(${unit})\s+mươi(?:\s+(${unit}))?|(mười)(?:\s+(${unit}))?)\s+phần trăm(?![\p{L}])`, 'giu'), (_m, hundred: string | undefined, tens: string | undefined, ones: string | undefined, ten: string | undefined, tenOnes: string | undefined) => {
      const n = hundred ? 100 : ten ? 10 + (tenOnes ? UNITS_IN_WORDS[tenOnes.toLowerCase()]! : 0) : UNITS_IN_WORDS[tens!.toLowerCase()]! * 10 + (ones ? UNITS_IN_WORDS[ones.toLowerCase()]! : 0)
      return `${n}%`
    })
    .replace(/(?<=\d)\s+phần trăm(?![\p{L}])/giu, '%')
}

const TENS_IN_WORDS = 'mười|mươi'
const SCALES_IN_WORDS: Record<string, number> = { nghìn: 1000, ngàn: 1000, triệu: 1_000_000 }
/** One number word: a digit, "mười"/"mươi", "linh"/"lẻ", "trăm", a scale, or "phẩy" (the decimal comma). */
const NUMBER_WORD = String.raw`(?:${Object.keys(UNITS_IN_WORDS).join('|')}|${TENS_IN_WORDS}|linh|lẻ|trăm|nghìn|ngàn|triệu|phẩy)(?![\p{L}])`
// Each word ends at a word's end and the gap between words is spaces only, so a run is read once from
// its first word (the repeated group cannot overlap itself: a word opens on a letter, a gap on a space).
const NUMBER_WORDS_RE = new RegExp(String.raw`(?<![\p{L}\d])${NUMBER_WORD}(?: +${NUMBER_WORD})*`, 'giu')
/** Characters after a number in words that can hold "phần trăm", a bracketed figure or a unit of four words. */
const AFTER_NUMBER_WORDS = 160
/** Words before a figure: a bound or a verb whose object is a count ("đạt", "ít nhất", "xảy ra"). */
const FIGURE_LEAD_RE = /(?<![\p{L}])(?:đạt|ít nhất|tối thiểu|tối đa|giảm|tăng|dưới|trên|hơn|không quá|không dưới|xảy ra|còn|thêm|cho|đưa)\s+$/iu
/** Words after which a number word is an ordinal or a date ("ngày mười", "thứ Năm", "đợt hai"). */
const ORDINAL_LEAD_RE = /(?<![\p{L}])(?:ngày|tháng|thứ|đợt|lần thứ|số|khóa|khoá|kỳ|quý|năm)\s+$/iu

/** Below a thousand: "[X trăm] [linh Y | mười [Y] | X mươi [Y]]", or a digit alone. */
function hundredsInWords(words: string[]): number | undefined {
  let n = 0
  let i = 0
  const digit = (w: string | undefined): number | undefined => (w === undefined || w === 'mốt' || w === 'lăm' || w === 'tư' ? undefined : UNITS_IN_WORDS[w])
  if (words[1] === 'trăm') {
    const d = digit(words[0])
    if (d === undefined) return undefined
    n = d * 100
    i = 2
  }
  const rest = words.slice(i)
  if (rest.length === 0) return i > 0 ? n : undefined
  // "linh/lẻ Y": a digit after the hundreds.
  if (rest[0] === 'linh' || rest[0] === 'lẻ') return i > 0 && rest.length === 2 && digit(rest[1]) !== undefined ? n + digit(rest[1])! : undefined
  let tens: number | undefined
  let after: string[]
  if (rest[0] === 'mười') [tens, after] = [1, rest.slice(1)]
  else if (rest[1] === 'mươi') {
    const d = digit(rest[0])
    if (d === undefined || d < 2) return undefined
    ;[tens, after] = [d, rest.slice(2)]
  } else return rest.length === 1 && i === 0 && digit(rest[0]) !== undefined ? digit(rest[0]) : undefined
  if (after.length > 1) return undefined
  // After the tens, "mốt" is one (not after "mười"), "lăm"/"năm" five, "tư"/"bốn" four.
  const ones = after.length === 0 ? 0 : after[0] === 'mốt' && tens > 1 ? 1 : after[0] === 'tư' && tens > 1 ? 4 : UNITS_IN_WORDS[after[0]!]
  return ones === undefined ? undefined : n + tens * 10 + ones
}

/** A whole number in words: groups below a thousand joined by "triệu" and "nghìn"/"ngàn". */
function integerInWords(words: string[]): number | undefined {
  for (const [scale, factor] of Object.entries(SCALES_IN_WORDS).sort((a, b) => b[1] - a[1])) {
    const at = words.indexOf(scale)
    if (at < 0) continue
    const high = hundredsInWords(words.slice(0, at))
    const low = at + 1 < words.length ? integerInWords(words.slice(at + 1)) : 0
    return high === undefined || low === undefined || low >= factor ? undefined : high * factor + low
  }
  return words.some((w) => w === 'trăm' || w === 'mươi' || w === 'mười' || UNITS_IN_WORDS[w] !== undefined) ? hundredsInWords(words) : undefined
}

/** A number in words, "bảy phẩy tám" (7,8) included, in figures as the plans write them ("7,8", "3.150"). */
function numberInWords(words: string[]): { value: number; text: string } | undefined {
  const comma = words.indexOf('phẩy')
  const whole = integerInWords(comma < 0 ? words : words.slice(0, comma))
  if (whole === undefined) return undefined
  const text = whole >= 1000 ? String(whole).replace(/\d(?=(?:\d{3})+$)/gu, '$&.') : String(whole)
  if (comma < 0) return { value: whole, text }
  const tail = words.slice(comma + 1)
  const digits = tail.every((w) => UNITS_IN_WORDS[w] !== undefined && w !== 'mốt' && w !== 'lăm' && w !== 'tư') ? tail.map((w) => UNITS_IN_WORDS[w]).join('') : String(integerInWords(tail) ?? '')
  return digits === '' ? undefined : { value: Number(`${whole}.${digits}`), text: `${text},${digits}` }
}

/**
 * A figure written in words where a figure stands, in digits: before "phần trăm" ("bảy phẩy tám phần
 * trăm" → "7,8%"), before the same figure in brackets, which is kept alone ("hai (02) cây cầu" → "02
 * cây cầu", "chín mươi lăm phần trăm (95%)" → "95%"), or before a unit or a counted noun ("mười hai
 * tuyến", "năm mươi hai triệu đồng/người/năm", "hai mươi hai hộ"). A single word ("năm" is also the
 * year, "ba" a father, "tư" private, "một số" some) counts before a unit only after a bound or a verb
 * taking a count ("ít nhất", "đạt", "xảy ra năm vụ"), and "một" alone never ("ít nhất một đội" is "a
 * team"); never after "ngày", "tháng", "thứ", "đợt". A unit already followed by its figure in
 * brackets ("ba nghìn héc ta (3.000 ha)") is left as written.
 */
function figuresInWords(given: string): string {
  // "58 phẩy 5", "7 phẩy 8 tỷ đồng": the decimal comma said aloud between digits is that comma;
  // "540 héc ta", "1.200 hecta": the hectare said aloud after a figure is "ha".
  const line = given.replace(/(?<![\d.,])(\d[\d.]*)\s+phẩy\s+(\d+)(?![\d.,])/gu, '$1,$2').replace(/(?<=\d\s?)(?:héc[\s-]?ta|hecta)(?![\p{L}])/giu, 'ha')
  if (!/(?:mươi|mười|trăm|phẩy|nghìn|ngàn|triệu)|(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín) +[(\p{L}]/iu.test(line)) return line
  let out = ''
  let from = 0
  NUMBER_WORDS_RE.lastIndex = 0
  for (let m = NUMBER_WORDS_RE.exec(line); m; m = NUMBER_WORDS_RE.exec(line)) {
    const at = m.index
    if (at < from) continue
    let words = m[0].toLowerCase().split(/ +/u)
    // "năm mươi hai triệu đồng": a scale right before "đồng" is the money's unit, not a multiplier.
    if (words.length > 1 && /^(?:triệu|nghìn|ngàn)$/u.test(words[words.length - 1]!) && /^ +đồng(?![\p{L}])/iu.test(line.slice(at + m[0].length))) words = words.slice(0, -1)
    const end = at + words.join(' ').length
    const before = line.slice(Math.max(0, at - 20), at)
    const n = words[words.length - 1] === 'phẩy' || ORDINAL_LEAD_RE.test(before) || spellsOutAmount(line, at) ? undefined : numberInWords(words)
    if (!n) continue
    // What follows is read over a short window: the words of a unit and a bracket at most (slicing
    // and splitting the rest of a long line at every number made a line of them quadratic).
    const after = line.slice(end, end + AFTER_NUMBER_WORDS)
    const percent = /^ +phần trăm(?![\p{L}])/iu.exec(after)
    const rest = percent ? after.slice(percent[0].length) : after
    // The same figure in brackets right after: it is the one kept, the words (and "phần trăm") go.
    const bracket = /^ *\( *(\d(?:[\d.,]*\d)?) *(%?) *\)/u.exec(rest)
    let figure: string | undefined
    let next = end
    if (bracket && Number(bracket[1]!.replace(/\./gu, '').replace(',', '.')) === n.value && (bracket[2] === '%') === Boolean(percent)) {
      figure = `${bracket[1]}${bracket[2]}`
      next = end + (percent?.[0].length ?? 0) + bracket[0].length
    } else if (percent) {
      figure = `${n.text}%`
      next = end + percent[0].length
    } else {
      const unitWords = after.trimStart().split(/ +/u).slice(0, 4)
      let unit = 0
      for (let k = unitWords.length; k > 0 && unit === 0; k--) if (unitInfo(unitWords.slice(0, k).join(' ').replace(/[.,;:)]+$/u, ''))) unit = k
      const unitText = unitWords.slice(0, unit).join(' ')
      const spelledAgain = /^ *\( *\d/u.test(after.trimStart().slice(unitText.length))
      // ("Mỗi thôn có ít nhất một đội …": a lone "một" is "a", each unit's state, not a count to reach.)
      if (unit > 0 && !spelledAgain && (words.length > 1 || (FIGURE_LEAD_RE.test(before) && n.value !== 1))) figure = n.text
    }
    if (figure === undefined) continue
    out += line.slice(from, at) + figure
    from = next
  }
  return from === 0 ? line : out + line.slice(from)
}

/** A number word from one to ten, as a speaker numbers a part or an item ("phần ba", "một mục đích"). */
const ITEM_NUMBER_WORDS: Record<string, number> = { một: 1, nhất: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 }
const ROMAN_NUMERALS = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']
/** "phần ba các chỉ tiêu chủ yếu", "phần thứ nhất …": a part of the plan named aloud. */
const SPOKEN_PART_RE = /^[ \t]*phần\s+(?:thứ\s+)?(một|nhất|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)\s+(?=\p{L})/iu
/** "một mục đích", "hai yêu cầu": an item numbered aloud (not "một số …", some; not a year, "năm 2025"). */
const SPOKEN_ITEM_RE = /^[ \t]*(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(?!số(?![\p{L}]))(?=\p{L})/iu
/** "a về kinh tế", "b về văn hóa xã hội": a group lettered aloud, the letter alone before a word. */
const SPOKEN_LETTER_RE = /^[ \t]*([a-eđ])\s+(?=\p{L}{2})/iu
/** "gạch đầu dòng …" (a dash at the line's head): a bullet said aloud. */
const SPOKEN_BULLET_RE = /^[ \t]*gạch(?:\s+đầu\s+dòng|\s+ngang)\s+(?=\S)/iu
/** A part said with its number alone ("phần hai …"; a written plan's "Phần thứ hai" is no evidence). */
const SAID_PART_RE = /^[ \t]*phần\s+(?:một|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)\s+\p{L}/iu
/** A figure said in a transcript's way: "58 phẩy 5", "540 héc ta" (as heard, with no hyphen). */
const SPOKEN_FIGURE_RE = /\d\s+(?:phẩy\s+\d|héc ta(?![\p{L}]))/giu

/**
 * A plan dictated into a phone and kept as the speech-to-text transcript: its parts or bullets said
 * aloud ("phần ba các chỉ tiêu chủ yếu", "gạch đầu dòng lúa cả năm …") on two lines at least, and
 * two of its figures in the spoken way ("8 phẩy 5 phần trăm", "540 héc ta").
 * (A written plan's "Phần thứ hai", "90 phần trăm" or "hecta" prove nothing.)
 */
function spokenTranscript(lines: readonly string[]): boolean {
  let structure = 0
  let figures = 0
  for (const l of lines) {
    if (SAID_PART_RE.test(l) || SPOKEN_BULLET_RE.test(l)) structure++
    if (/phẩy|héc/iu.test(l)) figures += [...l.matchAll(SPOKEN_FIGURE_RE)].length
    if (structure >= 2 && figures >= 2) return true
  }
  return false
}

/**
 * The lines of a transcript numbered and lettered aloud, in writing: a part said "phần ba …" is
 * "III. …", a bullet "gạch đầu dòng …" is "- …", and items said "một …", "hai …" or "a …", "b …"
 * are "1. …", "2. …" and "a) …", "b) …" where they run in order from the first ("một mục đích" …
 * "hai yêu cầu"; a line opening on "ba" alone is no item).
 */
function spokenStructure(lines: readonly string[]): string[] {
  const out = [...lines]
  for (const [i, l] of lines.entries()) {
    const part = SPOKEN_PART_RE.exec(l)
    if (part) out[i] = `${ROMAN_NUMERALS[ITEM_NUMBER_WORDS[part[1]!.toLowerCase()]!]}. ${upperFirst(l.slice(part[0].length))}`
    const bullet = SPOKEN_BULLET_RE.exec(l)
    if (bullet) out[i] = `- ${l.slice(bullet[0].length)}`
  }
  // Runs in order: each candidate line that comes next in a run is taken; a run of one is none.
  const runs = (read: (l: string) => { key: string; length: number } | undefined, first: string, next: (key: string) => string[], mark: (key: string) => string): void => {
    let run: { at: number; key: string; length: number }[] = []
    const flush = (): void => {
      if (run.length >= 2) for (const r of run) out[r.at] = `${mark(r.key)} ${upperFirst(lines[r.at]!.slice(r.length))}`
      run = []
    }
    for (const [at, l] of lines.entries()) {
      if (out[at] !== l) continue
      const c = read(l)
      if (!c) continue
      if (c.key === first) {
        flush()
        run.push({ at, ...c })
      } else if (run.length > 0 && next(run[run.length - 1]!.key).includes(c.key)) run.push({ at, ...c })
    }
    flush()
  }
  runs(
    (l) => {
      const m = SPOKEN_ITEM_RE.exec(l)
      return m ? { key: String(ITEM_NUMBER_WORDS[m[1]!.toLowerCase()]), length: m[0].length } : undefined
    },
    '1',
    (key) => [String(Number(key) + 1)],
    (key) => `${key}.`,
  )
  runs(
    (l) => {
      const m = SPOKEN_LETTER_RE.exec(l)
      return m ? { key: m[1]!.toLowerCase(), length: m[0].length } : undefined
    },
    'a',
    (key) => [...(NEXT_LETTERS[key] ?? '')],
    (key) => `${key})`,
  )
  // "TM ủy ban nhân dân chủ tịch" over "lò văn phong": the signer's name said last, under the
  // signing title, is written with its capitals ("Lò Văn Phong").
  const said = [...lines.keys()].filter((i) => lines[i]!.trim() !== '').slice(-2)
  const [title, name] = said
  if (title !== undefined && name !== undefined && /(?<![\p{L}])chủ tịch\s*$/iu.test(lines[title]!) && /^[ \t]*\p{L}+(?:\s+\p{L}+){1,4}[ \t]*$/u.test(lines[name]!)) out[name] = lines[name]!.replace(/(?<![\p{L}])\p{Ll}/gu, (c) => c.toUpperCase())
  return out
}

/** Words a speaker fills a pause with ("à", "ờ", "ừm") and "thì" between a subject and its verb. */
const FILLER_RE = /(?<![\p{L}\d])(?:à|ờ|ừ|ừm|ờm|ơ|thì)(?![\p{L}])[ \t]*/giu
/**
 * "95 à không 96", "12 ờ nhầm 15", "95 phần trăm à không 96 phần trăm": a figure (with its unit, up
 * to three words) taken back aloud; the one said after it stands.
 */
const SELF_CORRECTION_RE = /(?<![\d.,])\d[\d.,]*%?(?:\s+(?!(?:à|ờ|ừ|nhầm)(?![\p{L}]))\p{L}+){0,3}?\s+(?:(?:à|ờ|ừ)\s+(?:không|nhầm|xin lỗi)|nhầm|xin lỗi)(?:\s+phải)?\s+(?=\d)/giu
/** "số 15 KH UBND", "nghị quyết số 06 NQ HĐND": a document's number said with its codes apart ("15/KH-UBND"). */
const SPOKEN_NUMBER_RE = /(?<![\p{L}])(số)\s+(\d{1,5})\s+(\p{Lu}{1,6}(?:\s+\p{Lu}{2,8}){1,2})(?![\p{L}])/gu
/** A unit "per" said with "trên" ("tạ trên héc ta", "đồng trên người trên năm"); not "trên năm 2025", "trên năm học". */
const SPOKEN_PER_RE = /\s+trên\s+(ha|héc\s?ta|hecta|người|hộ|năm|tháng|ngày|con)(?![\p{L}\d]|\s+(?:học|\d))/giu
/** A figure and its unit of one or two words (one "per" already written: "46 triệu đồng/người"), at the end of what is read. */
const FIGURE_UNIT_END_RE = /\d\s+\p{L}+(?:\s\p{L}+)?(?:\/\p{L}+)?$/u

/** Words that open a measure's clause ("năng suất …", "tỷ lệ …", "số vụ …", "trong đó …", "có ít nhất …", "trồng mới …"; not a document's "số 98"). */
const SPOKEN_CLAUSE_RE = /(?<=\S) (?=(?:trong đó|tỷ lệ|tỉ lệ|tổng|số(?!\s+\d)|năng suất|sản lượng|diện tích|trồng mới|có ít nhất)(?![\p{L}]))/giu
/** A word after which a measure's word is its object, not a new clause ("đạt 95% số hộ", "giảm tỷ lệ", "so với tổng", "một số"). */
const CLAUSE_GOES_ON_RE = /(?:[\d%‰]|(?<![\p{L}])(?:đạt|giảm|tăng|nâng|có|là|còn|bằng|chiếm|so|của|và|các|một|với|trong|cho|về|theo|những|được|để|từ|đến|tại|trên|dưới|hoặc|nhằm|do|mà|như|vào|ra))$/iu

/**
 * "diện tích 540 ha năng suất bình quân 58,5 tạ/ha sản lượng 3.159 tấn", "không để xảy ra cháy rừng
 * số vụ tai nạn giao thông không quá 3 vụ": no stop was said, so a clause ends (";", or "," before
 * "trong đó", whose parts belong to the figure before) before a measure's word where the clause so
 * far holds a figure or is a whole goal of "không để …", and the word before is no verb or
 * preposition taking it as its object. One walk over the line.
 */
function spokenClauses(line: string): string {
  // (The line's own mark, "1. " or "a) ", is no figure of its clause.)
  let from = /^\s*(?:[IVXLC]{1,6}\.|\d{1,2}\.|[a-zđ]\)|-)\s+/u.exec(line)?.[0].length ?? 0
  let out = line.slice(0, from)
  let figure = false
  let goal = /^\s*(?:[-+]\s+)?không để(?![\p{L}])/iu.test(line)
  for (const m of line.matchAll(SPOKEN_CLAUSE_RE)) {
    const piece = line.slice(from, m.index)
    figure ||= /\d/u.test(piece)
    out += piece
    from = m.index
    if (!(figure || goal) || CLAUSE_GOES_ON_RE.test(line.slice(Math.max(0, m.index - 12), m.index))) continue
    out += /^ trong đó/iu.test(line.slice(m.index, m.index + 9)) ? ',' : ';'
    figure = false
    goal = false
  }
  return out + line.slice(from)
}

/**
 * A line of a speech-to-text transcript in writing: a figure taken back aloud gives way to the one
 * said after it ("đạt 95 à không 96 phần trăm" → "đạt 96 phần trăm"), fillers go ("tổng sản lượng
 * à đạt", "sản xuất thì đạt"), a count of a whole said "6 trên 6 trường" is "6/6 trường", and a unit
 * "per" said "trên" after a figure's unit is written with its slash ("58,5 tạ trên héc ta" → "58,5
 * tạ/ha", "46 triệu đồng trên người trên năm" → "46 triệu đồng/người/năm"), and a document's number
 * is written with its slash and dash ("số 15 KH UBND" → "Số 15/KH-UBND").
 */
function spokenLine(given: string): string {
  const line = given
    .replace(SELF_CORRECTION_RE, '')
    .replace(FILLER_RE, '')
    .replace(/(?<![\d.,])(\d{1,4})\s+trên\s+(\d{1,4})(?![\d.,])/gu, '$1/$2')
    .replace(SPOKEN_NUMBER_RE, (_m, word: string, n: string, codes: string, at: number) => `${at === 0 ? 'Số' : word} ${n}/${codes.split(/\s+/u).join('-')}`)
  let out = ''
  let from = 0
  // What is written last, 40 characters at most: the second "per" follows the first one written.
  // (Read apart from the text built, which slicing would flatten again at every "trên" of a long line.)
  let tail = ''
  for (const m of line.matchAll(SPOKEN_PER_RE)) {
    const piece = line.slice(from, m.index)
    from = m.index + m[0].length
    const per = FIGURE_UNIT_END_RE.test((tail + piece).slice(-40)) ? `/${/^h[eé]c/iu.test(m[1]!) ? 'ha' : m[1]!}` : m[0]
    out += piece + per
    tail = (tail + piece + per).slice(-40)
  }
  return spokenClauses(from === 0 ? line : out + line.slice(from))
}

/** Straight double quotes become curly ones, opening and closing in turn within a line. */
function curlQuotes(line: string): string {
  let open = true
  return line.replace(/"/g, () => {
    const q = open ? '“' : '”'
    open = !open
    return q
  })
}

/** Markdown and word-processor decoration: emphasis, heading marks, escapes, bullet glyphs. */
function stripMarkup(line: string): { line: string; heading: boolean } {
  let s = line.replace(/\\([*_#|\-.+()[\]!`])/g, '$1')
  let heading = false
  const h = /^\s*#{1,6}\s+/.exec(s)
  if (h) {
    heading = true
    s = s.slice(h[0].length)
  }
  // "(*)", "(**)": a footnote mark in brackets is the text's own (a row it marks, the footnote under
  // the table that opens on it), no emphasis: kept aside while the emphasis goes.
  const marks: string[] = []
  s = s.replace(/\(\*{1,3}\)/g, (m) => {
    marks.push(m)
    return '\uE000'
  })
  s = s.replace(/\*\*|__/g, '').replace(/(^|[\s(])([*_])(?=\S)([^*_\n]*?\S)\2(?=[\s.,;:)]|$)/g, '$1$3')
  // (Put back in order by an index: shifting the list each time read a line of many marks quadratically.)
  let mark = 0
  if (marks.length > 0) s = s.replace(/\uE000/g, () => marks[mark++] ?? '')
  // "II- CHỈ TIÊU THI ĐUA", "III – NỘI DUNG", "1- Giá trị sản xuất …": a dash typed after a section's
  // roman numeral or an item's number for its point (a web page's copy).
  s = s.replace(/^\s*([IVX]{1,5}\s?[-–]|\d{1,2}-)\s+(?=\p{L})/u, (_m, mark: string) => `${mark.replace(/\s?[-–]$/u, '')}. `)
  s = s.replace(/^\s*(?:[-–+•·▪●○◦*]|o(?=\s))\s+/, '- ')
  // "✓ Thu ngân sách …", "➢ Tỷ lệ …", "◆ …": a check mark, an arrowhead or a diamond opening a line is its bullet.
  s = s.replace(/^\s*[✓✔☑➢➤►▸◆❖♦]\uFE0F?\s*(?=\p{L}|\d)/u, '- ')
  // "☐ Duy trì …", "☒ …", "[ ] Tỷ lệ …", "[x] Hoàn thành …", "- [ ] …": a form's check box, ticked or
  // not, opening a line is its bullet (the tick is the form's, nothing of the target).
  s = s.replace(/^\s*(?:[-*+]\s+)?(?:[☐☒]\uFE0F?|\[[ \txX✓✔]?\])\s*(?=\p{L}|\d)/u, '- ')
  // "1️⃣ Các phong trào thi đua", "🔟 …": a keycap digit opening a line is the item's number ("1. "), no figure.
  s = s.replace(/^\s*(?:(\d{1,2})\uFE0F?\u20E3|(\u{1F51F}))\s*(?=\S)/u, (_m, digit: string | undefined) => `${digit ?? '10'}. `)
  // "📌 I. KẾT QUẢ NĂM 2024", "📌 2. Chỉ tiêu …": a pictograph before a list's mark only marks the heading; the mark stays.
  s = s.replace(/^\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)+(?=(?:[IVXLC]{1,6}|\d{1,2}|[a-zđ])[.)]\s)/u, '')
  // "✅ Thu NS trên địa bàn ≥ 18,5 tỷ đ", "👉 CÁC PHONG TRÀO:", "✅ 11/11 thôn …": a pictograph opening a line of a message is its bullet.
  s = s.replace(/^\s*(?:\p{Extended_Pictographic}\uFE0F?\s*)+(?=\p{L}|\d)/u, '- ')
  s = s.replace(/(?<! ) {2,}$/, '') // Markdown hard break (from the run's first space: one try a run)
  return { line: s, heading }
}

/**
 * What a reference back to a list's item in brackets follows: "chỉ tiêu (3)", "mục (2)", "(1) đến (6)",
 * "(7), (8) và (9)", and a range's dash between two of them, "chỉ tiêu (1) - (10)", "(11)–(17)".
 */
const ITEM_REFERENCE_RE = /(?:(?<![\p{L}])(?:chỉ tiêu|mục tiêu|mục|điểm|tiêu chí|nội dung|từ|đến|và|hoặc|tại)|,|\(\d{1,2}\)\s?[-–—]?)$/iu

/**
 * Whether the bracketed number at `at` of `line` follows such a reference. Only the last words
 * before it are read (the longest reference is 9 characters, and 20 keep the letter before it for
 * the look-behind), so that a line of thousands of bracketed numbers is read in linear time.
 */
function refersToItem(line: string, at: number): boolean {
  return ITEM_REFERENCE_RE.test(line.slice(0, at).trimEnd().slice(-20))
}

/**
 * "… đạt 94,5% trở lên (Chủ trì: Bộ phận Văn hóa - Xã hội; phối hợp: Trạm Y tế xã)." A bracket at the
 * end of a target's line naming who leads it (and who helps or carries it out) only guides the
 * reporters, like a responsible-unit column: it is no part of the statement, and its ";" splits no
 * clause. It is left out; the stop after it stays.
 */
const RESPONSIBLE_IN_BRACKETS_RE = / ?\((?:(?:đơn vị|cơ quan|bộ phận)\s+)?(?:chủ trì|phụ trách)\s*:[^()]*\)(?=[\s.;]*$)/iu
function responsibleInBrackets(line: string): string {
  return line.includes('(') ? line.replace(RESPONSIBLE_IN_BRACKETS_RE, '') : line
}

/**
 * "… đạt 7.260.000.000 đồng (bảy tỷ, hai trăm sáu mươi triệu đồng) trở lên": from the bracket opened
 * right after an amount in digits and its unit, figures in words (only number words before them) restate
 * that amount; they are no figure of their own and stay as written (figuresInWords).
 */
const SPELLED_OPENING_RE = new RegExp(String.raw`^\(\s*(?:(?:${NUMBER_WORD}|tỷ)[\s,]*)*$`, 'iu')
function spellsOutAmount(line: string, at: number): boolean {
  // (Only the 80 characters before it are searched, so that a long line of figures stays linear.)
  const window = Math.max(0, at - 80)
  const open = line.slice(window, at).lastIndexOf('(') + window
  if (open < window || !SPELLED_OPENING_RE.test(line.slice(open, at))) return false
  return /\d[\d.,]*\s*(?:%|(?:\p{L}+\s*){1,3})\s*$/u.test(line.slice(Math.max(0, open - 40), open))
}

/** "(1) Tổng thu …", "(12) Trồng mới …", "(ii) Trồng mới …": items numbered in brackets are a list's items, unless the number is a footnote mark the text uses. */
const LIST_IN_BRACKETS_RE = new RegExp(String.raw`^\s*(?=${ITEM_NUMBER}|\([a-zđ]\))\((\w{1,5}|đ)\)\s+(?=\S)`, 'u')
function listInBrackets(line: string, marks: ReadonlySet<string>): string {
  const m = LIST_IN_BRACKETS_RE.exec(line)
  return m && !marks.has(m[1]!) ? `- ${line.slice(m[0].length)}` : line
}

/**
 * A list's number or bullet as a word processor writes it before a tab: "1.", "a)", "II.", "-", "•",
 * and the second level's "o" (Word's hollow bullet, in the Courier New font, saved as the letter) or
 * a square or a dot of the Symbol and Wingdings fonts ("▪", "§", "·").
 */
const LIST_MARK_RE = /^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[IVXLC]{1,6}[.)]|[a-zđ][.)]|[-–+•*·▪●○◦§]|o)$/u

/**
 * The bullets of Word's Symbol and Wingdings fonts saved as the letters of their codes, each alone
 * before a tab at a line's start: "ü" (a check mark), "Ø" (an arrowhead), "§" (a square), "v" (a
 * diamond of four), "Ÿ" and "l" (dots), "q" and "n" (squares), "ð" (an arrow), "¨" (a box). Read as a
 * plain bullet, "- ": the letter is no word of the item.
 */
const SYMBOL_FONT_MARK_RE = /^[üØ§vŸqnlð¨]$/u

/**
 * "1.⇥Mục đích", "-⇥Phát động …": a Word list saved as text puts a tab between the item's number
 * and its words. Outside a table (the line before is no row of three cells or more) it is the list
 * item, "1. Mục đích", not a row of two cells.
 */
function listItemWithTab(line: string, previous: string | undefined): string | null {
  if (!/\t/u.test(line) || line.includes('|')) return null
  // (The empty cells at either end left out by filtering, not one shift at a time: a line of
  // thousands of tabs made that quadratic.)
  const all = line.split('\t').map((c) => c.trim())
  const first = all.findIndex((c) => c !== '')
  let last = all.length - 1
  while (last >= 0 && all[last] === '') last--
  const cells = first === -1 ? [] : all.slice(first, last + 1)
  if (cells.length !== 2 || !(LIST_MARK_RE.test(cells[0]!) || SYMBOL_FONT_MARK_RE.test(cells[0]!)) || !/\p{L}/u.test(cells[1]!)) return null
  if (previous !== undefined && previous.split('\t').filter((c) => c.trim() !== '').length >= 3) return null
  return SYMBOL_FONT_MARK_RE.test(cells[0]!) ? `- ${cells[1]}` : `${cells[0]} ${cells[1]}`
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
function tabGroupRow(line: string, previous: string | undefined, next: string | undefined): string | null {
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
const CELL_ITEM_RE = /^\\?[-+•*–]\s+(?=\S)/u

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
function gridItemRows(lines: string[]): string[] {
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
function cellItems(lines: string[]): string[] {
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
function barlessTables(lines: string[]): string[] {
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
function headingCell(cell: string): boolean {
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

function tableRow(line: string, spaced = false, above?: string): string | null {
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
const COLUMN_HEADING_RE = /\([^()]{1,20}\)\s*$|^(?:diện tích|năng suất|sản lượng|đvt|đơn vị tính|kế hoạch|chỉ tiêu)(?![\p{L}])/iu
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
 * A table laid out with spaces (a PDF's text layer, text pasted from one): a heading line of three
 * columns or more, two of them headings with a unit or a measure, then rows ending in figures.
 * Each row becomes `| a | b | … |` with a cell for every column (empty where the row has none),
 * each figure put in the column it stands under; the table ends at a line that is not a row.
 */
function alignedTables(lines: string[]): string[] {
  const out: string[] = []
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
      const figure = FIGURE_CELL_RE.test(c.text)
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
      }
    }
    // A rule of dashes under the heading, as a text editor or a PDF draws it ("TT  Chỉ tiêu  ĐVT …" /
    // "-----------"): no row.
    if (FULL_RULE_RE.test(lines[j] ?? '')) j++
    const rows: string[][] = []
    // A row's number, or its group's numeral or capital letter ("12", "III.", "A" over "KINH TẾ").
    const isRowNumber = (c: Cell | undefined): boolean => c !== undefined && c.end <= head[1]!.start && /^(?:\d{1,3}|[IVXLC]{1,6}|[A-H])[.)]?$/u.test(c.text)
    let lastNumber = 0
    let fresh = false
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
      return cells
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
            return t.length <= 120 && cellsOf(l).length === 1 && !FIGURE_CELL_RE.test(t)
          }
          while (k < lines.length && k <= j + 6 && !isRowNumber(rowCells(lines[k]!)[0]) && furniture(lines[k]!)) k++
          const next = rowCells(lines[k] ?? '')[0]
          if (k < lines.length && isRowNumber(next) && (Number(next!.text.replace(/[.)]$/u, '')) === lastNumber + 1 || (/^[IVXLCA-H]/u.test(next!.text) && !groups.has(next!.text.replace(/[.)]$/u, ''))))) {
            breakAt = j
            j = k - 1
            fresh = true
            continue
          }
          break
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
        row.forEach((t, k) => {
          if (t !== '') last[k] = last[k] ? `${last[k]} ${t}` : t
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
    out.push(`| ${heads.join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`))
    i = j - 1
  }
  return out
}

const PAGE_NUMBER_RE = /^(?:(?:trang|page)\s*)?[-–]?\s*\d{1,3}\s*(?:\/\s*\d{1,3})?\s*[-–]?$/i
/**
 * A running footer whose page number follows a dash ("KH số 18/KH-UBND – Trang 1", "Kế hoạch thi đua
 * năm 2026 - Trang 2/3"), or a bar as a program's export writes it ("[QLVB v4.2] 125_KH-UBND.txt |
 * Trang 2/3"): a short line, never a target. (Each quantifier stands between fixed
 * characters or at the line's end: no nested repetition to backtrack over.)
 */
const PAGE_FOOTER_RE = /^\S.{0,100}\s[-–—|]\s*(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu

/** A row number alone on its line: "1", "2.", "3)". */
const ROW_NUMBER_RE = /^\s*(\d{1,3})[.)]?\s*$/u
/** A part's row number alone on its line, under its row's: "2.1", "2.2.". */
const PART_ROW_NUMBER_RE = /^\s*(\d{1,3})\.(\d{1,2})[.)]?\s*$/u
/** The first heading of a numbered table: "TT", "STT", "Số TT". */
const ROW_NUMBER_HEADING_RE = /^\s*(?:s[ốo]\s*tt|stt|tt)\s*$/iu

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
function stackedTables(lines: string[]): string[] {
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
function columnTables(lines: string[]): string[] {
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

/** A quoted cell holding a line break (Excel quotes such a cell) runs on over at most this many lines. */
const CSV_RECORD_LINES = 8

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
  if (at >= lines.length) return undefined
  let s = lines[at]!.trim()
  if (!s.includes(sep) && !s.startsWith('"')) return undefined
  const fields: string[] = []
  let next = at + 1
  // (Read by runs between the quotes and separators found, not character by character.)
  for (let i = 0; ; ) {
    let field = ''
    if (s[i] === '"') {
      for (let j = i + 1; ; ) {
        const quote = s.indexOf('"', j)
        if (quote === -1) {
          // (A quoted cell still open at the line's end goes on on the next line.)
          if (next >= lines.length || next - at >= CSV_RECORD_LINES) return undefined
          field += `${s.slice(j)} `
          s = lines[next]!.trimEnd()
          next++
          j = 0
        } else if (s[quote + 1] === '"') {
          field += `${s.slice(j, quote)}"`
          j = quote + 2
        } else {
          field += s.slice(j, quote)
          i = quote + 1
          break
        }
      }
    }
    const end = s.indexOf(sep, i)
    fields.push(`${field}${s.slice(i, end === -1 ? s.length : end)}`.trim())
    if (end === -1) break
    if (/\s/u.test(s[end + 1] ?? '')) return undefined
    i = end + 1
  }
  return fields.length >= 3 ? { fields, next } : undefined
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
function csvTables(lines: string[]): string[] {
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
function labelledTables(lines: string[]): string[] {
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
function labelledGroups(lines: string[]): string[] {
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
function indicatorHeadings(lines: string[]): string[] {
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

interface RawLine {
  text: string
  heading: boolean
  table: boolean
  blanksBefore: number
  /** The line comes right after a page number or a form feed: it opens a page. */
  afterPageBreak?: boolean
  /** A page number or a form feed comes right after the line: it closes a page. */
  beforePageBreak?: boolean
  /** A row of a table drawn figures first, written back as a line of its own (figureFirstRows). */
  row?: boolean
}

// A run of groups (SPACED_GROUPS) before a unit or a sign, not the end of a figure written otherwise
// nor its start ("2.500 000", "1 250.5 tấn": no digit, dot or comma on either side of it). Counted
// for the whole document's reading, a run after any digits and a space is left out too, where the
// repair takes one after four digits: a telephone's number ("ĐT: 0214 3 862 119") is no figure.
const SPACED_COUNT_RE = new RegExp(String.raw`(?<![\d.,]|\d )${SPACED_GROUPS}(?![\d.,])(?=\s*(?:\p{L}|%))`, 'gu')

/**
 * A document that writes its decimals with a dot ("9.5%", "62.5 tạ/ha") and sets its thousands apart
 * with a space ("12 500 tấn", "1 250 hộ"), two such figures at least, and never groups thousands
 * with a dot or a comma ("12.500", "12,500"): its space-grouped figures are read as whole numbers
 * (a dot there would be its decimal point).
 */
function spacedThousands(text: string): boolean {
  if (decimalHabit(text) !== 'dot') return false
  const groups = (text.match(SPACED_COUNT_RE) ?? []).length
  return groups >= 2 && !/(?<![\d.,])\d{1,3}[.,]\d{3}(?![\d.,])/u.test(text)
}

/**
 * The document's text normalised: NFC, one kind of space, dash and quote, no Markdown emphasis,
 * no page numbers nor page headers repeated on every page, hard-wrapped lines and hyphenated
 * words joined, table rows as `| a | b |`. Paragraphs are separated by one newline.
 */
export function normalizeText(raw: string): string {
  const lines: RawLine[] = []
  let blanks = 0
  // Where the last page number or form feed was: the line after it opens a page.
  let pageBreakAt = -1
  const given = twoColumns(alignedTables(stackedTables(columnTables(labelledTables(indicatorHeadings(labelledGroups(csvTables(barlessTables(cellItems(gridItemRows(unquoted(qaMinutes(chatMessages(pressArticle(htmlTables(boxTables(ocrRuledTables(sideBySideTargets(unifyCharacters(raw).split('\n').map(spreadsheetCells)))))).map(leaderJoined).map(unitsCountedByName)))))))))))))))
  // A speech-to-text transcript: its parts, items and bullets said aloud in writing; each line a
  // dictation burst that stands alone (it has no stops to tell a sentence's end from a wrap).
  const spoken = spokenTranscript(given)
  const unified = spoken ? spokenStructure(given).map(spokenLine) : given
  const spaced = spacedThousands(unified.join('\n'))
  const broken = brokenCopy(unified)
  // Rows of a table drawn figures first, and its heading, which goes.
  const figureRows = figureFirstRows(unified)
  // Marks the text refers to ("≥ 80 (1)", "| 95 (2) |"): a line opening on one is that footnote.
  // Not a reference back to the list's items ("theo dõi các chỉ tiêu (1) đến (6), (10) và (12)").
  const marks = new Set(unified.flatMap((l) => [...l.matchAll(/(?<=\S)\s*\((\d{1,2})\)/gu)].filter((m) => !refersToItem(l, m.index)).map((m) => m[1]!)))
  // A running footer with its page number set apart at its end ("UBND xã … - Kế hoạch thi đua năm
  // 2027        1"), on two pages or more; the same words alone, opening the next page, are its header.
  const footerBase = (l: string): string | undefined => /^(\S.{10,110}?)\s{3,}\d{1,3}\s*$/u.exec(l)?.[1]?.replace(/\s+/gu, ' ').trim()
  const footerCounts = new Map<string, number>()
  for (const l of unified) {
    const base = footerBase(l)
    if (base && !/^\|/u.test(l)) footerCounts.set(base, (footerCounts.get(base) ?? 0) + 1)
  }
  const footers = new Set([...footerCounts].filter(([, n]) => n >= 2).map(([b]) => b))
  for (const [at, given] of unified.entries()) {
    const original = listItemWithTab(given, unified[at - 1]) ?? given
    const base = footers.size > 0 ? footerBase(original) : undefined
    if (base !== undefined && footers.has(base)) {
      pageBreakAt = lines.length
      const last = lines[lines.length - 1]
      if (last) last.beforePageBreak = true
      continue
    }
    if (footers.has(original.replace(/\s+/gu, ' ').trim()) || figureRows.heading.has(at)) continue
    const table = tabGroupRow(original, unified[at - 1], unified[at + 1]) ?? tableRow(original, spaced, unified[at - 1])
    if (table === '') continue
    const { line, heading } = table !== null ? { line: repairOcrFigures(table, spaced, broken), heading: false } : stripMarkup(curlQuotes(partInWholeUnit(rangeInOneUnit(percentInWords(figuresInWords(repairOcrFigures(listInBrackets(responsibleInBrackets(original), marks), spaced, broken)))))))
    const row = table === null && figureRows.rows.has(at)
    const text = table === null ? figureFirst(line.replace(/[ \t]+/g, ' ').trim(), row) : line.replace(/[ \t]+/g, ' ').trim()
    // A running footer ending in its page number ("KH thi đua năm 2024 - UBND phường … Trang 2").
    if (table === null && text.length <= 120 && /\s(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(text) && (/\s{3,}(?:trang|page)\s+\d/iu.test(original) || PAGE_FOOTER_RE.test(text))) {
      pageBreakAt = lines.length
      continue
    }
    if (text === '' || PAGE_NUMBER_RE.test(text)) {
      // A form feed is a page break (the PDF reader's "\n\f\n"): as good as a run of blank lines.
      if (text === '') blanks += original.includes('\f') ? 2 : 1
      if (text !== '' || original.includes('\f')) {
        pageBreakAt = lines.length
        const last = lines[lines.length - 1]
        if (last) last.beforePageBreak = true
      }
      continue
    }
    lines.push({ text, heading, table: table !== null, blanksBefore: blanks, afterPageBreak: pageBreakAt === lines.length, ...(row ? { row } : {}) })
    blanks = 0
  }
  // Running headers and footers: a short line that comes back on three pages or more.
  const counts = new Map<string, number>()
  const key = (t: string): string => t.toLowerCase().replace(/\d+/g, '#')
  // An introduction ("… các chỉ tiêu chủ yếu:") may come back in every section: never a header.
  // Nor is the end of a sentence a PDF wrapped (a line opening in lower case under one without a
  // stop): two crops' lines may end alike ("sản lượng 5.250 tấn." … "sản lượng 1.176 tấn."), one of them before a page number.
  const wrapped = new Set(lines.filter((l, i) => i > 0 && l.blanksBefore === 0 && /^\p{Ll}/u.test(l.text) && !SENTENCE_END_RE.test(lines[i - 1]!.text)))
  // ("a) Chỉ tiêu", "b) Giải pháp" under each field: a line opening on an item's number or letter is
  // the plan's own structure, however often it comes back; no running header is numbered.)
  const header = (l: RawLine): boolean => l.text.length <= 100 && !l.text.startsWith('- ') && !/:$/u.test(l.text) && !wrapped.has(l) && !/^(?:[a-zđ]|\d{1,2}(?:\.\d{1,2})*|[IVXLC]{1,6})[.)/]\s/u.test(l.text)
  for (const l of lines) if (header(l)) counts.set(key(l.text), (counts.get(key(l.text)) ?? 0) + 1)
  // A line that opens a page after a page number ("Trang 2") twice or more is a running header too.
  const opening = new Map<string, number>()
  for (const l of lines) if (l.afterPageBreak && header(l)) opening.set(key(l.text), (opening.get(key(l.text)) ?? 0) + 1)
  // A line that closes a page before its number ("Xã An Phú Đông - Kế hoạch thi đua năm 2025" over "2") and comes back: a running footer.
  const closing = new Map<string, number>()
  for (const l of lines) if (l.beforePageBreak && header(l)) closing.set(key(l.text), (closing.get(key(l.text)) ?? 0) + 1)
  // ("Slide 3" over each slide of a deck: the mark that opens a slide, read by the drafter, is no running header.)
  const kept = lines.filter(
    (l) =>
      l.table ||
      SLIDE_MARK_RE.test(l.text) ||
      !header(l) ||
      ((counts.get(key(l.text)) ?? 0) < 3 && !(l.afterPageBreak && (opening.get(key(l.text)) ?? 0) >= 2) && !((counts.get(key(l.text)) ?? 0) >= 2 && (closing.get(key(l.text)) ?? 0) >= 1)),
  )

  // A Word document saved as text puts each paragraph on a line of its own, however long, with no
  // blank line between them: a line of 200 characters or more (outside tables) is wider than any
  // page a PDF's text layer wraps at, and blank lines are rare (fewer than one line in ten). There a
  // line ending without a stop is a heading or an item whose numbering was lost, not a sentence
  // cut by the page's edge.
  const paragraphs = kept.some((l) => !l.table && l.text.length >= 200) && kept.filter((l) => l.blanksBefore > 0).length * 10 < kept.length
  const out: RawLine[] = []
  for (const l of kept) {
    const prev = out[out.length - 1]
    if (prev && !spoken && continues(prev, l, paragraphs)) {
      if (/\p{Ll}-$/u.test(prev.text) && /^\p{Ll}/u.test(l.text)) prev.text = prev.text.slice(0, -1) + l.text
      // "sản lượng 11.5" + "32 tấn": one figure, cut by a scan's line break (cutFigure).
      else if (l.blanksBefore === 0 && cutFigure(prev.text, l.text)) prev.text = prev.text + l.text
      // "58 triệu đồng/người/" + "năm": a unit broken at its slash.
      else if (/\/$/u.test(prev.text) && /^\p{Ll}/u.test(l.text)) prev.text = prev.text + l.text
      else prev.text = `${prev.text} ${l.text}`
      continue
    }
    out.push({ ...l })
  }
  return out.flatMap((l) => (l.table ? [l.text] : letteredItems(l.text))).join('\n')
}

/**
 * "1. 8% trở lên: tốc độ tăng giá trị sản xuất …", "- Giảm 1 - 1,5%: tỷ lệ hộ nghèo …", "4. 260 lao
 * động: được giải quyết việc làm mới, trong đó …": a list item that puts its figure first, and what
 * it measures after a colon in lower case. The part before the colon is only a figure (with its unit,
 * or "%", and the words bound to it: "giảm", "dưới", "trên", "từ …", "trở lên"); the item is written
 * back in the order of a sentence, "<Name> <figure>", the figure set after the name's own words (before
 * a bracket, ", trong đó", ";" or the closing stop), or after "hoàn thành" for a share of a duty done.
 * A count of all of a kind ("14/14 thôn: …") is no figure of this kind.
 */
const FIGURE_FIRST_RE = /^((?:\d{1,2}[.)]|[-+•*])\s+)((?:(?:giảm|tăng|dưới|trên|từ|tối thiểu|ít nhất|không quá|không dưới|đạt)\s+)?\d[\d.,]*(?:\s*(?:-|–|đến)\s*\d[\d.,]*)?)\s*(%|‰|(?!trở\s)\p{L}+(?:[ /](?!trở\s)\p{L}+){0,3})?(\s+trở (?:lên|xuống))?\s*:\s+(?=\p{L})/iu
/**
 * A row of a table whose figure columns a PDF's text layer put before its name: the plan's figure
 * (a sign "≥", "<" before it, a range "1 - 1,5", a count of a kind "15/16"), its unit in lower case
 * ("ha", "tạ/ha", "triệu đồng", "%"), then the name opening in a capital ("1.180 ha Diện tích gieo
 * trồng lúa …", "≥ 95,5 % Tỷ lệ …"); or a plan cell "Đạt" before the name of a goal. No colon, no
 * bullet: such a line is read so only inside a run of them (figureFirstRows).
 */
const FIGURE_ROW_RE = /^()((?:[≥≤<>]\s*)?\d[\d.,]*(?:\s*(?:-|–)\s*\d[\d.,]*|\/\d{1,4})?)\s*(%|‰|\p{Ll}+(?:\/\p{Ll}+)?(?: \p{Ll}+(?:\/\p{Ll}+)?){0,3})()\s+(?=\p{Lu})/u
const ACHIEVED_ROW_RE = /^(?:Đạt|Hoàn thành)\s+(?=\p{Lu}\p{Ll})/u
/** The heading of such a table, its columns named plan first, name last ("Kế hoạch 2025 Đơn vị tính Chỉ tiêu"). */
const FIGURE_FIRST_HEADING_RE = /^(?:KH|Kế hoạch|Chỉ tiêu)(?:\s+năm)?\s+\d{4}\s+(?:ĐVT|Đơn vị tính|Đơn vị)\s+(?:Chỉ tiêu|Nội dung|Tên chỉ tiêu)$/iu
/** Whether a line (its spaces collapsed) is such a row: a figure and a known unit before a capital, or "Đạt" before a goal. */
function figureRow(line: string): 'figure' | 'achieved' | undefined {
  const head = line.slice(0, 80)
  const m = FIGURE_ROW_RE.exec(head)
  if (m && (/^[%‰]$/u.test(m[3]!) || unitInfo(m[3]!) !== undefined) && !/^(?:19|20)\d{2}$/u.test(m[2]!)) return 'figure'
  return ACHIEVED_ROW_RE.test(head) ? 'achieved' : undefined
}
/** The fewest figure rows that make a run of them a table without its heading. */
const FIGURE_ROWS_MIN = 3
/**
 * The lines of `lines` that are rows of a table drawn figures first (FIGURE_ROW_RE): a run of such
 * rows, with a group's line in capitals ("B. VĂN HÓA - XÃ HỘI"), a blank line or a page's number
 * between them, under the table's heading (FIGURE_FIRST_HEADING_RE, which goes: its index is in
 * `heading`) or holding three figure rows at least. A sentence that opens on a figure ("1.200 hộ
 * được hỗ trợ …") goes on in lower case and is no row; a row alone in prose is read as prose.
 */
function figureFirstRows(lines: string[]): { rows: Set<number>; heading: Set<number> } {
  const rows = new Set<number>()
  const heading = new Set<number>()
  const kinds = lines.map((l) => figureRow(l.slice(0, 160).replace(/[ \t]+/gu, ' ').trim()))
  const between = (l: string): boolean => {
    const t = l.trim()
    return t === '' || PAGE_NUMBER_RE.test(t) || /^(?:trang|page)\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu.test(t) || (/^(?:[A-ZĐ]|[IVX]{1,4}|\d{1,2})[.)]\s+\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t))
  }
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] === undefined) continue
    // The run: rows and the lines allowed between them, ending on a row.
    let end = i
    let last = i
    while (end < lines.length && (kinds[end] !== undefined || between(lines[end]!))) {
      if (kinds[end] !== undefined) last = end
      end++
    }
    let top = i - 1
    while (top >= 0 && between(lines[top]!)) top--
    const titled = top >= 0 && lines[top]!.length <= 160 && FIGURE_FIRST_HEADING_RE.test(lines[top]!.replace(/[ \t]+/gu, ' ').trim())
    const figures = kinds.slice(i, last + 1).filter((k) => k === 'figure').length
    if (figures >= 1 && (titled || figures >= FIGURE_ROWS_MIN)) {
      if (titled) heading.add(top)
      for (let k = i; k <= last; k++) if (kinds[k] !== undefined) rows.add(k)
    }
    i = last
  }
  return { rows, heading }
}
function figureFirst(line: string, row = false): string {
  if (row && ACHIEVED_ROW_RE.test(line)) return line.replace(ACHIEVED_ROW_RE, '')
  const m = row ? FIGURE_ROW_RE.exec(line.slice(0, 120)) : FIGURE_FIRST_RE.exec(line.slice(0, 120))
  if (!m) return line
  if (row) {
    // ("≥ 95,5 %" is "95,5% trở lên"; "< 10,5 %" "dưới 10,5%": the sign kept after the name, as a sentence writes it.)
    const figure = `${m[2]!}${/^[%‰]$/u.test(m[3]!) ? m[3]! : ` ${m[3]!}`}`
    const body = line.slice(m[0].length)
    const stop = /[.;]$/u.test(body) ? body.length - 1 : body.length
    const cuts = [body.indexOf(' ('), body.indexOf(';')].filter((i) => i > 0 && i < stop)
    const end = cuts.length > 0 ? Math.min(...cuts) : stop
    // ("100 % Hoàn thành chỉ tiêu …": a share of a duty done follows its verb; "1 - 1,5 % Giảm tỷ lệ …": a cut or a rise its verb's object.)
    const done = /^Hoàn thành\s+(?=\p{L})/u.exec(body)
    if (done && /^\d[\d.,]*%$/u.test(figure)) return `Hoàn thành ${figure} ${body.slice(done[0].length)}`
    const bound = /^[≥≤<>]/u.test(figure) || /^(?:giảm|tăng|kéo giảm)\s/iu.test(body) ? figure : `đạt ${figure}`
    return `${body.slice(0, end)} ${bound}${body.slice(end)}`
  }
  const unit = m[3]
  if (unit === undefined ? !/%|‰/u.test(m[2]!) : !/^[%‰]$/u.test(unit) && unitInfo(unit) === undefined) return line
  // (A bare figure read as a year is no target of this kind.)
  if (unit === undefined && /^(?:19|20)\d{2}$/u.test(m[2]!)) return line
  const figure = `${m[2]!}${unit === undefined ? '' : /^[%‰]$/u.test(unit) ? unit : ` ${unit}`}${m[4] ?? ''}`
  const body = line.slice(m[0].length)
  // (The name in lower case, as it goes on after the figure: the "i" flag above would let a capital by.)
  if (!/^\p{Ll}/u.test(body)) return line
  const stop = /[.;]$/u.test(body) ? body.length - 1 : body.length
  const cuts = [body.indexOf(' ('), body.search(/,\s+trong đó(?![\p{L}])/iu), body.indexOf(';')].filter((i) => i > 0 && i < stop)
  const end = cuts.length > 0 ? Math.min(...cuts) : stop
  const name = body.slice(0, end)
  // ("100%: hoàn thành chỉ tiêu giao quân": a share of a duty done is written after its verb, "Hoàn thành 100% chỉ tiêu …".)
  const done = /^hoàn thành\s+(?=\p{L})/iu.exec(body)
  if (done && /^\d[\d.,]*%$/u.test(figure)) return `${m[1]!}Hoàn thành ${figure} ${body.slice(done[0].length)}`
  const bound = /^\p{L}/u.test(figure) ? figure.charAt(0).toLowerCase() + figure.slice(1) : `đạt ${figure}`
  return `${m[1]!}${upperFirst(name)} ${bound}${body.slice(end)}`
}

/** What opens an item of a list: a bullet, a number or a letter and its mark ("- ", "2. ", "b) "). */
const ITEM_OPENING_RE = /^(?:[-+•*–]\s+\S|(?:\d{1,2}|[a-zđ]|[IVX]{1,4})[.)]\s+\p{L})/u
/**
 * A page of two columns a PDF's text layer flattened: each line holds a line of the left column, a
 * wide gap (five spaces or more) and a line of the right one ("- Sản lượng lúa đạt 5.166 tấn.      -
 * 11/11 thôn giữ vững …", "a) Về kinh tế:       b) Về văn hóa - xã hội:"). Where the part before the
 * gap is a sentence (two words or more) that ends (".", ";", ":", "!", "?") and the part after it opens
 * a sentence (a capital) or an item (a bullet, "2.", "b)"), or the part after it opens an item and the
 * part before is a sentence, the line is two lines, left first. Tables (pipes, tabs, aligned columns,
 * already made rows above) and a letterhead's two columns (no stop before the gap) stay as they are.
 */
function twoColumns(given: string[]): string[] {
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

/** A line that opens on a short name and a colon, then its value: "Thu ngân sách: ≥ 16.800 triệu đồng". */
const LABELLED_RE = /^[^\s:;.][^:;.]{0,100}:\s+\S/u

/** A form's name line: a capitalised name alone, ending with ":" ("Tỷ lệ hộ gia đình đạt danh hiệu “Gia đình văn hóa”:"). */
const FORM_NAME_RE = /^\p{Lu}[^:;.]{0,100}:$/u

/** The longest line that lines cut by a page's edge are joined into (a long paragraph is a few thousand characters). */
const JOINED_LINE_MAX = 20_000

/**
 * "sản lượng 11.5" over "32 tấn", "đạt 12," over "6 tỷ đồng": a figure a scan's line break cut in
 * the middle. The line ends in a figure whose last group is incomplete (a thousands group of one or
 * two digits after its dot, or a comma with nothing after it), and the next line opens on the digits
 * that complete it (three in all for a thousands group, one or two decimals after a comma) and then a
 * unit: the two are one figure, written without a space. Two figures on lines of their own never end
 * so ("đạt 95%", "năm 2025", "1.200 ha").
 */
function cutFigure(prev: string, next: string): boolean {
  // (Read from the line's last 26 characters, more than the longest figure, so that a line grown long
  // from the lines joined to it is not read again: a word longer than that is no figure.)
  const end = prev.slice(-26)
  const space = end.lastIndexOf(' ')
  if (space < 0 && prev.length > end.length) return false
  const last = end.slice(space + 1)
  const head = /^\d{1,3}(?:\.\d{3}){0,4}(?:\.(\d{1,2})|,)$/u.exec(last)
  if (!head) return false
  const tail = /^(\d{1,3})(?![\d.,])\s*(%|\p{L}+(?:\s\p{L}+){0,2})/u.exec(next.slice(0, 60))
  if (!tail) return false
  const digits = tail[1]!.length
  if (head[1] !== undefined ? head[1].length + digits !== 3 : digits > 2) return false
  if (tail[2] === '%') return true
  const words = tail[2]!.split(' ')
  return words.some((_, n) => unitInfo(words.slice(0, n + 1).join(' ')) !== undefined)
}

/** Whether `next` is the rest of `prev`'s sentence, cut by a line or page break. */
function continues(prev: RawLine, next: RawLine, paragraphs = false): boolean {
  if (prev.heading || next.heading || prev.table || next.table || prev.row === true || next.row === true) return false
  // ("Slide 4" between the last bullet of a slide and the next slide's title: a slide ends there.)
  if (SLIDE_MARK_RE.test(prev.text) || SLIDE_MARK_RE.test(next.text)) return false
  if (next.blanksBefore === 0 && cutFigure(prev.text, next.text)) return true
  // Each line joined copies the sentence so far once more: past a length no wrapped sentence of a
  // plan reaches, lines stay apart, so that thousands of them never join at a quadratic cost.
  if (prev.text.length >= JOINED_LINE_MAX) return false
  if (next.blanksBefore > 4 || STRUCTURE_RE.test(next.text)) return false
  // "A. NHÓM CHỈ TIÊU KINH TẾ" … "Đ. …": a group of a list lettered in capitals, its name in capitals,
  // opens a part of its own; it never goes on from the item before it ("… 03 thôn" over "B. NHÓM …").
  if (/^[A-ZĐ][.)]\s+\p{Lu}{2,}/u.test(next.text)) return false
  // A list of "Name: value" lines ("Tỷ lệ hộ nghèo: giảm 0,6% …", "ANTT: giữ vững …"): each line is an item.
  if (LABELLED_RE.test(prev.text) && LABELLED_RE.test(next.text) && /^\p{Lu}/u.test(next.text)) return false
  // A form copied as text: each target's name alone on its line ending with ":" ("Tổng đàn bò:"),
  // its figure or goal on the next ("duy trì 2.800 con trở lên"). Once a name has its figure, the
  // next name line opens the next pair, however long the figure line and without its stop.
  if (LABELLED_RE.test(prev.text) && FORM_NAME_RE.test(next.text)) return false
  // "… trồng dặm 25 ha;" over "năng suất bình quân 90 tạ/ha, …": a clause after ";" goes on in
  // lower case, without a bullet or a number of its own: the same item, wrapped (a PDF line).
  if (/;$/u.test(prev.text)) return /^\p{Ll}/u.test(next.text) && next.blanksBefore === 0
  if (SENTENCE_END_RE.test(prev.text)) return false
  // "… an ninh năm 2026" over "Căn cứ Luật Thi đua, khen thưởng …": a legal basis opens a paragraph
  // of its own (after the title a PDF broke over two lines, too); it never goes on from the line before.
  if (/^Căn cứ\s/u.test(next.text)) return false
  if (SOFT_END_RE.test(prev.text)) return /^[\p{Ll}\d]/u.test(next.text) && next.blanksBefore <= 1
  if (/\p{Ll}-$/u.test(prev.text)) return true
  if (/^\p{Ll}/u.test(next.text)) return true
  // "2. Phong trào thi đua phát triển kinh tế đồi rừng" over "Trồng mới …" / "100% thôn …": a
  // numbered line naming a movement (a campaign, a field) with no figure of its own is the heading
  // of the targets under it, a web copy's without its blank line; it stands alone.
  // (Not a heading wrapped before its movement's quoted name, "… phong trào" over "“Toàn dân …”", nor cut at a connective.)
  if (MOVEMENT_HEADING_RE.test(prev.text) && /^[\p{Lu}\d]/u.test(next.text) && !/\d/u.test(prev.text.replace(/^\S+\s/u, '')) && !/,$/u.test(prev.text) && !CONNECTIVES.has(prev.text.split(' ').pop()?.toLowerCase() ?? '')) return false
  // "… đạt" / "1.800 con.": a figure carried to the next line (in a document of one paragraph a
  // line, "12/12 thôn …" under "Tỷ lệ … từ 92% trở lên" is the next item, unless the line breaks at a connective).
  // (The last word, read from the line's end: a line may have grown long from the lines joined to it.)
  const lastWord = prev.text.slice(prev.text.lastIndexOf(' ') + 1).toLowerCase()
  if (/^\d/u.test(next.text) && next.blanksBefore === 0 && (!paragraphs || CONNECTIVES.has(lastWord) || /\p{L}\s+(?:đạt|là|còn|có|trên|dưới)$/iu.test(prev.text.slice(-12)))) return true
  // "… còn 1.146 hộ nghèo" / "(chiếm 26,9%) và …": a bracket carried to the next line goes on
  // with the sentence (not a footnote "(1) …" nor a remark "(Bảng …)" of its own).
  if (/^\((?!\d{1,2}\)|\*+\))\s*[\p{Ll}\d]/u.test(next.text) && next.blanksBefore === 0) return true
  // "… phong trào" / "“Toàn dân bảo vệ an ninh Tổ quốc” và …": a name in quotes carried to the next line.
  if (/^[“”"]\s*\p{L}/u.test(next.text) && next.blanksBefore === 0 && prev.text.length >= 60 && !/[:.]$/u.test(prev.text)) return true
  if (!/^\p{Lu}/u.test(next.text)) return false
  if (CONNECTIVES.has(lastWord) && prev.text.length >= 40) return true
  if (paragraphs) return false
  // A capitalised word after a long line with no stop: a proper noun running on (a PDF line or
  // a page break); a short line is a heading or a title and stands alone.
  return (next.blanksBefore === 0 && prev.text.length >= 60) || (next.blanksBefore >= 2 && prev.text.length >= 80)
}
