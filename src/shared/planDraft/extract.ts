// Drafting a plan from the plan's own document (issue 13): the document's text in, a PlanDraft
// out, every item with the span it was read from, how sure the reading is, and the other readings
// when it is genuinely ambiguous. Pure: no DOM, no Node, no I/O. How it reads: docs/domain.md,
// "Drafting a plan from its document".
import * as v from 'valibot'
import { CodeSchema, type Field, type Indicator, IndicatorSchema, PLAN_LIMITS, type Plan, PlanSchema, RESIDENTIAL_UNIT_KINDS, type Target } from '../model'
import { agreesWith, validatePlan } from '../validation'
import { type Line, linesOf, readHeader } from './header'
import {
  type Cue,
  cueBefore,
  decimalHabit,
  type DecimalHabit,
  DIRECTION_RE,
  ALL_UNITS_STATE_RE,
  EACH_UNIT_RE,
  EACH_UNIT_STATE_RE,
  GENERIC_GOAL_RE,
  GOAL_START_RE,
  isStockName,
  INTENSIFIER_RE,
  MEANS_RE,
  NAMING_HEAD_RE,
  PHASE_SECTION_RE,
  ORG_DUTY_RE,
  NON_TARGET_SECTION_RE,
  PER_MILLE_NAME_RE,
  type Post,
  QUANTITY_RE,
  readDigits,
  readPost,
  RESULT_GOAL_RE,
  reviewsPastYear,
  SECTOR_RE,
  SPENDING_RE,
  spelledNumbers,
  STATE_GOAL_RE,
  TARGET_LIST_RE,
  UNIT_NOUN_RE,
  unitFamily,
  unitInfo,
} from './lexicon'
import { plainWords } from '../codes'
import { normalizeText } from './normalize'
import { type Confidence, type Drafted, PLAN_DRAFT_FORMAT, type PlanDraft, type SourceSpan } from './types'

export { normalizeText } from './normalize'

// ---------------------------------------------------------------------------
// Sections

interface Section {
  level: number
  code: string
  name: string
  parent: Section | undefined
  span: SourceSpan
  /** Inside a list of targets: every item is a target, a figure or a yes/no goal. */
  list: boolean
  /** Purposes, requirements, solutions, how the plan is carried out: no targets there. */
  excluded: boolean
  /** A content section (nội dung, nhiệm vụ, chỉ tiêu, giao ước) where qualitative goals live. */
  content: boolean
}

const ROOT: Section = { level: 0, code: 'CHUNG', name: 'Chỉ tiêu chung', parent: undefined, span: { start: 0, end: 0 }, list: false, excluded: false, content: false }

function headingOf(text: string): { level: number; label: string; rest: string } | undefined {
  // "Phần thứ nhất", "PHẦN II. …": the document's parts, above its roman sections.
  let m = /^phần\s+(?:thứ\s+)?(nhất|hai|ba|tư|năm|[IVX]{1,4}|\d)\s*[.:]?\s*(.*)$/iu.exec(text)
  if (m) return { level: 0.5, label: `P${m[1]!.toUpperCase()}`, rest: m[2]! }
  // "PHỤ LỤC – CÁC CHỈ TIÊU THI ĐUA NĂM 2025", "Phụ lục 1: …": an appendix, after the signature.
  m = /^phụ lục(?:\s+(?:số\s+)?([\dIVX]{1,3}))?(?:\s*[-–:.]\s*|\s+)(\p{L}.*)$|^phụ lục(?:\s+(?:số\s+)?([\dIVX]{1,3}))?\s*$/iu.exec(text)
  if (m) return { level: 0.5, label: `PL${(m[1] ?? m[3] ?? '').toUpperCase()}`, rest: m[2] ?? '' }
  m = /^([IVXLC]{1,6})[.)]\s+(.*)$/u.exec(text)
  if (m) return { level: 1, label: m[1]!, rest: m[2]! }
  // "Điều 1. Giao chỉ tiêu thi đua …", "Điều 2. Khen thưởng": the articles of a decision or a resolution.
  m = /^điều\s+(\d{1,2})\s*[.:]\s*(.*)$/iu.exec(text)
  if (m) return { level: 1, label: `Đ${m[1]!}`, rest: m[2]! }
  // "A. Về kinh tế", "B. Về văn hóa – xã hội": groups between the roman sections and the numbered items.
  m = /^([A-HJKMNO-UWYZĐ])[.)]\s+(\p{Lu}.*)$/u.exec(text)
  if (m) return { level: 1.5, label: m[1]!, rest: m[2]! }
  m = /^(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(.*)$/u.exec(text)
  if (m) return { level: 2 + m[1]!.split('.').length - 1, label: m[1]!.split('.').pop()!, rest: m[2]! }
  m = /^(\d{1,2})[.)]\s+(.*)$/u.exec(text)
  if (m) return { level: 2, label: m[1]!, rest: m[2]! }
  m = /^([a-zđ])[).]\s+(.*)$/u.exec(text)
  if (m) return { level: 5, label: m[1]!, rest: m[2]! }
  return undefined
}

/**
 * "NỘI DUNG THI ĐUA", "TỔ CHỨC THỰC HIỆN": a title in capitals alone on its line, two to eight
 * words and no figure, read as a top section where the plan numbers none.
 */
function capsHeading(text: string, n: number): { level: number; label: string; rest: string } | undefined {
  const words = text.trim().split(/\s+/u)
  if (words.length < 2 || words.length > 8 || /\d/u.test(text) || !/^[\p{Lu}\s,–-]+:?$/u.test(text.trim())) return undefined
  return { level: 1, label: `M${n}`, rest: text.trim() }
}

/** A section's name: its first clause, without the trailing colon. */
function sectionName(rest: string): string {
  const first = rest.split(/(?<=[^\d])[.;](?:\s|$)|:\s*$/u)[0] ?? rest
  return clip(first.replace(/[:.\s]+$/u, '').trim(), 200) || rest.slice(0, 200)
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s
  const cut = s.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`
}

// ---------------------------------------------------------------------------
// What the extractor reads before turning it into indicators

interface Found {
  name: string
  span: SourceSpan
  /** Absolute offset of the figure. */
  at: number
  digits: [string, string | undefined]
  unit: string
  cue: Cue | undefined
  post: Post
  /** "Giảm tỷ lệ … 15%": the verb opens the sentence, far from the figure. */
  verbFirst: 'reduce' | 'growth' | undefined
  afterWhole: boolean
  section: Section
  /** What the clause says after the figure: a starting figure it states ("(năm 2025 … 14 vụ)"). */
  rest?: string
  /** "vượt 5% chỉ tiêu tỉnh giao": the figure is how far past the assigned plan (105% of it). */
  overPlan?: boolean
}

interface Built {
  id: string
  value: Indicator
  source: SourceSpan
  confidence: Confidence
  reasons: string[]
  ambiguous: boolean
  alternatives?: Indicator[]
  found?: Found
  /** A crop's output the plan does not state, drafted with no target for its yield's formula. */
  forFormula?: boolean
}

const lowerFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s)
const upperFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

const SUBJECT_AFTER_RE = /^(?:phấn đấu|phân đấu)?\s*(?:hoàn thành|có|đạt|đảm bảo|bảo đảm|giao|trên|khoảng)?$/iu

/** A lead-in pointing back to the targets listed above: "Ngoài các chỉ tiêu trên, ", "Bên cạnh các mục tiêu nêu trên, ", "Ngoài ra, ". */
const LEAD_BACK_RE = /^(?:(?:ngoài|bên cạnh)\s+(?:(?:các|những)\s+)?(?:chỉ tiêu|mục tiêu|nhiệm vụ|nội dung)(?:\s+(?:đã\s+)?nêu)?\s+trên|ngoài ra)\s*,\s*/iu

function cleanName(raw: string): { name: string; whole: boolean } {
  let s = raw.trim()
  let whole = false
  s = s.replace(/^[\s,;.:–-]+/u, '')
  // "…; đồng thời thu ngân sách … đạt …": the connective joins the sentence, it names nothing.
  s = s.replace(/^đồng thời\s+/iu, '')
  // "Ngoài các chỉ tiêu trên, phấn đấu 100% cơ sở …", "Ngoài ra, …": a lead-in that points back to the list names nothing.
  s = s.replace(LEAD_BACK_RE, '')
  // "sản lượng = diện tích × năng suất = 1.480 tấn": the measure is named before the formula.
  s = s.replace(/\s*=.*$/u, '')
  const td = /^(?:trong đó\s*(?:có)?\s*:?|gồm\s*:)\s*/iu.exec(s)
  if (td) {
    whole = true
    s = s.slice(td[0].length)
  }
  // "Toàn xã thi đua đẩy mạnh sản xuất, thu hút đầu tư, phấn đấu tổng giá trị sản xuất …": the measure follows "phấn đấu".
  // ("…, các khu phố, doanh nghiệp phối hợp phấn đấu hoàn thành …": so it does after the units that strive together.)
  const strive = [...s.matchAll(/(?:,\s*|\s(?:phối hợp|cùng nhau|cùng|tích cực)\s+)(?=(?:phấn đấu|phân đấu)\s+)/giu)].pop()
  if (strive && strive.index + strive[0].length < s.length) s = s.slice(strive.index + strive[0].length).trim()
  // "Năm 2026, xã phấn đấu tốc độ tăng …": the year and the commune that strives are no part of the name.
  s = s.replace(/^(?:trong\s+)?năm \d{4},?\s+(?:(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+)?(?=phấn đấu|phân đấu)/iu, '')
  // "…, Ủy ban nhân dân thị trấn đề nghị … phối hợp … để hoàn thành 100% chỉ tiêu giao quân", "…, cùng
  // kéo giảm số vụ …": in a long sentence the measure starts after the last comma or "để" before it.
  if (s.split(/\s+/u).length > 12) {
    // So does "… đề nghị Ủy ban Mặt trận chủ trì vận động Quỹ …": the organisation's part before the measure's verb.
    const lead = [...s.matchAll(/(?:,\s+(?:cùng\s+)?|\s+(?:để|nhằm|chủ trì|phối hợp|cùng)\s+)(?=(?:tỷ lệ|tỉ lệ|số|tổng|thu|chi|giá trị|sản lượng|diện tích|năng suất|hoàn thành|vận động|kéo giảm|giảm|tăng)(?:\s|$))/giu)].pop()
    if (lead) s = s.slice(lead.index + lead[0].length)
  }
  s = s.replace(/^(?:phấn đấu|phân đấu)\s+(?:đạt\s+)?/iu, '')
  // "hoàn thành chỉ tiêu thu ngân sách 186,5 tỷ đồng": the measure is what the assigned figure is of.
  s = s.replace(/^hoàn thành\s+(?:các\s+)?chỉ tiêu\s+(?=(?:thu|chi|tổng|giá trị|sản lượng|diện tích)\s)/iu, '')
  // "Giáo dục: duy trì …": the field's label before the goal.
  s = s.replace(/^\p{Lu}[\p{L} ,–-]{1,30}:\s+(?=(?:duy trì|giữ vững|đảm bảo|bảo đảm|hoàn thành|không để)(?:\s|$))/u, '')
  // "Về quốc phòng, an ninh và xây dựng chính quyền: Hoàn thành 100% …": a field's label opening the paragraph.
  s = s.replace(/^về\s[^:;.]{2,60}:\s+/iu, '')
  // "đưa tỷ lệ hộ nghèo … xuống dưới 0,5%", "nâng độ che phủ rừng lên …": the verb moves the measure named after it.
  s = s.replace(/^(?:đưa|nâng|kéo|giữ)\s+(?=(?:tỷ lệ|tỉ lệ|số|tổng|độ|mức)\s)/iu, '')
  // ("Tỷ lệ hộ nghèo giảm còn dưới 0,8%": the verb before a ceiling is no part of the measure's name.)
  s = s.replace(/(?:\s*(?:[:,–-]|là|duy trì ở mức|duy trì|ở mức|phấn đấu|đạt|cho|với|gồm|được|(?<=\p{L}\s+)(?:kéo\s+)?giảm(?:\s+xuống)?))+\s*$/iu, '')
  return { name: s.trim(), whole }
}

/**
 * "100% doanh nghiệp có từ 25 lao động trở lên thành lập …", "hộ có trên 2 ha trở lên": a size
 * that says which units are counted qualifies the subject; it is no figure of its own.
 */
const SIZE_QUALIFIER_RE = /(?<![\p{L}])có\s+(?:từ\s+|trên\s+)?\d[\d.,]*\s+[^\d;,.]{1,30}?\s+trở\s+(?:lên|xuống)(?![\p{L}])/giu

/** A subject after its figure holds another figure (not a size that says which units are counted). */
const subjectFigure = (subject: string): boolean => new RegExp(QUANTITY_RE.source, 'iu').test(subject.replace(SIZE_QUALIFIER_RE, ' '))

/** "19/19 tiêu chí": a share that is the whole. */
function wholeFraction(figure: string): boolean {
  const f = /^(\d+)\/(\d+)/u.exec(figure)
  return f !== null && f[1] === f[2]
}

/** The words of a figure stated as it stands, not set as a target (see findTargets). */
const STATED_RE = /(?:^|[\s,(])(?:đầu (?:năm|kỳ)(?:\s+\d{4})?\s[^;]*?\bcó|hiện (?:có|nay có|còn)|mức (?:hỗ trợ|thưởng|chi|phụ cấp|đóng góp)(?:[^;]*?\blà)?|định mức(?:[^;]*?\blà)?)\s*$/iu

/** A verb that keeps what exists ("duy trì", "giữ vững", "giữ ổn định", "bảo vệ"): its figure is a level to hold. */
const KEEP_RE = /(?<![\p{L}])(?:duy trì|giữ vững|giữ ổn định|ổn định|bảo vệ|quản lý,? bảo vệ)(?![\p{L}])/iu

/** A length or an area: where a duty is done may be measured so. */
const EXTENT_UNITS = new Set(['km', 'ha', 'm', 'm²', 'km²'])
/**
 * "Quản lý, bảo vệ vững chắc … an ninh biên giới trên 11,6 km đường biên": after a duty of
 * guarding whose object is already named, "trên" before a length or an area is "on", where the
 * duty is done, not "more than". "Bảo vệ tốt trên 300 ha rừng" (the figure is the object) bounds it.
 */
const GUARD_ON_RE =
  /(?<![\p{L}])(?:quản lý|bảo vệ|tuần tra|kiểm soát|canh gác)(?:[\s,]+(?:và\s+)?(?:quản lý|bảo vệ|tuần tra|kiểm soát|canh gác|tốt|vững chắc|chặt chẽ|hiệu quả))*\s+(?!(?:quản lý|bảo vệ|tuần tra|kiểm soát|canh gác|tốt|vững chắc|chặt chẽ|hiệu quả|trên)(?![\p{L}]))\p{L}[^;]*?\s+trên\s*$/iu
function guardedExtent(before: string, unit: string | undefined): boolean {
  return unit !== undefined && EXTENT_UNITS.has(unitInfo(unit)?.canonical ?? unit) && GUARD_ON_RE.test(before)
}

/** Where sentences and clauses end inside a line: ";" and ". " before a capital or the end. */
function breaksOf(text: string): number[] {
  const out: number[] = []
  // A sentence may open on its figure ("… điểm nóng. 100% thôn đạt …"): a stop before a figure ends one too.
  for (const m of text.matchAll(/;|\.(?=\s+\p{Lu}|\s*$)|(?<!\d)\.(?=\s+\d)|:(?=\s*$)/gu)) out.push(m.index + 1)
  // "… các chỉ tiêu chủ yếu sau: (1) Tổng giá trị sản xuất …; (2) …": an item's number in the line opens a clause.
  for (const m of text.matchAll(/(?<=[\s:;])\(\d{1,2}\)\s/gu)) out.push(m.index + m[0].length)
  out.sort((x, y) => x - y)
  return [...out, ...goalJoins(text, out).map((j) => j.next)].sort((x, y) => x - y)
}

/**
 * Where a figure-less goal and a figure's clause are joined by "và" or ", đồng thời" inside one
 * clause: "Xã giữ vững chuẩn nông thôn mới và đạt thêm 02 tiêu chí …", "kéo giảm tai nạn giao
 * thông trên cả ba tiêu chí và tỷ lệ điều tra … đạt trên 80%", "… đàn lợn đạt 21.500 con, đồng
 * thời không để dịch bệnh lớn xảy ra". Each side is its own item: the offsets just after the
 * joining words. "Giữ vững an ninh chính trị và trật tự an toàn xã hội" (no figure, no second
 * goal) and "giảm 12 hộ nghèo và 20 hộ cận nghèo" (figures on both sides) are one clause.
 * `at` is where the joining words start, `next` where the second item does.
 */
function goalJoins(text: string, breaks: readonly number[]): { at: number; next: number }[] {
  const out: { at: number; next: number }[] = []
  // "… và đường thủy trên cả 3 tiêu chí": all of a set, named by their number, is no figure.
  const figures = new RegExp(QUANTITY_RE.source, 'giu')
  const figure = { test: (t: string): boolean => [...t.matchAll(figures)].some((q) => !/(?:^|\s)cả\s*$/iu.test(t.slice(0, q.index))) }
  // A target's figure: not all of a set ("Giữ vững 19/19 tiêu chí …"), not where a duty is done ("… trên 11,6 km đường biên").
  const target = (t: string): boolean => [...t.matchAll(figures)].some((q) => !/(?:^|\s)cả\s*$/iu.test(t.slice(0, q.index)) && !wholeFraction(q[0]) && !guardedExtent(t.slice(0, q.index), q[5]))
  const goal = (t: string): boolean => {
    const body = goalBody(t.trim().replace(/^[-–,.;:\s]+/u, ''))
    // "Các trường học, trạm y tế và các thôn thi đua …": a list of subjects is no goal of its own.
    return body.split(/\s+/u).length >= 4 && isGoal(body) && !/^(?:các|mỗi|từng)\s/iu.test(body) && !figure.test(body) && !insideQuote(t, t.length - 1)
  }
  // ", không để …" after a figure's clause is a result of its own: "Bảo vệ tốt 312 ha rừng phòng hộ hiện có, không để xảy ra cháy rừng".
  for (const m of text.matchAll(/\s+và\s+|,\s+đồng thời\s+|,\s+(?=không để\s)|,\s+(?=(\d{1,3})\/\1\s+\p{L})/gu)) {
    const from = Math.max(0, ...breaks.filter((b) => b <= m.index), ...out.map((j) => j.next))
    const to = Math.min(text.length, ...breaks.filter((b) => b > m.index))
    const head = text.slice(from, m.index)
    const rest = text.slice(m.index + m[0].length, to)
    // "Tỷ lệ gia đình văn hóa đạt 93%, 12/12 thôn đạt danh hiệu văn hóa": after a figure, all of
    // the villages keeping a state is a goal of its own (a yes/no each reports).
    if (m[1] !== undefined) {
      if (figure.test(head) && REACHED_RE.test(rest.trim()) && !figure.test(rest.replace(/^\d{1,3}\/\d{1,3}/u, ''))) out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    // After a figure, "và" may join a second verb to the same object ("lắp đặt và duy trì hoạt
    // động …"): only a result ("không để …", "giữ vững …") or ", đồng thời" starts a goal of its own.
    if (/^,\s+$/u.test(m[0])) {
      if (target(head) && goal(rest)) out.push({ at: m.index, next: m.index + m[0].length })
      continue
    }
    const second = goal(rest) && (m[0].startsWith(',') || /^(?:không để|không còn|giữ vững)\s/iu.test(rest) || (/^\p{Lu}/u.test(rest.trim()) && REACHED_RE.test(rest.trim())))
    if ((goal(head) && figure.test(rest)) || (figure.test(head) && second)) out.push({ at: m.index, next: m.index + m[0].length })
  }
  return out
}

function findTargets(line: Line, section: Section, subjectMode: boolean): Found[] {
  // "thành lập mới hai hợp tác xã": a count in words is read as its digits (same offsets).
  const text = spelledNumbers(line.text)
  const breaks = breaksOf(text)
  let breakAt = 0
  let lastBreak = 0
  const out: Found[] = []
  // What follows a figure is read within a window: a line may be a whole document.
  const after = (from: number): string => text.slice(from, from + 600)
  let boundary = 0
  // The sentence (by the break it starts at) whose figure was a stated one, not a target.
  let stated = -1
  const wholeAt = (() => {
    // "Diện tích lúa cả năm 610 ha (vụ Xuân 310 ha, vụ Mùa 300 ha)": the seasons in brackets are the year's parts.
    const m = /(?<![\p{L}])(?:trong đó|gồm\s*:)|\((?=\s*vụ\s+\p{L}+\s+(?:[\p{L}]+\s+)?\d)/iu.exec(text)
    return m ? m.index : -1
  })()
  const re = new RegExp(QUANTITY_RE.source, QUANTITY_RE.flags)
  for (let m = re.exec(text); m !== null && out.length < PLAN_LIMITS.indicators; m = re.exec(text)) {
    const at = m.index
    if (at < boundary) continue
    while (breakAt < breaks.length && (breaks[breakAt] ?? Infinity) <= at) lastBreak = breaks[breakAt++] ?? lastBreak
    const segStart = Math.max(boundary, lastBreak)
    const before = text.slice(segStart, at)
    // "Giữ vững 19/19 tiêu chí", "duy trì 3/3 trường": all of them, a state to keep (a yes/no goal).
    if (wholeFraction(m[0])) continue
    // An operand of a product written out ("2.830 ha × 60 tạ/ha = 16.980 tấn") is no target of its own.
    if (/[×x*]\s*$/u.test(before) || /^\s*[×x*]\s/u.test(text.slice(at + m[0].length, at + m[0].length + 3))) continue
    // "trên 1 ha", "mỗi 1 người", "trên 01 ha" (one written with its leading zero): per one unit, a denominator and not a figure.
    if (/^0?1$/u.test(m[1]!) && /(?:trên|mỗi|cho)\s*$/iu.test(before) && new RegExp(QUANTITY_RE.source, 'iu').test(after(at + m[0].length))) continue
    // A figure in brackets that states where things stand ("(cuối năm 2024, tỷ lệ hộ nghèo là
    // 4,86%)", "(năm 2024 xảy ra 7 vụ)") is a starting point. "X không tăng so với năm 2024 (năm
    // 2024 xảy ra 7 vụ)": that figure is the ceiling of X.
    const open = text.lastIndexOf('(', at)
    // "Xây mới 12 căn (Giai đoạn 1: 4 căn; Giai đoạn 2: 5 căn; …)", "(Quý I: 20%, …)": the year's
    // figure shared out over the plan's phases or quarters, not targets of their own.
    if (open !== -1 && text.indexOf(')', open) >= at + m[0].length && /^\(\s*(?:giai đoạn|đợt|quý|(?:6|9|sáu|chín) tháng)(?![\p{L}])/iu.test(text.slice(open))) continue
    // "(xã … được thành lập …; năm 2025 toàn xã …, tỷ lệ hộ nghèo cuối năm 2025 còn 3,12%, xảy ra 10 vụ …)":
    // a long bracket on where things stand, cut by ";" inside, is a starting point throughout.
    if (open !== -1 && open < segStart - 1 && !text.slice(open, at).includes(')') && text.indexOf(')', open) >= at + m[0].length && /năm \d{4}|đầu năm|cuối năm/iu.test(text.slice(open, at))) continue
    // "(tỉnh giao 16 tỷ đồng, huyện giao 17 tỷ đồng)": the figures others assign, in brackets after the commune's own.
    if (open !== -1 && text.indexOf(')', open) >= at + m[0].length && !text.slice(open, at).includes(')') && /(?<![\p{L}])giao\s*(?:là\s*|:\s*)?$/iu.test(text.slice(open, at))) continue
    // "(đoạn từ cầu Lạc Sơn đến chợ An Lạc, dài 1,2 km)": a size in brackets describes, it sets nothing.
    if (open !== -1 && open >= segStart - 1 && text.indexOf(')', open) >= at + m[0].length && /(?:dài|rộng|cao|quy mô|tổng chiều dài|diện tích)\s*(?:khoảng\s+)?$/iu.test(text.slice(open, at))) continue
    if (open !== -1 && open >= segStart - 1 && text.indexOf(')', open) >= at + m[0].length && /\d{4}|hiện|đầu năm|cuối năm/iu.test(text.slice(open, at))) {
      const held = /([^,;:()]+?)\s+không (?:tăng|vượt)(?:\s+(?:so với\s+)?(?:năm (\d{4})|năm trước|cùng kỳ(?: năm trước)?))?\s*$/iu.exec(text.slice(lastBreak, open))
      const spanEnd = text.indexOf(')', open) + 1
      if (held && m[5] !== undefined) {
        out.push({
          name: cleanName(held[1]!).name,
          span: { start: line.start + lastBreak + held.index + (held[0].length - held[0].trimStart().length), end: line.start + spanEnd },
          at: line.start + at,
          digits: [m[1]!, undefined],
          unit: m[5],
          cue: { kind: 'at_most', strict: false },
          post: readPost(''),
          verbFirst: undefined,
          afterWhole: false,
          section,
        })
        boundary = spanEnd
      }
      continue
    }
    // "giảm cả 3 tiêu chí", "trên cả hai vụ": all of a set, named by their number, not a target.
    if (/(?:^|\s)cả\s*$/iu.test(before)) continue
    if (guardedExtent(before, m[5])) continue
    // "trong đó lúa 2 vụ: diện tích 215 ha, …": a figure before a colon labels what follows.
    if (/^\s*:/u.test(after(at + m[0].length))) continue
    // "Giảm 12 hộ nghèo và 20 hộ cận nghèo": a figure joined by "và" to the one before takes its cue.
    const joined = /^\s*và\s*$/iu.test(before) && out.length > 0 && out[out.length - 1]!.cue !== undefined && segStart === boundary
    let cueMatch = cueBefore(before) ?? (joined ? { cue: out[out.length - 1]!.cue!, word: 'và', at: 0 } : undefined)
    // "Giảm tỷ lệ hộ nghèo từ 3 - 4%": the verb opening the clause says what the range is.
    // ("từ" is then no word of the name either: "Tỷ lệ hộ nghèo", not "Tỷ lệ hộ nghèo từ".)
    let nameEnd: number | undefined
    if (cueMatch?.word === 'từ' && /^[\s,;.:–-]*(?:phấn đấu\s+)?giảm\s/iu.test(before)) {
      nameEnd = cueMatch.at
      cueMatch = undefined
    }
    // "đạt thêm 02 tiêu chí, nâng tổng số tiêu chí đạt lên 14/19": the total is the target.
    if (/thêm\s*$/iu.test(before) && /^[^.;]*?,\s*nâng tổng(?: số)?\s/iu.test(after(at + m[0].length))) continue
    // "thôn hoàn thành 100% chỉ tiêu thưởng 3 triệu đồng": a clause that sets an award, its figures the award's conditions.
    if (/(?<![\p{L}])thưởng\s+(?:mức\s+)?\d/iu.test(text.slice(segStart, breaks.find((x) => x > at) ?? text.length))) continue
    // "mỗi thôn đăng ký ít nhất 01 công trình": units' choices to make, a duty of the movement.
    if (/(?:đăng ký|lựa chọn|chọn)\s+(?:thực hiện\s+)?(?:ít nhất|tối thiểu)?\s*$/iu.test(before)) continue
    // "đến ngày 30/6/2024 cứng hóa được 3,2 km; đến ngày 31/12/2024 cứng hóa đạt 7,5 km": a
    // milestone within the year leads to the year's target, it is not one.
    if (midYearMilestone(before)) continue
    // "(mỗi tháng ít nhất 02 đợt ra quân)": how often a duty is done, not a target of the year.
    if (/(?:mỗi|hằng|hàng)\s+(?:tháng|quý|tuần|ngày)\s+(?:ít nhất|tối thiểu|từ)?\s*$/iu.test(before)) continue
    // "Mỗi thôn có ít nhất 01 tuyến đường hoa", "mỗi TDP ven biển duy trì ít nhất 01 đội", "vận
    // động mỗi buôn xây dựng 01 mô hình": a figure asked of each village is no commune target (the
    // list's clause is a state every village reports, or a duty).
    if (EACH_UNIT_RE.test(before)) continue
    // "100% tổ dân phố duy trì ít nhất 01 tuyến …": the same state of every unit, said as a rate (both figures).
    const allUnits = ALL_UNITS_STATE_RE.exec(text.slice(segStart))
    if (allUnits && at >= segStart + allUnits.index && at < segStart + allUnits.index + allUnits[0].length) continue
    // "mỗi chi hội nhận đỡ đầu ít nhất một hộ nghèo": a quota of each organisation, a duty of the movement.
    if (/(?:^|[,;])\s*(?:[-+•]\s*)?mỗi\s+(?:chi hội|chi đoàn|hội viên|đoàn viên|đảng viên|cán bộ|hội|đoàn thể)(?:,\s*(?:chi hội|chi đoàn|hội viên|đoàn viên|đảng viên|cán bộ|hội|đoàn thể))*(?![\p{L}])[^,;]*$/iu.test(before)) continue
    // A figure the plan states as it stands or gives ("đầu năm 2026 toàn xã có 148 hộ nghèo",
    // "chiếm 1,62%", "mức hỗ trợ … là 40.000.000 đồng/hộ") is a starting point, not a target.
    // So is its share ("…, chiếm 1,62% tổng số hộ") in the same sentence.
    if (stated === lastBreak && cueMatch?.word === 'chiếm') continue
    // "duy trì diện tích chè hiện có 520 ha", "giữ ổn định 140 ha … hiện có": what exists, kept, is the level to keep (a target).
    const kept = /(?<![\p{L}])hiện (?:có|nay có)\s*$/iu.test(before) && KEEP_RE.test(before)
    if (!cueMatch && !kept && !/phấn đấu|giảm|tăng/iu.test(before) && STATED_RE.test(before)) {
      stated = lastBreak
      continue
    }
    const cleaned = cleanName(before.slice(0, cueMatch?.at ?? nameEnd ?? before.length))
    const whole = cleaned.whole
    let name = cleaned.name
    // The name starts after the spaces and separators that open the segment (counted once).
    // ("Ngoài các chỉ tiêu trên, …": the lead-in back to the list is no part of the item either.)
    const opening = /^[\s,;.:–-]*/u.exec(before)?.[0].length ?? 0
    const lead = segStart + opening + (LEAD_BACK_RE.exec(before.slice(opening))?.[0].length ?? 0)
    // "100% trường học …": the % is the figure's unit and the noun after it the units it counts.
    // So is a counted noun after it: "100% cơ sở kinh doanh …", "100% hộ …".
    const percentOf = m[2] !== undefined && m[5] !== undefined && (UNIT_NOUN_RE.test(m[5]) || unitInfo(m[5])?.integer === true)
    const figure = percentOf ? m[0].slice(0, m[0].length - m[5]!.length).trimEnd() : m[0]
    let end = at + figure.length
    const post = readPost(after(end))
    const overPlan = /(?<![\p{L}])vượt\s*$/iu.test(before) && /^%$/u.test(m[2] ?? m[4] ?? '') && /^\s*(?:mức\s+)?(?:chỉ tiêu|kế hoạch|dự toán)(?![\p{L}])/iu.test(after(end))
    end += post.length
    if (/^điểm/iu.test(m[5] ?? '')) post.points = true
    // "Hoàn thành 100% xây dựng …", "100% thôn văn hóa": the subject follows the figure.
    const bareVerb = SUBJECT_AFTER_RE.test(name)
    const shortName = name.split(/\s+/u).length <= 2 && !/^(?:tỷ lệ|số|tổng|diện tích|năng suất|sản lượng)/iu.test(name)
    // "…, phấn đấu 100% thôn đạt danh hiệu …": the units that each reach it follow the figure.
    const unitsAfter = /^100\s*%$/u.test(figure) && UNIT_NOUN_RE.test(after(end).trimStart())
    if (unitsAfter) name = ''
    if (subjectMode && (bareVerb || shortName || unitsAfter) && /^\s+\p{L}/u.test(after(end))) {
      // The subject ends at the clause's end ("… vào lớp 1 và Trường Mầm non … được công nhận …").
      const nextBreak = breaks.find((x) => x > end)
      const rest = nextBreak !== undefined ? text.slice(end, nextBreak) : after(end)
      const byComma = /;|,(?!\d)|\.(?=\s|$)|\s\(|\s+so với\s|\s+và\s+(?=\d)/u
      // (", đồng thời …" opens a statement of its own: "100% thôn giữ vững danh hiệu …, đồng thời trường … được công nhận …".)
      let stop = rest.search(bareVerb ? /;|\.(?=\s|$)|\s\(|\s+so với\s|\s+và\s+(?=\d)|,\s+đồng thời\s/u : byComma)
      // A subject running to ";" that holds another figure ends at its comma ("…, đưa tỷ lệ … dưới 0,5%").
      if (bareVerb && subjectFigure(stop === -1 ? rest : rest.slice(0, stop))) stop = rest.search(byComma)
      // ("… vào lớp 1 và Trường … được công nhận …": the joining word before another goal is no part of it.)
      const subject = (stop === -1 ? rest : rest.slice(0, stop)).trim().replace(/(?:,|\s+(?:và|đồng thời))$/u, '')
      if (subject !== '' && !subjectFigure(subject)) {
        if (/trở lên/iu.test(subject)) post.orMore = true
        // "Giảm 12 hộ nghèo": the cue took every word before the figure, its unit names what is counted.
        // ("Có 12/15 thôn, buôn đạt danh hiệu …": so does a bare "có".)
        // ("Có thêm 02 sản phẩm được công nhận …": the new ones, "Số sản phẩm mới được công nhận …".)
        const bare = /^(?:có\s+)?thêm$|^có$/iu.test(name)
        const counted = (name === '' || bare) && m[5] !== undefined && m[2] === undefined && !percentOf && unitInfo(m[5])?.integer === true ? `Số ${m[5]}${/thêm$/iu.test(name) ? ' mới' : ''}` : ''
        name = [counted, counted !== '' ? '' : name.replace(/^(?:phấn đấu|phân đấu)?\s*(?:có|đạt|trên|khoảng)$/iu, ''), subject.replace(/\s*trở lên\s*$/iu, '')].filter((x) => x !== '').join(' ')
        end += stop === -1 ? rest.length : stop
        // "Giảm ít nhất 10% số vụ … so với năm 2025": the comparison follows the subject.
        const more = readPost(after(end))
        if (more.length > 0) {
          post.baseYear ??= more.baseYear
          post.sinceStart ||= more.sinceStart
          post.orMore ||= more.orMore
          post.orLess ||= more.orLess
          post.points ||= more.points
          end += more.length
        }
      }
    }
    if (name === '') name = before.trim()
    // "đạt 9 bác sĩ/vạn dân và 14 giường bệnh/vạn dân": a figure joined by "và" with no words of its own is named by its unit.
    if (/^(?:và|đồng thời)$/iu.test(name) && m[5] !== undefined) name = `Số ${m[5]}`
    // The clause's tail ("ở các cấp", "năm 2022") belongs to the source, up to the next separator.
    // A comma inside a number ("từ 4,85% xuống còn 3,65%") separates nothing.
    // "nông nghiệp 31,4% - công nghiệp, xây dựng 27,8%": a dash between figures' clauses ends one.
    let tail = after(end).search(/;|,(?!\d)|\.(?=\s|$)|\s+và\s+(?=\d)|\s[-–]\s(?=\p{L})|\s*\((?=\s*vụ\s+\p{L}+\s+(?:\p{L}+\s+)?\d)/iu)
    // "… đạt 98% và trẻ 6 tuổi vào lớp 1 đạt 100%": "và" opening another figure's clause ends this one.
    const joinAt = after(end).slice(0, tail === -1 ? undefined : tail).search(/\s+(?:và|đồng thời)\s+(?=\D)/u)
    if (joinAt !== -1 && new RegExp(QUANTITY_RE.source, 'iu').test(after(end).slice(joinAt, tail === -1 ? undefined : tail))) tail = joinAt
    const spanEnd = tail === -1 ? Math.min(text.length, end + 600) : end + tail
    // "Giảm số hộ nghèo 15%", "kéo giảm số vụ tai nạn giao thông ít nhất 10%": the verb far before the figure.
    const atLeastWord = cueMatch === undefined || /^(?:ít nhất|tối thiểu)$/iu.test(cueMatch.word)
    const verbFirst = /^(?:kéo\s+)?giảm\s/iu.test(name) && atLeastWord ? 'reduce' : /^tăng\s/iu.test(name) && cueMatch === undefined ? 'growth' : undefined
    out.push({
      name,
      span: { start: line.start + Math.min(lead, at), end: line.start + spanEnd },
      at: line.start + at,
      digits: [m[1]!, m[3]],
      unit: m[2] ?? m[4] ?? m[5] ?? '',
      cue: cueMatch?.cue,
      post,
      verbFirst,
      afterWhole: whole || (wholeAt !== -1 && at > wholeAt),
      section,
      rest: text.slice(end, spanEnd),
      ...(overPlan ? { overPlan } : {}),
    })
    boundary = spanEnd + 1
    re.lastIndex = Math.max(re.lastIndex, end)
  }
  return out
}

// ---------------------------------------------------------------------------
// A figure to an indicator

interface Reading {
  name: string
  unitOfMeasure: string
  aggregation: Indicator['aggregation']
  scale?: 1 | 100 | 1000
  proportion?: boolean
  target: Target
}

/**
 * A measure of what is to be brought down ("Tỷ lệ hộ nghèo", "Số vụ tai nạn giao thông", "Tỷ lệ trẻ
 * em dưới 5 tuổi suy dinh dưỡng"): a bare figure for it is a ceiling. "Số hộ thoát nghèo" is not one.
 */
const LOWER_BETTER_RE =
  /^(?:tỷ lệ|tỷ suất|số(?: vụ)?)\s+(?:[^,;|]{0,40}?\s)?(?:hộ nghèo|hộ cận nghèo|hộ tái nghèo|suy dinh dưỡng|tai nạn|tội phạm|phạm pháp|sinh con thứ ba|thất nghiệp|bỏ học|cháy|nổ|ma túy|ngộ độc|đuối nước|tảo hôn|bạo lực gia đình)(?![\p{L}])/iu

/** A village or residential group named as such: "thôn Nà Lừa", "tổ dân phố Hòa Bình", "bản Chang". */
const VILLAGE_NAME_RE = /^(?:thôn|bản|ấp|tổ dân phố|tổ|khu phố|khóm|làng|buôn|sóc)\s+\p{Lu}/u

/** How the document writes: its decimal sign, and the money unit it counts in. */
interface DocHabits {
  /** The whole text, where a starting figure stated elsewhere is looked for. */
  text: string
  habit: DecimalHabit
  /** "tỷ đồng" or "triệu đồng", whichever the document uses more: a growth in money is in it. */
  money: string
  /** The money unit of the last growth in money read: its parts ("trong đó …") are in it too. */
  lastGrowthMoney?: string
}

/**
 * Where the document states a measure in money ("Năm 2025, … tổng giá trị sản xuất đạt 2.146 tỷ
 * đồng"): its unit, and the figure when the sentence is about `baseYear`.
 */
function statedMoney(name: string, doc: DocHabits, baseYear: number | undefined): { unit: string; value?: number } | undefined {
  const head = name.split(/\s+/u).slice(0, 5).join(' ').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
  if (head.split(/\s+/u).length < 2) return undefined
  const m = new RegExp(String.raw`${head}[^.;\d]{0,40}?(\d[\d.,]*)\s*(tỷ|tỉ|triệu)\s*đồng(?![\p{L}/])`, 'iu').exec(doc.text)
  if (!m) return undefined
  const unit = m[2] === 'triệu' ? 'triệu đồng' : 'tỷ đồng'
  const sentence = doc.text.slice(Math.max(0, doc.text.lastIndexOf('\n', m.index) + 1, doc.text.lastIndexOf('. ', m.index) + 2), m.index)
  const value = baseYear !== undefined && new RegExp(String.raw`năm ${baseYear}(?!\d)`, 'iu').test(sentence) ? readDigits(m[1]!, { integer: false, percent: false, habit: doc.habit })?.value : undefined
  return { unit, ...(value !== undefined ? { value } : {}) }
}

function docHabits(text: string): DocHabits {
  const count = (re: RegExp): number => (text.match(re) ?? []).length
  return { text, habit: decimalHabit(text), money: count(/tỷ đồng|tỉ đồng/giu) > count(/triệu đồng|tr\.đồng/giu) ? 'tỷ đồng' : 'triệu đồng' }
}

function toIndicatorShape(f: Found, year: number | undefined, doc: DocHabits, reasons: string[]): { main: Reading; alternatives: Reading[]; confidence: Confidence } {
  const { habit } = doc
  let unit = f.unit === '' ? '' : (unitInfo(f.unit)?.canonical ?? f.unit)
  // "Thu nhập bình quân đầu người đạt 62 triệu đồng/năm": per person, as the name says.
  if (/^triệu đồng(?:\/năm)?$/u.test(unit) && /đầu người/iu.test(f.name)) unit = 'triệu đồng/người/năm'
  // "Giá trị sản xuất trên 1 ha đất canh tác | triệu đồng | 135": per hectare, as the name says.
  if (unit === 'triệu đồng' && /(?:trên|mỗi|\/)\s*(?:0?1|một)?\s*ha(?![\p{L}])/iu.test(f.name)) unit = 'triệu đồng/ha'
  const percent = unit === '%' || unit === '‰'
  const info = unitInfo(unit)
  const first = readDigits(f.digits[0], { integer: info?.integer ?? false, percent, habit })
  const second = f.digits[1] !== undefined ? readDigits(f.digits[1], { integer: info?.integer ?? false, percent, habit }) : undefined
  let confidence: Confidence = 'high'
  if (!first || (f.digits[1] !== undefined && !second)) {
    reasons.push(`không đọc được số “${f.digits.filter(Boolean).join(' – ')}”`)
    confidence = 'low'
  }
  const a = first?.value ?? 0
  const b = second?.value
  for (const r of [first, second]) {
    if (!r) continue
    reasons.push(...r.reasons)
    if (r.unusual) confidence = 'medium'
  }
  // "Giảm tỷ lệ … 15%": the verb is the target's, the rest is the indicator's name.
  // "Tốc độ tăng giá trị sản xuất bình quân đạt 6,5% so với năm 2024": a growth of what follows.
  const pace = percent ? /^tốc độ tăng(?:\s+trưởng)?\s+(?=\p{L})/iu.exec(f.name) : null
  const name = upperFirst((pace ? f.name.slice(pace[0].length) : f.verbFirst ? f.name.replace(/^(?:(?:kéo\s+)?giảm|tăng)\s+/iu, '') : f.name) || 'Chỉ tiêu')
  const cue = f.cue
  const post = f.post
  const isRateName = /^(?:tỷ|tỉ) (?:lệ|suất)/iu.test(name)
  if (unit === '%' && PER_MILLE_NAME_RE.test(name) && a >= 3) {
    reasons.push(`tỷ lệ dân số tự nhiên ${a}% là không thể: hiểu là ${a}‰ (ký hiệu ‰ thường mất khi chép từ PDF)`)
    unit = '‰'
    confidence = 'low'
  }
  const rateShape = (): Pick<Reading, 'aggregation' | 'scale' | 'proportion' | 'unitOfMeasure' | 'name'> => {
    const proportion = !/tăng dân số|dân số tự nhiên|tỷ suất|tốc độ|bình quân/iu.test(name)
    return {
      name: isRateName ? name : `Tỷ lệ ${lowerFirst(name)}`,
      unitOfMeasure: unit,
      aggregation: 'rate',
      scale: unit === '‰' ? 1000 : 100,
      ...(proportion ? {} : { proportion: false }),
    }
  }
  const amountShape = (stockHint: boolean): Pick<Reading, 'aggregation' | 'scale' | 'proportion' | 'unitOfMeasure' | 'name'> => {
    if (unit.includes('/')) return { name, unitOfMeasure: unit, aggregation: 'rate', scale: 1, proportion: false }
    return { name, unitOfMeasure: unit, aggregation: stockHint || isStockName(name) ? 'stock' : 'flow' }
  }
  const alternatives: Reading[] = []
  const withNumbers = (make: (x: number, y: number | undefined) => Target): void => {
    for (const alt of first?.alternatives ?? []) alternatives.push({ ...main, target: make(alt, b) })
    for (const alt of second?.alternatives ?? []) alternatives.push({ ...main, target: make(a, alt) })
  }
  let main: Reading
  const kind = pace && (cue === undefined || cue.kind === 'at_least') ? 'growth' : (f.verbFirst ?? cue?.kind)
  if (f.overPlan && b === undefined) {
    // "Thu ngân sách … vượt 5% chỉ tiêu tỉnh giao": at least 105% of the assigned figure.
    const of = Math.round((100 + a) * 1000) / 1000
    reasons.push(`vượt ${f.digits[0]}% chỉ tiêu được giao: đạt từ ${String(of).replace('.', ',')}% chỉ tiêu trở lên`)
    const measure = name.replace(/\s+vượt$/iu, '')
    main = { name: /^(?:tỷ|tỉ) lệ/iu.test(measure) ? measure : `Tỷ lệ ${lowerFirst(measure)} so với chỉ tiêu được giao`, unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: false, target: { kind: 'rate_at_least', value: of } }
    if (confidence === 'high') confidence = 'medium'
  } else if (kind === 'growth' && percent) {
    const base = post.baseYear === 'previous' || post.baseYear === undefined ? (year !== undefined ? year - 1 : undefined) : post.baseYear
    if (post.baseYear === undefined) reasons.push(`không nói “so với năm nào”: lấy năm trước năm kế hoạch (${base ?? '?'})`)
    // (GTSX: giá trị sản xuất, as a short message writes it.)
    const inMoney = /giá trị|doanh thu|thu nhập|thu ngân sách|vốn|tổng thu|tổng chi|tổng mức bán lẻ|(?<![\p{L}])GTSX(?![\p{L}])/iu.test(name)
    const stated = inMoney ? statedMoney(name, doc, base) : undefined
    const make = (x: number, y: number | undefined): Target => ({ kind: 'growth', percent: x, ...(y !== undefined ? { maxPercent: y } : {}), baseYear: base ?? 2000, ...(stated?.value !== undefined ? { baseValue: stated.value } : {}) })
    // A part of a growth in money ("trong đó nông, lâm nghiệp và thủy sản tăng 3,5%") is in the whole's unit.
    const partOfMoney = !inMoney && f.afterWhole && doc.lastGrowthMoney !== undefined
    const valueUnit = stated?.unit ?? (inMoney ? doc.money : partOfMoney ? doc.lastGrowthMoney! : /sản lượng/iu.test(name) ? 'tấn' : /dân số/iu.test(name) ? 'người' : 'chưa rõ')
    if (stated) reasons.push(`đơn vị tính theo số đã nêu trong văn bản (${stated.unit}${stated.value !== undefined ? `, năm ${base}: ${String(stated.value).replace('.', ',')}` : ''})`)
    if (inMoney || partOfMoney) doc.lastGrowthMoney = valueUnit
    if (valueUnit === 'chưa rõ') {
      reasons.push('chỉ tiêu tăng trưởng: đơn vị tính của con số gốc chưa rõ')
      confidence = 'low'
    }
    main = { name, unitOfMeasure: valueUnit, aggregation: isStockName(name) ? 'stock' : 'flow', target: make(a, b) }
    if (base === undefined) confidence = 'low'
    withNumbers(make)
  } else if (kind === 'reduce') {
    if (percent) {
      // A cut in ‰ ("tỷ suất sinh thô giảm 0,3‰") is in points: a share of the start would be written in %.
      const points = post.points || unit === '‰'
      const relative = post.sinceStart || (post.baseYear !== undefined && !points) || (f.verbFirst !== undefined && !points)
      const make = (x: number, y: number | undefined, rel: boolean): Target => ({ kind: 'reduce_by', amount: x, ...(y !== undefined ? { max: y } : {}), ...(rel ? { relative: true } : {}) })
      if (isRateName || /tỷ lệ|tỷ suất/iu.test(name)) {
        // "Giảm tỷ lệ hộ nghèo 1,5%", "tỷ lệ sinh con thứ ba giảm 0,2% so với năm 2024": a small cut
        // of a rate is read first in points, as plans mean it; the other readings stay.
        // ("giảm từ 0,8% trở lên so với đầu năm" on a rate is points as well.)
        const pointsFirst = Math.max(a, b ?? a) < 10
        main = { ...rateShape(), target: make(a, b, relative && !pointsFirst) }
        // "giảm 1,2% (từ 4,85% cuối năm 2025 xuống còn 3,65%)": the level the cut starts from.
        // "… so với đầu năm (đầu năm 2024 là 3,65%)": the same, stated in brackets.
        const from = /^\s*\(?\s*từ\s+(\d+(?:[.,]\d+)?)\s*%/iu.exec(f.rest ?? '') ?? /\(\s*(?:đầu năm|cuối năm)(?:\s+\d{4})?\s+(?:là|còn|có)\s+(\d+(?:[.,]\d+)?)\s*%/iu.exec(f.rest ?? '')
        const start = from ? readDigits(from[1]!, { integer: false, percent: true, habit })?.value : undefined
        if (start !== undefined && b === undefined && main.target.kind === 'reduce_by' && !main.target.relative && start > a) {
          main = { ...main, target: { ...main.target, baseline: start } }
          reasons.push(`mức đầu kỳ ${from![1]}%: tỷ lệ cần đạt không quá ${String(Math.round((start - a) * 100) / 100).replace('.', ',')}%`)
        }
        if (!points) {
          // On a rate, "giảm 2%" is points; "so với đầu năm" or a verb opening the sentence may mean a share of the start.
          if (relative || f.verbFirst) {
            alternatives.push({ ...main, target: make(a, b, !(relative && !pointsFirst)) })
            alternatives.push({ ...main, target: { kind: 'at_most', value: a, strict: false } })
            reasons.push(`“giảm ${f.digits[0]}%”: có thể là giảm ${f.digits[0]}% so với số đầu năm, giảm ${f.digits[0]} điểm phần trăm, hoặc mức cần đạt là ${f.digits[0]}%`)
          } else {
            reasons.push(`tỷ lệ giảm ${f.digits.filter(Boolean).join(' – ')}%: hiểu là điểm phần trăm`)
            if (confidence === 'high') confidence = 'medium'
          }
        }
      } else {
        // "Số hộ nghèo giảm 15%": a share of the start-of-year figure.
        // Cases first: "số vụ tai nạn lao động" counts cases, not workers.
        const countUnit = /(?:^|\s)số vụ(?![\p{L}])/iu.test(name) ? 'vụ' : /(?<![\p{L}])hộ(?![\p{L}])/iu.test(name) ? 'hộ' : /người|lao động/iu.test(name) ? 'người' : /(?<![\p{L}])vụ(?![\p{L}])/iu.test(name) ? 'vụ' : 'chưa rõ'
        // Cases (vụ) happen during the year: a flow, whose cut from a year's figure the plan
        // states ("so với năm 2025 (năm 2025 … 14 vụ)") is a ceiling on this year's.
        // The count may also be stated elsewhere, in the review of that year ("Năm 2025 trên địa bàn
        // xảy ra 40 vụ phạm pháp hình sự"): the same cases, the same year, in one sentence.
        const stated = countUnit === 'vụ' && typeof post.baseYear === 'number' && b === undefined ? statedCases(name, post.baseYear, f.rest ?? '', doc.text) : undefined
        if (stated !== undefined) {
          const from = stated
          const ceiling = Math.round(from * (100 - a)) / 100
          main = { name, unitOfMeasure: 'vụ', aggregation: 'flow', target: { kind: 'at_most', value: ceiling, strict: false } }
          reasons.push(`giảm ${f.digits[0]}% so với năm ${post.baseYear} (${from} vụ): năm nay không quá ${String(ceiling).replace('.', ',')} vụ`)
          if (confidence === 'high') confidence = 'medium'
        } else {
          main = { name, unitOfMeasure: countUnit, aggregation: 'stock', target: make(a, b, true) }
          reasons.push('giảm theo phần trăm so với số đầu năm: cần số đầu năm')
          if (countUnit === 'chưa rõ') confidence = 'low'
        }
      }
    } else {
      // "Giảm ít nhất 02 vụ tai nạn giao thông so với năm 2024 (năm 2024 xảy ra 07 vụ)": cases are a
      // flow, and a cut by a count from a year whose count is stated is a ceiling on this year's.
      const from = unit === 'vụ' && typeof post.baseYear === 'number' && b === undefined ? statedCases(name, post.baseYear, f.rest ?? '', doc.text) : undefined
      if (from !== undefined && from > a) {
        main = { ...amountShape(false), aggregation: 'flow', target: { kind: 'at_most', value: from - a, strict: false } }
        reasons.push(`giảm ${f.digits[0]} vụ so với năm ${post.baseYear} (${from} vụ): năm nay không quá ${from - a} vụ`)
        if (confidence === 'high') confidence = 'medium'
      } else main = { ...amountShape(true), aggregation: unit.includes('/') ? 'rate' : 'stock', target: { kind: 'reduce_by', amount: a, ...(b !== undefined ? { max: b } : {}) } }
    }
    if (main.target?.kind === 'reduce_by') withNumbers((x, y) => ({ kind: 'reduce_by', amount: x, ...(y !== undefined ? { max: y } : {}) }))
  } else if (kind === 'at_most' || post.orLess || (cue === undefined && (SPENDING_RE.test(name) || LOWER_BETTER_RE.test(name) || (first !== undefined && a === 0 && b === undefined)))) {
    const strict = cue?.kind === 'at_most' ? cue.strict : false
    if (cue === undefined && a === 0 && b === undefined) reasons.push('con số 0 (“Số vụ cháy rừng | vụ | 0”): không để xảy ra, tức là không quá 0')
    else if (cue === undefined && SPENDING_RE.test(name)) reasons.push('dự toán chi là mức trần: không chi quá số này')
    else if (cue === undefined && LOWER_BETTER_RE.test(name)) {
      reasons.push('không có từ chỉ mức, và đây là điều cần kéo xuống (hộ nghèo, suy dinh dưỡng, tai nạn…): hiểu là không vượt quá')
      if (confidence === 'high') confidence = 'medium'
    }
    const make = (x: number, y: number | undefined): Target => (y !== undefined ? { kind: 'range', min: Math.min(x, y), max: Math.max(x, y) } : { kind: 'at_most', value: x, strict })
    main = { ...(percent ? rateShape() : amountShape(false)), target: make(a, b) }
    withNumbers(make)
  } else {
    // At least: "đạt", "trên" (strict), "từ … trở lên", or a bare figure; "tăng 50 hộ" counts what is added.
    const strict = cue?.kind === 'at_least' && cue.strict && !post.orMore
    if (kind === 'growth') reasons.push(`“tăng ${f.digits[0]} ${unit}”: hiểu là số tăng thêm trong năm`)
    if (cue === undefined) reasons.push('không có từ chỉ mức (đạt, trên, dưới…): hiểu là đạt ít nhất')
    const shape = percent || unit.includes('/') ? (percent ? rateShape() : amountShape(false)) : amountShape(false)
    const rate = shape.aggregation === 'rate'
    const make = (x: number, y: number | undefined): Target =>
      y !== undefined ? { kind: 'range', min: Math.min(x, y), max: Math.max(x, y) } : { kind: rate ? 'rate_at_least' : 'at_least', value: x, ...(strict ? { strict: true } : {}) }
    main = { ...shape, target: make(a, b) }
    withNumbers(make)
    if (cue === undefined && confidence === 'high') confidence = 'medium'
    // "100% thôn văn hóa": each thôn is, or is not: a yes/no each reports.
    const subject = main.name.replace(/^tỷ lệ\s+/iu, '')
    if (percent && a === 100 && b === undefined && UNIT_NOUN_RE.test(subject)) {
      reasons.push('“100% thôn/tổ dân phố/cơ quan … đạt”: mỗi đơn vị tự báo đạt hay không đạt')
      main = { name: upperFirst(subject), unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no', target: { kind: 'yes_no' } }
      alternatives.length = 0
      reasons.splice(0, reasons.length, ...reasons.filter((r) => !r.startsWith('không có từ chỉ mức')))
      confidence = 'medium'
    }
  }
  if (alternatives.length > 0) confidence = 'low'
  return { main, alternatives, confidence }
}

// ---------------------------------------------------------------------------
// Codes


const CODE_STOP = new Set(['CAC', 'CUA', 'VA', 'CHO', 'TREN', 'TRONG', 'DIA', 'BAN', 'DUOC', 'THEO', 'NHUNG', 'VOI', 'LA', 'CO', 'O', 'TY', 'LE', 'TI', 'SO', 'NAM', 'DAT'])

function slug(name: string, words = 3): string {
  const parts = plainWords(name)
    .map((w) => w.toUpperCase())
    .filter((w) => !CODE_STOP.has(w))
  const s = parts.slice(0, words).join('_').slice(0, 30).replace(/_+$/u, '')
  return /^[A-Z]/.test(s) ? s : `CT_${s || 'X'}`
}

class Codes {
  private used = new Set<string>()
  private next = new Map<string, number>()
  take(base: string): string {
    let code = base.slice(0, 36)
    let n = this.next.get(base) ?? 2
    while (this.used.has(code)) code = `${base.slice(0, 33)}_${n++}`
    this.next.set(base, n)
    this.used.add(code)
    return code
  }
}

// ---------------------------------------------------------------------------
// The draft

const REPORTERS = { kinds: [...RESIDENTIAL_UNIT_KINDS], units: [] as string[] }

function makeIndicator(r: Reading, code: string, field: string, source: string): Indicator {
  return {
    code,
    name: clip(r.name, 300),
    field,
    unitOfMeasure: r.unitOfMeasure,
    aggregation: r.aggregation,
    ...(r.scale !== undefined ? { scale: r.scale } : {}),
    proportion: r.proportion ?? true,
    target: r.target,
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source,
  }
}

/** Words that qualify a crop's measure or season rather than name the crop. */
/** Words that qualify a crop's measure, season, place or product rather than name the crop ("cà phê nhân", "chè búp tươi", "toàn xã", "chè hiện có"). */
const CROP_QUALIFIER_RE = /(?<![\p{L}])(?:bình quân|trung bình|cả năm|các loại|gieo cấy|gieo trồng|gieo sạ|thu hoạch|toàn (?:xã|phường|thị trấn)|trên địa bàn|nhân|búp tươi|hiện có)(?![\p{L}])/giu
const MEASURE_RE = /^(?:(.+?)\s*:\s*)?(?:(?:duy trì|tổng(?=\s+diện tích))\s+)?(diện tích|năng suất|sản lượng|gieo trồng|gieo cấy|gieo sạ)(?:\s+(?:gieo trồng\s+|gieo sạ\s+|thu hoạch\s+)?(.+))?$/iu

export function draftPlan(input: string, options: { year?: number } = {}): PlanDraft {
  const text = normalizeText(input)
  const lines = linesOf(text)
  const { header, movements, phases, bodyStart } = readHeader(text, lines, options)
  const year = header.year?.value ?? options.year
  const doc = docHabits(text)
  // Figures outside any numbered section are read only in a text that reads as a plan.
  const planLike = /kế hoạch|chỉ tiêu|thi đua|phấn đấu|nghị quyết|mục tiêu/iu.test(text)
  const codes = new Codes()
  const built: Built[] = []
  const sectionsUsed = new Set<Section>()
  const sections: Section[] = []
  let current: Section = ROOT
  let listSeen = false
  // A plan with no numbered sections at all (a web page's copy) titles its parts in capitals
  // alone on their line ("NỘI DUNG THI ĐUA", "KHEN THƯỞNG"): those lines are its sections.
  const unnumbered = !lines.some((l) => l.start >= bodyStart && /^(?:[IVXLC]{1,6}[.)]|\d{1,2}(?:\.\d{1,2})*[.)]?)\s/u.test(l.text))
  let capsSections = 0
  // The table of figures per column being read, if any.
  let table: MeasureTable | undefined
  // The heading row of the table being read, if it had one, and the row naming the rows under it.
  let tableHead: string[] | undefined
  let headRowLast = false
  let rowGroup: string | undefined
  // The line that titles a part ("Phần thứ nhất" / "KẾT QUẢ …"), read with it.
  let partTitle: Line | undefined
  // Content lines outside lists, with where their figures are: a clause holding a figure is a target already.
  const proseLines: { line: Line; section: Section; figures: number[] }[] = []

  let signed = false
  // A chat copy ("[08:12, 12/01/2026] VP UBND xã - …: …"): the first message is the plan, the replies after it are not.
  let chatSeen = false
  for (const [index, line] of lines.entries()) {
    // A plan holds at most PLAN_LIMITS.indicators: past that, the text is not a plan to read on.
    if (built.length >= PLAN_LIMITS.indicators) break
    if (line.start < bodyStart || line.text === '' || line === partTitle) continue
    // The signature ends the plan; an appendix after it ("PHỤ LỤC – CÁC CHỈ TIÊU …") opens it again.
    // (Not the issuing body's name in the letterhead, "ỦY BAN NHÂN DÂN …", nor the kind of document, "KẾ HOẠCH".)
    const apart = !/^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|THÔNG BÁO|CHỈ THỊ|BÁO CÁO|TỜ TRÌNH|CHƯƠNG TRÌNH|CHỦ TỊCH|PHÓ CHỦ TỊCH)\s*$|^(?:ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|CỘNG HÒA|CỘNG HOÀ|ĐỘC LẬP|ĐẢNG BỘ|BAN\s)/u.test(line.text)
    const h = headingOf(line.text) ?? (unnumbered && apart ? capsHeading(line.text, ++capsSections) : undefined)
    if (/^\[\d{1,2}:\d{2}(?:,\s*\d{1,2}\/\d{1,2}\/\d{2,4})?\]\s*[^:\]]{1,80}:/u.test(line.text)) {
      if (chatSeen) signed = true
      chatSeen = true
    }
    // A web page's copy: "Xem thêm: <title>" is a link; "Xem thêm:", "Tin liên quan", "Tệp đính kèm",
    // "Đánh giá bài viết" close the article, like a signature.
    if (/^xem thêm\s*:\s*\S/iu.test(line.text)) continue
    if (/^(?:xem thêm\s*:?|tin liên quan|tin cùng chuyên mục|bài viết liên quan|các tin khác|tệp đính kèm|đánh giá bài viết)(?![\p{L}])/iu.test(line.text)) signed = true
    if (signed && !h?.label.startsWith('PL')) continue
    signed = false
    if (/^(?:- |\| )?nơi nhận\b/iu.test(line.text) || /^(?:TM\.|KT\.|CHỦ TỊCH|PHÓ CHỦ TỊCH)/u.test(line.text)) {
      signed = true
      continue
    }
    let itemText = line.text
    let itemStart = line.start
    if (h) {
      while (current.level >= h.level && current.parent) current = current.parent
      const code = current === ROOT ? h.label : `${current.code}.${h.label}`
      // "Phần thứ nhất" alone on its line: its title is the next line.
      if (h.level === 0.5 && h.rest === '') {
        const next = lines.slice(index + 1).find((l) => l.text !== '')
        if (next && !headingOf(next.text)) {
          h.rest = next.text
          partTitle = next
        }
      }
      const name = sectionName(h.rest)
      const sec: Section = {
        level: h.level,
        code,
        name: name || h.label,
        parent: current,
        span: { start: line.start, end: line.start + line.text.length },
        // A section of content ("Nội dung thi đua cụ thể") under a list of targets is prose again.
        list: (current.list && !CONTENT_NAME_RE.test(name)) || (TARGET_LIST_RE.test(name) && (name.length <= 80 || /:$/u.test(h.rest))),
        excluded:
          current.excluded ||
          ((h.level <= 1 || (current === ROOT && h.level <= 2)) && NON_TARGET_SECTION_RE.test(name)) ||
          // "4. Đợt thi đua đặc biệt" under the targets' part: the phases, at any depth.
          PHASE_SECTION_RE.test(name) ||
          reviewsPastYear(name, year) ||
          // "1. Năm 2024, mặc dù còn nhiều khó khăn, … thu ngân sách đạt 23.870 triệu đồng; …": an item that reviews.
          (h.level >= 2 && h.rest.length > 60 && opensOnPastYear(h.rest, year)),
        // A section of content: the plan's targets or duties, or one field of them ("Về quốc phòng - an ninh").
        content: current.content || /nội dung|nhiệm vụ|chỉ tiêu|tiêu chí|mục tiêu|giao ước|đăng ký|^(?:lĩnh vực\s+|thi đua\s+)?(?:về\s+)?(?:phát triển\s+)?(?:kinh tế|văn hóa|văn hoá|xã hội|quốc phòng|an ninh|nông nghiệp|nông, lâm|môi trường|giáo dục|y tế|xây dựng (?:đảng|chính quyền|nông thôn mới))/iu.test(name),
      }
      if (sec.list) listSeen = true
      sections.push(sec)
      current = sec
      itemText = h.rest
      itemStart = line.start + line.text.length - h.rest.length
    }
    if (current.excluded) continue
    // "Tiêu chí 1. Có từ 90% số hộ trở lên đạt …": a criterion a title asks of each unit, met or not
    // as a whole, whatever figure it holds (a yes/no each unit reports).
    const criterion = !h ? /^(?:[-+•]\s+)?tiêu chí\s+(?:số\s+)?\d{1,2}\s*[:.]\s*(.+)$/iu.exec(itemText) : null
    if (criterion && current.content) {
      const start = itemStart + itemText.length - criterion[1]!.length
      const text = criterion[1]!.replace(/[.;\s]+$/u, '')
      built.push(yesNo({ text, start, end: start + text.length }, current, codes, built.length, 'medium', ['tiêu chí của một danh hiệu: mỗi đơn vị báo đạt hay không đạt']))
      sectionsUsed.add(current)
      continue
    }
    // "Chỉ tiêu 1: …", "Chỉ tiêu số 2. …": a numbered item's label, not its words.
    const label = /^((?:[-+•]\s+)?)chỉ tiêu\s+(?:số\s+)?\d{1,2}\s*[:.]\s*/iu.exec(itemText)
    if (label) {
      itemText = itemText.slice(label[0].length)
      itemStart += label[0].length
    }
    let item: Line = { text: itemText, start: itemStart }
    let beforeIntro = false
    // "… với các chỉ tiêu cụ thể sau:": what follows in this section is a list of targets. The
    // sentences before the introduction, on the same line, are read as they are.
    if (!h && current !== ROOT && TARGET_LIST_RE.test(line.text) && /:\s*$/u.test(line.text)) {
      current.list = true
      listSeen = true
      const cut = line.text.lastIndexOf('. ')
      if (cut <= 0) continue
      item = { text: line.text.slice(0, cut + 1), start: line.start }
      beforeIntro = true
    }
    if (!h && /^(?:- )?(?:căn cứ|trên cơ sở)\b/iu.test(line.text)) continue
    // A footnote ("(1) Tính trên khối lượng phát sinh …", "* Ghi chú: …") explains, it sets nothing.
    if (!h && /^(?:\(\d{1,2}\)|\(\*+\)|\*+)\s*\p{L}/u.test(line.text)) continue
    // "(Bảng chỉ tiêu dán từ file Excel …)": a remark in brackets, the whole line.
    if (!h && /^\([^()]*\)\.?$/u.test(line.text)) continue
    // "Ghi chú: cột … là …", "Chú thích:", "Lưu ý:": a note on what comes before.
    if (!h && /^(?:ghi chú|chú thích|lưu ý)\s*:/iu.test(line.text)) continue
    // A table's caption ("Bảng 1. Chỉ tiêu sản xuất trồng trọt năm 2024") names what follows.
    if (!h && /^(?:bảng|biểu)\s+(?:(?:số\s+)?[\dIVX]+[.:]\s|(?:dự toán|chỉ tiêu|tổng hợp|phân bổ|đăng ký)(?![\p{L}]))/iu.test(line.text) && !/[.;]\s*$/u.test(line.text)) continue
    if (line.text.startsWith('| ')) {
      // "| Cây trồng | Diện tích (ha) | Năng suất (tạ/ha) | Sản lượng (tấn) |": a figure per column.
      const columns = measureColumns(line.text)
      if (columns) {
        table?.close()
        table = new MeasureTable(columns, current)
        continue
      }
      if (table && table.section === current) {
        const rows = table.row(item, year, doc, codes, built.length)
        if (rows) {
          for (const b of rows) built.push(b)
          if (rows.length > 0) sectionsUsed.add(current)
          continue
        }
      }
      // Under a table's heading, a row without figures is a second heading row only if it names
      // columns; "| Cháy, nổ gây thiệt hại … | Không để xảy ra |" is a row whose plan is in words.
      const heading = headingRow(line.text, tableHead !== undefined)
      if (heading) {
        // "| TT | Chỉ tiêu | ĐVT | Năm 2025 | | Ghi chú |" over "| | | | Kế hoạch | Phấn đấu | |": a
        // merged heading of two rows; each column is named by the lower row where it has a name.
        tableHead = tableHead && headRowLast && tableHead.length === heading.length ? heading.map((c, i) => c || tableHead![i]!) : heading
        headRowLast = true
        continue
      }
      headRowLast = false
      if (mergedRow(line.text.slice(1, -1).split('|').map((c) => c.trim()))) continue
      const got = readTableRow(item, current, year, doc, codes, tableHead, rowGroup)
      if (got) {
        // A "Trong đó: …" row is a part of the row above it that counts the same things.
        const whole = got.found?.afterWhole ? [...built].reverse().find((b) => b.value.source?.startsWith('| ') && b.found?.afterWhole === false) : undefined
        if (whole && unitFamily(whole.value.unitOfMeasure) === unitFamily(got.value.unitOfMeasure) && !whole.value.children) {
          got.value = { ...got.value, partOf: whole.value.code }
          got.reasons.push(`“trong đó”: là một phần của “${whole.value.name}”`)
        }
        built.push(got)
        sectionsUsed.add(current)
      } else {
        // "| 4 | Cây lúa cả năm | | | |": a row of one name and no figure heads the rows under it.
        const named = line.text.slice(1, -1).split('|').map((c) => c.trim()).filter((c) => /\p{L}{2,}/u.test(c))
        if (named.length === 1 && !/\d/u.test(line.text.replace(/^\|\s*\d+\s*\|/u, ''))) rowGroup = named[0]
      }
      continue
    }
    rowGroup = undefined
    table?.close()
    table = undefined
    tableHead = undefined
    headRowLast = false
    if (current === ROOT && !planLike) continue
    // Before the plan's sections, a paragraph on a past year's results ("Năm 2025 … phường đã
    // hoàn thành …: tổng thu … đạt 16,9 tỷ đồng") states results reached, not targets.
    // In a list of targets too, a paragraph that opens on a past year ("Năm 2024, tổng giá trị sản
    // xuất tăng 8,1%; …") recalls where the year starts.
    // "Năm 2025, … còn 157 hộ nghèo. Năm 2026, xã phấn đấu …": the review ends where the plan's year begins.
    const turn = year !== undefined && opensOnPastYear(item.text, year) ? new RegExp(String.raw`[.;]\s+(?=(?:trong\s+)?năm ${year}(?!\d))`, 'iu').exec(item.text) : null
    if (!h && turn) item = { text: item.text.slice(turn.index + turn[0].length), start: item.start + turn.index + turn[0].length }
    else if (!h && (current === ROOT || !current.list || opensOnPastYear(line.text, year)) && pastResults(line.text, year, current === ROOT)) continue
    // Before the sections, the commune as it is ("Phường … được thành lập trên cơ sở sắp xếp …, có
    // diện tích tự nhiên 11,86 km², quy mô dân số 61.240 người"): a description, not targets.
    if (!h && current === ROOT && /được thành lập|diện tích tự nhiên|quy mô dân số|hiện có .*\d|nhân khẩu/iu.test(line.text)) continue
    const inList = current.list && !h && !beforeIntro
    // "… cao hơn năm 2022 ít nhất 8% (năm 2022: 72 triệu đồng/người/năm)": against a stated base.
    const compared = !h || !isTitle(h.rest, lines, index) ? comparedToBase(item, current, year, doc, codes, built.length) : undefined
    if (compared) {
      built.push(compared)
      sectionsUsed.add(current)
      continue
    }
    const found = findTargets(item, current, true)
    const fromLine = fromFound(found, item, year, doc, codes, built.length)
    for (const b of fromLine) built.push(b)
    if (fromLine.length > 0) sectionsUsed.add(current)
    // "- Về phát triển kinh tế" over "+ Nông nghiệp, lâm nghiệp" over "* Trồng mới 145 ha …": a short
    // line without a figure or a closing stop, followed by more items, names the items under it.
    // So does a field's name alone, unbulleted, over bulleted items ("Về kinh tế" over "* Thu …").
    const next = lines.slice(index + 1).find((l) => l.text !== '')
    const topic = inList && found.length === 0 && !/[.;:!…]\s*$/u.test(item.text) && item.text.split(/\s+/u).length <= 9 && next !== undefined && /^[-+•*]\s/u.test(next.text) && (/^[-+•]\s/u.test(line.text) || /^về\s/iu.test(line.text)) && !STATE_GOAL_RE.test(goalBody(item.text.replace(/^[-+•]\s+/u, ''))) && !REACHED_RE.test(goalBody(item.text.replace(/^[-+•]\s+/u, '')))
    if (topic) continue
    if (inList) {
      // The clauses of a list item without a figure are qualitative goals: yes/no.
      let k = 0
      for (const c of clausesOf(item)) {
        while (k < found.length && found[k]!.at < c.start) k++
        if (k < found.length && found[k]!.at < c.end) continue
        if (/:\s*$/u.test(c.text) || c.text.split(/\s+/u).length < 3 || GENERIC_GOAL_RE.test(goalBody(c.text)) || NAMING_HEAD_RE.test(c.text)) continue
        // A direction of effort or a means in a list ("tăng cường tuần tra …", "thường xuyên tuyên
        // truyền …") is how the list's targets are reached, not one of them.
        const body = goalBody(c.text)
        if ((DIRECTION_RE.test(body) || MEANS_RE.test(body.split(',')[0]!) || ORG_DUTY_RE.test(body)) && !/,\s*(?:không để|không còn|giữ vững|hoàn thành)\s/iu.test(body)) continue
        // "Tập trung chăm sóc, cải tạo vườn cây …": what the effort goes to, unless it is a state to reach ("tập trung hoàn thành …").
        if (/^(?:tiếp tục\s+)?tập trung\s/iu.test(c.text) && !STATE_GOAL_RE.test(c.text) && !REACHED_RE.test(body)) continue
        if (midYearMilestone(c.text) || laterYear(c.text, year)) continue
        // "Để tổ chức thực hiện, UBND xã phân bổ …": a purpose and a means, no goal.
        if (/^(?:để|nhằm)\s/iu.test(body)) continue
        // "hoàn thành trước ngày 10/02/2026": a deadline for what the item asks, not a goal.
        if (/^hoàn thành\s+(?:trước|trong|chậm nhất)\s+(?:ngày|tháng|quý|năm)/iu.test(body)) continue
        // “Chung tay xây dựng đô thị văn minh”: a movement's name alone, in quotes.
        if (/^[“"][^“”"]+[”"]$/u.test(c.text.trim())) continue
        // A clause with a figure that is no target (a starting point, an amount given) is no goal either.
        // (A size in brackets, "(…, dài 1,2 km)", describes what the goal is about.)
        // A figure asked of each village: the state every one must have is a goal ("Mỗi thôn có ít
        // nhất 01 tuyến đường hoa …"); a duty of some of them or an action asked of each is not.
        const each = EACH_UNIT_RE.exec(body) ?? ALL_UNITS_STATE_RE.exec(body)
        if (each && !EACH_UNIT_STATE_RE.test(body.slice(each.index)) && !ALL_UNITS_STATE_RE.test(body.slice(each.index))) continue
        const told = (each ? c.text.slice(0, c.text.length - body.length + each.index) : c.text).replace(/\([^()]*?(?:dài|rộng|cao|quy mô|diện tích)\s*(?:khoảng\s+)?\d[^()]*\)/giu, '')
        // "giảm cả 3 tiêu chí": all of a set, named by their number, is no figure of that kind.
        // ("… an ninh biên giới trên 11,6 km đường biên …": where the duty is done, no figure of it.)
        if ([...told.matchAll(new RegExp(QUANTITY_RE.source, 'giu'))].some((q) => !wholeFraction(q[0]) && !/(?:^|\s)cả\s*$/iu.test(told.slice(0, q.index)) && !guardedExtent(told.slice(0, q.index), q[5]))) continue
        built.push(notBelow(c, current, codes, built.length, year, doc) ?? yesNo(c, current, codes, built.length, 'medium', ['mục tiêu định tính trong danh sách chỉ tiêu: đạt/không đạt']))
        sectionsUsed.add(current)
      }
    } else if ((current.content || /^về\s[^:;.]{2,60}:\s/iu.test(item.text) || FIELD_OPENING_RE.test(item.text)) && !(h && isTitle(h.rest, lines, index))) {
      // "Về văn hóa - xã hội: …": a paragraph that names its field is content, sections or not.
      // So is one that opens on its field before a comma ("Trên lĩnh vực kinh tế, …", "Về quốc phòng, an ninh, …"), as a letter writes it.
      proseLines.push({ line: item, section: current, figures: found.map((f) => f.at) })
    }
  }

  table?.close()

  // A table's rows for one crop ("Diện tích lúa cả năm | ha | 1.200", "Năng suất lúa | tạ/ha | 62",
  // "Sản lượng lúa | tấn | 7.440"), or a list's "Name: value" lines ("Năng suất lúa bình quân: 60
  // tạ/ha"): the yield is computed from the other two, as on one line.
  {
    const bySubject = new Map<string, Record<string, Built>>()
    // "| 3 | Tổng sản lượng lương thực | tấn | 8.400 |" then "| | - Lúa | tấn | 7.150 |": the part row is the crop's output.
    let outputRow = false
    for (const b of built) {
      const partRow = /^\|[^|]*\|\s*[-–+]\s/u.test(b.value.source ?? '')
      if (b.value.source?.startsWith('| ') && !partRow) outputRow = /sản lượng/iu.test(b.value.name)
      if (partRow && outputRow && b.value.unitOfMeasure === 'tấn' && !MEASURE_RE.test(b.value.name) && b.value.name.split(/\s+/u).length <= 3) {
        const subject = b.value.name.replace(CROP_QUALIFIER_RE, ' ').replace(/\s+/gu, ' ').trim().toLowerCase()
        const rec = bySubject.get(subject) ?? {}
        if (!rec.SL) rec.SL = b
        bySubject.set(subject, rec)
        continue
      }
      // A list's own lines too ("- Diện tích gieo trồng lúa cả năm đạt 1.240 ha.", "- Năng suất lúa … đạt 62 tạ/ha."): one item each.
      const ownLine = b.found !== undefined && b.value.source !== undefined && b.found.name.length > 0 && /^(?:trong đó\s*:?\s*)?(?:diện tích|năng suất|sản lượng)/iu.test(b.value.source)
      if (!(b.value.source?.startsWith('| ') || /^[^:;.|]{1,100}:\s+[≥≤<>]?\s*\d/u.test(b.value.source ?? '') || ownLine) || b.value.formula) continue
      const m = MEASURE_RE.exec(b.value.name)
      const subject = m?.[3]?.replace(/\([^()]*\)/gu, ' ').replace(CROP_QUALIFIER_RE, ' ').replace(/\s+/gu, ' ').trim().toLowerCase()
      if (!m || !subject) continue
      const measure = /^gieo|^diện tích/iu.test(m[2]!) ? 'DT' : /^năng suất/iu.test(m[2]!) ? 'NS' : 'SL'
      // ("trong đó diện tích lúa hai vụ 980 ha", then "Năng suất lúa …; sản lượng lúa …": the same rice.)
      const key = cropKey(bySubject, subject, measure)
      const rec = bySubject.get(key) ?? {}
      if (rec[measure]) continue
      rec[measure] = b
      bySubject.set(key, rec)
    }
    for (const rec of bySubject.values()) linkYield(rec)
  }

  // A plan that lists no targets states its goals in prose: each clause opening with a goal verb
  // ("giữ vững…", "thực hiện tốt…", "không để…") in its content sections is a yes/no goal.
  // A plan with a list of targets keeps its prose for results only ("giữ vững …", "không để …"):
  // its directions of effort and means there are not targets.
  {
    // An item's first goal leads it; a later clause of the same item that only intensifies or
    // carries out (elaborates) is part of that goal, named in its reasons, not a target of its own.
    const leads = new Map<Section, Built>()
    // A plan that sets figures states its goals as figures and as results ("giữ vững …", "không
    // để …"); its directions of effort and its means ("đẩy mạnh …", "tuyên truyền …") are how it
    // gets there, left out. A plan with no figure at all states its goals as directions: they are
    // drafted, with low confidence, for the officer to keep or drop.
    const setsFigures = built.some((b) => b.value.aggregation !== 'yes_no')
    for (const { line, section, figures } of proseLines) {
      if (built.length >= PLAN_LIMITS.indicators) break
      for (const c of goalClauses(line, figures)) {
        if (laterYear(c.text, year)) continue
        const reasons = [listSeen ? 'mục tiêu định tính lấy từ đoạn văn, ngoài danh sách chỉ tiêu: cán bộ xác nhận' : 'mục tiêu định tính lấy từ đoạn văn (kế hoạch không có danh sách chỉ tiêu): cán bộ xác nhận']
        for (const j of c.joined) reasons.push(`phần nối tiếp thuộc mục tiêu này, không phải mục tiêu riêng: “${clip(j, 160)}”`)
        const confidence = proseConfidence(c.text, reasons)
        // ("Mỗi bản có ít nhất một tổ tự quản …": what every village must have is a state as well.)
        if ((listSeen || setsFigures) && ((!STATE_GOAL_RE.test(goalBody(c.text)) && !REACHED_RE.test(goalBody(c.text)) && !EACH_UNIT_STATE_RE.test(goalBody(c.text))) || ORG_DUTY_RE.test(c.text))) continue
        const lead = leads.get(section)
        if (lead && confidence === 'low' && elaborates(c.text)) {
          lead.reasons.push(`cùng mục còn nêu hướng nỗ lực hoặc cách làm, gộp vào mục tiêu này, không tách thành chỉ tiêu riêng: “${clip(c.text, 160)}”`)
          continue
        }
        const b = notBelow(c, section, codes, built.length, year, doc) ?? yesNo(c, section, codes, built.length, confidence, reasons)
        built.push(b)
        if (!lead) leads.set(section, b)
        sectionsUsed.add(section)
      }
    }
  }

  // A total's part restated on its crop's own line ("lương thực 2.240 tấn, trong đó: thóc 1.420
  // tấn, ngô 820 tấn", then "Ngô: diện tích …, sản lượng 820 tấn") is one target: the crop's output.
  for (const whole of built) {
    const children = whole.value.children
    if (!children) continue
    whole.value = {
      ...whole.value,
      children: children.map((code) => {
        const part = built.find((b) => b.value.code === code)
        const figure = figureOf(part?.value.target)
        if (!part || figure === undefined) return code
        const crop = built.find(
          (b) =>
            b !== part &&
            built.indexOf(b) > built.indexOf(part) &&
            /^sản lượng\s/iu.test(b.value.name) &&
            b.value.unitOfMeasure === part.value.unitOfMeasure &&
            ((figureOf(b.value.target) !== undefined && agreesWith(figure, figureOf(b.value.target)!)) || (b.forFormula === true && !b.value.target)) &&
            sameCrop(part.value.name, b.value.name),
        )
        if (!crop) return code
        // The output drafted for a yield's formula is the part's figure: it takes the part's target and words.
        if (crop.forFormula && !crop.value.target) {
          crop.value = { ...crop.value, target: part.value.target, ...(part.value.source !== undefined ? { source: part.value.source } : {}) }
          crop.source = part.source
          crop.confidence = part.confidence
          crop.reasons = [...part.reasons]
          delete crop.forFormula
        }
        crop.reasons.push(`cũng là phần “${part.value.name}” của “${whole.value.name}”: một chỉ tiêu`)
        built.splice(built.indexOf(part), 1)
        return crop.value.code
      }),
    }
  }

  // "Tổng sản lượng lương thực có hạt đạt 8.634,85 tấn" after (or before) its crops' outputs on
  // lines of their own: a total the nearby items of its unit add up to exactly is their sum.
  // Nearby: the same section, or sister sections ("a) Cây lúa …", "b) Cây ngô …", "c) Tổng …").
  const near = (x: Section | undefined, y: Section | undefined): boolean => x !== undefined && (x === y || (x.parent !== undefined && x.parent !== ROOT && x.parent === y?.parent))
  for (const t of built) {
    const figure = figureOf(t.value.target)
    if (figure === undefined || t.value.children || t.value.formula || (t.value.aggregation !== 'flow' && t.value.aggregation !== 'stock') || !/^tổng\s/iu.test(t.value.name) || t.value.target?.kind !== 'at_least') continue
    const at = built.indexOf(t)
    const candidates = built
      .filter((b, k) => b !== t && Math.abs(k - at) <= 8 && near(b.found?.section, t.found?.section) && b.value.unitOfMeasure === t.value.unitOfMeasure && !b.value.formula && !b.value.children && figureOf(b.value.target) !== undefined)
      .slice(0, 10)
    let best: Built[] | undefined
    for (let mask = 1; mask < 1 << candidates.length; mask++) {
      const pick = candidates.filter((_, k) => mask & (1 << k))
      if (pick.length >= 2 && agreesWith(figure, pick.reduce((sum, b) => sum + figureOf(b.value.target)!, 0)) && (!best || pick.length < best.length)) best = pick
    }
    if (!best) continue
    t.value = { ...t.value, children: best.map((b) => b.value.code), target: { kind: 'derived', value: figure } }
    t.reasons.push(`tổng của ${best.map((b) => `“${b.value.name}”`).join(', ')}: tính từ các chỉ tiêu đó`)
  }

  // "Trồng mới 145 ha rừng, trong đó thôn Nà Lừa 45 ha, thôn Khuổi Bon 38 ha, …": the commune's
  // figure shared out to its villages, whether the shares add up to it or not. The split is for
  // the villages to carry out, not targets of the commune's plan: the whole stays its own figure,
  // each share named in its reasons.
  const village = (b: Built): boolean => VILLAGE_NAME_RE.test(lowerFirst(b.value.name))
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!
    if (!village(b)) continue
    const whole = built
      .slice(0, i)
      .reverse()
      .find((w) => !village(w) && w.value.unitOfMeasure === b.value.unitOfMeasure && w.source.end <= b.source.start && !doc.text.slice(w.source.end, b.source.start).includes('\n'))
    if (!whole) continue
    whole.reasons.push(`phần chia cho ${b.value.name}: ${String(figureOf(b.value.target) ?? '').replace('.', ',')} ${b.value.unitOfMeasure} (phần việc của đơn vị, không phải chỉ tiêu riêng)`)
    const children = whole.value.children?.filter((c) => c !== b.value.code)
    if (children !== undefined && children.length < (whole.value.children?.length ?? 0)) {
      // Summed from its shares, the whole's figure was derived: it is the commune's own again.
      const figure = figureOf(whole.value.target)
      whole.value = { ...whole.value, children }
      if (children.length === 0) {
        delete whole.value.children
        if (figure !== undefined) whole.value.target = { kind: 'at_least', value: figure }
      }
    }
    built.splice(i--, 1)
  }

  // "… phấn đấu đạt 38,6 tỷ đồng, tăng khoảng 12% so với thực hiện năm 2025": a growth with no
  // subject of its own right after an amount of money only restates that amount, one target.
  for (let i = 1; i < built.length; i++) {
    const b = built[i]!
    const amount = built[i - 1]!
    if (b.value.target?.kind !== 'growth' || !/^tăng\s/iu.test(b.value.source ?? '') || amount.value.target?.kind !== 'at_least' || !/^(?:tỷ|triệu) đồng$/u.test(amount.value.unitOfMeasure)) continue
    if (!/^\s*,\s*$/u.test(text.slice(amount.source.end, b.source.start))) continue
    amount.reasons.push(`mức tăng nêu kèm chỉ nói lại số này, không phải chỉ tiêu riêng: “${clip(b.value.source ?? '', 160)}”`)
    built.splice(i--, 1)
  }

  // A figure restated later with the same measure ("| Tổng đàn trâu, bò | con | … | 3.460 |" in a
  // table sharing the targets out to the villages, after "Tổng đàn trâu, bò duy trì … (3.460 con)")
  // is the same target: the first statement, the other named in its reasons.
  const referenced = (x: Built): boolean =>
    built.some((o) => o.value.children?.includes(x.value.code) || (o.value.target?.kind === 'shares' && o.value.target.parts.some((p) => p.indicator === x.value.code)) || (o.value.formula ?? '').split(/[^A-Za-z0-9_.-]+/u).includes(x.value.code))
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!
    if (b.value.aggregation === 'yes_no' || b.value.children || b.value.formula || referenced(b)) continue
    const first = built.find((x, k) => k < i && x.value.aggregation !== 'yes_no' && x.source.end < b.source.start && x.value.unitOfMeasure === b.value.unitOfMeasure && JSON.stringify(x.value.target) === JSON.stringify(b.value.target) && sameMeasure(x.value.name, b.value.name))
    if (!first) continue
    first.reasons.push(`cùng chỉ tiêu được nêu lại ở phần sau: “${clip(b.value.source ?? b.value.name, 160)}”`)
    built.splice(i--, 1)
  }

  // The same goal stated twice ("giữ vững an ninh chính trị, trật tự an toàn xã hội", and later
  // "… trật tự an toàn xã hội trên địa bàn xã") is one item: the first, the other named in its reasons.
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!
    if (b.value.aggregation !== 'yes_no') continue
    const first = built.find((x, k) => k < i && x.value.aggregation === 'yes_no' && sameGoal(x.value.source ?? x.value.name, b.value.source ?? b.value.name))
    if (!first) continue
    first.reasons.push(`cùng mục tiêu được nêu lại ở đoạn sau: “${clip(b.value.source ?? b.value.name, 160)}”`)
    built.splice(i--, 1)
  }
  sectionsUsed.clear()
  for (const b of built) sectionsUsed.add(b.found?.section ?? ROOT)

  // Fields: the sections holding targets and their ancestors, outermost first.
  const fieldSections = new Set<Section>()
  for (const s of sectionsUsed) for (let x: Section | undefined = s; x && x !== ROOT; x = x.parent) fieldSections.add(x)
  const fields: Drafted<Field>[] = []
  const fieldCodes = new Codes()
  const codeOf = new Map<Section, string>()
  for (const s of sections) {
    if (!fieldSections.has(s)) continue
    const code = fieldCodes.take(v.is(CodeSchema, s.code) ? s.code : slug(s.name))
    codeOf.set(s, code)
    const parent = s.parent && s.parent !== ROOT ? codeOf.get(s.parent) : undefined
    fields.push({ id: `field.${fields.length}`, value: { code, name: clip(s.name, 200), ...(parent ? { parent } : {}) }, source: s.span, confidence: 'high', reasons: [], ambiguous: false })
  }
  if (sectionsUsed.has(ROOT)) {
    fields.unshift({ id: `field.${fields.length}`, value: { code: fieldCodes.take(ROOT.code), name: ROOT.name }, source: { start: 0, end: 0 }, confidence: 'medium', reasons: ['chỉ tiêu không nằm trong mục nào'], ambiguous: false })
    codeOf.set(ROOT, ROOT.code)
  }
  const indicators: Drafted<Indicator>[] = built.slice(0, PLAN_LIMITS.indicators).map((b, i) => {
    const field = codeOf.get(b.found?.section ?? ROOT) ?? b.value.field
    const fix = (x: Indicator): Indicator => {
      const out = { ...x, field }
      // A reading the model refuses (a reduction whose top is below its bottom, a share over
      // 100%) keeps its indicator without a target, and says why.
      const checked = v.safeParse(IndicatorSchema, out)
      if (checked.success) return out
      delete out.target
      b.confidence = 'low'
      b.reasons.push(`không lập được chỉ tiêu: ${checked.issues.map((e) => e.message).join('; ')}`)
      return out
    }
    return {
      id: `indicator.${i}`,
      value: fix(b.value),
      source: b.source,
      confidence: b.confidence,
      reasons: b.reasons,
      ambiguous: b.ambiguous,
      ...(b.alternatives ? { alternatives: b.alternatives.map(fix) } : {}),
    }
  })
  const draft: PlanDraft = {
    format: PLAN_DRAFT_FORMAT,
    text,
    header,
    movements,
    phases,
    fields,
    indicators,
    issues: [],
    noTargets: indicators.length === 0,
  }
  if (!draft.noTargets) {
    try {
      draft.issues = validatePlan(planFromDraft(draft, 'all', year ?? (Number(header.issuedOn?.value.slice(0, 4)) || 2000)))
    } catch {
      // planFromDraft refuses only what the items above already say is wrong.
    }
  }
  return draft
}

/**
 * A heading that names its section ("1. Thi đua phát triển kinh tế, xây dựng nông thôn mới")
 * rather than stating a goal: no punctuation at its end, and a paragraph (not another heading)
 * under it. A numbered goal ("3. Giữ vững an ninh chính trị; …", "9. Kiểm soát dịch bệnh,")
 * ends with punctuation or stands alone.
 */
function isTitle(rest: string, lines: readonly Line[], index: number): boolean {
  if (/[.;:,…]\s*$/u.test(rest)) return false
  const next = lines.slice(index + 1).find((l) => l.text !== '')
  if (next === undefined) return false
  // Followed by prose, or by its own sub-headings ("3. Thi đua bảo đảm quốc phòng, an ninh", then "a) Quốc phòng. …").
  const own = headingOf(lines[index]!.text)
  const sub = headingOf(next.text)
  return sub === undefined || (own !== undefined && sub.level > own.level)
}

/**
 * A paragraph opening on the field it is about, before a comma: "Trên lĩnh vực văn hóa - xã hội,
 * …", "Trong lĩnh vực nông nghiệp, …", "Về quốc phòng, an ninh, …", "Đối với lĩnh vực y tế, …".
 */
const FIELD_OPENING_RE =
  /^(?:(?:trên|trong|đối với)\s+lĩnh vực\s+[^,;.:]{2,40},\s|(?:về|đối với)\s+(?:lĩnh vực\s+)?(?:phát triển\s+)?(?:kinh tế|văn hóa|văn hoá|xã hội|quốc phòng|an ninh|nông nghiệp|môi trường|giáo dục|y tế|xây dựng (?:đảng|chính quyền|nông thôn mới))(?![\p{L}])[^;.:]{0,40}?,\s)/iu

/** A section of prose content: its goals are read clause by clause, not as a list. */
const CONTENT_NAME_RE = /^(?:\d+\.\s*)?(?:nội dung|nhiệm vụ|các nhiệm vụ)(?![\p{L}])/iu

/** True when `at` is inside quotation marks opened before it in `text` (“…” or "…"). */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at)
  const open = (before.match(/“/gu) ?? []).length - (before.match(/”/gu) ?? []).length
  return open > 0 || (before.match(/"/gu) ?? []).length % 2 === 1
}

function clausesOf(line: Line): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = []
  let from = 0
  const cut = (to: number): void => {
    const raw = line.text.slice(from, to)
    const lead = raw.length - raw.trimStart().length
    // "…; (12) Hoàn thành chỉ tiêu tuyển quân; …": an item's number inside a paragraph is no word of its goal.
    const number = /^[-–,.;:\s]*\(\d{1,2}\)\s+/u.exec(raw.trim())?.[0].length ?? 0
    const text = raw.trim().slice(number).replace(/^[-–,.;:\s]+/u, '').replace(/[.;,\s]+$/u, '')
    if (text !== '') out.push({ text, start: line.start + from + lead + number, end: line.start + from + lead + raw.trim().length })
  }
  const breaks = [...line.text.matchAll(/;|\.(?=\s+\p{Lu})|(?<!\d)\.(?=\s+\d)|…(?=\s+\p{Lu})/gu)].map((m) => ({ at: m.index, next: m.index + 1 }))
  for (const { at, next } of [...breaks, ...goalJoins(line.text, breaks.map((x) => x.next))].sort((x, y) => x.at - y.at)) {
    cut(at)
    from = next
  }
  cut(line.text.length)
  return out
}

/**
 * Words before a goal's verb that do not change it: "tiếp tục", "chủ động", "tập trung", "thi
 * đua", "phấn đấu (cuối năm, trong năm, năm 2025)", a topic "về giáo dục, ", and a list item's name
 * before its colon ("Tai nạn giao thông: giảm cả 3 tiêu chí").
 */
const GOAL_PREFIX_RE = /^(?:(?:tiếp tục|chủ động|tập trung|thi đua)\s+|phấn đấu(?:\s+(?:cuối năm|trong năm|đến cuối năm|năm \d{4}))?\s+|về [^,;]{1,30},\s*|[^:;.]{1,40}:\s+)/iu
/** The goal's words from its verb on. */
const goalBody = (text: string): string => text.replace(GOAL_PREFIX_RE, '').replace(GOAL_PREFIX_RE, '').replace(GOAL_PREFIX_RE, '')
/**
 * A state to reach, said of its subject: "Trường Mầm non … được công nhận đạt chuẩn quốc gia",
 * "xã đạt chuẩn nông thôn mới nâng cao", "… đạt danh hiệu …".
 */
const REACHED_RE =
  /^(?:[\p{L}\d/–-]+,?\s+){1,8}(?:được công nhận(?: lại)?(?: đạt)?|(?:(?:duy trì|giữ vững)\s+)?đạt (?:chuẩn|danh hiệu|bộ tiêu chí|tiêu chí)|(?:giữ vững|duy trì|hoàn thành)\s+(?:bộ tiêu chí|tiêu chí|chuẩn|danh hiệu|xếp loại))(?![\p{L}])/iu
const isGoal = (text: string): boolean =>
  !GENERIC_GOAL_RE.test(goalBody(text)) && !NAMING_HEAD_RE.test(text) && (GOAL_START_RE.test(goalBody(text)) || REACHED_RE.test(goalBody(text)) || EACH_UNIT_STATE_RE.test(goalBody(text)))

/**
 * A connective opening a clause that goes on with the goal before it rather than stating one of
 * its own: its manner, purpose or emphasis ("đồng thời …", "trước hết là …", "nhất là …", "đặc
 * biệt là …", "gắn với …", "góp phần …", "nhằm …", "để …", "qua đó …", "từ đó …", "trong đó có …"
 * — but not "trong đó:" opening a list of parts).
 */
export const CONTINUATION_RE = /^(?:đồng thời|trước hết(?: là)?|nhất là|đặc biệt là|gắn (?:liền )?với|góp phần|nhằm|để|qua đó|từ đó|trong đó có(?!\s*:))(?![\p{L}])/iu

/** Where, inside a clause, its continuation starts (the same connectives after a space or a comma; "không để" is a goal, not a purpose). */
const CONTINUATION_IN_RE = /,?(?<!không)\s(?:đồng thời|trước hết(?: là)?|nhất là|đặc biệt là|gắn (?:liền )?với|góp phần|nhằm|để|qua đó|từ đó|trong đó)\s/iu

/** A purpose inside a clause: it runs to the clause's end. */
const PURPOSE_IN_RE = /,?(?<!không)\s(?:để|nhằm|góp phần|qua đó|từ đó)\s/iu

interface GoalClause {
  /** The goal's own words: its name and the indicator's `source`. */
  text: string
  start: number
  end: number
  /** The end of what the goal covers in the text: its continuations (the drafted item's span). */
  until: number
  /** Continuations taken into the goal, for its reasons. */
  joined: string[]
}

/**
 * The qualitative goals of a prose paragraph: its clauses (";", ". ", "…", and ", " before a goal
 * verb: "…, thực hiện tốt chính sách an sinh xã hội, …") that open with a goal verb. A goal's
 * continuation (CONTINUATION_RE: "… để tạo sự chuyển biến", "…, trước hết là …", a clause "đồng
 * thời …") is no goal of its own, even with a goal verb inside: it extends the goal's span.
 */
function goalClauses(line: Line, figures: readonly number[] = []): GoalClause[] {
  const out: GoalClause[] = []
  let last: GoalClause | undefined
  for (const c of clausesOf(line)) {
    // A clause opening with a connective goes on with the goal before it in the paragraph.
    if (CONTINUATION_RE.test(c.text) && last) {
      last.until = c.end - (/[\s,.;…]+$/u.exec(line.text.slice(c.start - line.start, c.end - line.start))?.[0].length ?? 0)
      last.joined.push(c.text)
      continue
    }
    // Without a goal before it, "đồng thời …" may state one; a purpose of what is no goal does not.
    if (CONTINUATION_RE.test(c.text) && !/^đồng thời\s/iu.test(c.text)) continue
    const body = c.text.replace(/^đồng thời\s+/iu, '')
    const offset = c.text.length - body.length
    // A purpose ("để …", "nhằm …", "góp phần …") runs to the clause's end: ", làm tốt …" inside it
    // is the purpose's, not a goal (a phrase such as "gắn với …", "nhất là …" ends at the next comma).
    const tailAt = /^(?:các|mỗi|từng)\s/iu.test(body) ? -1 : body.search(PURPOSE_IN_RE)
    const cuts = [0]
    for (const m of body.matchAll(/(?:\.{3}|…)\s+|,\s+(?=(?:quan tâm\s+)?(?:chỉ đạo|thực hiện|giải quyết|tổ chức|làm) tốt\s|giữ vững\s|không để\s|không còn\s|kéo giảm\s|hoàn thành\s)/giu)) {
      // (A result stated after it, "…, không để dịch … lây lan", is a goal of its own.)
      if (tailAt !== -1 && m.index > tailAt && !/^,\s+(?:không để|giữ vững)\s/iu.test(body.slice(m.index))) break
      // Inside a quoted name (“Chung tay vì người nghèo – Không để ai bị bỏ lại phía sau”) is no goal.
      if (insideQuote(body, m.index)) continue
      const next = body.slice(m.index + m[0].length)
      // "giữ vững X, không để …": what may not happen says what keeping X means, one goal.
      // "không để A, không để B": one list of what may not happen, one goal.
      if (/^không để\s/iu.test(next) && /^(?:giữ vững|duy trì|không để)\s/iu.test(goalBody(body.slice(cuts.at(-1) ?? 0, m.index)))) continue
      if (isGoal(next)) cuts.push(m.index + m[0].length)
    }
    cuts.push(body.length)
    last = undefined
    for (let i = 0; i + 1 < cuts.length; i++) {
      const whole = body.slice(cuts[i], cuts[i + 1])
      let piece = whole
      const purpose = /^(?:các|mỗi|từng)\s/iu.test(piece) ? -1 : piece.search(CONTINUATION_IN_RE)
      if (purpose > 0) piece = piece.slice(0, purpose)
      piece = piece.replace(/[\s,.…]+$/u, '')
      if (!isGoal(piece) || piece.split(/\s+/u).length < 3 || /^[“"][^“”"]+[”"]$/u.test(piece.trim())) continue
      const start = c.start + offset + (cuts[i] ?? 0)
      const until = start + whole.replace(/[\s,.…]+$/u, '').length
      const tail = purpose > 0 ? whole.slice(purpose).replace(/^[,\s]+|[\s,.…]+$/gu, '') : ''
      // A clause stating a figure was drafted from the figure ("…, phấn đấu đạt 3.150 tấn trở lên");
      // a figure in its continuation only ("…, đồng thời hoàn thành chuyển đổi 12 ha …") is another target's.
      if (figures.some((at) => at >= start && at < start + piece.length)) {
        last = undefined
        continue
      }
      last = { text: piece, start, end: start + piece.length, until, joined: tail === '' ? [] : [tail] }
      out.push(last)
    }
  }
  return out
}

/**
 * How sure a goal read from prose is: a means of running the plan (MEANS_RE, in the clause's head
 * up to its first comma, or anywhere in a duty given to units "các bộ phận …") or a direction of
 * effort is low; a result one can judge (RESULT_GOAL_RE) is medium. Never high: the officer reads
 * every prose goal (the "accept every certain item" button takes high ones only).
 */
function proseConfidence(text: string, reasons: string[]): Confidence {
  const head = /^(?:các|mỗi|từng)\s/iu.test(text) ? text : text.split(',')[0]!
  const means = MEANS_RE.exec(head)
  if (means) {
    reasons.push(`nói cách tổ chức thực hiện kế hoạch (“${means[0]}”), không phải một kết quả: giữ lại nếu kế hoạch giao nó như một việc phải làm`)
    return 'low'
  }
  if (RESULT_GOAL_RE.test(goalBody(text)) || REACHED_RE.test(goalBody(text))) return 'medium'
  reasons.push('nói hướng nỗ lực (đẩy mạnh, tăng cường, nâng cao…), không nói kết quả để đánh giá đạt hay không đạt')
  return 'low'
}

/**
 * A clause that elaborates its item's goal: it intensifies (INTENSIFIER_RE: "tăng cường …",
 * "kiện toàn …") or names a means of running the plan (MEANS_RE in its head: "nâng cao chất
 * lượng tuyên truyền …", "thực hiện tốt chính sách khen thưởng …").
 */
function elaborates(text: string): boolean {
  const head = /^(?:các|mỗi|từng)\s/iu.test(text) ? text : text.split(',')[0]!
  return INTENSIFIER_RE.test(text) || MEANS_RE.test(head)
}

/** Two names of one measure: most of the shorter's words (accents folded) are in the longer. */
/**
 * How many cases (vụ) the plan states for a year a cut is measured from: in the clause's bracket
 * ("so với năm 2024 (năm 2024 xảy ra 07 vụ)"), or in a sentence about that year elsewhere ("Năm
 * 2025 trên địa bàn xảy ra 40 vụ phạm pháp hình sự", "Tai nạn giao thông trong năm 2025 xảy ra 10 vụ").
 */
function statedCases(name: string, baseYear: number, rest: string, text: string): number | undefined {
  const cases = name.replace(/^(?:kéo\s+)?giảm\s+/iu, '').replace(/^số vụ\s+/iu, '').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
  const m =
    new RegExp(String.raw`${baseYear}[^;]*?(\d[\d.]*)\s*vụ(?![\p{L}])`, 'iu').exec(rest) ??
    (cases.length >= 6
      ? (new RegExp(String.raw`năm ${baseYear}[^.;]*?(\d[\d.]*)\s*vụ\s+${cases}`, 'iu').exec(text) ??
        // "Năm 2025, … . Trên địa bàn xảy ra 20 vụ tai nạn giao thông", "Phát huy kết quả năm 2024: …,
        // xảy ra 18 vụ phạm pháp hình sự": later in a paragraph about that year.
        new RegExp(String.raw`(?:^|\n)[^\n]*?năm ${baseYear}(?!\d)[^\n]*?(?<![\d.,])(\d[\d.]*)\s*vụ\s+${cases}`, 'iu').exec(text) ??
        // "Tai nạn giao thông trong năm 2025 xảy ra 10 vụ": the cases named before the year.
        new RegExp(String.raw`(?<![\p{L}])${cases}\s+(?:trong\s+)?năm ${baseYear}(?!\d)\s+(?:xảy ra|có|là)\s+(\d[\d.]*)\s*vụ(?![\p{L}])`, 'iu').exec(text))
      : null)
  return m ? Number(m[1]!.replace(/\./g, '')) : undefined
}

function sameMeasure(a: string, b: string): boolean {
  const noise = new Set(['ty', 'le', 'so', 'cac', 'va', 'cua', 'dat', 'tong', 'ca', 'nam', 'moi', 'vu'])
  const [x, y] = [plainWords(a).filter((w) => !noise.has(w)), plainWords(b).filter((w) => !noise.has(w))]
  const [short, long] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)]
  return short.length > 0 && short.filter((w) => long.has(w)).length / short.length >= 0.6
}

/**
 * Two clauses state the same goal when, on their folded words (codes.ts plainWords), at least
 * 80 % of the shorter's words are in the longer and the words they share are at least half of the
 * longer's: a goal restated with a place ("… trên địa bàn xã") or a word changed. A short clause
 * (under 4 words) is never taken for another, nor one listed inside a much longer clause.
 */
export function sameGoal(a: string, b: string): boolean {
  const x = new Set(plainWords(a))
  const y = new Set(plainWords(b))
  const small = Math.min(x.size, y.size)
  if (small < 4) return false
  let common = 0
  for (const w of x) if (y.has(w)) common++
  // "Xã đạt tiêu chuẩn …" and "100% thôn đạt tiêu chuẩn …": the same words said of other units.
  const units = (s: string): string => [...new Set([...s.toLowerCase().normalize('NFC').matchAll(/(?<![\p{L}])(xã(?! hội)|phường|thôn|bản|ấp|khóm|trường)(?![\p{L}])/gu)].map((m) => m[1]))].sort().join()
  if (units(a) !== units(b) && units(a) !== '' && units(b) !== '') return false
  return common >= 0.8 * small && common >= 0.5 * Math.max(x.size, y.size)
}

const COMPARED_RE = new RegExp(
  String.raw`^(?:[-+•]\s*)?(.+?)\s+(cao hơn|tăng thêm|tăng|không thấp hơn|bằng hoặc cao hơn|không vượt quá(?: mức)?|không vượt|không cao hơn)\s+` +
    String.raw`(?:(?:so với\s+)?(?:mức\s+)?(?:năm (\d{4})|năm trước)\s+)?(?:(ít nhất|tối thiểu|trên)\s+)?(?:(\d(?:[\d.,]*\d)?)\s*(%|điểm phần trăm|[\p{L}/ ]{1,25}?)\s+)?` +
    String.raw`(?:so với\s+(?:mức\s+)?(?:năm (\d{4})|năm trước)\s*)?\(\s*(?:cuối |đầu )?năm (\d{4})\s*(?::|đạt|thu được|có|là|xảy ra)?\s*:?\s*(\d(?:[\d.,]*\d)?)\s*([^()]*?)\)\s*[.;]?$`,
  'iu',
)

/**
 * A target against last year's figure stated in brackets: "không thấp hơn năm 2022 (năm 2022: 85
 * hộ)" is at least 85; "cao hơn năm 2022 (năm 2022 đạt 86%)" above 86 %; "không vượt quá mức năm
 * 2022 (15 vụ)" at most 15; "cao hơn năm 2022 ít nhất 50 người (năm 2022: 420 người)" at least
 * 470; "tăng thêm 2 điểm phần trăm … (năm 2022 đạt 91%)" at least 93 %; "cao hơn năm 2022 ít nhất
 * 8% (năm 2022: 72 triệu đồng/người/năm)" at least 77,76 on a rate, a growth of 8 % on an amount.
 */
function comparedToBase(item: Line, section: Section, year: number | undefined, doc: DocHabits, codes: Codes, n: number): Built | undefined {
  const text = item.text.replace(/^\s*(?:[-+•]\s*)?/u, '')
  const m = COMPARED_RE.exec(text) ?? /^(.+?)\s+(không vượt quá(?: mức)?|không vượt)\s+(?:mức\s+)?năm (\d{4})\s*\(\s*(\d(?:[\d.,]*\d)?)\s*([^()]*?)\)\s*[.;]?$/iu.exec(text)
  if (!m || year === undefined) return undefined
  const short = m.length < 11
  const verb = m[2]!.toLowerCase()
  const baseYear = Number(short ? m[3] : (m[8] ?? m[3] ?? m[7] ?? year - 1))
  const baseText = short ? m[4]! : m[9]!
  const baseUnitText = (short ? m[5]! : m[10]!).trim()
  if (baseYear >= year) return undefined
  const read = (d: string, percent: boolean): number | undefined => readDigits(d, { integer: false, percent, habit: doc.habit })?.value
  const unit = /^%/u.test(baseUnitText) ? '%' : (unitInfo(baseUnitText)?.canonical ?? unitInfo(baseUnitText.split(/\s+/u)[0] ?? '')?.canonical)
  const base = read(baseText, unit === '%')
  if (unit === undefined || base === undefined) return undefined
  const rate = unit === '%' || unit.includes('/')
  const figureText = short ? undefined : m[5]
  const figureUnit = short ? undefined : m[6]?.trim()
  const figure = figureText !== undefined ? read(figureText, figureUnit === '%') : undefined
  const round = (x: number): number => Math.round(x * 1000) / 1000
  const shown = (x: number): string => String(round(x)).replace('.', ',')
  let target: Target
  let reason: string
  if (/không vượt|không cao hơn/u.test(verb)) {
    if (figure !== undefined) return undefined
    target = { kind: 'at_most', value: base, strict: false }
    reason = `không vượt mức năm ${baseYear} (${shown(base)} ${unit}): không quá ${shown(base)}`
  } else if (figure === undefined) {
    if (verb === 'tăng' || verb === 'tăng thêm') return undefined
    const strict = verb === 'cao hơn'
    target = rate ? { kind: 'rate_at_least', value: base, ...(strict ? { strict: true } : {}) } : { kind: 'at_least', value: base, ...(strict ? { strict: true } : {}) }
    reason = `${strict ? 'cao hơn' : 'không thấp hơn'} năm ${baseYear} (${shown(base)} ${unit})`
  } else if (figureUnit === '%' && !rate) {
    target = { kind: 'growth', percent: figure, baseYear, baseValue: base }
    reason = `tăng ${shown(figure)}% so với năm ${baseYear} (${shown(base)} ${unit})`
  } else {
    const level = figureUnit === '%' && unit !== '%' ? base * (1 + figure / 100) : base + figure
    if (figureUnit !== '%' && figureUnit !== 'điểm phần trăm' && (unitInfo(figureUnit ?? '')?.canonical ?? figureUnit) !== unit) return undefined
    target = rate ? { kind: 'rate_at_least', value: round(level) } : { kind: 'at_least', value: round(level) }
    reason = `năm ${baseYear}: ${shown(base)} ${unit}; ${verb} ${shown(figure)} ${figureUnit}: đạt từ ${shown(level)} ${unit} trở lên`
  }
  const name = upperFirst(cleanName(m[1]!).name)
  const reading: Reading = rate
    ? { name, unitOfMeasure: unit, aggregation: 'rate', scale: unit === '%' ? 100 : 1, ...(unit === '%' ? {} : { proportion: false }), target }
    : { name, unitOfMeasure: unit, aggregation: isStockName(name) ? 'stock' : 'flow', target }
  const source = text.replace(/[.;\s]+$/u, '')
  const start = item.start + (item.text.length - item.text.replace(/^\s*(?:[-+•]\s*)?/u, '').length)
  const span = { start, end: start + source.length }
  const found: Found = { name, span, at: start, digits: [baseText, undefined], unit, cue: undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value: makeIndicator(reading, codes.take(slug(name)), section.code, source), source: span, confidence: 'medium', reasons: [reason], ambiguous: false, found }
}

/**
 * "Tổng thu ngân sách trên địa bàn bằng hoặc cao hơn năm 2023", "… không thấp hơn năm trước": an
 * amount at least last year's, a growth of 0 % on that year. A rate said so stays a yes/no: its
 * level is last year's, which the plan does not give here.
 */
function notBelow(c: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number, year: number | undefined, doc: DocHabits): Built | undefined {
  const m = /^(.+?)\s+(?:bằng hoặc cao hơn|không thấp hơn|không dưới|không giảm so với)\s+(?:năm (\d{4})|năm trước|cùng kỳ(?: năm trước)?)\s*$/iu.exec(c.text.replace(/[.;,\s]+$/u, ''))
  if (!m || /^(?:tỷ lệ|tỉ lệ|tỷ suất)/iu.test(m[1]!)) return undefined
  const baseYear = m[2] ? Number(m[2]) : year !== undefined ? year - 1 : undefined
  if (baseYear === undefined) return undefined
  const name = upperFirst(m[1]!.replace(/^(?:phấn đấu|phân đấu)\s+/iu, ''))
  const money = /thu|chi|giá trị|doanh thu|vốn|thu nhập/iu.test(name)
  const value: Indicator = {
    code: codes.take(slug(name)),
    name,
    field: section.code,
    unitOfMeasure: money ? doc.money : 'chưa rõ',
    aggregation: isStockName(name) ? 'stock' : 'flow',
    proportion: true,
    target: { kind: 'growth', percent: 0, baseYear },
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source: c.text,
  }
  const found: Found = { name, span: { start: c.start, end: c.end }, at: c.start, digits: ['0', undefined], unit: '', cue: { kind: 'growth' }, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value, source: { start: c.start, end: c.until ?? c.end }, confidence: money ? 'medium' : 'low', reasons: [`không thấp hơn năm ${baseYear}: tăng 0 % trở lên so với năm ${baseYear}; cần số của năm ${baseYear}`], ambiguous: false, found }
}

function yesNo(c: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number, confidence: Confidence, reasons: string[]): Built {
  const name = upperFirst(clip(c.text.replace(/^(?:phấn đấu|phân đấu)\s+/iu, ''), 300))
  const value: Indicator = {
    code: codes.take(slug(name, 4)),
    name,
    field: section.code,
    unitOfMeasure: 'đạt/không đạt',
    aggregation: 'yes_no',
    proportion: true,
    target: { kind: 'yes_no' },
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source: c.text,
  }
  const found: Found = { name, span: { start: c.start, end: c.end }, at: c.start, digits: ['0', undefined], unit: '', cue: undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value, source: { start: c.start, end: c.until ?? c.end }, confidence, reasons, ambiguous: false, found }
}

/** The indicators of one line's figures, with the relations the line states between them. */
/** A crop's measures as a short message abbreviates them, with the units each is stated in. */
const CROP_ABBREVIATIONS: Record<string, { name: string; units: RegExp }> = {
  DT: { name: 'diện tích', units: /^ha$/u },
  NS: { name: 'năng suất', units: /^(?:tạ|tấn)\/ha$/u },
  SL: { name: 'sản lượng', units: /^(?:tấn|tạ)$/u },
}

/** A crop's name without what qualifies its measure ("cây ngô", "lúa cả năm", "chè búp tươi": ngô, lúa, chè). */
function bareCrop(x: string | undefined): string | undefined {
  return x?.replace(/^trong đó\s*:?\s*/iu, '').replace(/^cây\s+/iu, '').replace(CROP_QUALIFIER_RE, ' ').replace(/\s+/gu, ' ').trim() || undefined
}

/** Planting or reworking, named by the action rather than the crop: "trồng mới, trồng dặm", "tái canh". */
const PLANTING_RE = /^(?:trồng|tái canh|ghép|cải tạo|chuyển đổi|khai hoang)(?![\p{L}])/iu

function fromFound(found: Found[], line: Line, year: number | undefined, doc: DocHabits, codes: Codes, n0: number): Built[] {
  if (found.length === 0) return []
  const text = (s: SourceSpan): string => line.text.slice(s.start - line.start, s.end - line.start)

  // "Cơ cấu kinh tế: nông nghiệp 38,5%, công nghiệp – xây dựng 29,4%, dịch vụ 32,1%": one shares target.
  const sharesName = /^(cơ cấu[^:]*?)\s*(?::|gồm|là)\s*/iu.exec(found[0]!.name)
  if (sharesName && found.length >= 2 && found.every((f) => f.unit === '%')) {
    return sharesFrom(found, sharesName, line, codes, n0, doc)
  }

  // "Giảm tỷ lệ hộ nghèo từ 2 - 2,5%, trong đó hộ nghèo đồng bào dân tộc thiểu số giảm 3%": a part
  // in % of a rate is that rate of the part.
  const rateWhole = found.find((f) => !f.afterWhole)
  if (rateWhole && rateWhole.unit === '%' && /^(?:(?:kéo\s+)?giảm\s+|tăng\s+)?(?:tỷ|tỉ) (?:lệ|suất)\s/iu.test(rateWhole.name)) {
    for (const f of found) if (f.afterWhole && f.unit === '%' && !/^(?:tỷ|tỉ) (?:lệ|suất)|^tốc độ/iu.test(f.name) && f.name !== '') f.name = `tỷ lệ ${f.name}`
  }

  // A crop's measures abbreviated ("Lúa cả năm: DT 1.150 ha, NS 62 tạ/ha, SL 7.130 tấn"), each by
  // the unit that fits it (NS alone is also ngân sách, "Thu NS …": only "NS … tạ/ha" is a yield).
  for (const f of found) {
    const full = CROP_ABBREVIATIONS[/(?:^|:\s*)(DT|NS|SL)$/u.exec(f.name)?.[1] ?? '']
    if (full && full.units.test(f.unit)) f.name = f.name.replace(/(DT|NS|SL)$/u, full.name)
  }

  // A name listing parts after a colon ("Số học sinh có mặt đầu năm học: Mầm non 435 học sinh, tiểu học …").
  const colon = /^([^:]{6,}?)\s*:\s*(.+)$/u.exec(found[0]!.name)
  const first = found[0]!
  if (colon && !MEASURE_RE.test(first.name) && found.length >= 2) {
    const prefix = colon[1]!
    first.name = `${prefix} – ${colon[2]}`
    // A "trong đó" part of a whole that names its own measure ("Phát triển chăn nuôi …: tổng đàn gia
    // súc đạt 5.200 con, trong đó đàn bò 3.100 con") is named by itself, not by the topic before the colon.
    const namedWhole = /^(?:tỷ lệ|số|tổng|giá trị|thu|chi|đàn|diện tích|sản lượng)(?![\p{L}])/iu.test(colon[2]!)
    for (const f of found.slice(1)) {
      if (namedWhole && /^trong đó(?![\p{L}])/iu.test(text(f.span))) continue
      if (f.name.split(/\s+/u).length <= 5 && !/^(?:tỷ lệ|số|tổng|giá trị|thu|chi)/iu.test(f.name)) f.name = `${prefix} – ${f.name}`
    }
  }

  // Crops: "Lúa: diện tích 229 ha, năng suất 65 tạ/ha, sản lượng 1.448,5 tấn".
  let subject: string | undefined
  const measures = found.map((f, i) => {
    // "…; trong đó lúa ruộng 310 ha, năng suất bình quân 52 tạ/ha, sản lượng 1.612 tấn": a crop's
    // hectares right before its yield are its area.
    const crop = f.name.replace(/^trong đó\s*:?\s*/iu, '')
    // "… đạt 640 ha, trong đó diện tích rau VietGAP đạt 210 ha; năng suất …": a part names its own
    // kind, the measures after it are the whole's crop again.
    const outer = subject
    const part = /^trong đó(?![\p{L}])/iu.test(text(f.span))
    // ("trồng mới, trồng dặm 25 ha; năng suất …": planting names an action, not a crop.)
    const areaOf = f.unit === 'ha' && /^năng suất(?![\p{L}])/iu.test(found[i + 1]?.name ?? '') && !MEASURE_RE.test(f.name) && crop.split(/\s+/u).length <= 5 && !VILLAGE_NAME_RE.test(crop) && !PLANTING_RE.test(crop)
    const m = MEASURE_RE.exec(areaOf ? `diện tích ${crop}` : f.name)
    if (!m) {
      // "Ngô: diện tích 380 ha, trong đó thôn Nà Lừa 120 ha, …; năng suất 45 tạ/ha": a village's share of
      // the crop's area leaves the crop named for the measures after it.
      if (!VILLAGE_NAME_RE.test(crop)) subject = undefined
      return undefined
    }
    // "năng suất bình quân", "diện tích gieo cấy cả năm": qualifiers of the measure, not a crop.
    // "Cây cà phê: diện tích …, sản lượng cà phê nhân …": the plant is the crop.
    const own = bareCrop(m[1]) ?? bareCrop(m[3])
    if (own) subject = own
    // "…; năng suất bình quân 90 tạ/ha, sản lượng chè búp tươi 4.680 tấn": a measure naming no
    // crop, with none before it, is of the crop the next measure names.
    if (!subject) {
      const next = MEASURE_RE.exec(found[i + 1]?.name ?? '')
      subject = bareCrop(next?.[1]) ?? bareCrop(next?.[3])
    }
    // "Cây ngô: gieo trồng 620 ha": the area sown.
    const measure = /^gieo/iu.test(m[2]!) ? 'diện tích' : m[2]!.toLowerCase()
    if (!subject) return undefined
    f.name = `${upperFirst(measure)} ${lowerFirst(subject)}`
    const got = { measure: measure === 'diện tích' ? 'DT' : measure === 'năng suất' ? 'NS' : 'SL', subject }
    if (part && outer) subject = outer
    return got
  })

  const out: Built[] = []
  for (const [i, f] of found.entries()) {
    const reasons: string[] = []
    const { main, alternatives, confidence } = toIndicatorShape(f, year, doc, reasons)
    const ms = measures[i]
    const code = codes.take(ms ? `${slug(ms.subject, 2)}_${ms.measure}` : slug(main.name))
    const value = makeIndicator(main, code, f.section.code, text(f.span))
    out.push({
      id: `indicator.${n0 + out.length}`,
      value,
      source: f.span,
      confidence,
      reasons,
      ambiguous: alternatives.length > 0,
      ...(alternatives.length > 0 ? { alternatives: alternatives.map((a) => makeIndicator(a, code, f.section.code, text(f.span))) } : {}),
      found: f,
    })
  }

  // Area, yield and output of one crop: the yield is computed (output ÷ area), as a plan states it.
  const bySubject = new Map<string, Record<string, Built>>()
  for (const [i, b] of out.entries()) {
    const ms = measures[i]
    if (!ms) continue
    const key = cropKey(bySubject, ms.subject, ms.measure)
    const rec = bySubject.get(key) ?? {}
    rec[ms.measure] = b
    bySubject.set(key, rec)
  }
  for (const rec of bySubject.values()) linkYield(rec)

  // "X … Trong đó: a …, b …": parts that add up to the whole are its children (lương thực = lúa +
  // ngô); a part that does not is a part of it (xuất khẩu lao động ⊂ việc làm mới).
  const wholeIdx = out.findIndex((b) => !b.found!.afterWhole)
  const whole = out[wholeIdx]
  const parts = out.filter((b) => b.found!.afterWhole && whole && unitFamily(b.value.unitOfMeasure) === unitFamily(whole.value.unitOfMeasure))
  if (whole && parts.length > 0 && out.indexOf(parts[0]!) > wholeIdx) {
    // A part counts what its whole counts: "10 đảng viên, trong đó … 8 đồng chí" are 8 đảng viên.
    for (const p of parts) p.value = { ...p.value, unitOfMeasure: whole.value.unitOfMeasure }
    const wholeFigure = figureOf(whole.value.target)
    const figures = parts.map((p) => figureOf(p.value.target))
    const sum = figures.reduce<number>((s, x) => s + (x ?? Number.NaN), 0)
    if (parts.length >= 2 && whole.value.aggregation !== 'rate' && wholeFigure !== undefined && agreesWith(wholeFigure, sum)) {
      whole.value = { ...whole.value, children: parts.map((p) => p.value.code), target: { kind: 'derived', value: wholeFigure } }
      whole.reasons.push('“trong đó” các phần cộng lại bằng tổng: tổng tính từ các phần')
    } else {
      for (const p of parts) {
        p.value = { ...p.value, partOf: whole.value.code }
        p.reasons.push(`“trong đó”: là một phần của “${whole.value.name}”`)
      }
    }
  }

  // "Giá trị sản xuất tăng 10%, nông nghiệp tăng 5-7%, dịch vụ …": sectors are parts of the first.
  const head = out[0]
  if (head && out.length >= 2 && head.value.target?.kind === 'growth' && !SECTOR_RE.test(head.found!.name)) {
    const sectors = out.slice(1).filter((b) => b.value.target?.kind === 'growth' && SECTOR_RE.test(b.found!.name))
    if (sectors.length >= 2) {
      for (const s of sectors) {
        const t = s.value.target
        const own = s.found!.post.baseYear !== undefined
        s.value = {
          ...s.value,
          name: `${head.value.name} ${lowerFirst(s.found!.name)}`,
          unitOfMeasure: head.value.unitOfMeasure,
          aggregation: head.value.aggregation,
          ...(t?.kind === 'growth' && head.value.target?.kind === 'growth' && !own ? { target: { ...t, baseYear: head.value.target.baseYear } } : {}),
        }
        s.reasons = s.reasons.filter((r) => !r.startsWith('chỉ tiêu tăng trưởng: đơn vị') && (own || !r.startsWith('không nói')))
        s.reasons.push(`một ngành của “${head.value.name}”: cùng năm gốc và đơn vị tính`)
        if (s.confidence === 'low' && !s.ambiguous) s.confidence = 'medium'
      }
      head.value = { ...head.value, children: sectors.map((s) => s.value.code) }
    }
  }

  // "Diện tích lúa 356 ha, năng suất bình quân 6,3 tấn/ha" with no output stated: the yield is still
  // output ÷ area, and the output an indicator of its own with no target, there for the formula.
  for (const [subject, rec] of bySubject) {
    if (!rec.DT || !rec.NS || rec.SL || rec.DT.value.unitOfMeasure !== 'ha' || !/^(?:tạ|tấn)\/ha$/u.test(rec.NS.value.unitOfMeasure)) continue
    if (rec.NS.value.target?.kind !== 'rate_at_least' && rec.NS.value.target?.kind !== 'at_least') continue
    const output: Built = {
      id: `indicator.${n0 + out.length}`,
      value: { code: codes.take(`${slug(subject, 2)}_SL`), name: `Sản lượng ${lowerFirst(subject)}`, field: rec.NS.value.field, unitOfMeasure: 'tấn', aggregation: 'flow', proportion: true, reporters: { kinds: [...REPORTERS.kinds], units: [] } },
      source: rec.NS.source,
      confidence: 'medium',
      reasons: ['kế hoạch không nêu sản lượng: chỉ tiêu không có mức, để tính năng suất = sản lượng ÷ diện tích'],
      ambiguous: false,
      forFormula: true,
    }
    out.push(output)
    linkYield({ ...rec, SL: output })
  }
  return out
}

/** "đến ngày 30/6/2024", "đến 30/6": a date within the year that a figure is to be reached by (not 31/12). */
function midYearMilestone(text: string): boolean {
  const m = [...text.matchAll(/(?<![\p{L}])đến\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/\d{4})?(?!\d)/giu)].pop()
  return m !== undefined && !(Number(m[1]) === 31 && Number(m[2]) === 12)
}

/** "xây dựng xã đạt chuẩn nông thôn mới vào năm 2026" in a plan for 2025: a goal of a later year, not this plan's. */
function laterYear(text: string, planYear: number | undefined): boolean {
  const m = /(?<![\p{L}])(?:vào|đến|trong|trước)\s+(?:hết\s+|cuối\s+)?năm (\d{4})(?!\d)/iu.exec(text)
  return m !== null && planYear !== undefined && Number(m[1]) > planYear
}

/** "Năm 2025 …", "Trong năm 2025, …", "Năm qua, …": the paragraph opens on a year it reviews. */
function opensOnPastYear(text: string, planYear: number | undefined): boolean {
  if (planYear === undefined) return false
  // Also "Đến hết năm 2023, xã đạt 14/19 tiêu chí …", "Tính đến cuối năm 2023, …".
  // And "Đến ngày 31/12/2023, toàn xã có …", a date of a past year.
  const opening = /^(?:trong\s+|(?:tính\s+)?đến\s+(?:hết|cuối)\s+|cuối\s+|hết\s+)?năm (\d{4})(?!\d)/iu.exec(text) ?? /^(?:tính\s+)?đến\s+(?:hết\s+)?(?:ngày\s+)?\d{1,2}\/\d{1,2}\/(\d{4})(?!\d)/iu.exec(text)
  // "Trong 8 tháng đầu năm, thu ngân sách … đạt 28,7 tỷ đồng": what the year has reached so far.
  // "Tình hình 2025 (…): thu NS 16,8 tỷ đ, …", "Kết quả năm 2025: …": a review of that year.
  // "Căn cứ kết quả thực hiện nhiệm vụ năm 2022: …": the past year's results, the plan's basis.
  const review = /^(?:căn cứ(?:\s+vào)?\s+)?(?:tình hình|kết quả)(?:\s+(?:thực hiện|đạt được)(?:\s+(?:nhiệm vụ|kế hoạch|chỉ tiêu)(?:\s+[\p{L}-]+){0,4}?)?)?(?:\s+năm)?\s+(\d{4})(?!\d)/iu.exec(text)
  if (review && Number(review[1]) < planYear) return true
  // "Đầu năm 2023, toàn xã còn 98 hộ nghèo, …": where the plan's year starts, stated.
  const start = /^(?:tính đến\s+|đến\s+)?đầu năm (\d{4})(?!\d)\s*,/iu.exec(text)
  if (start && Number(start[1]) <= planYear) return true
  return (opening !== null && Number(opening[1]) < planYear) || /^(?:trong\s+)?năm qua(?![\p{L}])/iu.test(text) || /^(?:trong\s+)?(?:\d{1,2}|sáu|chín) tháng (?:đầu|qua)(?: năm)?(?:\s+\d{4})?,/iu.test(text)
}

/**
 * A paragraph that reports a year before the plan's: it opens on that year, or names only past
 * years and says what was done ("đã", "đạt được").
 */
function pastResults(text: string, planYear: number | undefined, beforeSections: boolean): boolean {
  if (planYear === undefined) return false
  if (opensOnPastYear(text, planYear)) return true
  if (!beforeSections || !/(?<![\p{L}])(?:đã|đạt được)(?![\p{L}])/iu.test(text)) return false
  const years = [...text.matchAll(/năm (\d{4})(?!\d)/giu)].map((m) => Number(m[1]))
  return years.length > 0 && years.every((y) => y < planYear)
}

/** Rice is written thóc (grain) in a total and lúa on its own line. */
const CROP_SYNONYMS: Record<string, string> = { thoc: 'lua' }

/** A part's name ("Thóc", "Ngô") names the crop of an output line ("Sản lượng lúa ruộng bậc thang"). */
function sameCrop(part: string, output: string): boolean {
  const of = (s: string): string[] => plainWords(s).map((w) => CROP_SYNONYMS[w] ?? w)
  const words = of(part).filter((w) => !['san', 'luong', 'trong', 'do', 'cay'].includes(w))
  const line = new Set(of(output))
  return words.length > 0 && words.every((w) => line.has(w))
}

/**
 * The record a crop's measure goes to: its own, or that of the same crop named in more or fewer
 * words ("Chè Shan tuyết" and "chè", "lúa hai vụ" and "lúa") that still lacks this measure. A
 * crop's name is a few words, not a sentence about it.
 */
function cropKey(records: ReadonlyMap<string, Record<string, Built>>, subject: string, measure: string): string {
  if (records.has(subject)) return subject
  const short = (x: string): boolean => x.split(/\s+/u).length <= 4
  return [...records.entries()].find(([k, r]) => !r[measure] && short(k) && short(subject) && (sameCrop(k, subject) || sameCrop(subject, k)))?.[0] ?? subject
}

/** Area, yield and output of one crop: the yield is computed (output ÷ area), as a plan states it. */
function linkYield(rec: Record<string, Built>): void {
  const { DT: area, NS: yieldB, SL: output } = rec
  if (!area || !yieldB || !output) return
  const perHa = yieldB.value.unitOfMeasure
  const factor = perHa === 'tạ/ha' && output.value.unitOfMeasure === 'tấn' ? ' * 10' : perHa === 'tấn/ha' && output.value.unitOfMeasure === 'tấn' ? '' : undefined
  if (factor === undefined || area.value.unitOfMeasure !== 'ha') return
  const stated = figureOf(yieldB.value.target)
  yieldB.value = {
    ...yieldB.value,
    aggregation: 'stock',
    formula: `${output.value.code}${factor} / ${area.value.code}`,
    target: { kind: 'derived', ...(stated !== undefined ? { value: stated } : {}) },
  }
  delete yieldB.value.scale
  yieldB.value.proportion = true
  delete yieldB.alternatives
  yieldB.ambiguous = false
  yieldB.reasons.push('năng suất = sản lượng ÷ diện tích: tính từ hai chỉ tiêu kia')
  for (const b of [area, output]) if (b.value.aggregation !== 'flow') b.value.aggregation = 'flow'
}

function figureOf(t: Target | undefined): number | undefined {
  if (!t) return undefined
  if (t.kind === 'at_least' || t.kind === 'rate_at_least' || t.kind === 'at_most') return t.value
  if (t.kind === 'derived') return t.value
  return undefined
}

function sharesFrom(found: Found[], sharesName: RegExpExecArray, line: Line, codes: Codes, n0: number, doc: DocHabits): Built[] {
  const first = found[0]!
  first.name = first.name.slice(sharesName[0].length)
  // The name may have been cleaned of what opened the clause ("Chỉ tiêu 2: …"): find it in the line.
  const nameAt = line.text.lastIndexOf(sharesName[1]!, first.at - line.start)
  const name = upperFirst(sharesName[1]!.trim())
  const partNames = found.map((f) => upperFirst(cleanName(f.name.replace(/\s*chiếm\s*:?$/iu, '')).name || 'Phần'))
  const code = codes.take(slug(name))
  const partCodes = partNames.map((p) => codes.take(`${code}_${slug(p, 2)}`))
  const span: SourceSpan = { start: nameAt >= 0 ? line.start + nameAt : first.span.start, end: found[found.length - 1]!.span.end }
  const percents = found.map((f) => readDigits(f.digits[0], { integer: false, percent: true, habit: 'unknown' })?.value ?? 0)
  const total = percents.reduce((s, x) => s + x, 0)
  const reasons = Math.abs(total - 100) > 1e-6 ? [`các phần cộng lại ${total}%, không phải 100%`] : []
  const source = line.text.slice(span.start - line.start, span.end - line.start)
  const unitOfMeasure = /kinh tế|giá trị|sản xuất/iu.test(name) ? (doc.lastGrowthMoney ?? doc.money) : 'chưa rõ'
  const parent: Built = {
    id: `indicator.${n0}`,
    value: {
      code,
      name,
      field: first.section.code,
      unitOfMeasure,
      aggregation: 'flow',
      proportion: true,
      children: partCodes,
      target: { kind: 'shares', parts: partCodes.map((c, i) => ({ indicator: c, percent: percents[i] ?? 0 })), tolerance: 1 },
      reporters: { kinds: [...REPORTERS.kinds], units: [] },
      source,
    },
    source: span,
    confidence: reasons.length > 0 ? 'low' : 'high',
    reasons: [...reasons, 'cơ cấu: mỗi phần là một chỉ tiêu con (giá trị của ngành), tổng là chỉ tiêu cha'],
    ambiguous: false,
    found: first,
  }
  const children: Built[] = partNames.map((p, i) => ({
    id: `indicator.${n0 + 1 + i}`,
    value: {
      code: partCodes[i]!,
      name: `${name}: ${lowerFirst(p)}`,
      field: first.section.code,
      unitOfMeasure,
      aggregation: 'flow',
      proportion: true,
      reporters: { kinds: [...REPORTERS.kinds], units: [] },
      source: line.text.slice(found[i]!.span.start - line.start, found[i]!.span.end - line.start),
    },
    source: found[i]!.span,
    confidence: 'medium',
    reasons: ['phần của cơ cấu: không có chỉ tiêu riêng'],
    ambiguous: false,
    found: found[i]!,
  }))
  return [parent, ...children]
}

/** A table row: a name cell, a unit-of-measure cell and a figure cell ("dưới 5", "≥ 95", "90 – 95"). */
interface MeasureColumn {
  index: number
  /** "Diện tích", "Sản lượng": what the column measures. */
  measure: string
  unit: string
}

/** The columns of a heading row that each carry a measure and its unit ("Diện tích (ha)"): two or more. */
function measureColumns(row: string): MeasureColumn[] | undefined {
  const cells = row.slice(1, -1).split('|').map((c) => c.trim())
  if (cells.some((c) => /^[≥≤<>]?\s*\d(?:[\d.,]*\d)?\s*%?$/u.test(c))) return undefined
  const out: MeasureColumn[] = []
  cells.forEach((c, index) => {
    const m = /^(.+?)\s*\(([^()]+)\)$/u.exec(c)
    const info = m ? unitInfo(m[2]!.trim()) : undefined
    if (m && info) out.push({ index, measure: m[1]!.trim(), unit: info.canonical })
  })
  return out.length >= 2 ? out : undefined
}

/**
 * A table with a figure per column (area, yield, output of each crop): each row's figures are
 * read as one line's ("Lúa cả năm: diện tích …, năng suất …, sản lượng …", fromFound). A row "- Lúa vụ
 * Xuân" under "Lúa cả năm" is its part: parts adding up to the row make it their sum. A row
 * "Tổng …" is the sum of the rows above whose figures add up to it.
 */
class MeasureTable {
  private top: Built[] = []
  private parts: Built[][] = []
  private tops: Built[] = []

  constructor(
    private readonly columns: MeasureColumn[],
    readonly section: Section,
  ) {}

  /** The row's indicators, or undefined when the row is not one of this table's. */
  row(line: Line, year: number | undefined, doc: DocHabits, codes: Codes, n0: number): Built[] | undefined {
    const cells: { text: string; start: number }[] = []
    let pos = 1
    for (const raw of line.text.slice(1, -1).split('|')) {
      cells.push({ text: raw.trim(), start: line.start + pos + (raw.length - raw.trimStart().length) })
      pos += raw.length + 1
    }
    const first = Math.min(...this.columns.map((c) => c.index))
    const label = cells
      .slice(0, first)
      .map((c) => c.text)
      .filter((t) => t !== '' && !/^(?:\d{1,2}|[IVX]+|[a-zđ])[.)]?$/u.test(t))
      .join(' ')
    const figures = this.columns.filter((c) => /\d/u.test(cells[c.index]?.text ?? ''))
    if (label === '' || figures.length === 0) return figures.length === 0 && label !== '' ? [] : undefined
    const part = /^[-–+]\s*/u.test(label)
    const total = /^tổng(?![\p{L}])/iu.test(label)
    const name = label.replace(/^[-–+]\s*/u, '')
    const found: Found[] = []
    for (const c of figures) {
      const cell = cells[c.index]!
      const digits = /(\d(?:[\d.,]*\d)?)/u.exec(cell.text)!
      found.push({
        name: total ? name : `${c.measure} ${lowerFirst(name)}`,
        span: { start: line.start, end: line.start + line.text.length },
        at: cell.start + digits.index,
        digits: [digits[1]!, undefined],
        unit: c.unit,
        cue: cueBefore(cell.text.slice(0, digits.index).replace(/^≥\s*/u, 'từ ').replace(/^>\s*/u, 'trên ').replace(/^≤\s*/u, 'không quá ').replace(/^<\s*/u, 'dưới '))?.cue,
        post: readPost(''),
        verbFirst: undefined,
        afterWhole: false,
        section: this.section,
      })
    }
    const built = fromFound(found, line, year, doc, codes, n0)
    for (const b of built) b.reasons.push('đọc từ một dòng bảng, cột theo tiêu đề bảng')
    if (total) {
      this.sumOf(built)
    } else if (part && this.top.length > 0) {
      this.parts.push(built)
    } else {
      this.close()
      this.top = built
      this.tops.push(...built)
    }
    return built
  }

  /** The rows' parts are settled: a figure that its parts add up to is their sum. */
  close(): void {
    for (const whole of this.top) {
      const unit = whole.value.unitOfMeasure
      const measure = /^(\S+\s\S+)/u.exec(whole.found!.name)?.[1]?.toLowerCase()
      const parts = this.parts.map((row) => row.find((b) => /^(\S+\s\S+)/u.exec(b.found!.name)?.[1]?.toLowerCase() === measure && b.value.unitOfMeasure === unit))
      const figure = figureOf(whole.value.target)
      if (parts.length < 2 || parts.some((p) => !p) || figure === undefined || whole.value.aggregation === 'rate' || whole.value.formula) continue
      const sum = parts.reduce((t, p) => t + (figureOf(p!.value.target) ?? Number.NaN), 0)
      if (!agreesWith(figure, sum)) continue
      whole.value = { ...whole.value, children: parts.map((p) => p!.value.code), target: { kind: 'derived', value: figure } }
      whole.reasons.push('các dòng con cộng lại bằng dòng này: tính từ các dòng con')
    }
    this.top = []
    this.parts = []
  }

  /** "Tổng sản lượng lương thực có hạt": the rows above, of its unit, whose figures add up to it. */
  private sumOf(built: Built[]): void {
    this.close()
    for (const t of built) {
      const figure = figureOf(t.value.target)
      const candidates = this.tops.filter((b) => b.value.unitOfMeasure === t.value.unitOfMeasure && !b.value.formula && figureOf(b.value.target) !== undefined).slice(0, 12)
      if (figure === undefined) continue
      let best: Built[] | undefined
      for (let mask = 1; mask < 1 << candidates.length; mask++) {
        const pick = candidates.filter((_, k) => mask & (1 << k))
        if (pick.length >= 2 && agreesWith(figure, pick.reduce((s, b) => s + figureOf(b.value.target)!, 0)) && (!best || pick.length > best.length)) best = pick
      }
      if (!best) continue
      t.value = { ...t.value, children: best.map((b) => b.value.code), target: { kind: 'derived', value: figure } }
      t.reasons.push(`tổng của ${best.map((b) => `“${b.value.name}”`).join(', ')}`)
    }
  }
}

/** A table's heading row: no figure in it (a year is no figure), and words in two cells or more. */
function headingRow(row: string, underHeading = false): string[] | undefined {
  const cells = row.slice(1, -1).split('|').map((c) => c.trim())
  if (cells.some((c) => /\d/u.test(c.replace(/(?<!\d)\d{4}(?!\d)/gu, '')))) return undefined
  if (underHeading && !cells.some((c) => COLUMN_NAME_RE.test(c))) return undefined
  const words = cells.filter((c) => /\p{L}{2,}/u.test(c) && !/^[IVXLC]+[.)]?$/u.test(c))
  // A group row merged across the table ("| I | CHỈ TIÊU VỀ KINH TẾ | CHỈ TIÊU VỀ KINH TẾ | …") is no heading.
  return words.length >= 2 && !mergedRow(cells) ? cells : undefined
}

/** Words that name a table's column: "TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025", "Thực hiện", "Ghi chú", "Mức phấn đấu". */
const COLUMN_NAME_RE = /^(?:s?tt|số tt|chỉ tiêu|nội dung|tên|đơn vị|đvt|kế hoạch|kh|thực hiện|th|ước|năm|mức|phấn đấu|ghi chú|so sánh|tỷ lệ|giao|quý|cả năm|tháng|dự toán|mục tiêu|kết quả|chủ trì|thời gian)(?![\p{L}])/iu

/** A row whose cells after its number all say the same: a group merged across the table. */
function mergedRow(cells: readonly string[]): boolean {
  const rest = cells.filter((c) => c !== '' && !/^(?:[IVXLC]+|\d{1,2}|[A-Z])[.)]?$/u.test(c))
  return rest.length >= 2 && new Set(rest.map((c) => c.toLowerCase())).size === 1
}

/** What each column of a table holds, from its heading. */
interface TableColumns {
  plan?: number
  unit?: number
  name?: number
  notes?: number
  /** The assigned target, where the plan column holds the commune's own ("phấn đấu"). */
  fallback?: number
  /** Columns that are no target: last year's, notes, who is in charge. */
  skip: Set<number>
}

function tableColumns(head: readonly string[], year: number | undefined): TableColumns {
  const cols: TableColumns = { skip: new Set() }
  head.forEach((h, i) => {
    const x = h.toLowerCase()
    if (/^(?:đvt|đơn vị tính|đơn vị)$/u.test(x)) cols.unit = i
    else if (/^(?:ghi chú|chú thích)/u.test(x)) {
      cols.notes = i
      cols.skip.add(i)
    } else if (/thực hiện|(?<![\p{L}])(?:ước|th)(?![\p{L}])|chủ trì|phụ trách|thực hiện|so sánh|năm trước|thời gian|thời hạn|hoàn thành/u.test(x) && !(year !== undefined && x.includes(String(year)) && /kế hoạch|kh|chỉ tiêu/u.test(x))) cols.skip.add(i)
    else if (/^(?:kế hoạch|kh|chỉ tiêu|mục tiêu|phấn đấu|dự toán|mức (?:phấn đấu|kế hoạch|chỉ tiêu))(?![\p{L}])/u.test(x) && !/^chỉ tiêu$|^nội dung/u.test(x)) {
      // "Chỉ tiêu giao | Chỉ tiêu phấn đấu": the commune's own target is the one it strives for; the
      // assigned one stands in where that cell is empty.
      if (/phấn đấu/u.test(x)) {
        if (cols.plan !== undefined) cols.fallback = cols.plan
        cols.plan = i
      } else if (cols.plan === undefined || (year !== undefined && x.includes(String(year)))) cols.plan = i
      else cols.fallback ??= i
    } else if (/^(?:chỉ tiêu|nội dung|tên chỉ tiêu)/u.test(x) && cols.name === undefined) cols.name = i
  })
  // "| Nội dung đăng ký | Chỉ tiêu | Thời gian hoàn thành |": beside a name column, "Chỉ tiêu" holds the figures.
  const bare = head.findIndex((h, i) => /^chỉ tiêu$/iu.test(h.trim()) && i !== cols.name)
  if (cols.plan === undefined && cols.name !== undefined && /^nội dung/iu.test(head[cols.name] ?? '') && bare !== -1) cols.plan = bare
  return cols
}

/** A plan cell in words: the state the row names, to keep or reach (a yes/no). */
const WORD_PLAN_RE = /^(?:hoàn thành|duy trì|giữ vững|đạt|đạt chuẩn|có|x)$/iu

/**
 * "| Số vụ tai nạn giao thông | Vụ | 20 | Giảm 10% |": a plan cell in % on a measure counted in
 * other units is a change from the row's last-year figure (its "Thực hiện năm 2025" column): a cut
 * is a ceiling (20 × 0,9 = 18 vụ), a rise a growth from that figure.
 */
function relativeToLastYear(plan: string, unit: string, cells: readonly { text: string }[], head: readonly string[] | undefined, year: number | undefined, doc: DocHabits): { target: Target; reason: string } | undefined {
  const m = /^(giảm|tăng)?\s*(\d+(?:[.,]\d+)?)\s*%$/iu.exec(plan.trim())
  if (!m || !head || year === undefined || /^[%‰]$/u.test(unit.trim())) return undefined
  const lastAt = head.findIndex((h) => /thực hiện|(?<![\p{L}])(?:ước|th)(?![\p{L}])|năm trước/iu.test(h) && (h.includes(String(year - 1)) || /năm trước/iu.test(h)))
  // Or in a note of the row: "Năm 2024: 20 vụ".
  const noted = cells.map((c) => new RegExp(String.raw`năm ${year - 1}\s*:?\s*(\d[\d.,]*)`, 'iu').exec(c.text)).find((x) => x !== null)
  const lastText = lastAt >= 0 ? cells[lastAt]?.text : noted?.[1]
  const last = lastText !== undefined ? readDigits(lastText, { integer: false, percent: false, habit: doc.habit })?.value : undefined
  const percent = readDigits(m[2]!, { integer: false, percent: true, habit: doc.habit })?.value
  if (last === undefined || percent === undefined) return undefined
  const shown = (x: number): string => String(x).replace('.', ',')
  if (m[1]?.toLowerCase() === 'giảm') {
    const ceiling = Math.round(last * (100 - percent)) / 100
    return { target: { kind: 'at_most', value: ceiling, strict: false }, reason: `giảm ${m[2]}% so với năm ${year - 1} (${shown(last)} ${unit}): năm nay không quá ${shown(ceiling)} ${unit}` }
  }
  return { target: { kind: 'growth', percent, baseYear: year - 1, baseValue: last }, reason: `tăng ${m[2]}% so với năm ${year - 1} (${shown(last)} ${unit})` }
}

function readTableRow(line: Line, section: Section, year: number | undefined, doc: DocHabits, codes: Codes, head?: readonly string[], group?: string): Built | undefined {
  const cells: { text: string; start: number }[] = []
  let pos = 1
  for (const raw of line.text.slice(1, -1).split('|')) {
    const lead = raw.length - raw.trimStart().length
    // "95(1)", "1,4(2)", "62*": a footnote mark on a figure is not part of it.
    cells.push({ text: raw.trim().replace(/\*\*/gu, '').replace(/(?<=\d)\s*(?:\(\d{1,2}\)|\(\*+\)|\*+)$/u, ''), start: line.start + pos + lead })
    pos += raw.length + 1
  }
  const cols = head ? tableColumns(head, year) : { skip: new Set<number>() }
  const usable = cells.filter((_, i) => !cols.skip.has(i))
  const unitCell = cols.unit !== undefined && unitInfo(cells[cols.unit]?.text ?? '') ? cells[cols.unit] : usable.find((c) => unitInfo(c.text) !== undefined)
  const isFigure = (c: { text: string }): boolean => /\d/u.test(c.text) && /^[\p{L}\s≥≤><=]*\d[\d.,\s%‰–-]*(?:trở lên|trở xuống)?$/iu.test(c.text)
  const planCell = cols.plan !== undefined ? (cells[cols.plan]?.text === '' && cols.fallback !== undefined ? cells[cols.fallback] : cells[cols.plan]) : undefined
  const figureCells = usable.filter((c) => c !== unitCell && isFigure(c))
  // "| Tỷ lệ hộ dân dùng nước sạch | % | 100 | Duy trì |": keep last year's level, which is the figure.
  const kept = planCell && /^duy trì$/iu.test(planCell.text) ? cells.find((c, i) => i !== cols.notes && cols.skip.has(i) && isFigure(c)) : undefined
  const figure = kept ?? (planCell ? (isFigure(planCell) ? planCell : undefined) : figureCells[figureCells.length - 1])
  const nameCell =
    (cols.name !== undefined && /\p{L}{2,}/u.test(cells[cols.name]?.text ?? '') ? cells[cols.name] : undefined) ??
    cells.find((c) => c !== unitCell && c !== figure && /\p{L}{2,}/u.test(c.text) && !/^\d+[.)]?$/u.test(c.text))
  // "| Trường học đạt chuẩn quốc gia | trường | 4/5 | 5/5 |", "| … giao quân | chỉ tiêu | Hoàn thành |": each is kept or reached, a yes/no.
  // "Hoàn thành trước ngày 30/9/2025", "Được công nhận lại đạt chuẩn quốc gia mức độ 1": a state with a date or a level, still no figure.
  const inWords =
    planCell !== undefined &&
    cols.plan !== undefined &&
    /\p{L}{2,}/u.test(planCell.text) &&
    (!/\d/u.test(planCell.text) || (/^(?:hoàn thành|được công nhận|giữ vững|duy trì|không để|đạt chuẩn)(?![\p{L}])/iu.test(planCell.text) && !new RegExp(QUANTITY_RE.source, 'iu').test(planCell.text)))
  if (nameCell && planCell && !kept && (WORD_PLAN_RE.test(planCell.text) || inWords || (wholeFraction(planCell.text) && /\d+\s*\/\s*\d+/u.test(planCell.text)))) {
    const name = upperFirst(nameCell.text.replace(/^\d+[.)]\s*/u, ''))
    const value: Indicator = { code: codes.take(slug(name, 4)), name, field: section.code, unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no', proportion: true, target: { kind: 'yes_no' }, reporters: { kinds: [...REPORTERS.kinds], units: [] }, source: line.text }
    const found: Found = { name, span: { start: line.start, end: line.start + line.text.length }, at: planCell.start, digits: ['0', undefined], unit: '', cue: undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
    return { id: '', value, source: found.span, confidence: 'medium', reasons: [`đọc từ một dòng bảng: cột kế hoạch ghi “${planCell.text}”, đạt/không đạt`], ambiguous: false, found }
  }
  // "| Tổng thu ngân sách … | 18.500 triệu đồng | Tháng 12/2026 |", "| Số vụ tai nạn giao thông | Giảm
  // 10% so với năm 2025 (năm 2025: 10 vụ) |": the plan cell states its figure with its unit and
  // words; it is read as the sentence "name + cell" would be.
  if (!figure && nameCell && planCell && /\d/u.test(planCell.text) && new RegExp(QUANTITY_RE.source, 'iu').test(planCell.text)) {
    const rowName = nameCell.text.replace(/^(?:\d+|[A-H])[.)]\s*/u, '').replace(/^[-+]\s+/u, '')
    const sentence: Line = { text: `${rowName} ${lowerFirst(planCell.text)}`, start: line.start }
    const found = findTargets(sentence, section, true)
    const read = fromFound(found.slice(0, 1), sentence, year, doc, codes, 0)[0]
    if (!read) return undefined
    const span = { start: line.start, end: line.start + line.text.length }
    read.found = { ...read.found!, span, at: planCell.start }
    read.reasons.push('đọc từ một dòng bảng: ô chỉ tiêu ghi cả số và đơn vị tính')
    for (const alt of read.alternatives ?? []) alt.source = line.text
    return { ...read, value: { ...read.value, source: line.text }, source: span }
  }
  if (!figure || !nameCell) return undefined
  const symbolic = figure.text.replace(/^≥\s*/u, 'từ ').replace(/^>\s*/u, 'trên ').replace(/^≤\s*/u, 'không quá ').replace(/^<\s*/u, 'dưới ')
  // "| Nội dung | Dự toán 2024 (triệu đồng) |": the plan column's heading may carry the unit.
  const headUnit = cols.plan !== undefined ? /\(([^()]+)\)\s*$/u.exec(head?.[cols.plan] ?? '')?.[1] : undefined
  // "| Thu ngân sách trên địa bàn (triệu đồng) | …": or the name cell, in brackets at its end.
  const nameUnit = /\s*\(([^()]+)\)\s*$/u.exec(nameCell.text)?.[1]?.trim()
  const unitOfName = nameUnit && (nameUnit === '%' || nameUnit === '‰' || unitInfo(nameUnit)) ? nameUnit : undefined
  const unit = unitCell?.text ?? unitOfName ?? (/%/u.test(figure.text) ? '%' : /‰/u.test(figure.text) ? '‰' : headUnit && unitInfo(headUnit) ? headUnit : '')
  const digits = /(\d(?:[\d.,]*\d)?)(?:\s*[%‰])?(?:\s*(?:-|–|đến)\s*(\d(?:[\d.,]*\d)?))?/u.exec(symbolic)
  if (!digits || unit === '') return undefined
  const cueText = symbolic.slice(0, digits.index)
  // "Tổng mức bán lẻ … tăng so với năm trước | % | 10": the row's name says the figure is a growth (or a cut).
  // "- Diện tích gieo trồng" under "Cây lúa cả năm": the measure of the crop the group row names.
  const measured = /^[-+]\s*((?:diện tích|năng suất|sản lượng)(?![\p{L}]).*)$/iu.exec(nameCell.text)
  // "| | - Trong đó: khách quốc tế | lượt | … |": a part of the row above, named by itself.
  const partRow = /^(?:(?:\d+|[A-H])[.)]\s*)?(?:[-+]\s*)?trong đó\s*:?\s*(?=\p{L})/iu.exec(nameCell.text)
  const rowName = (measured && group ? `${upperFirst(measured[1]!)} ${lowerFirst(group)}` : upperFirst(nameCell.text.slice(partRow?.[0].length ?? 0).replace(/^(?:\d+|[A-H])[.)]\s*/u, '').replace(/^[-+]\s+/u, ''))).replace(
    unitOfName !== undefined && unit === unitOfName ? /\s*\([^()]+\)\s*$/u : /$^/u,
    '',
  )
  // "Số hộ cận nghèo giảm trong năm | hộ | 6": a cut; "Tốc độ tăng doanh thu … | % | ≥ 12": a growth.
  const change = /\s+(tăng|giảm)(?:\s+(?:bình quân|trong năm))?(?:\s+(so với[^|]*))?$/iu.exec(rowName) ?? /^(?:tốc độ\s+|phấn đấu\s+)?(tăng|giảm)(?:\s+trưởng)?\s+/iu.exec(rowName)
  const pace = change !== null && change.index === 0
  // "Số vụ tai nạn giao thông giảm so với năm 2025 | % | ≥ 5": a cut of at least 5%.
  const changeCue = change && (/[%‰]/u.test(unit) || change[1]!.toLowerCase() === 'giảm') && (cueText.trim() === '' || pace || /^(?:từ|ít nhất|tối thiểu)$/iu.test(cueText.trim())) ? cueBefore(change[1]!) : undefined
  const notes = cols.notes !== undefined ? (cells[cols.notes]?.text ?? '') : ''
  // "Tốc độ tăng tổng giá trị sản xuất so với năm 2024": the base year in the row's name, or in its notes.
  const inName = changeCue ? /\s+(so với (?:năm \d{4}|năm trước|cùng kỳ(?: năm trước)?))\s*$/iu.exec(rowName) : null
  const noteBase = inName?.[1] ?? /so với (?:năm \d{4}|năm trước|cùng kỳ)/iu.exec(notes)?.[0]
  const f: Found = {
    name: changeCue ? (pace ? upperFirst(rowName.slice(change!.index + change![0].length, inName ? inName.index : undefined)) : rowName.slice(0, change!.index)) : rowName,
    span: { start: line.start, end: line.start + line.text.length },
    at: figure.start,
    digits: [digits[1]!, digits[2]],
    unit,
    cue: changeCue?.cue ?? cueBefore(cueText)?.cue,
    post: readPost(`${symbolic.slice(digits.index + digits[0].length)}${changeCue && change![2] ? ` ${change![2]}` : ''}${noteBase ? ` ${noteBase}` : ''}`),
    verbFirst: undefined,
    afterWhole: partRow !== null,
    section,
  }
  const reasons = ['đọc từ một dòng bảng']
  const relative = relativeToLastYear(figure.text, unitInfo(unit)?.canonical ?? unit, cells, head, year, doc)
  if (relative) {
    reasons.push(relative.reason)
    const code = codes.take(slug(rowName))
    const main: Reading = { name: upperFirst(rowName), unitOfMeasure: unitInfo(unit)?.canonical ?? unit, aggregation: 'flow', target: relative.target }
    return { id: '', value: makeIndicator(main, code, section.code, line.text), source: f.span, confidence: 'medium', reasons, ambiguous: false, found: f }
  }
  const { main, alternatives, confidence } = toIndicatorShape(f, year, doc, reasons)
  const code = codes.take(slug(main.name))
  return {
    id: '',
    value: makeIndicator(main, code, section.code, line.text),
    source: f.span,
    confidence,
    reasons,
    ambiguous: alternatives.length > 0,
    ...(alternatives.length > 0 ? { alternatives: alternatives.map((a) => makeIndicator(a, code, section.code, line.text)) } : {}),
    found: f,
  }
}

// ---------------------------------------------------------------------------
// From the accepted items to a plan

/**
 * The plan made of the accepted items (`'all'`: every item, an ambiguous one in its first
 * reading): fields left empty are dropped, references to indicators not taken are removed (a
 * derived figure whose inputs are gone becomes a plain "at least" of its stated figure).
 */
export function planFromDraft(draft: PlanDraft, accepted: ReadonlySet<string> | 'all', year: number): Plan {
  const take = (id: string): boolean => accepted === 'all' || accepted.has(id)
  const indicators = draft.indicators.filter((d) => take(d.id)).map((d) => JSON.parse(JSON.stringify(d.value)) as Indicator)
  const codes = new Set(indicators.map((i) => i.code))
  for (const i of indicators) {
    if (i.children) {
      i.children = i.children.filter((c) => codes.has(c))
      if (i.children.length === 0) delete i.children
    }
    if (i.partOf !== undefined && !codes.has(i.partOf)) delete i.partOf
    if (i.formula !== undefined && (i.formula.match(/[A-Za-z][A-Za-z0-9._-]*/g) ?? []).some((c) => !codes.has(c))) delete i.formula
    if (i.target?.kind === 'derived' && i.formula === undefined && !i.children) {
      if (i.target.value === undefined) delete i.target
      else i.target = i.aggregation === 'rate' ? { kind: 'rate_at_least', value: i.target.value } : { kind: 'at_least', value: i.target.value }
    }
    if (i.target?.kind === 'shares') {
      const parts = i.target.parts.filter((p) => codes.has(p.indicator))
      if (parts.length < 2) delete i.target
      else i.target = { ...i.target, parts }
    }
  }
  const allFields = draft.fields.map((d) => d.value)
  const takenFields = new Map(draft.fields.filter((d) => take(d.id)).map((d) => [d.value.code, d.value]))
  const byCode = new Map(allFields.map((f) => [f.code, f]))
  /** The nearest taken field up from `code`. */
  const nearest = (code: string | undefined): string | undefined => {
    for (let c = code; c !== undefined; c = byCode.get(c)?.parent) if (takenFields.has(c)) return c
    return undefined
  }
  let fallback: Field | undefined
  for (const i of indicators) {
    const f = nearest(i.field)
    if (f !== undefined) i.field = f
    else {
      fallback ??= { code: takenFields.has('CHUNG') ? 'CHUNG_2' : 'CHUNG', name: 'Chỉ tiêu chung' }
      i.field = fallback.code
    }
  }
  const used = new Set<string>()
  for (const i of indicators) for (let c: string | undefined = i.field; c !== undefined && !used.has(c); c = takenFields.get(c)?.parent) used.add(c)
  const fields: Field[] = [...takenFields.values()]
    .filter((f) => used.has(f.code))
    .map((f) => {
      const parent = nearest(f.parent)
      const copy: Field = { code: f.code, name: f.name }
      if (parent !== undefined) copy.parent = parent
      return copy
    })
  if (fallback) fields.push(fallback)
  const h = draft.header
  const head = <T>(d: Drafted<T> | undefined): T | undefined => (d && take(d.id) ? d.value : undefined)
  const plan = {
    year,
    title: head(h.title) ?? `Kế hoạch phát động phong trào thi đua năm ${year}`,
    ...(head(h.number) !== undefined ? { number: head(h.number) } : {}),
    ...(head(h.issuedOn) !== undefined ? { issuedOn: head(h.issuedOn) } : {}),
    ...(head(h.theme) !== undefined ? { theme: head(h.theme) } : {}),
    ...(head(h.signedBy) !== undefined ? { signedBy: head(h.signedBy) } : {}),
    movements: draft.movements.filter((d) => take(d.id)).map((d) => d.value),
    phases: draft.phases.filter((d) => take(d.id)).map((d) => d.value),
    fields,
    indicators,
    rules: [],
  }
  const parsed = v.safeParse(PlanSchema, plan)
  if (!parsed.success) throw new Error(`planFromDraft: ${parsed.issues.map((i) => `${v.getDotPath(i) ?? ''} ${i.message}`).join('; ')}`)
  return parsed.output
}
