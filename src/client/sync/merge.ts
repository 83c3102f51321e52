// How the phone's copy of the server's state takes in what the server says: a push's outcomes
// (applied, conflict) and pulled rows. Pure functions of the row as stored and the server's word,
// in the manner of excalidraw's reconcileElements: no IndexedDB here, the sync engine
// (engine.ts) reads the rows, calls these and writes what they return. The rules, each once:
// - a push's answer only moves the server state forward (`forward`): a late or duplicate answer
//   never undoes a newer state the phone has pulled;
// - a pulled row is the server's state as it is now, taken as it comes (pages arrive in version
//   order; after the server is restored from a backup, the phone pulls again from 0 and the
//   older state is the true one);
// - what the user is doing is never overwritten: a cell's `local` edit, a report's pending
//   action, a registration's pending action and draft stay as they are;
// - taking the same word twice changes nothing: a pulled row equal to the stored one returns the
//   stored row itself, which the engine does not write again.
import { PULL_SKIP_LIMIT } from '../../shared/limits'
import type { PulledRegistration, PulledReport, PulledValue, PushResponse, ServerCell } from '../../shared/protocol'
import type { CellRow, CellServerState, RegistrationRow, ReportRow } from '../local/db'
import { sameData } from '../../shared/sameData'

/**
 * The server state to keep: `incoming` when it is at least as new as `current` (`strict`: newer),
 * else `current`. The one rule of every merge below.
 */
export function forward<T extends { version: number }>(current: T | null | undefined, incoming: T, strict = false): T {
  if (!current) return incoming
  return incoming.version > current.version || (!strict && incoming.version === current.version) ? incoming : current
}

/** Who made an applied change and when, as the phone writes it before a pull brings the server's. */
export interface Stamp {
  by: string | null
  now: Date
}

type CellKey = Pick<CellRow, 'commune' | 'unit' | 'period' | 'indicator'>

/** The server state a pulled value states. */
const pulledState = (v: PulledValue): CellServerState => ({ value: v.value, note: v.note, version: v.version, updatedBy: v.updatedBy, updatedAt: v.updatedAt })

/** A pulled value: the cell's server state; the edit still waiting stays. The stored row itself when it already says this. */
export function cellFromPull(stored: CellRow | undefined, commune: string, v: PulledValue): CellRow {
  const incoming = pulledState(v)
  if (stored && sameData(stored.server, incoming)) return stored
  return { commune, unit: v.unit, period: v.period, indicator: v.indicator, server: incoming, local: stored?.local ?? null }
}

/** A cell's (or an outbox entry's) key within its commune. */
export const targetKey = (c: Pick<CellRow, 'unit' | 'period' | 'indicator'>): string => `${c.unit}\u0000${c.period}\u0000${c.indicator}`

/**
 * The server states a sync run wrote to cells from its pushes' answers, by cell. A pulled value
 * equal to the state the run wrote for its cell is already stored (only a sync writes a cell's
 * server state, and one runs at a time), so the pull neither reads nor writes that cell again:
 * `cellFromPull` would return the stored row itself. And the versions of the run's own pushes
 * whose values it stored as written, which the pull is not sent at all (`skip`). Kept for one run only.
 */
export class SettledCells {
  private readonly states = new Map<string, CellServerState>()
  private readonly own = new Set<number>()

  /** After the transaction that wrote them committed. */
  remember(rows: readonly CellRow[]): void {
    for (const row of rows) if (row.server) this.states.set(targetKey(row), row.server)
  }

  /** This pulled value is the state the run wrote for its cell. */
  holds(v: PulledValue): boolean {
    const state = this.states.get(targetKey(v))
    return state !== undefined && sameData(state, pulledState(v))
  }

  /**
   * After the transaction that settled a push committed: the push wrote at `version` (its answer's
   * `written`), and every value it wrote there is stored as written (with the answer's `at` and
   * `by`). The pull need not send that version's values (its `skip`).
   */
  ownVersion(version: number): void {
    this.own.add(version)
  }

  /** A version this run's settled answers made its own (ownVersion). */
  isOwn(version: number): boolean {
    return this.own.has(version)
  }

  /** The run's own versions above `cursor` to leave out of a pull: the newest PULL_SKIP_LIMIT. */
  ownAbove(cursor: number): number[] {
    return [...this.own].filter((version) => version > cursor).sort((a, b) => a - b).slice(-PULL_SKIP_LIMIT)
  }
}

/**
 * The version a push's answer says is this push's own (`written`: every row stamped with it is
 * this push's), with the server's time and name for its values (`at`, `by`): once the answer's
 * values applied there are stored, the device holds every value of that version as written.
 * Undefined otherwise (an older server, a push that wrote nothing).
 */
export function ownVersionOf(response: PushResponse): number | undefined {
  return response.written === true && response.at !== undefined && response.by !== undefined ? response.version : undefined
}

/**
 * A value the server applied at `version`: the cell's server state becomes it (a late duplicate
 * does not undo a newer pulled value). `keepLocal`: an edit of the same cell still waits (entry
 * by entry); the bulk path settles cells with nothing waiting, whose local edit was this one.
 */
export function cellFromApplied(
  stored: CellRow | undefined,
  key: CellKey,
  sent: { value: CellServerState['value']; note?: string | null },
  version: number,
  stamp: Stamp,
  keepLocal: boolean,
): CellRow {
  const server = stored?.server ?? null
  const incoming: CellServerState = { value: sent.value, note: sent.note === undefined ? (server?.note ?? null) : sent.note, version, updatedBy: stamp.by, updatedAt: stamp.now.toISOString() }
  return { ...key, server: forward(server, incoming, true), local: keepLocal ? (stored?.local ?? null) : null }
}

/** The server's state a conflict answered with: the cell's server state; the user's edit stays for them to choose. */
export function cellFromConflict(stored: CellRow | undefined, key: CellKey, server: ServerCell): CellRow {
  return { ...key, server: forward(stored?.server, { ...server }), local: stored?.local ?? null }
}

/** A pulled report: its status, reason, comments and version; the user's submit or recall still waiting stays. */
export function reportFromPull(stored: ReportRow | undefined, commune: string, r: PulledReport): ReportRow {
  const incoming: ReportRow = {
    commune,
    unit: r.unit,
    period: r.period,
    status: r.status,
    returnReason: r.returnReason,
    // An older server sends no comments: none.
    comments: r.comments ?? {},
    version: r.version,
    pendingAction: stored?.pendingAction ?? null,
  }
  return stored && sameData(stored, incoming) ? stored : incoming
}

/** A report moved by the server to `status` at `version` (an applied submit or recall, a conflict's state). */
export function reportMoved(stored: ReportRow, status: ReportRow['status'], version: number, patch: Partial<Pick<ReportRow, 'returnReason'>> = {}): ReportRow {
  return forward(stored, { ...stored, ...patch, status, version })
}

/** A pulled registration: the server's; the user's pending action and draft stay. */
export function registrationFromPull(stored: RegistrationRow | undefined, commune: string, r: PulledRegistration): RegistrationRow {
  const incoming: RegistrationRow = {
    commune,
    unit: r.unit,
    year: r.year,
    status: r.status,
    content: r.content,
    returnReason: r.returnReason,
    version: r.version,
    pending: stored?.pending ?? null,
    draft: stored?.draft ?? null,
  }
  return incoming
}

/** A registration moved by the server (an applied submit or recall, a conflict's state). */
export function registrationMoved(stored: RegistrationRow, patch: Partial<Pick<RegistrationRow, 'status' | 'content'>>, version: number): RegistrationRow {
  return forward(stored, { ...stored, ...patch, version })
}
