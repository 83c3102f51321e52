// The user's edits, saved on the phone (IndexedDB `cells`/`reports` + `outbox`): each edit and its
// outbox entry commit in one transaction before the promise resolves ("đã lưu trên máy").
import type { ValueData } from '../../shared/model'
import { deviceIdOf, newDeviceId } from '../deviceId'
import { saveValueBare } from './bareSave'
import type { ThiDuaDb } from './db'
import { outboxTables, queueReport, queueValue, readCell, type CellReads, type Queued, type WriteContext } from './outbox'

export interface EditDeps {
  db: ThiDuaDb
  /** The time stamped on the mutation (`clientTime`) and the entry. */
  clock?: () => Date
  /** Makes mutation ids (and the device id on a device that never signed in); a UUID by default. */
  newId?: () => string
}

export interface ValueEdit {
  commune: string
  unit: string
  period: string
  indicator: string
  /** `null` clears the cell. */
  value: ValueData | null
  /** Absent keeps the note as it is, `null` clears it, a string sets it. */
  note?: string | null
}

export interface ReportEdit {
  commune: string
  unit: string
  period: string
}

/**
 * The browser refused to store more. Nothing of the edit was written (its transaction aborted).
 * The screen words it in the user's language (`storage.full`).
 */
export class StorageFullError extends Error {
  override name = 'StorageFullError'
  constructor(cause: unknown) {
    super('the browser refused to store more (quota)', { cause })
  }
}

/** The quota error's names: the standard one (which Dexie's `errnames.QuotaExceeded` also is) and Firefox's old one. */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'])

/** A quota error, bare or wrapped by Dexie (an AbortError whose `inner` is the quota error). */
export function isQuotaError(err: unknown): boolean {
  let e: unknown = err
  for (let depth = 0; depth < 6 && typeof e === 'object' && e !== null; depth++) {
    const { name, code, inner, cause } = e as { name?: unknown; code?: unknown; inner?: unknown; cause?: unknown }
    if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true
    // Old WebKit: a DOMException with the legacy code 22 and a generic name.
    if (code === 22 && typeof DOMException !== 'undefined' && e instanceof DOMException) return true
    e = inner ?? cause
  }
  return false
}

/**
 * Runs one rw transaction over the outbox tables with the edit's context. The transaction is the
 * unit of all-or-nothing: any throw inside (a quota error included) aborts every write in it.
 * `start` runs first inside it, so that its reads travel with the device id's; the body gets what
 * it returned. `tables`: fewer stores, for a write that needs fewer.
 */
export async function inEditTransaction<T, S = undefined>(
  deps: EditDeps,
  body: (ctx: WriteContext, started: S) => Promise<T>,
  start?: (db: ThiDuaDb) => S,
  tables = outboxTables(deps.db),
): Promise<T> {
  const { db } = deps
  const newId = deps.newId ?? newDeviceId
  try {
    return await db.transaction('rw', tables, async () => {
      const started = start?.(db) as S
      // Made (or taken over) once per device by deviceId.ts; read here with this transaction's own request.
      const deviceId = ((await db.meta.get('deviceId'))?.value as string | undefined) ?? (await deviceIdOf(db, newId))
      return body({ db, now: (deps.clock ?? (() => new Date()))(), newId, deviceId }, started)
    })
  } catch (err) {
    if (isQuotaError(err)) throw new StorageFullError(err)
    throw err
  }
}

/**
 * Saves one cell on the phone and queues it for the server. Resolves once both are committed.
 * One transaction over the three stores it writes or reads; the cell's reads go with the device
 * id's: IndexedDB is waited on twice (reads, then writes) before the commit, as in a save written
 * by hand. Written on the bare IndexedDB (bareSave.ts); through Dexie on a device that has no id
 * yet (it makes one).
 */
export function saveValue(deps: EditDeps, edit: ValueEdit): Promise<Queued> {
  const { value, note, ...t } = edit
  const content = note === undefined ? { value } : { value, note }
  const { db } = deps
  const bare = (): Promise<Queued | null> => saveValueBare(db, t, content, { now: (deps.clock ?? (() => new Date()))(), newId: deps.newId ?? newDeviceId })
  const viaDexie = (): Promise<Queued> =>
    inEditTransaction(deps, (ctx, reads: Promise<CellReads>) => queueValue(ctx, t, content, undefined, reads), () => readCell(db, t), [db.outbox, db.cells, db.meta])
  // Open: the transaction is asked for in this call, before the caller renders anything.
  const saved = db.isOpen() ? bare() : db.open().then(bare)
  return saved.then(
    (queued) => queued ?? viaDexie(),
    (err: unknown) => {
      // The connection closed under Dexie (another tab's upgrade, the browser): no transaction was
      // made, nothing written; Dexie opens the database again.
      if (err instanceof Error && err.name === 'InvalidStateError') return viaDexie()
      throw isQuotaError(err) ? new StorageFullError(err) : err
    },
  )
}

/** Queues "Gửi báo cáo". Resolves null when it cancelled a recall not yet sent. */
export function submitReport(deps: EditDeps, r: ReportEdit): Promise<Queued | null> {
  return inEditTransaction(deps, (ctx) => queueReport(ctx, { commune: r.commune, unit: r.unit, period: r.period }, 'submit'))
}

/** Queues "Rút lại báo cáo". Resolves null when it cancelled a submit not yet sent. */
export function recallReport(deps: EditDeps, r: ReportEdit): Promise<Queued | null> {
  return inEditTransaction(deps, (ctx) => queueReport(ctx, { commune: r.commune, unit: r.unit, period: r.period }, 'recall'))
}
