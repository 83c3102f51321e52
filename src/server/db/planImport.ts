// Importing a plan file into a year of a commune: first a preview that writes nothing (the draft
// plan, the units and periods it would add, every problem), then the write, all or nothing in one
// transaction, refused while any problem stands and, over a plan with reported figures, until the
// officer confirms. A file of another year is moved to the year asked, as a copied plan is.
import type { Period, Plan, Unit } from '../../shared/model'
import { shiftDate } from '../../shared/periods'
import type { PlanBundle, PlanFileFormat, PlanFileProblem, PlanImportPreview, PlanImportResult } from '../../shared/planImport'
import { scoringIssues } from '../../shared/scoring'
import { blocksPlan, validatePlan, type ValidationIssue } from '../../shared/validation'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, say } from '../errors'
import { copyPlan } from './planCopy'
import { createPlanIn, replacePlanIn } from './planChanges'
import { addPeriod, yearPeriods } from './periods'
import { readPlan } from './plans'
import type { Db, Queryable } from './types'
import { communeUnits, insertUnit } from './units'
import { bumpVersion } from './versions'

/** A file as read: its plan, units and periods, or why it could not be read at all. */
export type ReadPlanFile =
  | { format: PlanFileFormat; ok: true; bundle: PlanBundle; warnings: PlanFileProblem[] }
  | { format: PlanFileFormat; ok: false; problems: PlanFileProblem[] }

interface Prepared {
  preview: PlanImportPreview
  plan: Plan | null
}

/** `2025-M03` of a file of 2025 is `2026-M03` in 2026; a period of another year than the file's is left as it is (and refused). */
function movePeriod(p: Period, from: number, year: number): Period {
  if (from === year) return p
  const shift = year - from
  const code = p.code.startsWith(`${from}-`) ? `${year}-${p.code.slice(String(from).length + 1)}` : p.code
  return { ...p, code, year: p.year + shift, from: shiftDate(p.from, shift), to: shiftDate(p.to, shift), deadline: shiftDate(p.deadline, shift) }
}


/** A plan issue as a file problem: the indicator it is about named first. */
export const issueProblem = (issue: ValidationIssue): PlanFileProblem => ({ message: issue.refs[0] ? `Chỉ tiêu “${issue.refs[0]}”: ${issue.message}` : issue.message })


/** The year's plan now: how many indicators, and how many figures were reported against it. */
async function existingPlan(q: Queryable, communeId: number, year: number): Promise<PlanImportPreview['existing']> {
  const r = await q.query<{ indicators: number; values: number }>(
    `SELECT (SELECT count(*) FROM indicators i WHERE i.plan_id = p.id AND NOT i.deleted)::int AS indicators,
            (SELECT count(*) FROM cell_values c JOIN indicators i ON i.id = c.indicator_id WHERE i.plan_id = p.id AND c.data IS NOT NULL)::int AS values
       FROM plans p WHERE p.commune_id = $1 AND p.year = $2`,
    [communeId, year],
  )
  const row = r.rows[0]
  return row ? { indicators: Number(row.indicators), values: Number(row.values) } : null
}

/** What importing `read` into `year` would do, from the database as `q` sees it. */
async function prepare(q: Queryable, communeId: number, year: number, read: ReadPlanFile): Promise<Prepared> {
  const existing = await existingPlan(q, communeId, year)
  const empty = { format: read.format, year, newUnits: [], newPeriods: [], warnings: [], existing, notes: [] }
  if (!read.ok) return { plan: null, preview: { ...empty, plan: null, problems: read.problems } }

  const { bundle } = read
  const problems: PlanFileProblem[] = []
  const warnings = [...read.warnings]
  const notes: string[] = []
  let plan = bundle.plan
  if (plan.year !== year) {
    const moved = copyPlan(plan, year)
    plan = moved.plan
    notes.push(`Tệp là kế hoạch năm ${bundle.plan.year}; được chuyển sang năm ${year} như khi sao chép kế hoạch.`, ...moved.notes)
  }

  // Units: matched by code; the ones the commune lacks are created, in the file's order.
  const units = await communeUnits(q, communeId)
  const known = new Map(units.map((u) => [u.code, u]))
  const newUnits: Unit[] = []
  for (const u of bundle.units) {
    const mine = known.get(u.code)
    if (!mine) {
      newUnits.push(u)
      continue
    }
    if (mine.name !== u.name || mine.kind !== u.kind) {
      warnings.push({ message: `Đơn vị “${u.code}” trong tệp là “${u.name}”, trong xã là “${mine.name}”: giữ đơn vị của xã.` })
    }
  }
  const allCodes = new Set([...known.keys(), ...newUnits.map((u) => u.code)])
  for (const u of newUnits) {
    if (u.parent !== undefined && !allCodes.has(u.parent)) problems.push({ message: `Đơn vị “${u.name}” thuộc đơn vị không có trong xã và trong tệp “${u.parent}”` })
  }

  // Periods: the file's extra periods of its year, moved with the plan; the ones the commune lacks are created.
  const r = await q.query<{ code: string }>('SELECT code FROM periods WHERE commune_id = $1', [communeId])
  const periodCodes = new Set(r.rows.map((p) => p.code))
  const newPeriods: Period[] = []
  for (const p of bundle.periods.map((x) => movePeriod(x, bundle.plan.year, year))) {
    if (p.year !== year) problems.push({ message: `Kỳ báo cáo “${p.code}” không thuộc năm ${year}` })
    else if (!periodCodes.has(p.code)) newPeriods.push(p)
  }

  // The plan against the commune's units and the ones the file adds: what blocks it is a problem.
  const seen = new Set([...problems, ...warnings].map((p) => p.message))
  for (const issue of [...validatePlan(plan, [...units, ...newUnits]), ...scoringIssues(plan)]) {
    const p = issueProblem(issue)
    if (seen.has(p.message) || read.warnings.some((w) => w.message.endsWith(issue.message))) continue
    seen.add(p.message)
    if (blocksPlan(issue)) problems.push(p)
    else warnings.push(p)
  }
  return { plan, preview: { ...empty, plan, newUnits, newPeriods, problems, warnings, notes } }
}

export async function previewImport(db: Db, communeId: number, year: number, read: ReadPlanFile): Promise<PlanImportPreview> {
  return (await prepare(db, communeId, year, read)).preview
}

/**
 * Writes the file's plan into `year`: creates the units and periods it adds, then creates or
 * replaces the plan, in one transaction. Refused while the file has a problem, and over a plan
 * that has reported figures unless `replace` says the officer confirmed.
 */
export async function writeImport(db: Db, actor: Actor, communeId: number, year: number, read: ReadPlanFile, replace: boolean, now: Date): Promise<PlanImportResult> {
  return db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const { preview, plan } = await prepare(tx, communeId, year, read)
    if (plan === null || preview.problems.length > 0) {
      const first = preview.problems[0]?.message ?? 'tệp không đọc được'
      const more = preview.problems.length > 1 ? ` (và ${preview.problems.length - 1} lỗi khác)` : ''
      throw new HttpError(422, 'invalid_plan_file', say('invalid_plan_file', { count: preview.problems.length }, `Tệp kế hoạch chưa hợp lệ, chưa ghi gì: ${first}${more}`), preview.problems)
    }
    if (preview.existing && preview.existing.values > 0 && !replace) {
      throw conflict('plan_has_reports', { year, count: preview.existing.values.toLocaleString('vi-VN') })
    }
    for (const u of preview.newUnits) await insertUnit(tx, actor, communeId, u, version, now)
    for (const p of preview.newPeriods) await addPeriod(tx, actor, communeId, p, version, now)
    const done = preview.existing ? await replacePlanIn(tx, actor, communeId, plan, version, now) : await createPlanIn(tx, actor, communeId, plan, version, now)
    return {
      year,
      version,
      created: preview.existing === null,
      unitsCreated: preview.newUnits.map((u) => u.code),
      periodsCreated: preview.newPeriods.map((p) => p.code),
      issues: done.issues,
    }
  })
}

/** The year's plan as a file bundle: the plan, the units it needs, and the year's extra periods. */
export async function planBundle(q: Queryable, communeId: number, year: number): Promise<PlanBundle | undefined> {
  const found = await readPlan(q, communeId, year)
  if (!found) return undefined
  const units = (await communeUnits(q, communeId)).map(({ active: _a, ...u }) => u)
  const r = await q.query<Period & { kind: Period['kind'] }>(
    `SELECT code, kind, year, to_char(starts_on, 'YYYY-MM-DD') AS "from", to_char(ends_on, 'YYYY-MM-DD') AS "to",
            to_char(deadline, 'YYYY-MM-DD') AS deadline
       FROM periods WHERE commune_id = $1 AND year = $2 ORDER BY starts_on, ends_on, code`,
    [communeId, year],
  )
  // Quarters, phases and the year come with every plan; the file carries only the others.
  const automatic = new Set([...yearPeriods(found.plan).map((p) => p.code), ...found.plan.phases.map((p) => `${year}-${p.code}`)])
  const periods: Period[] = r.rows
    .filter((p) => !automatic.has(p.code))
    .map((p) => ({ code: p.code, kind: p.kind, year: Number(p.year), from: p.from, to: p.to, deadline: p.deadline, locked: false }))
  return { plan: found.plan, units, periods }
}
