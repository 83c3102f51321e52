import 'fake-indexeddb/auto'
// A sync settles hundreds of cells at once (issue 18): the screen showing one period must read its
// cells again when they changed, and not when another period's did. PeriodWrites puts the rows with
// the bare IndexedDB API in the caller's Dexie transaction and, once it has committed, tells the
// live queries one key range per period written.
import { afterEach, describe, expect, it } from 'vitest'
import type { CellRow, ReportRow, ThiDuaDb } from '../../../src/client/local/db'
import { emptyReport } from '../../../src/client/local/db'
import { PERIOD_STORE_KEYS, PeriodWrites } from '../../../src/client/local/periodWrites'
import { C, freshDb } from './testDb'
import { untilHolds, watchQuery } from './liveWatch'

let db: ThiDuaDb | undefined
afterEach(async () => {
  db?.close()
  await db?.delete()
  db = undefined
})

const cell = (period: string, i: number, unit = 'T1'): CellRow => ({
  commune: C,
  unit,
  period,
  indicator: `I${String(i).padStart(3, '0')}`,
  server: { value: { kind: 'number', value: i }, note: null, version: 1, updatedBy: null, updatedAt: null },
  local: null,
})

const periodCells = (d: ThiDuaDb, period: string, unit = 'T1') => watchQuery(() => d.cells.where('[commune+unit+period]').equals([C, unit, period]).toArray())

/** A fresh database, opened first: the queries then run once each before the write, not again for the opening. */
async function opened(): Promise<ThiDuaDb> {
  const d = (db = freshDb('period-writes'))
  await d.open()
  return d
}

const ROWS = 500

describe('PeriodWrites', () => {
  it('puts every row; the written period reads again, another period and another unit do not', async () => {
    const d = await opened()
    const other = periodCells(d, '2024-Q2')
    const otherUnit = periodCells(d, '2024-Q1', 'T2')
    const written = periodCells(d, '2024-Q1')
    await untilHolds(() => other.state.runs === 1 && otherUnit.state.runs === 1 && written.state.runs === 1)
    const rows = Array.from({ length: ROWS }, (_, i) => cell('2024-Q1', i))
    const writes = new PeriodWrites(d.name)
    await d.transaction('rw', d.cells, (tx) => writes.put(tx, 'cells', rows))
    expect(await d.cells.count()).toBe(ROWS)
    writes.tell()
    await untilHolds(() => written.state.last?.length === ROWS)
    for (const w of [other, otherUnit, written]) w.stop()
    expect(other.state.runs).toBe(1)
    expect(otherUnit.state.runs).toBe(1)
  })

  it('wakes a query of one cell by its key, and a report read by its key', async () => {
    const d = await opened()
    const one = watchQuery(() => d.cells.get([C, 'T1', '2024-Q1', 'I007']))
    const report = watchQuery(() => d.reports.get([C, 'T1', '2024-Q1']))
    const otherReport = watchQuery(() => d.reports.get([C, 'T1', '2024-Q2']))
    await untilHolds(() => one.state.runs === 1 && report.state.runs === 1 && otherReport.state.runs === 1)
    const writes = new PeriodWrites(d.name)
    const draft: ReportRow = { ...emptyReport(C, 'T1', '2024-Q1'), status: 'draft', version: 3 }
    await d.transaction('rw', d.cells, d.reports, (tx) => {
      writes.put(tx, 'cells', [cell('2024-Q1', 7)])
      writes.put(tx, 'reports', [draft])
    })
    writes.tell()
    await untilHolds(() => one.state.last !== undefined && report.state.last !== undefined)
    for (const w of [one, report, otherReport]) w.stop()
    expect((one.state.last as CellRow).indicator).toBe('I007')
    expect((report.state.last as ReportRow).status).toBe('draft')
    expect(otherReport.state.runs).toBe(1)
  })

  it('a row IndexedDB refuses aborts the whole transaction: nothing of it is kept', async () => {
    const d = await opened()
    const writes = new PeriodWrites(d.name)
    const broken = { ...cell('2024-Q1', 2), indicator: undefined } as unknown as CellRow
    await expect(
      d.transaction('rw', d.cells, d.reports, async (tx) => {
        await d.reports.put(emptyReport(C, 'T1', '2024-Q1'))
        writes.put(tx, 'cells', [cell('2024-Q1', 1), broken])
      }),
    ).rejects.toThrow()
    expect(await d.cells.count()).toBe(0)
    expect(await d.reports.count()).toBe(0)
  })

  it('refuses a transaction that cannot write the store', async () => {
    const d = await opened()
    const writes = new PeriodWrites(d.name)
    await expect(d.transaction('r', d.cells, (tx) => writes.put(tx, 'cells', [cell('2024-Q1', 1)]))).rejects.toThrow(/read-write/)
    await expect(d.transaction('rw', d.reports, (tx) => writes.put(tx, 'cells', [cell('2024-Q1', 1)]))).rejects.toThrow(/cells/)
  })

  it('covers every key the stores have: their schema is the one the ranges assume', async () => {
    const d = await opened()
    for (const [store, keys] of Object.entries(PERIOD_STORE_KEYS)) {
      const schema = d.table(store).schema
      expect(schema.primKey.name).toBe(keys.primary)
      expect(schema.indexes.map((i) => i.name)).toEqual(keys.indexes)
    }
  })

  it('where one Dexie bulkPut of as many rows makes Dexie run every query of the table again', async () => {
    // Why the rows are not written through Dexie: if Dexie learns to tell large bulkPuts apart
    // cheaply, this fails and the bare puts can be reconsidered.
    const d = await opened()
    const other = periodCells(d, '2024-Q2')
    const written = periodCells(d, '2024-Q1')
    await untilHolds(() => other.state.runs === 1 && written.state.runs === 1)
    const rows = Array.from({ length: ROWS }, (_, i) => cell('2024-Q1', i))
    await d.cells.bulkPut(rows)
    await untilHolds(() => written.state.last?.length === ROWS)
    other.stop()
    written.stop()
    expect(other.state.runs).toBeGreaterThan(1)
  })
})
