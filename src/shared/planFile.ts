// The plan file: one commune, its unit tree and one yearly plan, as an officer would import it
// and as the demo communes ship (src/server/demo/plans/*.json).
import * as v from 'valibot'
import { bounded, CodeSchema, CommuneSchema, issueMessage, PeriodSchema, PlanSchema, RoleSchema, type Unit, UnitSchema, USERNAME_PATTERN } from './model'
import { TextSchema } from './text'
import { validatePlan, type ValidationIssue } from './validation'

export const PLAN_FILE_FORMAT = 'thi-dua.plan/1'

/** A demo account. Real accounts are created by an officer; their passwords never sit in a file. */
export const SeedAccountSchema = v.object({
  username: v.pipe(TextSchema, v.regex(USERNAME_PATTERN, 'tên đăng nhập chỉ gồm chữ thường không dấu, số, ., _ hoặc -')),
  displayName: v.pipe(TextSchema, v.trim(), v.minLength(1), v.maxLength(120)),
  role: RoleSchema,
  /** The units a reporter writes for; empty for officers and leaders. */
  units: v.optional(v.array(CodeSchema), []),
  password: v.pipe(TextSchema, v.minLength(6)),
})
export type SeedAccount = v.InferOutput<typeof SeedAccountSchema>

export const PlanFileSchema = v.object({
  format: v.literal(PLAN_FILE_FORMAT),
  commune: CommuneSchema,
  // A commune has tens of units and accounts; a province's biggest ward a few hundred.
  units: bounded(UnitSchema, 2000, 'đơn vị'),
  plan: PlanSchema,
  /**
   * Reporting periods of the plan's year beyond the ones every plan gets (its quarters, phases and
   * the year): months, a period the officer added. Created on import when the commune lacks them.
   */
  periods: v.optional(bounded(PeriodSchema, 400, 'kỳ báo cáo'), []),
  accounts: v.optional(bounded(SeedAccountSchema, 2000, 'tài khoản'), []),
})
export type PlanFile = v.InferOutput<typeof PlanFileSchema>

export type LoadPlanFileResult =
  | { ok: true; file: PlanFile; issues: ValidationIssue[] }
  | { ok: false; errors: { path: string; message: string }[] }

/** Parses and checks a plan file. Schema errors refuse the file; plan issues come back to be shown. */
export function loadPlanFile(input: unknown): LoadPlanFileResult {
  const parsed = v.safeParse(PlanFileSchema, input)
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: issueMessage(i) })),
    }
  }
  const file = parsed.output
  return { ok: true, file, issues: [...unitTreeIssues(file.units), ...accountIssues(file), ...validatePlan(file.plan, file.units)] }
}

/** A unit list's own mistakes: a code twice, a parent it does not hold. */
export function unitTreeIssues(units: readonly Unit[]): ValidationIssue[] {
  const codes = new Set<string>()
  const out: ValidationIssue[] = []
  for (const u of units) {
    if (codes.has(u.code)) out.push({ code: 'duplicate_code', severity: 'error', refs: [u.code], message: `Mã đơn vị “${u.code}” bị trùng` })
    codes.add(u.code)
  }
  for (const u of units) {
    if (u.parent !== undefined && !codes.has(u.parent)) {
      out.push({ code: 'unknown_parent', severity: 'error', refs: [u.code], message: `Đơn vị “${u.name}” thuộc đơn vị không tồn tại “${u.parent}”` })
    }
  }
  return out
}

function accountIssues(file: PlanFile): ValidationIssue[] {
  const units = new Set(file.units.map((u) => u.code))
  const out: ValidationIssue[] = []
  for (const a of file.accounts) {
    for (const u of a.units) {
      if (!units.has(u)) out.push({ code: 'unknown_unit', severity: 'error', refs: [a.username], message: `Tài khoản “${a.username}” gắn với đơn vị không tồn tại “${u}”` })
    }
    if (a.role === 'reporter' && a.units.length === 0) {
      out.push({ code: 'unknown_unit', severity: 'error', refs: [a.username], message: `Tài khoản báo cáo “${a.username}” chưa gắn với đơn vị nào` })
    }
  }
  return out
}

type ReportersShape = { kinds: readonly string[]; units: readonly string[] }

/** Whether a unit reports an indicator: it is of a listed kind, or named. */
export function isReporter(reporters: ReportersShape, unit: { code: string; kind: string }): boolean {
  return reporters.kinds.includes(unit.kind) || reporters.units.includes(unit.code)
}

/** Units that report an indicator: every unit of the listed kinds, plus the named units. */
export function reportingUnits<U extends { code: string; kind: string }>(reporters: ReportersShape, units: readonly U[]): U[] {
  return units.filter((u) => isReporter(reporters, u))
}
