// A value's save written on the bare IndexedDB API, in the database Dexie opened: the save that
// the user waits for after Enter ("Đã lưu trên máy"). Through Dexie the same four requests cost
// several milliseconds more (its promise zones, middlewares and a commit handler that restarts the
// live queries before the save resolves: docs/benchmarks-analysis.md, "Save one value"). The rows
// written are valueWrite's (outbox.ts), exactly as the Dexie path writes them; once committed,
// Dexie's live queries are told which keys changed, the way Dexie tells them of its own commits.
//
// Dexie's query cache is off (open.ts): it is kept up to date only by Dexie's own writes, so with
// it a live query could be answered from a cache this write did not touch.
import { cmp, Dexie, RangeSet } from 'dexie'
import type { ValueData } from '../../shared/model'
import { changedPart } from './changedPart'
import type { CellRow, MetaRow, OutboxEntry, ThiDuaDb } from './db'
import { valueWrite, type CellTarget, type Queued } from './outbox'

/** The stores a save writes or reads. */
const STORES = ['outbox', 'cells', 'meta'] as const

/** One row written: its store, the row before (undefined: none) and after. */
interface Written {
  store: string
  old: object | undefined
  row: object
}

/**
 * Saves one cell and its outbox entry in one readwrite transaction: the device id, the cell's
 * entries, its row and the entries in a push read together, then the entry and the row written
 * together. Resolves once committed. Resolves `null`, having written nothing, when no device id
 * is stored (the Dexie path makes one); rejects with the transaction's error when it aborts
 * (nothing written).
 */
export function saveValueBare(
  db: ThiDuaDb,
  t: CellTarget,
  content: { value: ValueData | null; note?: string | null | undefined },
  ctx: { now: Date; newId: () => string },
): Promise<Queued | null> {
  return new Promise((resolve, reject) => {
    const idb = db.backendDB()
    const tx = idb.transaction([...STORES], 'readwrite')
    const [outbox, cells, meta] = STORES.map((name) => tx.objectStore(name)) as [IDBObjectStore, IDBObjectStore, IDBObjectStore]
    const key = [t.commune, t.unit, t.period, t.indicator]
    const device = meta.get('deviceId') as IDBRequest<MetaRow | undefined>
    const entries = outbox.index('[commune+unit+period+indicator]').getAll(key) as IDBRequest<OutboxEntry[]>
    const cell = cells.get(key) as IDBRequest<CellRow | undefined>
    const sending = meta.get('sending') as IDBRequest<MetaRow | undefined>
    let outcome: Queued | null = null
    let thrown: unknown
    const written: Written[] = []
    let left = 4
    const write = (): void => {
      if (--left > 0) return
      try {
        const id = device.result
        if (id?.key !== 'deviceId') {
          tx.abort()
          return
        }
        const inPush = sending.result
        const w = valueWrite({ now: ctx.now, newId: ctx.newId, deviceId: id.value }, t, content, [
          entries.result,
          cell.result,
          new Set(inPush?.key === 'sending' ? inPush.value : []),
        ])
        if (w.coalesced) {
          outbox.put(w.entry)
          written.push({ store: 'outbox', old: w.old, row: w.entry })
          outcome = { seq: w.entry.seq, mutationId: w.entry.mutationId, coalesced: true }
        } else {
          const added = outbox.add(w.entry) as IDBRequest<number>
          added.onsuccess = () => {
            written.push({ store: 'outbox', old: undefined, row: { ...w.entry, seq: added.result } })
            outcome = { seq: added.result, mutationId: w.entry.mutationId, coalesced: false }
          }
        }
        cells.put(w.cell)
        written.push({ store: 'cells', old: cell.result, row: w.cell })
      } catch (err) {
        // A row IndexedDB cannot take (put throws at once): nothing of the save is kept.
        thrown = err
        try {
          tx.abort()
        } catch {
          // Already ended: its own abort reports it.
        }
      }
    }
    for (const r of [device, entries, cell, sending]) r.onsuccess = write
    const shapes = shapesOf(idb, tx)
    tx.oncomplete = () => {
      resolve(outcome)
      // After the save's own result: the status line first, then the screens that read these rows.
      if (written.length > 0) setTimeout(() => Dexie.on.storagemutated.fire(changedParts(db.name, shapes, written)), 0)
    }
    tx.onabort = () => {
      if (thrown !== undefined) reject(thrown)
      else if (tx.error) reject(tx.error)
      else resolve(null)
    }
  })
}

/** A store's key paths: its primary key's and each index's, by name ('' for the primary key). */
interface StoreShape {
  store: string
  paths: [name: string, keyPath: string | string[]][]
}

/** The stores' shapes, read once per connection (a schema changes only with a new connection). */
const shapesByConnection = new WeakMap<IDBDatabase, StoreShape[]>()

function shapesOf(idb: IDBDatabase, tx: IDBTransaction): StoreShape[] {
  let shapes = shapesByConnection.get(idb)
  if (!shapes) shapesByConnection.set(idb, (shapes = STORES.map((name) => shapeOf(tx.objectStore(name)))))
  return shapes
}

function shapeOf(store: IDBObjectStore): StoreShape {
  const paths: StoreShape['paths'] = [['', store.keyPath as string | string[]]]
  for (const name of Array.from(store.indexNames)) paths.push([name, store.index(name).keyPath as string | string[]])
  return { store: store.name, paths }
}

/** The key `row` has at `path`, or undefined when it has none (IndexedDB leaves such a row out of the index). */
function keyAt(row: object | undefined, path: string | string[]): unknown {
  if (row === undefined) return undefined
  const at = (p: string): unknown => p.split('.').reduce<unknown>((o, k) => (o === null || typeof o !== 'object' ? undefined : (o as Record<string, unknown>)[k]), row)
  if (!Array.isArray(path)) return at(path)
  const parts = path.map(at)
  return parts.some((x) => x === undefined || x === null) ? undefined : parts
}

/**
 * What changed, in the form Dexie's live queries compare with what they read (Dexie's
 * observability middleware makes the same of its own writes): for each row, its primary key, and
 * in each index the old and the new key where they differ. A row whose index keys did not change
 * (an entry changed in place) wakes no count over that index: the sync badge stays quiet.
 */
function changedParts(dbName: string, shapes: readonly StoreShape[], written: readonly Written[]): Record<string, RangeSet> {
  const parts: Record<string, RangeSet> = {}
  const range = (store: string, index: string): RangeSet => (parts[changedPart(dbName, store, index)] ??= new RangeSet())
  for (const { store, old, row } of written) {
    const shape = shapes.find((s) => s.store === store)
    if (!shape) continue
    for (const [name, path] of shape.paths) {
      const before = keyAt(old, path)
      const after = keyAt(row, path)
      if (name === '') {
        range(store, '').addKey(after as never)
        continue
      }
      if (before !== undefined && after !== undefined && cmp(before, after) === 0) continue
      if (before !== undefined) range(store, name).addKey(before as never)
      if (after !== undefined) range(store, name).addKey(after as never)
    }
  }
  return parts
}
