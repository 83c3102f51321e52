// The XLSX plan template (docs/domain.md, “Bảng tính kế hoạch”) as grids of cell text, both ways:
// a PlanBundle to three sheets of `string[][]` (first row = headers) and back, with every problem
// located by sheet, row (1-based, as Excel shows it) and column letter, in Vietnamese. Numbers are
// written and read the vi-VN way ("1.448,5"), kinds as Vietnamese labels read back case- and
// accent-tolerantly. Pure: no DOM, no Node, no ExcelJS (src/server/planFiles/xlsx.ts does the
// workbook).
import * as v from 'valibot'
import {
  type Aggregation,
  type EqualityRule,
  type Field,
  type Indicator,
  issueMessage,
  type Period,
  PeriodSchema,
  type PeriodKind,
  type Phase,
  type Plan,
  PlanSchema,
  type Target,
  type TargetKind,
  TARGET_KINDS,
  type Unit,
  type UnitKind,
  UnitSchema,
} from './model'
import { foldMarks } from './codes'
import { TARGET_KIND_LABELS } from './describe'
import { formatViNumber } from './numbers'
import { PLAN_XLSX_TEMPLATE, type PlanBundle, type PlanFileProblem } from './planImport'
import { readNumber, splitRange, type NumberRule } from './targetText'
import { UNIT_KIND_LABELS } from './unitKinds'
import { blocksPlan, validatePlan, type ValidationIssue } from './validation'

export type Grid = string[][]
export type SheetKey = 'indicators' | 'units' | 'plan'
export type PlanGrids = Record<SheetKey, Grid>

/** The sheets in the order the workbook has them; names are at most 31 characters (Excel's limit). */
export const SHEET_ORDER: readonly SheetKey[] = ['indicators', 'units', 'plan']
export const SHEET_NAMES: Readonly<Record<SheetKey, string>> = {
  indicators: 'Lĩnh vực và chỉ tiêu',
  units: 'Đơn vị',
  plan: 'Kế hoạch',
}

/** Codes of the template's example rows start with this; a real code never can (no ':' in a code), and the reader skips them. */
export const EXAMPLE_PREFIX = 'VD:'

/** At most this many rows a sheet may have (header included); the server refuses bigger ones before loading them. */
export const PLAN_SHEET_MAX_ROWS = 5000
/** At most this many problems are listed for one file. */
export const PLAN_FILE_MAX_PROBLEMS = 200

// ---------------------------------------------------------------------------
// Labels

export const AGGREGATION_LABELS: Readonly<Record<Aggregation, string>> = {
  flow: 'Cộng dồn',
  stock: 'Thời điểm',
  rate: 'Tỷ lệ',
  yes_no: 'Đạt/không đạt',
}

export const PERIOD_KIND_LABELS: Readonly<Record<PeriodKind, string>> = {
  month: 'Tháng',
  quarter: 'Quý',
  phase: 'Đợt',
  year: 'Năm',
}

const SCALE_LABELS: Readonly<Record<1 | 100 | 1000, string>> = { 100: '%', 1000: '‰', 1: '1' }

export const YES = 'có'
export const NO = 'không'

/** Case, accents, đ, punctuation and spacing do not matter: "Tổ dân phố" = "to dan pho" = "to_dan_pho". */
export function fold(text: string): string {
  return foldMarks(text)
    .replace(/[^a-z0-9%‰/]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim()
}

/** A label → value table read by folded text; each value also answers to its own key ("at_least"). */
function lookup<K extends string>(labels: Readonly<Record<K, string>>): Map<string, K> {
  const m = new Map<string, K>()
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    m.set(fold(label), key)
    m.set(fold(key), key)
  }
  return m
}

const AGGREGATIONS = lookup(AGGREGATION_LABELS)
const TARGET_KIND_BY_LABEL = lookup(TARGET_KIND_LABELS)
const UNIT_KINDS = lookup(UNIT_KIND_LABELS)
const PERIOD_KINDS = lookup(PERIOD_KIND_LABELS)
const SCALES = new Map<string, 1 | 100 | 1000>([
  ['%', 100],
  ['100', 100],
  ['phan tram', 100],
  ['‰', 1000],
  ['1000', 1000],
  ['1 000', 1000],
  ['phan nghin', 1000],
  ['1', 1],
])
const FLAGS = new Map<string, boolean>([
  ['co', true],
  ['x', true],
  ['yes', true],
  ['true', true],
  ['1', true],
  ['dung', true],
  ['khong', false],
  ['no', false],
  ['false', false],
  ['0', false],
  ['sai', false],
])

// ---------------------------------------------------------------------------
// Columns

export type ColumnType = 'text' | 'number' | 'date'

export interface ColumnSpec {
  key: string
  header: string
  /** Characters, for the workbook. */
  width: number
  /** How a number or date cell typed in Excel becomes text: `number` the vi-VN way, `date` dd/mm/yyyy, `text` as it is. */
  type: ColumnType
  /** The values of its drop-down. */
  list?: readonly string[]
  /** What the header's note explains. */
  note?: string
}

const YES_NO = [YES, NO] as const
const ROW_FIELD = 'Lĩnh vực'
const ROW_INDICATOR = 'Chỉ tiêu'
const ROW_UNIT = 'Đơn vị'
const ROW_UNIT_TARGET = 'Chỉ tiêu đơn vị'

/** The plan sheet's row kinds ("Mục"): the header's items, then the rows of tables. */
const PLAN_ITEMS = {
  version: 'Phiên bản mẫu',
  year: 'Năm',
  title: 'Tiêu đề',
  number: 'Số hiệu',
  issuedOn: 'Ngày ban hành',
  theme: 'Chủ đề',
  movement: 'Phong trào',
  signedBy: 'Người ký',
  sourceNumber: 'Văn bản gốc: số hiệu',
  sourceIssuedOn: 'Văn bản gốc: ngày',
  sourceYear: 'Văn bản gốc: năm',
  phase: 'Đợt thi đua',
  period: 'Kỳ báo cáo',
  rule: 'Quy tắc kiểm tra',
} as const
type PlanItem = keyof typeof PLAN_ITEMS
const PLAN_ITEM_BY_LABEL = lookup(PLAN_ITEMS)

const VALUE_NOTE =
  'Số viết kiểu Việt Nam: 1.448,5. Trong khoảng: 90 – 95. Giảm: 1 hoặc 0,2 – 0,5. Tăng: 10 hoặc 5 – 7 (%). Cơ cấu: mã chỉ tiêu và tỷ trọng, cách nhau bằng “;”: NN 38,5; CN 29,4; DV 32,1.'

const TARGET_COLUMNS: readonly ColumnSpec[] = [
  { key: 'kind', header: 'Loại chỉ tiêu', width: 22, type: 'text', list: TARGET_KINDS.map((k) => TARGET_KIND_LABELS[k]) },
  { key: 'value', header: 'Giá trị chỉ tiêu', width: 22, type: 'number', note: VALUE_NOTE },
  { key: 'strict', header: 'Trên/dưới hẳn', width: 10, type: 'text', list: YES_NO, note: '“có”: trên hẳn (trên 70%) hoặc dưới hẳn (dưới 5,6%); “không”: đạt … trở lên, không quá …' },
  { key: 'relative', header: 'Giảm theo %', width: 10, type: 'text', list: YES_NO, note: '“có”: mức giảm là phần trăm của số đầu năm (giảm 15% so với đầu năm)' },
  { key: 'baseYear', header: 'Năm gốc', width: 9, type: 'text' },
  { key: 'base', header: 'Số năm gốc / đầu năm', width: 16, type: 'number', note: 'Tăng: giá trị của năm gốc. Giảm: số đầu năm.' },
  { key: 'tolerance', header: 'Sai số cơ cấu', width: 10, type: 'number', note: 'Cơ cấu: số điểm phần trăm một phần được lệch mà vẫn đạt (mặc định 1).' },
]

export const SHEET_COLUMNS: Readonly<Record<SheetKey, readonly ColumnSpec[]>> = {
  indicators: [
    { key: 'rowType', header: 'Loại dòng', width: 11, type: 'text', list: [ROW_FIELD, ROW_INDICATOR] },
    { key: 'code', header: 'Mã', width: 12, type: 'text', note: 'Chữ không dấu, số, ., _ hoặc -; không trùng.' },
    { key: 'name', header: 'Tên', width: 44, type: 'text' },
    { key: 'field', header: 'Thuộc lĩnh vực', width: 12, type: 'text', note: 'Chỉ tiêu: mã lĩnh vực của nó. Lĩnh vực con: mã lĩnh vực cha.' },
    { key: 'unitOfMeasure', header: 'Đơn vị tính', width: 11, type: 'text' },
    { key: 'aggregation', header: 'Cách tổng hợp', width: 14, type: 'text', list: Object.values(AGGREGATION_LABELS) },
    { key: 'scale', header: 'Thang tỷ lệ', width: 8, type: 'text', list: ['%', '‰', '1'], note: 'Chỉ tiêu tỷ lệ: % , ‰ hoặc 1 (thương, như thu nhập bình quân).' },
    { key: 'proportion', header: 'Tử số thuộc mẫu số', width: 11, type: 'text', list: YES_NO, note: 'Tỷ lệ: “có” khi tử số là một phần của mẫu số (mặc định); “không” cho thương như thu nhập bình quân.' },
    ...TARGET_COLUMNS,
    { key: 'formula', header: 'Công thức', width: 20, type: 'text', note: 'Ví dụ: LUA_DT * LUA_NS / 10' },
    { key: 'children', header: 'Chỉ tiêu thành phần', width: 16, type: 'text', note: 'Mã các chỉ tiêu cộng lại thành chỉ tiêu này, cách nhau bằng “;”.' },
    { key: 'partOf', header: 'Là một phần của', width: 12, type: 'text' },
    { key: 'reporters', header: 'Đơn vị báo cáo', width: 24, type: 'text', note: 'Loại đơn vị (thôn, tổ dân phố, trường học…) và/hoặc mã đơn vị, cách nhau bằng “;”.' },
    { key: 'source', header: 'Nguyên văn kế hoạch', width: 50, type: 'text' },
  ],
  units: [
    { key: 'rowType', header: 'Loại dòng', width: 15, type: 'text', list: [ROW_UNIT, ROW_UNIT_TARGET] },
    { key: 'unit', header: 'Mã đơn vị', width: 16, type: 'text' },
    { key: 'name', header: 'Tên đơn vị', width: 32, type: 'text' },
    { key: 'unitKind', header: 'Loại đơn vị', width: 18, type: 'text', list: Object.values(UNIT_KIND_LABELS) },
    { key: 'parent', header: 'Thuộc đơn vị', width: 14, type: 'text' },
    { key: 'indicator', header: 'Mã chỉ tiêu', width: 14, type: 'text' },
    ...TARGET_COLUMNS,
    { key: 'unitBaseline', header: 'Số gốc của đơn vị', width: 14, type: 'number', note: 'Số đầu năm (chỉ tiêu giảm) hoặc số năm gốc (chỉ tiêu tăng) của riêng đơn vị này.' },
  ],
  plan: [
    { key: 'rowType', header: 'Mục', width: 22, type: 'text', list: Object.values(PLAN_ITEMS) },
    { key: 'code', header: 'Mã', width: 12, type: 'text' },
    { key: 'value', header: 'Nội dung', width: 50, type: 'text', note: 'Giá trị của mục; tên đợt thi đua; thông báo của quy tắc kiểm tra.' },
    { key: 'from', header: 'Từ ngày', width: 12, type: 'date', note: 'Ngày viết dd/mm/yyyy, ví dụ 01/01/2025.' },
    { key: 'to', header: 'Đến ngày', width: 12, type: 'date' },
    { key: 'deadline', header: 'Hạn báo cáo', width: 12, type: 'date' },
    { key: 'periodKind', header: 'Loại kỳ', width: 9, type: 'text', list: Object.values(PERIOD_KIND_LABELS) },
    { key: 'special', header: 'Đợt đặc biệt', width: 9, type: 'text', list: YES_NO, note: 'Đợt đặc biệt không có ngày: cán bộ mở và đóng đợt.' },
    { key: 'left', header: 'Vế trái', width: 24, type: 'text' },
    { key: 'right', header: 'Vế phải', width: 24, type: 'text' },
  ],
}

/** "A", "B", …, "Z", "AA": the letter of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

/** The spec of a header as typed, or undefined. */
export function columnOf(sheet: SheetKey, header: string): ColumnSpec | undefined {
  const f = fold(header)
  return SHEET_COLUMNS[sheet].find((c) => fold(c.header) === f)
}

/** The sheet a workbook's sheet name stands for, tolerant of case and accents. */
export function sheetKeyOf(name: string): SheetKey | undefined {
  const f = fold(name)
  return SHEET_ORDER.find((k) => fold(SHEET_NAMES[k]) === f)
}

// ---------------------------------------------------------------------------
// Numbers and dates as text

/** A number as it round-trips: as many decimals as it has (up to 6), never the ambiguous "13,345". */
export function numberCell(x: number): string {
  let digits = 0
  while (digits < 6 && Number(x.toFixed(digits)) !== x) digits++
  const text = formatViNumber(x, digits)
  // Three decimals after a bare integer part read as thousands (parseViNumber refuses it): add a 0.
  return /^[-−]?\d+,\d{3}$/.test(text) ? `${text}0` : text
}

/** 2024-06-30 → 30/06/2024. */
export function dateCell(iso: string | undefined): string {
  if (iso === undefined) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso
}

/** dd/mm/yyyy (also d/m/yyyy, with - or .) or yyyy-mm-dd → ISO, or undefined when it is no calendar date. */
export function parseDateText(text: string): string | undefined {
  const t = text.trim()
  let d: number, m: number, y: number
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  if (vi) [d, m, y] = [Number(vi[1]), Number(vi[2]), Number(vi[3])]
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

const flagCell = (b: boolean | undefined): string => (b === undefined ? '' : b ? YES : NO)

// ---------------------------------------------------------------------------
// Writing

type Cells = Record<string, string>

function toRow(sheet: SheetKey, cells: Cells): string[] {
  return SHEET_COLUMNS[sheet].map((c) => cells[c.key] ?? '')
}

const headerRow = (sheet: SheetKey): string[] => SHEET_COLUMNS[sheet].map((c) => c.header)

const range = (a: number, b: number | undefined): string => (b === undefined ? numberCell(a) : `${numberCell(a)} – ${numberCell(b)}`)

/** The target columns of a target. */
export function targetCells(t: Target | undefined): Cells {
  if (t === undefined) return {}
  const kind = TARGET_KIND_LABELS[t.kind]
  switch (t.kind) {
    case 'at_least':
    case 'rate_at_least':
      return { kind, value: numberCell(t.value), strict: flagCell(t.strict) }
    case 'at_most':
      return { kind, value: numberCell(t.value), strict: flagCell(t.strict) }
    case 'range':
      return { kind, value: range(t.min, t.max) }
    case 'reduce_by':
      return { kind, value: range(t.amount, t.max), relative: flagCell(t.relative), base: t.baseline === undefined ? '' : numberCell(t.baseline) }
    case 'growth':
      return { kind, value: range(t.percent, t.maxPercent), baseYear: String(t.baseYear), base: t.baseValue === undefined ? '' : numberCell(t.baseValue) }
    case 'shares':
      return { kind, value: t.parts.map((p) => `${p.indicator} ${numberCell(p.percent)}`).join('; '), tolerance: numberCell(t.tolerance) }
    case 'derived':
      return { kind, value: t.value === undefined ? '' : numberCell(t.value) }
    case 'yes_no':
      return { kind }
  }
}

function fieldCells(f: Field): Cells {
  return { rowType: ROW_FIELD, code: f.code, name: f.name, field: f.parent ?? '' }
}

function indicatorCells(i: Indicator): Cells {
  const isRate = i.aggregation === 'rate'
  return {
    rowType: ROW_INDICATOR,
    code: i.code,
    name: i.name,
    field: i.field,
    unitOfMeasure: i.unitOfMeasure,
    aggregation: AGGREGATION_LABELS[i.aggregation],
    scale: i.scale === undefined ? '' : SCALE_LABELS[i.scale],
    // The default (true) is written only where it means something.
    proportion: i.proportion ? (isRate ? YES : '') : NO,
    ...targetCells(i.target),
    formula: i.formula ?? '',
    children: i.children === undefined ? '' : i.children.length === 0 ? ';' : i.children.join('; '),
    partOf: i.partOf ?? '',
    reporters: [...i.reporters.kinds.map((k) => UNIT_KIND_LABELS[k]), ...i.reporters.units].join('; '),
    source: i.source ?? '',
  }
}

/** Fields and indicators interleaved, each list in its own order, an indicator after its field where the orders allow. */
function fieldsAndIndicators(plan: Plan): Cells[] {
  const rows: Cells[] = []
  const written = new Set<string>()
  let f = 0
  for (const ind of plan.indicators) {
    while (!written.has(ind.field) && f < plan.fields.length) {
      const field = plan.fields[f++] as Field
      written.add(field.code)
      rows.push(fieldCells(field))
    }
    rows.push(indicatorCells(ind))
  }
  for (; f < plan.fields.length; f++) rows.push(fieldCells(plan.fields[f] as Field))
  return rows
}

function unitRows(bundle: PlanBundle): Cells[] {
  const rows: Cells[] = bundle.units.map(unitCells)
  for (const ind of bundle.plan.indicators) {
    const targets = ind.unitTargets ?? {}
    const baselines = ind.baselines ?? {}
    const units = [...Object.keys(targets), ...Object.keys(baselines).filter((u) => !(u in targets))]
    for (const u of units) {
      const b = baselines[u]
      rows.push({ rowType: ROW_UNIT_TARGET, unit: u, indicator: ind.code, ...targetCells(targets[u]), unitBaseline: b === undefined ? '' : numberCell(b) })
    }
  }
  return rows
}

function planRows(bundle: PlanBundle): Cells[] {
  const p = bundle.plan
  const item = (k: PlanItem, value: string): Cells => ({ rowType: PLAN_ITEMS[k], value })
  const rows: Cells[] = [
    item('version', PLAN_XLSX_TEMPLATE),
    item('year', String(p.year)),
    item('title', p.title),
    item('number', p.number ?? ''),
    item('issuedOn', dateCell(p.issuedOn)),
    item('theme', p.theme ?? ''),
    ...p.movements.map((m) => item('movement', m)),
    item('signedBy', p.signedBy ?? ''),
  ]
  if (p.source) {
    rows.push(item('sourceNumber', p.source.number ?? ''), item('sourceIssuedOn', dateCell(p.source.issuedOn)), item('sourceYear', String(p.source.year)))
  }
  for (const ph of p.phases) rows.push(phaseCells(ph))
  for (const pe of bundle.periods) rows.push(periodCells(pe))
  for (const r of p.rules) rows.push(ruleCells(r))
  return rows
}

const phaseCells = (ph: Phase): Cells => ({ rowType: PLAN_ITEMS.phase, code: ph.code, value: ph.name, from: dateCell(ph.from), to: dateCell(ph.to), special: flagCell(ph.special) })
const periodCells = (pe: Period): Cells => ({ rowType: PLAN_ITEMS.period, code: pe.code, from: dateCell(pe.from), to: dateCell(pe.to), deadline: dateCell(pe.deadline), periodKind: PERIOD_KIND_LABELS[pe.kind] })
const ruleCells = (r: EqualityRule): Cells => ({ rowType: PLAN_ITEMS.rule, code: r.code, value: r.message, left: r.left, right: r.right })

/** A plan as the three sheets' text. */
export function bundleToGrids(bundle: PlanBundle): PlanGrids {
  return {
    indicators: [headerRow('indicators'), ...fieldsAndIndicators(bundle.plan).map((c) => toRow('indicators', c))],
    units: [headerRow('units'), ...unitRows(bundle).map((c) => toRow('units', c))],
    plan: [headerRow('plan'), ...planRows(bundle).map((c) => toRow('plan', c))],
  }
}

/** The blank template of a year: headers, the plan's items to fill in, and example rows (0-based row indexes in `examples`). */
/** A unit's row of the units sheet. */
const unitCells = (u: Unit): Cells => ({ rowType: ROW_UNIT, unit: u.code, name: u.name, unitKind: UNIT_KIND_LABELS[u.kind], parent: u.parent ?? '' })

/**
 * The blank template of a year, with the commune's own units already listed (after the example
 * rows), so that the officer names them by their codes.
 */
export function templateGrids(year: number, communeUnits: readonly Unit[] = []): { grids: PlanGrids; examples: Record<SheetKey, number[]> } {
  const ex = EXAMPLE_PREFIX
  const indicators: Cells[] = [
    { rowType: ROW_FIELD, code: `${ex}1`, name: 'Kinh tế' },
    {
      rowType: ROW_INDICATOR,
      code: `${ex}LT`,
      name: 'Tổng sản lượng lương thực',
      field: `${ex}1`,
      unitOfMeasure: 'tấn',
      aggregation: AGGREGATION_LABELS.flow,
      kind: TARGET_KIND_LABELS.at_least,
      value: '1.448,5',
      reporters: UNIT_KIND_LABELS.thon,
      source: 'Tổng sản lượng lương thực đạt 1.448,5 tấn',
    },
  ]
  const units: Cells[] = [
    { rowType: ROW_UNIT, unit: `${ex}THON-1`, name: 'Thôn 1', unitKind: UNIT_KIND_LABELS.thon },
    { rowType: ROW_UNIT_TARGET, unit: `${ex}THON-1`, indicator: `${ex}LT`, kind: TARGET_KIND_LABELS.at_least, value: '200' },
    ...communeUnits.map(unitCells),
  ]
  const item = (k: PlanItem, value = ''): Cells => ({ rowType: PLAN_ITEMS[k], value })
  const plan: Cells[] = [
    item('version', PLAN_XLSX_TEMPLATE),
    item('year', String(year)),
    item('title', ''),
    item('number'),
    item('issuedOn'),
    item('theme'),
    item('movement'),
    item('signedBy'),
    { rowType: PLAN_ITEMS.phase, code: `${ex}DOT1`, value: 'Đợt 1', from: `01/01/${year}`, to: `30/06/${year}`, special: NO },
  ]
  return {
    grids: {
      indicators: [headerRow('indicators'), ...indicators.map((c) => toRow('indicators', c))],
      units: [headerRow('units'), ...units.map((c) => toRow('units', c))],
      plan: [headerRow('plan'), ...plan.map((c) => toRow('plan', c))],
    },
    examples: { indicators: [1, 2], units: [1, 2], plan: [plan.length] },
  }
}

// ---------------------------------------------------------------------------
// Reading

export type GridsReadResult = { ok: true; bundle: PlanBundle; warnings: PlanFileProblem[] } | { ok: false; problems: PlanFileProblem[] }

/** Problems and warnings of one file, capped. */
export class ProblemList {
  readonly problems: PlanFileProblem[] = []
  readonly warnings: PlanFileProblem[] = []
  private dropped = 0

  add(p: PlanFileProblem): void {
    if (this.problems.length < PLAN_FILE_MAX_PROBLEMS) this.problems.push(p)
    else this.dropped++
  }

  warn(p: PlanFileProblem): void {
    if (this.warnings.length < PLAN_FILE_MAX_PROBLEMS) this.warnings.push(p)
  }

  /** Whether a problem is already on this cell (a formula cell, then the empty value it reads as). */
  has(sheet: string | undefined, row: number | undefined, column: string | undefined): boolean {
    return this.problems.some((p) => p.sheet === sheet && p.row === row && (p.column === column || p.column === undefined))
  }

  final(): PlanFileProblem[] {
    return this.dropped === 0 ? this.problems : [...this.problems, { message: `… và ${this.dropped.toLocaleString('vi-VN')} lỗi khác chưa liệt kê` }]
  }
}

/** One data row of a sheet, its cells by column key. */
class RowReader {
  constructor(
    readonly sheet: SheetKey,
    /** 1-based, as Excel shows it. */
    readonly row: number,
    private readonly cells: readonly string[],
    private readonly index: ReadonlyMap<string, number>,
    private readonly out: ProblemList,
  ) {}

  /** The cell's text, trimmed. */
  get(key: string): string {
    return this.raw(key).trim()
  }

  raw(key: string): string {
    const i = this.index.get(key)
    return i === undefined ? '' : (this.cells[i] ?? '')
  }

  /** Where a column's cell is. */
  at(key?: string): PlanFileProblem & { message: '' } {
    const i = key === undefined ? undefined : this.index.get(key)
    return { sheet: SHEET_NAMES[this.sheet], row: this.row, ...(i === undefined ? {} : { column: columnLetter(i) }), message: '' }
  }

  problem(key: string | undefined, message: string): void {
    const at = this.at(key)
    if (this.out.has(at.sheet, at.row, at.column)) return
    this.out.add({ ...at, message })
  }

  warn(key: string | undefined, message: string): void {
    this.out.warn({ ...this.at(key), message })
  }

  /** Empty → undefined; a label of the table → its value; anything else a problem listing what is accepted. */
  choice<K extends string>(key: string, table: ReadonlyMap<string, K>, labels: Readonly<Record<K, string>>, what: string): K | undefined | null {
    const text = this.get(key)
    if (text === '') return undefined
    const found = table.get(fold(text))
    if (found !== undefined) return found
    this.problem(key, `${what} “${text}” không có trong danh sách; chọn một trong: ${Object.values<string>(labels).join('; ')}`)
    return null
  }

  flag(key: string): boolean | undefined {
    const text = this.get(key)
    if (text === '') return undefined
    const found = FLAGS.get(fold(text))
    if (found === undefined) this.problem(key, `“${text}” không hiểu được: ghi “${YES}” hoặc “${NO}” (hoặc để trống)`)
    return found
  }

  number(key: string, rule: NumberRule, text = this.get(key)): number | undefined {
    const r = readNumber(text, rule)
    if (!r.ok) {
      this.problem(key, r.message)
      return undefined
    }
    return r.value
  }

  date(key: string): string | undefined {
    const text = this.get(key)
    if (text === '') return undefined
    const iso = parseDateText(text)
    if (iso === undefined) this.problem(key, `“${text}” không phải ngày hợp lệ: viết dd/mm/yyyy, ví dụ 30/06/2025`)
    return iso
  }

  /** The text, or undefined when empty. */
  opt(key: string): string | undefined {
    const t = this.get(key)
    return t === '' ? undefined : t
  }

  /** Whether any of the columns has something. */
  any(keys: readonly string[]): boolean {
    return keys.some((k) => this.get(k) !== '')
  }
}

/** The header row checked against the template: every column present once, by name in any order. */
function readHeader(sheet: SheetKey, grid: Grid, out: ProblemList): Map<string, number> | undefined {
  const name = SHEET_NAMES[sheet]
  const header = grid[0] ?? []
  const index = new Map<string, number>()
  let ok = true
  header.forEach((text, i) => {
    if (text.trim() === '') return
    const spec = columnOf(sheet, text)
    if (spec === undefined) {
      out.warn({ sheet: name, row: 1, column: columnLetter(i), message: `Cột “${text.trim()}” không thuộc mẫu, bị bỏ qua` })
      return
    }
    if (index.has(spec.key)) {
      out.add({ sheet: name, row: 1, column: columnLetter(i), message: `Cột “${spec.header}” có hai lần (cột ${columnLetter(index.get(spec.key) ?? 0)} và ${columnLetter(i)})` })
      ok = false
      return
    }
    index.set(spec.key, i)
  })
  for (const spec of SHEET_COLUMNS[sheet]) {
    if (!index.has(spec.key)) {
      out.add({ sheet: name, row: 1, message: `Trang “${name}” thiếu cột “${spec.header}” ở dòng tiêu đề: hãy dùng đúng mẫu (tải mẫu mới)` })
      ok = false
    }
  }
  return ok ? index : undefined
}

/** The data rows of a sheet: non-empty, not an example. */
function dataRows(sheet: SheetKey, grid: Grid, index: Map<string, number>, out: ProblemList, codeKey: string): RowReader[] {
  const rows: RowReader[] = []
  for (let r = 1; r < grid.length; r++) {
    const cells = grid[r] ?? []
    if (cells.every((c) => c.trim() === '')) continue
    const row = new RowReader(sheet, r + 1, cells, index, out)
    if (row.get(codeKey).toUpperCase().startsWith(EXAMPLE_PREFIX)) continue
    rows.push(row)
  }
  return rows
}

const TARGET_KEYS = ['kind', 'value', 'strict', 'relative', 'baseYear', 'base', 'tolerance'] as const
/** The target columns each kind reads; a filled other one is a warning. */
const KIND_KEYS: Readonly<Record<TargetKind, readonly string[]>> = {
  at_least: ['value', 'strict'],
  rate_at_least: ['value', 'strict'],
  at_most: ['value', 'strict'],
  range: ['value'],
  reduce_by: ['value', 'relative', 'base'],
  growth: ['value', 'baseYear', 'base'],
  shares: ['value', 'tolerance'],
  derived: ['value'],
  yes_no: [],
}

const SPEC_BY_KEY = new Map(TARGET_COLUMNS.map((c) => [c.key, c]))

/** The target of a row's target columns; undefined when they are empty; null after a problem. */
function readTarget(row: RowReader, unitOfMeasure: string): Target | undefined | null {
  const kind = row.choice('kind', TARGET_KIND_BY_LABEL, TARGET_KIND_LABELS, 'Loại chỉ tiêu')
  if (kind === null) return null
  if (kind === undefined) {
    const filled = TARGET_KEYS.find((k) => row.get(k) !== '')
    if (filled !== undefined) {
      row.problem('kind', `Có “${SPEC_BY_KEY.get(filled)?.header ?? filled}” nhưng chưa chọn loại chỉ tiêu`)
      return null
    }
    return undefined
  }
  for (const k of TARGET_KEYS) {
    if (k !== 'kind' && !KIND_KEYS[kind].includes(k) && row.get(k) !== '') {
      row.warn(k, `Ô “${SPEC_BY_KEY.get(k)?.header ?? k}” không dùng cho chỉ tiêu loại “${TARGET_KIND_LABELS[kind]}”, bị bỏ qua`)
    }
  }
  const uom = unitOfMeasure.trim()
  const unitSign = uom === '%' ? '%' : uom === '‰' ? '‰' : undefined
  let failed = false
  const num = (key: string, rule: NumberRule, text?: string): number => {
    const n = row.number(key, rule, text)
    if (n === undefined) failed = true
    return n ?? 0
  }
  const optNum = (key: string, rule: NumberRule, text?: string): number | undefined => {
    const t = text ?? row.get(key)
    if (t === '') return undefined
    const n = row.number(key, rule, t)
    if (n === undefined) failed = true
    return n
  }
  /** One number or a span "a – b". */
  const span = (rule: NumberRule): [number, number | undefined] => {
    const text = row.get('value')
    const split = splitRange(text)
    if (split === undefined) return [num('value', rule, text), undefined]
    return [num('value', rule, split[0]), num('value', rule, split[1])]
  }
  let t: Target
  switch (kind) {
    case 'yes_no':
      t = { kind }
      break
    case 'at_least':
    case 'rate_at_least': {
      const strict = row.flag('strict')
      t = { kind, value: num('value', { allowNegative: true, suffix: unitSign }), ...(strict === undefined ? {} : { strict }) }
      break
    }
    case 'at_most':
      t = { kind, value: num('value', { allowNegative: true, suffix: unitSign }), strict: row.flag('strict') ?? false }
      break
    case 'range': {
      const split = splitRange(row.get('value'))
      if (split === undefined) {
        row.problem('value', `Chỉ tiêu trong khoảng cần hai số, ví dụ “90 – 95”; ô đang ghi “${row.get('value')}”`)
        return null
      }
      t = { kind, min: num('value', { allowNegative: true, suffix: unitSign }, split[0]), max: num('value', { allowNegative: true, suffix: unitSign }, split[1]) }
      break
    }
    case 'reduce_by': {
      const relative = row.flag('relative')
      const [amount, max] = span({ suffix: relative ? '%' : unitSign })
      const baseline = optNum('base', { allowNegative: !relative, suffix: unitSign })
      t = { kind, amount, ...(max === undefined ? {} : { max }), ...(relative === undefined ? {} : { relative }), ...(baseline === undefined ? {} : { baseline }) }
      break
    }
    case 'growth': {
      const [percent, maxPercent] = span({ allowNegative: true, suffix: '%' })
      const baseYear = num('baseYear', { integer: true })
      const baseValue = optNum('base', {})
      t = { kind, percent, ...(maxPercent === undefined ? {} : { maxPercent }), baseYear, ...(baseValue === undefined ? {} : { baseValue }) }
      break
    }
    case 'shares': {
      const parts: { indicator: string; percent: number }[] = []
      for (const piece of row.get('value').split(';')) {
        const p = piece.trim()
        if (p === '') continue
        const m = /^(\S+?)\s*[:=]?\s+(\S.*)$/.exec(p) ?? /^(\S+?)[:=](\S.*)$/.exec(p)
        if (!m || m[1] === undefined || m[2] === undefined) {
          row.problem('value', `Phần cơ cấu “${p}” cần mã chỉ tiêu và tỷ trọng, ví dụ “NN 38,5”`)
          failed = true
          continue
        }
        parts.push({ indicator: m[1], percent: num('value', { suffix: '%' }, m[2]) })
      }
      const tolerance = optNum('tolerance', { suffix: '%' })
      t = { kind, parts, tolerance: tolerance ?? 1 }
      break
    }
    case 'derived': {
      const value = optNum('value', { allowNegative: true, suffix: unitSign })
      t = value === undefined ? { kind } : { kind, value }
      break
    }
  }
  return failed ? null : t
}

/** Where each object read came from, to put schema and plan issues on their rows. */
interface Origins {
  fields: RowReader[]
  indicators: RowReader[]
  units: RowReader[]
  /** unit code → indicator code → its row on the units sheet. */
  unitTargets: Map<string, Map<string, RowReader>>
  phases: RowReader[]
  periods: RowReader[]
  rules: RowReader[]
  movements: RowReader[]
  items: Map<PlanItem, RowReader>
}

const SINGLE_ITEMS: readonly PlanItem[] = ['version', 'year', 'title', 'number', 'issuedOn', 'theme', 'signedBy', 'sourceNumber', 'sourceIssuedOn', 'sourceYear']

/** Column of a plan property on its row. */
const INDICATOR_COLUMN: Readonly<Record<string, string>> = {
  code: 'code',
  name: 'name',
  field: 'field',
  unitOfMeasure: 'unitOfMeasure',
  aggregation: 'aggregation',
  scale: 'scale',
  proportion: 'proportion',
  target: 'value',
  children: 'children',
  formula: 'formula',
  partOf: 'partOf',
  reporters: 'reporters',
  source: 'source',
}
const TARGET_COLUMN: Readonly<Record<string, string>> = {
  kind: 'kind',
  value: 'value',
  min: 'value',
  max: 'value',
  amount: 'value',
  percent: 'value',
  maxPercent: 'value',
  parts: 'value',
  strict: 'strict',
  relative: 'relative',
  baseline: 'base',
  baseValue: 'base',
  baseYear: 'baseYear',
  tolerance: 'tolerance',
}

/** Reads the three sheets into a plan bundle, or every problem found (at most PLAN_FILE_MAX_PROBLEMS). */
export function gridsToBundle(grids: Partial<Record<SheetKey, Grid>>, out = new ProblemList()): GridsReadResult {
  const fail = (): GridsReadResult => ({ ok: false, problems: out.final() })
  for (const k of SHEET_ORDER) {
    if (grids[k] === undefined) out.add({ sheet: SHEET_NAMES[k], message: `Thiếu trang “${SHEET_NAMES[k]}”: hãy dùng đúng mẫu bảng tính kế hoạch (tải mẫu mới)` })
  }
  const planGrid = grids.plan
  const planIndex = planGrid && readHeader('plan', planGrid, out)
  // The version first: a file of another template would only give confusing problems.
  if (planGrid && planIndex) {
    const versionRows = dataRows('plan', planGrid, planIndex, out, 'code').filter((r) => PLAN_ITEM_BY_LABEL.get(fold(r.get('rowType'))) === 'version')
    const version = versionRows[0]
    if (version === undefined) {
      out.add({ sheet: SHEET_NAMES.plan, message: `Không thấy dòng “${PLAN_ITEMS.version}” (${PLAN_XLSX_TEMPLATE}) ở trang “${SHEET_NAMES.plan}”: tệp không được tạo từ mẫu bảng tính kế hoạch` })
      return fail()
    }
    if (version.get('value') !== PLAN_XLSX_TEMPLATE) {
      version.problem('value', `Mẫu bảng tính phiên bản “${version.get('value').slice(0, 40)}” không đọc được; ứng dụng đọc mẫu “${PLAN_XLSX_TEMPLATE}”: hãy tải mẫu mới và chép số liệu sang`)
      return fail()
    }
  }
  const indicatorsGrid = grids.indicators
  const indicatorsIndex = indicatorsGrid && readHeader('indicators', indicatorsGrid, out)
  const unitsGrid = grids.units
  const unitsIndex = unitsGrid && readHeader('units', unitsGrid, out)
  if (!planGrid || !planIndex || !indicatorsGrid || !indicatorsIndex || !unitsGrid || !unitsIndex) return fail()

  const origins: Origins = { fields: [], indicators: [], units: [], unitTargets: new Map(), phases: [], periods: [], rules: [], movements: [], items: new Map() }

  // --- The plan sheet
  const plan: Record<string, unknown> = { movements: [], phases: [], rules: [] }
  const periods: Record<string, unknown>[] = []
  const source: Record<string, unknown> = {}
  let year: number | undefined
  const periodRows: RowReader[] = []
  for (const row of dataRows('plan', planGrid, planIndex, out, 'code')) {
    const item = row.choice('rowType', PLAN_ITEM_BY_LABEL, PLAN_ITEMS, 'Mục')
    if (item === null) continue
    if (item === undefined) {
      row.problem('rowType', `Chưa ghi mục của dòng (${Object.values(PLAN_ITEMS).join('; ')})`)
      continue
    }
    if (SINGLE_ITEMS.includes(item)) {
      const earlier = origins.items.get(item)
      if (earlier) {
        row.problem('rowType', `Mục “${PLAN_ITEMS[item]}” đã có ở dòng ${earlier.row}`)
        continue
      }
      origins.items.set(item, row)
    }
    switch (item) {
      case 'version':
        break
      case 'year':
        year = row.number('value', { integer: true })
        if (year !== undefined) plan.year = year
        break
      case 'title':
        plan.title = row.get('value')
        break
      case 'number':
      case 'theme':
      case 'signedBy':
        if (row.opt('value') !== undefined) plan[item] = row.get('value')
        break
      case 'issuedOn': {
        const d = row.date('value')
        if (d !== undefined) plan.issuedOn = d
        break
      }
      case 'movement':
        if (row.opt('value') !== undefined) {
          ;(plan.movements as string[]).push(row.get('value'))
          origins.movements.push(row)
        }
        break
      case 'sourceNumber':
        if (row.opt('value') !== undefined) source.number = row.get('value')
        break
      case 'sourceIssuedOn': {
        const d = row.date('value')
        if (d !== undefined) source.issuedOn = d
        break
      }
      case 'sourceYear': {
        const y = row.opt('value') === undefined ? undefined : row.number('value', { integer: true })
        if (y !== undefined) source.year = y
        break
      }
      case 'phase': {
        const from = row.date('from')
        const to = row.date('to')
        const special = row.flag('special')
        ;(plan.phases as unknown[]).push({ code: row.get('code'), name: row.get('value'), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(special === undefined ? {} : { special }) })
        origins.phases.push(row)
        break
      }
      case 'period': {
        const kind = row.choice('periodKind', PERIOD_KINDS, PERIOD_KIND_LABELS, 'Loại kỳ')
        if (kind === undefined) row.problem('periodKind', `Chưa chọn loại kỳ báo cáo (${Object.values(PERIOD_KIND_LABELS).join('; ')})`)
        const dates = { from: row.date('from') ?? '', to: row.date('to') ?? '', deadline: row.date('deadline') ?? '' }
        periods.push({ code: row.get('code'), kind: kind ?? 'month', ...dates })
        periodRows.push(row)
        break
      }
      case 'rule':
        ;(plan.rules as unknown[]).push({ code: row.get('code'), left: row.get('left'), right: row.get('right'), message: row.get('value') })
        origins.rules.push(row)
        break
    }
  }
  if (!origins.items.has('year')) out.add({ sheet: SHEET_NAMES.plan, message: `Thiếu dòng “${PLAN_ITEMS.year}” của kế hoạch` })
  if (!origins.items.has('title')) out.add({ sheet: SHEET_NAMES.plan, message: `Thiếu dòng “${PLAN_ITEMS.title}” của kế hoạch` })
  if (Object.keys(source).length > 0) {
    if (source.year === undefined) {
      const at = origins.items.get('sourceYear') ?? origins.items.get('sourceNumber') ?? origins.items.get('sourceIssuedOn')
      at?.problem('value', `Văn bản gốc cần năm (dòng “${PLAN_ITEMS.sourceYear}”)`)
    }
    plan.source = source
  }
  for (const [i, p] of periods.entries()) {
    p.year = year ?? 2000
    origins.periods.push(periodRows[i] as RowReader)
  }

  // --- Fields and indicators
  const fields: Record<string, unknown>[] = []
  const indicators: Record<string, unknown>[] = []
  const byCode = new Map<string, { row: RowReader; uom: string; ind: Record<string, unknown> }>()
  const fieldCodes = new Map<string, RowReader>()
  const units: Record<string, unknown>[] = []
  const unitCodes = new Map<string, RowReader>()
  // Units first: the reporters column tells unit codes from unit kinds by them.
  const unitRows = dataRows('units', unitsGrid, unitsIndex, out, 'unit')
  const targetRows: RowReader[] = []
  for (const row of unitRows) {
    const type = fold(row.get('rowType'))
    if (type === fold(ROW_UNIT)) {
      const code = row.get('unit')
      const earlier = unitCodes.get(code)
      if (earlier) row.problem('unit', `Mã đơn vị “${code}” trùng với dòng ${earlier.row}`)
      else unitCodes.set(code, row)
      const kind = row.choice('unitKind', UNIT_KINDS, UNIT_KIND_LABELS, 'Loại đơn vị')
      if (kind === undefined) row.problem('unitKind', `Chưa chọn loại đơn vị (${Object.values(UNIT_KIND_LABELS).join('; ')})`)
      units.push({ code, name: row.get('name'), kind: kind ?? 'thon', ...(row.opt('parent') ? { parent: row.get('parent') } : {}) })
      origins.units.push(row)
    } else if (type === fold(ROW_UNIT_TARGET)) {
      targetRows.push(row)
    } else {
      row.problem('rowType', row.get('rowType') === '' ? `Chưa ghi loại dòng (“${ROW_UNIT}” hoặc “${ROW_UNIT_TARGET}”)` : `Loại dòng “${row.get('rowType')}” không đúng: ghi “${ROW_UNIT}” hoặc “${ROW_UNIT_TARGET}”`)
    }
  }
  // A parent the file does not list may be one of the commune's units: the import checks each
  // unit's parent against the commune's units and the file's together.

  for (const row of dataRows('indicators', indicatorsGrid, indicatorsIndex, out, 'code')) {
    const type = fold(row.get('rowType'))
    const code = row.get('code')
    if (type === fold(ROW_FIELD)) {
      const earlier = fieldCodes.get(code)
      if (earlier) row.problem('code', `Mã lĩnh vực “${code}” trùng với dòng ${earlier.row}`)
      else fieldCodes.set(code, row)
      fields.push({ code, name: row.get('name'), ...(row.opt('field') ? { parent: row.get('field') } : {}) })
      origins.fields.push(row)
      continue
    }
    if (type !== fold(ROW_INDICATOR)) {
      row.problem('rowType', row.get('rowType') === '' ? `Chưa ghi loại dòng (“${ROW_FIELD}” hoặc “${ROW_INDICATOR}”)` : `Loại dòng “${row.get('rowType')}” không đúng: ghi “${ROW_FIELD}” hoặc “${ROW_INDICATOR}”`)
      continue
    }
    const earlier = byCode.get(code)
    if (earlier) row.problem('code', `Mã chỉ tiêu “${code}” trùng với dòng ${earlier.row.row}`)
    const aggregation = row.choice('aggregation', AGGREGATIONS, AGGREGATION_LABELS, 'Cách tổng hợp')
    if (aggregation === undefined) row.problem('aggregation', `Chưa chọn cách tổng hợp (${Object.values(AGGREGATION_LABELS).join('; ')})`)
    const scaleText = row.get('scale')
    const scale = scaleText === '' ? undefined : SCALES.get(fold(scaleText))
    if (scaleText !== '' && scale === undefined) row.problem('scale', `Thang tỷ lệ “${scaleText}” không đúng: ghi %, ‰ hoặc 1`)
    const proportion = row.flag('proportion')
    const uom = row.get('unitOfMeasure')
    const target = readTarget(row, uom)
    const reporters = readReporters(row, unitCodes)
    const childrenText = row.get('children')
    const children = childrenText === '' ? undefined : splitList(childrenText)
    const source = row.raw('source')
    const ind: Record<string, unknown> = {
      code,
      name: row.get('name'),
      field: row.get('field'),
      unitOfMeasure: uom,
      aggregation: aggregation ?? 'flow',
      ...(scale === undefined ? {} : { scale }),
      ...(proportion === undefined ? {} : { proportion }),
      ...(target ? { target } : {}),
      ...(children === undefined ? {} : { children }),
      ...(row.opt('formula') ? { formula: row.get('formula') } : {}),
      ...(row.opt('partOf') ? { partOf: row.get('partOf') } : {}),
      reporters,
      ...(source.trim() === '' ? {} : { source }),
    }
    if (!earlier) byCode.set(code, { row, uom, ind })
    indicators.push(ind)
    origins.indicators.push(row)
  }
  plan.fields = fields
  plan.indicators = indicators

  // --- Per-unit targets and baselines
  for (const row of targetRows) {
    const unit = row.get('unit')
    const code = row.get('indicator')
    if (unit === '') row.problem('unit', 'Chưa ghi mã đơn vị')
    if (code === '') {
      row.problem('indicator', 'Chưa ghi mã chỉ tiêu')
      continue
    }
    const found = byCode.get(code)
    if (!found) {
      row.problem('indicator', `Chỉ tiêu “${code}” không có ở trang “${SHEET_NAMES.indicators}”`)
      continue
    }
    const seen = origins.unitTargets.get(unit) ?? new Map<string, RowReader>()
    const earlier = seen.get(code)
    if (earlier) {
      row.problem('indicator', `Chỉ tiêu “${code}” của đơn vị “${unit}” đã có ở dòng ${earlier.row}`)
      continue
    }
    seen.set(code, row)
    origins.unitTargets.set(unit, seen)
    const target = readTarget(row, found.uom)
    const baseline = row.opt('unitBaseline') === undefined ? undefined : row.number('unitBaseline', { allowNegative: true, suffix: found.uom === '%' ? '%' : found.uom === '‰' ? '‰' : undefined })
    if (target === undefined && row.opt('unitBaseline') === undefined) row.problem('kind', 'Chưa chọn loại chỉ tiêu của đơn vị (hoặc ghi số gốc của đơn vị)')
    if (target) found.ind.unitTargets = { ...(found.ind.unitTargets as object | undefined), [unit]: target }
    if (baseline !== undefined) found.ind.baselines = { ...(found.ind.baselines as object | undefined), [unit]: baseline }
  }

  // --- The schema, with what could be read
  const parsedPlan = v.safeParse(PlanSchema, plan)
  if (!parsedPlan.success) for (const issue of parsedPlan.issues) placeIssue(issue, origins, out)
  const parsedUnits = v.safeParse(v.array(UnitSchema), units)
  if (!parsedUnits.success) {
    for (const issue of parsedUnits.issues) {
      const [i, key] = (issue.path ?? []).map((p) => p.key)
      const row = typeof i === 'number' ? origins.units[i] : undefined
      const col = key === 'code' ? 'unit' : key === 'kind' ? 'unitKind' : typeof key === 'string' ? key : undefined
      const label = SHEET_COLUMNS.units.find((c) => c.key === col)?.header
      if (row) row.problem(col, label ? `${label}: ${issueMessage(issue)}` : issueMessage(issue))
      else out.add({ sheet: SHEET_NAMES.units, message: issueMessage(issue) })
    }
  }
  const parsedPeriods: Period[] = []
  periods.forEach((p, i) => {
    const r = v.safeParse(PeriodSchema, p)
    const row = origins.periods[i] as RowReader
    if (r.success) parsedPeriods.push(r.output)
    else for (const issue of r.issues) row.problem(periodColumn(issue.path?.[0]?.key), issueMessage(issue))
  })
  if (out.problems.length > 0 || !parsedPlan.success || !parsedUnits.success) return fail()

  // --- The plan's own checks
  for (const issue of validatePlan(parsedPlan.output, parsedUnits.output)) {
    // A unit the file names without listing it may be one of the commune's: the import checks
    // units against the commune's and the file's together.
    if (issue.code === 'unknown_unit') continue
    const at = issueLocation(issue, origins)
    if (blocksPlan(issue)) out.add({ ...at, message: issue.message })
    else out.warn({ ...at, message: issue.message })
  }
  if (out.problems.length > 0) return fail()
  return { ok: true, bundle: { plan: parsedPlan.output, units: parsedUnits.output, periods: parsedPeriods }, warnings: out.warnings }
}

function periodColumn(key: unknown): string | undefined {
  if (key === 'kind') return 'periodKind'
  if (key === 'year') return undefined
  return typeof key === 'string' ? key : undefined
}

const splitList = (text: string): string[] =>
  text
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

/** "thôn; tổ dân phố; CA; TYT": unit kinds by label (or "mọi thôn") and unit codes; an exact unit code wins. */
function readReporters(row: RowReader, unitCodes: ReadonlyMap<string, unknown>): { kinds: UnitKind[]; units: string[] } {
  const kinds: UnitKind[] = []
  const units: string[] = []
  for (const token of splitList(row.get('reporters'))) {
    if (unitCodes.has(token)) {
      units.push(token)
      continue
    }
    const folded = fold(token).replace(/^(moi|tat ca|cac)\s+/, '')
    const kind = UNIT_KINDS.get(folded)
    if (kind !== undefined) kinds.push(kind)
    else if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(token)) units.push(token)
    else row.problem('reporters', `“${token}” không phải loại đơn vị (${Object.values(UNIT_KIND_LABELS).join('; ')}) hay mã đơn vị`)
  }
  return { kinds, units }
}

/** A schema issue of the plan, on the row and column it came from. */
function placeIssue(issue: v.BaseIssue<unknown>, o: Origins, out: ProblemList): void {
  const keys = (issue.path ?? []).map((p) => p.key)
  const bare = issueMessage(issue)
  const header = (sheet: SheetKey, key: string | undefined): string | undefined => SHEET_COLUMNS[sheet].find((c) => c.key === key)?.header
  /** The message on a row: the column's header first, so that “không được để trống” says what. */
  const on = (row: RowReader, sheet: SheetKey, key: string | undefined, label = header(sheet, key)): void => row.problem(key, label ? `${label}: ${bare}` : bare)
  const message = bare
  const [top, i, prop, sub, subsub] = keys
  const rowOf = (list: RowReader[]): RowReader | undefined => (typeof i === 'number' ? list[i] : undefined)
  switch (top) {
    case 'indicators': {
      const row = rowOf(o.indicators)
      if (!row) break
      if (prop === 'unitTargets' && typeof sub === 'string') {
        const code = row.get('code')
        const at = o.unitTargets.get(sub)?.get(code)
        if (at) {
          on(at, 'units', typeof subsub === 'string' ? TARGET_COLUMN[subsub] : 'kind')
          return
        }
      }
      if (prop === 'target' && typeof sub === 'string') on(row, 'indicators', TARGET_COLUMN[sub] ?? 'value')
      else on(row, 'indicators', typeof prop === 'string' ? INDICATOR_COLUMN[prop] : undefined)
      return
    }
    case 'fields': {
      const row = rowOf(o.fields)
      if (row) return on(row, 'indicators', prop === 'parent' ? 'field' : typeof prop === 'string' ? prop : undefined)
      break
    }
    case 'phases': {
      const row = rowOf(o.phases)
      if (row) return on(row, 'plan', prop === 'name' ? 'value' : typeof prop === 'string' ? prop : undefined, prop === 'name' ? 'Tên đợt' : undefined)
      break
    }
    case 'rules': {
      const row = rowOf(o.rules)
      if (row) return on(row, 'plan', prop === 'message' ? 'value' : typeof prop === 'string' ? prop : undefined, prop === 'message' ? 'Thông báo' : undefined)
      break
    }
    case 'movements': {
      const row = rowOf(o.movements)
      if (row) return on(row, 'plan', 'value', PLAN_ITEMS.movement)
      break
    }
    case 'source': {
      const item: PlanItem = i === 'number' ? 'sourceNumber' : i === 'issuedOn' ? 'sourceIssuedOn' : 'sourceYear'
      const row = o.items.get(item)
      if (row) return on(row, 'plan', 'value', PLAN_ITEMS[item])
      break
    }
    default: {
      const row = typeof top === 'string' ? o.items.get(top as PlanItem) : undefined
      if (row) return on(row, 'plan', 'value', PLAN_ITEMS[top as PlanItem])
      // A missing year or title row is already reported.
      if (top === 'year' || top === 'title') return
    }
  }
  const where = top === 'indicators' || top === 'fields' ? SHEET_NAMES.indicators : SHEET_NAMES.plan
  out.add({ sheet: where, message: keys.length > 0 ? `${keys.join('.')}: ${message}` : message })
}

/** A plan issue on the row of what it names first: an indicator, a field, a unit or a rule. */
function issueLocation(issue: ValidationIssue, o: Origins): Omit<PlanFileProblem, 'message'> {
  const ref = issue.refs[0]
  const find = (rows: RowReader[], key: string): RowReader | undefined => rows.find((r) => r.get(key) === ref)
  const row = find(o.indicators, 'code') ?? find(o.fields, 'code') ?? find(o.units, 'unit') ?? find(o.rules, 'code')
  if (!row) return {}
  const { message: _m, ...at } = row.at()
  return at
}
