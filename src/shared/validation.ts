// Validation rules for a plan and for reported figures (docs/domain.md): children sum to the
// parent, a derived figure follows its formula, declared equalities hold, a part never
// exceeds its whole, numerator ≤ denominator, and plausibility warnings: outliers against a
// unit's own history, the commune's target, the other units' figures and a stock's last figure.
import type { Indicator, Plan, Target, Unit, ValueData } from './model'
import { computedExpr, valueKindOf } from './aggregation'
import { evaluateFormula, formulaRefs, parseFormula, renderFormula, type Expr } from './formula'
import { formatViAmount, formatViNumber } from './numbers'
import { targetFigure } from './targets'

export type IssueCode =
  | 'duplicate_code'
  | 'unknown_field'
  | 'unknown_parent'
  | 'unknown_unit'
  | 'unknown_indicator'
  | 'formula_syntax'
  | 'cycle'
  | 'target_mismatch'
  | 'children_sum'
  | 'derived_mismatch'
  | 'equality'
  | 'part_exceeds_whole'
  | 'shares_sum'
  | 'ratio_bounds'
  | 'value_kind'
  | 'outlier'
  | 'above_commune_target'
  | 'far_from_peers'
  | 'computed_off_target'
  | 'stock_jump'

export interface ValidationIssue {
  code: IssueCode
  /**
   * An error is a mistake; a warning asks for a second look (an outlier needs a note). A plan with
   * a structural error cannot be saved (`blocksPlan`); its own arithmetic slips are shown only.
   */
  severity: 'error' | 'warning'
  /** The indicators (or units, fields) involved, the first being the one to show it on. */
  refs: string[]
  /** Vietnamese, ready for the UI. */
  message: string
  expected?: number
  actual?: number
}

/** Decimal places a stated figure carries (up to 6): 1448.5 → 1, 228 → 0. */
export function decimalsOf(x: number): number {
  for (let d = 0; d < 6; d++) {
    const scaled = x * 10 ** d
    // An absolute tolerance for small figures, a relative one for large (11.327.811.000 đồng).
    if (Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, 1e-9 * Math.abs(scaled))) return d
  }
  return 6
}

/**
 * A stated figure agrees with a computed one when it equals the computed figure rounded to the
 * stated figure's own precision: 1.448,5 against 229 × 65 ÷ 10 = 1.488,5 does not.
 */
export function agreesWith(stated: number, computed: number): boolean {
  const half = 0.5 * 10 ** -decimalsOf(stated)
  return Math.abs(stated - computed) <= half + 1e-9 * Math.max(1, Math.abs(stated))
}

const fmt = (x: number): string => formatViNumber(x, 4)

function issue(code: IssueCode, severity: ValidationIssue['severity'], refs: string[], message: string, extra: Partial<ValidationIssue> = {}): ValidationIssue {
  return { code, severity, refs, message, ...extra }
}

// ---------------------------------------------------------------------------
// Plan structure

function duplicates(codes: readonly string[]): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const c of codes) (seen.has(c) ? dup : seen).add(c)
  return [...dup]
}

/** Indicators whose computation depends on themselves, through formulas or children. */
function cycles(indicators: readonly Indicator[]): string[] {
  const deps = new Map<string, string[]>()
  for (const i of indicators) {
    const expr = computedExpr(i)
    deps.set(i.code, expr ? formulaRefs(expr) : [])
  }
  const state = new Map<string, 'visiting' | 'done'>()
  const inCycle = new Set<string>()
  const visit = (code: string, stack: string[]): void => {
    const s = state.get(code)
    if (s === 'done') return
    if (s === 'visiting') {
      for (const c of stack.slice(stack.indexOf(code))) inCycle.add(c)
      return
    }
    state.set(code, 'visiting')
    for (const d of deps.get(code) ?? []) visit(d, [...stack, code])
    state.set(code, 'done')
  }
  for (const i of indicators) visit(i.code, [])
  return [...inCycle]
}

const TARGET_KINDS_BY_AGGREGATION: Record<Indicator['aggregation'], readonly Target['kind'][]> = {
  flow: ['at_least', 'at_most', 'range', 'growth', 'shares', 'derived'],
  stock: ['at_least', 'at_most', 'range', 'reduce_by', 'growth', 'derived'],
  rate: ['rate_at_least', 'at_most', 'range', 'reduce_by', 'derived'],
  yes_no: ['yes_no'],
}

function structureIssues(plan: Plan, units: readonly Unit[] | undefined): ValidationIssue[] {
  const out: ValidationIssue[] = []
  const fieldCodes = new Set(plan.fields.map((f) => f.code))
  const indicatorCodes = new Set(plan.indicators.map((i) => i.code))
  const unitCodes = units ? new Set(units.map((u) => u.code)) : undefined
  for (const c of duplicates(plan.fields.map((f) => f.code))) out.push(issue('duplicate_code', 'error', [c], `Mã lĩnh vực “${c}” bị trùng`))
  for (const c of duplicates(plan.indicators.map((i) => i.code))) out.push(issue('duplicate_code', 'error', [c], `Mã chỉ tiêu “${c}” bị trùng`))
  for (const f of plan.fields) {
    if (f.parent !== undefined && !fieldCodes.has(f.parent)) out.push(issue('unknown_parent', 'error', [f.code], `Lĩnh vực “${f.name}” thuộc lĩnh vực không tồn tại “${f.parent}”`))
  }
  const unknownRef = (i: Indicator, ref: string, what: string): void => {
    if (!indicatorCodes.has(ref)) out.push(issue('unknown_indicator', 'error', [i.code], `Chỉ tiêu “${i.name}”: ${what} “${ref}” không có trong kế hoạch`))
  }
  for (const i of plan.indicators) {
    if (!fieldCodes.has(i.field)) out.push(issue('unknown_field', 'error', [i.code], `Chỉ tiêu “${i.name}” thuộc lĩnh vực không tồn tại “${i.field}”`))
    for (const c of i.children ?? []) unknownRef(i, c, 'chỉ tiêu con')
    if (i.partOf !== undefined) unknownRef(i, i.partOf, 'chỉ tiêu “trong đó” của')
    if (i.formula !== undefined) {
      const parsed = parseFormula(i.formula)
      if (!parsed.ok) out.push(issue('formula_syntax', 'error', [i.code], `Công thức của “${i.name}” sai ở vị trí ${parsed.at + 1}: ${parsed.message}`))
      else for (const r of formulaRefs(parsed.expr)) unknownRef(i, r, 'công thức dùng')
    }
    if (i.target) {
      if (!TARGET_KINDS_BY_AGGREGATION[i.aggregation].includes(i.target.kind)) {
        out.push(issue('target_mismatch', 'error', [i.code], `Chỉ tiêu “${i.name}”: loại chỉ tiêu “${i.target.kind}” không dùng được với cách tổng hợp “${i.aggregation}”`))
      }
      if (i.target.kind === 'derived' && i.formula === undefined && (i.children?.length ?? 0) === 0) {
        out.push(issue('target_mismatch', 'error', [i.code], `Chỉ tiêu “${i.name}” là chỉ tiêu tính toán nhưng không có công thức`))
      }
      if (i.target.kind === 'shares') {
        for (const p of i.target.parts) unknownRef(i, p.indicator, 'phần cơ cấu')
        const total = i.target.parts.reduce((s, p) => s + p.percent, 0)
        if (Math.abs(total - 100) > 1e-6) {
          out.push(issue('shares_sum', 'error', [i.code], `Cơ cấu “${i.name}” cộng lại được ${fmt(total)}%, không phải 100%`, { expected: 100, actual: total }))
        }
      }
    }
    if (i.aggregation === 'rate' && i.scale === undefined) {
      out.push(issue('target_mismatch', 'error', [i.code], `Chỉ tiêu tỷ lệ “${i.name}” cần hệ số (100 cho %, 1000 cho ‰)`))
    }
    if (unitCodes) {
      for (const u of [...i.reporters.units, ...Object.keys(i.unitTargets ?? {}), ...Object.keys(i.baselines ?? {})]) {
        if (!unitCodes.has(u)) out.push(issue('unknown_unit', 'error', [i.code], `Chỉ tiêu “${i.name}” giao cho đơn vị không tồn tại “${u}”`))
      }
    }
  }
  for (const r of plan.rules) {
    for (const [side, src] of [
      ['trái', r.left],
      ['phải', r.right],
    ] as const) {
      const parsed = parseFormula(src)
      if (!parsed.ok) out.push(issue('formula_syntax', 'error', [r.code], `Quy tắc “${r.code}”, vế ${side}: ${parsed.message}`))
      else for (const ref of formulaRefs(parsed.expr)) if (!indicatorCodes.has(ref)) out.push(issue('unknown_indicator', 'error', [r.code], `Quy tắc “${r.code}” dùng chỉ tiêu không có “${ref}”`))
    }
  }
  for (const c of cycles(plan.indicators)) out.push(issue('cycle', 'error', [c], `Chỉ tiêu “${c}” được tính từ chính nó (vòng lặp công thức)`))
  return out
}

// ---------------------------------------------------------------------------
// Relations between figures: the same rules for a plan's targets and for reported results

type RelationIndicator = Pick<Indicator, 'code' | 'name' | 'formula' | 'children' | 'partOf'>

/**
 * Checks the relations that must hold between figures: a parent equals the sum of its
 * children, a derived figure its formula, a part stays within its whole, and each declared
 * equality. Relations with a missing figure are skipped (they are checked once complete).
 */
export function checkRelations(
  indicators: readonly RelationIndicator[],
  rules: Plan['rules'],
  figures: ReadonlyMap<string, number>,
  what: 'target' | 'value',
): ValidationIssue[] {
  const out: ValidationIssue[] = []
  const noun = what === 'target' ? 'chỉ tiêu' : 'số liệu'
  const byCode = new Map(indicators.map((i) => [i.code, i]))
  const name = (code: string): string => byCode.get(code)?.name ?? code
  for (const i of indicators) {
    const stated = figures.get(i.code)
    if (stated === undefined) continue
    const expr = computedExpr(i)
    if (expr) {
      const computed = evaluateFormula(expr, figures)
      if (computed !== undefined && !agreesWith(stated, computed)) {
        const code: IssueCode = i.formula !== undefined ? 'derived_mismatch' : 'children_sum'
        // Name every input with its figure: any one of them may be the wrong one.
        const how = renderFormula(expr, (c) => `${name(c)} (${fmt(figures.get(c) ?? Number.NaN)})`, fmt)
        out.push(
          issue(
            code,
            'error',
            [i.code, ...formulaRefs(expr)],
            `${capitalize(noun)} “${i.name}” ghi ${fmt(stated)} nhưng ${how} = ${fmt(computed)}: một trong các số này chưa khớp`,
            { expected: computed, actual: stated },
          ),
        )
      }
    }
    if (i.partOf !== undefined) {
      const whole = figures.get(i.partOf)
      if (whole !== undefined && stated > whole && !agreesWith(whole, stated)) {
        out.push(
          issue('part_exceeds_whole', 'error', [i.code, i.partOf], `“${i.name}” (${fmt(stated)}) lớn hơn tổng “${name(i.partOf)}” (${fmt(whole)}) mà nó thuộc về`, {
            expected: whole,
            actual: stated,
          }),
        )
      }
    }
  }
  for (const r of rules) {
    const left = evalSource(r.left, figures)
    const right = evalSource(r.right, figures)
    if (left !== undefined && right !== undefined && !agreesWith(right, left) && !agreesWith(left, right)) {
      out.push(issue('equality', 'error', [r.code], `${r.message}: ${fmt(left)} ≠ ${fmt(right)}`, { expected: right, actual: left }))
    }
  }
  return out
}

function evalSource(src: string, figures: ReadonlyMap<string, number>): number | undefined {
  const parsed = parseFormula(src)
  return parsed.ok ? evaluateFormula(parsed.expr, figures) : undefined
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/** The single figure each target states, by indicator code (yes/no, growth and shares name none). */
export function targetFigures(plan: Pick<Plan, 'indicators'>): Map<string, number> {
  const out = new Map<string, number>()
  for (const i of plan.indicators) {
    const f = i.target ? targetFigure(i.target) : undefined
    if (f !== undefined) out.set(i.code, f)
  }
  return out
}

/**
 * The relations between a plan's stated figures. A real plan may carry such a slip (the
 * Trương Quang Trọng rice line): the officer sees it, and the plan is saved as issued.
 */
export const ARITHMETIC_ISSUES: ReadonlySet<IssueCode> = new Set<IssueCode>(['derived_mismatch', 'children_sum', 'equality', 'part_exceeds_whole'])

/** Whether an issue stops a plan from being saved: any error but the plan's own arithmetic. */
export function blocksPlan(issue: Pick<ValidationIssue, 'code' | 'severity'>): boolean {
  return issue.severity === 'error' && !ARITHMETIC_ISSUES.has(issue.code)
}

/** Every structural problem of a plan, then the arithmetic of its own targets. */
export function validatePlan(plan: Plan, units?: readonly Unit[]): ValidationIssue[] {
  const structure = structureIssues(plan, units)
  if (structure.some((i) => i.code === 'formula_syntax' || i.code === 'cycle')) return structure
  return [...structure, ...checkRelations(plan.indicators, plan.rules, targetFigures(plan), 'target')]
}

// ---------------------------------------------------------------------------
// One cell

/** A cell's shape matches its indicator, and a proportion's numerator stays within its denominator. */
export function checkValue(indicator: Pick<Indicator, 'code' | 'name' | 'aggregation' | 'proportion'>, data: ValueData): ValidationIssue[] {
  const expected = valueKindOf(indicator)
  if (data.kind !== expected) {
    return [issue('value_kind', 'error', [indicator.code], `Chỉ tiêu “${indicator.name}” cần ${KIND_NAMES[expected]}, không phải ${KIND_NAMES[data.kind]}`)]
  }
  if (data.kind === 'ratio') {
    if (!(data.denominator > 0)) return [issue('ratio_bounds', 'error', [indicator.code], `“${indicator.name}”: mẫu số phải lớn hơn 0`)]
    if (indicator.proportion !== false && (data.numerator < 0 || data.numerator > data.denominator)) {
      return [
        issue('ratio_bounds', 'error', [indicator.code], `“${indicator.name}”: tử số (${fmt(data.numerator)}) phải từ 0 đến mẫu số (${fmt(data.denominator)})`, {
          expected: data.denominator,
          actual: data.numerator,
        }),
      ]
    }
  }
  return []
}

const KIND_NAMES: Record<ValueData['kind'], string> = {
  number: 'một con số',
  ratio: 'tử số và mẫu số',
  yes_no: 'câu trả lời đạt / không đạt',
}

export interface OutlierOptions {
  /** How many times above or below the usual level counts as far off. Default 3. */
  factor?: number
  /** Fewest earlier figures needed before judging. Default 2. */
  minHistory?: number
}

/**
 * A figure far from the unit's own history (the median of its earlier figures for comparable
 * periods) is flagged for a second look: a warning that needs a note, never a refusal.
 */
export function checkOutlier(
  indicator: Pick<Indicator, 'code' | 'name'>,
  value: number,
  history: readonly number[],
  options: OutlierOptions = {},
): ValidationIssue | undefined {
  const factor = options.factor ?? 3
  if (history.length < (options.minHistory ?? 2)) return undefined
  const usual = median(history)
  if (usual <= 0) return undefined
  const ratio = value / usual
  if (ratio <= factor && ratio >= 1 / factor) return undefined
  const how = ratio > factor ? `cao gấp ${fmt(round1(ratio))} lần` : value <= 0 ? 'thấp bất thường so với' : `chỉ bằng ${fmt(round1(ratio * 100))}%`
  return issue('outlier', 'warning', [indicator.code], `“${indicator.name}”: ${fmt(value)} ${how} mức thường thấy của đơn vị (${fmt(usual)}). Vui lòng kiểm tra lại hoặc ghi chú lý do.`, {
    expected: usual,
    actual: value,
  })
}

function round1(x: number): number {
  return Math.round(x * 10) / 10
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}


// ---------------------------------------------------------------------------
// Plausibility beyond the unit's own history. A brand-new unit has no history, so these checks
// judge a figure against what the plan and the other units say. Every one is a warning that asks
// for a note, never a refusal: the figure is kept as typed.

/** A stock more than this many times above or below the previous period's figure is a warning. */
export const STOCK_JUMP_FACTOR = 3
/**
 * A figure more than this many times above or below the median of the other units of the same
 * kind is a warning. Wider than the history factor (3): villages differ in size far more than one
 * village differs from itself between periods.
 */
export const PEER_FACTOR = 5
/** Fewest other units whose figures make a median worth comparing with. */
export const MIN_PEERS = 3
/** A computed intensive figure (a yield) more than this many times above or below its target is a warning. */
export const COMPUTED_FACTOR = 3

type PlausibilityIndicator = Pick<Indicator, 'code' | 'name' | 'unitOfMeasure' | 'aggregation' | 'target' | 'reporters' | 'formula' | 'children'>

const amount = (x: number, ind: Pick<Indicator, 'unitOfMeasure'>): string => formatViAmount(x, ind.unitOfMeasure, 4)
const CHECK_OR_NOTE = 'Vui lòng kiểm tra lại hoặc ghi chú lý do.'

/** "gấp 333,3 lần" / "chỉ bằng 4%": how `value` stands against `usual` (> 0). */
function howFar(value: number, usual: number): string {
  const ratio = value / usual
  return ratio >= 1 ? `gấp ${fmt(round1(ratio))} lần` : `chỉ bằng ${fmt(round1(ratio * 100))}%`
}

/** Whether `value` is more than `factor` times above or below `usual` (> 0). */
const far = (value: number, usual: number, factor: number): boolean => value > usual * factor || value * factor < usual

/**
 * The commune's whole-year figure that no single unit's figure can plausibly pass: the total an
 * `at_least` or `range` target (its top) sets, the commune's start-of-year level a `reduce_by`
 * target falls from, the level a `growth` target rises to. Only for a typed flow or stock (they sum
 * across units); a rate or a yield is a level each unit has on its own, and `at_most` is a cap a
 * unit may legitimately break (that is a failed target, not a typing slip).
 */
export function communeWholeFigure(indicator: Pick<Indicator, 'aggregation' | 'target' | 'formula' | 'children'>): number | undefined {
  const t = indicator.target
  if (!t || (indicator.aggregation !== 'flow' && indicator.aggregation !== 'stock') || computedExpr(indicator)) return undefined
  switch (t.kind) {
    case 'at_least':
      return t.value > 0 ? t.value : undefined
    case 'range':
      return t.max > 0 ? t.max : undefined
    case 'reduce_by':
      return t.baseline !== undefined && t.baseline > 0 ? t.baseline : undefined
    case 'growth':
      return t.baseValue !== undefined ? t.baseValue * (1 + (t.maxPercent ?? t.percent) / 100) : undefined
    default:
      return undefined
  }
}

/**
 * (a) One unit's figure above the commune's whole-year figure: one village cannot harvest more
 * rice than the plan expects of the whole commune. Skipped when the unit is the only one
 * reporting the indicator (its figure is the commune's, and above the target is *vượt*):
 * `reportingUnits` when known (the server), else the plan's reporters (a unit kind means several).
 */
export function checkAboveCommuneTarget(indicator: PlausibilityIndicator, value: number, reportingUnits?: number): ValidationIssue | undefined {
  const shared = reportingUnits !== undefined ? reportingUnits > 1 : indicator.reporters.kinds.length > 0 || indicator.reporters.units.length > 1
  const whole = shared ? communeWholeFigure(indicator) : undefined
  if (whole === undefined || !(value > whole)) return undefined
  return issue(
    'above_commune_target',
    'warning',
    [indicator.code],
    `“${indicator.name}”: ${amount(value, indicator)} của một đơn vị đã vượt chỉ tiêu cả năm của toàn xã (${amount(whole, indicator)}). ${CHECK_OR_NOTE}`,
    { expected: whole, actual: value },
  )
}

/**
 * (b) A figure more than `factor` times above or below the median of the other units of the same
 * kind for the same period (at least `minPeers` of them). A zero is not judged: a unit may simply
 * have none (no rice fields), and a median of zero says nothing.
 */
export function checkAgainstPeers(
  indicator: PlausibilityIndicator,
  value: number,
  peers: readonly number[],
  options: { factor?: number; minPeers?: number } = {},
): ValidationIssue | undefined {
  if (peers.length < (options.minPeers ?? MIN_PEERS) || !(value > 0)) return undefined
  const usual = median(peers)
  if (!(usual > 0) || !far(value, usual, options.factor ?? PEER_FACTOR)) return undefined
  return issue(
    'far_from_peers',
    'warning',
    [indicator.code],
    `“${indicator.name}”: ${amount(value, indicator)} ${howFar(value, usual)} mức giữa của ${peers.length} đơn vị cùng loại trong kỳ này (${amount(usual, indicator)}). ${CHECK_OR_NOTE}`,
    { expected: usual, actual: value },
  )
}

/**
 * (d) A stock (a herd, pupils enrolled) more than `factor` times above or below the previous
 * period's figure. A stock carries over between periods, unlike a flow, so a jump is a slip more
 * often than a fact. A fall to zero counts: a whole herd gone needs a word.
 */
export function checkStockJump(indicator: PlausibilityIndicator, value: number, previous: number | undefined, factor = STOCK_JUMP_FACTOR): ValidationIssue | undefined {
  if (indicator.aggregation !== 'stock' || computedExpr(indicator) || previous === undefined || !(previous > 0) || value < 0 || !far(value, previous, factor)) return undefined
  const how = value === 0 ? 'giảm về 0 so với' : value > previous ? `${howFar(value, previous)}` : `giảm còn ${fmt(round1((value / previous) * 100))}%`
  return issue(
    'stock_jump',
    'warning',
    [indicator.code],
    `“${indicator.name}”: ${amount(value, indicator)} ${how} kỳ trước (${amount(previous, indicator)}). ${CHECK_OR_NOTE}`,
    { expected: previous, actual: value },
  )
}

/** What a typed figure is judged against; each part is optional (a new unit has no history). */
export interface FigureContext {
  /** The unit's figures for earlier periods of the same kind. */
  history?: readonly number[]
  /** The unit's figure for the previous period of the same kind. */
  previous?: number | undefined
  /** The other units of the same kind, same period. */
  peers?: readonly number[]
  /** How many units report the indicator, when known. */
  reportingUnits?: number | undefined
}

/** Every plausibility warning of one typed figure: the unit's history, the commune's target, the other units, a stock's jump. */
export function plausibilityWarnings(indicator: PlausibilityIndicator, value: number, ctx: FigureContext): ValidationIssue[] {
  if (indicator.aggregation === 'yes_no' || computedExpr(indicator)) return []
  const found = [
    checkOutlier(indicator, value, ctx.history ?? []),
    checkAboveCommuneTarget(indicator, value, ctx.reportingUnits),
    checkAgainstPeers(indicator, value, ctx.peers ?? []),
    checkStockJump(indicator, value, ctx.previous),
  ]
  return found.filter((i): i is ValidationIssue => i !== undefined)
}

/**
 * Whether a formula gives a level that does not grow with the size of the unit (a yield: output ×
 * 10 ÷ area): the same figure when every input is ten times larger. Only such a figure can be
 * compared, for one unit, with the commune's target; an output computed as area × yield cannot.
 */
export function isIntensive(expr: Expr, figures: ReadonlyMap<string, number>): boolean {
  const at = evaluateFormula(expr, figures)
  const scaled = new Map(formulaRefs(expr).map((c) => [c, (figures.get(c) ?? Number.NaN) * 10]))
  const big = evaluateFormula(expr, scaled)
  return at !== undefined && big !== undefined && Math.abs(big - at) <= 1e-9 * Math.max(1, Math.abs(at))
}

/**
 * (c) A computed level (a yield from output and area) more than `factor` times above or below
 * its target: 99.999 t of rice on 45 ha is 22.222 tạ/ha against 65. Children sums and extensive
 * formulas are left out (a unit's share of a total is far below the commune's target by nature).
 * `inputTargets` supplies a `derived` target that states no figure (computed from the inputs' targets).
 */
export function checkComputedFigure(
  indicator: PlausibilityIndicator,
  figures: ReadonlyMap<string, number>,
  options: { factor?: number; inputTargets?: ReadonlyMap<string, number>; nameOf?: (code: string) => string } = {},
): ValidationIssue | undefined {
  const t = indicator.target
  if (indicator.formula === undefined || !t) return undefined
  const expr = computedExpr(indicator)
  const computed = expr ? evaluateFormula(expr, figures) : undefined
  if (!expr || computed === undefined || !isIntensive(expr, figures)) return undefined
  const target = t.kind === 'derived' && t.value === undefined && options.inputTargets ? evaluateFormula(expr, options.inputTargets) : targetFigure(t)
  if (target === undefined || !(target > 0) || !(computed >= 0) || !far(computed, target, options.factor ?? COMPUTED_FACTOR)) return undefined
  const nameOf = options.nameOf ?? ((c: string) => c)
  const how = renderFormula(expr, (c) => `${nameOf(c)} (${fmt(figures.get(c) ?? Number.NaN)})`, fmt)
  return issue(
    'computed_off_target',
    'warning',
    [indicator.code, ...formulaRefs(expr)],
    `“${indicator.name}” tính ra ${amount(computed, indicator)} (${how}), ${howFar(computed, target)} chỉ tiêu (${amount(target, indicator)}). Vui lòng kiểm tra lại các số đã nhập hoặc ghi chú lý do.`,
    { expected: target, actual: computed },
  )
}
