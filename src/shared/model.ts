// The domain model shared by client and server: runtime schemas (valibot) and the
// types inferred from them. Names follow the glossary in docs/domain.md.
import * as v from 'valibot'
import { TextSchema } from './text'

/** A stable, human-readable code: `KT-01`, `TDP-3`, `2.4a`. Used to cross-reference inside a plan file. */
export const CodeSchema = v.pipe(
  TextSchema,
  v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'mã chỉ gồm chữ không dấu, số, ., _ hoặc -, tối đa 40 ký tự'),
)

export const NonEmpty = (max: number) => v.pipe(TextSchema, v.trim(), v.minLength(1, 'không được để trống'), v.maxLength(max))

/** ISO calendar date, `2023-06-30`. */
export const IsoDateSchema = v.pipe(TextSchema, v.isoDate('ngày phải có dạng YYYY-MM-DD'))

/** Finite and within a sane range: no NaN, no Infinity, nothing a typo of ten extra zeros makes. */
export const FiniteNumberSchema = v.pipe(
  v.number(),
  v.finite('số không hợp lệ'),
  v.minValue(-1e15, 'số quá nhỏ'),
  v.maxValue(1e15, 'số quá lớn'),
)

// ---------------------------------------------------------------------------
// Commune and units

/**
 * Xã, phường and (since 1 July 2025) đặc khu; thị trấn only survives in plans from before the
 * reform, which abolished districts and the towns that were their seats.
 */
export const CommuneKindSchema = v.picklist(['xa', 'phuong', 'dac_khu', 'thi_tran'])
export type CommuneKind = v.InferOutput<typeof CommuneKindSchema>

/**
 * Mã đơn vị hành chính (the official code of Decision 19/2025/QĐ-TTg and its predecessors):
 * 2 digits for a province, 5 for a commune.
 */
export const ProvinceAdminCodeSchema = v.pipe(TextSchema, v.trim(), v.regex(/^\d{2}$/, 'mã đơn vị hành chính của tỉnh gồm 2 chữ số'))
export const CommuneAdminCodeSchema = v.pipe(TextSchema, v.trim(), v.regex(/^\d{5}$/, 'mã đơn vị hành chính của xã gồm 5 chữ số'))

export const CommuneSchema = v.object({
  code: CodeSchema,
  name: NonEmpty(120),
  kind: CommuneKindSchema,
  /** Only in plans from before 1 July 2025: the district (huyện, thị xã, thành phố thuộc tỉnh) it belonged to. */
  district: v.optional(NonEmpty(120)),
  province: NonEmpty(120),
  adminCode: v.optional(CommuneAdminCodeSchema),
})
export type Commune = v.InferOutput<typeof CommuneSchema>

/** Residential units (thôn, tổ dân phố, khóm, ấp, bản) and the agencies that report. */
export const UnitKindSchema = v.picklist([
  'thon',
  'to_dan_pho',
  'khom',
  'ap',
  'ban',
  'tram_y_te',
  'truong_hoc',
  'cong_an',
  'quan_su',
  'bo_phan',
  'doan_the',
  'htx',
])
export type UnitKind = v.InferOutput<typeof UnitKindSchema>

export const RESIDENTIAL_UNIT_KINDS: readonly UnitKind[] = ['thon', 'to_dan_pho', 'khom', 'ap', 'ban']

export const UnitSchema = v.object({
  code: CodeSchema,
  name: NonEmpty(120),
  kind: UnitKindSchema,
  /** Parent unit code; absent for a unit directly under the commune. */
  parent: v.optional(CodeSchema),
})
export type Unit = v.InferOutput<typeof UnitSchema>

/**
 * reporter, officer and leader belong to one commune; province_admin and province_viewer to one
 * province (they create communes and officers, or only read); admin is the system administrator.
 */
export const RoleSchema = v.picklist(['reporter', 'officer', 'leader', 'admin', 'province_admin', 'province_viewer'])
export type Role = v.InferOutput<typeof RoleSchema>

/** What a user name is made of: 3–40 lower-case letters without accents, digits, ., _ or -. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/

/** The fewest characters a password (or a PIN's digits) may have (shared/province.ts PasswordSchema). */
export const PASSWORD_MIN = 6

// ---------------------------------------------------------------------------
// Plan structure

export const PhaseSchema = v.pipe(
  v.object({
    code: CodeSchema,
    name: NonEmpty(120),
    /**
     * A phase of fixed dates has both. A special phase (đợt thi đua đặc biệt: a flood, an
     * anniversary campaign) has none until the officer opens it (`from`), and no end until the
     * officer closes it (`to`).
     */
    from: v.optional(IsoDateSchema),
    to: v.optional(IsoDateSchema),
    /** Đợt đặc biệt: opened and closed by the officer rather than set with dates in the plan. */
    special: v.optional(v.boolean()),
  }),
  v.check((p) => p.special === true || (p.from !== undefined && p.to !== undefined), 'đợt thi đua thường cần ngày bắt đầu và ngày kết thúc; đợt không có ngày là đợt đặc biệt'),
  v.check((p) => p.to === undefined || p.from !== undefined, 'đợt thi đua chưa bắt đầu thì chưa kết thúc được'),
  v.check((p) => p.from === undefined || p.to === undefined || p.from <= p.to, 'đợt thi đua phải kết thúc sau khi bắt đầu'),
)
export type Phase = v.InferOutput<typeof PhaseSchema>

/** Lĩnh vực. Fields nest through `parent` (2 Văn hoá – xã hội → 2.a Giáo dục). */
export const FieldSchema = v.object({
  code: CodeSchema,
  name: NonEmpty(200),
  parent: v.optional(CodeSchema),
})
export type Field = v.InferOutput<typeof FieldSchema>

/**
 * How values of an indicator combine.
 * - `flow`: an amount that accrues (tonnes harvested, jobs created, money collected): sums across
 *   units, accumulates over the year (lũy kế).
 * - `stock`: a level at a moment (herd size, pupils at the start of the school year): sums each
 *   unit's latest value; over time the latest period counts.
 * - `rate`: numerator ÷ denominator, stored as both: Σnum ÷ Σden across units, latest over time.
 * - `yes_no`: achieved only when every reporting unit achieved it; latest over time.
 */
export const AggregationSchema = v.picklist(['flow', 'stock', 'rate', 'yes_no'])
export type Aggregation = v.InferOutput<typeof AggregationSchema>

/** The nine target kinds of docs/domain.md. Numbers are in the indicator's unit (a rate in % or ‰). */
export const TargetSchema = v.variant('kind', [
  // "đạt 11.327.811.000 đồng", "tạo việc làm cho 270 người"; strict: "trên 200 người"
  v.object({ kind: v.literal('at_least'), value: FiniteNumberSchema, strict: v.optional(v.boolean()) }),
  // "tỷ lệ tham gia BHYT đạt 95%"; strict: "trên 70%"
  v.object({ kind: v.literal('rate_at_least'), value: FiniteNumberSchema, strict: v.optional(v.boolean()) }),
  // "dưới 5,6%" (strict) or "bằng hoặc dưới 6%" (not strict)
  v.object({ kind: v.literal('at_most'), value: FiniteNumberSchema, strict: v.boolean() }),
  // "đạt 90 - 95%": below min is short, min..max achieved, above max exceeded
  v.pipe(
    v.object({ kind: v.literal('range'), min: FiniteNumberSchema, max: FiniteNumberSchema }),
    v.check((t) => t.min <= t.max, 'khoảng chỉ tiêu: giá trị đầu phải nhỏ hơn hoặc bằng giá trị cuối'),
  ),
  // "số hộ nghèo giảm 01 hộ", "tỷ lệ hộ nghèo giảm từ 0,2 – 0,5%" (on a rate: percentage points):
  // the value reported is the level, the reduction is measured from `baseline` (the level at the
  // start of the year). `relative`: "giảm 15% so với đầu năm", the amount is a share of the
  // baseline, so the level must come down to baseline × (1 − 15%).
  v.pipe(
    v.object({
      kind: v.literal('reduce_by'),
      amount: v.pipe(FiniteNumberSchema, v.minValue(0)),
      max: v.optional(FiniteNumberSchema),
      relative: v.optional(v.boolean()),
      baseline: v.optional(FiniteNumberSchema),
    }),
    v.check((t) => t.max === undefined || t.max >= t.amount, 'mức giảm tối đa phải lớn hơn mức tối thiểu'),
    v.check((t) => !t.relative || (t.max ?? t.amount) <= 100, 'mức giảm theo phần trăm không quá 100%'),
    v.check((t) => !t.relative || t.baseline === undefined || t.baseline > 0, 'số đầu năm của mức giảm theo phần trăm phải lớn hơn 0'),
  ),
  // "giá trị sản xuất tăng 10% so với năm 2022", "nông nghiệp tăng 5-7%"
  v.pipe(
    v.object({
      kind: v.literal('growth'),
      percent: FiniteNumberSchema,
      maxPercent: v.optional(FiniteNumberSchema),
      baseYear: v.pipe(v.number(), v.integer(), v.minValue(1990), v.maxValue(2100)),
      baseValue: v.optional(v.pipe(FiniteNumberSchema, v.gtValue(0, 'giá trị năm gốc phải lớn hơn 0'))),
    }),
    v.check((t) => t.maxPercent === undefined || t.maxPercent >= t.percent, 'mức tăng tối đa phải lớn hơn mức tối thiểu'),
  ),
  // "cơ cấu kinh tế: nông nghiệp 38,5%, CN – XD 29,4%, TM – DV 32,1%": each part is a child indicator
  v.object({
    kind: v.literal('shares'),
    parts: v.pipe(
      v.array(v.object({ indicator: CodeSchema, percent: v.pipe(FiniteNumberSchema, v.minValue(0), v.maxValue(100)) })),
      v.minLength(2, 'cơ cấu cần ít nhất hai phần'),
    ),
    /** Percentage points a share may differ from its target and still count as achieved. */
    tolerance: v.optional(v.pipe(FiniteNumberSchema, v.minValue(0)), 1),
  }),
  // "lúa: 229 ha × 65 tạ/ha = sản lượng 1.448,5 tấn": the target follows the indicator's formula
  // applied to its inputs' targets; `value` is the figure the plan states (checked against it).
  v.object({ kind: v.literal('derived'), value: v.optional(FiniteNumberSchema) }),
  // "giữ vững phường đạt chuẩn an toàn về ANTT", "không để dịch bệnh gia súc"
  v.object({ kind: v.literal('yes_no') }),
])
export type Target = v.InferOutput<typeof TargetSchema>
export type TargetKind = Target['kind']
export const TARGET_KINDS: readonly TargetKind[] = [
  'at_least',
  'rate_at_least',
  'at_most',
  'range',
  'reduce_by',
  'growth',
  'shares',
  'derived',
  'yes_no',
]

/** Which units report an indicator: every unit of some kinds, and/or named units. */
export const ReportersSchema = v.pipe(
  v.object({
    kinds: v.optional(v.array(UnitKindSchema), []),
    units: v.optional(v.array(CodeSchema), []),
  }),
  v.check((r) => r.kinds.length + r.units.length > 0, 'chỉ tiêu phải có ít nhất một đơn vị báo cáo'),
)
export type Reporters = v.InferOutput<typeof ReportersSchema>

export const IndicatorSchema = v.object({
  code: CodeSchema,
  name: NonEmpty(300),
  field: CodeSchema,
  /** Đơn vị tính: tấn, tạ/ha, ha, con, hộ, người, học sinh, đồng, triệu đồng, %, ‰. */
  unitOfMeasure: NonEmpty(40),
  aggregation: AggregationSchema,
  /** For a rate: 100 for %, 1000 for ‰, 1 for a plain quotient such as income per person. */
  scale: v.optional(v.picklist([1, 100, 1000])),
  /**
   * For a rate: the numerator counts a part of the denominator (insured people of all people),
   * so 0 ≤ numerator ≤ denominator. False for a quotient such as income per person or natural
   * population growth (births − deaths, which may be negative).
   */
  proportion: v.optional(v.boolean(), true),
  target: v.optional(TargetSchema),
  /** Parts that sum to this indicator (lương thực = lúa + ngô). */
  children: v.optional(v.array(CodeSchema)),
  /** The value follows from other indicators: `LUA_DT * LUA_NS / 10`. Computed, never typed in. */
  formula: v.optional(NonEmpty(200)),
  /** "Trong đó": this indicator is a part of another and can never exceed it (xuất khẩu lao động ⊂ việc làm mới). */
  partOf: v.optional(CodeSchema),
  reporters: ReportersSchema,
  /** Per-unit targets, by unit code. */
  unitTargets: v.optional(v.record(CodeSchema, TargetSchema)),
  /**
   * Each unit's own starting figure, by unit code, for a target measured from one: the level at
   * the start of the year for a reduction, the base year's figure for a growth. The commune's
   * own is in the target (`baseline`, `baseValue`).
   */
  baselines: v.optional(v.record(CodeSchema, FiniteNumberSchema)),
  /** The plan's own words for this target, kept for the review report. */
  source: v.optional(TextSchema),
})
export type Indicator = v.InferOutput<typeof IndicatorSchema>

/**
 * A declared equality between indicators, checked on targets and on results:
 * "phần thu phường hưởng = tổng chi ngân sách phường".
 */
export const EqualityRuleSchema = v.object({
  code: CodeSchema,
  left: NonEmpty(200),
  right: NonEmpty(200),
  message: NonEmpty(300),
})
export type EqualityRule = v.InferOutput<typeof EqualityRuleSchema>

/**
 * How much one plan may hold: the real plans have 40–60 indicators in a dozen fields; these
 * bounds are far above any plan and keep a malformed or hostile one from loading the server.
 */
export const PLAN_LIMITS = { indicators: 1000, fields: 300, phases: 24, movements: 100, rules: 500 } as const
const PLAN_LIMITS_SCORING = { indicators: 1000, criteria: 50 } as const

/** An array of at most `max` items, refused with a Vietnamese reason beyond. */
export const bounded = <S extends v.GenericSchema>(item: S, max: number, what: string) =>
  v.pipe(v.array(item), v.maxLength(max, `tối đa ${max.toLocaleString('vi-VN')} ${what}`))

/** Points in a scoring table: zero or more, and no typo of extra zeros. */
const PointsSchema = v.pipe(v.number('điểm phải là một số'), v.finite('điểm không hợp lệ'), v.minValue(0, 'điểm không được âm'), v.maxValue(100_000, 'điểm quá lớn'))

/** Whether two sums of points are the same, up to the float noise of adding decimals. */
const samePoints = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b))
const viPoints = (n: number): string => n.toLocaleString('vi-VN', { maximumFractionDigits: 2 })

/**
 * Bảng điểm thi đua (issue 15, item 2): how units are scored and ranked for the year
 * (shared/scoring.ts computes it). `total` is the declared scale (thang điểm): the points of the
 * indicators plus the maximum of each council criterion; the bonus for exceeding comes on top,
 * up to `bonus.max`. Which indicators exist is checked against the plan (`scoringIssues`).
 */
export const ScoringSchema = v.pipe(
  v.object({
    total: PointsSchema,
    /** Points per indicator: all of them when the unit achieves its target. */
    indicators: bounded(v.object({ indicator: CodeSchema, points: PointsSchema }), PLAN_LIMITS_SCORING.indicators, 'chỉ tiêu trong bảng điểm'),
    /** Short of the target: the points times the progress (false: nothing until achieved). */
    partial: v.optional(v.boolean(), true),
    /** Exceeding (vượt): `perExceeded` points per indicator exceeded, at most `max` in all. */
    bonus: v.optional(v.object({ perExceeded: PointsSchema, max: PointsSchema })),
    /** Taken off per report sent late (or not at all by its deadline) and per report returned, at most `max` in all. */
    deductions: v.optional(v.object({ perLate: PointsSchema, perReturned: PointsSchema, max: v.optional(PointsSchema) })),
    /** Criteria the council scores by hand (“chấp hành chế độ báo cáo”), each up to its `max`. */
    criteria: v.optional(bounded(v.object({ code: CodeSchema, name: NonEmpty(200), max: PointsSchema }), PLAN_LIMITS_SCORING.criteria, 'tiêu chí chấm tay'), []),
  }),
  v.check((s) => new Set(s.indicators.map((i) => i.indicator)).size === s.indicators.length, 'bảng điểm có chỉ tiêu được chấm hai lần'),
  v.check((s) => new Set(s.criteria.map((c) => c.code)).size === s.criteria.length, 'mã tiêu chí chấm tay bị trùng'),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return
    const s = dataset.value
    const ind = s.indicators.reduce((sum, i) => sum + i.points, 0)
    const crit = s.criteria.reduce((sum, c) => sum + c.max, 0)
    if (!samePoints(ind + crit, s.total)) {
      addIssue({
        message: `tổng điểm khai báo là ${viPoints(s.total)} nhưng các phần cộng lại ${viPoints(ind + crit)} (chỉ tiêu ${viPoints(ind)}, tiêu chí chấm tay ${viPoints(crit)})`,
      })
    }
  }),
)
export type Scoring = v.InferOutput<typeof ScoringSchema>

export const PlanSchema = v.object({
  year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
  /** Số hiệu văn bản, `71/KH-UBND`; some plans carry none. */
  number: v.optional(NonEmpty(40)),
  issuedOn: v.optional(IsoDateSchema),
  title: NonEmpty(500),
  theme: v.optional(NonEmpty(1000)),
  movements: v.optional(bounded(NonEmpty(300), PLAN_LIMITS.movements, 'phong trào'), []),
  signedBy: v.optional(NonEmpty(120)),
  /**
   * The signed document this plan was taken from, when it is not the plan's own (the demo shows
   * real plans of earlier years as this year's: their number, date and year stay here).
   */
  source: v.optional(
    v.object({
      number: v.optional(NonEmpty(40)),
      issuedOn: v.optional(IsoDateSchema),
      year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
    }),
  ),
  phases: v.optional(bounded(PhaseSchema, PLAN_LIMITS.phases, 'đợt thi đua'), []),
  fields: bounded(FieldSchema, PLAN_LIMITS.fields, 'lĩnh vực'),
  indicators: bounded(IndicatorSchema, PLAN_LIMITS.indicators, 'chỉ tiêu'),
  rules: v.optional(bounded(EqualityRuleSchema, PLAN_LIMITS.rules, 'quy tắc kiểm tra'), []),
  /** Bảng điểm thi đua: how units are scored and ranked; absent until the officer sets it up. */
  scoring: v.optional(ScoringSchema),
})
export type Plan = v.InferOutput<typeof PlanSchema>

// ---------------------------------------------------------------------------
// Reporting

export const PeriodKindSchema = v.picklist(['month', 'quarter', 'phase', 'year'])
export type PeriodKind = v.InferOutput<typeof PeriodKindSchema>

export const PeriodSchema = v.pipe(
  v.object({
    code: CodeSchema,
    kind: PeriodKindSchema,
    year: v.pipe(v.number(), v.integer(), v.minValue(2000), v.maxValue(2100)),
    from: IsoDateSchema,
    to: IsoDateSchema,
    deadline: IsoDateSchema,
    locked: v.optional(v.boolean(), false),
    lockReason: v.optional(NonEmpty(300)),
  }),
  v.check((p) => p.from <= p.to, 'kỳ báo cáo phải kết thúc sau khi bắt đầu'),
)
export type Period = v.InferOutput<typeof PeriodSchema>

/** One cell. A rate keeps its numerator and denominator, never only a percentage. */
export const ValueDataSchema = v.variant('kind', [
  v.object({ kind: v.literal('number'), value: FiniteNumberSchema }),
  // Whether the numerator must stay within the denominator depends on the indicator
  // (`proportion`); `checkValue` in validation.ts enforces it.
  v.object({
    kind: v.literal('ratio'),
    numerator: FiniteNumberSchema,
    denominator: v.pipe(FiniteNumberSchema, v.gtValue(0, 'mẫu số phải lớn hơn 0')),
  }),
  v.object({ kind: v.literal('yes_no'), achieved: v.boolean(), note: v.optional(v.pipe(TextSchema, v.maxLength(1000))) }),
])
export type ValueData = v.InferOutput<typeof ValueDataSchema>
export type NumberValue = Extract<ValueData, { kind: 'number' }>
export type RatioValue = Extract<ValueData, { kind: 'ratio' }>
export type YesNoValue = Extract<ValueData, { kind: 'yes_no' }>

// The value shape an indicator's cells take lives with the roll-ups, so that the phone, which
// needs it, does not load this module's schemas (and the schema library) for it.
export { valueKindOf } from './aggregation'

export const ReportStatusSchema = v.picklist(['draft', 'submitted', 'approved', 'returned'])
export type ReportStatus = v.InferOutput<typeof ReportStatusSchema>

// The moves between report statuses (submit, recall, approve, return, reopen): shared/reportLifecycle.ts.

/**
 * The message of a schema issue, in Vietnamese: our schemas write their own; valibot's English
 * defaults ("Invalid type: Expected number but received "12"") are put into Vietnamese here.
 */
export function issueMessage(issue: Pick<v.BaseIssue<unknown>, 'kind' | 'message' | 'expected' | 'received'>): string {
  if (!issue.message.startsWith('Invalid ')) return issue.message
  if (issue.kind === 'schema') return `sai kiểu dữ liệu: cần ${issue.expected ?? '?'}, nhận ${issue.received}`
  return `giá trị không hợp lệ: cần ${issue.expected ?? '?'}, nhận ${issue.received}`
}
