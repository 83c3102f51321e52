import 'fake-indexeddb/auto'
// Saving on the phone: one transaction for the cell and its outbox entry, coalescing of unsent
// edits only, quota errors explained, storage helpers that never throw.
import Dexie from 'dexie'
import { reactive } from 'vue'
import { afterEach, describe, expect, it } from 'vitest'
import { type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import { isQuotaError, recallReport, saveValue, StorageFullError, submitReport } from '../../../src/client/local/edits'
import { requestPersistence, storageEstimate } from '../../../src/client/local/storage'
import { C, editDeps, freshDb, T0 } from './testDb'

const dbs: ThiDuaDb[] = []
const open = () => {
  const db = freshDb('edits')
  dbs.push(db)
  return db
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

const cell = { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT' }
const num = (value: number) => ({ kind: 'number' as const, value })

describe('saveValue', () => {
  it('writes the local state and the outbox entry, committed when the promise resolves', async () => {
    const db = open()
    await db.meta.put({ key: 'deviceId', value: 'device-0001' })
    const saved = await saveValue(editDeps(db), { ...cell, value: num(120.5), note: 'vụ Đông Xuân' })
    expect(saved).toEqual({ seq: 1, mutationId: 'mut-0001', coalesced: false })

    // Another connection (another tab) sees both: the transaction has committed.
    const other = createDb(db.name)
    const entries = await other.outbox.toArray()
    expect(entries).toEqual([
      {
        seq: 1,
        mutationId: 'mut-0001',
        commune: C,
        unit: 'T1',
        period: '2024-Q1',
        indicator: 'LUA_DT',
        state: 'pending',
        conflict: null,
        rejection: null,
        createdAt: T0,
        attempts: 0,
        mutation: {
          kind: 'value',
          mutationId: 'mut-0001',
          deviceId: 'device-0001',
          unit: 'T1',
          period: '2024-Q1',
          indicator: 'LUA_DT',
          value: num(120.5),
          note: 'vụ Đông Xuân',
          baseVersion: 0,
          clientTime: T0,
        },
      },
    ])
    expect(await other.cells.get([C, 'T1', '2024-Q1', 'LUA_DT'])).toEqual({ ...cell, server: null, local: { value: num(120.5), note: 'vụ Đông Xuân' } })
    other.close()
  })

  it('bases the mutation on the server version of the cell', async () => {
    const db = open()
    await db.cells.put({ ...cell, server: { value: num(1), note: 'cũ', version: 41, updatedBy: 'X', updatedAt: T0 }, local: null })
    await saveValue(editDeps(db), { ...cell, value: num(2) })
    const [entry] = await db.outbox.toArray()
    expect(entry!.mutation).toMatchObject({ baseVersion: 41, value: num(2) })
    // No note given: the mutation carries none, so the server keeps its note.
    expect('note' in entry!.mutation).toBe(false)
    expect((await db.cells.get([C, 'T1', '2024-Q1', 'LUA_DT']))!.local).toEqual({ value: num(2) })
  })

  it('makes and keeps a device id when none was stored', async () => {
    const db = open()
    await saveValue(editDeps(db), { ...cell, value: num(1) })
    await saveValue(editDeps(db, 'b'), { ...cell, indicator: 'LUA_SL', value: num(2) })
    const ids = (await db.outbox.toArray()).map((e) => e.mutation.deviceId)
    expect(ids).toEqual(['mut-0001', 'mut-0001'])
    expect(await db.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'mut-0001' })
  })

  it('stores a plain copy of a reactive (Vue proxy) value', async () => {
    const db = open()
    const value = reactive({ kind: 'ratio' as const, numerator: 940, denominator: 1000 })
    await saveValue(editDeps(db), { ...cell, indicator: 'BHYT', value })
    value.numerator = 1
    const [entry] = await db.outbox.toArray()
    expect(entry!.mutation).toMatchObject({ value: { kind: 'ratio', numerator: 940, denominator: 1000 } })
  })

  describe('all or nothing', () => {
    /** Makes IndexedDB refuse every put into `store` with `error`, as a full disk does; gives back the undo. */
    function refusePuts(store: string, error: () => Error): () => void {
      const proto = IDBObjectStore.prototype
      const put = proto.put
      proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === store) throw error()
        return put.apply(this, args)
      }
      return () => {
        proto.put = put
      }
    }
    const undo: (() => void)[] = []
    afterEach(() => undo.splice(0).forEach((f) => f()))

    it('writes nothing when the cell write fails after the entry was added, and says the disk is full', async () => {
      const db = open()
      await db.meta.put({ key: 'deviceId', value: 'device-0001' })
      undo.push(refusePuts('cells', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')))
      const err = await saveValue(editDeps(db), { ...cell, value: num(3) }).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(StorageFullError)
      // The screen words it in the user's language (storage.full); the error carries the cause.
      expect((err as Error).cause).toBeDefined()
      undo.splice(0).forEach((f) => f())
      expect(await db.outbox.count()).toBe(0)
      expect(await db.cells.count()).toBe(0)
    })

    it('leaves the earlier entry untouched when a coalescing save fails', async () => {
      const db = open()
      const deps = editDeps(db)
      await saveValue(deps, { ...cell, value: num(1), note: 'a' })
      undo.push(refusePuts('cells', () => new Error('disk on fire')))
      await expect(saveValue(deps, { ...cell, value: num(2), note: 'b' })).rejects.toThrow('disk on fire')
      undo.splice(0).forEach((f) => f())
      const [entry] = await db.outbox.toArray()
      expect(entry!.mutation).toMatchObject({ value: num(1), note: 'a' })
      expect((await db.cells.toArray())[0]!.local).toEqual({ value: num(1), note: 'a' })
    })

    it('writes nothing when IndexedDB fails a request after the cell was put (an id already taken)', async () => {
      const db = open()
      await db.meta.put({ key: 'deviceId', value: 'device-0001' })
      await saveValue(editDeps(db), { ...cell, value: num(1) })
      // The same ids again: the entry's unique mutationId fails its add, after the request was made.
      const other = { ...cell, indicator: 'NS_LUA' }
      const err = await saveValue(editDeps(db), { ...other, value: num(2) }).catch((e: unknown) => e)
      expect((err as Error).name).toBe('ConstraintError')
      expect(await db.outbox.count()).toBe(1)
      expect(await db.cells.get([C, 'T1', '2024-Q1', 'NS_LUA'])).toBeUndefined()
    })

    it('recognises a quota error however Dexie wraps it', () => {
      expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true)
      expect(isQuotaError(new Dexie.AbortError('aborted', new DOMException('x', 'QuotaExceededError')))).toBe(true)
      expect(isQuotaError({ name: Dexie.errnames.QuotaExceeded })).toBe(true)
      expect(isQuotaError({ name: 'AbortError', inner: { name: 'AbortError', inner: { name: 'QuotaExceededError' } } })).toBe(true)
      expect(isQuotaError(new Error('x', { cause: new DOMException('x', 'QuotaExceededError') }))).toBe(true)
      expect(isQuotaError(new Dexie.AbortError('aborted'))).toBe(false)
      expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false)
      expect(isQuotaError(undefined)).toBe(false)
    })
  })

  describe('coalescing', () => {
    it('replaces the value of an entry never sent, keeping its id, base and an untouched note', async () => {
      const db = open()
      await db.meta.put({ key: 'deviceId', value: 'device-0001' })
      await db.cells.put({ ...cell, server: { value: num(1), note: null, version: 7, updatedBy: null, updatedAt: null }, local: null })
      const deps = editDeps(db)
      await saveValue(deps, { ...cell, value: num(10), note: 'ghi chú' })
      // A pull moved the server on meanwhile: the user's screen still showed their own value.
      await db.cells.update([C, 'T1', '2024-Q1', 'LUA_DT'], { server: { value: num(5), note: null, version: 9, updatedBy: null, updatedAt: null } })
      const again = await saveValue(deps, { ...cell, value: num(11) })
      expect(again).toEqual({ seq: 1, mutationId: 'mut-0001', coalesced: true })
      const entries = await db.outbox.toArray()
      expect(entries).toHaveLength(1)
      expect(entries[0]!.mutation).toMatchObject({ mutationId: 'mut-0001', value: num(11), note: 'ghi chú', baseVersion: 7 })
      expect((await db.cells.toArray())[0]!.local).toEqual({ value: num(11), note: 'ghi chú' })
      // null clears the note.
      await saveValue(deps, { ...cell, value: num(12), note: null })
      expect((await db.outbox.toArray())[0]!.mutation).toMatchObject({ value: num(12), note: null })
    })

    it.each(['sending', 'conflict', 'rejected'] as const)('adds a new entry when the cell’s entry is %s', async (state) => {
      const db = open()
      const deps = editDeps(db)
      await saveValue(deps, { ...cell, value: num(1) })
      await db.outbox.update(1, { state, attempts: 1 })
      await saveValue(deps, { ...cell, value: num(2) })
      const entries = await db.outbox.toArray()
      expect(entries.map((e) => [e.state, (e.mutation as { value: unknown }).value])).toEqual([
        [state, num(1)],
        ['pending', num(2)],
      ])
    })

    it('adds a new entry when the pending entry is in a push (the sync engine’s `sending` list), and for a report too', async () => {
      const db = open()
      const deps = editDeps(db)
      await saveValue(deps, { ...cell, value: num(1) })
      await submitReport(deps, { commune: C, unit: 'T1', period: '2024-Q1' })
      const [value, report] = await db.outbox.toArray()
      await db.meta.put({ key: 'sending', value: [value!.seq, report!.seq] })
      await saveValue(deps, { ...cell, value: num(2) })
      // The same action again would be a no-op on an entry not yet sent; this one travels.
      await recallReport(deps, { commune: C, unit: 'T1', period: '2024-Q1' })
      const entries = await db.outbox.toArray()
      expect(entries.map((e) => [e.state, e.attempts, e.mutation.kind === 'value' ? e.mutation.value : e.mutation.kind === 'report' ? e.mutation.action : null])).toEqual([
        ['pending', 0, num(1)],
        ['pending', 0, 'submit'],
        ['pending', 0, num(2)],
        ['pending', 0, 'recall'],
      ])
    })

    it('adds a new entry when the pending entry was sent before (its response was lost)', async () => {
      const db = open()
      const deps = editDeps(db)
      await saveValue(deps, { ...cell, value: num(1) })
      await db.outbox.update(1, { attempts: 1 })
      await saveValue(deps, { ...cell, value: num(2) })
      expect(await db.outbox.count()).toBe(2)
    })

    it('never mixes cells', async () => {
      const db = open()
      const deps = editDeps(db)
      await saveValue(deps, { ...cell, value: num(1) })
      await saveValue(deps, { ...cell, indicator: 'LUA_SL', value: num(2) })
      await saveValue(deps, { ...cell, period: '2024-Q2', value: num(3) })
      expect(await db.outbox.count()).toBe(3)
    })
  })
})

describe('submitReport / recallReport', () => {
  const report = { commune: C, unit: 'T1', period: '2024-Q1' }

  it('queues the action based on the report’s version and marks it pending on the report', async () => {
    const db = open()
    await db.reports.put({ ...report, status: 'returned', returnReason: 'Thiếu số liệu', comments: {}, version: 12, pendingAction: null })
    await submitReport(editDeps(db), report)
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ indicator: '', state: 'pending', mutation: { kind: 'report', action: 'submit', baseVersion: 12, unit: 'T1', period: '2024-Q1' } })
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'returned', pendingAction: 'submit' })
  })

  it('a recall cancels a submit never sent; a second submit is a no-op', async () => {
    const db = open()
    const deps = editDeps(db)
    await submitReport(deps, report)
    expect(await submitReport(deps, report)).toMatchObject({ coalesced: true })
    expect(await db.outbox.count()).toBe(1)
    expect(await recallReport(deps, report)).toBeNull()
    expect(await db.outbox.count()).toBe(0)
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'none', pendingAction: null })
  })

  it('a recall after a submit already sent is a new entry', async () => {
    const db = open()
    const deps = editDeps(db)
    await submitReport(deps, report)
    await db.outbox.update(1, { state: 'sending', attempts: 1 })
    await recallReport(deps, report)
    expect((await db.outbox.toArray()).map((e) => [e.state, e.mutation.kind === 'report' && e.mutation.action])).toEqual([
      ['sending', 'submit'],
      ['pending', 'recall'],
    ])
    expect((await db.reports.get([C, 'T1', '2024-Q1']))!.pendingAction).toBe('recall')
  })
})

describe('storage helpers', () => {
  it('asks for persistence and tolerates browsers without it', async () => {
    expect(await requestPersistence(undefined)).toBe('unsupported')
    expect(await requestPersistence({})).toBe('unsupported')
    expect(await requestPersistence({ persist: async () => true })).toBe('persisted')
    expect(await requestPersistence({ persist: async () => false, persisted: async () => false })).toBe('not_persisted')
    expect(await requestPersistence({ persist: async () => false, persisted: async () => true })).toBe('persisted')
    expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe('not_persisted')
  })

  it('estimates space and says when it runs low', async () => {
    expect(await storageEstimate(undefined)).toBeNull()
    expect(await storageEstimate({ estimate: () => Promise.reject(new Error('x')) })).toBeNull()
    expect(await storageEstimate({ estimate: async () => ({}) })).toBeNull()
    expect(await storageEstimate({ estimate: async () => ({ usage: 10e6, quota: 1e9 }) })).toEqual({ usage: 10e6, quota: 1e9, free: 990e6, low: false })
    expect(await storageEstimate({ estimate: async () => ({ usage: 95e6, quota: 100e6 }) })).toMatchObject({ low: true })
  })
})
