import 'fake-indexeddb/auto'
// A value's save is written on the bare IndexedDB (issue 18, a save within one frame): the rows
// are the Dexie path's, and Dexie's live queries learn of it as of Dexie's own commits: the
// screen of the saved period reads again and sees the value, other screens stay quiet.
import { afterEach, describe, expect, it } from 'vitest'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { inEditTransaction, saveValue, type ValueEdit } from '../../../src/client/local/edits'
import { queueValue } from '../../../src/client/local/outbox'
import { periodCells, syncSummary } from '../../../src/client/local/queries'
import { C, editDeps, freshDb } from './testDb'
import { untilHolds, watchQuery } from './liveWatch'

const dbs: ThiDuaDb[] = []
afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close()
    await d.delete()
  }
})

async function opened(): Promise<ThiDuaDb> {
  const d = freshDb('bare-save')
  dbs.push(d)
  await d.meta.put({ key: 'deviceId', value: 'device-0001' })
  return d
}

const num = (value: number) => ({ kind: 'number' as const, value })
const edit = (period: string, indicator: string, value: number, note?: string): ValueEdit => ({ commune: C, unit: 'T1', period, indicator, value: num(value), ...(note === undefined ? {} : { note }) })

describe('a save on the bare IndexedDB', () => {
  it('wakes the live query of its period, which reads the saved value, and not the query of another period', async () => {
    const d = await opened()
    const q1 = watchQuery(() => periodCells(d, C, 'T1', '2024-Q1'))
    const q2 = watchQuery(() => periodCells(d, C, 'T1', '2024-Q2'))
    await untilHolds(() => q1.state.last !== undefined && q2.state.last !== undefined)
    await saveValue(editDeps(d), edit('2024-Q1', 'LUA_DT', 120))
    await untilHolds(() => q1.state.last?.cells.get('LUA_DT')?.value !== undefined)
    expect(q1.state.last!.cells.get('LUA_DT')).toMatchObject({ value: num(120), state: 'waiting' })
    // Changed in place, then a second cell: each read again, still with the latest value.
    await saveValue(editDeps(d, 'again'), edit('2024-Q1', 'LUA_DT', 121))
    await untilHolds(() => (q1.state.last?.cells.get('LUA_DT')?.value as { value?: number } | null)?.value === 121)
    await saveValue(editDeps(d, 'third'), edit('2024-Q1', 'NS_LUA', 55))
    await untilHolds(() => q1.state.last?.cells.has('NS_LUA') === true)
    expect(q2.state.runs).toBe(1)
    q1.stop()
    q2.stop()
  })

  it('is seen by a live query outside a transaction (Dexie’s query cache, which only its own writes update, is off)', async () => {
    const d = await opened()
    const rows = watchQuery(() => d.cells.where('[commune+unit+period]').equals([C, 'T1', '2024-Q1']).toArray())
    await untilHolds(() => rows.state.last !== undefined)
    await saveValue(editDeps(d), edit('2024-Q1', 'LUA_DT', 5))
    await untilHolds(() => rows.state.last?.length === 1)
    await saveValue(editDeps(d, 'again'), edit('2024-Q1', 'LUA_DT', 6))
    await untilHolds(() => (rows.state.last?.[0]?.local?.value as { value?: number } | null | undefined)?.value === 6)
    rows.stop()
  })

  it('wakes the sync badge for a new entry, and not for a value changed in its unsent entry (no count changed)', async () => {
    const d = await opened()
    const badge = watchQuery(() => syncSummary(d, C))
    const sheet = watchQuery(() => periodCells(d, C, 'T1', '2024-Q1'))
    await untilHolds(() => badge.state.last !== undefined && sheet.state.last !== undefined)
    const deps = editDeps(d)
    await saveValue(deps, edit('2024-Q1', 'LUA_DT', 1))
    await untilHolds(() => badge.state.last?.waiting === 1)
    const runs = badge.state.runs
    const sheetRuns = sheet.state.runs
    const again = await saveValue(deps, edit('2024-Q1', 'LUA_DT', 2))
    expect(again.coalesced).toBe(true)
    // The sheet reads again (its rows changed): once it has, Dexie has told every query.
    await untilHolds(() => sheet.state.runs > sheetRuns && (sheet.state.last?.cells.get('LUA_DT')?.value as { value?: number } | null)?.value === 2)
    expect(badge.state.runs).toBe(runs)
    badge.stop()
    sheet.stop()
  })

  it('goes through Dexie when the connection was closed under it (InvalidStateError): the value is saved all the same', async () => {
    const d = await opened()
    await saveValue(editDeps(d), edit('2024-Q1', 'LUA_DT', 120))
    // The browser (or another tab's upgrade) closed the connection Dexie holds: the bare
    // transaction cannot start, nothing was written, and the save goes through Dexie.
    d.backendDB().close()
    const queued = await saveValue(editDeps(d, 'after'), edit('2024-Q1', 'NS_LUA', 55))
    expect(queued).toMatchObject({ coalesced: false })
    expect((await d.cells.get([C, 'T1', '2024-Q1', 'NS_LUA']))?.local).toMatchObject({ value: num(55) })
    expect((await d.outbox.toArray()).map((e) => [e.indicator, e.mutation.kind])).toEqual([
      ['LUA_DT', 'value'],
      ['NS_LUA', 'value'],
    ])
  })

  it('writes the same rows as the same edits through Dexie (queueValue)', async () => {
    const bare = await opened()
    const viaDexie = await opened()
    await bare.cells.put({ commune: C, unit: 'T1', period: '2024-Q1', indicator: 'BHYT', server: { value: num(90), note: 'cũ', version: 4, updatedBy: 'x', updatedAt: null }, local: null })
    await viaDexie.cells.put((await bare.cells.toArray())[0]!)
    const edits = [edit('2024-Q1', 'LUA_DT', 1, 'a'), edit('2024-Q1', 'LUA_DT', 2), edit('2024-Q1', 'BHYT', 93.5), edit('2024-Q2', 'LUA_DT', 7, ''), edit('2024-Q1', 'BHYT', 94)]
    const bareDeps = editDeps(bare)
    const dexieDeps = editDeps(viaDexie)
    for (const e of edits) {
      const { value, note, ...t } = e
      const a = await saveValue(bareDeps, e)
      const b = await inEditTransaction(dexieDeps, (ctx) => queueValue(ctx, t, note === undefined ? { value } : { value, note }))
      expect(a).toEqual(b)
    }
    // A push took the first entry meanwhile (the engine's `sending` list): a later save adds another.
    await Promise.all([bare, viaDexie].map((d) => d.meta.put({ key: 'sending', value: [1] })))
    const e = edit('2024-Q1', 'LUA_DT', 3)
    const { value, ...t } = e
    expect(await saveValue(bareDeps, e)).toEqual(await inEditTransaction(dexieDeps, (ctx) => queueValue(ctx, t, { value })))
    expect(await bare.outbox.toArray()).toEqual(await viaDexie.outbox.toArray())
    expect(await bare.cells.toArray()).toEqual(await viaDexie.cells.toArray())
    expect(await bare.outbox.count()).toBe(4)
  })
})
