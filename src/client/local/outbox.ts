// Writes to the outbox (IndexedDB `outbox`) together with the local state each entry stands for
// (`cells.local`, `reports.pendingAction`). Every function here that writes runs inside the caller's
// rw transaction over OUTBOX_TABLES, so an entry and its local state commit or abort together;
// valueWrite only decides the rows (the bare save, bareSave.ts, writes them in its own transaction).
import type { ValueData } from '../../shared/model'
import type { Mutation, ReportMutation, ValueMutation } from '../../shared/protocol'
import { emptyReport, REPORT_TARGET, type CellLocalState, type CellRow, type OutboxEntry, type ReportAction, type ThiDuaDb } from './db'

/** The tables a write of an edit touches; pass them to `db.transaction('rw', …)`. */
export const outboxTables = (db: ThiDuaDb) => [db.outbox, db.cells, db.reports, db.registrations, db.meta]

export interface CellTarget {
  commune: string
  unit: string
  period: string
  indicator: string
}

export interface ReportTarget {
  commune: string
  unit: string
  period: string
}

/** What a write needs besides the database: the time and identity of the edit. */
export interface WriteContext {
  db: ThiDuaDb
  now: Date
  newId: () => string
  deviceId: string
}

export interface Queued {
  seq: number
  mutationId: string
  /** True when an unsent entry for the same target was updated instead of a new one added. */
  coalesced: boolean
}

/** The entries of one cell (or, with REPORT_TARGET, one report), in seq order. */
export function entriesFor(db: ThiDuaDb, t: CellTarget): Promise<OutboxEntry[]> {
  return db.outbox.where('[commune+unit+period+indicator]').equals([t.commune, t.unit, t.period, t.indicator]).toArray()
}

export const reportKey = (t: ReportTarget): CellTarget => ({ commune: t.commune, unit: t.unit, period: t.period, indicator: REPORT_TARGET })

/**
 * A value the user typed, copied field by field: a Vue proxy (or anything with extra fields)
 * becomes a plain object IndexedDB can clone, in the exact wire shape.
 */
export function plainValue(value: ValueData | null): ValueData | null {
  if (value === null) return null
  switch (value.kind) {
    case 'number':
      return { kind: 'number', value: Number(value.value) }
    case 'ratio':
      return { kind: 'ratio', numerator: Number(value.numerator), denominator: Number(value.denominator) }
    case 'yes_no':
      return value.note === undefined ? { kind: 'yes_no', achieved: Boolean(value.achieved) } : { kind: 'yes_no', achieved: Boolean(value.achieved), note: String(value.note) }
  }
}

const plainNote = (note: string | null | undefined): string | null | undefined => (note === undefined || note === null ? note : String(note))

/** A copy of `m` with `note` set, or removed when undefined (absent on the wire keeps the server's note). */
function withNote(m: ValueMutation, note: string | null | undefined): ValueMutation {
  const { note: _old, ...rest } = m
  return note === undefined ? rest : { ...rest, note }
}

function localOf(m: ValueMutation): CellLocalState {
  return m.note === undefined ? { value: m.value } : { value: m.value, note: m.note }
}

/**
 * The seqs of the entries in a push not yet settled (the `sending` meta row, written by the sync
 * engine's takeBatch). Such an entry stays `pending` with its attempts unchanged until the answer
 * is settled, so this list is what keeps an edit from changing it in place while it travels.
 */
export async function sendingSeqs(db: ThiDuaDb): Promise<Set<number>> {
  const row = await db.meta.get('sending')
  return new Set(row?.key === 'sending' ? row.value : [])
}

/** Writes the `sending` list (an empty list removes the row). */
export async function putSendingSeqs(db: ThiDuaDb, seqs: Iterable<number>): Promise<void> {
  const value = [...new Set(seqs)]
  if (value.length === 0) await db.meta.delete('sending')
  else await db.meta.put({ key: 'sending', value })
}

/** What queueValue reads of a cell before it writes: the cell's outbox entries, its row and the entries in a push. */
export type CellReads = [OutboxEntry[], CellRow | undefined, Set<number>]

/** queueValue's reads, all at once; a save starts them with the device id's (local/edits.ts saveValue). */
export function readCell(db: ThiDuaDb, t: CellTarget): Promise<CellReads> {
  return Promise.all([entriesFor(db, t), db.cells.get([t.commune, t.unit, t.period, t.indicator]), sendingSeqs(db)])
}

/** A target's entries with the seqs in a push (`sendingSeqs`), read together: what coalescible needs. */
export function readEntries(db: ThiDuaDb, t: CellTarget): Promise<[OutboxEntry[], Set<number>]> {
  return Promise.all([entriesFor(db, t), sendingSeqs(db)])
}

/**
 * An entry never sent and not in a push, still the last of its target: the only kind of entry an
 * edit may change. `sending`: the seqs in a push (sendingSeqs), read in the edit's transaction.
 */
export function coalescible(entries: readonly OutboxEntry[], sending: ReadonlySet<number>): OutboxEntry | undefined {
  const last = entries.at(-1)
  return last && last.state === 'pending' && last.attempts === 0 && !sending.has(last.seq) ? last : undefined
}

/** The cell's row with the user's value as its local state, the server's side kept. */
function withLocal(t: CellTarget, cell: CellRow | undefined, local: CellLocalState): CellRow {
  return { commune: t.commune, unit: t.unit, period: t.period, indicator: t.indicator, server: cell?.server ?? null, local }
}

/** An outbox entry before IndexedDB gives it its seq. */
export type NewOutboxEntry = Omit<OutboxEntry, 'seq'>

/**
 * What an edit of a cell writes, decided from the cell's reads (readCell): an unsent last entry
 * of the cell takes the new value in place (it keeps its base: the user never saw a newer server
 * value, the screen showed their own); otherwise a new entry is based on the cell's server
 * version. `baseVersion` overrides the base either way (a conflict resolved on the server's
 * version). The cell's row gets the value as its local state, the server's side kept. Pure: the
 * Dexie path (queueValue) and the bare save (bareSave.ts) write the same rows.
 */
export function valueWrite(
  ctx: Omit<WriteContext, 'db'>,
  t: CellTarget,
  content: { value: ValueData | null; note?: string | null | undefined },
  [entries, cell, sending]: CellReads,
  baseVersion?: number,
): { coalesced: true; entry: OutboxEntry; old: OutboxEntry; cell: CellRow } | { coalesced: false; entry: NewOutboxEntry; cell: CellRow } {
  const value = plainValue(content.value)
  const note = plainNote(content.note)
  const open = coalescible(entries, sending)
  if (open && open.mutation.kind === 'value') {
    // Untouched note: the earlier edit's note (if it set one) still stands.
    const m = withNote({ ...open.mutation, value, clientTime: ctx.now.toISOString() }, note === undefined ? open.mutation.note : note)
    if (baseVersion !== undefined) m.baseVersion = baseVersion
    // The entry as just read in this transaction, put back whole: update() would read it again first.
    return { coalesced: true, entry: { ...open, mutation: m }, old: open, cell: withLocal(t, cell, localOf(m)) }
  }
  const mutation = withNote(
    {
      kind: 'value',
      mutationId: ctx.newId(),
      deviceId: ctx.deviceId,
      unit: t.unit,
      period: t.period,
      indicator: t.indicator,
      value,
      baseVersion: baseVersion ?? cell?.server?.version ?? 0,
      clientTime: ctx.now.toISOString(),
    },
    note,
  )
  return { coalesced: false, entry: newEntry(t, mutation, ctx.now), cell: withLocal(t, cell, localOf(mutation)) }
}

/**
 * Queues a value for a cell and records it as the cell's local state (valueWrite), in the
 * caller's Dexie transaction. `reads`: readCell's, already started in this transaction.
 */
export async function queueValue(
  ctx: WriteContext,
  t: CellTarget,
  content: { value: ValueData | null; note?: string | null | undefined },
  baseVersion?: number,
  reads?: Promise<CellReads>,
): Promise<Queued> {
  const { db } = ctx
  // The reads together, then the writes together: a save waits on IndexedDB twice, not five times.
  const w = valueWrite(ctx, t, content, await (reads ?? readCell(db, t)), baseVersion)
  if (w.coalesced) {
    await Promise.all([db.outbox.put(w.entry), db.cells.put(w.cell)])
    return { seq: w.entry.seq, mutationId: w.entry.mutationId, coalesced: true }
  }
  const [seq] = await Promise.all([db.outbox.add(w.entry), db.cells.put(w.cell)])
  return { seq, mutationId: w.entry.mutationId, coalesced: false }
}

/**
 * Queues a submit or recall of a report. An unsent last entry with the same action makes this a
 * no-op; one with the opposite action is cancelled (the two undo each other, nothing is sent).
 */
export async function queueReport(ctx: WriteContext, t: ReportTarget, action: ReportAction, baseVersion?: number): Promise<Queued | null> {
  const { db } = ctx
  const key = reportKey(t)
  const open = coalescible(...(await readEntries(db, key)))
  if (open && open.mutation.kind === 'report') {
    if (open.mutation.action === action) {
      if (baseVersion !== undefined) await db.outbox.update(open.seq, { mutation: { ...open.mutation, baseVersion } })
      return { seq: open.seq, mutationId: open.mutationId, coalesced: true }
    }
    await db.outbox.delete(open.seq)
    await settleReport(db, t)
    return null
  }
  const report = (await db.reports.get([t.commune, t.unit, t.period])) ?? emptyReport(t.commune, t.unit, t.period)
  const mutation: ReportMutation = {
    kind: 'report',
    mutationId: ctx.newId(),
    deviceId: ctx.deviceId,
    unit: t.unit,
    period: t.period,
    action,
    baseVersion: baseVersion ?? report.version,
    clientTime: ctx.now.toISOString(),
  }
  const seq = await addEntry(db, key, mutation, ctx.now)
  await db.reports.put({ ...report, pendingAction: action })
  return { seq, mutationId: mutation.mutationId, coalesced: false }
}

export function addEntry(db: ThiDuaDb, t: CellTarget, mutation: Mutation, now: Date): Promise<number> {
  return db.outbox.add(newEntry(t, mutation, now))
}

/** A new entry of the outbox for `mutation`, pending, never sent. */
function newEntry(t: CellTarget, mutation: Mutation, now: Date): NewOutboxEntry {
  return {
    mutationId: mutation.mutationId,
    commune: t.commune,
    unit: t.unit,
    period: t.period,
    indicator: t.indicator,
    mutation,
    state: 'pending',
    conflict: null,
    rejection: null,
    createdAt: now.toISOString(),
    attempts: 0,
  }
}

/** After an entry left the outbox: the cell's local state goes once no entry of the cell remains. */
export async function settleCell(db: ThiDuaDb, t: CellTarget): Promise<void> {
  if ((await entriesFor(db, t)).length > 0) return
  const key: [string, string, string, string] = [t.commune, t.unit, t.period, t.indicator]
  const cell = await db.cells.get(key)
  if (!cell || cell.local === null) return
  if (cell.server === null) await db.cells.delete(key)
  else await db.cells.put({ ...cell, local: null })
}

/** After a report entry left the outbox: the pending action is the last remaining entry's, or none. */
export async function settleReport(db: ThiDuaDb, t: ReportTarget): Promise<void> {
  const last = (await entriesFor(db, reportKey(t))).at(-1)
  const action = last?.mutation.kind === 'report' ? last.mutation.action : null
  const report = await db.reports.get([t.commune, t.unit, t.period])
  if (report && report.pendingAction !== action) await db.reports.put({ ...report, pendingAction: action })
}

/** Settles the local state a value or report entry stood for (a registration's: registration/outbox.ts). */
export function settleTarget(db: ThiDuaDb, e: Pick<OutboxEntry, 'commune' | 'unit' | 'period' | 'indicator' | 'mutation'>): Promise<void> {
  return e.mutation.kind === 'value' ? settleCell(db, e) : settleReport(db, e)
}
