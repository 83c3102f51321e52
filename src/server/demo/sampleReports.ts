// Sample reports for the demo communes, so that a newcomer's first look at the officer's
// workspace (dashboard, review queue, completeness board, exports) has something to show.
// Deterministic: the same figures at every fresh start. They go through the real write paths
// (the sync ingest and the officer's decisions), so audit, versions and reports are as in use.
//
// The units that have a demo reporter account (tqt.tdp01, phothuan.anthach…) get their past
// quarters approved and nothing more: the quarter under way is theirs to try the village head's
// side with, from a blank report, and their inbox shows it due rather than quarters overdue.
import type { Indicator, Period, Plan, Target, ValueData } from '../../shared/model'
import type { Mutation } from '../../shared/protocol'
import { reportingUnits, type PlanFile } from '../../shared/planFile'
import { quarterPeriods } from '../../shared/periods'
import type { Actor } from '../auth/actor'
import { decideReport } from '../db/reports'
import type { Db } from '../db/types'
import { ingest } from '../sync/ingest'
import { MAX_PUSH_BATCH } from '../../shared/limits'

/** What happens to a unit's report of the last quarter: most are approved, some wait, one is returned, one is never sent. */
type Fate = 'approved' | 'submitted' | 'returned' | 'draft'

const DEVICE = 'demo-seed-device'

/** A small deterministic generator (mulberry32), seeded by the commune's code. */
function random(seedText: string): () => number {
  let seed = 0
  for (const ch of seedText) seed = (Math.imul(seed, 31) + ch.charCodeAt(0)) | 0
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const round = (x: number): number => (Math.abs(x) >= 20 ? Math.round(x) : Math.abs(x) >= 1 ? Math.round(x * 10) / 10 : Math.round(x * 100) / 100)

/** Units of measure that count whole things: a village never reports 4,3 people. */
const WHOLE = /^(người|hộ|học sinh|con|lao động|trẻ|cháu|trường|cơ quan|tổ|vụ|ca|lượt|buổi|cuộc|đơn vị|gia đình)/i

/** The level a target aims at, in the indicator's unit (a rate in % or ‰), when it names one. */
function aim(target: Target | undefined): number | undefined {
  switch (target?.kind) {
    case 'at_least':
    case 'rate_at_least':
    case 'at_most':
      return target.value
    case 'range':
      return (target.min + target.max) / 2
    case 'derived':
      return target.value
    case 'reduce_by':
      return target.baseline === undefined ? undefined : target.baseline - target.amount
    case 'growth':
      return target.baseValue === undefined ? undefined : target.baseValue * (1 + target.percent / 100)
    default:
      return undefined
  }
}

/** One unit's figure for one quarter (`q` 1–4), around the share of the target a unit of `n` would carry. */
function sampleValue(ind: Indicator, n: number, q: number, rnd: () => number): ValueData {
  const f = 0.95 + rnd() * 0.4 // 0.95–1.35: most units on track, a few behind
  if (ind.aggregation === 'yes_no') return { kind: 'yes_no', achieved: rnd() > 0.08 }
  const target = aim(ind.target)
  if (ind.aggregation === 'rate') {
    const scale = ind.scale ?? 100
    const denominator = 60 + Math.floor(rnd() * 340)
    const level = target ?? scale * 0.8
    const spread = ind.target?.kind === 'at_most' ? 0.7 + rnd() * 0.4 : 0.97 + rnd() * 0.1
    let numerator = Math.round(denominator * (level / scale) * spread)
    if (ind.proportion !== false) numerator = Math.max(0, Math.min(denominator, numerator))
    return { kind: 'ratio', numerator, denominator }
  }
  const perUnit = (target ?? 40 * n) / n
  // A flow accrues over the four quarters; a stock is a level at each quarter's end.
  const value = ind.aggregation === 'flow' ? (perUnit / 4) * f : perUnit * (0.95 + rnd() * 0.1) * (ind.target?.kind === 'reduce_by' ? 1 + (4 - q) * 0.02 : 1)
  return { kind: 'number', value: Math.max(0, WHOLE.test(ind.unitOfMeasure.trim()) ? Math.round(value) : round(value)) }
}

/** Typed figures only: an indicator computed from others (formula, sum of children) is never entered. */
const entered = (ind: Indicator): boolean => ind.formula === undefined && (ind.children ?? []).length === 0 && ind.target?.kind !== 'shares'

function fateOf(i: number): Fate {
  if (i % 7 === 3) return 'returned'
  if (i % 7 === 5) return 'submitted'
  if (i % 7 === 6) return 'draft'
  return 'approved'
}

const atNoon = (isoDate: string, shiftDays: number): Date => new Date(Date.parse(`${isoDate}T05:00:00Z`) + shiftDays * 86_400_000)

/**
 * Writes sample reports for the commune of `file`: every quarter of the plan's year that ended
 * before `now`, every reporting unit; the earlier quarters approved, the last one a mix of
 * approved, waiting, returned and never sent (the demo accounts' units: approved), a few sent
 * after the deadline.
 * The quarter under way is left to be reported, as it would be in real use.
 */
export async function writeSampleReports(db: Db, communeId: number, file: PlanFile, now: Date): Promise<number> {
  const officerRow = await db.query<{ id: number; username: string; display_name: string }>(
    `SELECT id, username, display_name FROM users WHERE commune_id = $1 AND role = 'officer' AND active ORDER BY id LIMIT 1`,
    [communeId],
  )
  const officer = officerRow.rows[0]
  if (!officer) return 0
  const actor: Actor = {
    userId: Number(officer.id),
    username: officer.username,
    displayName: officer.display_name,
    role: 'officer',
    communeId,
    provinceId: null,
    unitIds: new Set(),
    deviceId: DEVICE,
    sessionHash: 'demo-seed',
  }
  const plan: Plan = file.plan
  const withAccount = new Set(file.accounts.flatMap((a) => a.units))
  // The demo accounts' units last, so the others' figures and fates do not depend on them.
  const units = [...file.units.filter((u) => !withAccount.has(u.code)), ...file.units.filter((u) => withAccount.has(u.code))]
  const today = now.toISOString().slice(0, 10)
  const quarters: Period[] = quarterPeriods(plan.year).filter((q) => q.to < today)
  const rnd = random(file.commune.code)
  let written = 0
  let serial = 0
  const id = () => `demo-${communeId}-${(serial++).toString(36).padStart(6, '0')}`

  for (const [qi, period] of quarters.entries()) {
    const last = qi === quarters.length - 1
    const mutations: Mutation[] = []
    const submits: { unit: string; fate: Fate; at: Date }[] = []
    for (const [ui, unit] of units.entries()) {
      const indicators = plan.indicators.filter((ind) => entered(ind) && reportingUnits(ind.reporters, file.units).some((u) => u.code === unit.code))
      if (indicators.length === 0) continue
      for (const ind of indicators) {
        // The reporting units carry the whole target between them.
        const n = Math.max(1, reportingUnits(ind.reporters, units).length)
        mutations.push({
          kind: 'value',
          mutationId: id(),
          deviceId: DEVICE,
          unit: unit.code,
          period: period.code,
          indicator: ind.code,
          value: sampleValue(ind, n, qi + 1, rnd),
          baseVersion: 0,
          clientTime: atNoon(period.to, 1).toISOString(),
        })
      }
      const fate = last && !withAccount.has(unit.code) ? fateOf(ui) : 'approved'
      // Most reports arrive a few days before the deadline; every fifth unit is three days late.
      const at = atNoon(period.deadline, ui % 5 === 4 ? 3 : -(ui % 3))
      submits.push({ unit: unit.code, fate, at })
    }
    for (let i = 0; i < mutations.length; i += MAX_PUSH_BATCH) {
      const result = await ingest(db, actor, communeId, mutations.slice(i, i + MAX_PUSH_BATCH), atNoon(period.to, 1))
      written += result.outcomes.filter((o) => o.status === 'applied').length
    }
    for (const s of submits) {
      if (s.fate === 'draft') continue
      // A report's version is the one its values gave it; the device saw it when it saved them.
      const report = await db.query<{ version: number }>(
        `SELECT r.version FROM reports r JOIN units u ON u.id = r.unit_id JOIN periods p ON p.id = r.period_id
          WHERE r.commune_id = $1 AND u.code = $2 AND p.code = $3`,
        [communeId, s.unit, period.code],
      )
      const baseVersion = Number(report.rows[0]?.version ?? 0)
      await ingest(db, actor, communeId, [{ kind: 'report', mutationId: id(), deviceId: DEVICE, unit: s.unit, period: period.code, action: 'submit', baseVersion, clientTime: s.at.toISOString() }], s.at)
      const decidedAt = new Date(s.at.getTime() + 2 * 86_400_000)
      if (s.fate === 'approved') await decideReport(db, actor, communeId, s.unit, period.code, { action: 'approve' }, decidedAt)
      if (s.fate === 'returned') {
        await decideReport(db, actor, communeId, s.unit, period.code, { action: 'return', reason: 'Số liệu quý IV chưa khớp với báo cáo của các ban ngành, đề nghị kiểm tra lại.' }, decidedAt)
      }
    }
  }
  return written
}
