// The passes over every drafted item once the whole document is read (draftPlan, in this order): a
// crop's measures on lines of their own, a total's part restated, totals of nearby items, a figure
// shared out to villages, a figure, growth or goal stated twice, and how each amount rolls up.
import type { Indicator } from '../model'
import { agreesWith } from '../validation'
import { plainWords } from '../codes'
import { clip, ROOT, type Section } from './sections'
import { type GoalKey, goalKey, sameGoalKey } from './goals'
import type { DraftContext } from './shape'
import { type Built, figureOf } from './build'
import { arrowStart } from './figures'
import { bareCrop, CROP_QUALIFIER_RE, cropKey, cropKeyOf, linkYield, MEASURE_RE, sameCrop, yieldFactor } from './crops'
import { VILLAGE_NAME_RE } from './fromFound'
import { abbreviationOf, amountAggregation, LEVEL_GAP, PART_AFTER_RE, quantityOf, readDigits, unitFamily, unitInfo, withoutClosingMarks, yearEndOf } from './lexicon'
import { lowerFirst } from './lines'

/**
 * A table's rows for one crop ("Diện tích lúa cả năm | ha | 1.200", "Năng suất lúa | tạ/ha | 62",
 * "Sản lượng lúa | tấn | 7.440"), or a list's "Name: value" lines ("Năng suất lúa bình quân: 60
 * tạ/ha"): the yield is computed from the other two, as on one line.
 */
export function linkCropRows(built: Built[]): void {
  const bySubject = new Map<string, Record<string, Built>>()
  // "| 3 | Tổng sản lượng lương thực | tấn | 8.400 |" then "| | - Lúa | tấn | 7.150 |": the part row is the crop's output.
  let outputRow = false
  for (const b of built) {
    // ("| | Trong đó: - Thóc | tấn | 2.940 |": the first part, after the row's "Trong đó:"; "| - | Thóc | tấn
    // | 2.940 |": a part marked by a dash in the number's cell, as a table pasted from Word marks it.)
    const partRow = /^\|(?:[^|]*\|\s*(?:trong đó\s*:?\s*)?[-–+]\s|\s*[-–+]\s*\|)/iu.test(b.value.source ?? '')
    if (b.value.source?.startsWith('| ') && !partRow) outputRow = /sản lượng/iu.test(b.value.name)
    if (partRow && outputRow && b.value.unitOfMeasure === 'tấn' && !MEASURE_RE.test(b.value.name) && b.value.name.split(/\s+/u).length <= 3) {
      const subject = cropKeyOf(b.value.name.replace(CROP_QUALIFIER_RE, ' ').replace(/\s+/gu, ' ').trim().toLowerCase())
      const rec = bySubject.get(subject) ?? {}
      if (!rec.SL) rec.SL = b
      bySubject.set(subject, rec)
      continue
    }
    // "Tổng diện tích gieo trồng cây hằng năm đạt 3.650 ha, trong đó lúa nước 420 ha", then "Lúa
    // nước: năng suất 55 tạ/ha, sản lượng 2.310 tấn": a part in hectares of a total area, named by its
    // crop alone, is that crop's area.
    const whole = b.value.partOf !== undefined && b.value.unitOfMeasure === 'ha' ? built.find((w) => w.value.code === b.value.partOf) : undefined
    if (whole && /^(?:tổng\s+)?(?:diện tích|gieo trồng|gieo cấy)(?![\p{L}])/iu.test(whole.value.name) && !MEASURE_RE.test(b.value.name) && b.value.name.split(/\s+/u).length <= 3) {
      const bare = bareCrop(b.value.name)?.toLowerCase()
      const subject = bare !== undefined ? cropKeyOf(bare) : undefined
      if (subject) {
        const rec = bySubject.get(subject) ?? {}
        if (!rec.DT) rec.DT = b
        bySubject.set(subject, rec)
        continue
      }
    }
    // A list's own lines too ("- Diện tích gieo trồng lúa cả năm đạt 1.240 ha.", "- Năng suất lúa … đạt 62 tạ/ha."): one item each.
    // ("Duy trì diện tích cà phê 6.420 ha": an area kept is the crop's area, as MEASURE_RE reads it.)
    const ownLine = b.found !== undefined && b.value.source !== undefined && b.found.name.length > 0 && /^(?:trong đó\s*:?\s*)?(?:(?:duy trì|tổng)\s+)?(?:diện tích|năng suất|sản lượng)/iu.test(b.value.source)
    // ("Lúa nước: năng suất 55 tạ/ha, sản lượng 2.310 tấn": a crop's label, then its measures by name.)
    const labelled = /^[^:;.|\d]{1,40}:\s+(?:diện tích|năng suất|sản lượng)(?![\p{L}])/iu.test(b.value.source ?? '')
    if (!(b.value.source?.startsWith('| ') || /^[^:;.|]{1,100}:\s+[≥≤<>]?\s*\d/u.test(b.value.source ?? '') || ownLine || labelled) || b.value.formula) continue
    const m = MEASURE_RE.exec(b.value.name)
    // ("Diện tích vườn cây ăn trái …", then "Sản lượng trái cây các loại …, năng suất …": one crop, cropKeyOf.)
    const bareSubject = m?.[3]?.replace(/\([^()]*\)/gu, ' ').replace(CROP_QUALIFIER_RE, ' ').replace(/\s+/gu, ' ').trim().toLowerCase()
    const subject = bareSubject ? cropKeyOf(bareSubject) : undefined
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
  yieldsBesideTheirCrop(built)
  yieldOverBearingArea(built)
}

/** How far from a yield its crop's area and output are stated (items in between: a harvested part, a replanting). */
const CROP_LINES_NEAR = 3

/**
 * "2. Cây lúa cả năm:" over "- Diện tích gieo cấy: 1.450 ha", "- Năng suất bình quân: 60 tạ/ha",
 * "- Sản lượng: 8.700 tấn", a table's crop group row over "- Năng suất bình quân | tạ/ha | 60": the
 * measures name no crop (the label or the group row above them does), and the next crop's lines
 * repeat the same names. A yield left unlinked is computed from the area and the output stated
 * beside it (within a few items) whose figures give it: area × yield = output, within rounding
 * (a tenth of a tấn per tạ). An area may be a part of another, named by its crop alone under it.
 * Where a standing area and its harvested part are both stated, the figures tell which one the
 * yield is over.
 */
function yieldsBesideTheirCrop(built: readonly Built[]): void {
  for (const [i, y] of built.entries()) {
    if (y.value.formula || !/^năng suất(?![\p{L}])/iu.test(y.value.name) || !/^(?:kg|tạ|tấn)\/ha$/u.test(y.value.unitOfMeasure)) continue
    const stated = figureOf(y.value.target)
    if (stated === undefined || stated <= 0) continue
    const near = built.slice(Math.max(0, i - CROP_LINES_NEAR), i + CROP_LINES_NEAR + 1).filter((b) => b !== y && !b.value.formula && b.value.target !== undefined)
    // (A table's "- Trong đó: lúa nước cả năm | ha | 1.300" under the area sown: a part in hectares is an area too.)
    const areas = near.filter((b) => b.value.unitOfMeasure === 'ha' && (/^(?:trong đó\s*:?\s*)?(?:(?:tổng|duy trì)\s+)?(?:diện tích|gieo)/iu.test(b.value.name) || b.value.partOf !== undefined))
    const outputs = near.filter((b) => b.value.unitOfMeasure === 'tấn' && /^(?:tổng\s+)?sản lượng(?![\p{L}])/iu.test(b.value.name))
    const perTon = yieldFactor(y.value.unitOfMeasure, 'tấn')!
    const fits = areas.flatMap((a) => outputs.map((o) => ({ a, o }))).filter(({ a, o }) => {
      const area = figureOf(a.value.target)
      const output = figureOf(o.value.target)
      return area !== undefined && output !== undefined && area > 0 && Math.abs((area * stated) / perTon - output) <= Math.max(0.01 * output, 0.1)
    })
    // (One reading only: two pairs that both give the yield leave it as stated.)
    if (fits.length !== 1) continue
    linkYield({ DT: fits[0]!.a, NS: y, SL: fits[0]!.o })
  }
}

/**
 * "Diện tích bưởi hiện có 210 ha, trong đó diện tích cho thu hoạch 160 ha, năng suất 12 tấn/ha,
 * sản lượng 1.920 tấn", a table's "Diện tích cao su | ha | 3.000" over "Trong đó: diện tích cho mủ |
 * ha | 2.400": a perennial crop yields on the part of its area that bears (is harvested, tapped),
 * not on young trees. Where the output over the whole area misses the yield stated and the output
 * over a part of that area gives it, the yield is computed over the part.
 */
function yieldOverBearingArea(built: readonly Built[]): void {
  for (const y of built) {
    const f = /^([A-Za-z0-9_.-]+)( \* (10|100|1000))? \/ ([A-Za-z0-9_.-]+)$/u.exec(y.value.formula ?? '')
    const stated = y.value.target?.kind === 'derived' ? y.value.target.value : undefined
    if (!f || stated === undefined || stated <= 0) continue
    const output = figureOf(built.find((b) => b.value.code === f[1])?.value.target)
    const area = figureOf(built.find((b) => b.value.code === f[4])?.value.target)
    if (output === undefined || area === undefined || area <= 0) continue
    const over = (a: number): number => (output * Number(f[3] ?? 1)) / a
    if (Math.abs(over(area) - stated) <= 0.01 * stated) continue
    const parts = built.filter((b) => b.value.partOf === f[4] && b.value.unitOfMeasure === 'ha' && (figureOf(b.value.target) ?? 0) > 0 && Math.abs(over(figureOf(b.value.target)!) - stated) <= 0.01 * stated)
    if (parts.length !== 1) continue
    y.value = { ...y.value, formula: `${f[1]}${f[2] ?? ''} / ${parts[0]!.value.code}` }
    y.reasons.push(`năng suất tính trên “${parts[0]!.value.name}”: sản lượng chia cho diện tích này mới bằng năng suất đã nêu`)
  }
}

/**
 * A total's part restated on its crop's own line ("lương thực 2.240 tấn, trong đó: thóc 1.420
 * tấn, ngô 820 tấn", then "Ngô: diện tích …, sản lượng 820 tấn") is one target: the crop's output.
 */
export function mergeRestatedParts(built: Built[]): void {
  for (const whole of built) {
    const children = whole.value.children
    if (!children) continue
    whole.value = {
      ...whole.value,
      children: children.map((code) => {
        const part = built.find((b) => b.value.code === code)
        const figure = figureOf(part?.value.target)
        if (!part || figure === undefined) return code
        const restates = (b: Built): boolean =>
          b !== part &&
          b !== whole &&
          /^sản lượng\s/iu.test(b.value.name) &&
          b.value.unitOfMeasure === part.value.unitOfMeasure &&
          ((figureOf(b.value.target) !== undefined && agreesWith(figure, figureOf(b.value.target)!)) || (b.forFormula === true && !b.value.target)) &&
          sameCrop(part.value.name, b.value.name)
        // ("Lúa: diện tích …, sản lượng 2.600 tấn", then "Tổng sản lượng lương thực 4.100 tấn (lúa 2.600
        // tấn, ngô 1.500 tấn)": so is a crop's output stated before the total, its figure given.)
        const crop = built.find((b) => built.indexOf(b) > built.indexOf(part) && restates(b)) ?? built.find((b) => built.indexOf(b) < built.indexOf(whole) && b.value.target !== undefined && restates(b))
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
}

/**
 * "Tổng sản lượng lương thực có hạt đạt 8.634,85 tấn" after (or before) its crops' outputs on
 * lines of their own: a total the nearby items of its unit add up to exactly is their sum.
 * Nearby: the same section, or sister sections ("a) Cây lúa …", "b) Cây ngô …", "c) Tổng …").
 * A total whose line ends "…, trong đó:" (or "gồm:") announces its parts on the lines after it,
 * however many items those lines hold (each crop's area, yield and output): it is summed from
 * what follows it, its name opening on "Tổng" or not.
 */
/** "…, trong đó:", "… gồm:": the end of a line that announces the parts listed under it. */
const ANNOUNCES_PARTS_RE = /(?:trong đó|gồm)\s*:$/iu

/**
 * Whether the line holding `from` ends (past `from`, trailing spaces aside) with `re`, an expression
 * anchored at its end and at most 40 characters long: only the line's last characters are read, not
 * the whole line once per item on it (a line of megabytes holds thousands).
 */
function endsLineWith(text: string, from: number, re: RegExp): boolean {
  const lineEnd = text.indexOf('\n', from)
  let end = lineEnd === -1 ? text.length : lineEnd
  while (end > from && /\s/u.test(text[end - 1]!)) end--
  return re.test(text.slice(Math.max(from, end - 40), end))
}

export function sumNearbyTotals(built: Built[], text = ''): void {
  const near = (x: Section | undefined, y: Section | undefined): boolean => x !== undefined && (x === y || (x.parent !== undefined && x.parent !== ROOT && x.parent === y?.parent))
  const summable = (t: Built): boolean => figureOf(t.value.target) !== undefined && !t.value.children && !t.value.formula && (t.value.aggregation === 'flow' || t.value.aggregation === 'stock') && t.value.target?.kind === 'at_least'
  // A year's figure over its seasons first: a total further up may hold that figure, never its seasons beside it.
  for (const [at, t] of built.entries()) {
    // "Diện tích gieo trồng lúa cả năm | ha | 1.420" over "- Vụ Đông Xuân | ha | 720", "- Vụ Hè Thu | ha | 700":
    // the year's figure over its seasons, right after it, is their total too.
    // ("Tổng diện tích gieo sạ lúa cả năm 2.460 ha, sản lượng lúa cả năm đạt 17.596 tấn" over "+ Vụ Đông
    // Xuân: gieo sạ 1.240 ha, năng suất …, sản lượng 9.300 tấn", "+ Vụ Hè Thu: …": each season's area,
    // yield and output between them; the items of another unit are passed over.)
    // ("diện tích lúa 2.180 ha (vụ Chiêm Xuân 1.100 ha, vụ Mùa 1.080 ha)": so is a figure its seasons follow in brackets.)
    const wholeYear = /(?<![\p{L}])cả năm(?![\p{L}])/iu.test(`${t.value.name} ${t.value.source ?? ''}`) || /^\s*\(\s*vụ\s/iu.test(text.slice(t.source.end, t.source.end + 20))
    if (!wholeYear || !summable(t)) continue
    const seasons: Built[] = []
    for (let k = at + 1; k < built.length && k - at <= 12 && seasons.length < 4; k++) {
      const b = built[k]!
      const season = /(?:^|\s)vụ\s+\p{L}/iu.test(b.value.name)
      // (A part of the year's figure that names no season, "trong đó diện tích sản xuất lúa giống đạt 350 ha", is passed over too.)
      if (b.value.unitOfMeasure !== t.value.unitOfMeasure || (b.value.partOf === t.value.code && !season)) continue
      if (!season || b.value.children || b.value.formula || figureOf(b.value.target) === undefined) break
      seasons.push(b)
    }
    const figure = figureOf(t.value.target)!
    if (seasons.length >= 2 && agreesWith(figure, seasons.reduce((sum, b) => sum + figureOf(b.value.target)!, 0))) {
      t.value = { ...t.value, children: seasons.map((b) => b.value.code), target: { kind: 'derived', value: figure } }
      t.reasons.push(`tổng của ${seasons.map((b) => `“${b.value.name}”`).join(', ')}: tính từ các vụ`)
    }
  }
  const summed = new Set(built.flatMap((b) => b.value.children ?? []))
  for (const t of built) {
    const figure = figureOf(t.value.target)
    if (figure === undefined || !summable(t)) continue
    const at = built.indexOf(t)
    const announces = endsLineWith(text, t.source.end, ANNOUNCES_PARTS_RE)
    // ("**Sản lượng lương thực có hạt:** 3.024 tấn trở lên, trong đó:" over its crops' lines: a total
    // that announces its parts needs no "Tổng" in its name.)
    if (!/^tổng\s/iu.test(t.value.name) && !announces) continue
    const within = (k: number): boolean => (announces ? k > at && k - at <= 24 : Math.abs(k - at) <= 8)
    // (A season already summed into its year's figure is no part of another total: that figure is.)
    const candidates = built
      .filter((b, k) => b !== t && within(k) && near(b.found?.section, t.found?.section) && b.value.unitOfMeasure === t.value.unitOfMeasure && !b.value.formula && !b.value.children && !summed.has(b.value.code) && figureOf(b.value.target) !== undefined)
      .slice(0, 10)
    let best: Built[] | undefined
    for (let mask = 1; mask < 1 << candidates.length; mask++) {
      const pick = candidates.filter((_, k) => mask & (1 << k))
      if (pick.length >= 2 && agreesWith(figure, pick.reduce((sum, b) => sum + figureOf(b.value.target)!, 0)) && (!best || pick.length < best.length)) best = pick
    }
    if (!best) best = namedParts(t, built, near)
    if (!best) continue
    t.value = { ...t.value, children: best.map((b) => b.value.code), target: { kind: 'derived', value: figure } }
    t.reasons.push(`tổng của ${best.map((b) => `“${b.value.name}”`).join(', ')}: tính từ các chỉ tiêu đó`)
    for (const b of best) summed.add(b.value.code)
  }
}

/**
 * "Tổng sản lượng lương thực có hạt (lúa, ngô) đạt 3.149 tấn" over a crop table further on: a total
 * that names its parts in brackets is the sum of the one item of its unit that names each part, in its
 * own or a sister section however far away, when they add up to it.
 */
function namedParts(t: Built, built: Built[], near: (x: Section | undefined, y: Section | undefined) => boolean): Built[] | undefined {
  const listed = /\(([^()\d]{2,60})\)/u.exec(t.value.source ?? t.value.name)?.[1]?.split(/\s*,\s*|\s+và\s+/u)
  if (!listed || listed.length < 2 || listed.some((w) => !/^\p{L}+(?: \p{L}+)?$/u.test(w))) return undefined
  const pool = built.filter((b) => b !== t && near(b.found?.section, t.found?.section) && b.value.unitOfMeasure === t.value.unitOfMeasure && !b.value.formula && !b.value.children && figureOf(b.value.target) !== undefined)
  const parts: Built[] = []
  for (const word of listed) {
    const naming = new RegExp(String.raw`(?<![\p{L}])${word}(?![\p{L}])`, 'iu')
    const matches = pool.filter((b) => naming.test(b.value.name))
    if (matches.length !== 1 || parts.includes(matches[0]!)) return undefined
    parts.push(matches[0]!)
  }
  return agreesWith(figureOf(t.value.target)!, parts.reduce((sum, b) => sum + figureOf(b.value.target)!, 0)) ? parts : undefined
}

/**
 * "Trồng mới 145 ha rừng, trong đó thôn Nà Lừa 45 ha, thôn Khuổi Bon 38 ha, …": the commune's
 * figure shared out to its villages, whether the shares add up to it or not. The split is for
 * the villages to carry out, not targets of the commune's plan: the whole stays its own figure,
 * each share named in its reasons.
 */
export function dropVillageShares(built: Built[], doc: DraftContext): void {
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
}

/**
 * "… phấn đấu đạt 38,6 tỷ đồng, tăng khoảng 12% so với thực hiện năm 2025": a growth with no
 * subject of its own right after an amount of money only restates that amount, one target. So
 * does how far it goes past the assigned estimate ("… đạt 18,75 tỷ đồng, vượt 10% dự toán tỉnh giao"),
 * or what share of it the amount is ("…, bằng 104% dự toán tỉnh giao").
 */
/** "… so với năm 2024", "so với năm trước", "so với cùng kỳ": measured from a past year. */
const RISE_FROM_PAST_RE = /(?<![\p{L}])so với\s+(?:(?:thực hiện|cuối)\s+)?(?:năm\s+\d{4}|năm trước|cùng kỳ)(?![\p{L}])/iu

export function dropRestatedGrowths(built: Built[], text: string): void {
  for (let i = 1; i < built.length; i++) {
    const b = built[i]!
    const amount = built[i - 1]!
    // ("… đạt 312,5 tỷ đồng trở lên, bằng 104% dự toán tỉnh giao": so does the share of the estimate it comes to.)
    const ofEstimate = b.value.unitOfMeasure === '%' && /^(?:bằng|đạt)\s+\d[\d.,]*\s*%\s+(?:so với\s+)?(?:dự toán|kế hoạch|chỉ tiêu)(?![\p{L}])/iu.test(b.value.source ?? '')
    const restates = (b.value.target?.kind === 'growth' && /^tăng\s/iu.test(b.value.source ?? '')) || (b.found?.overPlan === true && /^vượt\s/iu.test(b.value.source ?? '')) || ofEstimate
    // "Đón 65.000 lượt khách trở lên, tăng 18% so với năm 2025": a growth naming no measure of its own
    // (its unit unknown) restates the amount before it, whatever that amount counts.
    const ownMeasure = b.value.unitOfMeasure !== 'chưa rõ'
    // "Giải quyết việc làm cho 1.200 lao động, tăng 80 lao động so với năm 2024": a rise in the same
    // unit, measured from a past year, with no subject of its own, is the change that amount makes
    // on last year's; it restates the amount, one target (the level).
    const sameChange = b.value.target?.kind === 'at_least' && amount.value.target?.kind === 'at_least' && b.value.unitOfMeasure === amount.value.unitOfMeasure && ownMeasure && /^tăng\s+(?:thêm\s+)?\d/iu.test(b.value.source ?? '') && RISE_FROM_PAST_RE.test(b.value.source ?? '')
    if (!sameChange && (!restates || (amount.value.target?.kind !== 'at_least' && amount.value.target?.kind !== 'derived') || (ownMeasure && !/^(?:tỷ|triệu) đồng$/u.test(amount.value.unitOfMeasure)))) continue
    if (!/^\s*,\s*$/u.test(text.slice(amount.source.end, b.source.start))) continue
    amount.reasons.push(`mức tăng nêu kèm chỉ nói lại số này, không phải chỉ tiêu riêng: “${clip(b.value.source ?? '', 160)}”`)
    built.splice(i--, 1)
  }
}

/**
 * A figure restated later with the same measure ("| Tổng đàn trâu, bò | con | … | 3.460 |" in a
 * table sharing the targets out to the villages, after "Tổng đàn trâu, bò duy trì … (3.460 con)")
 * is the same target: the first statement, the other named in its reasons.
 */
export function dropRestatedFigures(built: Built[]): void {
  // The codes a sum, a share or a formula refers to, gathered once: an item dropped below refers to
  // none, so the set holds through the passes. (Asked of every item before each one, it made a plan of
  // a thousand crops' measures take seconds for each hundred.)
  const refs = new Set<string>()
  for (const o of built) {
    for (const c of o.value.children ?? []) refs.add(c)
    if (o.value.target?.kind === 'shares') for (const p of o.value.target.parts) refs.add(p.indicator)
    for (const c of (o.value.formula ?? '').split(/[^A-Za-z0-9_.-]+/u)) if (c !== '') refs.add(c)
  }
  const referenced = (x: Built): boolean => refs.has(x.value.code)
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!
    if (b.value.aggregation === 'yes_no' || b.value.children || b.value.formula) continue
    if (referenced(b)) {
      // "… trồng 160 ha dong riềng trở lên …" in a report's lead, then "diện tích dong riềng đạt 160 ha
      // trở lên, năng suất bình quân 75 tấn/ha, sản lượng …": the later statement is the one the crop's
      // yield is worked out from; the earlier one, linked to nothing, restates it and goes.
      // ("Trồng ngô" in hectares is the area sown, "Diện tích ngô"; not "Trồng mới", a planting added.)
      const area = (x: Indicator): string => (x.unitOfMeasure === 'ha' ? x.name.replace(/^trồng\s+(?!mới(?![\p{L}]))/iu, 'diện tích ') : x.name)
      const at = built.findIndex((x, k) => k < i && x.value.aggregation !== 'yes_no' && !x.value.children && !x.value.formula && !referenced(x) && x.source.end < b.source.start && sameFigure(x.value, b.value) && sameMeasure(area(x.value), area(b.value)))
      if (at < 0) continue
      b.reasons.push(`cùng chỉ tiêu đã được nêu ở phần trước: “${clip(built[at]!.value.source ?? built[at]!.value.name, 160)}”`)
      built.splice(at, 1)
      i--
      continue
    }
    const first = built.find((x, k) => k < i && x.value.aggregation !== 'yes_no' && x.source.end < b.source.start && sameFigure(x.value, b.value) && sameMeasure(x.value.name, b.value.name))
    if (!first) continue
    first.reasons.push(`cùng chỉ tiêu được nêu lại ở phần sau: “${clip(b.value.source ?? b.value.name, 160)}”`)
    // (The level the cut starts from, or the amount the growth is measured from, stated only where it
    // is restated, is kept with the first.)
    const [ft, bt] = [first.value.target, b.value.target]
    if (ft?.kind === 'reduce_by' && bt?.kind === 'reduce_by' && ft.baseline === undefined && bt.baseline !== undefined) first.value = { ...first.value, target: { ...ft, baseline: bt.baseline } }
    // (A growth takes its base in the money that base is counted in.)
    if (ft?.kind === 'growth' && bt?.kind === 'growth' && ft.baseValue === undefined && bt.baseValue !== undefined) first.value = { ...first.value, unitOfMeasure: b.value.unitOfMeasure, target: { ...ft, baseValue: bt.baseValue } }
    built.splice(i--, 1)
  }
  // "… trọng tâm là phấn đấu tổng sản lượng lương thực đạt 9.850 tấn" in the text, then the table's
  // "| Tổng sản lượng lương thực có hạt | tấn | 9.850 |" summing its rows of rice and maize: the
  // figure stated in passing restates the whole, which is kept with its parts, wherever it stands.
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!
    if (b.value.aggregation === 'yes_no' || b.value.children || b.value.formula || referenced(b)) continue
    const value = figureOf(b.value.target)
    const whole = built.find((x) => x !== b && x.value.target?.kind === 'derived' && (x.value.children?.length ?? 0) > 0 && x.value.unitOfMeasure === b.value.unitOfMeasure && value !== undefined && figureOf(x.value.target) === value && sameMeasure(x.value.name, b.value.name))
    if (!whole) continue
    whole.reasons.push(`cùng chỉ tiêu được nêu ở chỗ khác: “${clip(b.value.source ?? b.value.name, 160)}”`)
    built.splice(i--, 1)
  }
}

/** Money units in millions of đồng: "15.000 triệu đồng" and "15 tỷ đồng" are one sum. */
const IN_MILLIONS: Record<string, number> = { đồng: 1e-6, 'nghìn đồng': 1e-3, 'triệu đồng': 1, 'tỷ đồng': 1000 }

/** Units that count people, each its own noun: "650 lao động" in the text and "| Người | 650 |" in a table count the same. */
const PERSONS = new Set(['người', 'lao động', 'đảng viên', 'đoàn viên', 'hội viên'])

/**
 * Two items state the same figure: the same unit (people counted as "người" or "lao động" alike) and target, or the same sum of money in two
 * units ("| Thu ngân sách … | Triệu đồng | … | 15.000 |", then "thu ngân sách … đạt 15 tỷ đồng trở lên").
 */
function sameFigure(x: Indicator, y: Indicator): boolean {
  // ("giảm 1,5%" and "| … giảm | % | 1,5 | Cuối năm 2023: 6,82% |": one cut, the level it starts from given once.)
  // ("tăng từ 9 - 10% so với năm 2026" and an annex's "| … | tỷ đồng | 3.940 | Tăng 9 - 10% |": one growth, its base given once.)
  const bare = (t: Indicator['target']): Indicator['target'] =>
    t?.kind === 'reduce_by' && t.baseline !== undefined && (x.target?.kind !== 'reduce_by' || x.target.baseline === undefined || y.target?.kind !== 'reduce_by' || y.target.baseline === undefined)
      ? { ...t, baseline: undefined }
      : t?.kind === 'growth' && t.baseValue !== undefined && (x.target?.kind !== 'growth' || x.target.baseValue === undefined || y.target?.kind !== 'growth' || y.target.baseValue === undefined)
        ? { ...t, baseValue: undefined }
        : t
  if (x.unitOfMeasure === y.unitOfMeasure || (PERSONS.has(x.unitOfMeasure) && PERSONS.has(y.unitOfMeasure))) return JSON.stringify(bare(x.target)) === JSON.stringify(bare(y.target))
  const [fx, fy] = [IN_MILLIONS[x.unitOfMeasure], IN_MILLIONS[y.unitOfMeasure]]
  // (A growth of money is a percentage whatever money its amount is counted in; its bases, where both are given, the same sum.)
  const [gx, gy] = [x.target, y.target]
  if (gx?.kind === 'growth' && gy?.kind === 'growth' && fx !== undefined && fy !== undefined)
    return gx.percent === gy.percent && gx.maxPercent === gy.maxPercent && gx.baseYear === gy.baseYear && (gx.baseValue === undefined || gy.baseValue === undefined || agreesWith(gx.baseValue * fx, gy.baseValue * fy))
  const [vx, vy] = [figureOf(x.target), figureOf(y.target)]
  if (fx === undefined || fy === undefined || vx === undefined || vy === undefined || x.target?.kind !== y.target?.kind) return false
  const strict = (t: Indicator['target']): boolean => (t && 'strict' in t ? (t.strict ?? false) : false)
  return strict(x.target) === strict(y.target) && agreesWith(vx * fx, vy * fy)
}

/**
 * The same goal stated twice ("giữ vững an ninh chính trị, trật tự an toàn xã hội", and later
 * "… trật tự an toàn xã hội trên địa bàn xã") is one item: the first, the other named in its reasons.
 */
export function dropRestatedGoals(built: Built[], text?: string): void {
  // (Each goal's words are read once, and an earlier goal is looked for among those sharing words
  // with it (an index by word): a long line may hold thousands of goals, and comparing every pair
  // made it quadratic. A goal of fewer than four words restates none, sameGoalKey.)
  const kept: { built: Built; key: GoalKey }[] = []
  const byWord = new Map<string, number[]>()
  // The figured targets by where their words end, for a reaching named by no measure right after one.
  const endingAt = new Map<number, Built>()
  for (const x of built) if (x.value.aggregation !== 'yes_no' && x.value.target?.kind !== 'yes_no') endingAt.set(x.source.end, x)
  for (let i = 0; i < built.length; i++) {
    const b = built[i]!
    if (b.value.aggregation !== 'yes_no') continue
    const key = goalKey(b.value.source ?? b.value.name)
    let first: Built | undefined
    if (key.words.size >= 4) {
      const shared = new Map<number, number>()
      for (const w of key.words) for (const k of byWord.get(w) ?? []) shared.set(k, (shared.get(k) ?? 0) + 1)
      const candidates = [...shared].filter(([, n]) => n >= 4).map(([k]) => k).sort((x, y) => x - y)
      first = candidates.map((k) => kept[k]!).find((x) => sameGoalKey(x.key, key))?.built
    }
    // "Phấn đấu hoàn thành vượt chỉ tiêu thu ngân sách được giao": reaching a measure that has its
    // own figure in the plan restates that figure's target; it is no goal of its own.
    // ("Thu ngân sách hoàn thành vượt dự toán được giao": so does the measure named first, its reaching after.)
    // ("Hoàn thành thu ngân sách vượt dự toán được giao": or named between the reaching and the plan it passes;
    // "phấn đấu thu ngân sách vượt dự toán huyện giao": or before the passing.)
    const source = b.value.source ?? ''
    const measure = ASSIGNED_GOAL_RE.exec(source)?.[1] ?? MEASURE_ASSIGNED_RE.exec(source)?.[1] ?? MEASURE_BETWEEN_RE.exec(source)?.[1] ?? MEASURE_EXCEEDED_RE.exec(source)?.[1]
    const figured = first ?? (measure !== undefined ? built.find((x) => x !== b && x.value.aggregation !== 'yes_no' && x.value.target?.kind !== 'yes_no' && sameMeasure(x.value.name, measure)) : undefined) ?? (text !== undefined && BARE_REACHING_RE.test(source) ? reachedJustBefore(b, endingAt, text) : undefined)
    if (!figured) {
      if (key.words.size >= 4) {
        for (const w of key.words) {
          const at = byWord.get(w)
          if (at) at.push(kept.length)
          else byWord.set(w, [kept.length])
        }
        kept.push({ built: b, key })
      }
      continue
    }
    figured.reasons.push(`${first ? 'cùng mục tiêu được nêu lại ở đoạn sau' : 'nêu lại chỉ tiêu này, không phải mục tiêu riêng'}: “${clip(b.value.source ?? b.value.name, 160)}”`)
    built.splice(i--, 1)
  }
}

/**
 * "hoàn thành vượt dự toán huyện giao", "đạt và vượt kế hoạch được giao": reaching what is assigned,
 * naming no measure.
 */
const BARE_REACHING_RE = /^(?:phấn đấu\s+)?(?:đạt|hoàn thành)(?:\s+(?:và\s+)?vượt)?(?:\s+mức)?\s+(?:chỉ tiêu|dự toán|kế hoạch)(?:\s+(?:được\s+|do\s+)?(?:\p{L}+\s+){0,3}?)?\s*giao[.;]?$/iu

/**
 * "Thu ngân sách nhà nước phấn đấu đạt 6,35 tỷ đồng, hoàn thành vượt dự toán huyện giao": reaching
 * what is assigned, naming no measure, right after a figured target of the same sentence (a comma or
 * "và" between them) restates that target: the target.
 */
function reachedJustBefore(b: Built, endingAt: ReadonlyMap<number, Built>, text: string): Built | undefined {
  for (let end = b.source.start; end >= Math.max(0, b.source.start - 6); end--) {
    const x = endingAt.get(end)
    if (x && /^\s*,?\s*(?:và\s+)?$/u.test(text.slice(end, b.source.start))) return x
  }
  return undefined
}

/** "Phấn đấu đạt và vượt chỉ tiêu <measure> được giao", "Hoàn thành vượt dự toán <measure> (cấp trên) giao": the measure. */
const ASSIGNED_GOAL_RE = /^(?:phấn đấu\s+)?(?:đạt|hoàn thành)(?:\s+và\s+vượt|\s+vượt)?(?:\s+mức)?\s+(?:chỉ tiêu|dự toán|kế hoạch)\s+(.{6,120}?)\s+(?:được\s+|do\s+[\p{L}\s]{2,30}?\s+)?giao[.;]?$/iu

/** "Thu ngân sách hoàn thành vượt dự toán được giao", "Sản lượng khai thác đạt kế hoạch huyện giao": the measure, named before it is reached. */
const MEASURE_ASSIGNED_RE = /^(\p{Lu}[^,;:\d]{5,80}?)\s+(?:phấn đấu\s+)?(?:đạt|hoàn thành)(?:\s+và\s+vượt|\s+vượt)?(?:\s+mức)?\s+(?:chỉ tiêu|dự toán|kế hoạch)(?:\s+(?:được\s+|do\s+)?(?:[\p{L}]+\s+){0,3}?)?\s*giao[.;]?$/u

/** "Hoàn thành thu ngân sách vượt dự toán được giao", "Đạt sản lượng khai thác vượt kế hoạch huyện giao": the measure, between its reaching and the plan it passes. */
const MEASURE_BETWEEN_RE = /^(?:phấn đấu\s+)?(?:đạt|hoàn thành)\s+(?!(?:chỉ tiêu|dự toán|kế hoạch)(?![\p{L}]))([^,;:\d]{5,80}?)\s+(?:và\s+)?vượt(?:\s+mức)?\s+(?:chỉ tiêu|dự toán|kế hoạch)(?:\s+(?:được\s+|do\s+)?(?:[\p{L}]+\s+){0,3}?)?\s*giao[.;]?$/iu

/**
 * "phấn đấu thu ngân sách vượt dự toán huyện giao, không để nợ đọng thuế kéo dài": the measure
 * striven past what is assigned, named before "vượt", restates that measure's figure; a lapse of
 * the same collection after it (nợ đọng, thất thu, thất thoát) is part of reaching it.
 */
const MEASURE_EXCEEDED_RE = /^(?:phấn đấu\s+)?(\p{L}[^,;:\d]{5,80}?)\s+(?:(?:đạt|hoàn thành)\s+(?:và\s+)?)?vượt(?:\s+mức)?\s+(?:chỉ tiêu|dự toán|kế hoạch)(?:\s+(?:được\s+|do\s+)?(?:\p{L}+\s+){0,3}?)?\s*giao(?:\s*,\s*không để\s+(?:nợ đọng|thất thu|thất thoát)[^,;.]{0,40})?[.;]?$/iu

/** Two names of one measure: most of the shorter's words (accents folded) are in the longer. */
function sameMeasure(a: string, b: string): boolean {
  const noise = new Set(['ty', 'le', 'so', 'cac', 'va', 'cua', 'dat', 'tong', 'ca', 'nam', 'moi', 'vu'])
  const [x, y] = [plainWords(a).filter((w) => !noise.has(w)), plainWords(b).filter((w) => !noise.has(w))]
  const [short, long] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)]
  return short.length > 0 && short.filter((w) => long.has(w)).length / short.length >= 0.6
}

/**
 * "sửa lại: tỷ lệ người dân tham gia BHYT năm 2025 là 95% (em gõ nhầm 93%)": a figure corrected
 * after the plan stated it replaces the target stated before of the same measure (in the same family
 * of units): the corrected one is kept, the earlier one dropped and named in its reasons. (So does a
 * conference's conclusion over the draft read out before it: `why` says which.)
 */
export function applyCorrections(built: Built[], corrections: readonly { start: number; end: number; why?: string }[]): void {
  const referenced = (x: Built): boolean => built.some((o) => o.value.children?.includes(x.value.code) || o.value.partOf === x.value.code || (o.value.formula ?? '').split(/[^A-Za-z0-9_.-]+/u).includes(x.value.code))
  for (const span of corrections) {
    const fixes = built.filter((b) => b.value.aggregation !== 'yes_no' && b.source.start >= span.start && b.source.end <= span.end)
    for (const fix of fixes) {
      for (let i = built.length - 1; i >= 0; i--) {
        const b = built[i]!
        if (b.source.end > span.start || b.value.aggregation === 'yes_no' || unitFamily(b.value.unitOfMeasure) !== unitFamily(fix.value.unitOfMeasure) || !sameMeasure(b.value.name, fix.value.name) || referenced(b)) continue
        fix.reasons.push(`${span.why ?? 'sửa lại chỉ tiêu đã nêu trước'}: “${clip(b.value.source ?? b.value.name, 160)}”`)
        built.splice(i, 1)
      }
    }
  }
}

/** "6. Thành lập mới", "- Chăn nuôi", "Xuất khẩu": a line's label before its colon, words alone after a list's mark. */
const LINE_LABEL_RE = /^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[-+•*–])\s*)?\p{L}[\p{L} ,]{0,60}$/u

/**
 * How each amount rolls up over the year, settled once the whole document is read by one rule
 * (lexicon.ts, amountAggregation) over its name, its unit and the words of its clause around its
 * figure: a standing area, a herd, a fleet, a count of villages holding a title is a stock (the
 * level at the period's end), what is made, sown, planted or added in the year a flow; where the
 * rule says nothing, the first reading by the name's words stays. A clause that opens on "và"
 * shares the verb of the clause before it ("Phát triển mới 45 doanh nghiệp và 120 hộ kinh doanh"), or
 * the label opening its line ("Thành lập mới: ít nhất 25 doanh nghiệp và 40 hộ kinh doanh"),
 * one on "trong đó" is a part of it ("giữ ổn định diện tích thanh long 2.150 ha, trong đó …").
 * Then a total whose parts are all stocks is a stock, unless its own words say otherwise ("Trồng
 * mới 120 ha rừng, trong đó: hồi 45 ha, quế 75 ha" plants them), and a part (of a "trong đó", a
 * total's children) rolls up as its whole does, unless its own words say otherwise ("duy trì 1.150
 * ha cà phê, trong đó tái canh 45 ha"). A cut of a count ("giảm 12 hộ nghèo") stays a stock, as the
 * model asks, and a yield computed from output and area keeps its own.
 */
export function settleAggregations(built: Built[], text: string): void {
  const amount = (i: Indicator): boolean => (i.aggregation === 'flow' || i.aggregation === 'stock') && i.target?.kind !== 'reduce_by' && i.formula === undefined
  const set = (b: Built, aggregation: 'flow' | 'stock'): void => {
    if (!amount(b.value) || b.value.aggregation === aggregation) return
    // (An alternative naming another quantity keeps its own: "… (tăng thêm)", the increase beside a total.)
    const name = b.value.name
    b.value = { ...b.value, aggregation }
    if (b.alternatives) b.alternatives = b.alternatives.map((a) => (amount(a) && a.name === name ? { ...a, aggregation } : a))
  }
  const ownWords = new Set<Built>()
  for (const b of built) {
    if (!amount(b.value)) continue
    const { start, end } = b.source
    const at = b.found !== undefined && b.found.at > start && b.found.at < end ? b.found.at : start
    let from = start
    // The clause before, back to its own start (the last comma, semicolon, colon or stop before a
    // space, a bracket or a line's end; not the dot or comma inside a figure, "2.150 ha").
    if (/^\s*\(?\s*(?:và|trong đó)(?![\p{L}])/iu.test(text.slice(start, start + 12))) {
      const window = text.slice(Math.max(0, start - 300), start)
      const head = withoutClosingMarks(window, /[\s,;(]/u)
      let cut = -1
      // ("6. Thành lập mới: ít nhất 25 doanh nghiệp và 40 hộ kinh doanh": the label opening the line names
      // the clause the figures after it share; its colon ends no clause.)
      const lineStart = (i: number): number => {
        const nl = head.lastIndexOf('\n', i)
        return nl !== -1 || start - window.length === 0 || text[start - window.length - 1] === '\n' ? nl + 1 : -1
      }
      for (const m of head.matchAll(/[,;:.](?=\s)|[\n()]/gu)) if (m[0] !== ':' || lineStart(m.index) === -1 || !LINE_LABEL_RE.test(head.slice(lineStart(m.index), m.index))) cut = m.index
      from = start - window.length + cut + 1
    }
    // (Each side read over 600 characters at most, as a clause's words are elsewhere: a line of joined
    // clauses costs no more than its targets.)
    const before = text.slice(Math.max(from, at - 600), at)
    const rest = text.slice(at, Math.min(end, at + 600))
    // A table row's later cells (a note "Duy trì", "Lũy kế") are its clause; prose ends at the next clause.
    const after = /[|\t]/u.test(rest) ? rest : rest.slice(0, rest.search(/[;.]\s|,\s|$/u))
    const own = amountAggregation(b.value.name, { before, after, unit: b.value.unitOfMeasure })
    if (!own) continue
    set(b, own.aggregation)
    if (own.by === 'words') ownWords.add(b)
  }
  const byCode = new Map(built.map((b) => [b.value.code, b]))
  for (const b of built) {
    const parts = (b.value.children ?? []).map((c) => byCode.get(c)).filter((x): x is Built => x !== undefined)
    if (parts.length > 0 && !ownWords.has(b) && parts.every((p) => p.value.aggregation === 'stock')) set(b, 'stock')
  }
  // The whole a part rolls up as: its parent's, up the chain of wholes (a part of a part).
  const parentOf = new Map<string, Built>()
  for (const w of built) for (const c of w.value.children ?? []) parentOf.set(c, w)
  const wholeOf = (b: Built, depth = 0): Built => {
    const parent = b.value.partOf !== undefined ? byCode.get(b.value.partOf) : parentOf.get(b.value.code)
    return parent && parent !== b && depth < 8 ? wholeOf(parent, depth + 1) : b
  }
  for (const b of built) {
    const whole = wholeOf(b)
    if (whole !== b && !ownWords.has(b) && (whole.value.aggregation === 'flow' || whole.value.aggregation === 'stock')) set(b, whole.value.aggregation)
  }
}

/** A figure as written: "4,86", "1.127", "0.62". */
const FIGURE = String.raw`\d(?:[\d.,]*\d)?`
const escaped = (words: string): string => words.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&').replace(/\s+/gu, String.raw`\s+`)

/** A level the document states: its figure as written, its unit, where, and the end of which year (undefined: the paragraph's). */
export interface StatedLevel {
  figure: string
  unit: string
  at: number
  yearEnd: number | undefined
  paragraphRead?: boolean
}

/** The quantity a target is of, as the document names it elsewhere: quantityOf's words for a rate or a count, else its name bare of its brackets, place and pace ("Tổng giá trị sản xuất (giá so sánh 2010) trên địa bàn": "tổng giá trị sản xuất"). */
function levelQuantity(name: string, rate: boolean): { words: string; rate: boolean } | undefined {
  // (A quantity is named in a few words: a "name" of hundreds is a run of text, not one to look up.)
  if (name.length > 200) return undefined
  const q = quantityOf(name)
  if (q) return q.rate === rate ? q : undefined
  if (rate) return undefined
  const words = name
    // ("Tăng trưởng kinh tế: tổng giá trị sản xuất trên địa bàn": the label before a colon names no quantity.)
    .replace(/^[^:]{0,80}:\s+/u, '')
    .replace(/\([^()]{0,80}\)/gu, ' ')
    .replace(/^tốc độ tăng(?:\s+trưởng)?\s+/iu, '')
    .replace(/\s+(?:trên địa bàn(?:\s+(?:xã|phường|thị trấn|đặc khu))?|so với\s[\p{L}\d\s]{0,30})\s*$/iu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase()
  return words.split(' ').length < 2 ? undefined : { words, rate: false }
}

/** The canonical unit the words after a figure open with ("tỷ đồng, tăng …": tỷ đồng), three words at most. */
function unitOpening(words: string): string | undefined {
  if (words === '%' || words === '‰') return words
  const w = words.split(/\s+/u)
  return [3, 2, 1].map((k) => unitInfo(w.slice(0, k).join(' '))?.canonical).find((u) => u !== undefined)
}

/**
 * The levels the whole document states for a quantity (levelQuantity), in % or ‰ for a rate, in its
 * count's unit for a count, in the unit written after it for an amount: "tỷ lệ hộ nghèo cuối năm
 * 2025 còn 4,86%", "toàn xã còn 132 hộ nghèo, chiếm 4,86%", "38,15% hộ nghèo (512 hộ)", "số người
 * nghiện ma túy có hồ sơ quản lý là 41 người", "tổng giá trị sản xuất (giá so sánh 2010) ước đạt
 * 2.146 tỷ đồng". Each regex runs once over the text, from the quantity's words (no look-behind tried
 * at every place).
 */
function statedLevels(text: string, quantity: { words: string; rate: boolean }, unit: string | undefined): StatedLevel[] {
  const spelled = escaped(quantity.words)
    // "thứ 3" and "thứ ba" are one order of birth.
    .replace(/thứ\\s\+(?:3|ba)/u, String.raw`thứ\s+(?:3|ba)`)
    // "tỷ suất sinh" is "tỷ suất sinh thô", named with its measure (a bare "sinh" is in many words).
    .replace(/^sinh\\s\+thô$/u, String.raw`tỷ\s+suất\s+sinh(?:\s+thô)?`)
    // ("tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng" is named without "tiêu dùng" too: the
    // consumer services are the only services the statistic counts, one quantity under either name.)
    .replace(/dịch\\s\+vụ(?:\\s\+tiêu\\s\+dùng)?$/u, String.raw`dịch\s+vụ(?:\s+tiêu\s+dùng)?`)
    // "hộ nghèo đồng bào dân tộc thiểu số" is "hộ nghèo trong đồng bào dân tộc thiểu số" or "… là đồng bào …" too.
    .replace(/\\s\+(đồng\\s\+bào|người\\s\+dân\\s\+tộc|dân\\s\+tộc)/u, String.raw`\s+(?:(?:trong|là|thuộc)\s+)?$1`)
    // ("giá trị sản xuất các ngành kinh tế" is "giá trị sản xuất các ngành" too: every sector is an economic one.)
    .replace(/các\\s\+ngành\\s\+kinh\\s\+tế$/u, String.raw`các\s+ngành(?:\s+kinh\s+tế)?`)
    // ("người nghiện ma túy có hồ sơ quản lý" is "… có hồ sơ" after its verb: "phường quản lý 52 người nghiện ma túy có hồ sơ".)
    .replace(/có\\s\+hồ\\s\+sơ\\s\+quản\\s\+lý$/u, String.raw`có\s+hồ\s+sơ(?:\s+quản\s+lý)?`)
    // ("Bru - Vân Kiều" is "Bru-Vân Kiều" too: a dash in a name, spaced or not.)
    .replace(/(?:\\s\+)?([-–])(?:\\s\+)?/gu, String.raw`\s*[-–]\s*`)
  // ("Cuối năm 2026: HN 0,92% (58 hộ)" in a slide's notes: the quantity in its abbreviation, as in its words.)
  const abbr = abbreviationOf(quantity.words, quantity.rate ? (unit ?? '%') : unit)
  const noun = abbr === undefined ? spelled : `(?:${spelled}|${abbr})`
  const out: StatedLevel[] = []
  const part = (end: number): boolean => PART_AFTER_RE.test(text.slice(end, end + 30))
  const push = (figure: string, at: number, words: string, u: string | undefined = unit): void => {
    if (u !== undefined) out.push({ figure, unit: u, at, yearEnd: yearEndOf(words) })
  }
  if (quantity.rate) {
    const sign = unit === '‰' ? '‰' : '%'
    // ("hộ nghèo cuối năm còn 2,35%, hộ cận nghèo 2,45%": a rate named without its measure, not after a verb cutting it or "số".)
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:(?:tỷ lệ|tỷ suất)\s+)?${noun}(?![\p{L}])(${LEVEL_GAP})(${FIGURE})\s*${sign}`, 'giu'))) {
      if (!/^(?:tỷ lệ|tỷ suất)/iu.test(m[0]) && /(?:giảm|tăng|số|tỷ lệ|tỷ suất)\s+$/iu.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
      push(m[2]!, m.index, m[1]!)
    }
    // "tỷ lệ hộ nghèo giảm từ 31,6% xuống còn 26,9%": a review's cut, the level it came down to.
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:tỷ lệ|tỷ suất)\s+${noun}(?![\p{L}])(${LEVEL_GAP})giảm\s+từ\s+${FIGURE}\s*${sign}\s+xuống\s+(?:còn\s+)?(${FIGURE})\s*${sign}`, 'giu'))) push(m[2]!, m.index, m[1]!)
    // "còn 412 hộ nghèo, chiếm 9,84%", "38,15% hộ nghèo": the rate beside the count.
    if (sign === '%') {
      // ("… và 94 hộ cận nghèo, chiếm 2,24%", "còn 92 hộ nghèo(3), chiếm 6,9%" with a footnote's mark, "còn 21 hộ nghèo (0,31%) và 76 hộ cận nghèo (1,12%)";
      // the rate named by "tỷ lệ" alone: "còn 118 hộ nghèo, tỷ lệ 2,15%", "và 417 hộ cận nghèo (tỷ lệ 2,85%)".)
      for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:còn|có|là|trong đó|và)\s+${FIGURE}\s+${noun}(?![\p{L}])(?:\(\d\))?\s*(?:(?:,\s*|\(\s*)(?:(?:chiếm|bằng)(?:\s+tỷ lệ)?|tỷ lệ)\s+(${FIGURE})\s*%|\(\s*(${FIGURE})\s*%\s*\))`, 'giu'))) push(m[1] ?? m[2]!, m.index, '')
      // ("còn 291 hộ nghèo, chiếm 6,82%; 177 hộ cận nghèo, chiếm 4,15%": the second count after a comma or
      // a ";" shares the verb of the first, the words of the first's noun at most six, its rate beside it.)
      const rateBeside = String.raw`(?:(?:,\s*|\(\s*)(?:(?:chiếm|bằng)(?:\s+tỷ lệ)?|tỷ lệ)\s+${FIGURE}\s*%\)?|\s*\(\s*${FIGURE}\s*%\s*\))`
      for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:còn|có|là|trong đó|với)\s+${FIGURE}\s+\p{L}+(?:\s\p{L}+){0,5}${rateBeside}?[,;]\s+${FIGURE}\s+${noun}(?![\p{L}])\s*(?:(?:,\s*|\(\s*)(?:(?:chiếm|bằng)(?:\s+tỷ lệ)?|tỷ lệ)\s+(${FIGURE})\s*%|\(\s*(${FIGURE})\s*%\s*\))`, 'giu'))) push(m[1] ?? m[2]!, m.index, '')
      for (const m of text.matchAll(new RegExp(String.raw`(?<![\d.,])(${FIGURE})\s*%\s+(?:số\s+)?${noun}(?![\p{L}])`, 'giu'))) if (!part(m.index + m[0].length)) push(m[1]!, m.index, '')
      // ("Tổng số hộ nghèo cuối năm 2026 là 96 hộ, chiếm 1,72%": the count named first, its figure in the
      // noun's own unit after the verb, the rate beside it.)
      const head = quantity.words.split(' ')[0]!
      for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])${noun}(?![\p{L}])(${LEVEL_GAP})${FIGURE}\s+${escaped(head)}(?![\p{L}])\s*(?:,\s*|\(\s*)(?:chiếm|bằng)(?:\s+tỷ lệ)?\s+(${FIGURE})\s*%`, 'giu'))) push(m[2]!, m.index, m[1]!)
    }
    return out
  }
  if (unit === undefined || !unitInfo(unit)?.integer) {
    // "Năm 2025, … tổng giá trị sản xuất (giá so sánh 2010) ước đạt 2.146 tỷ đồng", "diện tích sen 420
    // ha": an amount, in the unit written after its figure (its brackets before or after "trên địa bàn").
    for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])${noun}(?![\p{L}])(?:\s*\([^()]{0,60}\))?(?:\s+trên địa bàn(?:\s*\([^()]{0,60}\))?)?(${LEVEL_GAP})(?:khoảng\s+)?(${FIGURE})\s*(\p{L}+(?:[ /]\p{L}+){0,2})`, 'giu'))) {
      push(m[2]!, m.index, m[1]!, unitOpening(m[3]!))
    }
    return out
  }
  const counted = escaped(unit)
  // "toàn xã còn 412 hộ nghèo", "trong đó 435 hộ nghèo", "còn 31 hộ nghèo (0,62%) và 186 hộ cận nghèo"
  // (the verb shared): a count the commune has, not one helped or cut.
  // ("Công an xã đang quản lý 31 người nghiện ma túy có hồ sơ": the count it keeps.)
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:còn|có|là|trong đó|và|với|quản lý)\s+(${FIGURE})\s+${noun}(?![\p{L}])`, 'giu'))) if (!part(m.index + m[0].length)) push(m[1]!, m.index, '')
  // ("còn 11 hộ nghèo, 86 hộ cận nghèo": the second count after a comma shares the verb of the first,
  // the words between a count's noun, at most six, no figure among them.)
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])(?:còn|có|là|trong đó|với|quản lý)\s+${FIGURE}\s+\p{L}+(?:\s\p{L}+){0,5},\s(${FIGURE})\s+${noun}(?![\p{L}])`, 'giu'))) if (!part(m.index + m[0].length)) push(m[1]!, m.index, '')
  // ("còn 214 hộ nghèo, tỷ lệ 2,86%, trong đó 131 hộ đồng bào dân tộc thiểu số": a part of a count
  // after "trong đó" is named by its unit and the words that set it apart, the whole's other words
  // understood; it is the quantity's level when those words are the quantity's, the rest the whole's.)
  const words = quantity.words.split(' ')
  if (words.length >= 3 && words.length <= 10) {
    for (let k = 2; k < words.length; k++) {
      const whole = escaped(words.slice(0, k).join(' '))
      const apart = escaped(words.slice(k).join(' ')).replace(/^(đồng\\s\+bào|người\\s\+dân\\s\+tộc|dân\\s\+tộc)/u, String.raw`(?:(?:là|thuộc)\s+)?$1`)
      const re = new RegExp(String.raw`(?<![\d.,])${FIGURE}\s+${whole}(?![\p{L}])(?:[^.;\n]|\.(?=\d)){0,60}?(?<![\p{L}])trong đó\s+(${FIGURE})\s+${counted}\s+${apart}(?![\p{L}])`, 'giu')
      for (const m of text.matchAll(re)) if (!part(m.index + m[0].length)) push(m[1]!, m.index, '')
    }
  }
  // "số người nghiện ma túy có hồ sơ quản lý là 41 người", "hộ cận nghèo 214 hộ".
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])${noun}(?![\p{L}])(${LEVEL_GAP})(${FIGURE})\s+${counted}(?![\p{L}])`, 'giu'))) push(m[2]!, m.index, m[1]!)
  // "tỷ lệ hộ nghèo còn 2,04% (47 hộ)", "… còn 1,65%, tương ứng 41 hộ": the count beside the rate.
  for (const m of text.matchAll(new RegExp(String.raw`(?<![\p{L}])tỷ lệ\s+${noun}(?![\p{L}])(${LEVEL_GAP})${FIGURE}\s*%\s*(?:\(\s*|,\s*(?:tương ứng|với)\s+)(${FIGURE})\s+${counted}(?![\p{L}])`, 'giu'))) push(m[2]!, m.index, m[1]!)
  return out
}

/** The year whose end a paragraph speaks of before `at`: its last time phrase ("Năm 2025, …", "Đến cuối năm 2025, …"); undefined after "phấn đấu" (this year's aims). */
function paragraphYear(text: string, at: number): number | undefined {
  const before = text.slice(Math.max(0, at - 600), at)
  // (Back to the paragraph's start: a line break after a stop, or a blank line; a hard-wrapped line runs on.)
  const breaks = [...before.matchAll(/(?:[.:;!?]\s*|\n\s*)\n/gu)]
  const paragraph = breaks.length > 0 ? before.slice(breaks[breaks.length - 1]!.index + breaks[breaks.length - 1]![0].length) : before
  let last: { year: number; index: number } | undefined
  // ("…, tăng 8,4% so với năm 2024; tổng mức bán lẻ … 640 tỷ đồng": the year compared with is not the one spoken of.)
  // ("… còn 11,64% (giảm 3,12% so với cuối năm 2022)": nor is "năm 2022" read alone after "so với cuối".)
  // ("Tình hình 2025: …, hộ nghèo cuối năm còn 2,35%": a review's year written bare after "tình hình" or "kết quả".)
  for (const m of paragraph.matchAll(/(?<![\p{L}\d/])(?<!so với\s{1,3}(?:(?:cuối|đầu)\s{1,3})?)(?:(?:cuối|đầu)\s+)?năm\s+\d{4}(?!\d)|31\/12\/\d{4}|(?<![\p{L}])(?:tình hình|kết quả)\s+(\d{4})(?![\d/])/giu)) {
    last = { year: m[1] !== undefined ? Number(m[1]) : yearEndOf(m[0])!, index: m.index }
  }
  if (last) return /phấn đấu|mục tiêu/iu.test(paragraph.slice(last.index)) ? undefined : last.year
  // A paragraph naming no year speaks of the one an earlier paragraph of the same account opens with
  // ("Năm 2025 là năm đầu tiên …" then "Kết quả chủ yếu: tổng giá trị sản xuất ước đạt 3.215 tỷ đồng"),
  // or a review's heading names ("I. KẾT QUẢ NĂM 2025", "KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM
  // 2025", "Tình hình 2025: …", the paragraph's own opening too), unless a part's heading, an aim or a
  // task stands between (the tasks' part or heading: "nhiệm vụ năm 2026", "nhiệm vụ, giải pháp", not
  // a review's "vừa triển khai nhiệm vụ").
  const start = at - paragraph.length
  const earlier = text.slice(Math.max(0, start - 2000), at)
  let opening: { year: number; end: number } | undefined
  for (const m of earlier.matchAll(/(?:^|\n)[ \t]*(?:(?:trong\s+)?năm\s+(\d{4})(?!\d)|(?:(?:[IVX]{1,4}|\d{1,2}|[A-Đ])[.)][ \t]+)?(?:kết quả|tình hình)(?:[ \t]+[^\s\d.,;:!?()]+){0,8}?[ \t]+(?:năm[ \t]+)?(\d{4})(?![\d/]))/giu)) {
    opening = { year: Number(m[1] ?? m[2]), end: m.index + m[0].length }
  }
  if (!opening || /phấn đấu|mục tiêu|(?:^|\n)[^\n]{0,12}nhiệm vụ|nhiệm vụ(?:,|\s+và)?\s+(?:giải pháp|trọng tâm|chủ yếu|năm\s+\d{4})|\n[ \t]*(?:[IVX]{1,4}|[A-Đ])[.)]\s/iu.test(earlier.slice(opening.end))) return undefined
  return opening.year
}

/** A money figure in another money unit: "2,1 tỷ đồng" is 2.100 triệu đồng. */
const MONEY_SCALE: Record<string, number> = { 'triệu đồng': 1, 'tỷ đồng': 1000 }
const inUnit = (value: number, from: string, to: string): number | undefined =>
  from === to ? value : MONEY_SCALE[from] !== undefined && MONEY_SCALE[to] !== undefined ? (value * MONEY_SCALE[from]) / MONEY_SCALE[to] : undefined

/** A level found: its value in the unit asked for (or its own), the figure and unit as written, and whether the target's own clause states it. */
export interface FoundLevel {
  value: number
  unit: string
  /** The figure as written, with its unit: "10,8‰", "420 ha". */
  figure: string
  /** Where it was said: "mức cuối năm 2025 là 4,86%", "cuối năm 2022 là 1,25%". */
  text: string
  own: boolean
}

/**
 * The one finder of a stated level: the level of the quantity a target names at the end of year
 * `yearEnd` (a flow's: that year's), as this document states it, in `want.unit` (a % or ‰ for a rate,
 * a count's unit, a money unit the figure is converted to; none: the unit the document writes). Looked
 * for first in the target's own clause or row (`clause`: "(đầu năm 2025 là 5,12%)", "| Cuối năm 2025
 * còn 47 hộ |", "(năm 2023 ước đạt 96,4 tỷ đồng)"), then anywhere in the document for that year
 * ("Cuối năm 2025, toàn xã còn 132 hộ nghèo, chiếm 4,86%", "Năm 2025, … tổng giá trị sản xuất ước
 * đạt 2.146 tỷ đồng"): the figures found there must agree, else none is taken. A part of the commune
 * ("hộ nghèo đồng bào dân tộc thiểu số") is not the whole. Each quantity's statements are found in one
 * pass over the text, kept in the draft's memo. Every reading asks it: cuts' baselines and growths'
 * base values (settleBaselines), a rise in ‰ (shape.ts) and "không thấp hơn năm 2025" (build.ts notBelow).
 */
export function statedLevelAt(doc: DraftContext, name: string, yearEnd: number, want: { rate: boolean; unit?: string }, clause?: { text: string; start: number; end: number }): FoundLevel | undefined {
  const quantity = levelQuantity(name, want.rate)
  if (!quantity) return undefined
  const unit = want.unit !== undefined ? (unitInfo(want.unit)?.canonical ?? want.unit) : want.rate ? '%' : undefined
  // (A count is of what its words open with: "hộ nghèo" in hộ.)
  // (A herd, "tổng đàn trâu, bò", in head.)
  const head = quantity.words.replace(/^tổng\s+/u, '').split(' ')[0]!
  if (!want.rate && unit !== undefined && unitInfo(unit)?.integer && unitInfo(head)?.canonical !== unit && !(head === 'đàn' && unit === 'con')) return undefined
  const read = (figure: string, u: string): number | undefined => {
    const v = readDigits(figure, { integer: unitInfo(u)?.integer ?? false, percent: want.rate, habit: doc.habit })?.value
    return v === undefined ? undefined : unit === undefined ? v : inUnit(v, u, unit)
  }
  const shown = (figure: string, u: string): string => `${figure}${/^[%‰]$/u.test(u) ? u : ` ${u}`}`
  if (clause && want.rate) {
    // A rate's own sentence: "giảm 1,2% (từ 4,85% cuối năm 2025 xuống còn 3,65%)", "… (đầu năm là 3,65%)".
    const sign = unit === '‰' ? '‰' : '%'
    const from = new RegExp(String.raw`(?<![\d.,])${FIGURE}\s*${sign}\s*\(?\s*từ\s+(${FIGURE})\s*${sign}((?:\s+(?:cuối|đầu)\s+năm\s+\d{4})?)|\(\s*(?:đầu|cuối)\s+năm\s+(?:là|còn|có)\s+(${FIGURE})\s*${sign}`, 'iu').exec(clause.text)
    const figure = from?.[1] ?? from?.[3]
    if (figure !== undefined && (!from![2] || yearEndOf(from![2]) === yearEnd)) {
      const v = read(figure, sign)
      if (v !== undefined) return { value: v, unit: sign, figure: shown(figure, sign), text: `mức đầu kỳ là ${shown(figure, sign)}`, own: true }
    }
  }
  if (clause) {
    // "Tỷ lệ hộ nghèo: 5,42% → giảm 1,5 - 2%": last year's level before the arrow (figures.ts, arrowStart).
    const arrow = arrowStart(clause.text.replace(/^\|[^|]*\|\s*/u, ''))
    const arrowUnit = arrow ? (arrow.unit !== undefined ? unitOpening(arrow.unit) : unit) : undefined
    if (arrow && arrowUnit !== undefined && (unit === undefined || arrowUnit === unit || (!want.rate && inUnit(1, arrowUnit, unit) !== undefined))) {
      const v = read(arrow.figure, arrowUnit)
      if (v !== undefined) return { value: v, unit: unit ?? arrowUnit, figure: shown(arrow.figure, arrowUnit), text: `mức trước mũi tên là ${shown(arrow.figure, arrowUnit)}`, own: true }
    }
    // Its own clause: "(cuối năm 2022: 1,25%)", "(đầu năm 2023 có 45 hộ)", "| Cuối năm 2025 còn 47 hộ |".
    const own = new RegExp(String.raw`(?<!so với\s{1,3}(?:(?:cuối|đầu)\s{1,3})?)(?<![\p{L}])((?:(?:đến\s+)?(?:cuối|đầu)\s+)?năm\s+\d{4})(?!\d)\s*,?\s*((?:[\p{L}]+\s+){0,8}?)(?::\s*|(?:là|còn|có|quản lý|chiếm|đạt)\s+)(${FIGURE})\s*(%|‰|\p{L}+(?:[ /]\p{L}+){0,2})`, 'iu').exec(clause.text)
    const ownUnit = own ? unitOpening(own[4]!) : undefined
    if (own && ownUnit !== undefined && yearEndOf(own[1]!) === yearEnd && !/giảm|tăng|phấn đấu/iu.test(own[2]!) && (unit === undefined || ownUnit === unit || (!want.rate && inUnit(1, ownUnit, unit) !== undefined))) {
      const v = read(own[3]!, ownUnit)
      if (v !== undefined) return { value: v, unit: unit ?? ownUnit, figure: shown(own[3]!, ownUnit), text: `${lowerFirst(own[1]!)} là ${shown(own[3]!, ownUnit)}`, own: true }
    }
  }
  const key = `${quantity.words}\u0000${quantity.rate}\u0000${unit ?? ''}`
  const memo = (doc.memo.levels ??= new Map<string, StatedLevel[]>())
  if (!memo.has(key)) memo.set(key, statedLevels(doc.text, quantity, unit))
  const values = new Map<number, { figure: string; unit: string }>()
  for (const s of memo.get(key)!) {
    // (Not the target's own clause: a level in a sentence striving for it is no start.)
    if (clause && s.at >= clause.start && s.at < clause.end) continue
    // (A paragraph's year looked for once per statement, however many targets ask.)
    if (s.yearEnd === undefined && !s.paragraphRead) Object.assign(s, { yearEnd: paragraphYear(doc.text, s.at), paragraphRead: true })
    if (s.yearEnd !== yearEnd) continue
    const v = read(s.figure, s.unit)
    if (v === undefined) continue
    // (Figures in two units the document does not convert between are two quantities: none is taken.)
    if (unit === undefined && [...values.values()].some((x) => x.unit !== s.unit)) return undefined
    if (![...values.keys()].some((x) => agreesWith(x, v) || agreesWith(v, x))) values.set(v, { figure: s.figure, unit: s.unit })
  }
  if (values.size !== 1) return undefined
  const [value, said] = [...values][0]!
  return { value, unit: unit ?? said.unit, figure: shown(said.figure, said.unit), text: `mức cuối năm ${yearEnd} là ${shown(said.figure, said.unit)}`, own: false }
}

/**
 * What a cut by a count says it cuts, in its own words: "giảm ít nhất 35 hộ nghèo" (a cut of 35 hộ):
 * "hộ nghèo", the count's unit and the words after it to the clause's end, "và", "so với" or "trở lên".
 */
function cutCountNoun(source: string, amount: number, unit: string, doc: DraftContext): string | undefined {
  const re = new RegExp(String.raw`(?<![\p{L}])giảm\s+(?:(?:ít nhất|tối thiểu|thêm)\s+)?(${FIGURE})\s+(\p{L}+)\s+(\p{L}+(?:\s+\p{L}+){0,5}?)(?=\s*(?:[,;.:)]|$)|\s+(?:và|so với|trở lên|trong|để|của|tại|ở)(?![\p{L}]))`, 'giu')
  for (const m of source.matchAll(re)) {
    if (unitInfo(m[2]!.toLowerCase())?.canonical !== unit) continue
    if (readDigits(m[1]!, { integer: true, percent: false, habit: doc.habit })?.value !== amount) continue
    return `${m[2]!.toLowerCase()} ${m[3]!}`
  }
  return undefined
}

/**
 * The figure a cut or a growth is measured from, where the document states it, found once the whole
 * document is read by the one finder (statedLevelAt), for every reading (sentences, tables, notes): a
 * cut's start is the level of the same quantity at the end of the year it is measured from (the plan's
 * year − 1 for "so với đầu năm", "so với cuối năm trước" or none; the year it names, "so với cuối năm
 * 2024"; "đầu năm 2025" is the end of 2024), a % for a rate, a count in its unit for a count; a growth's
 * base value is the amount of its base year ("tăng 9% so với năm 2025": 2025's, in the target's unit,
 * money converted). A relative cut's start is above 0, a point cut's above the cut. Never a default.
 */
export function settleBaselines(built: Built[], text: string, year: number | undefined, doc: DraftContext): void {
  if (year === undefined) return
  for (const b of built) {
    const t = b.value.target
    const unit = b.value.unitOfMeasure
    const rate = /^[%‰]$/u.test(unit)
    // ("Hộ nghèo" named by a run-in label, "Hộ nghèo: giảm 30 hộ": a count named by what it counts, as "Số hộ nghèo".)
    const countedBy = (name: string): boolean => unitInfo(unit)?.integer === true && unitInfo(name.split(/\s+/u)[0]!.toLowerCase())?.canonical === unit
    // ("Riêng hộ nghèo đồng bào dân tộc thiểu số giảm ít nhất 8 hộ": a part set apart by "riêng" or "trong đó" is named by the words after.)
    let name = b.value.name.replace(/^(?:riêng|trong đó)\s+/iu, '')
    if (t?.kind === 'reduce_by' && t.baseline === undefined && !rate && quantityOf(name) === undefined && !countedBy(name)) {
      // A name that names no quantity (a heading's "Giảm nghèo, lao động, việc làm", "Trong năm hộ nghèo"):
      // a cut by a count names what it cuts in its own words ("phấn đấu giảm ít nhất 35 hộ nghèo").
      name = cutCountNoun(text.slice(b.source.start, b.source.end), t.amount, unit, doc) ?? name
    }
    const counted = countedBy(name)
    const cut = t?.kind === 'reduce_by' && t.baseline === undefined && !(rate && t.relative) && (quantityOf(name) !== undefined || counted)
    const growth = t?.kind === 'growth' && t.baseValue === undefined && t.percent > 0 && !rate && unitInfo(unit) !== undefined
    if (!cut && !growth) continue
    // The clause the target is read from, to its line's end or its next clause (a row: the whole row).
    const line = text.slice(b.source.start, Math.min(text.length, b.source.start + 400))
    const lineEnd = line.search(/\n|$/u)
    const row = line.startsWith('|') || line.includes('\t')
    const tail = text.slice(b.source.end, b.source.start + lineEnd)
    const clause = row ? line.slice(0, lineEnd) : text.slice(b.source.start, b.source.end) + tail.slice(0, Math.max(0, tail.search(/[;]|\.\s|$/u)))
    // The year measured from: a growth's base year; for a cut "so với cuối năm 2024", "so với năm 2024" (its end), "so với đầu năm" or none (last year's end).
    const since = /so với\s+(?:(?:cuối|đầu)\s+)?năm\s+\d{4}/iu.exec(clause)
    const from = t!.kind === 'growth' ? t!.baseYear : since ? yearEndOf(since[0].replace(/^so với\s+/iu, ''))! : year - 1
    // (A growth in money is in the unit the document states its level in: "96,4 tỷ đồng" is no 96.400 triệu đồng the plan meant.)
    const money = growth && MONEY_SCALE[unit] !== undefined
    const level = statedLevelAt(doc, name, from, { rate, ...(money ? {} : { unit }) }, { text: clause, start: b.source.start, end: b.source.end })
    if (!level || !(level.value > 0) || (money && MONEY_SCALE[level.unit] === undefined)) continue
    if (money && level.unit !== unit) b.value = { ...b.value, unitOfMeasure: level.unit }
    const said = `${level.own ? 'câu của chỉ tiêu ghi' : 'văn bản ghi'} ${level.text}`
    const shown = (x: number): string => String(Math.round(x * 100) / 100).replace('.', ',')
    const u = rate ? unit : ` ${b.value.unitOfMeasure}`
    if (t!.kind === 'growth') {
      b.value = { ...b.value, target: { ...t!, baseValue: level.value } }
      b.reasons.push(`mức gốc của chỉ tiêu tăng: ${said}, năm nay cần đạt từ ${shown(level.value * (1 + t!.percent / 100))}${u} trở lên`)
      continue
    }
    if (t!.kind !== 'reduce_by' || !(t!.relative || level.value > (t!.max ?? t!.amount))) continue
    b.value = { ...b.value, target: { ...t!, baseline: level.value } }
    const left = t!.relative ? level.value * (1 - (t!.max ?? t!.amount) / 100) : level.value - (t!.max ?? t!.amount)
    b.reasons.push(`mức xuất phát của chỉ tiêu giảm: ${said}, năm nay cần còn không quá ${shown(left)}${u}`)
  }
}
