// Figures and structure said aloud (issue 13): numbers and percentages written in words, and a
// speech-to-text transcript whose parts, items, bullets and figures were dictated. Each pass is
// gated on evidence in the whole document, so a typed plan is never read as speech.
import { unitInfo } from './lexicon'
import { NEXT_LETTERS, upperFirst } from './lines'

const UNITS_IN_WORDS: Record<string, number> = { một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 }

/**
 * A percentage written in words ("chín mươi phần trăm", "ba mươi lăm phần trăm", "một trăm phần
 * trăm", "90 phần trăm") in figures: "90%", "35%", "100%".
 */
export function percentInWords(line: string): string {
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
export function figuresInWords(given: string): string {
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
export function spokenTranscript(lines: readonly string[]): boolean {
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
export function spokenStructure(lines: readonly string[]): string[] {
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
export function spokenLine(given: string): string {
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
