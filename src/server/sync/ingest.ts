// Push ingest: one batch of mutations in one transaction. Every mutation gets an outcome, the
// outcomes are stored with the changes, and a replayed batch changes nothing twice.
import * as v from 'valibot'
import { issueMessage, type Indicator, type ValueData } from '../../shared/model'
import { MutationSchema, type Mutation, type MutationOutcome, type PushResponse, type RejectionCode, type ReportMutation, type ServerCell, type ValueMutation } from '../../shared/protocol'
import { isReporter } from '../../shared/planFile'
import { checkValue } from '../../shared/validation'
import { canWriteUnit, type Actor } from '../auth/actor'
import type { Db, Queryable } from '../db/types'
import { bumpVersion } from '../db/versions'

interface UnitInfo {
  id: number
  code: string
  kind: string
  active: boolean
}
interface PeriodInfo {
  id: number
  year: number
  locked: boolean
  lockReason: string | null
}
interface IndicatorInfo {
  id: number
  def: Indicator
}
interface Cell extends ServerCell {
  unitId: number
  periodId: number
  indicatorId: number
}
interface ReportState {
  status: 'none' | 'draft' | 'submitted' | 'approved' | 'returned'
  version: number
  returnReason: string | null
}

/** A mutation the push could not even parse still gets an outcome, under whatever id it carried. */
function rawId(raw: unknown, index: number): string {
  const id = (raw as { mutationId?: unknown } | null)?.mutationId
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : `#${index}`
}

const reject = (mutationId: string, code: RejectionCode, message: string): MutationOutcome => ({ mutationId, status: 'rejected', code, message })

/** Writes to apply, collected while outcomes are decided, then written in a few statements. */
interface Pending {
  cells: Map<string, Cell>
  reports: Map<string, { unitId: number; periodId: number; status: ReportState['status']; submittedAt: boolean }>
  audit: { entity: 'value' | 'report'; unitId: number; periodId: number; indicatorId: number | null; mutationId: string; deviceId: string; old: unknown; new: unknown }[]
}

export interface IngestOptions {
  /**
   * A backup file's mutations, uploaded by this officer: `actor` is then the file's own user on
   * the file's device (their rights decide), and the officer is recorded beside them.
   */
  importedBy?: Actor
}

/** Applies one push batch for the actor in the commune. */
export async function ingest(db: Db, actor: Actor, communeId: number, rawMutations: readonly unknown[], now: Date, options: IngestOptions = {}): Promise<PushResponse> {
  const importedBy = options.importedBy?.userId ?? null
  // Parse first, outside the transaction: a malformed mutation is rejected alone.
  const parsed = rawMutations.map((raw, index) => {
    const r = v.safeParse(MutationSchema, raw)
    if (r.success) return r.output
    const issue = r.issues[0]
    const path = issue ? v.getDotPath(issue) : null
    return reject(rawId(raw, index), 'invalid', `Thay đổi không hợp lệ${path ? ` (${path})` : ''}: ${issue ? issueMessage(issue) : ''}`)
  })
  const mutations = parsed.filter((m): m is Mutation => 'kind' in m)

  return db.transaction(async (tx) => {
    // The commune row lock orders this batch after every earlier writer of the commune.
    const locked = await tx.query<{ version: number }>('SELECT version FROM communes WHERE id = $1 FOR UPDATE', [communeId])
    const version = Number(locked.rows[0]!.version) + 1
    const ctx = await loadContext(tx, communeId, mutations)
    const pending: Pending = { cells: new Map(), reports: new Map(), audit: [] }
    const seen = new Map<string, { foreign: boolean; outcome: Exclude<MutationOutcome, { status: 'duplicate' }> }>()
    const outcomes: MutationOutcome[] = []
    const fresh: { mutationId: string; deviceId: string; outcome: MutationOutcome }[] = []

    for (const item of parsed) {
      if (!('kind' in item)) {
        outcomes.push(item)
        continue
      }
      const earlier = ctx.recorded.get(item.mutationId) ?? seen.get(item.mutationId)
      if (earlier) {
        outcomes.push(earlier.foreign ? reject(item.mutationId, 'invalid', 'Mã thay đổi đã được dùng ở nơi khác') : { mutationId: item.mutationId, status: 'duplicate', original: earlier.outcome })
        continue
      }
      const outcome =
        importedBy !== null && item.deviceId !== actor.deviceId
          ? reject(item.mutationId, 'invalid', 'Thay đổi này không phải của thiết bị đã tạo tệp sao lưu')
          : item.kind === 'value'
            ? decideValue(actor, ctx, pending, item, version, now)
            : decideReport(actor, ctx, pending, item, version)
      seen.set(item.mutationId, { foreign: false, outcome: outcome as Exclude<MutationOutcome, { status: 'duplicate' }> })
      outcomes.push(outcome)
      fresh.push({ mutationId: item.mutationId, deviceId: item.deviceId, outcome })
    }

    const writes = pending.cells.size + pending.reports.size > 0
    if (writes) {
      const bumped = await bumpVersion(tx, communeId)
      if (bumped !== version) throw new Error(`version moved under the commune lock: ${bumped} ≠ ${version}`)
      await writeCells(tx, communeId, actor, pending, version, now)
      await writeReports(tx, communeId, pending, version, now)
      await writeAudit(tx, communeId, actor, pending, now, importedBy)
    }
    await recordOutcomes(tx, communeId, actor, fresh, now, importedBy)
    if (importedBy === null) await tx.query('UPDATE sessions SET last_sync_at = $2 WHERE token_hash = $1', [actor.sessionHash, now])
    return { outcomes, version: writes ? version : version - 1 }
  })
}

// ---------------------------------------------------------------------------
// Decisions: pure given the loaded context

interface Context {
  units: Map<string, UnitInfo>
  periods: Map<string, PeriodInfo>
  /** `${year}:${code}` → indicator of that year's plan. */
  indicators: Map<string, IndicatorInfo>
  cells: Map<string, Cell>
  reports: Map<string, ReportState>
  recorded: Map<string, { foreign: boolean; outcome: Exclude<MutationOutcome, { status: 'duplicate' }> }>
}

const cellKey = (u: number, p: number, i: number): string => `${u}:${p}:${i}`
const reportKey = (u: number, p: number): string => `${u}:${p}`

/** Checks shared by value and report mutations: the unit, the period, the right to write, the lock. */
function checkTarget(actor: Actor, ctx: Context, m: Mutation): { unit: UnitInfo; period: PeriodInfo } | MutationOutcome {
  const unit = ctx.units.get(m.unit)
  if (!unit || !unit.active) return reject(m.mutationId, 'not_found', `Không có đơn vị “${m.unit}”`)
  const period = ctx.periods.get(m.period)
  if (!period) return reject(m.mutationId, 'not_found', `Không có kỳ báo cáo “${m.period}”`)
  if (!canWriteUnit(actor, unit.id)) return reject(m.mutationId, 'forbidden', `Tài khoản này không được nhập số liệu cho đơn vị “${unit.code}”`)
  if (period.locked) {
    return reject(m.mutationId, 'period_locked', `Kỳ báo cáo ${m.period} đã khóa${period.lockReason ? `: ${period.lockReason}` : ''}`)
  }
  return { unit, period }
}

function reportOf(ctx: Context, pending: Pending, unitId: number, periodId: number): ReportState {
  const key = reportKey(unitId, periodId)
  const p = pending.reports.get(key)
  const r = ctx.reports.get(key) ?? { status: 'none', version: 0, returnReason: null }
  return p ? { ...r, status: p.status } : r
}

function sameCell(cell: Cell | undefined, value: ValueData | null, note: string | null): boolean {
  return JSON.stringify(canonical(cell?.value ?? null)) === JSON.stringify(canonical(value)) && (cell?.note ?? null) === note
}

function canonical(value: ValueData | null): unknown {
  if (value === null) return null
  if (value.kind === 'number') return ['number', value.value]
  if (value.kind === 'ratio') return ['ratio', value.numerator, value.denominator]
  return ['yes_no', value.achieved, value.note ?? null]
}

function isComputed(def: Indicator): boolean {
  return def.formula !== undefined || (def.children?.length ?? 0) > 0
}

function decideValue(actor: Actor, ctx: Context, pending: Pending, m: ValueMutation, version: number, now: Date): MutationOutcome {
  const target = checkTarget(actor, ctx, m)
  if ('status' in target) return target
  const { unit, period } = target
  const ind = ctx.indicators.get(`${period.year}:${m.indicator}`)
  if (!ind) return reject(m.mutationId, 'not_found', `Không có chỉ tiêu “${m.indicator}” trong kế hoạch năm ${period.year}`)
  if (isComputed(ind.def)) return reject(m.mutationId, 'invalid', `“${ind.def.name}” được tính tự động, không nhập trực tiếp`)
  if (!isReporter(ind.def.reporters, unit)) {
    return reject(m.mutationId, 'not_assigned', `Chỉ tiêu “${ind.def.name}” không giao cho đơn vị “${unit.code}”`)
  }
  const report = reportOf(ctx, pending, unit.id, period.id)
  if (report.status === 'approved') return reject(m.mutationId, 'report_approved', 'Báo cáo kỳ này đã được duyệt, không sửa được số liệu')
  if (report.status === 'submitted') return reject(m.mutationId, 'report_submitted', 'Báo cáo kỳ này đã gửi, đang chờ duyệt. Rút lại báo cáo để sửa.')
  if (m.value !== null) {
    const problems = checkValue(ind.def, m.value)
    if (problems[0]) return reject(m.mutationId, 'invalid', problems[0].message)
  }
  const key = cellKey(unit.id, period.id, ind.id)
  const cell = pending.cells.get(key) ?? ctx.cells.get(key)
  const note = m.note === undefined ? (cell?.note ?? null) : m.note
  // The same content as the server holds converges without a new version, whatever the base.
  if (cell && sameCell(cell, m.value, note)) return { mutationId: m.mutationId, status: 'applied', version: cell.version }
  if ((cell?.version ?? 0) !== m.baseVersion) {
    return { mutationId: m.mutationId, status: 'conflict', server: serverCell(cell) }
  }
  const next: Cell = { unitId: unit.id, periodId: period.id, indicatorId: ind.id, value: m.value, note, version, updatedBy: actor.displayName, updatedAt: now.toISOString() }
  pending.cells.set(key, next)
  pending.audit.push({
    entity: 'value',
    unitId: unit.id,
    periodId: period.id,
    indicatorId: ind.id,
    mutationId: m.mutationId,
    deviceId: m.deviceId,
    old: cell ? { value: cell.value, note: cell.note, version: cell.version } : null,
    new: { value: m.value, note },
  })
  if (report.status === 'none') pending.reports.set(reportKey(unit.id, period.id), { unitId: unit.id, periodId: period.id, status: 'draft', submittedAt: false })
  return { mutationId: m.mutationId, status: 'applied', version }
}

function serverCell(cell: Cell | undefined): ServerCell {
  if (!cell) return { value: null, note: null, version: 0, updatedBy: null, updatedAt: null }
  return { value: cell.value, note: cell.note, version: cell.version, updatedBy: cell.updatedBy, updatedAt: cell.updatedAt }
}

function decideReport(actor: Actor, ctx: Context, pending: Pending, m: ReportMutation, version: number): MutationOutcome {
  const target = checkTarget(actor, ctx, m)
  if ('status' in target) return target
  const { unit, period } = target
  const key = reportKey(unit.id, period.id)
  const report = reportOf(ctx, pending, unit.id, period.id)
  const to = m.action === 'submit' ? 'submitted' : 'draft'
  if (report.status === to) return { mutationId: m.mutationId, status: 'applied', version: report.version }
  if (!pending.reports.has(key) && report.version !== m.baseVersion) {
    return { mutationId: m.mutationId, status: 'conflict', server: { status: report.status, version: report.version } }
  }
  if (report.status === 'approved') return reject(m.mutationId, 'report_approved', 'Báo cáo kỳ này đã được duyệt')
  const allowed = m.action === 'submit' ? ['none', 'draft', 'returned'].includes(report.status) : report.status === 'submitted'
  if (!allowed) return reject(m.mutationId, 'invalid_transition', m.action === 'submit' ? 'Báo cáo không gửi được ở trạng thái này' : 'Chỉ rút lại được báo cáo đã gửi, chưa duyệt')
  pending.reports.set(key, { unitId: unit.id, periodId: period.id, status: to, submittedAt: to === 'submitted' })
  pending.audit.push({
    entity: 'report',
    unitId: unit.id,
    periodId: period.id,
    indicatorId: null,
    mutationId: m.mutationId,
    deviceId: m.deviceId,
    old: { status: report.status },
    new: { status: to },
  })
  return { mutationId: m.mutationId, status: 'applied', version }
}

// ---------------------------------------------------------------------------
// Reads and writes

async function loadContext(tx: Queryable, communeId: number, mutations: readonly Mutation[]): Promise<Context> {
  const [units, periods, recorded] = await Promise.all([
    tx.query<{ id: number; code: string; kind: string; active: boolean }>('SELECT id, code, kind, active FROM units WHERE commune_id = $1', [communeId]),
    tx.query<{ id: number; code: string; year: number; locked: boolean; lock_reason: string | null }>('SELECT id, code, year, locked, lock_reason FROM periods WHERE commune_id = $1', [communeId]),
    tx.query<{ mutation_id: string; commune_id: number; outcome: Exclude<MutationOutcome, { status: 'duplicate' }> }>(
      'SELECT mutation_id, commune_id, outcome FROM mutations WHERE mutation_id = ANY($1::text[])',
      [mutations.map((m) => m.mutationId)],
    ),
  ])
  const ctx: Context = {
    units: new Map(units.rows.map((u) => [u.code, { id: Number(u.id), code: u.code, kind: u.kind, active: u.active }])),
    periods: new Map(periods.rows.map((p) => [p.code, { id: Number(p.id), year: p.year, locked: p.locked, lockReason: p.lock_reason }])),
    indicators: new Map(),
    cells: new Map(),
    reports: new Map(),
    recorded: new Map(recorded.rows.map((r) => [r.mutation_id, { foreign: Number(r.commune_id) !== communeId, outcome: r.outcome }])),
  }
  const years = [...new Set(mutations.map((m) => ctx.periods.get(m.period)?.year).filter((y): y is number => y !== undefined))]
  if (years.length > 0) {
    const inds = await tx.query<{ id: number; year: number; def: Indicator }>(
      `SELECT i.id, p.year, i.def FROM indicators i JOIN plans p ON p.id = i.plan_id
        WHERE p.commune_id = $1 AND p.year = ANY($2::int[]) AND NOT i.deleted`,
      [communeId, years],
    )
    for (const i of inds.rows) ctx.indicators.set(`${i.year}:${i.def.code}`, { id: Number(i.id), def: i.def })
  }
  const pairs = new Map<string, [number, number]>()
  const cellKeys: [number, number, number][] = []
  for (const m of mutations) {
    const unit = ctx.units.get(m.unit)
    const period = ctx.periods.get(m.period)
    if (!unit || !period) continue
    pairs.set(reportKey(unit.id, period.id), [unit.id, period.id])
    if (m.kind === 'value') {
      const ind = ctx.indicators.get(`${period.year}:${m.indicator}`)
      if (ind) cellKeys.push([unit.id, period.id, ind.id])
    }
  }
  if (cellKeys.length > 0) {
    const cells = await tx.query<{ unit_id: number; period_id: number; indicator_id: number; data: ValueData | null; note: string | null; version: number; updated_by: string | null; updated_at: Date }>(
      `SELECT c.unit_id, c.period_id, c.indicator_id, c.data, c.note, c.version, u.display_name AS updated_by, c.updated_at
         FROM cell_values c
         JOIN unnest($1::bigint[], $2::bigint[], $3::bigint[]) AS k(u, p, i) ON c.unit_id = k.u AND c.period_id = k.p AND c.indicator_id = k.i
         LEFT JOIN users u ON u.id = c.updated_by`,
      [cellKeys.map((k) => k[0]), cellKeys.map((k) => k[1]), cellKeys.map((k) => k[2])],
    )
    for (const c of cells.rows) {
      const cell: Cell = {
        unitId: Number(c.unit_id),
        periodId: Number(c.period_id),
        indicatorId: Number(c.indicator_id),
        value: c.data,
        note: c.note,
        version: Number(c.version),
        updatedBy: c.updated_by,
        updatedAt: new Date(c.updated_at).toISOString(),
      }
      ctx.cells.set(cellKey(cell.unitId, cell.periodId, cell.indicatorId), cell)
    }
  }
  if (pairs.size > 0) {
    const list = [...pairs.values()]
    const reports = await tx.query<{ unit_id: number; period_id: number; status: ReportState['status']; version: number; return_reason: string | null }>(
      `SELECT r.unit_id, r.period_id, r.status, r.version, r.return_reason FROM reports r
         JOIN unnest($1::bigint[], $2::bigint[]) AS k(u, p) ON r.unit_id = k.u AND r.period_id = k.p`,
      [list.map((p) => p[0]), list.map((p) => p[1])],
    )
    for (const r of reports.rows) ctx.reports.set(reportKey(Number(r.unit_id), Number(r.period_id)), { status: r.status, version: Number(r.version), returnReason: r.return_reason })
  }
  return ctx
}

async function writeCells(tx: Queryable, communeId: number, actor: Actor, pending: Pending, version: number, now: Date): Promise<void> {
  if (pending.cells.size === 0) return
  const deviceOf = new Map(pending.audit.filter((a) => a.entity === 'value').map((a) => [cellKey(a.unitId, a.periodId, a.indicatorId!), a.deviceId]))
  const rows = [...pending.cells.entries()].map(([key, c]) => ({ u: c.unitId, p: c.periodId, i: c.indicatorId, data: c.value, note: c.note, device: deviceOf.get(key) ?? actor.deviceId }))
  await tx.query(
    `INSERT INTO cell_values (commune_id, unit_id, period_id, indicator_id, data, note, version, updated_by, device_id, updated_at)
     SELECT $1, r.u, r.p, r.i, r.data, r.note, $2, $3, r.device, $4
       FROM jsonb_to_recordset($5::jsonb) AS r(u bigint, p bigint, i bigint, data jsonb, note text, device text)
     ON CONFLICT (unit_id, period_id, indicator_id) DO UPDATE
       SET data = EXCLUDED.data, note = EXCLUDED.note, version = EXCLUDED.version,
           updated_by = EXCLUDED.updated_by, device_id = EXCLUDED.device_id, updated_at = EXCLUDED.updated_at`,
    [communeId, version, actor.userId, now, JSON.stringify(rows)],
  )
}

async function writeReports(tx: Queryable, communeId: number, pending: Pending, version: number, now: Date): Promise<void> {
  if (pending.reports.size === 0) return
  const rows = [...pending.reports.values()].map((r) => ({ u: r.unitId, p: r.periodId, status: r.status, submitted: r.submittedAt }))
  await tx.query(
    `INSERT INTO reports (commune_id, unit_id, period_id, status, submitted_at, version)
     SELECT $1, r.u, r.p, r.status, CASE WHEN r.submitted THEN $3::timestamptz END, $2
       FROM jsonb_to_recordset($4::jsonb) AS r(u bigint, p bigint, status text, submitted boolean)
     ON CONFLICT (unit_id, period_id) DO UPDATE
       SET status = EXCLUDED.status, version = EXCLUDED.version,
           submitted_at = COALESCE(EXCLUDED.submitted_at, reports.submitted_at)`,
    [communeId, version, now, JSON.stringify(rows)],
  )
}

async function writeAudit(tx: Queryable, communeId: number, actor: Actor, pending: Pending, now: Date, importedBy: number | null): Promise<void> {
  if (pending.audit.length === 0) return
  await tx.query(
    `INSERT INTO audit (commune_id, entity, unit_id, period_id, indicator_id, user_id, device_id, mutation_id, old, new, at, imported_by)
     SELECT $1, a.entity, a.u, a.p, a.i, $2, a.device, a.mutation, a.old, a.new, $3, $5
       FROM jsonb_to_recordset($4::jsonb) AS a(entity text, u bigint, p bigint, i bigint, device text, mutation text, old jsonb, new jsonb)`,
    [
      communeId,
      actor.userId,
      now,
      JSON.stringify(pending.audit.map((a) => ({ entity: a.entity, u: a.unitId, p: a.periodId, i: a.indicatorId, device: a.deviceId, mutation: a.mutationId, old: a.old, new: a.new }))),
      importedBy,
    ],
  )
}

async function recordOutcomes(
  tx: Queryable,
  communeId: number,
  actor: Actor,
  fresh: readonly { mutationId: string; deviceId: string; outcome: MutationOutcome }[],
  now: Date,
  importedBy: number | null,
): Promise<void> {
  if (fresh.length === 0) return
  await tx.query(
    `INSERT INTO mutations (mutation_id, commune_id, user_id, device_id, outcome, received_at, imported_by)
     SELECT m.id, $1, $2, m.device, m.outcome, $3, $5 FROM jsonb_to_recordset($4::jsonb) AS m(id text, device text, outcome jsonb)`,
    [communeId, actor.userId, now, JSON.stringify(fresh.map((f) => ({ id: f.mutationId, device: f.deviceId, outcome: f.outcome }))), importedBy],
  )
}
