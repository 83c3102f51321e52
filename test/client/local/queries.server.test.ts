// @vitest-environment node
import 'fake-indexeddb/auto'
// The screens' reads: inbox cards with counts and status, a sheet merged local over server, the
// waiting count and the "cần xử lý" list. The phone's data comes from the REAL server (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set), a commune of its own per test.
import { liveQuery } from 'dexie'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { recallReport, saveValue, submitReport, type EditDeps } from '../../../src/client/local/edits'
import { attentionItems } from '../../../src/client/components/attention/items'
import viMessages from '../../../src/client/locales/vi'
import { cardStatus, inbox, sheetCells, sheetReport, syncSummary, waitingCount } from '../../../src/client/local/queries'
import { syncOnce, type SyncDeps } from '../../../src/client/sync/engine'
import { DATABASES, startServer, type TestServer } from '../../server/harness'
import { FaultyWire } from '../sync/faults'
import { openCommune, type Office } from '../../support/phoneServer'
import { editDeps, freshDb, T0 } from './testDb'

const dbs: ThiDuaDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

const num = (value: number) => ({ kind: 'number' as const, value })

let s: TestServer
/** The commune of the test under way. */
let C = ''

/** A phone of a fresh commune on the server (signed in for both villages) that has pulled it once. */
async function pulled(): Promise<{ db: ThiDuaDb; server: Office; wire: FaultyWire; deps: SyncDeps; edits: EditDeps }> {
  const server = await openCommune(s)
  C = server.C
  const db = freshDb('queries')
  dbs.push(db)
  const deviceId = `${server.prefix}-device-0001`
  await db.meta.put({ key: 'deviceId', value: deviceId })
  const wire = new FaultyWire(await server.transport(deviceId))
  const deps = { db, transport: wire, commune: C, clock: () => new Date(T0) }
  await syncOnce(deps)
  return { db, server, wire, deps, edits: editDeps(db, `${server.prefix}-mut`) }
}

describe('cardStatus', () => {
  it('puts a waiting submit first, then the server’s status, then what is filled', () => {
    expect(cardStatus(undefined, 0)).toBe('empty')
    expect(cardStatus(undefined, 2)).toBe('draft')
    expect(cardStatus({ status: 'draft', pendingAction: null }, 0)).toBe('empty')
    expect(cardStatus({ status: 'draft', pendingAction: 'submit' }, 3)).toBe('waiting')
    expect(cardStatus({ status: 'submitted', pendingAction: null }, 3)).toBe('submitted')
    expect(cardStatus({ status: 'submitted', pendingAction: 'recall' }, 3)).toBe('draft')
    expect(cardStatus({ status: 'approved', pendingAction: null }, 3)).toBe('approved')
    expect(cardStatus({ status: 'returned', pendingAction: null }, 3)).toBe('returned')
    expect(cardStatus({ status: 'returned', pendingAction: 'submit' }, 3)).toBe('waiting')
    expect(Object.values(viMessages.status)).toEqual(['chưa nhập', 'nháp', 'chờ gửi', 'đã gửi', 'đã duyệt', 'bị trả lại'])
  })
})

describe.each(DATABASES)('against the server on $name', (factory) => {
  beforeAll(async () => {
    s = await startServer(factory, [])
  }, 60_000)
  afterAll(async () => {
    await s?.close()
  })

  describe('inbox', () => {
    it('shows one card per (unit, period) with filled counts, waiting counts and a status', async () => {
      const { db, server, deps, edits } = await pulled()
      await server.write('T1', '2024-Q1', 'LUA_DT', num(100))
      await server.decide('T2', '2024-Q1', 'returned', 'Thiếu BHYT')
      await syncOnce(deps)
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_SL', value: num(700) })
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'LUA_SL', value: num(1) })
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q2' })

      const cards = await inbox(db, C, { periodKinds: ['quarter'] })
      expect(cards).toHaveLength(8)
      const card = (unit: string, period: string) => cards.find((c) => c.unit === unit && c.period === period)!
      // 3 enterable indicators: LUA_NS is computed.
      expect(card('T1', '2024-Q1')).toMatchObject({ unitName: 'Thôn 1', filled: 2, total: 3, waiting: 1, attention: 0, status: 'draft', deadline: '2024-04-05', locked: false })
      expect(card('T1', '2024-Q2')).toMatchObject({ filled: 1, waiting: 2, status: 'waiting' })
      expect(card('T2', '2024-Q1')).toMatchObject({ filled: 0, status: 'returned', returnReason: 'Thiếu BHYT' })
      expect(card('T2', '2024-Q3')).toMatchObject({ filled: 0, status: 'empty' })
      expect(cards.map((c) => c.period)).toEqual(['2024-Q1', '2024-Q1', '2024-Q2', '2024-Q2', '2024-Q3', '2024-Q3', '2024-Q4', '2024-Q4'])
    })

    it('shows a reporter only their own units', async () => {
      const { db } = await pulled()
      await db.meta.put({
        key: 'user',
        value: { username: 't2', displayName: 'Trưởng thôn 2', role: 'reporter', deviceId: 'device-0001', commune: { code: C, name: 'Xã Thử' }, units: [{ code: 'T2', name: 'Thôn 2', kind: 'thon' }] },
      })
      expect(new Set((await inbox(db, C)).map((c) => c.unit))).toEqual(new Set(['T2']))
    })

    it('a recall waiting makes a submitted report a draft on the phone', async () => {
      const { db, server, deps, edits } = await pulled()
      await server.write('T1', '2024-Q1', 'LUA_DT', num(100))
      await server.decide('T1', '2024-Q1', 'submitted')
      await syncOnce(deps)
      expect((await sheetReport(db, C, 'T1', '2024-Q1')).readOnly).toMatch(/đang chờ duyệt/)
      await recallReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' })
      const cards = await inbox(db, C)
      expect(cards.find((c) => c.unit === 'T1' && c.period === '2024-Q1')!.status).toBe('draft')
      expect((await sheetReport(db, C, 'T1', '2024-Q1')).readOnly).toBeNull()
    })

    it('works inside liveQuery and follows a commit', async () => {
      const { db, edits } = await pulled()
      const seen: number[] = []
      const sub = liveQuery(() => waitingCount(db, C)).subscribe((n) => seen.push(n))
      // Waits on what the query emits, not on the clock.
      await vi.waitFor(() => expect(seen).toEqual([0]), { timeout: 30_000 })
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(1) })
      await vi.waitFor(() => expect(seen).toEqual([0, 1]), { timeout: 30_000 })
      sub.unsubscribe()
    })
  })

  describe('one sheet', () => {
    it('merges the waiting value over the server’s and says which cells wait or need the user', async () => {
      const { db, server, wire, deps, edits } = await pulled()
      await server.write('T1', '2024-Q1', 'LUA_DT', num(100), 'ghi chú máy chủ')
      await server.write('T1', '2024-Q1', 'LUA_SL', num(700))
      await syncOnce(deps)
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(101) })
      await server.lock('2024-Q1', 'Đã chốt')
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 1, denominator: 2 } })
      wire.pushFaults = ['network']
      await syncOnce(deps)
      let sheet = await sheetCells(db, C, 'T1', '2024-Q1')
      expect(sheet.get('LUA_DT')).toMatchObject({ value: num(101), note: 'ghi chú máy chủ', state: 'waiting', server: { value: num(100) } })
      expect(sheet.get('LUA_SL')).toMatchObject({ value: num(700), state: 'saved', local: null })
      await syncOnce(deps)
      sheet = await sheetCells(db, C, 'T1', '2024-Q1')
      expect(sheet.get('BHYT')).toMatchObject({ state: 'rejected', rejection: { code: 'period_locked' } })
      expect(await sheetReport(db, C, 'T1', '2024-Q1')).toMatchObject({ locked: true, lockReason: 'Đã chốt', readOnly: 'Kỳ báo cáo đã khóa: Đã chốt' })
    })

    it('says a cell whose change the server fails on is set aside, not waiting', async () => {
      const { db, edits } = await pulled()
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(101) })
      // What the engine's bisection does with the one change the server keeps failing on.
      await db.outbox.where('[commune+state]').equals([C, 'pending']).modify({ state: 'quarantined' })
      const sheet = await sheetCells(db, C, 'T1', '2024-Q1')
      expect(sheet.get('LUA_DT')).toMatchObject({ value: num(101), state: 'quarantined' })
    })
  })

  describe('sync status and the "cần xử lý" list', () => {
    it('counts what waits and lists conflicts and rejections with both sides and names', async () => {
      const { db, server, deps, edits } = await pulled()
      // The officer changed it on 1 May.
      s.clock.now = new Date('2024-05-01T00:00:00.000Z')
      const v = await server.write('T1', '2024-Q1', 'LUA_SL', num(650), 'cán bộ sửa')
      s.clock.now = new Date(T0)
      await server.lock('2024-Q2', 'Đã chốt')
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_SL', value: num(610) })
      await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'LUA_DT', value: num(5) })
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q2' })
      expect(await waitingCount(db, C)).toBe(3)
      await syncOnce(deps)
      await saveValue(edits, { commune: C, unit: 'T2', period: '2024-Q1', indicator: 'LUA_DT', value: num(7) })
      expect(await syncSummary(db, C)).toMatchObject({ waiting: 1, attention: 3, lastSuccessAt: T0, lastError: null })
      const items = await attentionItems(db, C)
      expect(items).toEqual([
        {
          seq: 1,
          kind: 'conflict',
          unit: 'T1',
          unitName: 'Thôn 1',
          period: '2024-Q1',
          indicator: 'LUA_SL',
          indicatorName: 'Sản lượng lúa',
          mine: { value: num(610), note: 'cán bộ sửa' },
          server: { value: num(650), note: 'cán bộ sửa', version: v, updatedBy: 'Cán bộ xã', updatedAt: '2024-05-01T00:00:00.000Z' },
          rejection: null,
          createdAt: T0,
        },
        expect.objectContaining({ seq: 2, kind: 'rejected', indicator: 'LUA_DT', mine: { value: num(5), note: null }, rejection: { code: 'period_locked', message: 'Kỳ báo cáo 2024-Q2 đã khóa: Đã chốt' } }),
        expect.objectContaining({ seq: 3, kind: 'rejected', indicator: null, indicatorName: null, mine: { action: 'submit' } }),
      ])
    })
  })
})
