// Drafted items (Built): indicator codes (slug, Codes), an indicator from a reading (makeIndicator),
// a yes/no goal, a target against a past year's stated figure (comparedToBase, notBelow).
import { type Indicator, RESIDENTIAL_UNIT_KINDS, type Target } from '../model'
import type { Line } from './header'
import { casesHeld, isStockName, LEAD_BACK_RE, rateHeld, readDigits, readPost, unitInfo, withoutClosingMarks } from './lexicon'
import { plainWords } from '../codes'
import type { Confidence, SourceSpan } from './types'
import { clip, type Section } from './sections'
import { cleanName, type Found } from './figures'
import { type DraftContext, type Reading, statedCases } from './shape'
import { statedLevelAt } from './passes'
import { upperFirst } from './lines'

export interface Built {
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

const CODE_STOP = new Set(['CAC', 'CUA', 'VA', 'CHO', 'TREN', 'TRONG', 'DIA', 'BAN', 'DUOC', 'THEO', 'NHUNG', 'VOI', 'LA', 'CO', 'O', 'TY', 'LE', 'TI', 'SO', 'NAM', 'DAT'])

export function slug(name: string, words = 3): string {
  const parts = plainWords(name)
    .map((w) => w.toUpperCase())
    .filter((w) => !CODE_STOP.has(w))
  const s = parts.slice(0, words).join('_').slice(0, 30).replace(/_+$/u, '')
  return /^[A-Z]/.test(s) ? s : `CT_${s || 'X'}`
}

export class Codes {
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

export const REPORTERS = { kinds: [...RESIDENTIAL_UNIT_KINDS], units: [] as string[] }

export function makeIndicator(r: Reading, code: string, field: string, source: string): Indicator {
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

export function figureOf(t: Target | undefined): number | undefined {
  if (!t) return undefined
  if (t.kind === 'at_least' || t.kind === 'rate_at_least' || t.kind === 'at_most') return t.value
  if (t.kind === 'derived') return t.value
  return undefined
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
export function comparedToBase(item: Line, section: Section, year: number | undefined, doc: DraftContext, codes: Codes, n: number): Built | undefined {
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
  const source = withoutClosingMarks(text, /[.;\s]/u)
  const start = item.start + (item.text.length - item.text.replace(/^\s*(?:[-+•]\s*)?/u, '').length)
  const span = { start, end: start + source.length }
  const found: Found = { name, span, at: start, digits: [baseText, undefined], unit, cue: undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value: makeIndicator(reading, codes.take(slug(name)), section.code, source), source: span, confidence: 'medium', reasons: [reason], ambiguous: false, found }
}

/**
 * "Tổng thu ngân sách trên địa bàn bằng hoặc cao hơn năm 2023", "… không thấp hơn năm trước": at
 * least last year's level. When the document states that level for the same quantity (in its
 * account of that year, found by the one finder, passes.ts statedLevelAt: "Năm 2025, … diện tích sen 420 ha; … tỷ lệ hộ gia đình văn hóa
 * đạt 93,6%"), the target is that figure: `at_least` on an amount, `rate_at_least` on a rate.
 * Otherwise an amount is a growth of 0 % on that year, and a rate stays a yes/no: its level is last
 * year's, which the plan does not give. ("Diện tích sen giữ bằng …": the verb of keeping is no part
 * of the quantity's name.)
 */
export function notBelow(c: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number, year: number | undefined, doc: DraftContext, statedOnly = false): Built | undefined {
  const m = NOT_BELOW_RE.exec(withoutClosingMarks(c.text))
  if (!m) return undefined
  const baseYear = m[2] ? Number(m[2]) : year !== undefined ? year - 1 : undefined
  if (baseYear === undefined) return undefined
  const name = upperFirst(m[1]!.replace(/^(?:phấn đấu|phân đấu)\s+/iu, '').replace(/\s+(?:giữ|giữ ổn định|duy trì|ổn định|đạt|ở mức|luôn)$/iu, ''))
  const rate = /^(?:tỷ lệ|tỉ lệ|tỷ suất)/iu.test(name)
  const level = statedLevelAt(doc, name, baseYear, { rate })
  if ((rate || statedOnly) && level === undefined) return undefined
  const money = /thu|chi|giá trị|doanh thu|vốn|thu nhập/iu.test(name)
  const target: Target = level === undefined ? { kind: 'growth', percent: 0, baseYear } : rate ? { kind: 'rate_at_least', value: level.value } : { kind: 'at_least', value: level.value }
  const value: Indicator = {
    code: codes.take(slug(name)),
    name,
    field: section.code,
    unitOfMeasure: level?.unit ?? (money ? doc.money : 'chưa rõ'),
    aggregation: rate ? 'rate' : isStockName(name) ? 'stock' : 'flow',
    ...(rate ? { scale: 100 as const } : {}),
    proportion: true,
    target,
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source: c.text,
  }
  const found: Found = { name, span: { start: c.start, end: c.end }, at: c.start, digits: [level === undefined ? '0' : String(level.value), undefined], unit: level?.unit ?? '', cue: level === undefined ? { kind: 'growth' } : undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  const reason = level === undefined ? `không thấp hơn năm ${baseYear}: tăng 0 % trở lên so với năm ${baseYear}; cần số của năm ${baseYear}` : `không thấp hơn năm ${baseYear}, văn bản nêu mức năm ${baseYear} là ${level.figure}: đạt từ ${level.figure} trở lên`
  return { id: `indicator.${n}`, value, source: { start: c.start, end: c.until ?? c.end }, confidence: level !== undefined || money ? 'medium' : 'low', reasons: [reason], ambiguous: false, found }
}

/** "<quantity> bằng hoặc cao hơn năm 2025", "… không thấp hơn năm trước", "… không giảm so với cùng kỳ". */
export const NOT_BELOW_RE = /^(.+?)\s+(?:bằng hoặc cao hơn|không thấp hơn|không dưới|không giảm so với)\s+(?:năm (\d{4})|năm trước|cùng kỳ(?: năm trước)?)\s*$/iu

/**
 * "Số vụ tai nạn giao thông bằng hoặc thấp hơn năm 2023", "… không tăng so với năm trước": cases
 * (a flow) held at last year's count, when the plan states that count ("Năm 2023, … xảy ra 5 vụ
 * tai nạn giao thông"): at most that many. Without the count it stays a yes/no.
 */
export function notAbove(c: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number, year: number | undefined, doc: DraftContext): Built | undefined {
  const m = casesHeld(c.text)
  if (!m) return rateNotAbove(c, section, codes, n, year, doc)
  const baseYear = m[2] ? Number(m[2]) : year !== undefined ? year - 1 : undefined
  if (baseYear === undefined) return undefined
  const name = upperFirst(m[1]!.replace(/^(?:phấn đấu|phân đấu)\s+/iu, ''))
  const cases = statedCases(name, baseYear, '', doc)
  if (cases === undefined) return undefined
  const value: Indicator = {
    code: codes.take(slug(name)),
    name,
    field: section.code,
    unitOfMeasure: 'vụ',
    aggregation: 'flow',
    proportion: true,
    target: { kind: 'at_most', value: cases, strict: false },
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source: c.text,
  }
  const found: Found = { name, span: { start: c.start, end: c.end }, at: c.start, digits: [String(cases), undefined], unit: 'vụ', cue: { kind: 'at_most', strict: false }, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value, source: { start: c.start, end: c.until ?? c.end }, confidence: 'medium', reasons: [`không cao hơn năm ${baseYear} (${cases} vụ): năm nay không quá ${cases} vụ`], ambiguous: false, found }
}

/**
 * "Tỷ lệ sinh con thứ ba trở lên bằng hoặc thấp hơn năm 2025", "… không cao hơn năm trước": a rate
 * held at or under a past year's level. When the document states that level (in its account of that
 * year, found by the one finder, passes.ts statedLevelAt: "tỷ lệ sinh con thứ ba trở lên là 9,4%"),
 * the target is at most that level, not strict (the level must not rise): no cut. Without the level
 * it stays what it was (no target read here).
 */
function rateNotAbove(c: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number, year: number | undefined, doc: DraftContext): Built | undefined {
  const m = rateHeld(c.text)
  if (!m) return undefined
  const baseYear = m[2] ? Number(m[2]) : year !== undefined ? year - 1 : undefined
  if (baseYear === undefined) return undefined
  // (The verb of keeping is no part of the rate's name; tried only where a run of spaces starts.)
  const name = upperFirst(m[1]!.replace(/^(?:phấn đấu|phân đấu)\s+/iu, '').replace(/(?<!\s)\s+(?:giữ|giữ ổn định|duy trì|ổn định|ở mức|luôn)$/iu, ''))
  const level = statedLevelAt(doc, name, baseYear, { rate: true })
  if (level === undefined) return undefined
  const perMille = level.unit === '‰'
  const value: Indicator = {
    code: codes.take(slug(name)),
    name,
    field: section.code,
    unitOfMeasure: perMille ? '‰' : '%',
    aggregation: 'rate',
    scale: perMille ? 1000 : 100,
    proportion: true,
    target: { kind: 'at_most', value: level.value, strict: false },
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source: c.text,
  }
  const found: Found = { name, span: { start: c.start, end: c.end }, at: c.start, digits: [String(level.value), undefined], unit: value.unitOfMeasure, cue: { kind: 'at_most', strict: false }, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value, source: { start: c.start, end: c.until ?? c.end }, confidence: 'medium', reasons: [`không cao hơn năm ${baseYear}, văn bản nêu mức năm ${baseYear} là ${level.figure}: không quá ${level.figure}`], ambiguous: false, found }
}

/**
 * "cuối năm không còn hộ nghèo", "đến cuối năm 2026 toàn xã không còn người mù chữ": no household or
 * person left in a state counted as a level is that count brought down to 0, an `at_most` 0 (not
 * strict) on the stock, as "số hộ nghèo còn dưới 10 hộ" would be with its figure; not a yes/no and not
 * a cut. Only households and people ("không còn thôn, bản chưa có chi bộ" is the state of every
 * village, a yes/no), and only a clause that is that alone (the noun and the words that qualify it,
 * the year's end before or after: "không còn hộ nghèo theo chuẩn của thành phố vào cuối năm 2025").
 */
const NONE_LEFT_RE = /^(?:(?:đến\s+|tính đến\s+)?(?:cuối|hết)\s+năm(?:\s+\d{4})?,?\s+)?(?:(?:toàn|trên địa bàn)\s+(?:xã|phường|thị trấn|đặc khu)\s+)?(?:phấn đấu\s+)?không còn\s+((?:hộ|người)\s+\p{L}+(?:\s+\p{L}+){0,5}?)(?:,?\s+(?:vào\s+|đến\s+|tính đến\s+)?(?:cuối|hết)\s+năm(?:\s+\d{4})?)?$/iu
export function noneLeft(c: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number): Built | undefined {
  const m = NONE_LEFT_RE.exec(withoutClosingMarks(c.text).trim())
  if (!m) return undefined
  const name = upperFirst(m[1]!)
  const unit = /^hộ/iu.test(name) ? 'hộ' : 'người'
  const value: Indicator = {
    code: codes.take(slug(name)),
    name,
    field: section.code,
    unitOfMeasure: unit,
    aggregation: 'stock',
    proportion: true,
    target: { kind: 'at_most', value: 0, strict: false },
    reporters: { kinds: [...REPORTERS.kinds], units: [] },
    source: c.text,
  }
  const found: Found = { name, span: { start: c.start, end: c.end }, at: c.start, digits: ['0', undefined], unit, cue: { kind: 'at_most', strict: false }, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
  return { id: `indicator.${n}`, value, source: { start: c.start, end: c.until ?? c.end }, confidence: 'medium', reasons: [`“không còn ${m[1]!}”: số ${m[1]!} cuối năm không quá 0`], ambiguous: false, found }
}

export function yesNo(clause: { text: string; start: number; end: number; until?: number }, section: Section, codes: Codes, n: number, confidence: Confidence, reasons: string[]): Built {
  // "Ngoài các chỉ tiêu tại bảng trên, phường phấn đấu: giữ vững …": the lead-in back to the list,
  // and the commune that strives after it, are no words of the goal.
  const lead = LEAD_BACK_RE.exec(clause.text)
  // ("Ngoài các chỉ tiêu trong bảng, các thôn và các ngành thi đua: không để …": so are the units
  // that strive, named before "thi đua:" or "phấn đấu:".)
  const strives = lead ? (/^(?:(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+)?(?:phấn đấu|phân đấu)\s*:?\s*/iu.exec(clause.text.slice(lead[0].length)) ?? /^[^:;.]{1,60}?\s(?:phấn đấu|phân đấu|thi đua)\s*:\s*/iu.exec(clause.text.slice(lead[0].length, lead[0].length + 80))) : null
  const cut = lead ? lead[0].length + (strives?.[0].length ?? 0) : 0
  const c = cut > 0 && cut < clause.text.length ? { ...clause, text: clause.text.slice(cut), start: clause.start + cut } : clause
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
