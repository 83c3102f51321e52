// Response shapes of the JSON API outside sync (sync's are in protocol.ts): one contract,
// imported by the server that answers and the client that reads.
import type { Aggregation, Commune, Field, PeriodKind, Phase, Plan, ReportStatus, Role, Target, Unit, ValueData } from './model'
import type { TargetEvaluation, TargetStatus } from './targets'
import type { ValidationIssue } from './validation'
import type { DeviceKind } from './devices'

/**
 * Every refusal: a stable code the client branches on, and a message to show (Vietnamese). `key`
 * and `params` name its wording in shared/errors.ts, when it is one of them, for a client that
 * shows it in another language; a client that does not know the key shows `message`.
 */
export interface ApiErrorBody {
  code: string
  message: string
  key?: string
  params?: Readonly<Record<string, string | number>>
  details?: unknown
}

/** One row of GET /api/communes. */
export interface CommuneSummary {
  code: string
  name: string
  kind: Commune['kind']
  /** Null for a commune created after the July 2025 reform. */
  district: string | null
  province: string
  provinceCode: string
  /** Mã đơn vị hành chính, where known. */
  adminCode: string | null
  /** The commune it was merged into; its history stays readable under its own name. */
  mergedInto: { code: string; name: string } | null
  /** Null while the commune has no plan yet. */
  planYear: number | null
  planTitle: string | null
  indicatorCount: number
  unitCount: number
}

/** A unit as the API lists it; an inactive one (merged, dissolved) no longer reports. */
export type PlanUnit = Unit & { active: boolean }

/** GET /api/communes/:code/plan. */
export interface CommunePlan {
  commune: Commune
  units: PlanUnit[]
  plan: Plan
  version: number
  /** Every year the commune has a plan for, newest first. */
  years: number[]
  issues: ValidationIssue[]
}

/** GET /api/auth/me: the signed-in user. */
export interface Me {
  username: string
  displayName: string
  role: Role
  deviceId: string
  /** Null for the system administrator and for province accounts. */
  commune: { code: string; name: string } | null
  /**
   * The province of a province account or of the commune; null for the system administrator.
   * Absent in a phone's copy of an older server's answer (kept signed in for months).
   */
  province?: { code: string; name: string } | null
  /** The units a reporter reports for. */
  units: { code: string; name: string; kind: string }[]
}

/** POST /api/auth/login. */
export interface LoginResult {
  expiresAt: string
  me: Me
}

/** One change of a cell, as GET /api/communes/:commune/history lists it (newest first). */
/**
 * The device a change came from, as the server knows it from the sign-in that used it: its kind
 * and a short description from the user agent ("Android · Chrome"); both empty when unknown.
 */
export interface DeviceInfo {
  kind: DeviceKind | null
  detail: string
}

export interface CellChange {
  at: string
  user: { username: string; displayName: string } | null
  deviceId: string | null
  device: DeviceInfo | null
  mutationId: string | null
  /** The officer who uploaded the phone's backup file this change came in (`user` is the file's own user); absent for a sync. */
  importedBy?: { username: string; displayName: string }
  /** As the ingest stored it: `{ value, note, version }` before, `{ value, note }` after; null for none. */
  old: { value: ValueData | null; note: string | null; version?: number } | null
  new: { value: ValueData | null; note: string | null } | null
}

// ---------------------------------------------------------------------------
// The officer's workspace (issue 5). Contracts shared by the server that computes them, the
// exports that print them and the screens that show them.

/** Which reports' values count in a roll-up: only approved ones (the official figure, default), also submitted ones, or every value typed so far. */
export type ResultsBasis = 'approved' | 'submitted' | 'all'

/** One unit's figure for an indicator, year to date. */
export interface UnitResult {
  unit: string
  unitName: string
  /** In the indicator's unit (a rate scaled to % or ‰; yes/no 1 or 0); null when the unit has no figure. */
  actual: number | null
  numerator?: number
  denominator?: number
  achieved?: boolean
  /**
   * The unit's verdict against the target named by `target`. null = no verdict for this unit: it
   * has no target of its own and the commune's target is a total (a flow's or a stock's amount)
   * or measured from the commune's baseline (growth, reduction), not a level every unit must reach.
   */
  status: TargetStatus | null
  /**
   * What `status` was judged against: the unit's own target in the plan (`own`, a derived target
   * worked out from the unit's own input targets included), the commune's target applied to the
   * unit (`commune`: a rate or a yes/no whose target is a level: đạt 95% trở lên, đạt/không đạt),
   * or nothing (`null`, when `status` is null).
   */
  target: 'own' | 'commune' | null
  /** With a verdict: how much of the unit's target is done (1 = met), null without a figure; what scoring gives partial points by. */
  progress?: number | null
}

/** The commune's figure at the end of one period of the trend (year to date at that point). */
export interface TrendPoint {
  period: string
  to: string
  actual: number | null
}

/** One indicator of the results table / dashboard: its figures and, from TargetEvaluation, its status, progress and pace. */
export interface IndicatorResult extends TargetEvaluation {
  code: string
  name: string
  field: string
  unitOfMeasure: string
  aggregation: Aggregation
  scale?: 1 | 100 | 1000
  target?: Target
  /** describeTarget's Vietnamese wording; empty when the indicator has no target. */
  targetText: string
  /** The plan's own words, when it kept them. */
  source?: string
  /** Computed from other indicators by a formula or as the sum of its children, never typed. */
  computed: boolean
  /** Year to date, in the indicator's unit; null when nothing is reported yet. */
  actual: number | null
  numerator?: number
  denominator?: number
  /** yes/no: every reporting unit achieved it; with the count of those that did. */
  achieved?: boolean
  achievedUnits?: number
  /** How many units reported a figure, of how many should. */
  reportedUnits: number
  expectedUnits: number
  byUnit: UnitResult[]
  trend: TrendPoint[]
}

/** GET /api/communes/:commune/results?year=&period=&basis= */
export interface PlanResults {
  commune: Commune
  year: number
  planTitle: string
  planNumber?: string
  planIssuedOn?: string
  signedBy?: string
  /** The period the figures run to (year to date at its end); null before any period ends. */
  asOf: { period: string; kind: PeriodKind; from: string; to: string } | null
  basis: ResultsBasis
  /** Share of the year the figures cover (0.5 at mid-year). */
  yearFraction: number
  fields: Field[]
  phases: Phase[]
  /** The periods of the trend, in order (the year's quarters when it has them). */
  trendPeriods: { code: string; kind: PeriodKind; from: string; to: string }[]
  indicators: IndicatorResult[]
  counts: Record<TargetStatus, number>
  generatedAt: string
}

/**
 * GET /api/communes/:commune/plans/:year/baselines: starting figures suggested for the targets
 * measured from one, from the approved figures of an earlier plan of the same indicator.
 */
export interface BaselineSuggestion {
  indicator: string
  /** `start`: the level at the start of the year (last year's year-end), for a reduction; `base`: the base year's figure, for a growth. */
  kind: 'start' | 'base'
  /** The year the figures come from. */
  fromYear: number
  /** The commune's figure; null when the app holds none. */
  commune: number | null
  /** Each unit's figure, by unit code (units without one are left out). */
  units: Record<string, number>
}

/** One cell of the completeness board. */
export type ReportTimeliness = 'on_time' | 'late' | 'missing' | 'returned' | 'draft' | 'not_due'

export interface CompletenessCell {
  unit: string
  period: string
  timeliness: ReportTimeliness
  status: ReportStatus | null
  submittedAt: string | null
  deadline: string
  /** Evidence files (photos, PDFs) on the report; absent from a server before evidence. */
  evidence?: number
}

/** GET /api/communes/:commune/completeness?year= */
export interface CompletenessBoard {
  year: number
  today: string
  units: { code: string; name: string; kind: string }[]
  periods: { code: string; kind: PeriodKind; from: string; to: string; deadline: string; locked: boolean }[]
  cells: CompletenessCell[]
  totals: Record<ReportTimeliness, number>
  /** Reports sent (submitted or approved) with at least one evidence file, and without any. */
  evidence?: { with: number; without: number }
}

/** One value of a report as the officer reviews it. */
export interface ReviewValue {
  indicator: string
  name: string
  field: string
  unitOfMeasure: string
  aggregation: Aggregation
  scale?: 1 | 100 | 1000
  data: ValueData | null
  note: string | null
  /** The unit's target (its own, else the commune's) in words. */
  targetText: string
  /** The same unit's figures in the year's earlier periods, oldest first. */
  previous: { period: string; data: ValueData }[]
  /** Decimals the figures are shown with (shared/precision `figureDecimals`). */
  decimals: number
  /**
   * The figure of the period of the same kind just before (Q4 of last year for Q1, when last
   * year's plan holds the same indicator), data null when the unit had none; null when there is
   * no such period or it measured something else.
   */
  previousPeriod: { period: string; data: ValueData | null } | null
  /** The same period a year earlier, under the same rule (shared/sameIndicator `countsAsHistory`). */
  lastYear: { period: string; data: ValueData | null } | null
  /** Value checks (errors) and plausibility warnings: the unit's history, the commune's target, the other units, a stock's jump, a computed yield. */
  issues: ValidationIssue[]
  /** The officer's comment on this value when the report was returned. */
  comment: string | null
  updatedAt: string | null
  updatedBy: string | null
}

/** GET /api/communes/:commune/reports/:unit/:period */
export interface ReportDetail {
  unit: { code: string; name: string; kind: string }
  period: { code: string; kind: PeriodKind; from: string; to: string; deadline: string; locked: boolean; lockReason: string | null }
  status: ReportStatus
  returnReason: string | null
  comments: Record<string, string>
  submittedAt: string | null
  decidedAt: string | null
  decidedBy: string | null
  version: number
  values: ReviewValue[]
  /** Checks across the report's values (children sums, formulas, equalities, parts). */
  issues: ValidationIssue[]
}

/** One row of GET /api/communes/:commune/audit: the commune's changes, newest first. */
export interface AuditRow {
  id: number
  at: string
  entity: 'value' | 'report' | 'period' | 'plan' | 'unit' | 'user' | 'registration' | 'evidence' | 'commendation'
  unit: string | null
  unitName: string | null
  period: string | null
  indicator: string | null
  /** The indicator's name in the plan of the period's year (else of its own plan). */
  indicatorName: string | null
  user: { username: string; displayName: string } | null
  /** The officer who uploaded the backup file the change came in; absent for anything else. */
  importedBy?: { username: string; displayName: string }
  deviceId: string | null
  device: DeviceInfo | null
  old: unknown
  new: unknown
}

// ---------------------------------------------------------------------------
// Accounts and periods as the officer manages them (the "Đơn vị & tài khoản" and "Kỳ báo cáo" screens).

/** One signed-in device of an account. */
export interface DeviceView {
  deviceId: string
  userAgent: string | null
  createdAt: string
  lastSeenAt: string
  /** Null when the device never synced. */
  lastSyncAt: string | null
  revoked: boolean
}

/** One row of GET /api/communes/:commune/users. */
export interface AccountView {
  username: string
  displayName: string
  role: Role
  /** Unit codes a reporter writes for. */
  units: string[]
  active: boolean
  createdAt: string
  devices: DeviceView[]
}

/** One row of GET /api/communes/:commune/periods?year= (in order of start, then end). */
export interface PeriodView {
  code: string
  kind: PeriodKind
  year: number
  from: string
  to: string
  deadline: string
  locked: boolean
  /** What the phones show while it is locked; null when open. */
  lockReason: string | null
  version: number
  /** Something was reported in it (a value or a report): it can be locked, no longer deleted. */
  inUse: boolean
  /**
   * Unsent drafts the server knows of (UNSENT_DRAFTS_SQL): units with figures saved on the server
   * in this period whose report is not sent (a draft, a returned report, or none yet). Locking
   * the period freezes them. Figures still waiting on a phone are not counted: the server has not seen them.
   */
  unsentDrafts: number
}

/** The filters of GET /api/communes/:commune/audit (each optional). */
export interface AuditFilters {
  unit?: string
  period?: string
  indicator?: string
  /** A username. */
  user?: string
  entity?: AuditRow['entity']
  /** Only entries older than this id (the last id of the previous page). */
  before?: number
  /** At most 200; default 50. */
  limit?: number
}

/** GET /api/communes/:commune/audit/choices: what the change log can be filtered by, in words. */
export interface AuditChoices {
  /** Every indicator code of the commune's plans once, with its name in the latest plan that holds it. */
  indicators: { code: string; name: string }[]
  /** The commune's accounts and everyone who changed something in it, by name. */
  users: { username: string; displayName: string }[]
}

/** The roles an officer hands out: a system administrator is never created from a commune. */
export type CommuneRole = Exclude<Role, 'admin' | 'province_admin' | 'province_viewer'>

// ---------------------------------------------------------------------------
// The province deployment: provinces, their communes' board, enrolment links.

/** GET /api/server-info, asked before sign-in. */
export interface ServerInfo {
  /** The demo is loaded: every page shows the "Bản trình diễn" ribbon. */
  demo: boolean
}

/** One row of GET /api/provinces. */
export interface ProvinceSummary {
  code: string
  name: string
  adminCode: string | null
  communeCount: number
}

/** no plan yet / a plan but no figure reported / figures coming in, for the board's year. */
export type PlanStatus = 'none' | 'set_up' | 'reporting'

/** One commune on GET /api/provinces/:province/board. */
export interface ProvinceBoardRow extends CommuneSummary {
  planStatus: PlanStatus
  /** The reporting period of the board's date (the latest one that has started), if the plan has it. */
  period: { code: string; from: string; to: string; deadline: string } | null
  /** Reports due in that period (unit × reporting units), and those submitted or approved. */
  expected: number
  submitted: number
  /** When a figure, a report or a decision was last written, ISO; null when never. */
  lastActivityAt: string | null
}

/** GET /api/provinces/:province/board?year=. */
export interface ProvinceBoard {
  province: ProvinceSummary
  year: number
  communes: ProvinceBoardRow[]
}

/** A one-time link that signs its owner in and lets them set a password (a head: a PIN). */
export interface Enrolment {
  /** The token; the link is ENROLMENT_PATH + token on the server's origin. */
  token: string
  expiresAt: string
}

/** An account just created (alone or in bulk): an enrolment link unless a password was given. */
export interface CreatedAccount {
  username: string
  displayName: string
  role: Role
  units: { code: string; name: string }[]
  commune: { code: string; name: string } | null
  enrolment: Enrolment | null
}

/** GET /api/enrolments/:token: whose link it is, shown before the owner sets a password. */
export interface EnrolmentInfo {
  username: string
  displayName: string
  role: Role
  commune: { code: string; name: string } | null
  province: { code: string; name: string } | null
  purpose: 'enrol' | 'password'
  expiresAt: string
}

/** One account of GET /api/provinces/:province/users. */
export interface ProvinceAccountView {
  username: string
  displayName: string
  role: Role
  active: boolean
  createdAt: string
  /** The owner has used the enrolment link and set a password. */
  enrolled: boolean
}

/** One row of GET /api/communes/:commune/reports. */
export interface ReportSummary {
  unit: string
  period: string
  status: ReportStatus
  returnReason: string | null
  submittedAt: string | null
  version: number
}
