// The phone's own copy of the commune's data and the outbox of the user's edits, in IndexedDB
// (Dexie database `thidua`). This is the source of truth on the phone; Pinia holds UI state only.
// The rows and helpers only: the database is made by open.ts, the one module of the phone that loads
// Dexie, after the first screen (its reads before that: rawReader.ts).
import type { Dexie, EntityTable, Table } from 'dexie'
import type { Me } from '../../shared/api'
import type { Plan, ReportStatus, ValueData } from '../../shared/model'
import type { Mutation, PulledPeriod, PulledRegistrationSettings, PulledRegistrationTitle, PulledUnit, RejectionCode, ServerCell } from '../../shared/protocol'
import type { RegistrationContent, RegistrationStatus } from '../../shared/registration'
import { readerOf, type ReadSource } from './reader'

/** The database's name: early.ts starts opening it before the app runs. */
export { DB_NAME } from '../early'

/** The outbox key `indicator` of a report mutation: report entries sort before the cells of their (unit, period). */
export const REPORT_TARGET = ''

// ---------------------------------------------------------------------------
// Rows

/**
 * `meta`: one row per key. The device id goes into every mutation; the user is who signed in last;
 * `sending` lists the seqs of the outbox entries in a push whose answer is not settled yet
 * (sync/engine.ts `takeBatch`): one row written per batch instead of every entry of it.
 */
export type MetaRow = { key: 'deviceId'; value: string } | { key: 'user'; value: UserSnapshot | null } | { key: 'sending'; value: number[] }

/** The signed-in user as GET /api/auth/me answered, kept so the phone knows its units offline. */
export type UserSnapshot = Me

/** `plans`: the commune's plan of a year, whole, as pull sends it. */
export interface PlanRow {
  commune: string
  year: number
  version: number
  plan: Plan
}

/** `units`: the commune's reporting units this user may see. */
export type UnitRow = PulledUnit & { commune: string }

/** `periods`: reporting periods, with their lock and deadline. */
export type PeriodRow = PulledPeriod & { commune: string }

/** The cell as the server last told us (a pull, or the outcome of our own push). */
export interface CellServerState {
  value: ValueData | null
  note: string | null
  version: number
  updatedBy: string | null
  updatedAt: string | null
}

/**
 * The user's own value, present while an outbox entry for the cell exists. `note` absent means
 * "keep the server's note" (the mutation carries no note).
 */
export interface CellLocalState {
  value: ValueData | null
  note?: string | null
}

/**
 * `cells`: one per (commune, unit, period, indicator). `server` and `local` are kept apart: a pull
 * writes only `server`, an edit writes only `local`; the UI shows `local` when present.
 */
export interface CellRow {
  commune: string
  unit: string
  period: string
  indicator: string
  server: CellServerState | null
  local: CellLocalState | null
}

export type ReportAction = 'submit' | 'recall'

/**
 * `reports`: a unit's report for a period. `status`, `returnReason`, `version` are the server's
 * (`none` / 0 until the server has one); `pendingAction` is the user's submit or recall still in the outbox.
 */
export interface ReportRow {
  commune: string
  unit: string
  period: string
  status: ReportStatus | 'none'
  returnReason: string | null
  /**
   * The officer's comments on single values of a returned report, by indicator code ({} when
   * none). Not indexed, so no schema version: rows stored before it read as absent, taken as {}.
   */
  comments: Record<string, string>
  version: number
  pendingAction: ReportAction | null
}

/**
 * `registrations`: a unit's registration for emulation titles of a year. `status`, `content`,
 * `returnReason`, `version` are the server's (`none` / 0 until it has one); `pending` is the
 * user's submit or recall still in the outbox, with the content it sends; `draft` is what the
 * user typed and kept on this phone without sending (never synced).
 */
export interface RegistrationRow {
  commune: string
  unit: string
  year: number
  status: RegistrationStatus | 'none'
  content: RegistrationContent
  returnReason: string | null
  version: number
  pending: { action: ReportAction; content?: RegistrationContent } | null
  draft: RegistrationContent | null
}

/** `registrationTitles`: the commune's own list of titles, once the officer edited it (until then the defaults). */
export type RegistrationTitleRow = PulledRegistrationTitle & { commune: string }

/** `registrationSettings`: a year's registration deadline and who may register after it. */
export type RegistrationSettingsRow = PulledRegistrationSettings & { commune: string }

/**
 * `quarantined`: the server failed (5xx) on this mutation alone, again and again (sync/engine.ts,
 * bisection). It is kept, shown in "Cần xử lý" and never pushed until the user retries it.
 * `sending`: written by earlier versions for an entry in a push; an entry in a push now stays
 * `pending` and is listed in the `sending` meta row. A run turns any left `sending` back to `pending`.
 */
export type OutboxState = 'pending' | 'sending' | 'conflict' | 'rejected' | 'quarantined'

/** What the server said the report is, when a report mutation conflicts. */
export interface ReportConflict {
  status: string
  version: number
}

/**
 * `outbox`: the user's edits not yet acknowledged by the server, in the order they were made
 * (`seq`). `mutation` is exactly what push sends. An entry leaves only on an `applied` outcome
 * (or a `duplicate` of one) or by the user's explicit choice.
 */
export interface OutboxEntry {
  seq: number
  mutationId: string
  commune: string
  unit: string
  /** The period of a value or report mutation; `dk:<year>` for a registration (registration/outbox.ts). */
  period: string
  /** The indicator of a value mutation; REPORT_TARGET for a report or registration mutation. */
  indicator: string
  mutation: Mutation
  state: OutboxState
  /** For `conflict`: the server's current cell (or report). */
  conflict: ServerCell | ReportConflict | null
  /** For `rejected`: the server's code and its Vietnamese message. */
  rejection: { code: RejectionCode; message: string } | null
  createdAt: string
  /** How many times the entry was put in a push. Coalescing only touches entries never sent. */
  attempts: number
  /**
   * For `quarantined`: when, and the HTTP status of the server's failure. Not indexed, so no
   * schema version: entries stored before it read as absent.
   */
  quarantine?: { at: string; status: number | null } | null
}

/** `syncState`: per commune, where pull stands and how the last sync went. */
export interface SyncStateRow {
  commune: string
  /** Pull from here: every change up to it is in this database. */
  cursor: number
  lastSuccessAt: string | null
  lastError: SyncErrorInfo | null
  nextRetryAt: string | null
  /**
   * Pushes answered with a 5xx in a row, outside a bisection (reset by any answered push). The
   * engine bisects the batch when it reaches BISECT_AFTER_FAILURES. Absent on rows of older versions: 0.
   */
  serverFailures?: number
  /**
   * A bisection in progress: groups of outbox seqs, each to be pushed on its own, in order. A
   * group that fails with a 5xx is split in halves; a single entry that fails is quarantined.
   * Kept here so that a reload continues where it was. Absent: none.
   */
  suspects?: number[][]
}

export interface SyncErrorInfo {
  /** `network`, `unauthorized`, `server`, `refused`… (see sync/api.ts). */
  kind: string
  code: string | null
  message: string
  at: string
}

// ---------------------------------------------------------------------------
// The database

export type ThiDuaDb = Dexie & {
  meta: Table<MetaRow, MetaRow['key']>
  plans: Table<PlanRow, [string, number]>
  units: Table<UnitRow, [string, string]>
  periods: Table<PeriodRow, [string, string]>
  cells: Table<CellRow, [string, string, string, string]>
  reports: Table<ReportRow, [string, string, string]>
  outbox: EntityTable<OutboxEntry, 'seq'>
  syncState: EntityTable<SyncStateRow, 'commune'>
  registrations: Table<RegistrationRow, [string, string, number]>
  registrationTitles: Table<RegistrationTitleRow, [string, string]>
  registrationSettings: Table<RegistrationSettingsRow, [string, number]>
}

/**
 * The IndexedDB version of the schema open.ts declares: Dexie opens the database at its latest
 * `db.version(n)` times ten. The first screen reads a database of exactly this version without
 * Dexie (rawReader.ts); a new schema version raises it (test/client/local/rawReader.test.ts checks).
 */
export const DB_NATIVE_VERSION = 20

// ---------------------------------------------------------------------------
// Small shared helpers

/**
 * Bounds for `where('[commune+…]').between(…, true, true)`: every key whose first part is the
 * commune. A shorter array sorts first, and an array after any string, so [c] ≤ [c, …] < [c, []].
 */
export function communeRange(commune: string): [string[], [string, never[]]] {
  return [[commune], [commune, []]]
}

export const emptySyncState = (commune: string): SyncStateRow => ({ commune, cursor: 0, lastSuccessAt: null, lastError: null, nextRetryAt: null })

export const emptyReport = (commune: string, unit: string, period: string): ReportRow => ({
  commune,
  unit,
  period,
  status: 'none',
  returnReason: null,
  comments: {},
  version: 0,
  pendingAction: null,
})

/** The signed-in user, as last saved. */
export async function currentUser(source: ReadSource): Promise<UserSnapshot | null> {
  const row = await readerOf(source).get('meta', 'user')
  return row?.key === 'user' ? row.value : null
}

/**
 * Records who signed in on this device (after login or GET /api/auth/me). The session's device id
 * wins over the one stored (deviceId.ts reads it from here). Stored as a plain copy, never a reactive proxy.
 */
export async function saveSession(db: ThiDuaDb, user: UserSnapshot | null): Promise<void> {
  const plain = user === null ? null : (JSON.parse(JSON.stringify(user)) as UserSnapshot)
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: 'user', value: plain })
    if (plain) await db.meta.put({ key: 'deviceId', value: plain.deviceId })
  })
}
