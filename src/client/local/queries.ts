// Reads of the phone's data (IndexedDB) for the screens: plain async functions, meant to be wrapped
// in Dexie's `liveQuery` so the screen follows every commit (a sync, another tab). Those of the
// first screens (the inbox, the entry screen) read through a Reader (reader.ts), so that their
// first result can come before Dexie is loaded.
import type { Indicator, PeriodKind, ValueData } from '../../shared/model'
import type { RejectionCode } from '../../shared/protocol'
import { communeRange, currentUser, type CellLocalState, type CellRow, type CellServerState, type OutboxEntry, type OutboxState, type PeriodRow, type PlanRow, type ReportAction, type ReportRow, type SyncErrorInfo, type ThiDuaDb, type UnitRow } from './db'
import { readerOf, type ReadSource } from './reader'

/** The status of a (unit, period) card, as the inbox shows it (its words: the locale's `status`). */
export type CardStatus = 'empty' | 'draft' | 'waiting' | 'submitted' | 'approved' | 'returned'

/**
 * - `waiting` (chờ gửi): the user pressed "Gửi báo cáo" and the submit has not reached the server;
 * - a recall not yet sent makes the report a draft again on the phone;
 * - otherwise the server's status; a draft (or no report) with nothing filled is `empty`.
 * Values still waiting do not change the status: they are counted in the card's `waiting`.
 */
export function cardStatus(report: Pick<ReportRow, 'status' | 'pendingAction'> | undefined, filled: number): CardStatus {
  if (report?.pendingAction === 'submit') return 'waiting'
  if (report?.pendingAction !== 'recall') {
    if (report?.status === 'approved') return 'approved'
    if (report?.status === 'submitted') return 'submitted'
    if (report?.status === 'returned') return 'returned'
  }
  return filled > 0 ? 'draft' : 'empty'
}

/** What the cell shows: the user's waiting value over the server's. */
export function mergedValue(cell: Pick<CellRow, 'server' | 'local'> | undefined): { value: ValueData | null; note: string | null } {
  if (!cell) return { value: null, note: null }
  if (cell.local) return { value: cell.local.value, note: cell.local.note === undefined ? (cell.server?.note ?? null) : cell.local.note }
  return { value: cell.server?.value ?? null, note: cell.server?.note ?? null }
}

/** The indicators a unit types in: assigned to it (by kind or by name) and not computed. */
export function enterableIndicators(plan: PlanRow['plan'] | undefined, unit: Pick<UnitRow, 'code' | 'kind'>): Indicator[] {
  if (!plan) return []
  return plan.indicators.filter((i) => {
    const assigned = (i.reporters.kinds ?? []).includes(unit.kind) || (i.reporters.units ?? []).includes(unit.code)
    return assigned && i.formula === undefined && (i.children?.length ?? 0) === 0
  })
}

// ---------------------------------------------------------------------------
// Inbox

export interface InboxCard {
  unit: string
  unitName: string
  period: string
  periodKind: PeriodKind
  year: number
  from: string
  to: string
  deadline: string
  locked: boolean
  lockReason: string | null
  status: CardStatus
  /** The officer's reason, for a returned report. */
  returnReason: string | null
  /** Enterable indicators with a value (the phone's own or the server's). */
  filled: number
  /** Enterable indicators of the unit in the period's plan. */
  total: number
  /** Outbox entries of this card waiting to be sent. */
  waiting: number
  /** Conflicts, rejections and quarantined changes of this card waiting for the user. */
  attention: number
}

export interface InboxOptions {
  /** Only these units; by default the signed-in reporter's units, or every active unit for an officer. */
  units?: readonly string[]
  /** Only periods of these kinds; every kind by default. */
  periodKinds?: readonly PeriodKind[]
}

/** One card per (unit, period) with something to report, earliest deadline first. */
export async function inbox(source: ReadSource, commune: string, options: InboxOptions = {}): Promise<InboxCard[]> {
  const r = readerOf(source)
  const all = communeRange(commune)
  const [units, periods, plans, cells, reports, outbox, user] = await Promise.all([
    r.between('units', '[commune+code]', ...all),
    r.between('periods', '[commune+code]', ...all),
    r.between('plans', '[commune+year]', ...all),
    r.between('cells', '[commune+unit+period+indicator]', ...all),
    r.between('reports', '[commune+unit+period]', ...all),
    r.between('outbox', '[commune+unit+period+indicator]', ...all),
    currentUser(r),
  ])
  const mine = options.units ?? (user?.role === 'reporter' ? user.units.map((u) => u.code) : undefined)
  const shownUnits = units.filter((u) => u.active && (mine === undefined || mine.includes(u.code)))
  const shownPeriods = periods.filter((p) => options.periodKinds === undefined || options.periodKinds.includes(p.kind))
  const planOf = new Map(plans.map((p) => [p.year, p.plan]))
  const cellsOf = groupBy(cells, (c) => pairKey(c.unit, c.period))
  const reportOf = new Map(reports.map((r) => [pairKey(r.unit, r.period), r]))
  const entriesOf = groupBy(outbox, (e) => pairKey(e.unit, e.period))

  const cards: InboxCard[] = []
  for (const period of shownPeriods) {
    for (const unit of shownUnits) {
      const key = pairKey(unit.code, period.code)
      const enterable = new Set(enterableIndicators(planOf.get(period.year), unit).map((i) => i.code))
      const entries = entriesOf.get(key) ?? []
      // Nothing to report for this unit in this period (no plan yet, or none of its indicators): no card.
      if (enterable.size === 0 && entries.length === 0) continue
      const filled = (cellsOf.get(key) ?? []).filter((c) => enterable.has(c.indicator) && mergedValue(c).value !== null).length
      const report = reportOf.get(key)
      cards.push({
        unit: unit.code,
        unitName: unit.name,
        period: period.code,
        periodKind: period.kind,
        year: period.year,
        from: period.from,
        to: period.to,
        deadline: period.deadline,
        locked: period.locked,
        lockReason: period.lockReason ?? null,
        status: cardStatus(report, filled),
        returnReason: report?.status === 'returned' ? report.returnReason : null,
        filled,
        total: enterable.size,
        waiting: entries.filter((e) => e.state === 'pending' || e.state === 'sending').length,
        attention: entries.filter((e) => e.state === 'conflict' || e.state === 'rejected' || e.state === 'quarantined').length,
      })
    }
  }
  return cards.sort((a, b) => a.deadline.localeCompare(b.deadline) || a.period.localeCompare(b.period) || a.unit.localeCompare(b.unit))
}

// ---------------------------------------------------------------------------
// One (unit, period)

export type CellSyncState = 'saved' | 'waiting' | 'conflict' | 'rejected' | 'quarantined'

export interface SheetCell {
  indicator: string
  /** What to show: the phone's waiting value over the server's. */
  value: ValueData | null
  note: string | null
  /** `saved`: as the server has it; `waiting`: an edit not yet acknowledged; else needs the user. */
  state: CellSyncState
  server: CellServerState | null
  local: CellLocalState | null
  /** The reason of the latest rejection of this cell, if one waits for the user. */
  rejection: { code: RejectionCode; message: string } | null
}

/** The stored cells of one unit's period, by indicator code, merged local over server. */
export async function sheetCells(source: ReadSource, commune: string, unit: string, period: string): Promise<Map<string, SheetCell>> {
  return (await periodCells(source, commune, unit, period)).cells
}

export interface PeriodCells {
  /** The period's cells, by indicator code, merged local over server. */
  cells: Map<string, SheetCell>
  /** The rejected outbox entry each value of the period still waits on, by indicator. */
  rejectedSeq: Map<string, number>
}

/**
 * The cells of one unit's period and their outbox entries, in one read-only transaction: what an
 * edit on the entry screen changes, so what its live query re-reads after a save (the rest of
 * the screen, EntryFrame, is read apart and is not touched by a save).
 */
export function periodCells(source: ReadSource, commune: string, unit: string, period: string): Promise<PeriodCells> {
  const r = readerOf(source)
  const key: [string, string, string] = [commune, unit, period]
  return r.together(['cells', 'outbox'], async () => {
    const [cells, entries] = await Promise.all([r.equals('cells', '[commune+unit+period]', key), r.equals('outbox', '[commune+unit+period]', key)])
    const rejectedSeq = new Map<string, number>()
    for (const e of entries) if (e.state === 'rejected' && e.mutation.kind === 'value') rejectedSeq.set(e.indicator, e.seq)
    return { cells: mergeCells(cells, entries), rejectedSeq }
  })
}

/** Each stored cell merged local over server, with the state its outbox entries give it. */
function mergeCells(cells: readonly CellRow[], entries: readonly OutboxEntry[]): Map<string, SheetCell> {
  const byIndicator = groupBy(entries, (e) => e.indicator)
  const sheet = new Map<string, SheetCell>()
  for (const cell of cells) {
    const own = byIndicator.get(cell.indicator) ?? []
    const { value, note } = mergedValue(cell)
    const rejected = own.filter((e) => e.state === 'rejected').at(-1)
    sheet.set(cell.indicator, {
      indicator: cell.indicator,
      value,
      note,
      state: own.some((e) => e.state === 'conflict')
        ? 'conflict'
        : rejected
          ? 'rejected'
          : own.some((e) => e.state === 'quarantined')
            ? 'quarantined'
            : own.length > 0 || cell.local
              ? 'waiting'
              : 'saved',
      server: cell.server,
      local: cell.local,
      rejection: rejected?.rejection ?? null,
    })
  }
  return sheet
}

export interface SheetReport {
  status: CardStatus
  server: ReportRow['status']
  returnReason: string | null
  /** The officer's comments on single values, by indicator code, while the report is returned ({} otherwise). */
  comments: Record<string, string>
  pendingAction: ReportAction | null
  locked: boolean
  lockReason: string | null
  /** Why the screen is read-only, in Vietnamese; null when the user may type. */
  readOnly: string | null
}

/** The report and period state of one (unit, period), with why it cannot be edited, if it cannot. */
export async function sheetReport(source: ReadSource, commune: string, unit: string, period: string): Promise<SheetReport> {
  const r = readerOf(source)
  const [report, p, cells] = await Promise.all([r.get('reports', [commune, unit, period]), r.get('periods', [commune, period]), r.equals('cells', '[commune+unit+period]', [commune, unit, period])])
  return reportState(report, p, cells.filter((c) => mergedValue(c).value !== null).length)
}

/** sheetReport from what is already read: the report's row, the period's, and how many of its cells hold a value. */
export function reportState(report: ReportRow | undefined, p: Pick<PeriodRow, 'locked' | 'lockReason'> | undefined, filled: number): SheetReport {
  const status = cardStatus(report, filled)
  const locked = p?.locked ?? false
  let readOnly: string | null = null
  if (locked) readOnly = `Kỳ báo cáo đã khóa${p?.lockReason ? `: ${p.lockReason}` : ''}`
  else if (status === 'approved') readOnly = 'Báo cáo đã được duyệt'
  else if (status === 'submitted' || status === 'waiting') readOnly = 'Báo cáo đã gửi, đang chờ duyệt. Rút lại báo cáo để sửa.'
  return {
    status,
    server: report?.status ?? 'none',
    returnReason: report?.status === 'returned' ? report.returnReason : null,
    comments: report?.status === 'returned' ? (report.comments ?? {}) : {},
    pendingAction: report?.pendingAction ?? null,
    locked,
    lockReason: p?.lockReason ?? null,
    readOnly,
  }
}

// ---------------------------------------------------------------------------
// Sync status and what needs the user

/** Changes made on this phone and not yet acknowledged by the server (conflicts and rejections not included). */
export async function waitingCount(db: ThiDuaDb, commune: string): Promise<number> {
  const [pending, sending] = await Promise.all([
    db.outbox.where('[commune+state]').equals([commune, 'pending']).count(),
    db.outbox.where('[commune+state]').equals([commune, 'sending']).count(),
  ])
  return pending + sending
}

export interface SyncSummary {
  waiting: number
  attention: number
  lastSuccessAt: string | null
  lastError: SyncErrorInfo | null
  nextRetryAt: string | null
}

/**
 * Everything the sync badge shows. `attention` counts what waits for the user: conflicts, rejections,
 * quarantined changes. One read-only transaction: the states of the commune's entries (index keys
 * only, no entry read) and its sync state.
 */
export function syncSummary(db: ThiDuaDb, commune: string): Promise<SyncSummary> {
  return db.transaction('r', [db.outbox, db.syncState], async () => {
    const [keys, state] = await Promise.all([db.outbox.where('[commune+state]').between(...communeRange(commune), true, true).keys(), db.syncState.get(commune)])
    const states = keys.map((k) => (k as unknown as [string, OutboxState])[1])
    const count = (s: OutboxState): number => states.filter((x) => x === s).length
    return {
      waiting: count('pending') + count('sending'),
      attention: count('conflict') + count('rejected') + count('quarantined'),
      lastSuccessAt: state?.lastSuccessAt ?? null,
      lastError: state?.lastError ?? null,
      nextRetryAt: state?.nextRetryAt ?? null,
    }
  })
}

// ---------------------------------------------------------------------------

const pairKey = (unit: string, period: string): string => `${unit}\u0000${period}`

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}
