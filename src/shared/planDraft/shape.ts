// A figure read to an indicator (toIndicatorShape): its name, unit, aggregation and target, and the
// other readings when it is ambiguous; with how the document writes its figures (DocHabits), in the
// context of one draft (DraftContext: the habits and what the draft looks up and keeps as it reads).
import type { Indicator, Target } from '../model'
import { abbreviationOf, decimalHabit, type DecimalHabit, isStockName, PER_MILLE_NAME_RE, readDigits, SECTOR_RE, SLIDE_MARK_RE, SPENDING_RE, UNIT_NOUN_RE, unitInfo, VILLAGE_BRANCH_RE } from './lexicon'
import type { Confidence } from './types'
import { arrowStart, type Found } from './figures'
import { type StatedLevel, statedLevelAt } from './passes'
import { lowerFirst, upperFirst } from './lines'

export interface Reading {
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
 * Nor is the work against such a thing ("Tỷ lệ nhà trọ được kiểm tra an toàn phòng cháy, chữa
 * cháy", "… phòng, chống ma túy"): the harm named after "phòng", "chống" or "chữa" is what the
 * work prevents, the rate of the work is to be raised.
 */
const LOWER_BETTER_RE =
  /^(?:tỷ lệ|tỷ suất|số(?: vụ)?)\s+(?:[^,;|]{0,40}?\s)?(?<!(?:phòng|chống|chữa)[\s,]+)(?:hộ nghèo|hộ cận nghèo|hộ tái nghèo|suy dinh dưỡng|tai nạn|tội phạm|phạm pháp|phạm tội|sinh con thứ ba|thất nghiệp|bỏ học|cháy|nổ|ma túy|ngộ độc|đuối nước|tảo hôn|bạo lực gia đình)(?![\p{L}])/iu

/**
 * Households in poverty or near it named bare, at the start of a clause ("hộ cận nghèo", "hộ nghèo
 * đồng bào dân tộc thiểu số"): not their count ("số hộ nghèo"), which is counted in households.
 */
const POVERTY_RATE_RE = /^hộ\s+(?:cận\s+|tái\s+)?nghèo(?![\p{L}])/iu

/** How the document writes: its decimal sign, and the money unit it counts in. */
export interface DocHabits {
  /** The whole text, where a starting figure stated elsewhere is looked for. */
  text: string
  habit: DecimalHabit
  /** "tỷ đồng" or "triệu đồng", whichever the document uses more: a growth in money is in it. */
  money: string
}

/**
 * One draft's reading of its document: the document's habits, and what the draft keeps while it
 * reads, made anew for each draft (draftContext) and changed as the draft goes on.
 */
export interface DraftContext extends DocHabits {
  /** The money unit of the last growth in money read: its parts ("trong đó …") are in it too. */
  lastGrowthMoney?: string
  /** This draft's lookups over the whole text, kept so that each is done once per draft (see statedCases). */
  memo: DraftMemo
}

/** What one draft has looked up in its whole text: its lines, and a year's count of cases by year and cases. */
interface DraftMemo {
  lines?: readonly string[]
  cases: Map<string, RegExpExecArray | null>
  /** The levels the document states for a quantity, by its words and unit (passes.ts statedLevelAt). */
  levels?: Map<string, StatedLevel[]>
}

/**
 * The money unit the document states a measure in ("… tổng giá trị sản xuất đạt 2.146 tỷ đồng": tỷ
 * đồng). Its level, the growth's base value, is found once the document is read (passes.ts
 * settleBaselines).
 */
function statedMoney(name: string, doc: DocHabits): { unit: string } | undefined {
  // (A table's row named for the pace of the growth, "Tốc độ tăng tổng giá trị sản xuất", measures the amount it names after.)
  const measure = name.replace(/^(?:tốc độ|mức)\s+tăng(?:\s+trưởng)?(?:\s+(?:của|về))?\s+(?=\p{L})/iu, '')
  const head = measure.split(/\s+/u).slice(0, 5).join(' ').replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
  if (head.split(/\s+/u).length < 2) return undefined
  const m = new RegExp(String.raw`${head}[^.;\d]{0,40}?(\d[\d.,]*)\s*(tỷ|tỉ|triệu)\s*đồng(?![\p{L}/])`, 'iu').exec(doc.text)
  if (!m) return undefined
  return { unit: m[2] === 'triệu' ? 'triệu đồng' : 'tỷ đồng' }
}

function docHabits(text: string): DocHabits {
  const count = (re: RegExp): number => (text.match(re) ?? []).length
  return {
    text,
    habit: decimalHabit(text),
    money: count(/tỷ đồng|tỉ đồng/giu) > count(/triệu đồng|tr\.đồng/giu) ? 'tỷ đồng' : 'triệu đồng',
  }
}

/** A new draft's context over the document's text: its habits, nothing looked up nor read yet. */
export function draftContext(text: string): DraftContext {
  return { ...docHabits(text), memo: { cases: new Map() } }
}

export function toIndicatorShape(f: Found, year: number | undefined, doc: DraftContext, reasons: string[]): { main: Reading; alternatives: Reading[]; confidence: Confidence } {
  const { habit } = doc
  let unit = f.unit === '' ? '' : (unitInfo(f.unit)?.canonical ?? f.unit)
  // "Thu nhập bình quân đầu người đạt 62 triệu đồng/năm", a table's unit "triệu đồng/người": per
  // person and over the plan's year, as the name says.
  if (/^triệu đồng(?:\/năm|\/người)?$/u.test(unit) && /đầu người/iu.test(f.name)) unit = 'triệu đồng/người/năm'
  // ("Thu nhập bình quân 78 triệu đồng/người": an income per person a year's plan sets is the year's, as above.)
  else if (unit === 'triệu đồng/người' && /(?<![\p{L}])thu nhập(?![\p{L}])/iu.test(f.name)) unit = 'triệu đồng/người/năm'
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
  // ("Tăng trưởng: tốc độ tăng tổng giá trị sản xuất đạt 8 - 9% …": a run-in label before it names the field, not the measure;
  // "Về phát triển kinh tế: phấn đấu tốc độ tăng …": nor does the striving after it.)
  const pace = percent ? /^(?:[^:;,\d]{1,40}:\s*)?(?:phấn đấu\s+)?tốc độ tăng(?:\s+trưởng)?\s+(?=\p{L})/iu.exec(f.name) : null
  const name = upperFirst((pace ? f.name.slice(pace[0].length) : f.verbFirst ? f.name.replace(/^(?:phấn đấu\s+)?(?:(?:kéo\s+)?giảm|tăng)\s+/iu, '') : f.name) || 'Chỉ tiêu')
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
    // ("4.500 m³/ngày đêm": a plant's capacity per day is a level it stands at, not a rate of some whole.)
    if (/\/ngày(?: đêm)?$/u.test(unit)) return { name, unitOfMeasure: unit, aggregation: 'stock' }
    // ("114 bé trai/100 bé gái": a ratio per hundred is on the scale of a hundred, not a share of it.)
    if (unit.includes('/')) return { name, unitOfMeasure: unit, aggregation: 'rate', scale: /\/\s?100\s\p{L}/u.test(unit) ? 100 : 1, proportion: false }
    return { name, unitOfMeasure: unit, aggregation: stockHint || isStockName(name) ? 'stock' : 'flow' }
  }
  const alternatives: Reading[] = []
  const withNumbers = (make: (x: number, y: number | undefined) => Target): void => {
    for (const alt of first?.alternatives ?? []) alternatives.push({ ...main, target: make(alt, b) })
    for (const alt of second?.alternatives ?? []) alternatives.push({ ...main, target: make(a, alt) })
  }
  let main: Reading
  const kind = pace && (cue === undefined || cue.kind === 'at_least') ? 'growth' : (f.verbFirst ?? cue?.kind)
  // A rise in ‰ from last year's level, where the document states that level (passes.ts statedLevelAt, the one finder).
  const riseFrom = kind === 'growth' && unit === '‰' && b === undefined && year !== undefined ? statedLevelAt(doc, name, typeof post.baseYear === 'number' ? post.baseYear : year - 1, { rate: true, unit: '‰' }) : undefined
  if (f.overPlan && b === undefined) {
    // "Thu ngân sách … vượt 5% chỉ tiêu tỉnh giao": at least 105% of the assigned figure.
    const of = Math.round((100 + a) * 1000) / 1000
    reasons.push(`vượt ${f.digits[0]}% chỉ tiêu được giao: đạt từ ${String(of).replace('.', ',')}% chỉ tiêu trở lên`)
    const measure = name.replace(/\s+vượt$/iu, '')
    main = { name: /^(?:tỷ|tỉ) lệ/iu.test(measure) ? measure : `Tỷ lệ ${lowerFirst(measure)} so với chỉ tiêu được giao`, unitOfMeasure: '%', aggregation: 'rate', scale: 100, proportion: false, target: { kind: 'rate_at_least', value: of } }
    if (confidence === 'high') confidence = 'medium'
  } else if (riseFrom?.unit === '‰') {
    // "Tỷ suất sinh thô tăng 0,3‰ so với năm 2026", the review stating 10,8‰ for 2026: a rise in ‰ is
    // in points, as a cut is, and a rate cannot grow as an amount does: the level to reach is last
    // year's plus the rise, at least 11,1‰.
    const value = Math.round((riseFrom.value + a) * 1000) / 1000
    reasons.push(`tăng ${f.digits[0]}‰ so với mức ${riseFrom.figure} đã nêu: tỷ suất cần đạt từ ${String(value).replace('.', ',')}‰ trở lên`)
    main = { ...rateShape(), target: { kind: 'rate_at_least', value } }
    if (confidence === 'high') confidence = 'medium'
  } else if (kind === 'growth' && percent) {
    const base = post.baseYear === 'previous' || post.baseYear === undefined ? (year !== undefined ? year - 1 : undefined) : post.baseYear
    if (post.baseYear === undefined) reasons.push(`không nói “so với năm nào”: lấy năm trước năm kế hoạch (${base ?? '?'})`)
    // (GTSX: giá trị sản xuất, as a short message writes it.)
    const inMoney = /giá trị|doanh thu|thu nhập|thu ngân sách|vốn|tổng thu|tổng chi|tổng mức bán lẻ|(?<![\p{L}])GTSX(?![\p{L}])/iu.test(name)
    const stated = inMoney ? statedMoney(name, doc) : undefined
    const make = (x: number, y: number | undefined): Target => ({ kind: 'growth', percent: x, ...(y !== undefined ? { maxPercent: y } : {}), baseYear: base ?? 2000 })
    // A part of a growth in money ("trong đó nông, lâm nghiệp và thủy sản tăng 3,5%") is in the whole's unit.
    // (So is a sector named alone after one, "Giá trị sản xuất công nghiệp - xây dựng tăng 10,5%,
    // thương mại - dịch vụ tăng 14%": the growth of its value, SECTOR_RE.)
    const partOfMoney = !inMoney && (f.afterWhole || SECTOR_RE.test(name)) && doc.lastGrowthMoney !== undefined
    // ("Tổng đàn trâu, bò tăng 5% so với năm 2026": a herd is counted in head, an area in hectares.)
    const valueUnit = stated?.unit ?? (inMoney ? doc.money : partOfMoney ? doc.lastGrowthMoney! : /sản lượng/iu.test(name) ? 'tấn' : /dân số/iu.test(name) ? 'người' : /^(?:tổng\s+)?đàn(?![\p{L}])/iu.test(name) ? 'con' : /^diện tích(?![\p{L}])/iu.test(name) ? 'ha' : 'chưa rõ')
    if (stated) reasons.push(`đơn vị tính theo số đã nêu trong văn bản (${stated.unit})`)
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
      // ("hộ cận nghèo giảm 0,5 - 1%", "hộ nghèo đồng bào dân tộc thiểu số giảm 2%": households in
      // poverty named bare, not counted by "số", cut by a few percent are their rate cut in points,
      // as "tỷ lệ" would say; "Số hộ nghèo giảm 15%" counts them, a share of the start.)
      const povertyRate = !isRateName && POVERTY_RATE_RE.test(name) && Math.max(a, b ?? a) < 10
      if (isRateName || /tỷ lệ|tỷ suất/iu.test(name) || povertyRate) {
        // "Giảm tỷ lệ hộ nghèo 1,5%", "tỷ lệ sinh con thứ ba giảm 0,2% so với năm 2024": a small cut
        // of a rate is read first in points, as plans mean it; the other readings stay.
        // ("giảm từ 0,8% trở lên so với đầu năm" on a rate is points as well.)
        const pointsFirst = Math.max(a, b ?? a) < 10
        main = { ...rateShape(), target: make(a, b, relative && !pointsFirst) }
        if (povertyRate) alternatives.push({ name, unitOfMeasure: 'hộ', aggregation: 'stock', target: make(a, b, true) })
        // ("giảm 1,2% (từ 4,85% cuối năm 2025 xuống còn 3,65%)": the level it starts from is found once
        // the document is read, passes.ts settleBaselines.)
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
        // Crimes, accidents and fires are counted in cases too: "Kéo giảm tội phạm … từ 5%" cuts their number.
        const countUnit = countUnitOf(name)
        // Cases (vụ) happen during the year: a flow, whose cut from a year's figure the plan
        // states ("so với năm 2025 (năm 2025 … 14 vụ)") is a ceiling on this year's.
        // The count may also be stated elsewhere, in the review of that year ("Năm 2025 trên địa bàn
        // xảy ra 40 vụ phạm pháp hình sự"): the same cases, the same year, in one sentence.
        // "so với cùng kỳ" (no year) in a yearly plan is against the year before the plan's.
        const caseYear = typeof post.baseYear === 'number' ? post.baseYear : post.baseYear === 'previous' && year !== undefined ? year - 1 : undefined
        // ("Số vụ tai nạn giao thông: 6 vụ → giảm ít nhất 15%": or the count before a label's arrow, last year's; figures.ts, arrowStart.)
        const arrow = countsEvents(countUnit, name) && caseYear === undefined && b === undefined ? arrowStart(doc.text.slice(f.span.start, f.span.end)) : undefined
        const arrowCases = arrow && (arrow.unit === undefined || unitInfo(arrow.unit)?.canonical === countUnit) ? readDigits(arrow.figure, { integer: true, percent: false, habit: doc.habit })?.value : undefined
        const stated = arrowCases ?? (countsEvents(countUnit, name) && caseYear !== undefined && b === undefined ? statedCases(name, caseYear, f.rest ?? '', doc) : undefined)
        if (stated !== undefined) {
          const from = stated
          const ceiling = Math.round(from * (100 - a)) / 100
          main = { name, unitOfMeasure: countUnit, aggregation: 'flow', target: { kind: 'at_most', value: ceiling, strict: false } }
          reasons.push(`giảm ${f.digits[0]}% so với ${caseYear !== undefined ? `năm ${caseYear}` : 'mức trước mũi tên'} (${from} ${countUnit}): năm nay không quá ${String(ceiling).replace('.', ',')} ${countUnit}`)
          if (confidence === 'high') confidence = 'medium'
        } else {
          main = { name, unitOfMeasure: countUnit, aggregation: 'stock', target: make(a, b, true) }
          reasons.push('giảm theo phần trăm so với số đầu năm: cần số đầu năm')
          // (Events counted in a unit other than cases, "Kéo giảm 50% số cặp tảo hôn", whose count of the
          // year before is not found: their cut is a ceiling on a count the officer must give, a guess.)
          if (countUnit === 'chưa rõ' || (countUnit !== 'vụ' && countsEvents(countUnit, name))) confidence = 'low'
        }
      }
    } else {
      // "Giảm ít nhất 02 vụ tai nạn giao thông so với năm 2024 (năm 2024 xảy ra 07 vụ)": cases are a
      // flow, and a cut by a count from a year whose count is stated is a ceiling on this year's.
      const from = countsEvents(unit, name) && typeof post.baseYear === 'number' && b === undefined ? statedCases(name, post.baseYear, f.rest ?? '', doc) : undefined
      const ceiling = from !== undefined ? eventCeiling(unit, name, from, a) : undefined
      if (ceiling) {
        main = { ...amountShape(false), aggregation: 'flow', target: ceiling.target }
        reasons.push(`${ceiling.reason.replace(/năm trước/u, `năm ${post.baseYear}`)}`)
        if (confidence === 'high') confidence = 'medium'
      } else {
        // (The count the year starts from, where the document states it, is found once the whole
        // document is read: passes.ts settleBaselines. Not cases, a flow: a cut of them is a ceiling
        // on this year's, read above or by the table.)
        main = { ...amountShape(true), aggregation: unit.includes('/') ? 'rate' : 'stock', target: { kind: 'reduce_by', amount: a, ...(b !== undefined ? { max: b } : {}) } }
      }
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
    // "Hoàn thành 100% chỉ tiêu giao quân": the verb of a duty done bounds its share as "đạt" does.
    const done = cue === undefined && percent && b === undefined && /^(?:tỷ lệ\s+)?hoàn thành\s/iu.test(name)
    if (done) reasons.push('“hoàn thành …%”: hoàn thành ít nhất tỷ lệ này')
    else if (cue === undefined) reasons.push('không có từ chỉ mức (đạt, trên, dưới…): hiểu là đạt ít nhất')
    const shape = percent || unit.includes('/') ? (percent ? rateShape() : amountShape(false)) : amountShape(false)
    const rate = shape.aggregation === 'rate'
    const make = (x: number, y: number | undefined): Target =>
      y !== undefined ? { kind: 'range', min: Math.min(x, y), max: Math.max(x, y) } : { kind: rate ? 'rate_at_least' : 'at_least', value: x, ...(strict ? { strict: true } : {}) }
    main = { ...shape, target: make(a, b) }
    withNumbers(make)
    if (cue === undefined && !done && confidence === 'high') confidence = 'medium'
    // "100% thôn văn hóa": each thôn is, or is not: a yes/no each reports.
    const subject = main.name.replace(/^tỷ lệ\s+/iu, '')
    if (percent && a === 100 && b === undefined && (UNIT_NOUN_RE.test(subject) || VILLAGE_BRANCH_RE.test(subject))) {
      reasons.push('“100% thôn/tổ dân phố/cơ quan … đạt”: mỗi đơn vị tự báo đạt hay không đạt')
      main = { name: upperFirst(subject), unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no', target: { kind: 'yes_no' } }
      alternatives.length = 0
      reasons.splice(0, reasons.length, ...reasons.filter((r) => !r.startsWith('không có từ chỉ mức')))
      confidence = 'medium'
    }
  }
  // "Có thêm 01 trường …, nâng tổng số trường đạt chuẩn lên 11/13": the total raised to is read, and
  // the increase written before it is the other reading (plans' officers choose either): the officer
  // is asked, never a guess.
  const added = f.added !== undefined && main.target?.kind === 'at_least' ? readDigits(f.added.digits, { integer: info?.integer ?? false, percent, habit })?.value : undefined
  if (added !== undefined && added > 0 && main.target?.kind === 'at_least' && added < main.target.value) {
    alternatives.push({ ...main, name: `${main.name} (tăng thêm)`, aggregation: 'flow', target: { kind: 'at_least', value: added } })
    reasons.push(`văn bản nêu cả số tăng thêm (${f.added!.digits}) và tổng số nâng lên (${f.digits[0]}): lấy tổng số cuối năm; nếu theo dõi số tăng thêm trong năm thì chọn cách đọc kia`)
  }
  if (alternatives.length > 0) confidence = 'low'
  return { main, alternatives, confidence }
}

/**
 * The first match of `after` in a line of the document that follows that line's first "năm <year>": each
 * line searched once from its year on (one expression reading "a line, its year, then the count"
 * backtracked over every pair of places in a long line, once for every target of the plan).
 */
function afterYearInLine(doc: DraftContext, year: number, after: RegExp): RegExpExecArray | null {
  const yearRe = new RegExp(String.raw`năm ${year}(?!\d)`, 'iu')
  for (const line of linesOf(doc)) {
    const y = yearRe.exec(line)
    if (!y) continue
    const m = after.exec(line.slice(y.index + y[0].length))
    if (m) return m
  }
  return null
}

/** The document's lines, split once per draft. */
function linesOf(doc: DraftContext): readonly string[] {
  return (doc.memo.lines ??= doc.text.split('\n'))
}

/**
 * Where the plan states a year's count of these cases, anywhere in the text (see statedCases):
 * looked up once per draft, year and cases, since many targets ask the same.
 */
function casesInText(doc: DraftContext, baseYear: number, cases: string, named: string, short: boolean, unit = 'vụ'): RegExpExecArray | null {
  const key = `${baseYear}\u0000${cases}\u0000${named}\u0000${unit}`
  const known = doc.memo.cases
  if (known.has(key)) return known.get(key)!
  const text = doc.text
  const m =
    (cases.length >= 6 || short
      ? // (Within 400 characters of the year, as below: a sentence of megabytes repeating the year
        // was read from each of them to its end.)
        (new RegExp(String.raw`năm ${baseYear}[^.;]{0,400}?(\d[\d.]*)\s*${unit}\s+${named}`, 'iu').exec(text) ??
        // "Năm 2025, … . Trên địa bàn xảy ra 20 vụ tai nạn giao thông", "Phát huy kết quả năm 2024: …,
        // xảy ra 18 vụ phạm pháp hình sự": later in a paragraph about that year.
        afterYearInLine(doc, baseYear, new RegExp(String.raw`(?<![\d.,])(\d[\d.]*)\s*${unit}\s+${named}`, 'iu')) ??
        // "Tai nạn giao thông trong năm 2025 xảy ra 10 vụ": the cases named before the year.
        new RegExp(String.raw`(?<![\p{L}])${cases}\s+(?:trong\s+)?năm ${baseYear}(?!\d)\s+(?:xảy ra|có|là)\s+(\d[\d.]*)\s*${unit}(?![\p{L}])`, 'iu').exec(text) ??
        // "Năm 2025, thu ngân sách trên địa bàn\nđạt …; trên địa bàn xảy ra 10 vụ cháy;": the review's
        // paragraph hard-wrapped mid-sentence (a break after no stop), read over 400 characters.
        new RegExp(String.raw`năm ${baseYear}(?!\d)(?:[^\n]|(?<![.;:!?])\n(?!\n)){0,400}?(?<![\d.,])(\d[\d.]*)\s*${unit}\s+${named}`, 'iu').exec(text) ??
        // "Chín tháng xảy ra 24 vụ phạm pháp hình sự; cùng kỳ năm 2024 (…) xảy ra 30 vụ": the same
        // period of that year, its count given after the cases named earlier in the sentence.
        new RegExp(String.raw`(?<![\p{L}])${named}[^.\n]{0,120}?cùng kỳ năm ${baseYear}(?!\d)[^.;\n]{0,80}?(?<![\d.,])(\d[\d.]*)\s*${unit}(?![\p{L}])`, 'iu').exec(text))
      : null) ??
    // "Tình hình 2025 (…): thu ngân sách …, TNGT 20 vụ, …": in a line about that year, the cases
    // named right before their count (the line found first, then the cases in it).
    (cases.length >= 6 && !short
      ? (linesOf(doc)
          .filter((l) => new RegExp(String.raw`(?<!\d)${baseYear}(?!\d)`, 'u').test(l))
          .map((l) => new RegExp(String.raw`(?<![\p{L}])${cases}\s+(\d[\d.]*)\s*${unit}(?![\p{L}])`, 'iu').exec(l))
          .find((x) => x !== null) ?? null)
      : null) ??
    casesInResultsTable(doc, baseYear, named) ??
    casesInReview(doc, baseYear, named, unit)
  known.set(key, m)
  return m
}

/** A heading numbered in Roman numerals ("I. …", "## II. …", "**III. …**"). */
const ROMAN_HEADING_RE = /^\s*(?:#{1,4}\s*)?(?:\*\*)?[IVX]{1,4}\.\s/u

/**
 * "I. KẾT QUẢ PHONG TRÀO THI ĐUA NĂM 2023" over "… tình trạng tảo hôn vẫn còn xảy ra (04 cặp); …",
 * "… xảy ra 06 vụ cháy …": the review of a year, under a heading naming it, states that year's cases
 * in paragraphs that need not repeat the year; read from that heading to the next one numbered in
 * Roman numerals, the count before the cases or in brackets after them. ("===== Slide 2 =====" over
 * "KẾT QUẢ NĂM 2024" over "• Tai nạn giao thông: 06 vụ, …": a slide reviewing the year, titled so in
 * capitals alone on its line, to the next slide's mark or title; the count after the cases' label too.)
 */
function casesInReview(doc: DraftContext, baseYear: number, named: string, unit: string): RegExpExecArray | null {
  const lines = linesOf(doc)
  const heading = new RegExp(String.raw`^\s*(?:#{1,4}\s*)?(?:\*\*)?[IVX]{1,4}\.\s.{0,120}?(?:kết quả|tình hình|đánh giá|tổng kết)(?![\p{L}]).{0,120}?năm\s+${baseYear}(?!\d)`, 'iu')
  const title = new RegExp(String.raw`^\s*(?:KẾT QUẢ|TÌNH HÌNH|ĐÁNH GIÁ|TỔNG KẾT|NHÌN LẠI)(?![\p{L}])[^\p{Ll}\d]{0,80}?NĂM\s+${baseYear}\s*:?\s*$`, 'u')
  // "Phần I" over "KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025" (or "PHẦN THỨ NHẤT. KẾT QUẢ … NĂM 2025"): a report's
  // part reviewing the year, whose roman sections ("II. KẾT QUẢ CÁC LĨNH VỰC") need not name it, runs to the next part.
  const reviewWords = new RegExp(String.raw`^(?:[.:–-]\s*)?(?:kết quả|tình hình|đánh giá|tổng kết|nhìn lại)(?![\p{L}]).{0,120}?năm\s+${baseYear}(?!\d)`, 'iu')
  const partOf = (i: number): boolean => {
    const m = PART_HEADING_RE.exec(lines[i]!)
    if (!m) return false
    const rest = lines[i]!.slice(m[0].length).trim()
    if (rest !== '') return reviewWords.test(rest)
    // ("Phần I" alone on its line: its title is the next line that holds text.)
    let next = i + 1
    while (next < lines.length && lines[next]!.trim() === '') next++
    return reviewWords.test(lines[next]?.trim() ?? '')
  }
  const counts = reviewCounts(named, unit)
  const countIn = (line: string): RegExpExecArray | null => counts.reduce<RegExpExecArray | null>((m, re) => m ?? re.exec(line), null)
  const part = lines.findIndex((_l, i) => partOf(i))
  if (part !== -1) {
    for (let i = part + 1; i < lines.length && !PART_HEADING_RE.test(lines[i]!); i++) {
      const m = countIn(lines[i]!)
      if (m) return m
    }
  }
  // ("… có 24 thôn. Kết quả năm 2026:" over "+ Xảy ra 12 vụ tai nạn giao thông.": a sentence leading into
  // the list of that year's results, the list read to its last item.)
  const lead = new RegExp(String.raw`(?:^|[.;]\s+)(?:kết quả|tình hình)(?![\p{L}])[^.;:]{0,80}?năm\s+${baseYear}(?!\d)[^.;:]{0,40}:\s*$`, 'iu')
  const led = lines.findIndex((l) => l.length < 2000 && lead.test(l))
  if (led !== -1) {
    for (let i = led + 1; i < lines.length && /^\s*[-+•*]\s/u.test(lines[i]!); i++) {
      const m = countIn(lines[i]!)
      if (m) return m
    }
  }
  const start = lines.findIndex((l) => heading.test(l) || title.test(l))
  if (start === -1) return null
  const slide = title.test(lines[start]!)
  // (An unnumbered title's review ends at the next slide's mark or the next title in capitals.)
  const ends = (l: string): boolean => ROMAN_HEADING_RE.test(l) || (slide && (SLIDE_MARK_RE.test(l.trim()) || (/\p{Lu}{2,}/u.test(l) && !/\p{Ll}/u.test(l))))
  for (let i = start + 1; i < lines.length && !ends(lines[i]!); i++) {
    const m = countIn(lines[i]!)
    if (m) return m
  }
  return null
}

/** A part of a report, "Phần I", "PHẦN THỨ NHẤT", "Phần 2. …", at its line's start. */
const PART_HEADING_RE = /^\s*(?:#{1,4}\s*)?(?:\*\*)?phần\s+(?:thứ\s+)?(?:nhất|hai|ba|tư|[IVX]{1,4}|\d)(?![\p{L}\d])/iu

/** How a line of a year's review counts the cases: before the cases, in brackets after them, or after their label. */
function reviewCounts(named: string, unit: string): RegExp[] {
  return [
    new RegExp(String.raw`(?<![\d.,])(\d[\d.]*)\s*${unit}\s+${named}`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])${named}[^.;\n()]{0,60}?\(\s*(\d[\d.]*)\s*${unit}\s*\)`, 'iu'),
    new RegExp(String.raw`(?<![\p{L}])${named}\s*:\s*(\d[\d.]*)\s*${unit}(?![\p{L}])`, 'iu'),
  ]
}

/**
 * "| TT | Chỉ tiêu | ĐVT | KH 2024 | TH 2024 | Đánh giá |" over "| 9 | Số vụ phạm pháp hình sự | vụ |
 * giảm 5% | 26 | Không đạt |": a table of last year's results (its column of what that year reached,
 * "TH 2024", "Thực hiện năm 2024", "Ước TH 2024", "Kết quả 2024") states that year's cases on the row
 * naming them, in that column. Each table row is read once, its cells split on "|".
 */
function casesInResultsTable(doc: DraftContext, baseYear: number, named: string): RegExpExecArray | null {
  const resultColumn = new RegExp(String.raw`^(?:ước\s+)?(?:TH|ƯTH|thực hiện|ước thực hiện|kết quả|kết quả thực hiện)(?:\s+(?:năm|cả năm))?\s+${baseYear}$`, 'iu')
  const casesCell = new RegExp(String.raw`(?<![\p{L}])${named}`, 'iu')
  let column = -1
  for (const line of linesOf(doc)) {
    const row = line.trim()
    if (!row.startsWith('|')) {
      column = -1
      continue
    }
    const cells = row.replace(/^\||\|$/gu, '').split('|').map((c) => c.trim())
    const result = cells.findIndex((c) => resultColumn.test(c))
    if (result !== -1) {
      column = result
      continue
    }
    if (column === -1 || !cells.some((c) => /^vụ$/iu.test(c) || /^số vụ\s/iu.test(c)) || !cells.some((c) => c.length <= 200 && casesCell.test(c))) continue
    const m = /^(\d[\d.]*)$/u.exec(cells[column] ?? '')
    if (m) return m
  }
  return null
}

/**
 * How many cases (vụ) the plan states for a year a cut is measured from: in the clause's bracket
 * ("so với năm 2024 (năm 2024 xảy ra 07 vụ)"), or in a sentence about that year elsewhere ("Năm
 * 2025 trên địa bàn xảy ra 40 vụ phạm pháp hình sự", "Tai nạn giao thông trong năm 2025 xảy ra 10 vụ").
 */
/**
 * Events of the year counted as they happen: cases (vụ) of any kind, and any other count whose name
 * names an event ("Số cặp tảo hôn, hôn nhân cận huyết thống | cặp", "Số người chết do tai nạn giao
 * thông | người"), but households, which stand. Such a count is a flow: a cut of it is no level to
 * start from but a ceiling on this year's count.
 */
const EVENT_RE = /(?<![\p{L}])(?:tảo hôn|hôn nhân cận huyết|tai nạn|đuối nước|ngộ độc|tử vong|cháy|nổ|tội phạm|phạm pháp|phạm tội|vi phạm)(?![\p{L}])/iu
export function countsEvents(unit: string, name: string): boolean {
  const info = unitInfo(unit)
  if (info?.canonical === 'vụ') return true
  return info !== undefined && info.integer && info.canonical !== 'hộ' && EVENT_RE.test(name)
}

/**
 * "| Số vụ tai nạn giao thông | vụ | 9 | giảm ít nhất 2 vụ |", "Giảm ít nhất 02 vụ … so với năm 2024
 * (năm 2024 xảy ra 07 vụ)", "| Số cặp tảo hôn | cặp | 03 | Giảm ít nhất 01 cặp |": a cut by a count of
 * events (countsEvents) from last year's count is a ceiling on this year's (at most 7, at most 2), in
 * prose and in a table alike.
 */
export function eventCeiling(unit: string, name: string, last: number, amount: number): { target: Target; reason: string } | undefined {
  if (!countsEvents(unit, name) || !(last > amount)) return undefined
  const u = unitInfo(unit)?.canonical ?? unit
  const value = Math.round((last - amount) * 100) / 100
  const shown = (x: number): string => String(x).replace('.', ',')
  return { target: { kind: 'at_most', value, strict: false }, reason: `giảm ${shown(amount)} ${u} so với năm trước (${shown(last)} ${u}): năm nay không quá ${shown(value)} ${u}` }
}

export function statedCases(name: string, baseYear: number, rest: string, doc: DraftContext): number | undefined {
  // Crimes are named three ways, "tội phạm", "phạm pháp hình sự" and "phạm tội" ("Kéo giảm tội phạm về
  // trật tự xã hội …" against "xảy ra 34 vụ phạm tội về trật tự xã hội"): the cases are the same.
  const cases = name
    // ("An toàn giao thông: số vụ tai nạn giao thông", from a line led by its field's label: the cases
    // are named after the label's colon.)
    .replace(/^[^:]{1,60}:\s*(?=\p{L})/u, '')
    // ("Kiềm chế, kéo giảm tai nạn giao thông": the verbs of curbing them are no part of their name.)
    .replace(/^(?:(?:kiềm chế|kéo giảm|giảm|hạn chế|ngăn chặn)(?:\s*,\s*|\s+và\s+|\s+))+/iu, '')
    .replace(/^số (?:vụ|cặp)\s+/iu, '')
    // ("Tai nạn giao thông số vụ", from "TNGT: giảm ≥ 10% số vụ": the count named after the cases.)
    .replace(/\s+số (?:vụ|cặp)$/iu, '')
    .replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
    .replace(/^(?:tội phạm|phạm pháp|phạm tội)(?:\s+hình sự)?(?![\p{L}])/iu, String.raw`(?:tội phạm|phạm pháp|phạm tội)(?:\s+hình sự)?`)
    // "xảy ra 08 vụ TNGT": the cases may be written in their abbreviation, or spelled out.
    .replace(/^[\p{L} ]+$/u, (x) => {
      const abbr = abbreviationOf(x)
      return abbr === undefined ? x : `(?:${x}|${abbr})`
    })
  // "Số vụ cháy", "số vụ cháy, nổ": a short name of a kind of incident is looked for as a word of
  // its own, not the start of another kind ("10 vụ cháy;", not "10 vụ cháy rừng"); a longer name as it starts.
  const short = cases.length < 6 && /^(?:cháy|nổ|cháy,?\s+nổ)$/iu.test(cases)
  const named = short ? String.raw`${cases}(?![\p{L}])(?!\s+rừng(?![\p{L}]))` : cases
  // (Child marriages are counted in couples, "cặp"; everything else in cases, "vụ".)
  const unit = countUnitOf(name) === 'cặp' ? 'cặp' : 'vụ'
  const m =
    new RegExp(String.raw`${baseYear}[^;]{0,400}?(\d[\d.]*)\s*${unit}(?![\p{L}])`, 'iu').exec(rest) ??
    casesInText(doc, baseYear, cases, named, short, unit)
  return m ? Number(m[1]!.replace(/\./g, '')) : undefined
}

/**
 * What a count of things to bring down counts, by its name: cases ("số vụ …", crimes, accidents,
 * fires), households, people, child marriages in couples ("số cặp tảo hôn", "hôn nhân cận huyết"),
 * or the noun after "số". One rule for every reading (sentences here, table rows alike).
 */
export function countUnitOf(name: string): string {
  if (/(?:^|\s)số vụ(?![\p{L}])/iu.test(name)) return 'vụ'
  if (/(?<![\p{L}])hộ(?![\p{L}])/iu.test(name)) return 'hộ'
  if (/người|lao động/iu.test(name)) return 'người'
  if (/(?<![\p{L}])(?:vụ|tội phạm|phạm pháp|phạm tội|tai nạn|cháy|nổ)(?![\p{L}])/iu.test(name)) return 'vụ'
  if (/(?<![\p{L}])(?:cặp\s+(?:vợ chồng\s+)?)?(?:tảo hôn|hôn nhân cận huyết(?:\s+thống)?)(?![\p{L}])/iu.test(name)) return 'cặp'
  return countedNoun(name)
}

/** "Số điểm tập kết rác tự phát", "Số cơ sở kinh doanh …": what a count counts, named after "số", is its unit. */
function countedNoun(name: string): string {
  const m = /^(?:tổng\s+)?số\s+(\p{L}+)(?:\s+(\p{L}+))?/iu.exec(name)
  if (!m) return 'chưa rõ'
  const two = m[2] !== undefined ? unitInfo(`${m[1]} ${m[2]}`.toLowerCase()) : undefined
  return two?.integer ? two.canonical : unitInfo(m[1]!.toLowerCase())?.integer ? unitInfo(m[1]!.toLowerCase())!.canonical : 'chưa rõ'
}
