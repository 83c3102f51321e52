// Push ingest: one batch of mutations, written by one statement (one transaction). Every mutation
// gets an outcome, the outcomes are stored with the changes (an applied change's on its audit
// row, the others in `mutations`), and a replayed batch changes nothing twice.
import * as v from 'valibot'
import { isComputed } from '../../shared/aggregation'
import { issueMessage, type Indicator, type ValueData } from '../../shared/model'
import {
  MutationSchema,
  type Mutation,
  type MutationOutcome,
  type PushResponse,
  type RegistrationMutation,
  type RejectionCode,
  type ReportMutation,
  type ServerCell,
  type ValueMutation,
} from '../../shared/protocol'
import { isReporter } from '../../shared/planFile'
import { canMove, figuresLocked, REPORT_MOVES, type ReportState as LifecycleState } from '../../shared/reportLifecycle'
import { checkValue } from '../../shared/validation'
import { canWriteUnit, type Actor } from '../auth/actor'
import type { Db, Queryable } from '../db/types'
import { decideRegistration, loadRegistrationContext, registrationsCte, type PendingRegistration, type RegistrationAudit, type RegistrationContext } from './registrationIngest'

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
  status: LifecycleState
  version: number
  returnReason: string | null
}

/** A mutation the push could not even parse still gets an outcome, under whatever id it carried. */
function rawId(raw: unknown, index: number): string {
  const id = (raw as { mutationId?: unknown } | null)?.mutationId
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : `#${index}`
}

/** Push statements are a few fixed shapes: prepared once per connection, not planned at every push. */
const PREPARED = { prepare: true } as const

const reject = (mutationId: string, code: RejectionCode, message: string): MutationOutcome => ({ mutationId, status: 'rejected', code, message })

/** Writes to apply, collected while outcomes are decided, then written in a few statements. */
interface Pending {
  cells: Map<string, Cell>
  reports: Map<string, { unitId: number; periodId: number; status: ReportState['status']; submittedAt: boolean }>
  audit: { entity: 'value' | 'report'; unitId: number; periodId: number; indicatorId: number | null; mutationId: string; deviceId: string; old: unknown; new: unknown }[]
  /** Registrations (registrationIngest.ts), by `${unitId}:${year}`, and their audit rows. */
  registrations: { registrations: Map<string, PendingRegistration>; audit: RegistrationAudit[] }
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
  // Parse first, before any statement: a malformed mutation is rejected alone.
  const parsed = rawMutations.map((raw, index) => {
    const r = v.safeParse(MutationSchema, raw)
    if (r.success) return r.output
    const issue = r.issues[0]
    const path = issue ? v.getDotPath(issue) : null
    return reject(rawId(raw, index), 'invalid', `Thay đổi không hợp lệ${path ? ` (${path})` : ''}: ${issue ? issueMessage(issue) : ''}`)
  })
  const mutations = parsed.filter((m): m is Mutation => 'kind' in m)

  // One push of a commune at a time per process: the others wait here, not in the database, so
  // within one process the write's guard below never fails.
  const response = await oneAtATime(db, communeId, async () => {
    // Optimistic: read the batch's state without a lock or a transaction, decide, and write
    // everything in one autocommit statement that applies only if the commune row is still the
    // one read (writeAll). A guard that failed wrote nothing: read and decide again.
    for (let attempt = 1; attempt <= OPTIMISTIC_TRIES; attempt++) {
      const state = await readState(db, communeId, mutations)
      if (!state) continue
      await ingestHooks.afterRead?.(communeId, attempt)
      const registrations = await registrationsOf(db, communeId, state.ctx, mutations)
      const decided = decideAll(actor, state.ctx, registrations, parsed, state.version + 1, now, importedBy)
      if (await writeAll(db, communeId, actor, decided, now, importedBy, state.xmin)) return decided.response
    }
    // A commune written that often between a read and a write: the commune row lock orders this
    // push after the others, as it did before issue 18 item 4, so it cannot starve.
    return db.transaction(async (tx) => {
      const cached = structures.get(db)?.get(communeId)
      const first = await lockAndRead(tx, communeId, cached, mutations)
      const structure = await structureOf(db, tx, communeId, first.version, first.structureVersion)
      const ctx = structure === cached && first.ctx ? first.ctx : await loadContext(tx, communeId, structure, mutations)
      const registrations = await registrationsOf(tx, communeId, ctx, mutations)
      const decided = decideAll(actor, ctx, registrations, parsed, first.version + 1, now, importedBy)
      if (!(await writeAll(tx, communeId, actor, decided, now, importedBy, first.xmin))) throw new Error(`commune ${communeId} changed under its own row lock`)
      return decided.response
    })
  })
  // Outside the write (it holds the commune lock until it commits): when this session last pushed, to the minute.
  if (importedBy === null) await touchSession(db, actor, now)
  return response
}

/**
 * Optimistic tries before a push takes the commune row lock. Within one process pushes of a
 * commune queue (oneAtATime), so a try fails only when another process, or an officer, wrote
 * the commune between the read and the write.
 */
const OPTIMISTIC_TRIES = 3

/**
 * Test seam (test/server/ingestGuard.test.ts): runs between an optimistic try's read and its
 * write, where a test commits a write of the commune to make the write's guard fail.
 */
export const ingestHooks: { afterRead?: (communeId: number, attempt: number) => Promise<void> } = {}

/** The outcomes of a batch and the writes they make, decided against one read state. */
interface Decided {
  pending: Pending
  fresh: { mutationId: string; deviceId: string; outcome: MutationOutcome }[]
  /** The version the writes are stamped with, or null when nothing but outcomes is written. */
  version: number | null
  response: PushResponse
}

function decideAll(
  actor: Actor,
  ctx: Context,
  registrations: RegistrationContext | undefined,
  parsed: readonly (Mutation | MutationOutcome)[],
  version: number,
  now: Date,
  importedBy: number | null,
): Decided {
  const pending: Pending = { cells: new Map(), reports: new Map(), audit: [], registrations: { registrations: new Map(), audit: [] } }
  const seen = new Map<string, { foreign: boolean; outcome: Exclude<MutationOutcome, { status: 'duplicate' }> }>()
  const outcomes: MutationOutcome[] = []
  const fresh: Decided['fresh'] = []
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
          : item.kind === 'report'
            ? decideReport(actor, ctx, pending, item, version)
            : decideRegistration(actor, ctx.units, registrations!, pending.registrations, item, version, now)
    seen.set(item.mutationId, { foreign: false, outcome: outcome as Exclude<MutationOutcome, { status: 'duplicate' }> })
    outcomes.push(outcome)
    fresh.push({ mutationId: item.mutationId, deviceId: item.deviceId, outcome })
  }
  const writes = pending.cells.size + pending.reports.size + pending.registrations.registrations.size > 0
  return { pending, fresh, version: writes ? version : null, response: { outcomes, version: writes ? version : version - 1, written: writes } }
}

/** Registrations are rare (a few a unit a year): their state is read only for a batch holding some. */
async function registrationsOf(q: Queryable, communeId: number, ctx: Context, mutations: readonly Mutation[]): Promise<RegistrationContext | undefined> {
  const registrationMutations = mutations.filter((m): m is RegistrationMutation => m.kind === 'registration')
  return registrationMutations.length > 0 ? loadRegistrationContext(q, communeId, ctx.units, registrationMutations) : undefined
}

/** Per database, per commune: the tail of the pushes queued in this process. */
const queues = new WeakMap<Db, Map<number, Promise<unknown>>>()

/**
 * Runs `fn` after the pushes of the commune this process started before it. Only a shortcut:
 * the commune row lock orders writers across processes; this keeps a process's waiting pushes
 * off the connection pool.
 */
function oneAtATime<T>(db: Db, communeId: number, fn: () => Promise<T>): Promise<T> {
  let queue = queues.get(db)
  if (!queue) queues.set(db, (queue = new Map()))
  const run = (queue.get(communeId) ?? Promise.resolve()).then(fn, fn)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  queue.set(communeId, tail)
  void tail.then(() => {
    if (queue.get(communeId) === tail) queue.delete(communeId)
  })
  return run
}

/** How stale a session's `last_sync_at` may be before a push writes it again. */
const SYNC_TOUCH_MS = 60_000

async function touchSession(db: Db, actor: Actor, now: Date): Promise<void> {
  const last = actor.lastSyncAt
  if (last && Math.abs(now.getTime() - last.getTime()) < SYNC_TOUCH_MS) return
  await db.query('UPDATE sessions SET last_sync_at = $2 WHERE token_hash = $1', [actor.sessionHash, now], PREPARED)
  actor.lastSyncAt = now
}

// ---------------------------------------------------------------------------
// The commune's structure (units, periods, indicators), cached per (commune, structure_version)

interface Structure {
  /** `communes.structure_version` it was read at: triggers bump it on any change of those rows (migration 005). */
  structureVersion: number
  /** The commune version it was read at: a database restored to an older state never matches. */
  communeVersion: number
  units: Map<string, UnitInfo>
  periods: Map<string, PeriodInfo>
  /** `${year}:${code}` → indicator of that year's plan. */
  indicators: Map<string, IndicatorInfo>
}

/** Per database (tests open several in one process), per commune: the last structure read. */
const structures = new WeakMap<Db, Map<number, Structure>>()
const MAX_CACHED_COMMUNES = 2000

/** Whether a cached structure holds at the versions a statement read. */
const holds = (structure: Structure, communeVersion: number, structureVersion: number): boolean =>
  structure.structureVersion === structureVersion && structure.communeVersion <= communeVersion

/**
 * The commune's units, periods and indicators under the commune lock (the fallback path): from
 * the cache when it was read at the same structure version (read with the lock, so an instance
 * never serves another's stale copy), else read and cached.
 */
async function structureOf(db: Db, tx: Queryable, communeId: number, communeVersion: number, structureVersion: number): Promise<Structure> {
  const hit = structures.get(db)?.get(communeId)
  return hit && holds(hit, communeVersion, structureVersion) ? hit : loadStructure(db, tx, communeId)
}

/**
 * Reads the commune's structure, tagged with the commune and structure versions of the same
 * statement (so of the same snapshot), and caches it.
 */
async function loadStructure(db: Db, q: Queryable, communeId: number): Promise<Structure> {
  let cache = structures.get(db)
  if (!cache) structures.set(db, (cache = new Map()))
  const r = await q.query<{
    version: number
    structure_version: number
    units: [number, string, string, boolean][]
    periods: [number, string, number, boolean, string | null][]
    indicators: [number, number, Indicator][]
  }>(
    `SELECT c.version, c.structure_version,
            (SELECT coalesce(json_agg(json_build_array(id, code, kind, active)), '[]'::json) FROM units WHERE commune_id = $1) AS units,
            (SELECT coalesce(json_agg(json_build_array(id, code, year, locked, lock_reason)), '[]'::json) FROM periods WHERE commune_id = $1) AS periods,
            (SELECT coalesce(json_agg(json_build_array(i.id, p.year, i.def)), '[]'::json)
               FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.commune_id = $1 AND NOT i.deleted) AS indicators
       FROM communes c WHERE c.id = $1`,
    [communeId],
    PREPARED,
  )
  const row = r.rows[0]
  if (!row) throw new Error(`commune ${communeId} does not exist`)
  const structure: Structure = {
    structureVersion: Number(row.structure_version),
    communeVersion: Number(row.version),
    units: new Map(row.units.map(([id, code, kind, active]) => [code, { id: Number(id), code, kind, active }])),
    periods: new Map(row.periods.map(([id, code, year, locked, lockReason]) => [code, { id: Number(id), year: Number(year), locked, lockReason }])),
    indicators: new Map(row.indicators.map(([id, year, def]) => [`${year}:${def.code}`, { id: Number(id), def }])),
  }
  cache.delete(communeId)
  if (cache.size >= MAX_CACHED_COMMUNES) cache.delete(cache.keys().next().value!)
  cache.set(communeId, structure)
  return structure
}

// ---------------------------------------------------------------------------
// Decisions: pure given the loaded context

interface Context extends Pick<Structure, 'units' | 'periods' | 'indicators'> {
  cells: Map<string, Cell>
  reports: Map<string, ReportState>
  recorded: Map<string, { foreign: boolean; outcome: Exclude<MutationOutcome, { status: 'duplicate' }> }>
}

const cellKey = (u: number, p: number, i: number): string => `${u}:${p}:${i}`
const reportKey = (u: number, p: number): string => `${u}:${p}`

/** Checks shared by value and report mutations: the unit, the period, the right to write, the lock. */
function checkTarget(actor: Actor, ctx: Context, m: ValueMutation | ReportMutation): { unit: UnitInfo; period: PeriodInfo } | MutationOutcome {
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
  const locked = figuresLocked(report.status)
  if (locked === 'report_approved') return reject(m.mutationId, locked, 'Báo cáo kỳ này đã được duyệt, không sửa được số liệu')
  if (locked === 'report_submitted') return reject(m.mutationId, locked, 'Báo cáo kỳ này đã gửi, đang chờ duyệt. Rút lại báo cáo để sửa.')
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
  const to = REPORT_MOVES[m.action].to
  if (report.status === to) return { mutationId: m.mutationId, status: 'applied', version: report.version }
  if (!pending.reports.has(key) && report.version !== m.baseVersion) {
    return { mutationId: m.mutationId, status: 'conflict', server: { status: report.status, version: report.version } }
  }
  if (report.status === 'approved') return reject(m.mutationId, 'report_approved', 'Báo cáo kỳ này đã được duyệt')
  if (!canMove(m.action, report.status)) return reject(m.mutationId, 'invalid_transition', m.action === 'submit' ? 'Báo cáo không gửi được ở trạng thái này' : 'Chỉ rút lại được báo cáo đã gửi, chưa duyệt')
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

/** The ids the batch's state is read by: its mutation ids, its cells and its (unit, period) pairs. */
function stateKeys(structure: Pick<Structure, 'units' | 'periods' | 'indicators'> | undefined, mutations: readonly Mutation[]): unknown[] {
  const pairs = new Map<string, [number, number]>()
  const cellKeys: [number, number, number][] = []
  for (const m of structure ? mutations : []) {
    if (m.kind === 'registration') continue
    const unit = structure!.units.get(m.unit)
    const period = structure!.periods.get(m.period)
    if (!unit || !period) continue
    pairs.set(reportKey(unit.id, period.id), [unit.id, period.id])
    if (m.kind === 'value') {
      const ind = structure!.indicators.get(`${period.year}:${m.indicator}`)
      if (ind) cellKeys.push([unit.id, period.id, ind.id])
    }
  }
  const list = [...pairs.values()]
  return [
    mutations.map((m) => m.mutationId),
    cellKeys.map((k) => k[0]),
    cellKeys.map((k) => k[1]),
    cellKeys.map((k) => k[2]),
    list.map((p) => p[0]),
    list.map((p) => p[1]),
  ]
}

/**
 * The columns `recorded`, `cells` and `reports` of the state query, reading the six stateKeys from
 * `$n` on. An outcome is recorded in `mutations`, or, for a mutation that changed something, as
 * its audit row: `applied` at the row's version (migration 010; older rows have none, their
 * outcomes are in `mutations`).
 */
const stateColumns = (n: number): string => `
  (SELECT coalesce(json_agg(json_build_array(m.mutation_id, m.commune_id, m.outcome)), '[]'::json)
     FROM (SELECT mutation_id, commune_id, outcome::json FROM mutations WHERE mutation_id = ANY($${n}::text[])
           UNION ALL
           SELECT mutation_id, commune_id, json_build_object('mutationId', mutation_id, 'status', 'applied', 'version', version)
             FROM audit WHERE mutation_id = ANY($${n}::text[]) AND version IS NOT NULL) m) AS recorded,
  (SELECT coalesce(json_agg(json_build_array(c.unit_id, c.period_id, c.indicator_id, c.data, c.note, c.version, u.display_name, c.updated_at)), '[]'::json)
     FROM unnest($${n + 1}::bigint[], $${n + 2}::bigint[], $${n + 3}::bigint[]) AS k(u, p, i)
     JOIN cell_values c ON c.unit_id = k.u AND c.period_id = k.p AND c.indicator_id = k.i
     LEFT JOIN users u ON u.id = c.updated_by) AS cells,
  (SELECT coalesce(json_agg(json_build_array(r.unit_id, r.period_id, r.status, r.version, r.return_reason)), '[]'::json)
     FROM unnest($${n + 4}::bigint[], $${n + 5}::bigint[]) AS k(u, p)
     JOIN reports r ON r.unit_id = k.u AND r.period_id = k.p) AS reports`

interface StateRow {
  recorded: [string, number, Exclude<MutationOutcome, { status: 'duplicate' }>][]
  cells: [number, number, number, ValueData | null, string | null, number, string | null, string][]
  reports: [number, number, ReportState['status'], number, string | null][]
}

function contextOf(structure: Pick<Structure, 'units' | 'periods' | 'indicators'>, communeId: number, row: StateRow): Context {
  const ctx: Context = { units: structure.units, periods: structure.periods, indicators: structure.indicators, cells: new Map(), reports: new Map(), recorded: new Map() }
  for (const [mutationId, commune, outcome] of row.recorded) ctx.recorded.set(mutationId, { foreign: Number(commune) !== communeId, outcome })
  for (const [u, p, i, value, note, version, updatedBy, updatedAt] of row.cells) {
    const cell: Cell = { unitId: Number(u), periodId: Number(p), indicatorId: Number(i), value, note, version: Number(version), updatedBy, updatedAt: new Date(updatedAt).toISOString() }
    ctx.cells.set(cellKey(cell.unitId, cell.periodId, cell.indicatorId), cell)
  }
  for (const [u, p, status, version, returnReason] of row.reports) ctx.reports.set(reportKey(Number(u), Number(p)), { status, version: Number(version), returnReason })
  return ctx
}

/**
 * The optimistic path's read, without a lock or a transaction: the commune's version, structure
 * version and row `xmin` (which the write's guard compares), and the batch's state by the ids of
 * the cached structure, in one statement, so one snapshot. The structure is read first when
 * none is cached, and again (then the state) when the cached one no longer holds. Undefined when
 * the structure changed between those statements: the caller tries again.
 */
async function readState(db: Db, communeId: number, mutations: readonly Mutation[]): Promise<{ version: number; xmin: string; ctx: Context } | undefined> {
  let structure = structures.get(db)?.get(communeId) ?? (await loadStructure(db, db, communeId))
  let row = await readStateRow(db, communeId, structure, mutations)
  if (!holds(structure, row.version, row.structure_version)) {
    structure = await loadStructure(db, db, communeId)
    row = await readStateRow(db, communeId, structure, mutations)
    if (!holds(structure, row.version, row.structure_version)) return undefined
  }
  return { version: row.version, xmin: row.xmin, ctx: contextOf(structure, communeId, row) }
}

async function readStateRow(q: Queryable, communeId: number, structure: Structure, mutations: readonly Mutation[]): Promise<StateRow & { version: number; structure_version: number; xmin: string }> {
  const r = await q.query<StateRow & { version: number; structure_version: number; xmin: string }>(
    `SELECT version, structure_version, xmin::text AS xmin, ${stateColumns(2)} FROM communes WHERE id = $1`,
    [communeId, ...stateKeys(structure, mutations)],
    PREPARED,
  )
  const row = r.rows[0]
  if (!row) throw new Error(`commune ${communeId} does not exist`)
  return { ...row, version: Number(row.version), structure_version: Number(row.structure_version) }
}

/**
 * The fallback path (after OPTIMISTIC_TRIES failed guards), in a transaction: takes the commune
 * row lock and, in the same statement, reads the batch's state by the ids of the cached
 * structure. A statement reads one snapshot, taken when it starts, so before it waited for the
 * lock: the state it read is the state under the lock only if no writer of the commune committed
 * meanwhile. Every such writer updates the commune row (bumpVersion, or a push that records
 * outcomes without writing: writeAll's `touch`), so the row version the lock returns (the newest)
 * has the snapshot's `xmin` exactly when none did. Otherwise (or without a cached structure)
 * `ctx` is undefined and the caller reads the state again under the lock. `xmin` is the locked
 * row's, which writeAll's guard then finds unchanged.
 */
async function lockAndRead(tx: Queryable, communeId: number, cached: Structure | undefined, mutations: readonly Mutation[]): Promise<{ version: number; structureVersion: number; xmin: string; ctx: Context | undefined }> {
  const r = await tx.query<StateRow & { version: number; structure_version: number; locked_xmin: string; snapshot_xmin: string | null }>(
    `WITH locked AS (SELECT version, structure_version, xmin::text AS locked_xmin FROM communes WHERE id = $1 FOR UPDATE)
     SELECT locked.version, locked.structure_version, locked.locked_xmin,
            (SELECT xmin::text FROM communes WHERE id = $1) AS snapshot_xmin,
            ${stateColumns(2)}
       FROM locked`,
    [communeId, ...stateKeys(cached, mutations)],
    PREPARED,
  )
  const row = r.rows[0]
  if (!row) throw new Error(`commune ${communeId} does not exist`)
  const fresh = cached !== undefined && row.locked_xmin === row.snapshot_xmin
  return { version: Number(row.version), structureVersion: Number(row.structure_version), xmin: row.locked_xmin, ctx: fresh ? contextOf(cached, communeId, row) : undefined }
}

/** The batch's cells and reports as they are, and the outcomes recorded for its mutation ids: one query under the lock. */
async function loadContext(tx: Queryable, communeId: number, structure: Structure, mutations: readonly Mutation[]): Promise<Context> {
  const r = await tx.query<StateRow>(`SELECT ${stateColumns(1)}`, stateKeys(structure, mutations), PREPARED)
  return contextOf(structure, communeId, r.rows[0]!)
}

/**
 * Everything the batch writes, in one statement: the version bump, the cells, the reports, the
 * audit rows and the outcomes, as data-modifying CTEs over JSON row sets. Nothing but outcomes
 * written (`decided.version` null): the commune version does not move, and `touch` stands in for
 * the bump.
 *
 * The statement writes only if the commune row is still the version read (`xmin`, the
 * transaction that wrote it): every writer of a commune updates that row (bumpVersion, and here
 * the bump or the touch), so an unchanged `xmin` means nothing the decisions read has changed.
 * The bump (or touch) checks it, and every other CTE writes only `WHERE EXISTS` a row it returned.
 * PostgreSQL documents what this rests on:
 * - Under Read Committed, an UPDATE that finds its row updated by a concurrent transaction waits
 *   for that transaction, then re-evaluates its WHERE clause on the updated version of the row
 *   (docs: "Transaction Isolation", 13.2.1 Read Committed Isolation Level). A bump that waited for
 *   another writer therefore sees the new `xmin`, updates nothing and returns no row; a writer
 *   that committed before the statement began is in its snapshot and fails the check the same way.
 * - The CTEs of one statement run with the same snapshot, and a data-modifying CTE runs exactly
 *   once and to completion whether or not anything reads its output (docs: "WITH Queries", 7.8.4
 *   Data-Modifying Statements in WITH); the RETURNING rows are the only way one sees another, which
 *   is what the EXISTS reads. And one statement outside a transaction block is one transaction:
 *   all of it commits, or none.
 * True when written (or nothing to write); false when the guard failed and nothing was written.
 */
async function writeAll(
  q: Queryable,
  communeId: number,
  actor: Actor,
  { pending, fresh, version }: Decided,
  now: Date,
  importedBy: number | null,
  xmin: string,
): Promise<boolean> {
  const params: unknown[] = [communeId, actor.userId, now, importedBy, xmin]
  const param = (value: unknown): string => `$${params.push(value)}`
  const parts: string[] = []
  const guard = `WHERE EXISTS (SELECT 1 FROM ${version !== null ? 'bump' : 'touch'})`
  if (version !== null) {
    parts.push('bump AS (UPDATE communes SET version = version + 1 WHERE id = $1 AND xmin::text = $5 RETURNING version)')
    const v = `${param(version)}::bigint`
    if (pending.cells.size > 0) {
      const deviceOf = new Map(pending.audit.filter((a) => a.entity === 'value').map((a) => [cellKey(a.unitId, a.periodId, a.indicatorId!), a.deviceId]))
      const rows = [...pending.cells.entries()].map(([key, c]) => ({ u: c.unitId, p: c.periodId, i: c.indicatorId, data: c.value, note: c.note, device: deviceOf.get(key) ?? actor.deviceId }))
      parts.push(`cells AS (
        INSERT INTO cell_values (commune_id, unit_id, period_id, indicator_id, data, note, version, updated_by, device_id, updated_at)
        SELECT $1::bigint, r.u, r.p, r.i, r.data, r.note, ${v}, $2::bigint, r.device, $3::timestamptz
          FROM json_to_recordset(${param(JSON.stringify(rows))}::json) AS r(u bigint, p bigint, i bigint, data jsonb, note text, device text)
         ${guard}
        ON CONFLICT (unit_id, period_id, indicator_id) DO UPDATE
          SET data = EXCLUDED.data, note = EXCLUDED.note, version = EXCLUDED.version,
              updated_by = EXCLUDED.updated_by, device_id = EXCLUDED.device_id, updated_at = EXCLUDED.updated_at)`)
    }
    if (pending.reports.size > 0) {
      const rows = [...pending.reports.values()].map((r) => ({ u: r.unitId, p: r.periodId, status: r.status, submitted: r.submittedAt }))
      parts.push(`reports AS (
        INSERT INTO reports (commune_id, unit_id, period_id, status, submitted_at, version)
        SELECT $1::bigint, r.u, r.p, r.status, CASE WHEN r.submitted THEN $3::timestamptz END, ${v}
          FROM json_to_recordset(${param(JSON.stringify(rows))}::json) AS r(u bigint, p bigint, status text, submitted boolean)
         ${guard}
        ON CONFLICT (unit_id, period_id) DO UPDATE
          SET status = EXCLUDED.status, version = EXCLUDED.version,
              submitted_at = COALESCE(EXCLUDED.submitted_at, reports.submitted_at))`)
    }
    if (pending.registrations.registrations.size > 0) parts.push(registrationsCte(pending.registrations.registrations.values(), v, guard, param))
    if (pending.audit.length + pending.registrations.audit.length > 0) {
      const rows = [
        ...pending.audit.map((a) => ({ entity: a.entity, u: a.unitId, p: a.periodId, i: a.indicatorId, device: a.deviceId, mutation: a.mutationId, old: a.old, new: a.new })),
        ...pending.registrations.audit.map((a) => ({ entity: 'registration', u: a.unitId, p: null, i: null, device: a.deviceId, mutation: a.mutationId, old: a.old, new: a.new })),
      ]
      // The audit row is also the mutation's stored outcome (`applied` at `version`): see `stateColumns`.
      parts.push(`audit AS (
        INSERT INTO audit (commune_id, entity, unit_id, period_id, indicator_id, user_id, device_id, mutation_id, old, new, at, imported_by, version)
        SELECT $1::bigint, a.entity, a.u, a.p, a.i, $2::bigint, a.device, a.mutation, a.old, a.new, $3::timestamptz, $4::bigint, ${v}
          FROM json_to_recordset(${param(JSON.stringify(rows))}::json) AS a(entity text, u bigint, p bigint, i bigint, device text, mutation text, old jsonb, new jsonb)
         ${guard})`)
    }
  }
  // An outcome that wrote an audit row is stored there; the others (rejections, conflicts,
  // changes that converged without a write) go to `mutations`.
  const audited = new Set([...pending.audit, ...pending.registrations.audit].map((a) => a.mutationId))
  const unaudited = fresh.filter((f) => !audited.has(f.mutationId))
  if (unaudited.length > 0) {
    // Outcomes alone still update the commune row, under the same guard: a push that decided
    // against an older state then tries again (the same mutation id pushed twice at once is
    // recorded once), and one that read before these outcomes sees them (lockAndRead).
    if (version === null) parts.push('touch AS (UPDATE communes SET version = version WHERE id = $1 AND xmin::text = $5 RETURNING version)')
    const rows = unaudited.map((f) => ({ id: f.mutationId, device: f.deviceId, outcome: f.outcome }))
    parts.push(`outcomes AS (
      INSERT INTO mutations (mutation_id, commune_id, user_id, device_id, outcome, received_at, imported_by)
      SELECT m.id, $1::bigint, $2::bigint, m.device, m.outcome, $3::timestamptz, $4::bigint
        FROM json_to_recordset(${param(JSON.stringify(rows))}::json) AS m(id text, device text, outcome jsonb)
       ${guard})`)
  }
  if (parts.length === 0) return true
  const r = await q.query<{ version: number | null }>(`WITH ${parts.join(',\n')}\nSELECT (SELECT version FROM ${version !== null ? 'bump' : 'touch'}) AS version`, params, PREPARED)
  const written = r.rows[0]?.version ?? null
  if (written === null) return false
  if (version !== null && Number(written) !== version) throw new Error(`the commune version moved behind an unchanged xmin: ${written} ≠ ${version}`)
  return true
}
