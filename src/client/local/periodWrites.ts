// Cells and reports written in bulk by a sync (a push's settled answers, a pulled page) with the
// bare IndexedDB API, inside the caller's Dexie transaction.
//
// Through Dexie, every row a `bulkPut` writes is recorded key by key (its primary key, its index
// keys) by the observability middleware, so that each live query can tell whether it is
// concerned; above 49 rows it marks the whole table instead, which wakes every open screen. For a
// push's 500 cells that bookkeeping cost more main-thread time than IndexedDB's own puts
// (docs/benchmarks-analysis.md, "Sync"). Screens read these two stores by unit and period, so the
// live queries are told one key range per (commune, unit, period) written, once the transaction
// has committed: the screen of that period reads again, another period's stays quiet.
import { Dexie, RangeSet, type IndexableType, type Transaction } from 'dexie'
import { changedPart } from './changedPart'
import type { CellRow, ReportRow } from './db'

/** The stores written this way, each keyed by (commune, unit, period[, indicator]), and their rows. */
interface PeriodRowOf {
  cells: CellRow
  reports: ReportRow
}
type PeriodStore = keyof PeriodRowOf

/**
 * What each store's schema must be for the ranges told to cover every key a write changes
 * (local/open.ts; a test compares them). A new index on these stores must be added here.
 */
export const PERIOD_STORE_KEYS: Record<PeriodStore, { primary: string; indexes: readonly string[] }> = {
  cells: { primary: '[commune+unit+period+indicator]', indexes: ['[commune+unit+period]'] },
  reports: { primary: '[commune+unit+period]', indexes: [] },
}

/** Above every [commune, unit, period, indicator] of one period: an array sorts after any string. */
const AFTER_INDICATORS: never[] = []

/**
 * The writes of one transaction. `put` issues them; `tell`, once the transaction has committed,
 * tells Dexie's live queries in this tab and the others (Dexie's `storagemutated` event, the one
 * its own commits fire).
 */
export class PeriodWrites {
  private readonly parts: Record<string, RangeSet> = {}
  private readonly seen = new Set<string>()

  constructor(private readonly dbName: string) {}

  /**
   * Puts the rows in `tx`, a read-write transaction over `store`, without waiting: the transaction
   * commits them with the rest of its work, or aborts with the first that fails (nothing kept).
   */
  put<S extends PeriodStore>(tx: Transaction, store: S, rows: readonly PeriodRowOf[S][]): void {
    if (rows.length === 0) return
    if (tx.mode !== 'readwrite' || !tx.storeNames.includes(store)) throw new Error(`PeriodWrites.put: not a read-write transaction over ${store}`)
    const target = tx.idbtrans.objectStore(store)
    for (const row of rows) {
      target.put(row)
      this.record(store, row)
    }
  }

  /** Fires the change of every period written; nothing when nothing was. Call once committed. */
  tell(): void {
    if (this.seen.size > 0) Dexie.on.storagemutated.fire(this.parts)
  }

  private record(store: PeriodStore, row: CellRow | ReportRow): void {
    const seen = `${store}\u0000${row.commune}\u0000${row.unit}\u0000${row.period}`
    if (this.seen.has(seen)) return
    this.seen.add(seen)
    const period: IndexableType = [row.commune, row.unit, row.period]
    // The primary keys, and ':dels' as Dexie marks a put whose old row it did not read.
    const last: IndexableType = store === 'cells' ? [row.commune, row.unit, row.period, AFTER_INDICATORS] : period
    const primary = { from: period, to: last }
    this.range(store, '').add(primary)
    this.range(store, ':dels').add(primary)
    for (const index of PERIOD_STORE_KEYS[store].indexes) this.range(store, index).addKey(period)
  }

  private range(store: PeriodStore, index: string): RangeSet {
    return (this.parts[changedPart(this.dbName, store, index)] ??= new RangeSet())
  }
}
