// Scoring and ranking (issue 15, item 2): the year's results as of the period chosen, the plan's
// scoring table, each unit's late and returned reports, and the council's scores, handed to the
// pure computation in shared/scoring.ts. The council's scores are written here, audited.
import type { PlanResults } from '../../shared/api'
import type { Scoring } from '../../shared/model'
import { vietnamDate, ytdKind } from '../../shared/results'
import { computeRanking, type Ranking, type ReportCounts } from '../../shared/scoring'
import { isReporter } from '../../shared/planFile'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import { writeAudit } from './audit'
import { yearPeriodsOf } from './periods'
import { readPlan } from './plans'
import { allUnits, loadResults, planOfYear, type ResultsOptions } from './results'
import type { Db, Queryable } from './types'
import { unitIdOf } from './units'
import { bumpVersion } from './versions'

const noScoring = (year: number) =>
  conflict('no_scoring_table', { year })

/** The scoring table of a year's plan: 404 without a plan, 409 without a table. */
export async function scoringOf(q: Queryable, communeId: number, year: number): Promise<Scoring> {
  const found = await readPlan(q, communeId, year)
  if (!found) throw notFound(say('no_plan_of_year', { year }))
  if (!found.plan.scoring) throw noScoring(year)
  return found.plan.scoring
}

/**
 * Each unit's reports that cost points, over the periods the results run to (of the kind the
 * year to date is built from): late — last sent after the deadline (Vietnam's calendar day), or
 * not sent once it passed (a unit that types figures of the plan) — and the times a report was returned (from the audit, so a
 * report returned then fixed still counts once).
 */
export async function reportCounts(q: Queryable, communeId: number, year: number, upTo: string | null, now: Date): Promise<Record<string, ReportCounts>> {
  const plan = await planOfYear(q, communeId, year)
  const [units, periods, reports, returns] = await Promise.all([
    allUnits(q, communeId),
    yearPeriodsOf(q, communeId, year),
    q.query<{ unit: string; period: string; submitted_at: Date | null }>(
      `SELECT u.code AS unit, p.code AS period, r.submitted_at
         FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
        WHERE r.commune_id = $1 AND p.year = $2`,
      [communeId, year],
    ),
    q.query<{ unit: string; period: string; n: number }>(
      `SELECT u.code AS unit, p.code AS period, count(*)::int AS n
         FROM audit a JOIN units u ON u.id = a.unit_id JOIN periods p ON p.id = a.period_id
        WHERE a.commune_id = $1 AND a.entity = 'report' AND p.year = $2 AND a.new->>'status' = 'returned'
        GROUP BY u.code, p.code`,
      [communeId, year],
    ),
  ])
  const kind = ytdKind(periods, reports.rows.map((r) => r.period))
  const counted = periods.filter((p) => p.kind === kind && (upTo === null || p.to <= upTo))
  const countedCodes = new Set(counted.map((p) => p.code))
  const typed = plan.indicators.filter((i) => i.formula === undefined && (i.children?.length ?? 0) === 0)
  const byKey = new Map(reports.rows.map((r) => [`${r.unit}|${r.period}`, r]))
  const today = vietnamDate(now)
  const out: Record<string, ReportCounts> = {}
  const of = (unit: string): ReportCounts => (out[unit] ??= { late: 0, returned: 0 })
  for (const u of units) {
    if (!typed.some((i) => isReporter(i.reporters, u))) continue
    for (const p of counted) {
      const r = byKey.get(`${u.code}|${p.code}`)
      // A unit since closed is not held to a period it did not report.
      if (!r && !u.active) continue
      // Judged on the last sending whatever became of it (a report returned still came in late or not).
      const sent = r?.submitted_at ? vietnamDate(new Date(r.submitted_at)) : null
      if (sent !== null ? sent > p.deadline : today > p.deadline) of(u.code).late++
    }
  }
  for (const r of returns.rows) if (countedCodes.has(r.period)) of(r.unit).returned += Number(r.n)
  return out
}

/** unit code → criterion code → score, of a year. */
export async function councilScores(q: Queryable, communeId: number, year: number): Promise<Record<string, Record<string, number>>> {
  const r = await q.query<{ unit: string; criterion: string; score: number }>(
    `SELECT u.code AS unit, s.criterion, s.score FROM council_scores s JOIN units u ON u.id = s.unit_id
      WHERE s.commune_id = $1 AND s.year = $2 ORDER BY u.code, s.criterion`,
    [communeId, year],
  )
  const out: Record<string, Record<string, number>> = {}
  for (const row of r.rows) (out[row.unit] ??= {})[row.criterion] = Number(row.score)
  return out
}

/** The ranking of a year as of the period (or phase) asked for, on the basis asked for. */
export async function loadRanking(q: Queryable, communeId: number, opts: ResultsOptions, now: Date): Promise<Ranking> {
  const results = await loadResults(q, communeId, opts, now)
  await scoringOf(q, communeId, results.year)
  return (await rankingOfResults(q, communeId, results, now))!
}

/** The ranking of results already loaded, or undefined when the plan has no scoring table (the XLSX export). */
export async function rankingOfResults(q: Queryable, communeId: number, results: PlanResults, now: Date): Promise<Ranking | undefined> {
  const found = await readPlan(q, communeId, results.year)
  const scoring = found?.plan.scoring
  if (!scoring) return undefined
  const [reports, council] = await Promise.all([reportCounts(q, communeId, results.year, results.asOf?.to ?? null, now), councilScores(q, communeId, results.year)])
  return computeRanking({ results, scoring, reports, council })
}

/**
 * The council's scores of one unit for a year: a number sets a criterion's score, null clears
 * it. Refused whole (nothing written) for an unknown unit or criterion, or a score above the
 * criterion's maximum. One audit entry with the unit's scores before and after.
 */
export async function setCouncilScores(
  db: Db,
  actor: Actor,
  communeId: number,
  year: number,
  unitCode: string,
  scores: Readonly<Record<string, number | null>>,
  now: Date,
): Promise<{ unit: string; year: number; scores: Record<string, number> }> {
  return db.transaction(async (tx) => {
    await bumpVersion(tx, communeId)
    const scoring = await scoringOf(tx, communeId, year)
    const unitId = await unitIdOf(tx, communeId, unitCode)
    const byCode = new Map(scoring.criteria.map((c) => [c.code, c]))
    for (const [code, score] of Object.entries(scores)) {
      const c = byCode.get(code)
      if (!c) throw new HttpError(422, 'unknown_criterion', say('unknown_criterion', { year, code }))
      if (score !== null && score > c.max) {
        throw new HttpError(422, 'score_above_max', say('score_above_max', { score: score.toLocaleString('vi-VN'), name: c.name, max: c.max.toLocaleString('vi-VN') }))
      }
    }
    const read = async (): Promise<Record<string, number>> => {
      const r = await tx.query<{ criterion: string; score: number }>('SELECT criterion, score FROM council_scores WHERE commune_id = $1 AND year = $2 AND unit_id = $3 ORDER BY criterion', [communeId, year, unitId])
      return Object.fromEntries(r.rows.map((row) => [row.criterion, Number(row.score)]))
    }
    const before = await read()
    for (const [criterion, score] of Object.entries(scores)) {
      if (score === null) {
        await tx.query('DELETE FROM council_scores WHERE commune_id = $1 AND year = $2 AND unit_id = $3 AND criterion = $4', [communeId, year, unitId, criterion])
      } else {
        await tx.query(
          `INSERT INTO council_scores (commune_id, year, unit_id, criterion, score, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (commune_id, year, unit_id, criterion) DO UPDATE SET score = EXCLUDED.score, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
          [communeId, year, unitId, criterion, score, actor.userId, now],
        )
      }
    }
    const after = await read()
    await writeAudit(tx, communeId, actor, { entity: 'unit', unitId, old: { councilScores: { year, scores: before } }, new: { councilScores: { year, scores: after } } }, now)
    return { unit: unitCode, year, scores: after }
  })
}
