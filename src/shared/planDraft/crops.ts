// A crop's measures: its name without what qualifies it, its area, yield and output, the yield
// computed from the other two (linkYield), and the same crop named in other words.
import { plainWords } from '../codes'
import { type Built, figureOf } from './build'

/** Words that qualify a crop's measure, season, place or product rather than name the crop ("cà phê nhân", "chè búp tươi", "sắn củ tươi", "cao su mủ khô", "trứng artemia", "toàn xã", "chè hiện có", "cà phê duy trì ổn định", "tôm quảng canh giữ ổn định": an area kept; "khoảng", about, before its figure). */
export const CROP_QUALIFIER_RE = /(?<![\p{L}])(?:bình quân|trung bình|cả năm|các loại|gieo cấy|gieo trồng|gieo sạ|thu hoạch|toàn (?:xã|phường|thị trấn)|trên địa bàn|nhân|búp tươi|củ tươi|quả tươi|mủ (?:khô|tươi)|trứng|hiện có|duy trì(?:\s+ổn định)?|giữ(?:\s+vững)?(?:\s+ổn định)?|ổn định|khoảng)(?![\p{L}])/giu
export const MEASURE_RE = /^(?:(.+?)\s*:\s*)?(?:(?:duy trì|tổng(?=\s+diện tích))\s+)?(diện tích|năng suất|sản lượng|gieo trồng|gieo cấy|gieo sạ)(?:\s+(?:gieo trồng\s+|gieo sạ\s+|thu hoạch\s+|(?:thả\s+)?nuôi\s+)?(.+))?$/iu

/**
 * A label before a colon that names a branch of work rather than a crop ("Sản xuất nông, lâm
 * nghiệp:", "Trồng trọt:", "Phát triển kinh tế:", "Ngành nông nghiệp:"): the crop of a measure after
 * it is the one the measure names ("…: tổng diện tích chè …" is the tea's area).
 */
export const TOPIC_LABEL_RE = /^(?:về\s+)?(?:(?:lĩnh vực|ngành)\s+)?(?:sản xuất|phát triển|trồng trọt|cây trồng|nông nghiệp|lâm nghiệp|nông(?:\s*,|\s+[-–])?\s+lâm|kinh tế|thủy sản|chăn nuôi)(?![\p{L}])/iu

/**
 * A crop named before its measure's word: "lúa cả năm diện tích gieo sạ", "đậu phộng diện tích" (a
 * few words, no figure), its seasons counted and a verb of level between ("lúa nước gieo cấy 2 vụ đạt
 * diện tích").
 */
export const CROP_BEFORE_MEASURE_RE = /^(?:cây\s+)?\p{L}+(?:\s+(?:\p{L}+|\d{1,2}\s*vụ)){0,4}\s+(?:(?:đạt|là)\s+)?(?:diện tích|năng suất|sản lượng)(?![\p{L}])/iu

/** A crop's measures as a short message abbreviates them, with the units each is stated in. */
export const CROP_ABBREVIATIONS: Record<string, { name: string; units: RegExp }> = {
  DT: { name: 'diện tích', units: /^ha$/u },
  NS: { name: 'năng suất', units: /^(?:tạ|tấn)\/ha$/u },
  SL: { name: 'sản lượng', units: /^(?:tấn|tạ)$/u },
}

/**
 * A crop's name without what qualifies its measure ("cây ngô", "lúa cả năm", "chè búp tươi": ngô,
 * lúa, chè), nor a bracket on its measures after it, nor a label's colon or a level's sign left
 * after them ("chè hiện có: duy trì ≥": chè), nor a verb of level before its measure's word ("lúa
 * nước 2 vụ đạt diện tích": lúa nước 2 vụ).
 */
export function bareCrop(x: string | undefined): string | undefined {
  // ("Cao su (diện tích cho mủ, sản lượng mủ khô)": what the bracket says of the measures is no part of the crop.)
  // ("- Bưởi da xanh: duy trì …": nor is the list's bullet before a crop's label.)
  return x?.replace(/^[-+•*–]\s+/u, '').replace(/^trong đó\s*:?\s*/iu, '').replace(/^cây\s+/iu, '').replace(/\([^()]*\)/gu, (b) => (/diện tích|năng suất|sản lượng/iu.test(b) ? ' ' : b)).replace(CROP_QUALIFIER_RE, ' ').replace(/\s+/gu, ' ').replace(/[\s:≥≤<>]+$/u, '').replace(/\s+(?:đạt|là)$/iu, '').trim() || undefined
}

/**
 * Fruit named as an orchard, as fruit trees or as their fruit ("vườn cây ăn trái chuyên canh", "cây ăn
 * quả", "trái cây các loại", "hoa quả"): one crop, whose area, yield and output go together.
 */
const FRUIT_RE = /^(?:(?:cây\s+)?ăn\s+(?:quả|trái)|trái cây|hoa quả|cây trái)(?:\s+(?:chuyên canh|tập trung))?$/iu

/**
 * The key a crop's measures are gathered under, its name without qualifiers: a crop's orchard or
 * garden is the crop ("diện tích vườn chè", "sản lượng chè"), and fruit is one crop however named.
 */
export function cropKeyOf(subject: string): string {
  const s = subject.replace(/^vườn\s+/iu, '').trim()
  return FRUIT_RE.test(s) ? 'trái cây' : s
}

/** Where a crop grows, after its name: "lạc trên đất cát ven biển", "rau ở vùng bãi", "chè tại các thôn vùng cao". */
export const CROP_PLACE_RE = /\s+(?:trên (?:đất|vùng|diện tích|chân)|ở|tại|vùng|ven)\s.*$/iu

/** The verb that sows or plants a crop, after its name: "lúa nước cả năm gieo cấy", "cây lúa gieo cấy cả năm", "ngô trồng". */
export const SOWING_RE = /(?:^|\s)(?:gieo cấy|gieo trồng|gieo sạ|trồng|cấy|sạ)(?![\p{L}])/iu

/** Planting or reworking, named by the action rather than the crop: "trồng mới, trồng dặm", "tái canh". */
export const PLANTING_RE = /^(?:trồng|tái canh|ghép|cải tạo|chuyển đổi|khai hoang)(?![\p{L}])/iu

/** Rice is written thóc (grain) in a total and lúa on its own line. */
const CROP_SYNONYMS: Record<string, string> = { thoc: 'lua' }

/** A part's name ("Thóc", "Ngô") names the crop of an output line ("Sản lượng lúa ruộng bậc thang"). */
export function sameCrop(part: string, output: string): boolean {
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
export function cropKey(records: ReadonlyMap<string, Record<string, Built>>, subject: string, measure: string): string {
  if (records.has(subject)) return subject
  // ("Diện tích cao su hiện có" under the table's group row "Cây cao su": "cao su cây cao su", the crop named twice, is still short.)
  const short = (x: string): boolean => new Set(x.split(/\s+/u).filter((w) => !/^cây$/iu.test(w))).size <= 4
  return [...records.entries()].find(([k, r]) => !r[measure] && short(k) && short(subject) && (sameCrop(k, subject) || sameCrop(subject, k)))?.[0] ?? subject
}

/** Kilograms in each weight a crop's output or yield is stated in. */
const KG_IN: Readonly<Record<string, number>> = { kg: 1, tạ: 100, tấn: 1000 }

/**
 * How many of the yield's units per hectare one unit of output per hectare makes: "tấn/ha" over
 * "tấn" 1, "tạ/ha" over "tấn" 10, "kg/ha" over "tấn" 1000 (a shrimp or a seed yield in kilograms
 * beside its output in tons). Undefined for a yield weighed heavier than its output, or not by weight.
 */
export function yieldFactor(perHa: string, outputUnit: string): number | undefined {
  const y = /^(kg|tạ|tấn)\/ha$/u.exec(perHa)?.[1]
  const o = KG_IN[outputUnit]
  if (y === undefined || o === undefined || o < KG_IN[y]!) return undefined
  return o / KG_IN[y]!
}

/** Area, yield and output of one crop: the yield is computed (output ÷ area), as a plan states it; the area and the output are left as they roll up. */
export function linkYield(rec: Record<string, Built>): void {
  const { DT: area, NS: yieldB, SL: output } = rec
  if (!area || !yieldB || !output) return
  // (A yield in the output's own weight per hectare, "tấn/ha" over "tấn", is their quotient; in a
  // lighter weight, "tạ/ha" or "kg/ha" over "tấn", the output is first turned into that weight.)
  const n = yieldFactor(yieldB.value.unitOfMeasure, output.value.unitOfMeasure)
  if (n === undefined || area.value.unitOfMeasure !== 'ha') return
  const factor = n === 1 ? '' : ` * ${n}`
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
  // (The area and the output keep how each rolls up: a tea area kept is a stock, its output a flow; passes.ts, settleAggregations.)
}
