// A line's figures to indicators (fromFound), with the relations the line states between them: the
// shares of a structure, a crop's area, yield and output, a whole's parts, a growth's sectors.
import { agreesWith } from '../validation'
import type { Line } from './header'
import { readDigits, SECTOR_RE, spellAbbreviations, unitFamily } from './lexicon'
import type { SourceSpan } from './types'
import { cleanName, type Found } from './figures'
import { type DraftContext, toIndicatorShape } from './shape'
import { type Built, Codes, figureOf, makeIndicator, REPORTERS, slug } from './build'
import { bareCrop, CROP_ABBREVIATIONS, CROP_BEFORE_MEASURE_RE, CROP_PLACE_RE, CROP_QUALIFIER_RE, cropKey, linkYield, MEASURE_RE, PLANTING_RE, sameCrop, SOWING_RE, TOPIC_LABEL_RE, yieldFactor } from './crops'
import { lowerFirst, upperFirst } from './lines'

/** A village or residential group named as such: "thôn Nà Lừa", "tổ dân phố Hòa Bình", "bản Chang". */
/** A verb of level alone before a figure, naming no measure: "duy trì", "duy trì ổn định", "giữ ổn định", "hiện có", "đạt". */
const LEVEL_VERB_ONLY_RE = /^(?:(?:duy trì|giữ(?:\s+vững)?)(?:\s+ổn định)?|ổn định|hiện có|đạt)$/iu
export const VILLAGE_NAME_RE = /^(?:thôn|bản|ấp|tổ dân phố|tổ|khu phố|khóm|làng|buôn|sóc)\s+\p{Lu}/u

/** A structure's name before its parts: "Cơ cấu kinh tế:", "cơ cấu giá trị sản xuất gồm". */
const SHARES_NAME_RE = /^(cơ cấu[^:]*?)\s*(?::|gồm|là)\s*/iu

/** The indicators of one line's figures, with the relations the line states between them. */
export function fromFound(found: Found[], line: Line, year: number | undefined, doc: DraftContext, codes: Codes, n0: number): Built[] {
  if (found.length === 0) return []
  const text = (s: SourceSpan): string => line.text.slice(s.start - line.start, s.end - line.start)

  // "Cơ cấu kinh tế: nông nghiệp 38,5%, công nghiệp – xây dựng 29,4%, dịch vụ 32,1%": one shares target.
  const sharesName = SHARES_NAME_RE.exec(found[0]!.name)
  if (sharesName && found.length >= 2 && found.every((f) => f.unit === '%')) {
    return sharesFrom(found, sharesName, line, codes, n0, doc)
  }
  // ("Tổng giá trị sản xuất tăng 10,5% …; cơ cấu kinh tế: công nghiệp - xây dựng 74,5%, thương mại -
  // dịch vụ 23,8%, nông nghiệp 1,7%. Thu ngân sách …": so is such a run inside a paragraph, its
  // percentages up to the clause's end; what stands before and after it is read as a line of its own.)
  const k = found.findIndex((f, i) => i > 0 && SHARES_NAME_RE.test(f.name))
  if (k > 0 && found[k]!.unit === '%') {
    let j = k + 1
    while (j < found.length && found[j]!.unit === '%' && !/;|\.(?=\s|$)/u.test(line.text.slice(found[j - 1]!.span.end - line.start, found[j]!.at - line.start))) j++
    if (j - k >= 2) {
      const before = fromFound(found.slice(0, k), line, year, doc, codes, n0)
      const shares = sharesFrom(found.slice(k, j), SHARES_NAME_RE.exec(found[k]!.name)!, line, codes, n0 + before.length, doc)
      const after = fromFound(found.slice(j), line, year, doc, codes, n0 + before.length + shares.length)
      return [...before, ...shares, ...after]
    }
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
    // "NS lúa bình quân ≥ 65 tạ/ha", "TNGT: giảm ≥ 10% số vụ", "Tỷ lệ HGĐ văn hóa": abbreviations
    // read as their words, for the kind and the unit (the source keeps them as written).
    f.name = spellAbbreviations(f.name, f.unit)
  }

  // A name listing parts after a colon ("Số học sinh có mặt đầu năm học: Mầm non 435 học sinh, tiểu học …").
  const colon = /^([^:]{6,}?)\s*:\s*(.+)$/u.exec(found[0]!.name)
  const first = found[0]!
  // ("Trồng trọt: lúa cả năm diện tích gieo sạ 4.200 ha, năng suất …; đậu phộng diện tích 950 ha, …": a
  // branch of work before the colon, then a crop named before its measure's word, labels no figure:
  // the crop names its measures, as with no label.)
  if (colon && TOPIC_LABEL_RE.test(colon[1]!) && CROP_BEFORE_MEASURE_RE.test(colon[2]!) && found.length >= 2) first.name = colon[2]!
  // ("Bưởi da xanh: duy trì 260 ha, năng suất 16 tấn/ha, sản lượng …", "Cây dứa: giữ ổn định 150 ha,
  // sản lượng …": a crop's label over hectares stated with a verb of level alone, no measure's word, then
  // the crop's yield or output: the hectares are the crop's area, as "Lúa: diện tích …" says it.)
  else if (colon && first.unit === 'ha' && !TOPIC_LABEL_RE.test(colon[1]!) && colon[1]!.split(/\s+/u).length <= 6 && LEVEL_VERB_ONLY_RE.test(colon[2]!) && /^(?:năng suất|sản lượng)(?![\p{L}])/iu.test(found[1]?.name ?? '')) first.name = `${colon[1]}: diện tích ${colon[2]}`
  else if (colon && !MEASURE_RE.test(first.name) && found.length >= 2) {
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
  // "Lúa cả năm 210 ha (vụ Chiêm Xuân 115 ha, vụ Mùa 95 ha), năng suất bình quân 56 tạ/ha, …": the
  // seasons in brackets are the year's parts; the yield after the bracket closes is the year's, and
  // its area the figure before the bracket.
  // (After the last figure, the rest of the line: a bracket of parts may close there.)
  const gap = (i: number): string => (found[i + 1] ? line.text.slice(found[i]!.span.end - line.start, found[i + 1]!.span.start - line.start) : found[i] ? line.text.slice(found[i].span.end - line.start) : '')
  const opensParts = (i: number): boolean => /^[^()]*\($/u.test(gap(i).trim()) && found[i + 1]?.afterWhole === true
  const inParts = new Set<number>()
  /** The whole each part in brackets is of, by index. */
  const wholeOf = new Map<number, number>()
  for (let i = 0; i < found.length; i++) {
    // (A bracket opening on "trong đó" holds a part named by its own kind: read below.)
    if (!opensParts(i) || /^trong đó(?![\p{L}])/iu.test(text(found[i + 1]!.span))) continue
    let j = i + 1
    while (j < found.length && !gap(j - 1).includes(')') && (j === i + 1 || !gap(j - 1).includes('('))) {
      wholeOf.set(j, i)
      inParts.add(j++)
    }
    if (!gap(j - 1).includes(')')) for (let k = i + 1; k < j; k++) inParts.delete(k)
  }
  /** The index of the first figure after the i-th outside the brackets (found.length when none). */
  const nextOutside = (i: number): number => {
    let k = i + 1
    while (k < found.length && inParts.has(k)) k++
    return k
  }
  /** The index of the first figure after the i-th that is no "trong đó" part (found.length when none). */
  const nextOwn: number[] = []
  for (let i = found.length - 1, k = found.length; i >= 0; i--) {
    nextOwn[i] = k
    if (!/^trong đó(?![\p{L}])/iu.test(text(found[i]!.span))) k = i
  }
  const measures = found.map((f, i) => {
    // (A season in the brackets names no crop of its own: the crop stays the year's.)
    if (inParts.has(i) && !MEASURE_RE.test(f.name)) {
      // ("Tổng diện tích cây lâu năm 10.370 ha (điều 6.850 ha, cao su 3.100 ha, hồ tiêu 420 ha)": a crop's
      // share of an area, in brackets, is that crop's area; its yield further on is reckoned on it.)
      const whole = found[wholeOf.get(i) ?? -1]
      const crop = f.unit === 'ha' && whole && /(?<![\p{L}])diện tích(?![\p{L}])/iu.test(whole.name) && /^\p{L}+(?:\s\p{L}+){0,2}$/u.test(f.name.trim()) && !/(?:^|\s)vụ(?:\s|$)/iu.test(f.name) && !PLANTING_RE.test(f.name.trim()) ? bareCrop(f.name) : undefined
      if (crop === undefined) return undefined
      f.name = `Diện tích ${lowerFirst(crop)}`
      return { measure: 'DT', subject: crop }
    }
    // "…; trong đó lúa ruộng 310 ha, năng suất bình quân 52 tạ/ha, sản lượng 1.612 tấn": a crop's
    // hectares right before its yield are its area.
    // ("…, trong đó: lúa ruộng bậc thang cả năm diện tích 610 ha, năng suất …": the crop may be named
    // before its measure's word; the word and the qualifiers of the year count in no name's length.)
    const crop = f.name.replace(/^trong đó\s*:?\s*/iu, '').replace(/\s+diện tích(?:\s+(?:gieo cấy|gieo trồng|gieo sạ))?$/iu, '')
    const cropWords = crop.replace(CROP_PLACE_RE, '').split(SOWING_RE)[0]!.replace(CROP_QUALIFIER_RE, ' ').trim().split(/\s+/u).length
    // "… đạt 640 ha, trong đó diện tích rau VietGAP đạt 210 ha; năng suất …": a part names its own
    // kind, the measures after it are the whole's crop again.
    const outer = subject
    const part = /^trong đó(?![\p{L}])/iu.test(text(f.span))
    // ("trồng mới, trồng dặm 25 ha; năng suất …": planting names an action, not a crop.)
    // ("Lạc trên đất cát 95 ha, năng suất …": where it grows is no part of the crop's name's length.)
    // ("Lúa nước cả năm gieo cấy 410 ha, năng suất …", "Cây lúa gieo cấy cả năm …": the crop's name is
    // what comes before the verb that sows it; the verb and what follows it count in no name's length.)
    // ("…, sản lượng 1.968 tấn, năng suất 48 tạ/ha": the output may come before the yield, after the area.)
    // ("Cây sắn trồng 200 ha cho sản lượng 4.000 tấn": an output naming no crop, right after the area, is of that crop too.)
    const at = inParts.has(i + 1) ? nextOutside(i) : i + 1
    const following = found[at]
    const outputNext = /^sản lượng(?![\p{L}])/iu.test(following?.name ?? '') && /^(?:tấn|tạ)$/u.test(following?.unit ?? '')
    const yieldNext = /^năng suất(?![\p{L}])/iu.test(following?.name ?? '') || (outputNext && (/^sản lượng$/iu.test(following!.name) || /^năng suất(?![\p{L}])/iu.test(found[at + 1]?.name ?? '')))
    // ("Về nông, lâm nghiệp, diện tích gieo trồng lúa …": a name holding its measure's word further on is led in to it, below.)
    // ("…; trồng lạc 85 ha, năng suất 25 tạ/ha, …": the verb that sows a crop, before it, names no
    // action of planting: what it sows is the crop; not "trồng mới", "trồng dặm", "trồng xen".)
    const sownCrop = /^(?:và\s+)?(?:trồng|gieo trồng|gieo cấy|gieo sạ|cấy|sạ)\s+(?!(?:mới|dặm|lại|xen|thêm|bổ sung|thay thế)(?![\p{L}]))(\p{L}+(?:\s+\p{L}+){0,3})$/iu.exec(crop)?.[1]
    const areaOf = f.unit === 'ha' && !inParts.has(i) && yieldNext && !MEASURE_RE.test(f.name) && !/(?<![\p{L}])diện tích(?![\p{L}])/iu.test(crop) && cropWords <= 5 && !VILLAGE_NAME_RE.test(crop) && (!PLANTING_RE.test(crop) || sownCrop !== undefined)
    // "Ổn định sản xuất lương thực, diện tích lúa nước cả năm 180 ha, năng suất …": a clause of direction
    // before the comma leads in; the crop's measure, with its crop named, is the clause after it.
    // ("Cao su (diện tích cho mủ, sản lượng mủ khô)": a comma inside the crop's bracket leads in nothing.)
    // ("Về nông, lâm nghiệp, diện tích gieo trồng lúa cả năm 1.240 ha, …": the field it leads in from may hold a comma of its own.)
    // ("Về trồng trọt, diện tích … lúa cả năm 3.840 ha (…), trong đó … 2.300 ha; năng suất …": its part in between is none of its measures.)
    const ownNext = found[nextOwn[i]!]
    const led = !areaOf && /^(?:năng suất|sản lượng)(?![\p{L}])/iu.test(ownNext?.name ?? '') ? /^[^:;()]+?,\s+((?:diện tích|năng suất|sản lượng)\s+\p{L}.*)$/iu.exec(f.name)?.[1] : undefined
    // ("… và cây ngô trồng 410 ha …": the joining word and the bare verb after the crop are no part of its name.)
    const m = MEASURE_RE.exec(areaOf ? `diện tích ${sownCrop ?? crop.replace(/^và\s+/iu, '').replace(/\s(?:trồng|cấy|sạ)$/iu, '')}` : (led ?? f.name))
    if (!m) {
      // "Ngô: diện tích 380 ha, trong đó thôn Nà Lừa 120 ha, …; năng suất 45 tạ/ha": a village's share of
      // the crop's area leaves the crop named for the measures after it.
      if (!VILLAGE_NAME_RE.test(crop)) subject = undefined
      return undefined
    }
    // "năng suất bình quân", "diện tích gieo cấy cả năm": qualifiers of the measure, not a crop.
    // "Cây cà phê: diện tích …, sản lượng cà phê nhân …": the plant is the crop.
    // ("gieo trồng 1.350 ha sắn": a sowing verb's crop may follow the hectares, the rest of its clause.)
    const sownAfter = m[1] === undefined && m[3] === undefined && /^gieo/iu.test(m[2]!) && f.unit === 'ha' ? /^\s+(\p{Ll}+(?:\s+\p{Ll}+)?)\s*$/u.exec(f.rest ?? '')?.[1] : undefined
    // ("Sản xuất nông, lâm nghiệp: tổng diện tích chè …", "Trồng trọt: diện tích cà phê …": a topic's
    // label names no crop; the crop is the one the measure names.)
    const label = m[1] !== undefined && TOPIC_LABEL_RE.test(m[1]) && bareCrop(m[3]) !== undefined ? undefined : m[1]
    const own = bareCrop(label) ?? bareCrop(m[3]) ?? bareCrop(sownAfter)
    if (own) subject = own
    // "…; năng suất bình quân 90 tạ/ha, sản lượng chè búp tươi 4.680 tấn": a measure naming no
    // crop, with none before it, is of the crop the next measure names.
    // ("Cây chè: duy trì diện tích 1.120 ha (trong đó chè giống mới 960 ha); năng suất chè …": not of its part.)
    if (!subject) {
      const after = found.slice(i + 1).find((g) => !/^trong đó(?![\p{L}])/iu.test(text(g.span)))
      const next = MEASURE_RE.exec(after?.name ?? '')
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
  // "Diện tích sản xuất theo mô hình lúa - tôm đạt 2.100 ha; năng suất lúa bình quân 45 tạ/ha, sản
  // lượng lúa 9.450 tấn": a crop's yield and output with no area of that crop on the line are over the
  // one area the line gives whose name holds the crop (a rotation, a model it is grown in), when the
  // output over that area comes to the yield stated.
  for (const [crop, rec] of bySubject) {
    if (!rec.NS || !rec.SL || rec.DT) continue
    const areas = [...bySubject].filter(([k, r]) => k !== crop && r.DT && !r.NS && !r.SL && sameCrop(crop, k))
    const area = areas.length === 1 ? areas[0]![1].DT! : undefined
    const [a, y, o] = [figureOf(area?.value.target), figureOf(rec.NS.value.target), figureOf(rec.SL.value.target)]
    const factor = yieldFactor(rec.NS.value.unitOfMeasure, rec.SL.value.unitOfMeasure) ?? 1
    if (area && a !== undefined && a > 0 && y !== undefined && o !== undefined && Math.abs((o * factor) / a - y) <= 0.01 * y) rec.DT = area
  }
  for (const rec of bySubject.values()) linkYield(rec)

  // "X … Trong đó: a …, b …": parts that add up to the whole are its children (lương thực = lúa +
  // ngô); a part that does not is a part of it (xuất khẩu lao động ⊂ việc làm mới).
  // (In a run-in paragraph, each sentence's parts go with the first figure of their own sentence.)
  const groups = new Map<number | undefined, Built[]>()
  for (const b of out) if (b.found!.afterWhole) groups.set(b.found!.wholeFrom, [...(groups.get(b.found!.wholeFrom) ?? []), b])
  for (const [from, group] of groups) {
    const wholeIdx = out.findIndex((b) => !b.found!.afterWhole && (from === undefined || b.found!.at >= from))
    const whole = out[wholeIdx]
    const parts = group.filter((b) => whole && unitFamily(b.value.unitOfMeasure) === unitFamily(whole.value.unitOfMeasure))
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
  }

  // "đạt 12.000 tấn trở lên (lúa 11.400 tấn, ngô 600 tấn)": two figures or more in a bracket right
  // after a figure, in its unit and adding up to it, are its parts: the figure is their sum.
  // (The bracket is looked for over the 40 characters after the whole's figure.)
  for (const [i, whole] of out.entries()) {
    const at = whole.found!.at - line.start
    const open = /^(?:[^(),;.]|[.,](?=\d)){0,40}?\(/u.exec(line.text.slice(at, at + 41))
    if (!open || whole.value.children || whole.value.formula || whole.value.target?.kind !== 'at_least' || whole.found!.afterWhole) continue
    const from = at + open[0].length
    const close = line.text.indexOf(')', from)
    if (close < 0) continue
    const parts = out.filter((b, k) => k > i && b.found!.at - line.start >= from && b.found!.at - line.start < close)
    const figure = figureOf(whole.value.target)
    if (parts.length < 2 || figure === undefined || parts.some((p) => p.value.unitOfMeasure !== whole.value.unitOfMeasure || p.value.children || (p.value.partOf !== undefined && p.value.partOf !== whole.value.code) || figureOf(p.value.target) === undefined)) continue
    if (!agreesWith(figure, parts.reduce((sum, p) => sum + figureOf(p.value.target)!, 0))) continue
    for (const p of parts) {
      const { partOf: _, ...rest } = p.value
      p.value = rest
      p.reasons = p.reasons.filter((r) => !r.startsWith('“trong đó”'))
    }
    whole.value = { ...whole.value, children: parts.map((p) => p.value.code), target: { kind: 'derived', value: figure } }
    whole.reasons.push(`tổng của ${parts.map((p) => `“${p.value.name}”`).join(', ')}: các phần trong ngoặc cộng lại bằng số này`)
  }

  // "Giá trị sản xuất tăng 10%, nông nghiệp tăng 5-7%, dịch vụ …": sectors are parts of the first.
  // "Tổng giá trị sản xuất … đạt 5.860 tỷ đồng, tăng 10,5% …. Trong đó: công nghiệp … tăng 11%;
  // thương mại - dịch vụ tăng 12%; …": the sectors of an amount in money are its parts too, and the
  // amount their sum (derived, the sectors as its children).
  const head = out[0]
  const amount = head?.value.target?.kind === 'at_least' && /(?:^|\s)(?:nghìn |triệu |tỷ )?đồng$/u.test(head.value.unitOfMeasure) && /giá trị|doanh thu|(?<![\p{L}])GTSX(?![\p{L}])/iu.test(head.found!.name)
  if (head && out.length >= 2 && (head.value.target?.kind === 'growth' || amount) && !SECTOR_RE.test(head.found!.name)) {
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
      const whole = head.value.target
      head.value = { ...head.value, children: sectors.map((s) => s.value.code), ...(amount && whole?.kind === 'at_least' ? { target: { kind: 'derived' as const, value: whole.value } } : {}) }
      if (amount) head.reasons.push('các ngành nêu sau “trong đó” là phần của số này: tính từ các ngành')
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

function sharesFrom(found: Found[], sharesName: RegExpExecArray, line: Line, codes: Codes, n0: number, doc: DraftContext): Built[] {
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
