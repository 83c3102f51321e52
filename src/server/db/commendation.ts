// Bình xét, khen thưởng and hồ sơ thành tích (issue 15, items 3–4): the tables of migration 009 —
// `commendation_criteria` (a title's criteria when the commune changed the defaults),
// `commendations` (the council's evaluation of each registered line of a year) and
// `award_decisions` (the decisions awarding them). The evaluation board gathers the registrations,
// the year's results and ranking and hands them to the pure rules of shared/commendation.ts.
// Every write is one transaction with an audit row (entity 'commendation').
import {
  awardText,
  criteriaOf,
  decisionKey,
  decisionNumber,
  qualify,
  yearEnded,
  type AchievementEntry,
  type AwardDecision,
  type AwardDecisionWrite,
  type EvaluationBoard,
  type EvaluationDecision,
  type EvaluationLine,
  type EvaluationWrite,
  type PeopleAchievements,
  type TitleCriteria,
  type UnitAchievements,
} from '../../shared/commendation'
import { foldMarks } from '../../shared/codes'
import type { Commune, Plan } from '../../shared/model'
import { personKey, type RegistrationContent, type RegistrationStatus, type RegistrationTitle } from '../../shared/registration'
import { unitTargetTally, vietnamDate } from '../../shared/results'
import type { Actor } from '../auth/actor'
import { conflict, HttpError, notFound, say } from '../errors'
import { rankingOfResults } from './ranking'
import { listTitles, readSettings } from './registrations'
import { communeOfId, loadResults } from './results'
import { readPlan } from './plans'
import type { Db, Queryable } from './types'
import { bumpVersion } from './versions'
import { writeAudit } from './audit'

// ---------------------------------------------------------------------------
// Criteria

async function storedCriteria(q: Queryable, communeId: number): Promise<Record<string, TitleCriteria>> {
  const r = await q.query<{ title: string; criteria: TitleCriteria }>('SELECT title, criteria FROM commendation_criteria WHERE commune_id = $1', [communeId])
  return Object.fromEntries(r.rows.map((row) => [row.title, row.criteria]))
}

/** Sets (or, with null, resets to the default) one title's criteria. */
export async function saveCriteria(db: Db, actor: Actor, communeId: number, code: string, criteria: TitleCriteria | null, now: Date): Promise<{ code: string; criteria: TitleCriteria; custom: boolean }> {
  return db.transaction(async (tx) => {
    await bumpVersion(tx, communeId)
    const titles = await listTitles(tx, communeId)
    if (!titles.titles.some((t) => t.code === code)) throw notFound(say('title_not_found', { title: code }))
    const stored = await storedCriteria(tx, communeId)
    const before = criteriaOf(code, stored)
    if (criteria === null) {
      await tx.query('DELETE FROM commendation_criteria WHERE commune_id = $1 AND title = $2', [communeId, code])
    } else {
      await tx.query(
        `INSERT INTO commendation_criteria (commune_id, title, criteria, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (commune_id, title) DO UPDATE SET criteria = EXCLUDED.criteria, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [communeId, code, JSON.stringify(criteria), actor.userId, now],
      )
    }
    const after = criteriaOf(code, criteria === null ? {} : { [code]: criteria })
    await audit(tx, communeId, actor, null, { criteria: { title: code, ...before } }, { criteria: { title: code, ...after } }, now)
    return { code, criteria: after, custom: criteria !== null }
  })
}

// ---------------------------------------------------------------------------
// The evaluation board

interface RegistrationRow {
  unit_id: number
  unit: string
  unit_name: string
  status: RegistrationStatus
  content: RegistrationContent
  submitted_at: Date | null
  first_submitted: Date | null
}

interface EvaluationRow {
  unit_id: number
  title: string
  person_key: string
  council_met: boolean | null
  decision: EvaluationDecision | null
  award: string | null
  note: string
  award_decision_id: number | null
  number: string | null
  signed_on: string | null
}

const lineKey = (unitId: number, title: string, person: string | null): string => `${unitId}|${title}|${person === null ? '' : personKey(person)}`
const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null)

async function registrationsOf(q: Queryable, communeId: number, year: number): Promise<RegistrationRow[]> {
  // A registration is on time when first sent by the deadline: the audit keeps every sending
  // (a registration returned and sent again keeps its first time); `submitted_at` otherwise.
  const r = await q.query<RegistrationRow>(
    `SELECT r.unit_id, u.code AS unit, u.name AS unit_name, r.status, r.content, r.submitted_at,
            (SELECT min(a.at) FROM audit a
              WHERE a.commune_id = r.commune_id AND a.entity = 'registration' AND a.unit_id = r.unit_id
                AND a.new->>'status' = 'submitted' AND a.new->>'year' = r.year::text) AS first_submitted
       FROM registrations r JOIN units u ON u.id = r.unit_id
      WHERE r.commune_id = $1 AND r.year = $2 AND r.status <> 'draft'
      ORDER BY u.code`,
    [communeId, year],
  )
  return r.rows.map((row) => ({ ...row, unit_id: Number(row.unit_id) }))
}

async function evaluationsOf(q: Queryable, communeId: number, year: number): Promise<Map<string, EvaluationRow>> {
  const r = await q.query<EvaluationRow>(
    `SELECT c.unit_id, c.title, c.person_key, c.council_met, c.decision, c.award, c.note, c.award_decision_id, d.number,
            to_char(d.signed_on, 'YYYY-MM-DD') AS signed_on
       FROM commendations c LEFT JOIN award_decisions d ON d.id = c.award_decision_id
      WHERE c.commune_id = $1 AND c.year = $2`,
    [communeId, year],
  )
  return new Map(r.rows.map((row) => [`${Number(row.unit_id)}|${row.title}|${row.person_key}`, row]))
}

async function decisionsOf(q: Queryable, communeId: number, year: number): Promise<AwardDecision[]> {
  const r = await q.query<{ id: number; year: number; number: string; signed_on: string; signer: string; signer_title: AwardDecision['signerTitle']; lines: number; created_at: Date }>(
    `SELECT d.id, d.year, d.number, to_char(d.signed_on, 'YYYY-MM-DD') AS signed_on, d.signer, d.signer_title, d.created_at,
            (SELECT count(*)::int FROM commendations c WHERE c.award_decision_id = d.id) AS lines
       FROM award_decisions d WHERE d.commune_id = $1 AND d.year = $2 ORDER BY d.id`,
    [communeId, year],
  )
  return r.rows.map((d) => ({ id: Number(d.id), year: Number(d.year), number: d.number, signedOn: d.signed_on, signer: d.signer, signerTitle: d.signer_title, lines: Number(d.lines), createdAt: new Date(d.created_at).toISOString() }))
}

/** The lines of a registration: its collective titles, then its people, in the order registered. */
function linesOf(content: RegistrationContent): { title: string; person: string | null; position: string }[] {
  return [...content.collective.map((title) => ({ title, person: null, position: '' })), ...content.people.map((p) => ({ title: p.title, person: p.name, position: p.position }))]
}

function titleOf(titles: readonly RegistrationTitle[], code: string): RegistrationTitle {
  return titles.find((t) => t.code === code) ?? { code, name: code, scope: 'individual', unitKinds: [], active: false }
}

/** Whose line it is and for what title, as the evaluation board and the award documents name it. */
function lineNames(reg: RegistrationRow, title: RegistrationTitle, line: ReturnType<typeof linesOf>[number]) {
  return { unit: reg.unit, unitName: reg.unit_name, title: title.code, titleName: title.name, scope: title.scope, person: line.person, position: line.position }
}

/**
 * Every line registered for the year (drafts aside), each with whether it qualifies and the
 * council's evaluation, the titles' criteria, and the award decisions of the year. The targets
 * are judged on approved figures, to the latest period ended; 404 for a year without a plan.
 */
export async function evaluationBoard(q: Queryable, communeId: number, year: number, now: Date): Promise<EvaluationBoard> {
  const results = await loadResults(q, communeId, { year, basis: 'approved' }, now)
  const [ranking, registrations, evaluations, decisions, titles, settings, stored] = await Promise.all([
    rankingOfResults(q, communeId, results, now),
    registrationsOf(q, communeId, year),
    evaluationsOf(q, communeId, year),
    decisionsOf(q, communeId, year),
    listTitles(q, communeId),
    readSettings(q, communeId, year),
    storedCriteria(q, communeId),
  ])
  const ranked = ranking ? new Map(ranking.units.map((u) => [u.unit, { rank: u.rank, total: u.total }])) : undefined
  const lines: EvaluationLine[] = []
  for (const reg of registrations) {
    const targets = unitTargetTally(results, reg.unit)
    const firstSubmittedAt = iso(reg.first_submitted ?? reg.submitted_at)
    for (const line of linesOf(reg.content)) {
      const title = titleOf(titles.titles, line.title)
      const ev = evaluations.get(lineKey(reg.unit_id, line.title, line.person))
      const councilMet = ev?.council_met ?? null
      lines.push({
        ...lineNames(reg, title, line),
        registrationStatus: reg.status,
        firstSubmittedAt,
        qualification: qualify({
          scope: title.scope,
          criteria: criteriaOf(title.code, stored),
          deadline: settings.deadline,
          firstSubmittedAt,
          targets,
          ranking: ranked === undefined ? undefined : (ranked.get(reg.unit) ?? null),
          councilMet,
        }),
        councilMet,
        decision: ev?.decision ?? null,
        award: ev?.award ?? null,
        awardText: awardText(title, ev?.award ?? null),
        note: ev?.note ?? '',
        awarded: ev?.award_decision_id ? { id: Number(ev.award_decision_id), number: ev.number!, signedOn: ev.signed_on! } : null,
      })
    }
  }
  const today = vietnamDate(now)
  return {
    year,
    today,
    yearEnded: yearEnded(year, today),
    deadline: settings.deadline,
    scoring: ranking !== undefined,
    asOf: results.asOf ? { period: results.asOf.period, to: results.asOf.to } : null,
    titles: titles.titles.map((t) => ({ code: t.code, name: t.name, scope: t.scope, criteria: criteriaOf(t.code, stored), custom: t.code in stored })),
    lines,
    decisions,
  }
}

// ---------------------------------------------------------------------------
// The council's decision on a line

async function requirePlan(q: Queryable, communeId: number, year: number): Promise<Plan> {
  const found = await readPlan(q, communeId, year)
  if (!found) throw notFound(say('no_plan_of_year', { year }))
  return found.plan
}

const notEnded = (year: number) => conflict('year_not_ended', { year })

export interface RecordedEvaluation {
  unit: string
  year: number
  title: string
  person: string | null
  councilMet: boolean | null
  decision: EvaluationDecision | null
  award: string | null
  note: string
}

/**
 * Records the council's evaluation of one registered line: its criterion, its decision, the form
 * of award, a note (a field left out keeps its value). Refused, nothing written: a year without a
 * plan, an unknown unit, a registration not approved, a line not registered, a line already
 * awarded, a decision before the year's end unless confirmed. The same state again writes nothing.
 */
export async function recordEvaluation(db: Db, actor: Actor, communeId: number, year: number, unitCode: string, write: EvaluationWrite, now: Date): Promise<RecordedEvaluation> {
  return db.transaction(async (tx) => {
    await bumpVersion(tx, communeId)
    await requirePlan(tx, communeId, year)
    const u = await tx.query<{ id: number; name: string; status: RegistrationStatus | null; content: RegistrationContent | null }>(
      `SELECT u.id, u.name, r.status, r.content FROM units u LEFT JOIN registrations r ON r.unit_id = u.id AND r.year = $3
        WHERE u.commune_id = $1 AND u.code = $2 FOR UPDATE OF u`,
      [communeId, unitCode, year],
    )
    const unit = u.rows[0]
    if (!unit) throw notFound(say('unit_not_found', { code: unitCode }))
    const unitId = Number(unit.id)
    if (unit.status !== 'approved') throw conflict('registration_not_approved', { year, unit: unitCode, status: unit.status ?? 'none' })
    const person = write.person ?? null
    const registered = linesOf(unit.content!).find((l) => l.title === write.title && (person === null ? l.person === null : l.person !== null && personKey(l.person) === personKey(person)))
    if (!registered) {
      const titles = await listTitles(tx, communeId)
      throw new HttpError(404, 'line_not_registered', say('line_not_registered', { name: person ?? unit.name, title: titleOf(titles.titles, write.title).name, year }))
    }
    const key = person === null ? '' : personKey(person)
    const cur = await tx.query<{ council_met: boolean | null; decision: EvaluationDecision | null; award: string | null; note: string; number: string | null }>(
      `SELECT c.council_met, c.decision, c.award, c.note, d.number FROM commendations c LEFT JOIN award_decisions d ON d.id = c.award_decision_id
        WHERE c.commune_id = $1 AND c.year = $2 AND c.unit_id = $3 AND c.title = $4 AND c.person_key = $5`,
      [communeId, year, unitId, write.title, key],
    )
    const before = cur.rows[0]
    if (before?.number) throw conflict('already_awarded', { number: before.number })
    const next = {
      councilMet: write.councilMet === undefined ? (before?.council_met ?? null) : write.councilMet,
      decision: write.decision === undefined ? (before?.decision ?? null) : write.decision,
      award: write.award === undefined ? (before?.award ?? null) : write.award === '' ? null : write.award,
      note: write.note === undefined ? (before?.note ?? '') : write.note,
    }
    const old = before ? { councilMet: before.council_met, decision: before.decision, award: before.award, note: before.note } : null
    const changed = JSON.stringify(old) !== JSON.stringify(next)
    if (changed && next.decision !== null && next.decision !== (before?.decision ?? null) && !write.confirm && !yearEnded(year, vietnamDate(now))) throw notEnded(year)
    const out = { unit: unitCode, year, title: write.title, person: registered.person, ...next }
    if (!changed) return out
    await tx.query(
      `INSERT INTO commendations (commune_id, year, unit_id, title, person_key, person_name, council_met, decision, award, note, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (commune_id, year, unit_id, title, person_key) DO UPDATE
         SET person_name = EXCLUDED.person_name, council_met = EXCLUDED.council_met, decision = EXCLUDED.decision, award = EXCLUDED.award,
             note = EXCLUDED.note, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [communeId, year, unitId, write.title, key, registered.person, next.councilMet, next.decision, next.award, next.note, actor.userId, now],
    )
    const what = { year, title: write.title, ...(registered.person === null ? {} : { person: registered.person }) }
    await audit(tx, communeId, actor, unitId, old === null ? null : { ...what, ...old }, { ...what, ...next }, now)
    return out
  })
}

// ---------------------------------------------------------------------------
// Award decisions

export interface AwardDocLine {
  unitId: number
  /** '' for the unit's collective title. */
  personKey: string
  unit: string
  unitName: string
  title: string
  titleName: string
  scope: RegistrationTitle['scope']
  person: string | null
  position: string
  decision: EvaluationDecision
  awardText: string
  note: string
}

/** What the Tờ trình and the Quyết định print: the commune, its plan, the lines. */
export interface AwardDocData {
  commune: Commune
  year: number
  plan: Pick<Plan, 'title' | 'number' | 'issuedOn' | 'signedBy'>
  lines: AwardDocLine[]
}

/** The decided lines of a year, in the registrations' order: approved and proposed upward; those of one decision only, with `decisionId`. */
async function decidedLines(q: Queryable, communeId: number, year: number, filter: { decisionId?: number; pendingOnly?: boolean }): Promise<AwardDocLine[]> {
  const [registrations, evaluations, titles] = await Promise.all([registrationsOf(q, communeId, year), evaluationsOf(q, communeId, year), listTitles(q, communeId)])
  const out: AwardDocLine[] = []
  for (const reg of registrations) {
    if (reg.status !== 'approved') continue
    for (const line of linesOf(reg.content)) {
      const ev = evaluations.get(lineKey(reg.unit_id, line.title, line.person))
      if (!ev?.decision || ev.decision === 'not_approved') continue
      const decisionId = ev.award_decision_id === null ? null : Number(ev.award_decision_id)
      if (filter.decisionId !== undefined && decisionId !== filter.decisionId) continue
      if (filter.pendingOnly && (ev.decision !== 'approved' || decisionId !== null)) continue
      const title = titleOf(titles.titles, line.title)
      out.push({
        unitId: reg.unit_id,
        personKey: ev.person_key,
        ...lineNames(reg, title, line),
        decision: ev.decision,
        awardText: awardText(title, ev.award),
        note: ev.note,
      })
    }
  }
  return out
}

async function docData(q: Queryable, communeId: number, year: number, lines: AwardDocLine[]): Promise<AwardDocData> {
  const [commune, plan] = await Promise.all([communeOfId(q, communeId), requirePlan(q, communeId, year)])
  return { commune, year, plan: { title: plan.title, number: plan.number, issuedOn: plan.issuedOn, signedBy: plan.signedBy }, lines }
}

/** The Tờ trình's content: every line approved or proposed upward of the year; 409 when there is none. */
export async function proposalData(q: Queryable, communeId: number, year: number): Promise<AwardDocData> {
  await requirePlan(q, communeId, year)
  const lines = await decidedLines(q, communeId, year, {})
  if (lines.length === 0) throw conflict('nothing_to_propose', { year })
  return docData(q, communeId, year, lines)
}

/** A draft decision's content: the approved lines not yet awarded; 409 when there is none. */
export async function draftDecisionData(q: Queryable, communeId: number, year: number): Promise<AwardDocData> {
  await requirePlan(q, communeId, year)
  const lines = await decidedLines(q, communeId, year, { pendingOnly: true })
  if (lines.length === 0) throw conflict('nothing_to_award', { year })
  return docData(q, communeId, year, lines)
}

/** A recorded decision and what it awarded; 404 for one of another commune or none. */
export async function decisionData(q: Queryable, communeId: number, id: number): Promise<{ decision: AwardDecision; data: AwardDocData }> {
  const r = await q.query<{ year: number }>('SELECT year FROM award_decisions WHERE commune_id = $1 AND id = $2', [communeId, id])
  const row = r.rows[0]
  if (!row) throw notFound(say('decision_not_found'))
  const year = Number(row.year)
  const decision = (await decisionsOf(q, communeId, year)).find((d) => d.id === id)!
  return { decision, data: await docData(q, communeId, year, await decidedLines(q, communeId, year, { decisionId: id })) }
}

/**
 * Records an award decision: its number and date (both required), its signer; it awards every
 * line of the year approved by the council and not yet awarded. Refused, nothing written: no
 * number or date, a year without a plan, a year not ended unless confirmed, a number the commune
 * already used, nothing left to award.
 */
export async function recordAwardDecision(db: Db, actor: Actor, communeId: number, year: number, write: AwardDecisionWrite, now: Date): Promise<AwardDecision> {
  const raw = write.number?.trim() ?? ''
  if (raw === '' || !write.signedOn) throw new HttpError(400, 'decision_number_required', say('decision_number_required'))
  const number = decisionNumber(raw, 'QĐ')
  const signedOn = write.signedOn
  return db.transaction(async (tx) => {
    await bumpVersion(tx, communeId)
    const plan = await requirePlan(tx, communeId, year)
    if (!write.confirm && !yearEnded(year, vietnamDate(now))) throw notEnded(year)
    const dup = await tx.query('SELECT 1 FROM award_decisions WHERE commune_id = $1 AND number_key = $2', [communeId, decisionKey(number)])
    if (dup.rows.length > 0) throw conflict('duplicate_decision', { number })
    const lines = await decidedLines(tx, communeId, year, { pendingOnly: true })
    if (lines.length === 0) throw conflict('nothing_to_award', { year })
    const signer = write.signer?.trim() || plan.signedBy || ''
    const signerTitle = write.signerTitle ?? 'chu_tich'
    const ins = await tx.query<{ id: number }>(
      `INSERT INTO award_decisions (commune_id, year, number, number_key, signed_on, signer, signer_title, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [communeId, year, number, decisionKey(number), signedOn, signer, signerTitle, actor.userId, now],
    )
    const id = Number(ins.rows[0]!.id)
    await tx.query(
      `UPDATE commendations c SET award_decision_id = $3
         FROM json_to_recordset($4::json) AS l(unit_id bigint, title text, person_key text)
        WHERE c.commune_id = $1 AND c.year = $2 AND c.unit_id = l.unit_id AND c.title = l.title AND c.person_key = l.person_key`,
      [communeId, year, id, JSON.stringify(lines.map((l) => ({ unit_id: l.unitId, title: l.title, person_key: l.personKey })))],
    )
    const awarded = lines.map((l) => ({ unit: l.unit, title: l.title, ...(l.person === null ? {} : { person: l.person }) }))
    await audit(tx, communeId, actor, null, null, { year, awardDecision: { number, signedOn, signer, signerTitle }, awarded }, now)
    return { id, year, number, signedOn, signer, signerTitle, lines: lines.length, createdAt: now.toISOString() }
  })
}

// ---------------------------------------------------------------------------
// Achievement records

interface EntryRow {
  year: number
  unit: string
  unit_name: string
  unit_kind: string
  title: string
  person_name: string | null
  person_key: string
  decision: EvaluationDecision
  award: string | null
  award_decision_id: number | null
  number: string | null
  signed_on: string | null
}

const ENTRY_SELECT = `
  SELECT c.year, u.code AS unit, u.name AS unit_name, u.kind AS unit_kind, c.title, c.person_name, c.person_key, c.decision, c.award,
         c.award_decision_id, d.number, to_char(d.signed_on, 'YYYY-MM-DD') AS signed_on
    FROM commendations c JOIN units u ON u.id = c.unit_id LEFT JOIN award_decisions d ON d.id = c.award_decision_id
   WHERE c.commune_id = $1 AND (c.award_decision_id IS NOT NULL OR c.decision = 'proposed_upward')`

/**
 * The lines still registered, by unit, year, folded name ('' for the unit's own title) and title,
 * with the position the person registered with: a proposal upward is listed only while its line
 * is registered (an award stands whatever became of its registration).
 */
async function registeredLines(q: Queryable, communeId: number, rows: readonly EntryRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (rows.length === 0) return out
  const r = await q.query<{ unit: string; year: number; content: RegistrationContent }>(
    `SELECT u.code AS unit, r.year, r.content FROM registrations r JOIN units u ON u.id = r.unit_id
      WHERE r.commune_id = $1 AND u.code = ANY($2::text[])`,
    [communeId, [...new Set(rows.map((w) => w.unit))]],
  )
  for (const reg of r.rows) {
    const year = Number(reg.year)
    for (const code of reg.content.collective) out.set(`${reg.unit}|${year}||${code}`, '')
    for (const p of reg.content.people) out.set(`${reg.unit}|${year}|${personKey(p.name)}|${p.title}`, p.position)
  }
  return out
}

function entriesOf(rows: readonly EntryRow[], titles: readonly RegistrationTitle[], lines: ReadonlyMap<string, string>): AchievementEntry[] {
  const lineOf = (r: EntryRow): string => `${r.unit}|${Number(r.year)}|${r.person_key}|${r.title}`
  return rows
    .filter((r) => r.award_decision_id !== null || lines.has(lineOf(r)))
    .map((r) => {
      const title = titleOf(titles, r.title)
      const year = Number(r.year)
      return {
        year,
        unit: r.unit,
        unitName: r.unit_name,
        person: r.person_name,
        position: lines.get(lineOf(r)) ?? '',
        title: title.code,
        titleName: title.name,
        awardText: awardText(title, r.award),
        kind: r.award_decision_id !== null ? ('awarded' as const) : ('proposed_upward' as const),
        decision: r.award_decision_id !== null ? { id: Number(r.award_decision_id), number: r.number!, signedOn: r.signed_on! } : null,
      }
    })
    .sort((a, b) => b.year - a.year || (a.person ?? '').localeCompare(b.person ?? '', 'vi') || a.titleName.localeCompare(b.titleName, 'vi'))
}

/** A unit's record: its own titles and awards across the years, and its people's. */
export async function unitAchievements(q: Queryable, communeId: number, unitCode: string): Promise<UnitAchievements> {
  const u = await q.query<{ code: string; name: string; kind: string }>('SELECT code, name, kind FROM units WHERE commune_id = $1 AND code = $2', [communeId, unitCode])
  const unit = u.rows[0]
  if (!unit) throw notFound(say('unit_not_found', { code: unitCode }))
  const [rows, titles] = await Promise.all([q.query<EntryRow>(`${ENTRY_SELECT} AND u.code = $2`, [communeId, unitCode]), listTitles(q, communeId)])
  const all = entriesOf(rows.rows, titles.titles, await registeredLines(q, communeId, rows.rows))
  return { unit, entries: all.filter((e) => e.person === null), people: all.filter((e) => e.person !== null) }
}

/**
 * People's records whose name contains the words searched (case, accents and spacing aside), one
 * per person (by name across the commune's units), at most 50.
 */
export async function peopleAchievements(q: Queryable, communeId: number, name: string): Promise<PeopleAchievements> {
  const folded = foldName(name)
  const [rows, titles] = await Promise.all([q.query<EntryRow>(`${ENTRY_SELECT} AND c.person_key <> '' ORDER BY c.person_key`, [communeId]), listTitles(q, communeId)])
  const found = rows.rows.filter((r) => foldName(r.person_key).includes(folded))
  const lines = await registeredLines(q, communeId, found)
  const byPerson = new Map<string, EntryRow[]>()
  for (const r of found) byPerson.set(r.person_key, [...(byPerson.get(r.person_key) ?? []), r])
  const people = [...byPerson.values()]
    .map((rs) => ({ name: rs.map((r) => r.person_name ?? '').sort().at(-1) ?? '', entries: entriesOf(rs, titles.titles, lines) }))
    .filter((p) => p.entries.length > 0)
    .slice(0, 50)
  people.sort((a, b) => a.name.localeCompare(b.name, 'vi'))
  return { name, people }
}

/** A name folded for search: lower case, without accents (đ as d), single spaces. */
function foldName(name: string): string {
  return foldMarks(name).replace(/\s+/g, ' ').trim()
}

// ---------------------------------------------------------------------------

/** The change's audit row (audit.ts writeAudit), under this concern's entity. */
function audit(tx: Queryable, communeId: number, actor: Actor, unitId: number | null, old: unknown, next: unknown, now: Date): Promise<void> {
  return writeAudit(tx, communeId, actor, { entity: 'commendation', ...(unitId === null ? {} : { unitId }), old, new: next }, now)
}
