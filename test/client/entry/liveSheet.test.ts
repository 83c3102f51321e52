import 'fake-indexeddb/auto'
// The entry screen's reads after a save (issue 18, item 3): the save changes the period's cells and
// outbox, so only periodCells runs again; the frame (unit, plans, history, the other units, the
// report) does not. The sheet built again keeps the rows that did not change as the same objects.
import { liveQuery } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { buildSheet, entryData, keepUnchangedRows, loadEntry, loadEntryFrame } from '../../../src/client/components/entry/sheet'
import { sameData } from '../../../src/shared/sameData'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { saveValue } from '../../../src/client/local/edits'
import { periodCells } from '../../../src/client/local/queries'
import type { Indicator, Plan, ValueData } from '../../../src/shared/model'
import { quarterPeriods } from '../../../src/shared/periods'
import { C, editDeps, freshDb } from '../local/testDb'

const num = (value: number): ValueData => ({ kind: 'number', value })
const thon = { kinds: ['thon' as const], units: [] }
const ind = (code: string, extra: Partial<Indicator> = {}): Indicator => ({ code, name: code, field: 'KT', unitOfMeasure: 'ha', aggregation: 'flow', proportion: true, reporters: thon, ...extra })
const PLAN: Plan = {
  year: 2024,
  title: 'Kế hoạch 2024',
  movements: [],
  phases: [],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators: [ind('A'), ind('B'), ind('C'), ind('SUM', { formula: 'A + B' })],
  rules: [],
}

let db: ThiDuaDb | undefined
afterEach(async () => {
  db?.close()
  await db?.delete()
  db = undefined
})

async function phone(): Promise<ThiDuaDb> {
  db = freshDb('live-sheet')
  await db.meta.put({ key: 'deviceId', value: 'device-0001' })
  await db.plans.put({ commune: C, year: 2024, version: 1, plan: PLAN })
  await db.units.bulkPut([
    { commune: C, code: 'T1', name: 'Thôn 1', kind: 'thon', active: true, version: 1 },
    { commune: C, code: 'T2', name: 'Thôn 2', kind: 'thon', active: true, version: 1 },
  ])
  await db.periods.bulkPut(quarterPeriods(2024).map((p) => ({ ...p, commune: C, version: 1 })))
  await db.cells.put({ commune: C, unit: 'T1', period: '2024-Q1', indicator: 'A', server: { value: num(10), note: null, version: 1, updatedBy: null, updatedAt: null }, local: null })
  return db
}

/** Counts what a live query emits; `settle` waits until Dexie's re-runs have landed. */
function follow<T>(query: () => Promise<T>) {
  const seen: T[] = []
  const sub = liveQuery(query).subscribe({ next: (v) => void seen.push(v) })
  return { seen, stop: () => sub.unsubscribe() }
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 80))

describe('the entry screen’s live reads', () => {
  it('re-read the period’s cells after a save, not the frame', async () => {
    const d = await phone()
    const frame = follow(() => loadEntryFrame(d, C, 'T1', '2024-Q2'))
    const cells = follow(() => periodCells(d, C, 'T1', '2024-Q2'))
    const edits = editDeps(d)
    await settle()
    expect([frame.seen.length, cells.seen.length]).toEqual([1, 1])
    // Q1 is Q2's history: it is in the frame, Q2's own cells are not.
    expect(frame.seen[0]!.history.map((c) => c.period)).toEqual(['2024-Q1'])

    await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'B', value: num(5) })
    await settle()
    expect(cells.seen).toHaveLength(2)
    expect(cells.seen[1]!.cells.get('B')).toMatchObject({ value: num(5), state: 'waiting' })
    expect(frame.seen).toHaveLength(1)

    // A change of the history does reach the frame.
    await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'B', value: num(7) })
    await settle()
    expect(frame.seen).toHaveLength(2)
    expect(cells.seen).toHaveLength(2)
    frame.stop()
    cells.stop()
  })

  it('give the same sheet as the one read (loadEntry)', async () => {
    const d = await phone()
    await saveValue(editDeps(d), { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'A', value: num(3) })
    const apart = entryData(await loadEntryFrame(d, C, 'T1', '2024-Q2'), await periodCells(d, C, 'T1', '2024-Q2'))
    expect(sameData(apart, await loadEntry(d, C, 'T1', '2024-Q2'))).toBe(true)
    expect(apart.report).toMatchObject({ status: 'draft', readOnly: null })
  })
})

describe('keepUnchangedRows', () => {
  it('keeps the rows a save did not change as the same objects', async () => {
    const d = await phone()
    const before = buildSheet(await loadEntry(d, C, 'T1', '2024-Q1'))!
    await saveValue(editDeps(d), { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'B', value: num(5) })
    const after = keepUnchangedRows(buildSheet(await loadEntry(d, C, 'T1', '2024-Q1'))!, before)
    const same = after.rows.filter((r) => before.rows.includes(r)).map((r) => r.indicator.code)
    // B changed, and SUM (A + B) with it; A and C did not.
    expect(same).toEqual(['A', 'C'])
    expect(after.enterable.map((r) => r.indicator.code)).toEqual(['A', 'B', 'C'])
    expect(after.sections[0]!.rows).toEqual(after.rows)
    expect(keepUnchangedRows(after, undefined)).toBe(after)
  })

  it('compares plain data by its content', () => {
    expect(sameData({ a: [1, { b: null }], c: 'x' }, { c: 'x', a: [1, { b: null }] })).toBe(true)
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false)
    expect(sameData([1, 2], [2, 1])).toBe(false)
    expect(sameData(new Map([['a', { x: 1 }]]), new Map([['a', { x: 1 }]]))).toBe(true)
    expect(sameData(new Map([['a', 1]]), new Map([['a', 2]]))).toBe(false)
    expect(sameData(NaN, NaN)).toBe(true)
    expect(sameData(null, {})).toBe(false)
  })
})
