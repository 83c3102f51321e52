// How close a drafted plan is to a hand-made one (npm run plan:score, and the seeds' test): recall
// is the share of the hand-made plan's targets the draft found, precision the share of the
// draft's targets that are in the hand-made plan. Matching (docs/domain.md, "Drafting a plan"):
// - a numeric target matches when the kind is the same (and its strictness, relative flag, base
//   year), every number agrees within rounding, the unit of measure is the same once normalised
//   (case, spaces; "lao động", "đảng viên" and "người", "tuyến phố" and "tuyến", "lượt khách", "lượt người" and "lượt", "HTX" and "hợp tác xã" count the same;
//   a drafted unit listing two producers counted together, "hộ, cơ sở", matches a hand-made unit
//   that is one of them), and the names share words (at
//   least a fifth of the draft's name words appear in the hand-made name or source); a growth of 0 % on a
//   stated base level and "at least" that level are the same target;
// - a yes/no matches a yes/no whose words overlap: at least 60 % of the hand-made source's words
//   are in the drafted clause and at least 30 % of the clause's words in the hand-made name and
//   source. A hand-made source may be excerpts of the plan joined by "…" (an elision: the editor
//   took two sentences into one goal, "A; … B"): the 60 % is then reached by the whole source or
//   by any one excerpt of 3 words or more, the best counting (the draft reads goals clause by
//   clause, so it meets such a goal as one of its excerpts); the 30 % stays against the whole;
// - one to one, the pair sharing most words first. The draft's items are taken in their first
//   reading, ambiguous ones included.
// - a plan typed in an old font, TCVN3 or VNI, and copied as Latin-1 characters ("KÕ HO¹CH", "KEÁ
//   HOAÏCH"), or a UTF-8 text read as Windows-1252 ("Káº¿ hoáº¡ch"), is drafted in Unicode
//   (./legacyFont.ts); its hand-made sources, written in that code as the text arrived, are compared
//   through the same conversion (sourcesAsRead); so is a plan typed without marks ("Ty le ho ngheo
//   giam 0,8%"), whose plan vocabulary gets its marks back (./unmarked.ts), and its hand-made sources with it;
//   and a PDF's synthetic bold saved as text, every glyph of a bold run twice ("11..338800  ttấấnn"),
//   is read once (./doubledGlyphs.ts), and so are the hand-made sources copied from it.
import type { Indicator, Plan, Target } from '../model'
import { agreesWith } from '../validation'
import { doubledDocument, undoubledLine } from './doubledGlyphs'
import { legacyFontOf, lineFromLegacyFont } from './legacyFont'
import { unmarkedDocument, withMarks } from './unmarked'

export interface SeedScore {
  expected: number
  drafted: number
  matched: number
  recall: number
  precision: number
  ambiguous: number
  missed: Indicator[]
  extra: Indicator[]
  /**
   * Matched targets whose aggregation (flow, stock, rate, yes/no) differs from the hand-made
   * plan's: the target is found, but the year's figure would be rolled up another way (a standing
   * area summed over the quarters). Not counted in recall or precision.
   */
  aggregationDiffers: { drafted: Indicator; expected: Indicator }[]
  /**
   * Matched targets whose hand-made plan states the figure a cut or a growth is measured from (a
   * cut's `baseline`, a growth's `baseValue`): how many there are, and those whose draft states
   * another or none (the officer would type it). Not counted in recall or precision.
   */
  based: number
  baseDiffers: { drafted: Indicator; expected: Indicator }[]
}

/** The figure a target is measured from, where it states one: a cut's start, a growth's base year's level. */
function baseOf(t: Target | undefined): number | undefined {
  if (t === undefined) return undefined
  if (t.kind === 'growth') return t.baseValue
  return 'baseline' in t ? t.baseline : undefined
}

/**
 * A text's words, for comparing a clause with a hand-made name or source. (A source quoting a Word
 * file's tracked changes as pandoc writes them keeps their markup, "[, cháy nhựa thông …]{.insertion
 * author="…" date="…"}", to stay an exact part of the text: the attributes are no words of it.)
 */
const words = (s: string): Set<string> =>
  new Set(
    s
      .replace(/\{\.[\w-]+(?:\s[^{}]*)?\}/gu, ' ')
      .toLowerCase()
      .normalize('NFC')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 2),
  )

const NAME_NOISE = new Set(['tỷ', 'lệ', 'số', 'các', 'và', 'của', 'đạt', 'trong', 'đó'])

function share(of: Set<string>, within: Set<string>): number {
  const xs = [...of].filter((w) => !NAME_NOISE.has(w))
  if (xs.length === 0) return 0
  return xs.filter((w) => within.has(w)).length / xs.length
}

const same = (a: number | undefined, b: number | undefined): boolean =>
  a === undefined || b === undefined ? a === b : agreesWith(a, b) || agreesWith(b, a)

/**
 * Units that count the same, either word the officer's choice: workers are people ("60 lao động",
 * "60 người"); a street is a route ("03 tuyến phố", "03 tuyến"); a house is a house ("05 nhà", "05 căn");
 * "HTX", "CLB", "DN" are the common abbreviations of "hợp tác xã", "câu lạc bộ", "doanh nghiệp" (a table's ĐVT
 * column writes them so); a visit is a visit, the visitor named or not
 * ("18.000 lượt khách du lịch": "lượt khách", "lượt người" or "lượt"; so is a worker's turn, "lượt lao động"; "1,2 triệu lượt khách" or "triệu lượt"). A hectare's value in a yearly plan is the
 * year's: "triệu đồng/ha/năm" or "triệu đồng/ha". A bridge or a cage is counted with its count word
 * or without ("03 cây cầu", "03 cầu"; "160 lồng bè", "160 lồng"), as the lexicon reads both.
 */
const SAME_UNIT: Record<string, string> = { câycầu: 'cầu', lồngbè: 'lồng', 'triệuđồng/ha/năm': 'triệuđồng/ha', laođộng: 'người', đảngviên: 'người', đoànviên: 'người', hộiviên: 'người', tuyếnphố: 'tuyến', tuyếnđường: 'tuyến', nhà: 'căn', cănnhà: 'căn', lượtkhách: 'lượt', lượtngười: 'lượt', lượtlaođộng: 'lượt', triệulượtkhách: 'triệulượt', m2: 'm²', m3: 'm³', htx: 'hợptácxã', clb: 'câulạcbộ', dn: 'doanhnghiệp' }
/**
 * "17/19 thôn, làng", "tổ dân phố, khu phố", "thôn và bản": reporting units of two kinds counted
 * together are one kind of unit, named by both nouns or by the first, the officer's choice.
 */
const REPORTING_KIND_RE = /^(?:thôn|tổ dân phố|khu dân cư|khu phố|khối phố|khối|khóm|ấp|sóc|bản|làng|buôn|bon|xóm|plei|cơ quan|đơn vị|giáo họ|giáo xứ)$/iu
const firstKind = (u: string): string => {
  const kinds = u.trim().split(/\s*,\s*|\s+và\s+/u)
  return kinds.length > 1 && kinds.every((k) => REPORTING_KIND_RE.test(k)) ? kinds[0]! : u
}
const unitKey = (unit: string): string => {
  const u = firstKind(unit)
  // A percentage of what the plan or the district assigns ("% kế hoạch", "% chỉ tiêu giao") is a percentage.
  // ("m3/ngày đêm" is "m³/ngày đêm": a cubic or square metre written with a plain digit, in a compound unit too.)
  const k = u.toLowerCase().replace(/\s+/g, '').replace(/^%.+$/u, '%').replace(/^m([23])(?=\/)/u, (_m, d: string) => (d === '2' ? 'm²' : 'm³'))
  return SAME_UNIT[k] ?? k
}

/**
 * The units agree, or the drafted one lists two producers counted together (households,
 * establishments, firms, cooperatives: the drafter's one unit for "62 hộ, cơ sở sản xuất") and the
 * hand-made one is one of them, "cơ sở" or "hộ", the officer's choice. Nothing looser: a drafted
 * unit of one noun must be the hand-made one, and "thôn, hộ" is no such pair.
 */
const PRODUCER_KIND_RE = /^(?:hộ|cơ sở|doanh nghiệp|DN|hợp tác xã|HTX|tổ hợp tác)$/iu
const sameUnit = (drafted: string, expected: string): boolean => {
  const want = unitKey(expected)
  if (unitKey(drafted) === want) return true
  const listed = drafted.trim().split(/\s*,\s*/u)
  return listed.length === 2 && listed.every((u) => PRODUCER_KIND_RE.test(u)) && listed.some((u) => unitKey(u) === want)
}

/**
 * "bằng hoặc cao hơn năm 2023" on an amount whose 2023 level the plan states (6.420): a growth of
 * 0 % on that level and "at least 6.420" are the same target, written either way.
 */
const heldLevel = (t: Target): number | undefined => (t.kind === 'growth' && t.percent === 0 && t.maxPercent === undefined ? t.baseValue : undefined)

/**
 * Kind and numbers of two targets agree: `a` drafted, `b` hand-made. A computed target the hand-made
 * plan gives no figure (the convention of the sets before heldout99: a yield computed from its area and
 * output, "derived" alone) is matched by a computed drafted one whatever figure the draft quotes from
 * the text; one the hand-made plan gives a figure is matched by that figure only.
 */
export function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'growth' && b.kind === 'at_least') return heldLevel(a) !== undefined && same(heldLevel(a), b.value) && !b.strict
  if (a.kind === 'at_least' && b.kind === 'growth') return sameTarget(b, a)
  if (a.kind !== b.kind) return false
  switch (a.kind) {
    case 'at_least':
    case 'rate_at_least': {
      const o = b as typeof a
      return same(a.value, o.value) && (a.strict ?? false) === (o.strict ?? false)
    }
    case 'at_most': {
      const o = b as typeof a
      return same(a.value, o.value) && a.strict === o.strict
    }
    case 'range': {
      const o = b as typeof a
      return same(a.min, o.min) && same(a.max, o.max)
    }
    case 'reduce_by': {
      const o = b as typeof a
      return same(a.amount, o.amount) && same(a.max, o.max) && (a.relative ?? false) === (o.relative ?? false)
    }
    case 'growth': {
      const o = b as typeof a
      return same(a.percent, o.percent) && same(a.maxPercent, o.maxPercent) && a.baseYear === o.baseYear
    }
    case 'shares': {
      const o = b as typeof a
      const x = a.parts.map((p) => p.percent).sort((p, q) => p - q)
      const y = o.parts.map((p) => p.percent).sort((p, q) => p - q)
      return x.length === y.length && x.every((p, i) => same(p, y[i]))
    }
    case 'derived': {
      const o = b as typeof a
      return o.value === undefined || same(a.value, o.value)
    }
    case 'yes_no':
      return true
  }
}

/**
 * A unit counted by the thousand, the million or the billion ("triệu lượt khách", "tỷ đồng", "nghìn
 * tấn"): its multiplier and the unit it multiplies. "Đón trên 4,2 triệu lượt khách" is 4,2 "triệu lượt
 * khách" or 4.200.000 "lượt", the officer's choice, and "1,35 tỷ đồng" is 1.350 "triệu đồng".
 */
const MULTIPLIERS: Record<string, number> = { nghìn: 1e3, ngàn: 1e3, triệu: 1e6, tỷ: 1e9 }
const multiplied = (unit: string): { times: number; of: string } => {
  const m = /^\s*(nghìn|ngàn|triệu|tỷ)\s+(\S.*)$/u.exec(unit)
  return m ? { times: MULTIPLIERS[m[1]!]!, of: m[2]! } : { times: 1, of: unit }
}
/** The drafted target's figures counted in the hand-made unit, where the two differ by a multiplier only. */
function inExpectedUnit(target: Target, drafted: string, expected: string): Target | undefined {
  const d = multiplied(drafted)
  const e = multiplied(expected)
  if (d.times === e.times || unitKey(d.of) !== unitKey(e.of)) return undefined
  const k = d.times / e.times
  const x = (n: number | undefined): number | undefined => (n === undefined ? undefined : Math.round(n * k * 1e6) / 1e6)
  switch (target.kind) {
    case 'at_least':
    case 'at_most':
      return { ...target, value: x(target.value)! }
    case 'range':
      return { ...target, min: x(target.min)!, max: x(target.max)! }
    case 'reduce_by':
      return target.relative ? undefined : { ...target, amount: x(target.amount)!, ...(target.max === undefined ? {} : { max: x(target.max)! }) }
    case 'derived':
      return target.value === undefined ? undefined : { ...target, value: x(target.value)! }
    default:
      return undefined
  }
}

/** How well a drafted indicator stands for a hand-made one: 0 when it does not. */
export function matchScore(drafted: Indicator, expected: Indicator): number {
  if (!drafted.target || !expected.target) return 0
  const scaled = inExpectedUnit(drafted.target, drafted.unitOfMeasure, expected.unitOfMeasure)
  if (scaled && sameTarget(scaled, expected.target)) return matchScore({ ...drafted, target: scaled, unitOfMeasure: expected.unitOfMeasure }, expected)
  if (!sameTarget(drafted.target, expected.target)) return 0
  const expectedWords = words(`${expected.name} ${expected.source ?? ''}`)
  const draftedWords = words(drafted.source ?? drafted.name)
  if (drafted.target.kind === 'yes_no') {
    // A source stitched from excerpts ("A; … B") is matched by the whole or by any one excerpt.
    const source = expected.source ?? expected.name
    const pieces = [source, ...(source.includes('…') ? source.split('…').filter((p) => words(p).size >= 3) : [])]
    const a = Math.max(...pieces.map((p) => share(words(p), draftedWords)))
    const b = share(draftedWords, expectedWords)
    return a >= 0.6 && b >= 0.3 ? a + b : 0
  }
  // A growth is a percentage: the money its amount is counted in (đồng, triệu, tỷ) does not change it,
  // nor does a hand-made plan that gives the growth the unit of its percentage ("%": "Tốc độ tăng giá
  // trị sản xuất … 9,2%") where the draft names the amount's. So is a structure's share of each part
  // ("Cơ cấu giá trị sản xuất: … 31,3%; …"), whatever money its parts are counted in.
  const money = (u: string): boolean => /^(?:nghìn |triệu |tỷ )?đồng$/u.test(u)
  const growthInMoney = (drafted.target.kind === 'growth' || drafted.target.kind === 'shares') && ((money(drafted.unitOfMeasure) && money(expected.unitOfMeasure)) || expected.unitOfMeasure.trim() === '%')
  if (!growthInMoney && !sameUnit(drafted.unitOfMeasure, expected.unitOfMeasure)) return 0
  const overlap = share(words(drafted.name), expectedWords)
  return overlap >= 0.2 ? 1 + overlap : 0
}

export function scoreDraft(drafted: Pick<Plan, 'indicators'>, expected: Pick<Plan, 'indicators'>, ambiguous: number): SeedScore {
  const want = expected.indicators.filter((i) => i.target)
  const got = drafted.indicators.filter((i) => i.target)
  const pairs: { d: number; e: number; s: number }[] = []
  got.forEach((d, di) =>
    want.forEach((e, ei) => {
      const s = matchScore(d, e)
      if (s > 0) pairs.push({ d: di, e: ei, s })
    }),
  )
  pairs.sort((a, b) => b.s - a.s)
  const usedD = new Set<number>()
  const usedE = new Set<number>()
  const aggregationDiffers: SeedScore['aggregationDiffers'] = []
  const baseDiffers: SeedScore['baseDiffers'] = []
  let based = 0
  for (const p of pairs) {
    if (usedD.has(p.d) || usedE.has(p.e)) continue
    usedD.add(p.d)
    usedE.add(p.e)
    if (got[p.d]!.aggregation !== want[p.e]!.aggregation) aggregationDiffers.push({ drafted: got[p.d]!, expected: want[p.e]! })
    const base = baseOf(want[p.e]!.target)
    if (base === undefined) continue
    based++
    // (A level held, "bằng hoặc cao hơn năm 2023" from 6.420: drafted as at least 6.420, the same figure.)
    const d = got[p.d]!.target!
    const drafted = baseOf(d) ?? (d.kind === 'at_least' && heldLevel(want[p.e]!.target!) !== undefined ? d.value : undefined)
    if (drafted === undefined || !same(drafted, base)) baseDiffers.push({ drafted: got[p.d]!, expected: want[p.e]! })
  }
  const matched = usedE.size
  return {
    expected: want.length,
    drafted: got.length,
    matched,
    recall: want.length === 0 ? 1 : matched / want.length,
    precision: got.length === 0 ? (want.length === 0 ? 1 : 0) : matched / got.length,
    ambiguous,
    missed: want.filter((_, i) => !usedE.has(i)),
    extra: got.filter((_, i) => !usedD.has(i)),
    aggregationDiffers,
    based,
    baseDiffers,
  }
}

/**
 * The hand-made plan with its sources as the drafter reads the text: a text typed in TCVN3 or VNI, or
 * UTF-8 read as Windows-1252, is drafted in Unicode (./legacyFont.ts), so a source copied from it in
 * that code is converted the same way.
 */
export function sourcesAsRead<P extends Pick<Plan, 'indicators'>>(given: P, text: string): P {
  // (A PDF's synthetic bold, "GGiiữữ  vvữữnngg  aann  nniinnhh", is read once, ./doubledGlyphs.ts: its sources too.)
  const expected = doubledDocument(text) ? { ...given, indicators: given.indicators.map((i) => (i.source === undefined ? i : { ...i, source: undoubledLine(i.source) })) } : given
  const font = legacyFontOf(text)
  if (font === undefined) {
    // (A text typed without marks gets the marks of the plan's vocabulary back, ./unmarked.ts: its sources too.)
    if (!unmarkedDocument(text)) return expected
    return { ...expected, indicators: expected.indicators.map((i) => (i.source === undefined ? i : { ...i, source: withMarks(i.source) })) }
  }
  return { ...expected, indicators: expected.indicators.map((i) => (i.source === undefined ? i : { ...i, source: lineFromLegacyFont(i.source, font) })) }
}
