// The text of a plan as the extractor reads it (issue 13): one paragraph a line, whatever the
// document was (Markdown-ish text, a PDF's text layer with hard line breaks and page numbers, a
// Word document's paragraphs, table rows). Every span of a draft points into this text, which
// the review screen shows beside the draft, so it must stay readable: structure markers
// (I., 1., a), "- " bullets, " | " table cells) are kept, decoration is dropped.
import { twoColumns } from './columns'
import { undoubledGlyphs } from './doubledGlyphs'
import { decodeEntities, htmlTables } from './html'
import { fromLegacyFont } from './legacyFont'
import { decimalHabit, ITEM_NUMBER, rangeInOneUnit, SLIDE_MARK_RE, unitInfo } from './lexicon'
import { NEXT_LETTERS, PAGE_FOOTER_RE, PAGE_NUMBER_RE, STRUCTURE_RE, upperFirst } from './lines'
import { chatMessages, pressArticle, qaMinutes, unquoted } from './messages'
import { brokenCopy, ocrRuledTables, repairOcrFigures, SPACED_GROUPS } from './ocr'
import { numberedParagraphs } from './paragraphNumbers'
import { printTitles } from './printTitles'
import { readingModeTables } from './readingMode'
import { columnTables, stackedTables } from './pdfTables'
import { csvTables, indicatorHeadings, labelledGroups, labelledTables, quotedTabRows } from './records'
import { fromRtf } from './rtf'
import { sideBySideTargets, spreadsheetCells } from './sheets'
import { figuresInWords, percentInWords, spokenLine, spokenStructure, spokenTranscript } from './spoken'
import { alignedTables, barlessTables, boxTables, cellItems, gridItemRows, tabGroupRow, tableRow } from './textTables'
import { fromUnmarked } from './unmarked'

/** Words after which a broken line surely goes on, even when the next line starts with a capital. */
const CONNECTIVES = new Set([
  'của', 'và', 'các', 'với', 'trong', 'cho', 'về', 'theo', 'là', 'những', 'được', 'để', 'từ', 'đến',
  'tại', 'trên', 'dưới', 'hoặc', 'nhằm', 'đối', 'giữa', 'bởi', 'do', 'mà', 'thì', 'như', 'vào', 'ra',
  'cùng', 'sự', 'việc', 'nhất', 'là', 'gắn',
])

/** A numbered or lettered line naming a movement or a field: "2. Phong trào thi đua …", "b) Cuộc vận động …", "3. Lĩnh vực văn hóa – xã hội", "1. Thi đua phát triển kinh tế …". */
const MOVEMENT_HEADING_RE = /^(?:[IVXLC]{1,6}[.)/]|\d{1,2}(?:\.\d{1,2}){0,3}[.)/]?|[a-zđ][)./])\s+(?:phong trào|cuộc vận động|lĩnh vực|thi đua)\s/iu

const SENTENCE_END_RE = /[.;!?…]$/
/** A line ending with these goes on only in lower case or with a figure: "… chiếm:" / "29,4%". */
const SOFT_END_RE = /[:)”"]$/

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

function unifyCharacters(text: string): string {
  // (A text typed in an old font and copied as Latin-1 characters, TCVN3 "KÕ HO¹CH" or VNI "KEÁ
  // HOAÏCH", or UTF-8 read as Windows-1252, "Káº¿ hoáº¡ch", read in Unicode first: TCVN3's soft
  // hyphen is the letter "ư", not a hyphen to drop.)
  // (A text typed without marks, "Ty le ho ngheo giam 0,8%", gets the marks of the plan's vocabulary back then too.)
  // (A PDF's synthetic bold saved as text, every glyph of a bold run twice, "KKẾẾ  HHOOẠẠCCHH", is read
  // once before the font is judged: an old printer's doubled TCVN3 bytes are doubled letters too.)
  return decodeEntities(trackedChanges(fromUnmarked(fromLegacyFont(undoubledGlyphs(fromRtf(text.normalize('NFC')))).text)))
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

/**
 * "Diện tích gieo cấy ........ 1.860 ha", "Thu ngân sách …… 32,5 tỷ đồng trở lên": a typed form or a
 * Word tab leader saved as text sets each name and its level apart by a run of leader dots (three or
 * more ".", or "…"). The run joins them as "name: level", the key–value line the rest of the drafter
 * reads. Only one run on the line (a form's blanks, "Ngày ..... tháng ..... năm", have several), a
 * name before it (a word, ending in a letter, a figure, a bracket or a quote) and a level after it
 * (not a bracket or a stop: "(A, B...)" is an elision). Tables keep their cells. The run is read
 * once, so a line of any length stays linear.
 */
function leaderJoined(line: string, at = -1, all: readonly string[] = []): string {
  if (!line.includes('..') && !line.includes('…')) return line
  if (/[|\t]/u.test(line)) return line
  // ("- Trong đó: đi làm việc ở nước ngoài … người  72  80" over "    …theo hợp đồng": a fixed-width
  // report's cell cut at its column's edge and continued below, alignedTables, no leader.)
  if (/^ *…/u.test(all[at + 1] ?? '')) return line
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
  const given = twoColumns(printTitles(alignedTables(stackedTables(columnTables(labelledTables(indicatorHeadings(labelledGroups(csvTables(barlessTables(cellItems(gridItemRows(unquoted(qaMinutes(chatMessages(pressArticle(htmlTables(boxTables(ocrRuledTables(sideBySideTargets(quotedTabRows(readingModeTables(numberedParagraphs(unifyCharacters(raw).split('\n')))).map(spreadsheetCells)))))).map(leaderJoined).map(unitsCountedByName))))))))))))))))
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
  // "BẢNG ĐĂNG KÝ CHỈ TIÊU THI ĐUA NĂM 2024" over "CỦA ỦY BAN NHÂN DÂN XÃ …": a title in capitals goes
  // on with whose it is, in capitals on the next line.
  if (/^CỦA\s+\p{Lu}/u.test(next.text) && next.blanksBefore === 0 && !/\p{Ll}/u.test(prev.text) && !/\p{Ll}/u.test(next.text)) return true
  if (CONNECTIVES.has(lastWord) && prev.text.length >= 40) return true
  if (paragraphs) return false
  // A capitalised word after a long line with no stop: a proper noun running on (a PDF line or
  // a page break); a short line is a heading or a title and stands alone.
  return (next.blanksBefore === 0 && prev.text.length >= 60) || (next.blanksBefore >= 2 && prev.text.length >= 80)
}
