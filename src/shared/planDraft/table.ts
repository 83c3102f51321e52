// Tables of targets: a heading row and what each column holds, a table with a figure per column
// (MeasureTable), and a row of targets (readTableRow).
import type { Indicator, Target } from '../model'
import { agreesWith } from '../validation'
import type { Line } from './header'
import { cueBefore, isStockName, QUANTITY_RE, readDigits, readPost, unitFamily, unitInfo } from './lexicon'
import { type Section } from './sections'
import { wholeFraction } from './guards'
import { findTargets, type Found } from './figures'
import { type DraftContext, eventCeiling, type Reading, statedCases, toIndicatorShape } from './shape'
import { type Built, Codes, figureOf, makeIndicator, REPORTERS, slug } from './build'
import { fromFound } from './fromFound'
import { lowerFirst, upperFirst } from './lines'

/** A table row: a name cell, a unit-of-measure cell and a figure cell ("dưới 5", "≥ 95", "90 – 95"). */
interface MeasureColumn {
  index: number
  /** "Diện tích", "Sản lượng": what the column measures. */
  measure: string
  unit: string
  /** An earlier year's column beside the plan's (planColumns): where the commune stands, no target. */
  earlier?: boolean
}

/** The columns of a heading row that each carry a measure and its unit ("Diện tích (ha)"): two or more. */
export function measureColumns(row: string): MeasureColumn[] | undefined {
  const cells = row.slice(1, -1).split('|').map((c) => c.trim())
  if (cells.some((c) => /^[≥≤<>]?\s*\d(?:[\d.,]*\d)?\s*%?$/u.test(c))) return undefined
  const out: MeasureColumn[] = []
  cells.forEach((c, index) => {
    const m = /^(.+?)\s*\(([^()]+)\)$/u.exec(c)
    const info = m ? unitInfo(m[2]!.trim()) : undefined
    if (m && info) out.push({ index, measure: m[1]!.trim(), unit: info.canonical })
    // "| Cây trồng | Diện tích (ha) | Năng suất | Sản lượng (tấn) |": a crop's measure named without a
    // unit beside measures named with one carries its unit in each cell ("45 tạ/ha", "22 tấn/ha").
    else if (BARE_MEASURE_COLUMN_RE.test(c)) out.push({ index, measure: c, unit: '' })
  })
  return out.length >= 2 && out.some((c) => c.unit !== '') ? planColumns(out) : undefined
}

/** A column named for a crop's measure alone ("Năng suất", "Năng suất bình quân", "Diện tích", "Sản lượng"), its unit in its cells. */
const BARE_MEASURE_COLUMN_RE = /^(?:diện tích|năng suất(?:\s+bình quân)?|sản lượng)$/iu

const COLUMN_YEAR_RE = /(?<!\d)(?:19|20)(\d{2})(?!\d)/u
/** A column holding the plan's figures: "Kế hoạch 2025", "Mục tiêu", "Đăng ký năm 2024" (a registration table's own column). */
const PLAN_COLUMN_RE = /^(?:kế hoạch|kh|phấn đấu|mục tiêu|chỉ tiêu|đăng ký)(?![\p{L}])/iu
const DONE_COLUMN_RE = /^(?:thực hiện|th|ước(?: thực hiện| th)?|kết quả)(?![\p{L}])/iu

/**
 * "| Cây trồng | Diện tích năm 2024 (ha) | Kế hoạch năm 2025 (ha) |": a measure's column for an
 * earlier year (or what was done, "Thực hiện …") beside the same unit's column for the plan's year
 * (or its plan, "Kế hoạch", "KH", "Phấn đấu") states where the commune stands: only the plan's
 * column holds targets, named by the measure the other names ("Diện tích").
 */
function planColumns(columns: MeasureColumn[]): MeasureColumn[] {
  const year = (c: MeasureColumn): number | undefined => {
    const m = COLUMN_YEAR_RE.exec(c.measure)
    return m ? Number(m[1]) : undefined
  }
  const latest = Math.max(...columns.map((c) => year(c) ?? -1))
  const planOf = (c: MeasureColumn): MeasureColumn | undefined =>
    columns.find((d) => d !== c && d.unit === c.unit && !DONE_COLUMN_RE.test(d.measure) && ((year(c) !== undefined && year(c)! < latest && year(d) === latest) || (DONE_COLUMN_RE.test(c.measure) && PLAN_COLUMN_RE.test(d.measure))))
  const earlier = columns.filter((c) => !PLAN_COLUMN_RE.test(c.measure) && planOf(c) !== undefined)
  if (earlier.length === 0) return columns
  return columns.map((d) => {
    if (earlier.includes(d)) return { ...d, earlier: true }
    if (!PLAN_COLUMN_RE.test(d.measure)) return d
    // ("Kế hoạch năm 2025": the plan names no measure; the earlier column's, without its year, does.)
    const named = earlier.find((c) => planOf(c) === d && !DONE_COLUMN_RE.test(c.measure))
    const measure = named?.measure.replace(/\s*(?:năm\s+)?(?:19|20)\d{2}(?!\d)/u, '').trim()
    return measure ? { ...d, measure } : d
  })
}

/** A row's name that is a village or another reporting unit of the commune: "Thôn Đông", "Ấp 3", "Tổ dân phố số 5", "TDP 2". */
// (Its own name after the kind, a capital or a number: "Bản Mường", "Tổ dân phố số 5"; not "Bản đồ địa chính".)
const UNIT_ROW_RE = /^(?:thôn|ấp|bản|xóm|làng|buôn|bon|sóc|khóm|khu phố|khối phố|tổ dân phố|tdp|khu dân cư)\s+(?:số\s+)?[\p{Lu}\d]/u
/** The commune's row under its villages': "Toàn xã", "Toàn phường", "Cả xã", "Tổng cộng", "Cộng". */
const COMMUNE_ROW_RE = /^(?:(?:toàn|cả)\s+(?:xã|phường|thị trấn)|(?:tổng\s+)?cộng(?:\s+chung)?|tổng(?:\s+số)?)$/iu

/**
 * A table with a figure per column (area, yield, output of each crop): each row's figures are
 * read as one line's ("Lúa cả năm: diện tích …, năng suất …, sản lượng …", fromFound). A row "- Lúa vụ
 * Xuân" under "Lúa cả năm" is its part: parts adding up to the row make it their sum. A row
 * "Tổng …" is the sum of the rows above whose figures add up to it.
 */
export class MeasureTable {
  private top: Built[] = []
  private parts: Built[][] = []
  private tops: Built[] = []
  /** Rows naming a village read so far. */
  private unitRows = 0

  constructor(
    private readonly columns: MeasureColumn[],
    readonly section: Section,
  ) {}

  /** The row's indicators, or undefined when the row is not one of this table's. */
  row(line: Line, year: number | undefined, doc: DraftContext, codes: Codes, n0: number): Built[] | undefined {
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
    // (A column whose cells carry the unit is read where its cell names one: "45 tạ/ha".)
    const cellUnit = (c: MeasureColumn): string | undefined => (c.unit !== '' ? c.unit : unitInfo(/^[≥≤<>]?\s*\d(?:[\d.,]*\d)?\s*(\S.*)$/u.exec(cells[c.index]?.text ?? '')?.[1]?.trim() ?? '')?.canonical)
    const figures = this.columns.filter((c) => c.earlier !== true && /\d/u.test(cells[c.index]?.text ?? '') && cellUnit(c) !== undefined)
    if (label === '' || figures.length === 0) return figures.length === 0 && label !== '' ? [] : undefined
    // "| 1 | Thôn Đông | 210 | 1.323 | 4 |": a row naming a village (a thôn, ấp, tổ dân phố …) is the
    // share of the commune's figures assigned to it, no target of the commune's own.
    if (UNIT_ROW_RE.test(label.replace(/^\S+/u, (kind) => kind.toLowerCase()))) {
      this.unitRows++
      return []
    }
    // "| | Toàn xã | 1.180 | 7.434 | 22 |" under those rows: the commune's figures, each named by its column.
    const communeRow = this.unitRows > 0 && COMMUNE_ROW_RE.test(label)
    const part = /^[-–+]\s*/u.test(label)
    const total = /^tổng(?![\p{L}])/iu.test(label)
    // "| | Cộng | 3.005 | - | - |" (or "Tổng cộng", "Cộng chung"): the table's sum row, a total of each column's measure.
    const sumRow = !communeRow && /^(?:tổng\s+)?cộng(?:\s+chung)?$/iu.test(label)
    // "| Cộng lúa cả năm | 13.570 | | 86.846 |" under the seasons' rows: the sum row of one crop, named
    // by it ("Diện tích lúa cả năm"), the total of the rows above that add up to it. (Not "Cộng đồng",
    // "Cộng tác", "Cộng hòa", words of their own.)
    const cropSum = communeRow || sumRow ? null : /^(?:tổng\s+)?cộng\s+(?!(?:đồng|tác|sản|hòa|hoà|hưởng|sự)(?![\p{L}]))(\p{L}.*)$/iu.exec(label)
    const name = cropSum ? cropSum[1]! : label.replace(/^[-–+]\s*/u, '')
    const found: Found[] = []
    for (const c of figures) {
      const cell = cells[c.index]!
      const digits = /(\d(?:[\d.,]*\d)?)/u.exec(cell.text)!
      // ("Hộ nghèo giảm (hộ)": a column of a cut names what is cut, and the cut is its figure's cue.)
      const change = communeRow ? /^(.+?)\s+(tăng|giảm)$/iu.exec(c.measure) : null
      found.push({
        name: change ? change[1]! : communeRow ? c.measure : sumRow ? `Tổng ${lowerFirst(c.measure)}` : total ? name : `${c.measure} ${lowerFirst(name)}`,
        span: { start: line.start, end: line.start + line.text.length },
        at: cell.start + digits.index,
        digits: [digits[1]!, undefined],
        unit: cellUnit(c)!,
        cue: change ? cueBefore(change[2]!)?.cue : cueBefore(cell.text.slice(0, digits.index).replace(/^≥\s*/u, 'từ ').replace(/^>\s*/u, 'trên ').replace(/^≤\s*/u, 'không quá ').replace(/^<\s*/u, 'dưới '))?.cue,
        post: readPost(''),
        verbFirst: undefined,
        afterWhole: false,
        section: this.section,
      })
    }
    const built = fromFound(found, line, year, doc, codes, n0)
    for (const b of built) b.reasons.push('đọc từ một dòng bảng, cột theo tiêu đề bảng')
    if (total || sumRow || communeRow || cropSum) {
      this.sumOf(built)
    } else if (part && this.top.length > 0) {
      this.parts.push(built)
    } else {
      this.close()
      this.top = built
      for (const b of built) this.tops.push(b)
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

/**
 * "| Chỉ tiêu: Sản lượng lúa | Đơn vị: tấn | Kế hoạch: 20.160 |" under "| Chỉ tiêu | Đơn vị | Kế
 * hoạch |": a cell that repeats its column's name before a colon holds the value after it. The row
 * with those names blanked out (the same length, so that every offset stays), or the row itself.
 */
export function unlabelled(line: Line, head: readonly string[] | undefined): Line {
  if (!head) return line
  let labelled = false
  const cells = line.text
    .slice(1, -1)
    .split('|')
    .map((raw, i) => {
      const name = head[i]?.trim().replace(/[.*+?^$()|[\]\\{}]/gu, '\\$&').replace(/\s+/gu, '\\s+')
      const lead = raw.length - raw.trimStart().length
      const label = name ? new RegExp(`^${name}\\s*:\\s*`, 'iu').exec(raw.slice(lead)) : null
      if (!label) return raw
      labelled = true
      return raw.slice(0, lead) + ' '.repeat(label[0].length) + raw.slice(lead + label[0].length)
    })
  return labelled ? { ...line, text: `|${cells.join('|')}|` } : line
}

/** A table's heading row: no figure in it (a year is no figure), and words in two cells or more. */
export function headingRow(row: string, underHeading = false): string[] | undefined {
  const cells = row.slice(1, -1).split('|').map((c) => c.trim())
  // (A year, or a part of it naming a column: "6 tháng", "9 tháng đầu năm", "Quý I".)
  // ("Trong đó: 6 tháng đầu năm": a part of the year's column under the year's, named as its part.)
  if (cells.some((c) => /\d/u.test(c.replace(/(?<!\d)\d{4}(?!\d)/gu, '').replace(PART_OF_YEAR_LEAD_RE, '').replace(PART_OF_YEAR_RE, '')))) return undefined
  if (underHeading && !cells.some((c) => COLUMN_NAME_RE.test(c))) return undefined
  const words = cells.filter((c) => /\p{L}{2,}/u.test(c) && !/^[IVXLC]+[.)]?$/u.test(c))
  // A group row merged across the table ("| I | CHỈ TIÊU VỀ KINH TẾ | CHỈ TIÊU VỀ KINH TẾ | …") is no heading.
  return words.length >= 2 && !mergedRow(cells) ? cells : undefined
}

/** A column for a part of the year ("6 tháng", "9 tháng đầu năm", "Quý 2"): a milestone, no target of the year. */
const PART_OF_YEAR_RE = /^(?:(?:\d{1,2}|sáu|chín)\s*tháng(?:\s+(?:đầu|cuối)\s+năm)?|quý\s*(?:[IV]+|\d))$/iu

/** "Trong đó:", "Riêng": a column heading naming its column as a part of the one before it ("Trong đó: 6 tháng đầu năm"). */
const PART_OF_YEAR_LEAD_RE = /^(?:trong đó|riêng)\s*:?\s*(?=(?:\d{1,2}|sáu|chín)\s*tháng|quý)/iu

/**
 * A heading of two rows, merged: each column is named by the lower row where it has a name
 * ("| TT | Chỉ tiêu | Năm 2025 | |" over "| | | Kế hoạch | Phấn đấu |"). Under a heading spanning
 * columns ("Kế hoạch năm 2026" over "Cả năm | 6 tháng", its last cells empty), a lower name of the
 * whole year or a part of it keeps the upper name before it: "Kế hoạch năm 2026 Cả năm".
 */
export function mergeHeadings(upper: readonly string[], lower: readonly string[]): string[] {
  let spanning = ''
  // (A lower row shorter or longer than the upper, its empty cells at the end dropped: the missing cells are empty.)
  return Array.from({ length: Math.max(upper.length, lower.length) }, (_, i) => lower[i] ?? '').map((c, i) => {
    const above = upper[i] ?? ''
    if (above !== '') spanning = above
    if (c === '') return above
    // "Năm 2025 | | Năm 2026" over "Kế hoạch | Ước thực hiện | Kế hoạch": a year spans the empty
    // cells after it (merged), and names the year of each column under it: "Kế hoạch năm 2026".
    const spanYear = /^(?:năm\s+)?(\d{4})$/iu.exec(spanning)?.[1]
    if (spanYear && !/\d{4}/u.test(c)) return `${c} năm ${spanYear}`
    if (/^cả năm$/iu.test(c) || PART_OF_YEAR_RE.test(c)) return `${spanning} ${c}`.trim()
    // "Thực hiện 2025 | | Kế hoạch 2026 |" over "Số lượng | Tỷ lệ | Số lượng | Tỷ lệ": under a label
    // naming what its figures are (last year's result, the plan), a lower name of a measure only keeps
    // that label before it ("Kế hoạch 2026 Số lượng"), so that the plan column is still the plan's.
    return FIGURE_KIND_RE.test(spanning) && !FIGURE_KIND_RE.test(c) ? `${spanning} ${c}` : c
  })
}

/** A column's name saying what its figures are: the plan, last year's result, an estimate, a year. */
const FIGURE_KIND_RE = /^(?:kế hoạch|kh|thực hiện|th|ước(?: thực hiện| th)?|chỉ tiêu|mục tiêu|phấn đấu|đăng ký|dự toán|năm|giao)(?![\p{L}])|^\d{4}$/iu

/** Words that name a table's column: "TT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2025", "Thực hiện", "Ghi chú", "Mức phấn đấu". */
const COLUMN_NAME_RE = /^(?:s?tt|số tt|chỉ tiêu|nội dung|tên|đơn vị|đvt|kế hoạch|kh|thực hiện|th|ước|năm|mức|phấn đấu|đăng ký|ghi chú|so sánh|tỷ lệ|giao|quý|cả năm|tháng|dự toán|mục tiêu|kết quả|chủ trì|thời gian)(?![\p{L}])/iu

/** A row whose cells after its number all say the same: a group merged across the table. */
export function mergedRow(cells: readonly string[]): boolean {
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
  /** The column of the change from last year ("Tăng/giảm"), skipped. */
  change?: number
  /** The column saying which way is better ("Loại chỉ tiêu": "Thuận", "Nghịch", "Định tính"), skipped. */
  direction?: number
}

/** "Tăng/giảm (%)", "Tăng (+), giảm (-)", "Chênh lệch": a column of the change from last year restates the plan's figure, no target. */
/** A row named for a cut ("Mức giảm tỷ lệ hộ nghèo", "Giảm tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo giảm (%)"): its columns are cuts, none a level. */
const CUT_ROW_RE = /^(?:mức|tốc độ)\s+giảm\s|(?<![\p{L}])giảm(?![\p{L}])/iu
const CHANGE_COLUMN_RE = /^(?:tăng\s*(?:\/|,|\(\+\)\s*,?|\s)\s*giảm|chênh lệch|\+\s*\/\s*-|±)/u

/**
 * "Thành phố giao", "Huyện giao", "Tỉnh giao", "KH huyện giao": the column of what the level above
 * assigns; "Phường phấn đấu", "Xã phấn đấu", "Xã đăng ký": the commune's own target beside it. Named by who sets the figure, not by
 * "chỉ tiêu" or "kế hoạch", they are the plan's columns all the same.
 */
const ASSIGNED_OR_OWN_COLUMN_RE = /^(?:(?:ubnd|kh|kế hoạch|chỉ tiêu)\s+)?(?:(?:tỉnh|thành phố|tp|huyện|quận|thị xã|cấp trên)\s+giao|(?:toàn\s+)?(?:xã|phường|thị trấn|đặc khu)\s+(?:phấn đấu|đăng ký))(?![\p{L}])/u

/** "Năm 2026", "2026": a column named by a year alone, in a table covering several years. */
// ("Năm 2026 (KH)", "Năm 2025 (ước)": the year's column with what its figures are in brackets.)
const YEAR_COLUMN_RE = /^(?:năm\s+)?(\d{4})(?:\s*\((kh|kế hoạch|dự kiến|chỉ tiêu|ước(?:\s+th)?|ước thực hiện|ước tính|th|thực hiện)\))?$/iu
/** What a year's column says its figures are, when they are results ("Năm 2025 (ước)"), not a plan. */
const RESULT_WORD_RE = /^(?:ước|th|thực hiện)/iu

/** "Bình quân giai đoạn", "Giai đoạn 2024 - 2026", "Cả giai đoạn": a column over several years, no target of the year. */
const PERIOD_COLUMN_RE = /^(?:bình quân|trung bình|(?:cả\s+|tổng\s+)?giai đoạn)(?![\p{L}])/u

export function tableColumns(head: readonly string[], year: number | undefined): TableColumns {
  const cols: TableColumns = { skip: new Set() }
  // "| Năm 2024 | Năm 2025 | Năm 2026 |": the plan year's column is the plan column, the other
  // years' are results (without the plan year, the latest year is the plan's).
  const years = head.map((h) => {
    const m = YEAR_COLUMN_RE.exec(h.trim())
    return m && !(m[2] !== undefined && RESULT_WORD_RE.test(m[2]) && year !== undefined && Number(m[1]) === year) ? Number(m[1]) : Number.NaN
  })
  const planYear = year ?? Math.max(...years.filter((y) => !Number.isNaN(y)))
  head.forEach((h, i) => {
    const x = h.toLowerCase()
    if (!Number.isNaN(years[i]!)) {
      if (years[i] === planYear && cols.plan === undefined) cols.plan = i
      else cols.skip.add(i)
    } else if (PERIOD_COLUMN_RE.test(x)) cols.skip.add(i)
    else if (/^(?:đvt|đơn vị tính|đơn vị)$/u.test(x)) cols.unit = i
    else if (DIRECTION_COLUMN_RE.test(x)) {
      cols.direction = i
      cols.skip.add(i)
    }
    else if (/^(?:ghi chú|chú thích)/u.test(x)) {
      cols.notes = i
      cols.skip.add(i)
    } else if (CHANGE_COLUMN_RE.test(x)) {
      cols.skip.add(i)
      cols.change ??= i
    } else if (PART_OF_YEAR_RE.test(x.replace(/^.*?(?=(?:\d{1,2}|sáu|chín)\s*tháng|quý)/u, ''))) cols.skip.add(i)
    else if (/so với|so sánh|tỷ lệ (?:so|%)/u.test(x) && /\d|%|th|thực hiện|năm trước/u.test(x)) cols.skip.add(i)
    // ("KH 2026 so với TH 2025 (%)": a comparison of the plan with last year names the plan year, yet holds no target.)
    else if (/thực hiện|(?<![\p{L}])(?:ước|th)(?![\p{L}])|chủ trì|phụ trách|thực hiện|so sánh|năm trước|thời gian|thời hạn|hoàn thành/u.test(x) && !(year !== undefined && x.includes(String(year)) && /kế hoạch|kh|chỉ tiêu/u.test(x))) cols.skip.add(i)
    else if ((/^(?:kế hoạch|kh|chỉ tiêu|mục tiêu|phấn đấu|đăng ký|dự toán|mức (?:phấn đấu|kế hoạch|chỉ tiêu))(?![\p{L}])/u.test(x) || ASSIGNED_OR_OWN_COLUMN_RE.test(x)) && !/^chỉ tiêu$|^nội dung/u.test(x)) {
      // "Chỉ tiêu giao | Chỉ tiêu phấn đấu", "Thành phố giao | Phường phấn đấu": the commune's own
      // target is the one it strives for; the assigned one stands in where that cell is empty.
      // ("Kế hoạch 2026 Số lượng | Kế hoạch 2026 Tỷ lệ": of two columns under the plan year's label,
      // the first is the plan's; the second stands in where it is empty.)
      if (/phấn đấu|(?:xã|phường|thị trấn|đặc khu)\s+đăng ký/u.test(x)) {
        if (cols.plan !== undefined) cols.fallback = cols.plan
        cols.plan = i
      } else if (cols.plan === undefined || (year !== undefined && x.includes(String(year)) && !(head[cols.plan] ?? '').includes(String(year)))) cols.plan = i
      else cols.fallback ??= i
    } else if (/^(?:chỉ tiêu|nội dung|tên chỉ tiêu)/u.test(x) && cols.name === undefined) cols.name = i
    // "| Quý I | … | Quý IV | Cả năm |": beside the quarters (a schedule), the whole year's column holds the target.
    else if (/^cả năm(?:\s+\d{4})?$/u.test(x) && cols.plan === undefined) cols.plan = i
    // "| Toàn xã | Thôn Đông | Thôn Tây |": beside the units' shares, the commune-wide column holds the target.
    // ("| Khu vực Đồng Trào | … | Toàn xã năm 2027 |": the shares of the areas of the former communes
    // merged into it, the commune's column named with the plan's year.)
    else if (/^(?:(?:toàn|cả)\s+(?:xã|phường|thị trấn|đặc khu)(?:\s+(?:năm\s+)?\d{4})?|tổng(?:\s+(?:số|cộng))?|chung)$/u.test(x) && cols.plan === undefined) cols.plan = i
    else if (/^(?:thôn|ấp|bản|buôn|làng|sóc|xóm|tổ dân phố|tdp|khu phố|kp|khóm|khu dân cư|khu vực)\s+\S/u.test(x)) cols.skip.add(i)
  })
  // "| Nội dung đăng ký | Chỉ tiêu | Thời gian hoàn thành |": beside a name column, "Chỉ tiêu" holds the figures.
  const bare = head.findIndex((h, i) => /^chỉ tiêu$/iu.test(h.trim()) && i !== cols.name)
  if (cols.plan === undefined && cols.name !== undefined && /^nội dung/iu.test(head[cols.name] ?? '') && bare !== -1) cols.plan = bare
  return cols
}

/**
 * "Loại chỉ tiêu", "Tính chất chỉ tiêu", "Chiều chỉ tiêu": a column saying of each row whether a
 * higher result is better ("Thuận"), a lower one ("Nghịch") or the target is a state reached or not
 * ("Định tính"). A bare figure on a "Nghịch" row is a ceiling, not strict ("| Số vụ cháy | vụ |
 * Nghịch | 6 | 5 |" is at most 5); a sign written in the cell ("< 1") still says its own bound.
 */
const DIRECTION_COLUMN_RE = /^(?:loại|tính chất|chiều|chiều hướng)\s+chỉ tiêu$/u
const LOWER_IS_BETTER_RE = /^nghịch$/iu

/** "Giảm 10%", "giảm 0,7%", "Kéo giảm 8%": a cut in words, with its figure. */
const CUT_CELL_RE = /^(?:kéo\s+)?giảm\s+\d/iu

/** A plan cell in words: the state the row names, to keep or reach (a yes/no). */
const WORD_PLAN_RE = /^(?:hoàn thành|duy trì|giữ vững|đạt|đạt chuẩn|có|x)$/iu

/**
 * "| Số vụ tai nạn giao thông | Vụ | 20 | Giảm 10% |": a plan cell in % on a measure counted in
 * other units is a change from the row's last-year figure (its "Thực hiện năm 2025" column): a cut
 * is a ceiling (20 × 0,9 = 18 vụ), a rise a growth from that figure.
 */
function relativeToLastYear(plan: string, unit: string, cells: readonly { text: string }[], head: readonly string[] | undefined, year: number | undefined, doc: DraftContext, stock = false, name = ''): { target: Target; reason: string } | undefined {
  // ("Giảm ≥ 10%", "giảm ít nhất 10%": a cut of at least that share, the same ceiling.)
  // ("Giảm ít nhất 10% so với năm 2025": the year it is measured from named, last year's.)
  // ("Kéo giảm ít nhất 25% số vụ so với năm 2025": "kéo giảm" cuts, and the cut may name what it counts.)
  // ("tăng từ 12 - 15% so với năm 2025": a rise within a range, a growth with its upper bound.)
  const m = /^(?:kéo\s+)?(giảm|tăng)?\s*(?:(?:≥|>=|ít nhất|tối thiểu|từ)\s*)?(\d+(?:[.,]\d+)?)(?:\s*[-–]\s*(?<upto>\d+(?:[.,]\d+)?))?\s*%(?:\s*trở lên)?(?:\s+số\s+\p{L}+(?:\s\p{L}+)?)?(?:\s+so với\s+(?:năm\s+(\d{4})|năm trước|cùng kỳ(?:\s+năm trước)?))?$/iu.exec(plan.trim())
  if (!m || !head || year === undefined || /^[%‰]$/u.test(unit.trim()) || (m[4] !== undefined && Number(m[4]) !== year - 1)) return undefined
  const upto = m.groups?.upto !== undefined ? readDigits(m.groups.upto, { integer: false, percent: true, habit: doc.habit })?.value : undefined
  if (m.groups?.upto !== undefined && (m[1]?.toLowerCase() !== 'tăng' || upto === undefined)) return undefined
  const lastAt = head.findIndex((h) => /thực hiện|(?<![\p{L}])(?:ước|th)(?![\p{L}])|năm trước/iu.test(h) && (h.includes(String(year - 1)) || /năm trước/iu.test(h)))
  // Or in a note of the row: "Năm 2024: 20 vụ".
  const noted = cells.map((c) => new RegExp(String.raw`năm ${year - 1}\s*:?\s*(\d[\d.,]*)`, 'iu').exec(c.text)).find((x) => x !== null)
  const lastText = lastAt >= 0 ? cells[lastAt]?.text : noted?.[1]
  // ("8 vụ": last year's figure with its unit written after it.)
  // ("| Số vụ tai nạn giao thông | vụ | Giảm ít nhất 10% | So với năm 2025 |": with no figure of that
  // year in the row, the cases counted are those the text states for the year the cut is measured
  // from, the plan cell's or a note's "so với năm …", last year's; statedCases.)
  // ("| Số vụ tai nạn giao thông so với năm 2025 | vụ | giảm 5% | giảm ít nhất 10% |": or the row's
  // name, the year it is measured from written after what it counts; the cases looked up without it.)
  // ("| Số vụ phạm pháp hình sự | vụ | giảm ít nhất 10% |" naming no year: a cut is measured from last
  // year's count, as in prose; the row's cases are the text's for last year, where it states them.)
  const namedYear = /(?<!\s)\s+so với\s+năm\s+(\d{4})\s*$/iu.exec(name)
  const yearsNamed = [m[4], namedYear?.[1], ...cells.map((c) => /^so với\s+năm\s+(\d{4})\.?$/iu.exec(c.text.trim())?.[1])].filter((y) => y !== undefined)
  const fromYear = (): boolean => yearsNamed.every((y) => y === String(year - 1))
  const last =
    lastText !== undefined
      ? // ("ước đạt 21.480 tỷ đồng": last year's figure after the words estimating or stating it.)
        readDigits(lastText.replace(/^(?:(?:ước\s+)?(?:đạt|thực hiện)|ước|còn|có|là)\s+(?=\d)/iu, '').replace(/^(\d[\d.,]*)\s+\p{L}+(?:\s\p{L}+){0,2}$/u, '$1'), { integer: false, percent: false, habit: doc.habit })?.value
      : m[1]?.toLowerCase() === 'giảm' && !stock && name !== '' && unitInfo(unit.trim())?.canonical === 'vụ' && fromYear()
        ? statedCases(namedYear ? name.slice(0, namedYear.index) : name, year - 1, '', doc)
        : undefined
  const percent = readDigits(m[2]!, { integer: false, percent: true, habit: doc.habit })?.value
  // ("| Số hộ nghèo | hộ | giảm 50% | giảm 50% |" with no column of last year: a share of the level
  // the year starts from all the same, the count the document states for it found once the whole
  // document is read, passes.ts settleBaselines.)
  if (last === undefined && percent !== undefined && m[1]?.toLowerCase() === 'giảm' && stock && name !== '') {
    return { target: { kind: 'reduce_by', amount: percent, relative: true }, reason: `giảm ${m[2]}% so với số đầu năm` }
  }
  if (last === undefined || percent === undefined) return undefined
  const shown = (x: number): string => String(x).replace('.', ',')
  // ("| Số người nghiện ma túy | người | 40 | Giảm 10% |": a level standing, a stock, is cut by a
  // share of last year's level, as "giảm 10% số người nghiện … so với cuối năm" reads.)
  if (m[1]?.toLowerCase() === 'giảm' && stock) {
    return { target: { kind: 'reduce_by', amount: percent, relative: true, baseline: last }, reason: `giảm ${m[2]}% so với mức năm ${year - 1} (${shown(last)} ${unit})` }
  }
  if (m[1]?.toLowerCase() === 'giảm') {
    const ceiling = Math.round(last * (100 - percent)) / 100
    return { target: { kind: 'at_most', value: ceiling, strict: false }, reason: `giảm ${m[2]}% so với năm ${year - 1} (${shown(last)} ${unit}): năm nay không quá ${shown(ceiling)} ${unit}` }
  }
  return { target: { kind: 'growth', percent, ...(upto !== undefined ? { maxPercent: upto } : {}), baseYear: year - 1, baseValue: last }, reason: `tăng ${m[2]}${upto !== undefined ? ` - ${m.groups!.upto!}` : ''}% so với năm ${year - 1} (${shown(last)} ${unit})` }
}

/** The unit a row's last-year cell writes after its figure ("8 vụ"), when the table has no unit column. */
function lastYearUnit(cells: readonly { text: string }[], head: readonly string[] | undefined, year: number | undefined): string {
  if (!head || year === undefined) return ''
  const at = head.findIndex((h) => /thực hiện|(?<![\p{L}])(?:ước|th)(?![\p{L}])/iu.test(h) && h.includes(String(year - 1)))
  // (Or a note of the row that gives it: "| Giảm 10% | Năm 2024: 30 vụ |".)
  const noted = at === -1 ? cells.map((c) => new RegExp(String.raw`^năm ${year - 1}\s*:\s*(\d[\d.,]*\s+\p{L}+(?:\s\p{L}+){0,2})$`, 'iu').exec(c.text)?.[1]).find((x) => x !== undefined) : undefined
  const unit = /^\d[\d.,]*\s+(\p{L}+(?:\s\p{L}+){0,2})$/u.exec(noted ?? cells[at]?.text ?? '')?.[1]
  return unit !== undefined && unitInfo(unit) && !/^[%‰]$/u.test(unitInfo(unit)!.canonical) ? unit : ''
}

/** The cell of a table row's line in column `at`, trimmed, with where it starts in the text. */
function cellAt(line: Line, at: number): Line | undefined {
  let pos = 1
  for (const [i, raw] of line.text.slice(1, -1).split('|').entries()) {
    if (i === at) return { text: raw.trim(), start: line.start + pos + (raw.length - raw.trimStart().length) }
    pos += raw.length + 1
  }
  return undefined
}

/**
 * "| Giải quyết việc làm mới | lao động | 220 | Trong đó xuất khẩu lao động 25 người |": a note cell
 * opening on "Trong đó" states a part of the row with its own figure and unit; it is read as the
 * sentence it is, its own words its source (the caller makes it the row's part).
 */
export function notePart(line: Line, section: Section, year: number | undefined, doc: DraftContext, codes: Codes, head: readonly string[] | undefined, n0: number): Built | undefined {
  const at = head ? tableColumns(head, year).notes : undefined
  if (at === undefined) return undefined
  const cell = cellAt(line, at)
  if (!cell || !/^trong đó(?![\p{L}])/iu.test(cell.text) || !new RegExp(QUANTITY_RE.source, 'iu').test(cell.text)) return undefined
  const found = findTargets(cell, section, true)
  if (found.length !== 1) return undefined
  const read = fromFound(found, cell, year, doc, codes, n0)[0]
  if (!read) return undefined
  read.reasons.push('đọc từ ô ghi chú của một dòng bảng: “trong đó”, một phần của dòng')
  return read
}

/**
 * "| 5 | Diện tích lúa cả năm (vụ Xuân 365 ha, vụ Mùa 355 ha) | ha | 720 |": a name cell closing on a
 * bracket of two or more figures in the row's unit, parted by "," or ";", names the parts of the row's
 * figure, as the same bracket after the figure does in a sentence. Read when they add up to it: each
 * part is read as the clause it is, its own words its source, and the row is their sum, named without
 * the bracket. (Otherwise the bracket is a note: the row stays as it was read.)
 */
export function nameCellParts(line: Line, section: Section, year: number | undefined, doc: DraftContext, codes: Codes, head: readonly string[] | undefined, whole: Built, n0: number): Built[] | undefined {
  const at = head ? tableColumns(head, year).name : undefined
  const figure = figureOf(whole.value.target)
  if (at === undefined || figure === undefined || whole.value.target?.kind !== 'at_least' || whole.value.children || whole.value.formula) return undefined
  const cell = cellAt(line, at)
  if (!cell || !cell.text.endsWith(')')) return undefined
  const open = cell.text.lastIndexOf('(')
  if (open <= 0 || cell.text.indexOf(')') !== cell.text.length - 1 || !/[,;]/u.test(cell.text.slice(open))) return undefined
  const inner: Line = { text: cell.text.slice(open + 1, -1), start: cell.start + open + 1 }
  if (!new RegExp(QUANTITY_RE.source, 'iu').test(inner.text)) return undefined
  const found = findTargets(inner, section, true)
  if (found.length < 2) return undefined
  const parts = fromFound(found, inner, year, doc, codes, n0)
  const family = unitFamily(whole.value.unitOfMeasure)
  if (parts.length !== found.length || parts.some((b) => unitFamily(b.value.unitOfMeasure) !== family || b.value.target?.kind !== 'at_least')) return undefined
  if (!agreesWith(figure, parts.reduce((sum, b) => sum + figureOf(b.value.target)!, 0))) return undefined
  const name = upperFirst(cell.text.slice(0, open).trim().replace(/^\d+[.)]\s*/u, ''))
  whole.value = { ...whole.value, name, children: parts.map((b) => b.value.code), target: { kind: 'derived', value: figure } }
  whole.reasons.push(`tổng của ${parts.map((b) => `“${b.value.name}”`).join(', ')}: các phần ghi trong ngoặc ở ô tên của dòng`)
  for (const b of parts) b.reasons.push(`đọc từ ngoặc ở ô tên của một dòng bảng: một phần của “${name}”`)
  return parts
}

/** Where a plan cell's first statement may end before another: a ";", or a "," before "trong đó". */
const PLAN_CELL_TURN_RE = /;|,(?=\s*trong đó(?![\p{L}]))/giu

/**
 * "| 2 | Tổng đàn gia cầm | 160.000 con trở lên, trong đó gà Tiên Yên 95.000 con |", "| 4 | Diện tích
 * cây ba kích tím | Duy trì 210 ha; trồng mới 25 ha |": a plan cell stating the row's figure, then a
 * second statement with its own figure and unit after a ";" or a ", trong đó". The row's target is the
 * first (readTableRow); each figure after is a target of its own, read as the clause it is, its own
 * words its source: after "trong đó", a part of the row's target (the caller makes it so); after ";",
 * its own target, named with the row's name where it measures the same thing in a few words of its own
 * ("trồng mới 25 ha" in a row of hectares: "Diện tích ba kích tím trồng mới"). `end` is where the
 * row's own statement ends in the text. (Not a ";" inside a bracket: "(năm 2025: 92%; …)" is a note.)
 */
export function planCellRest(line: Line, section: Section, year: number | undefined, doc: DraftContext, codes: Codes, head: readonly string[] | undefined, whole: Built, n0: number): { end: number; more: { read: Built; part: boolean }[] } | undefined {
  const at = head ? tableColumns(head, year).plan : undefined
  if (at === undefined) return undefined
  const cell = cellAt(line, at)
  if (!cell) return undefined
  // (The brackets and digits before each turn counted as the cell is read once, not again at each turn.)
  let depth = 0
  let digit = false
  let seen = 0
  for (const m of cell.text.matchAll(PLAN_CELL_TURN_RE)) {
    for (; seen < m.index; seen++) {
      const c = cell.text[seen]!
      if (c === '(') depth++
      else if (c === ')') depth--
      else if (c >= '0' && c <= '9') digit = true
    }
    if (!digit || depth !== 0) continue
    const before = cell.text.slice(0, m.index)
    const after = cell.text.slice(m.index + m[0].length)
    const lead = /^\s*(trong đó\s*:?\s*)?/iu.exec(after)!
    const from = m.index + m[0].length + lead[0].length
    const rest: Line = { text: cell.text.slice(from), start: cell.start + from }
    if (!new RegExp(QUANTITY_RE.source, 'iu').test(rest.text)) return undefined
    const found = findTargets(rest, section, true)
    if (found.length === 0) return undefined
    // (After "trong đó", the parts run to the next ";": "…, trong đó gà 95.000 con; trồng mới 25 ha".)
    const semicolon = rest.text.indexOf(';')
    const partEnd = lead[1] !== undefined ? rest.start + (semicolon === -1 ? rest.text.length : semicolon) : rest.start
    const family = unitFamily(whole.value.unitOfMeasure)
    const wholeWords = new Set(whole.value.name.toLowerCase().split(/\s+/u))
    const named = found.map((f) => {
      const words = f.name.trim().toLowerCase().split(/\s+/u)
      const sameMeasure = f.at >= partEnd && !f.afterWhole && unitFamily(unitInfo(f.unit)?.canonical ?? f.unit) === family && words.length <= 3 && words.every((w) => !wholeWords.has(w))
      return sameMeasure ? { ...f, name: `${whole.value.name} ${lowerFirst(f.name.trim())}` } : f
    })
    const read = fromFound(named, rest, year, doc, codes, n0)
    const more = read.map((b) => ({ read: b, part: b.found !== undefined && b.found.at < partEnd && !b.found.afterWhole }))
    for (const { read: b } of more) b.reasons.push('đọc từ ô kế hoạch của một dòng bảng: một chỉ tiêu nữa sau dấu “;” hoặc “trong đó”')
    return { end: cell.start + before.trimEnd().length, more }
  }
  return undefined
}

/** The unit cell of a table's row, under its heading's "ĐVT" column, as written ('' if none). */
export function unitCellOf(line: Line, head: readonly string[] | undefined, year: number | undefined): string {
  const at = head ? tableColumns(head, year).unit : undefined
  return at === undefined ? '' : (line.text.slice(1, -1).split('|')[at]?.trim() ?? '')
}

/**
 * "| Số doanh nghiệp thành lập mới | 12 |": a bare figure whose row names what it counts ("Số <noun> …")
 * counts in that noun, when the table gives no unit ('' if the noun is no unit of count).
 */
function countedUnit(name: string): string {
  const words = /^(?:\d+[.)]\s*)?(?:tổng\s+)?số\s+(\p{L}+)(?:\s+(\p{L}+))?(?:\s+(\p{L}+))?/iu.exec(name)
  if (!words) return ''
  for (let n = 3; n >= 1; n--) {
    const spelled = words.slice(1, n + 1)
    if (spelled.some((w) => w === undefined)) continue
    const info = unitInfo(spelled.join(' '))
    if (info && info.integer && !/^[%‰]$/u.test(info.canonical)) return spelled.join(' ')
  }
  return ''
}

/**
 * "| Số thôn đạt danh hiệu thôn văn hóa | 11 thôn | 12 thôn |": a plan cell counting reporting units
 * bare is a figure where the row's name is its subject ("Số <units> đạt …", QUANTITY_RE), read as
 * the sentence "name cell" + "plan cell"; only a figure of the cell's counts, none of the name's.
 */
function countNamedByRow(name: string, plan: string): boolean {
  const rowName = name.replace(/^(?:\d+|[A-H])[.)]\s*/u, '').replace(/^[-+]\s+/u, '')
  const sentence = `${rowName} ${lowerFirst(plan)}`
  return [...sentence.matchAll(new RegExp(QUANTITY_RE.source, 'giu'))].some((q) => q.index > rowName.length)
}

/**
 * "| Số hộ nghèo | Giảm 8 hộ | Đầu năm 2025: 26 hộ |": a row's note that gives the level the year
 * starts from ("Năm 2024: …", "Cuối năm 2024: …", "Đầu năm 2025: …") in the row's unit: its figure.
 */
function notedStart(note: string, year: number, unit: string): string | undefined {
  const m = new RegExp(String.raw`^(?:(?:cuối\s+)?năm\s+${year - 1}|đầu\s+năm\s+${year})\s*:\s*(\d[\d.,]*)\s*(%|‰|\p{L}+(?:\s\p{L}+){0,2})$`, 'iu').exec(note.trim())
  return m && (unitInfo(m[2]!)?.canonical ?? m[2]) === unit ? m[1] : undefined
}

/** "Duy trì 3/3 trường", "Giữ vững 12/12 thôn": all of the units keep (or reach) the state the row names, a yes/no. */
const allKept = (cell: string): boolean => {
  const m = /^(?:duy trì|giữ vững|đạt)\s+(\d{1,4})\s*\/\s*(\d{1,4})(?:\s+\p{L}+){0,3}$/iu.exec(cell.trim())
  return m !== null && m[1] === m[2]
}

/**
 * A table's row read as a target. `unitAbove`: the unit of the row above; a unit cell left empty
 * under it (a merged cell of a spreadsheet, "Tỷ lệ … | | 12,4 | < 12" under a "%" row) is that unit.
 */
/**
 * The figure before a closing bracket that ends a cell ("7.850 (đạt 100% dự toán huyện giao)" →
 * "7.850"): the words before the cell's one bracket, holding a digit, trimmed. Found by the bracket's
 * place, not by a pattern (a cell of thousands of figures and no bracket backtracked through every
 * pair of them).
 */
function bracketedNote(text: string): string | null {
  if (!text.endsWith(')')) return null
  const open = text.indexOf('(')
  if (open === -1 || text.indexOf('(', open + 1) !== -1 || text.indexOf(')') !== text.length - 1) return null
  const before = text.slice(0, open).trimEnd()
  return /\d/u.test(before) ? before : null
}

export function readTableRow(line: Line, section: Section, year: number | undefined, doc: DraftContext, codes: Codes, head?: readonly string[], group?: string, unitAbove?: string): Built | undefined {
  const cells: { text: string; start: number }[] = []
  let pos = 1
  for (const raw of line.text.slice(1, -1).split('|')) {
    const lead = raw.length - raw.trimStart().length
    // "95(1)", "1,4(2)", "62*": a footnote mark on a figure is not part of it.
    cells.push({ text: raw.trim().replace(/\*\*/gu, '').replace(/(?<=\d)\s*(?:\(\d{1,2}\)|\(\*+\)|\*+)$/u, ''), start: line.start + pos + lead })
    pos += raw.length + 1
  }
  const cols = head ? tableColumns(head, year) : { skip: new Set<number>() }
  const merged = cols.unit !== undefined ? cells[cols.unit] : undefined
  if (merged && merged.text === '' && unitAbove && cells.some((c, i) => i !== cols.unit && !cols.skip.has(i) && /\d/u.test(c.text))) cells[cols.unit!] = { ...merged, text: unitAbove }
  const usable = cells.filter((_, i) => !cols.skip.has(i))
  // "| Số điểm sinh hoạt cộng đồng | khu | 25 |": the unit column names its unit, a plain word the lexicon may not know.
  const unitWord = cols.unit !== undefined ? (cells[cols.unit]?.text ?? '') : ''
  const unitCell = cols.unit !== undefined && (unitInfo(unitWord) || /^\p{Ll}+(?:\s\p{Ll}+){0,2}$/u.test(unitWord)) ? cells[cols.unit] : usable.find((c) => unitInfo(c.text) !== undefined)
  const plainFigure = (c: { text: string }): boolean => /\d/u.test(c.text) && /^[\p{L}\s≥≤><=]*\d[\d.,\s%‰–-]*(?:trở lên|trở xuống)?$/iu.test(c.text)
  // ("tăng 8,2 so với năm 2025" under "Tốc độ tăng … | %": a bare figure measured from a year, read with it;
  // "giảm 0,4 so với cuối năm 2026" under "Tỷ lệ hộ nghèo | %": from the year's end too.)
  const isFigure = (c: { text: string }): boolean => plainFigure(c) || (!/[%‰]/u.test(c.text) && /^[\p{L}\s≥≤><=]*\d[\d.,]*\s+so với\s+(?:(?:cuối\s+|đầu\s+)?năm\s+\d{4}|năm trước|cùng kỳ(?:\s+năm trước)?)$/iu.test(c.text))
  // Last year's level of the row: its "Thực hiện <year - 1>" column ("| Số hộ nghèo | hộ | 40 | …"), or,
  // without such a column, its note ("Năm 2024: 3,2%", "Đầu năm 2025: 26 hộ") in the row's unit.
  const lastLevel = (unit: string, notes: string): string | undefined => {
    if (!head || year === undefined) return undefined
    const lastAt = head.findIndex((h) => /thực hiện|(?<![\p{L}])(?:ước|th)(?![\p{L}])|năm trước/iu.test(h) && (h.includes(String(year - 1)) || /năm trước/iu.test(h)))
    return lastAt >= 0 && isFigure(cells[lastAt] ?? { text: '' }) ? cells[lastAt]!.text : lastAt < 0 ? notedStart(notes, year, unit) : undefined
  }
  // "| Tỷ lệ hộ nghèo | % | 2,85 | | Giảm 0,7% |": where the plan cell is empty, a cut written in
  // words in the change column ("Tăng/giảm") is the row's target, a cut from its last-year figure
  // (a signed difference, "-0,4", only restates a plan figure).
  const cut = cols.change !== undefined && CUT_CELL_RE.test(cells[cols.change]?.text ?? '') ? cells[cols.change] : undefined
  const given = cols.plan !== undefined ? (cells[cols.plan]?.text === '' && cols.fallback !== undefined ? cells[cols.fallback] : cells[cols.plan]?.text === '' && cut ? cut : cells[cols.plan]) : undefined
  // "7.850 (đạt 100% dự toán huyện giao)", "100 (4/4 trường)": a bracket after the plan cell's
  // figure tells what the figure comes to; the figure is the target.
  const noted = given ? bracketedNote(given.text) : null
  const planCell = given && noted && plainFigure({ text: noted }) ? { ...given, text: noted } : given
  // ("| 15 | Trường đạt chuẩn quốc gia | trường | 5/6 | 6/6 | Các trường học |": the row's number before
  // its name is no figure of it, whatever columns follow.)
  const named = cells.findIndex((c) => /\p{L}{2,}/u.test(c.text))
  const figureCells = cells.filter((c, i) => !cols.skip.has(i) && c !== unitCell && isFigure(c) && !(i < named && /^\d{1,3}[.)]?$/u.test(c.text)))
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
    // ("Duy trì 1.240", "hoàn thành 100": the level to keep or reach is a figure, the unit its column's.)
    (!/\d/u.test(planCell.text) || (/^(?:hoàn thành|được công nhận|giữ vững|duy trì|không để|đạt chuẩn)(?![\p{L}])/iu.test(planCell.text) && !new RegExp(QUANTITY_RE.source, 'iu').test(planCell.text) && !/^(?:hoàn thành|giữ vững|duy trì)\s+\d[\d.,]*(?:\s*trở lên)?$/iu.test(planCell.text)))
  if (nameCell && planCell && !kept && (WORD_PLAN_RE.test(planCell.text) || inWords || (wholeFraction(planCell.text) && /\d+\s*\/\s*\d+/u.test(planCell.text)) || allKept(planCell.text))) {
    // ("Trường học giữ vững chuẩn quốc gia (trường)": a unit in brackets at the name's end is no part of a yes/no's name.)
    const name = upperFirst(nameCell.text.replace(/^\d+[.)]\s*/u, '').replace(/\s*\(([^()]+)\)\s*$/u, (m, u: string) => (unitInfo(u.trim().toLowerCase()) || /^[%‰]$/u.test(u.trim()) ? '' : m)))
    // ("| 13 | Trường đạt chuẩn quốc gia | trường | 4/5 | 5/5 | Trường Mầm non … được công nhận năm 2025 |":
    // a note after the plan cell says how, no part of the goal: the row's text ends with the plan cell.)
    const noteAfter = cols.notes !== undefined && cols.plan !== undefined && cols.notes > cols.plan && (cells[cols.notes]?.text ?? '') !== ''
    const planEnd = noteAfter ? line.text.indexOf('|', planCell.start - line.start) + 1 : line.text.length
    const text = line.text.slice(0, planEnd > 0 ? planEnd : line.text.length)
    const value: Indicator = { code: codes.take(slug(name, 4)), name, field: section.code, unitOfMeasure: 'đạt/không đạt', aggregation: 'yes_no', proportion: true, target: { kind: 'yes_no' }, reporters: { kinds: [...REPORTERS.kinds], units: [] }, source: text }
    const found: Found = { name, span: { start: line.start, end: line.start + text.length }, at: planCell.start, digits: ['0', undefined], unit: '', cue: undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
    return { id: '', value, source: found.span, confidence: 'medium', reasons: [`đọc từ một dòng bảng: cột kế hoạch ghi “${planCell.text}”, đạt/không đạt`], ambiguous: false, found }
  }
  // "| Số tổ dân phố đạt danh hiệu văn hóa | tổ | 35/38 | 36/38 |": a plan cell that is some of the
  // units (not all of them, a yes/no) counts those that hold the title: at least 36, a stock.
  // ("58/61 tòa nhà trở lên": the same, its unit and "trở lên" written after it; "≥ 18/21", "ít nhất
  // 18/21": the same bound signed or said before it, "> 18/21", "trên 18/21" above it.)
  const some = planCell ? /^(?:(?:≥|>=|từ|ít nhất|tối thiểu|không dưới)|(?<above>>|trên))?\s*(?<part>\d{1,4})\s*\/\s*(?<whole>\d{1,4})(?:\s+(?<word>\p{L}+(?:\s\p{L}+){0,2}?))?(?:\s+trở lên)?$/iu.exec(planCell.text)?.groups : undefined
  if (nameCell && planCell && some && Number(some.part) < Number(some.whole)) {
    // ("| Số thôn đạt danh hiệu Thôn văn hóa (thôn) | 29/31 |": or the name cell's, in brackets at its end.)
    const ofName = cols.unit === undefined ? /\s*\(([^()]+)\)\s*$/u.exec(nameCell.text) : null
    const unitWord = (cols.unit !== undefined ? cells[cols.unit]?.text : ofName && unitInfo(ofName[1]!.trim().toLowerCase()) ? ofName[1]!.trim() : undefined)?.toLowerCase() ?? ''
    const unit = unitInfo(unitWord)?.canonical ?? (/^\p{L}+(?:\s\p{L}+){0,2}$/u.test(unitWord) ? unitWord : '')
    if (unit !== '' && (some.word === undefined || (unitInfo(some.word.toLowerCase())?.canonical ?? some.word.toLowerCase()) === unit)) {
      const bare = upperFirst(nameCell.text.slice(0, ofName && unitWord !== '' ? ofName.index : undefined).replace(/^\d+[.)]\s*/u, '').replace(/^[-+]\s+/u, ''))
      const name = /^(?:số|tổng)(?![\p{L}])/iu.test(bare) ? bare : `Số ${lowerFirst(bare)}`
      const strict = some.above !== undefined
      const f: Found = { name, span: { start: line.start, end: line.start + line.text.length }, at: planCell.start, digits: [some.part!, undefined], unit, cue: { kind: 'at_least', strict }, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
      const main: Reading = { name, unitOfMeasure: unit, aggregation: 'stock', target: { kind: 'at_least', value: Number(some.part), ...(strict ? { strict } : {}) } }
      return { id: '', value: makeIndicator(main, codes.take(slug(name)), section.code, line.text), source: f.span, confidence: 'medium', reasons: [`đọc từ một dòng bảng: cột kế hoạch ghi “${planCell.text}”, một số trong tổng số ${some.whole!} ${unit}: số ${unit} đạt, ${strict ? `trên ${some.part!}` : `từ ${some.part!} trở lên`}`], ambiguous: false, found: f }
    }
  }
  // "| Tổng thu ngân sách … | 18.500 triệu đồng | Tháng 12/2026 |", "| Số vụ tai nạn giao thông | Giảm
  // 10% so với năm 2025 (năm 2025: 10 vụ) |": the plan cell states its figure with its unit and
  // words; it is read as the sentence "name + cell" would be.
  if (!figure && nameCell && planCell && /\d/u.test(planCell.text) && (new RegExp(QUANTITY_RE.source, 'iu').test(planCell.text) || countNamedByRow(nameCell.text, planCell.text))) {
    // "Giảm ít nhất 10% so với năm 2025" beside a "Thực hiện 2025" column: a change from that figure.
    // (Without a unit column, last year's cell may give the unit: "| Thực hiện năm 2025: 8 vụ |".)
    const lastUnit = unitWord !== '' ? unitWord : lastYearUnit(cells, head, year)
    const relName = upperFirst(nameCell.text.replace(/^(?:\d+|[A-H])[.)]\s*/u, '').replace(/^[-+]\s+/u, ''))
    const relative = relativeToLastYear(planCell.text, lastUnit, cells, head, year, doc, isStockName(relName), relName)
    if (relative && lastUnit !== '') {
      const rowName = relName
      const unit = unitInfo(lastUnit)?.canonical ?? lastUnit
      const f: Found = { name: rowName, span: { start: line.start, end: line.start + line.text.length }, at: planCell.start, digits: ['0', undefined], unit, cue: undefined, post: readPost(''), verbFirst: undefined, afterWhole: false, section }
      const main: Reading = { name: rowName, unitOfMeasure: unit, aggregation: relative.target.kind === 'reduce_by' ? 'stock' : 'flow', target: relative.target }
      return { id: '', value: makeIndicator(main, codes.take(slug(rowName)), section.code, line.text), source: f.span, confidence: 'medium', reasons: ['đọc từ một dòng bảng', relative.reason], ambiguous: false, found: f }
    }
    const rowName = nameCell.text.replace(/^(?:\d+|[A-H])[.)]\s*/u, '').replace(/^[-+]\s+/u, '')
    const sentence: Line = { text: `${rowName} ${lowerFirst(planCell.text)}`, start: line.start }
    const found = findTargets(sentence, section, true)
    const read = fromFound(found.slice(0, 1), sentence, year, doc, codes, 0)[0]
    if (!read) return undefined
    const span = { start: line.start, end: line.start + line.text.length }
    read.found = { ...read.found!, span, at: planCell.start }
    read.reasons.push('đọc từ một dòng bảng: ô chỉ tiêu ghi cả số và đơn vị tính')
    // ("| Số hộ nghèo | Giảm 8 hộ | Đầu năm 2025: 26 hộ |": a cut from the level the row's note gives.)
    const t = read.value.target
    const cutFrom = t?.kind === 'reduce_by' && !t.relative && t.max === undefined && t.baseline === undefined && year !== undefined
    const notedText = cutFrom && cols.notes !== undefined ? notedStart(cells[cols.notes]?.text ?? '', year, read.value.unitOfMeasure) : undefined
    // ("| Số hộ nghèo | hộ | 40 | giảm 5 hộ |": or last year's column, as for a bare "Giảm 5".)
    const startText = notedText ?? (cutFrom && !CUT_ROW_RE.test(rowName) ? lastLevel(read.value.unitOfMeasure, '') : undefined)
    const start = startText !== undefined ? readDigits(startText, { integer: false, percent: /^[%‰]$/u.test(read.value.unitOfMeasure), habit: doc.habit })?.value : undefined
    if (t?.kind === 'reduce_by' && start !== undefined && start > t.amount) {
      const ceiling = eventCeiling(read.value.unitOfMeasure, read.value.name, start, t.amount)
      read.value = { ...read.value, ...(ceiling ? { aggregation: 'flow' as const, target: ceiling.target } : { target: { ...t, baseline: start } }) }
      if (ceiling && read.confidence === 'high') read.confidence = 'medium'
      read.reasons.push(ceiling ? ceiling.reason : `${notedText !== undefined ? 'ghi chú của dòng: mức đầu năm' : `mức năm ${year! - 1}`} là ${startText} ${read.value.unitOfMeasure}, cần còn không quá ${String(Math.round((start - t.amount) * 100) / 100).replace('.', ',')} ${read.value.unitOfMeasure}`)
    }
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
  const unit = unitCell?.text ?? unitOfName ?? (/%/u.test(figure.text) ? '%' : /‰/u.test(figure.text) ? '‰' : headUnit && unitInfo(headUnit) ? headUnit : countedUnit(nameCell.text))
  const digits = /(\d(?:[\d.,]*\d)?)(?:\s*[%‰])?(?:\s*(?:-|–|đến)\s*(\d(?:[\d.,]*\d)?))?/u.exec(symbolic)
  if (!digits || unit === '') return undefined
  const cueText = symbolic.slice(0, digits.index)
  // "Tổng mức bán lẻ … tăng so với năm trước | % | 10": the row's name says the figure is a growth (or a cut).
  // "- Diện tích gieo trồng" under "Cây lúa cả năm": the measure of the crop the group row names.
  // ("| - | Năng suất bình quân | tạ/ha | …": a Word table pasted as text marks its sub-rows in the number's cell.)
  // ("| 2.1 | Diện tích gieo cấy | ha | …" under "| 2 | Cây lúa cả năm |": so does a number under the crop row's.)
  const dashed = /^(?:[-+–]|\d{1,2}\.\d{1,2}\.?)$/u.test(cells[cells.indexOf(nameCell) - 1]?.text ?? '')
  const measured = /^[-+]\s*((?:diện tích|năng suất|sản lượng)(?![\p{L}]).*)$/iu.exec(nameCell.text) ?? (dashed ? /^((?:diện tích|năng suất|sản lượng)(?![\p{L}]).*)$/iu.exec(nameCell.text) : null)
  // "| | - Trong đó: khách quốc tế | lượt | … |": a part of the row above, named by itself.
  // ("| | Trong đó: - Thóc | tấn | … |": the first part's dash after the colon too.)
  const partRow = /^(?:(?:\d+|[A-H])[.)]\s*)?(?:[-+]\s*)?trong đó\s*:?\s*(?:[-+–]\s*)?(?=\p{L})/iu.exec(nameCell.text)
  const rowName = (measured && group ? `${upperFirst(measured[1]!)} ${lowerFirst(group)}` : upperFirst(nameCell.text.slice(partRow?.[0].length ?? 0).replace(/^(?:\d+|[A-H])[.)]\s*/u, '').replace(/^[-+]\s+/u, ''))).replace(
    unitOfName !== undefined && unit === unitOfName ? /\s*\([^()]+\)\s*$/u : /$^/u,
    '',
  )
  // "Số hộ cận nghèo giảm trong năm | hộ | 6": a cut; "Tốc độ tăng doanh thu … | % | ≥ 12": a growth.
  // ("Mức giảm tỷ lệ hộ nghèo | % | 5 - 6": the size of the cut, a cut of 5 to 6 points.)
  // ("Kéo giảm số vụ tai nạn giao thông so với năm 2025 | % | ≥ 10": "kéo giảm" cuts as "giảm" does.)
  const change = /\s+(tăng|giảm)(?:\s+(?:bình quân|trong năm))?(?:\s+(so với[^|]*))?$/iu.exec(rowName) ?? /^(?:tốc độ\s+|phấn đấu\s+|mức\s+|kéo\s+(?=giảm))?(tăng|giảm)(?:\s+trưởng)?\s+/iu.exec(rowName)
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
    // ("| Nghịch | 114 | 112 |": a bare figure where lower is better is a ceiling, DIRECTION_COLUMN_RE.)
    cue: changeCue?.cue ?? cueBefore(cueText)?.cue ?? (cueText.trim() === '' && cols.direction !== undefined && LOWER_IS_BETTER_RE.test(cells[cols.direction]?.text ?? '') ? cueBefore('không quá')?.cue : undefined),
    post: readPost(`${symbolic.slice(digits.index + digits[0].length)}${changeCue && change![2] ? ` ${change![2]}` : ''}${noteBase ? ` ${noteBase}` : ''}`),
    verbFirst: undefined,
    afterWhole: partRow !== null,
    section,
  }
  const reasons = ['đọc từ một dòng bảng']
  // "| Số vụ phạm pháp hình sự | Giảm 10% | Năm 2024: 30 vụ |": a change in % of what the row counts
  // ("Số <noun> …") is a change from last year's count, in the unit its note (or column) writes.
  const counted = unit === '%' && !unitCell && /^(?:kéo\s+)?(?:giảm|tăng)\s/iu.test(figure.text) && countedUnit(nameCell.text) !== '' ? lastYearUnit(cells, head, year) : ''
  const relUnit = counted !== '' ? (unitInfo(counted)?.canonical ?? counted) : (unitInfo(unit)?.canonical ?? unit)
  const relative = relativeToLastYear(figure.text, relUnit, cells, head, year, doc, isStockName(rowName), rowName)
  if (relative) {
    reasons.push(relative.reason)
    const code = codes.take(slug(rowName))
    const main: Reading = { name: upperFirst(rowName), unitOfMeasure: relUnit, aggregation: relative.target.kind === 'reduce_by' ? 'stock' : 'flow', target: relative.target }
    return { id: '', value: makeIndicator(main, code, section.code, line.text), source: f.span, confidence: 'medium', reasons, ambiguous: false, found: f }
  }
  const shaped = toIndicatorShape(f, year, doc, reasons)
  const { alternatives } = shaped
  let { main, confidence } = shaped
  // "| Số câu lạc bộ … | CLB | 12 | 14 |": an abbreviation in capitals of what the row counts (CLB,
  // HTX, DN) is the unit as the table's ĐVT column writes it, kept so, not spelled out; so are two
  // of them counted together ("| Hợp tác xã, tổ hợp tác … | HTX, THT | 5 | ≥ 6 |").
  const abbreviation = unitCell && /^\p{Lu}{2,5}(?:, ?\p{Lu}{2,5})?$/u.test(unitCell.text) ? unitInfo(unitCell.text) : undefined
  if (abbreviation?.integer && main.unitOfMeasure === abbreviation.canonical) main = { ...main, unitOfMeasure: unitCell!.text }
  // ("| Diện tích cây ăn trái | ha | duy trì 1.240 |": a level kept is a stock, settled with every amount's roll-up, passes.ts settleAggregations.)
  // "| Tỷ lệ hộ nghèo | % | 2,86 | giảm 0,8 |": a cut in points of a rate starts from the row's
  // last-year figure (its "Thực hiện 2023" column).
  // ("| Số người nghiện ma túy | người | 17 | giảm 3 |": so does a cut in a count the plan cell states,
  // from last year's count; under "Số hộ nghèo giảm trong năm" every column is a cut, none a level.)
  // ("| Mức giảm tỷ lệ hộ nghèo | % | 4,1 | ≥ 3,5 |", "| Giảm tỷ lệ hộ nghèo | % | 2,3 | 1,2 |", "| Tỷ lệ
  // hộ nghèo giảm (%) | 1,35 | 1,2 |": a row named for the cut holds last year's cut in that column,
  // not a level to start from; its start is the level the document states, passes.ts settleBaselines.)
  if (main.target.kind === 'reduce_by' && !main.target.relative && main.target.baseline === undefined && head && year !== undefined && !CUT_ROW_RE.test(rowName) && (/^[%‰]$/u.test(main.unitOfMeasure) || /^giảm\s/iu.test(figure.text))) {
    // (Or the row's note: "| Giảm 8 hộ | Đầu năm 2025: 26 hộ |", "| Năm 2024: 3,2% |", last year's level in the unit of the row.)
    const startText = lastLevel(main.unitOfMeasure, notes)
    const start = startText !== undefined ? readDigits(startText, { integer: false, percent: /^[%‰]$/u.test(main.unitOfMeasure), habit: doc.habit })?.value : undefined
    const { amount } = main.target
    // ("| Tỷ lệ hộ nghèo | % | 3,9 | Giảm 1 - 1,5 |": a range of cuts starts from the same level.)
    const most = main.target.max ?? amount
    const ceiling = start !== undefined && main.target.max === undefined ? eventCeiling(main.unitOfMeasure, main.name, start, amount) : undefined
    if (ceiling) {
      main = { ...main, aggregation: 'flow', target: ceiling.target }
      reasons.push(ceiling.reason)
      if (confidence === 'high') confidence = 'medium'
    } else if (start !== undefined && start > most) {
      main = { ...main, target: { ...main.target, baseline: start } }
      const u = /^[%‰]$/u.test(main.unitOfMeasure) ? main.unitOfMeasure : ` ${main.unitOfMeasure}`
      reasons.push(`mức năm ${year - 1} là ${startText}${u}: ${/^[%‰]$/u.test(main.unitOfMeasure) ? 'tỷ lệ ' : ''}cần đạt không quá ${String(Math.round((start - amount) * 100) / 100).replace('.', ',')}${u}`)
    }
  }
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

/**
 * "| 2. Sản xuất nông nghiệp | Diện tích gieo cấy lúa cả năm 1.450 ha, …; đàn trâu, bò duy trì … |":
 * a table of two columns whose first names a field and whose second holds whole sentences (a stop
 * at its end or clauses joined by ";") states its targets in prose, one row per field. The cell is
 * read as a line of a list of targets is, every clause of it, under the field its first cell names.
 */
export function sentenceCellRow(line: Line): { field: string; cell: Line } | undefined {
  const raw = line.text.slice(1, -1).split('|')
  if (raw.length !== 2) return undefined
  const field = raw[0]!.trim().replace(/^(?:\d{1,2}|[IVXLC]{1,5}|[A-H])[.)]\s*/u, '')
  const text = raw[1]!.trim()
  if (!/^\p{L}/u.test(field) || !/\p{L}{2,}/u.test(field) || /\d/u.test(field) || field.split(/\s+/u).length > 10) return undefined
  if (text.split(/\s+/u).length < 8 || !/^(?:\p{Lu}|\d)/u.test(text) || !(/\.$/u.test(text) || /;\s+\p{L}/u.test(text))) return undefined
  const start = line.start + 1 + raw[0]!.length + 1 + (raw[1]!.length - raw[1]!.trimStart().length)
  return { field, cell: { text, start } }
}

/**
 * "| TT | Nội dung chỉ tiêu | Cơ quan chủ trì | Thời gian hoàn thành |" over "| 3 | Sản lượng rau
 * các loại đạt 92.000 tấn trở lên | Phòng Kinh tế | 31/12/2026 |": a table with a content column and
 * no column of figures (no plan, unit or year column; the others name who is in charge, by when, or
 * a note) holds each target's whole statement in its content cell. That cell is read as prose, a
 * line of a list of targets, clause by clause; the other cells are never targets ("Năm học 2026 -
 * 2027", "Quý IV/2026" there are deadlines, no range). A group row ("| **A** | **KINH TẾ** | | |")
 * a group's name in capitals, and a cell of a name alone (fewer than four words) are no statements.
 */
export function statementCell(line: Line, head: readonly string[], year: number | undefined): Line | undefined {
  const cols = tableColumns(head, year)
  if (cols.name === undefined || cols.plan !== undefined || cols.unit !== undefined || cols.fallback !== undefined || cols.change !== undefined) return undefined
  if (!head.every((h, i) => i === cols.name || cols.skip.has(i) || /^(?:s?tt|số tt|stt)$/iu.test(h.trim()))) return undefined
  const raw = line.text.slice(1, -1).split('|')
  if (raw.length !== head.length) return undefined
  const cell = raw[cols.name]!
  const text = cell.trim()
  if (/^\*\*.*\*\*$/u.test(text) || !/\p{Ll}/u.test(text) || !/^(?:\p{Lu}|\d)/u.test(text) || text.split(/\s+/u).length < 4) return undefined
  const start = line.start + 1 + raw.slice(0, cols.name).reduce((n, c) => n + c.length + 1, 0) + (cell.length - cell.trimStart().length)
  return { text, start }
}

/**
 * "TH 2025", "KH 2026", "Ước TH 2025", "Kế hoạch năm 2026", "Năm 2025", "2026 (KH)": a row label that
 * is a year and what its figures are (done, estimated, planned), as a table turned on its side puts
 * down its first column.
 */
const YEAR_ROW_RE = /^(?:(?:kế hoạch|kh|thực hiện|th|ước|ước tính|dự kiến|chỉ tiêu|mục tiêu|phấn đấu|dự toán|kết quả)\s+){0,2}(?:năm\s+)?(?:19|20)\d{2}(?:\s*\((?:kh|kế hoạch|dự kiến|chỉ tiêu|ước(?:\s+th)?|ước thực hiện|ước tính|th|thực hiện)\))?$/iu

/** The cells of a table row `| a | b |` with where each starts in the text. */
function cellsWithStarts(line: Line): { text: string; start: number }[] {
  const cells: { text: string; start: number }[] = []
  let pos = 1
  for (const raw of line.text.slice(1, -1).split('|')) {
    const lead = raw.length - raw.trimStart().length
    cells.push({ text: raw.trim(), start: line.start + pos + lead })
    pos += raw.length + 1
  }
  return cells
}

/** A table turned on its side (turnedTable): each indicator's column read as a row, and its heading cell. */
export interface TurnedTable {
  /** The heading of the rows made: "Chỉ tiêu", "Đơn vị tính", then the year labels as written. */
  head: string[]
  /** One row a column: `| name | unit | <each year's cell> |`, and the column's heading cell (the source). */
  rows: { line: Line; heading: { text: string; start: number } }[]
  /** The index of the line after the table. */
  next: number
}

/**
 * "| Năm | Tốc độ tăng giá trị sản xuất (%) | Sản lượng lúa (tấn) |" over "| TH 2025 | 8,6 | 1.047 |" and
 * "| KH 2026 | 9,0 | 1.050 |": a table turned on its side, the indicators across its heading (each
 * with its unit in brackets, or none) and the years down its first column. Each column is read as
 * the row "| Sản lượng lúa | tấn | 1.047 | 1.050 |" under the heading "Chỉ tiêu | Đơn vị tính | TH 2025
 * | KH 2026", so that the plan year's cell is the target and last year's the level it starts from,
 * as in any table. Only a table whose every row under the heading opens on a year label, whose
 * heading cells after the first name measures (words, no figure nor year), and one of whose labels
 * is the plan's (tableColumns); a table whose first column holds row numbers or names is never turned.
 */
export function turnedTable(lines: readonly Line[], at: number, year: number | undefined): TurnedTable | undefined {
  const headLine = lines[at]
  if (!headLine?.text.startsWith('| ') || (at > 0 && lines[at - 1]!.text.startsWith('| '))) return undefined
  const heading = cellsWithStarts(headLine)
  if (heading.length < 3 || /\d/u.test(heading[0]!.text)) return undefined
  const measures = heading.slice(1)
  if (!measures.every((c) => /\p{L}{2,}/u.test(c.text) && !YEAR_ROW_RE.test(c.text) && !/^[\p{L}\s≥≤<>]*\d[\d.,\s%‰]*$/u.test(c.text))) return undefined
  const rows: { text: string; start: number }[][] = []
  let next = at + 1
  for (; next < lines.length && lines[next]!.text.startsWith('| '); next++) {
    const cells = cellsWithStarts(lines[next]!)
    if (cells.length !== heading.length || !YEAR_ROW_RE.test(cells[0]!.text.replace(/\*\*/gu, ''))) break
    rows.push(cells)
  }
  // (A row that opens on anything else ends no turned table: the table is an ordinary one.)
  if (rows.length === 0 || (next < lines.length && lines[next]!.text.startsWith('| '))) return undefined
  const head = ['Chỉ tiêu', 'Đơn vị tính', ...rows.map((r) => r[0]!.text.replace(/\*\*/gu, ''))]
  const plan = tableColumns(head, year).plan
  if (plan === undefined || plan < 2) return undefined
  const out = measures.map((cell, k) => {
    // "Tốc độ tăng giá trị sản xuất (%)": the unit in brackets at the heading cell's end goes to the unit cell.
    const m = /^(.+?)\s*\(([^()]{1,30})\)$/u.exec(cell.text)
    const unit = m && (/^[%‰]$/u.test(m[2]!.trim()) || unitInfo(m[2]!.trim()) !== undefined || /^\p{Ll}+(?:[\s/]\p{Ll}+){0,3}$/u.test(m[2]!.trim())) ? m[2]!.trim() : ''
    const name = unit !== '' ? m![1]! : cell.text
    const figures = rows.map((r) => r[k + 1]!.text)
    return { line: { text: `| ${name} | ${unit} | ${figures.join(' | ')} |`, start: cell.start - 2 }, heading: cell }
  })
  return { head, rows: out, next }
}
