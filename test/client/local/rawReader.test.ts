import 'fake-indexeddb/auto'
// The first screen read without Dexie (issue 18, first load): the bare IndexedDB reader gives the
// inbox, the entry screen's two reads and the stored user exactly as Dexie does; it reads only a
// database of the schema version this build's Dexie makes, never creates or upgrades one, and
// steps aside when Dexie upgrades. The handle (local/handle.ts) loads Dexie only when asked.
import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { loadEntry, loadEntryFrame } from '../../../src/client/components/entry/sheet'
import { currentUser, DB_NAME, DB_NATIVE_VERSION, saveSession, type ThiDuaDb } from '../../../src/client/local/db'
import { saveValue } from '../../../src/client/local/edits'
import { lazyLocal } from '../../../src/client/local/handle'
import { createDb } from '../../../src/client/local/open'
import { inbox, periodCells, sheetReport } from '../../../src/client/local/queries'
import { openRawReader } from '../../../src/client/local/rawReader'
import { dexieReader } from '../../../src/client/local/reader'
import type { Me } from '../../../src/client/api'
import type { Indicator, Plan, ValueData } from '../../../src/shared/model'
import { quarterPeriods } from '../../../src/shared/periods'
import { C, editDeps, freshDb } from './testDb'

const num = (value: number): ValueData => ({ kind: 'number', value })
const thon = { kinds: ['thon' as const], units: [] }
const ind = (code: string, extra: Partial<Indicator> = {}): Indicator => ({ code, name: code, field: 'KT', unitOfMeasure: 'ha', aggregation: 'flow', proportion: true, reporters: thon, ...extra })
const plan = (year: number): Plan => ({
  year,
  title: `Kế hoạch ${year}`,
  movements: [],
  phases: [],
  fields: [{ code: 'KT', name: 'Kinh tế' }],
  indicators: [ind('A'), ind('B'), ind('SUM', { formula: 'A + B' })],
  rules: [],
})
const me: Me = {
  username: 'truong-thon-1',
  displayName: 'Trưởng thôn 1',
  role: 'reporter',
  deviceId: 'device-0001',
  commune: { code: C, name: 'Xã Thử' },
  units: [{ code: 'T1', name: 'Thôn 1' }],
} as unknown as Me

const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
})

const server = (value: number, version = 1) => ({ value: num(value), note: null, version, updatedBy: 'Cán bộ xã', updatedAt: '2024-04-02T01:00:00.000Z' })

/** A phone with two years of plans, three villages, pulled figures, the user's edits and a rejected one. */
async function phone(): Promise<ThiDuaDb> {
  const db = freshDb('raw')
  opened.push(db)
  await saveSession(db, me)
  await db.plans.bulkPut([
    { commune: C, year: 2023, version: 1, plan: plan(2023) },
    { commune: C, year: 2024, version: 2, plan: plan(2024) },
  ])
  await db.units.bulkPut(
    ['T1', 'T2', 'T3'].map((code, i) => ({ commune: C, code, name: `Thôn ${i + 1}`, kind: 'thon' as const, active: code !== 'T3', version: 1 })),
  )
  await db.periods.bulkPut([...quarterPeriods(2023), ...quarterPeriods(2024)].map((p) => ({ ...p, commune: C, version: 1 })))
  await db.cells.bulkPut([
    { commune: C, unit: 'T1', period: '2023-Q2', indicator: 'A', server: server(7), local: null },
    { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'A', server: server(10), local: null },
    { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'B', server: server(4), local: null },
    { commune: C, unit: 'T2', period: '2024-Q2', indicator: 'A', server: server(12), local: null },
    { commune: C, unit: 'T3', period: '2024-Q2', indicator: 'A', server: server(99), local: null },
  ])
  await db.reports.put({ commune: C, unit: 'T1', period: '2024-Q1', status: 'returned', returnReason: 'Thiếu số liệu', comments: { A: 'Kiểm tra lại' }, version: 3, pendingAction: null })
  await db.syncState.put({ commune: C, cursor: 41, lastSuccessAt: '2024-05-01T00:00:00.000Z', lastError: null, nextRetryAt: null })
  const deps = editDeps(db)
  await saveValue(deps, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'A', value: num(1448.5) })
  await saveValue(deps, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'B', value: num(3), note: 'Ước tính' })
  const entry = await db.outbox.where('[commune+unit+period+indicator]').equals([C, 'T1', '2024-Q2', 'B']).first()
  await db.outbox.update(entry!.seq, { state: 'rejected', rejection: { code: 'invalid', message: 'Số quá lớn' } })
  return db
}

async function rawOf(name: string) {
  const raw = await openRawReader(name)
  if (!raw) throw new Error('the raw reader did not open')
  return raw
}

describe('the bare IndexedDB reader', () => {
  it('opens the database at the version Dexie gives this build’s schema', async () => {
    const db = freshDb('version')
    opened.push(db)
    await db.open()
    expect(db.backendDB().version).toBe(DB_NATIVE_VERSION)
  })

  it('reads the first screens exactly as Dexie does', async () => {
    const db = await phone()
    const raw = await rawOf(db.name)
    try {
      const dexie = dexieReader(db)
      for (const unit of ['T1', 'T2']) {
        for (const period of ['2023-Q2', '2024-Q1', '2024-Q2', '2024-Q4']) {
          expect(await loadEntryFrame(raw, C, unit, period)).toEqual(await loadEntryFrame(dexie, C, unit, period))
          expect(await periodCells(raw, C, unit, period)).toEqual(await periodCells(dexie, C, unit, period))
          expect(await sheetReport(raw, C, unit, period)).toEqual(await sheetReport(dexie, C, unit, period))
          expect(await loadEntry(raw, C, unit, period)).toEqual(await loadEntry(db, C, unit, period))
        }
      }
      expect(await inbox(raw, C)).toEqual(await inbox(db, C))
      expect(await inbox(raw, C, { units: ['T2'], periodKinds: ['quarter'] })).toEqual(await inbox(db, C, { units: ['T2'], periodKinds: ['quarter'] }))
      expect(await currentUser(raw)).toEqual(me)
      expect(await raw.get('syncState', C)).toMatchObject({ cursor: 41 })
      // What the fixture set up is really there: the comparison is not between two empty reads.
      const entry = await loadEntry(raw, C, 'T1', '2024-Q2')
      expect(entry.cells.get('A')).toMatchObject({ value: num(1448.5), state: 'waiting' })
      expect(entry.cells.get('B')).toMatchObject({ state: 'rejected', rejection: { code: 'invalid' } })
      expect(entry.peerCells.map((c) => c.unit)).toEqual(['T2'])
      expect([...entry.plans.keys()]).toEqual([2023])
      expect(entry.unitCells.map((c) => c.period)).toEqual(['2023-Q2', '2024-Q1', '2024-Q3'])
      expect((await inbox(raw, C)).length).toBeGreaterThan(0)
    } finally {
      raw.close()
    }
  })

  it('neither creates a database that does not exist nor reads one of another version', async () => {
    const name = `thidua-missing-${Math.random().toString(36).slice(2)}`
    expect(await openRawReader(name)).toBeNull()
    expect(await Dexie.exists(name)).toBe(false)

    // A database an older schema made (version 1 of open.ts: IndexedDB version 10).
    const older = new Dexie(`thidua-older-${Math.random().toString(36).slice(2)}`)
    opened.push(older)
    older.version(1).stores({ meta: 'key' })
    await older.open()
    older.close()
    expect(await openRawReader(older.name)).toBeNull()
    // The browser without IndexedDB (storage blocked).
    expect(await openRawReader('thidua', undefined)).toBeNull()
  })

  it('steps aside when Dexie upgrades the database, in this tab or another', async () => {
    const db = await phone()
    db.close()
    const raw = await rawOf(db.name)
    const next = new Dexie(db.name)
    next.version(DB_NATIVE_VERSION / 10 + 1).stores({ extra: 'id' })
    await next.open()
    expect(next.backendDB().version).toBe(DB_NATIVE_VERSION + 10)
    await expect(raw.get('meta', 'user')).rejects.toThrow()
    next.close()
    expect(await openRawReader(db.name)).toBeNull()
  })
})

describe('the connection the page opens first (early.ts)', () => {
  it('is the one the first read of the app’s own database takes, once', async () => {
    const db = createDb(DB_NAME)
    opened.push(db)
    await saveSession(db, me)
    // Modules as a fresh page loads them: early.ts runs first and starts opening the database.
    vi.resetModules()
    const open = vi.spyOn(indexedDB, 'open')
    const fresh = await import('../../../src/client/local/rawReader')
    expect(open).toHaveBeenCalledTimes(1)
    expect(open).toHaveBeenCalledWith(DB_NAME)
    const first = await fresh.openRawReader()
    expect(open).toHaveBeenCalledTimes(1)
    expect(await currentUser(first!)).toEqual(me)
    // Taken once: a second reader opens a connection of its own.
    const second = await fresh.openRawReader()
    expect(open).toHaveBeenCalledTimes(2)
    first!.close()
    second!.close()
    open.mockRestore()
  })
})

describe('the database handle', () => {
  it('reads without Dexie until asked for it, then through Dexie alone', async () => {
    const db = await phone()
    const load = vi.fn(async () => createDb(db.name))
    const local = lazyLocal(load, () => openRawReader(db.name))
    const first = await local.firstReader()
    expect(load).not.toHaveBeenCalled()
    expect(local.ready).toBeUndefined()
    expect(await currentUser(first)).toEqual(me)

    const loaded = await local.open()
    opened.push(loaded)
    expect(load).toHaveBeenCalledTimes(1)
    expect(local.ready).toBe(loaded)
    expect(await local.opened).toBe(loaded)
    expect(await local.firstReader()).toBe(dexieReader(loaded))
    // The bare connection is closed once Dexie is there.
    await vi.waitFor(() => expect(first.get('meta', 'user')).rejects.toThrow())
    expect(await local.open()).toBe(loaded)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('reads through Dexie when the bare reader cannot, and loads Dexie again after a failed load', async () => {
    const name = `thidua-fresh-${Math.random().toString(36).slice(2)}`
    let fail = true
    const load = vi.fn(async () => {
      if (fail) throw new Error('the chunk did not arrive')
      const db = createDb(name)
      opened.push(db)
      return db
    })
    const local = lazyLocal(load, () => openRawReader(name))
    await expect(local.firstReader()).rejects.toThrow('the chunk did not arrive')
    fail = false
    const reader = await local.firstReader()
    expect(load).toHaveBeenCalledTimes(2)
    expect(reader).toBe(dexieReader(local.ready!))
    expect(await currentUser(reader)).toBeNull()
  })
})
