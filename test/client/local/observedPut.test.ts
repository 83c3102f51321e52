import 'fake-indexeddb/auto'
// A sync settles hundreds of cells at once (issue 18): the screen showing one period must not read
// its cells again when none of them changed. Dexie tells its live queries which rows a bulkPut
// wrote only below 50 rows; putObserved stays below, and a screen reading other rows stays quiet.
import { liveQuery } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { OBSERVED_PUT_CHUNK, putObserved, type CellRow, type ThiDuaDb } from '../../../src/client/local/db'
import { C, freshDb } from './testDb'

let db: ThiDuaDb | undefined
afterEach(async () => {
  db?.close()
  await db?.delete()
  db = undefined
})

const cell = (period: string, i: number): CellRow => ({
  commune: C,
  unit: 'T1',
  period,
  indicator: `I${String(i).padStart(3, '0')}`,
  server: { value: { kind: 'number', value: i }, note: null, version: 1, updatedBy: null, updatedAt: null },
  local: null,
})

/** A live query of one period's cells, counting how often Dexie runs it. */
function watch(d: ThiDuaDb, period: string) {
  const state = { runs: 0, last: [] as CellRow[] }
  const sub = liveQuery(() => {
    state.runs++
    return d.cells.where('[commune+unit+period]').equals([C, 'T1', period]).toArray()
  }).subscribe({ next: (rows) => void (state.last = rows) })
  return { state, stop: () => sub.unsubscribe() }
}

/** Waits (on IndexedDB's and Dexie's own turns, not a clock) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 10_000 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 0))
  expect(check()).toBe(true)
}

async function quietAfter(write: (d: ThiDuaDb, rows: CellRow[]) => Promise<unknown>): Promise<{ onScreen: number; written: number }> {
  const d = (db = freshDb('observed-put'))
  // Opened first: the queries then run once each before the write, not again for the opening.
  await d.open()
  const onScreen = watch(d, '2024-Q2')
  // The written period is watched too: once its query has run again, Dexie has told every query.
  const written = watch(d, '2024-Q1')
  await until(() => onScreen.state.runs === 1 && written.state.runs === 1)
  const rows = Array.from({ length: 4 * OBSERVED_PUT_CHUNK + 7 }, (_, i) => cell('2024-Q1', i))
  await d.transaction('rw', d.cells, () => write(d, rows))
  await until(() => written.state.last.length === rows.length)
  onScreen.stop()
  written.stop()
  return { onScreen: onScreen.state.runs, written: written.state.runs }
}

describe('putObserved', () => {
  it('writes every row, and a live query of other rows does not run again', async () => {
    const runs = await quietAfter((d, rows) => putObserved(d.cells, rows))
    expect(runs.written).toBeGreaterThan(1)
    expect(runs.onScreen).toBe(1)
    expect(await db!.cells.count()).toBe(4 * OBSERVED_PUT_CHUNK + 7)
  })

  it('where one bulkPut of as many rows makes Dexie run every query of the table again', async () => {
    // The reason for the helper: if Dexie learns to tell large bulkPuts apart, this fails and the
    // helper can go.
    const runs = await quietAfter((d, rows) => d.cells.bulkPut(rows))
    expect(runs.onScreen).toBeGreaterThan(1)
  })
})
