import 'fake-indexeddb/auto'
// A phone that installed the first release and has a full outbox (values waiting, a submit, a
// rejection, a conflict, an entry left `sending` by a closed tab) opens the current app: the
// database is upgraded to the current schema and nothing is lost. The first release's stores
// are written out here as they were (git: the first version of src/client/local/db.ts), not
// imported, so that a later schema change is tested against what phones really hold.
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import { attentionItems } from '../../../src/client/components/attention/items'
import { sheetCells, sheetReport, syncSummary, waitingCount } from '../../../src/client/local/queries'
import { ServerError, type SyncTransport } from '../../../src/client/sync/api'
import { syncOnce } from '../../../src/client/sync/engine'
import { PLAN } from './testDb'

/** The first released schema (version 1), verbatim. */
const FIRST_RELEASE_STORES = {
  meta: 'key',
  plans: '[commune+year]',
  units: '[commune+code]',
  periods: '[commune+code]',
  cells: '[commune+unit+period+indicator], [commune+unit+period]',
  reports: '[commune+unit+period]',
  outbox: '++seq, &mutationId, [commune+state], [commune+unit+period+indicator], [commune+unit+period]',
  syncState: 'commune',
}

const C = 'xa-thu'
const T = '2024-05-10T08:00:00.000Z'
const num = (value: number) => ({ kind: 'number' as const, value })
const value = (mutationId: string, indicator: string, v: unknown, baseVersion: number, note?: string) => ({
  kind: 'value',
  mutationId,
  deviceId: 'device-0001',
  unit: 'T1',
  period: '2024-Q1',
  indicator,
  value: v,
  ...(note === undefined ? {} : { note }),
  baseVersion,
  clientTime: T,
})
const entry = (seq: number, indicator: string, mutation: { mutationId: string; [k: string]: unknown }, state: string, extra: object = {}) => ({
  seq,
  mutationId: mutation.mutationId,
  commune: C,
  unit: 'T1',
  period: '2024-Q1',
  indicator,
  mutation,
  state,
  conflict: null,
  rejection: null,
  createdAt: T,
  attempts: state === 'pending' ? 0 : 1,
  ...extra,
})

/** Rows in the shapes the first release wrote (reports had no `comments`; sync state no bisection). */
const ROWS = {
  meta: [
    { key: 'deviceId', value: 'device-0001' },
    { key: 'user', value: { username: 'xa-thu.t1', displayName: 'Trưởng thôn 1', role: 'reporter', deviceId: 'device-0001', commune: { code: C, name: 'Xã thử' }, units: [{ code: 'T1', name: 'Thôn 1', kind: 'thon' }] } },
  ],
  plans: [{ commune: C, year: 2024, version: 1, plan: PLAN }],
  units: [{ commune: C, code: 'T1', name: 'Thôn 1', kind: 'thon', active: true, version: 1 }],
  periods: [{ commune: C, code: '2024-Q1', kind: 'quarter', year: 2024, from: '2024-01-01', to: '2024-03-31', deadline: '2024-04-05', locked: false, version: 1 }],
  cells: [
    { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', server: { value: num(10), note: null, version: 3, updatedBy: 'Trưởng thôn 1', updatedAt: T }, local: { value: num(12) } },
    { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_SL', server: { value: num(300), note: null, version: 5, updatedBy: 'Cán bộ xã', updatedAt: T }, local: { value: num(280), note: 'cân lại' } },
    { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'BHYT', server: null, local: { value: { kind: 'ratio', numerator: 95, denominator: 100 } } },
  ],
  reports: [{ commune: C, unit: 'T1', period: '2024-Q1', status: 'draft', returnReason: null, version: 3, pendingAction: 'submit' }],
  outbox: [
    entry(1, 'LUA_DT', value('mut-00000001', 'LUA_DT', num(12), 3), 'pending'),
    entry(2, 'LUA_SL', value('mut-00000002', 'LUA_SL', num(280), 3, 'cân lại'), 'conflict', {
      conflict: { value: num(300), note: null, version: 5, updatedBy: 'Cán bộ xã', updatedAt: T },
    }),
    entry(3, 'BHYT', value('mut-00000003', 'BHYT', { kind: 'ratio', numerator: 95, denominator: 100 }, 0), 'rejected', {
      rejection: { code: 'period_locked', message: 'Kỳ báo cáo đã khóa: Đã tổng hợp gửi huyện' },
    }),
    entry(4, '', { kind: 'report', mutationId: 'mut-00000004', deviceId: 'device-0001', unit: 'T1', period: '2024-Q1', action: 'submit', baseVersion: 3, clientTime: T }, 'pending'),
    entry(5, 'LUA_DT', value('mut-00000005', 'LUA_DT', num(13), 3), 'sending'),
  ],
  syncState: [{ commune: C, cursor: 7, lastSuccessAt: T, lastError: null, nextRetryAt: null }],
} as const

const opened: Dexie[] = []
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await db.delete()
  }
})

async function firstReleasePhone(name: string): Promise<void> {
  const old = new Dexie(name)
  old.version(1).stores(FIRST_RELEASE_STORES)
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(ROWS)) await old.table(table).bulkAdd(rows as unknown as object[])
  })
  old.close()
}

describe('upgrading the phone’s database from the first release', () => {
  it('keeps every row of every store, the whole outbox in its states included, and the current code reads them', async () => {
    const name = `thidua-upgrade-${Math.random().toString(36).slice(2)}`
    await firstReleasePhone(name)

    const db: ThiDuaDb = createDb(name)
    opened.push(db)
    await db.open()
    const current = createDb(`thidua-current-${Math.random().toString(36).slice(2)}`)
    opened.push(current)
    await current.open()
    expect(db.verno).toBe(current.verno) // upgraded to the current schema
    // Every store of the first release is there; later versions only added stores (registration: version 2).
    expect(db.tables.map((t) => t.name).sort()).toEqual(current.tables.map((t) => t.name).sort())
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(Object.keys(FIRST_RELEASE_STORES)))
    for (const t of current.tables) {
      expect(db.table(t.name).schema.indexes.map((i) => i.name).sort()).toEqual(t.schema.indexes.map((i) => i.name).sort())
    }

    // Nothing lost, nothing changed.
    for (const [table, rows] of Object.entries(ROWS)) {
      const stored = await db.table(table).toArray()
      expect(stored).toHaveLength(rows.length)
      expect(stored).toEqual(expect.arrayContaining(rows as unknown as object[]))
    }

    // The current code reads the old rows: counts, the attention list, the entry sheet.
    expect(await waitingCount(db, C)).toBe(3)
    expect(await syncSummary(db, C)).toMatchObject({ waiting: 3, attention: 2, lastSuccessAt: T })
    expect((await attentionItems(db, C)).map((i) => [i.seq, i.kind])).toEqual([
      [2, 'conflict'],
      [3, 'rejected'],
    ])
    const sheet = await sheetCells(db, C, 'T1', '2024-Q1')
    expect(sheet.get('LUA_SL')).toMatchObject({ state: 'conflict', value: num(280), note: 'cân lại' })
    expect(sheet.get('BHYT')).toMatchObject({ state: 'rejected', rejection: { code: 'period_locked' } })
    expect(await sheetReport(db, C, 'T1', '2024-Q1')).toMatchObject({ status: 'waiting', comments: {} })

    // And syncs them: a run that fails keeps everything; the entry left `sending` is pending again.
    const failing: SyncTransport = { push: () => Promise.reject(new ServerError(500)), pull: () => Promise.reject(new ServerError(500)) }
    expect(await syncOnce({ db, transport: failing, commune: C })).toMatchObject({ ok: false, quarantined: 0 })
    expect((await db.outbox.toArray()).map((e) => [e.seq, e.state])).toEqual([
      [1, 'pending'],
      [2, 'conflict'],
      [3, 'rejected'],
      [4, 'pending'],
      [5, 'pending'],
    ])
    expect(await db.syncState.get(C)).toMatchObject({ cursor: 7, serverFailures: 1 })
  })
})
