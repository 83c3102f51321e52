import 'fake-indexeddb/auto'
// The sync engine against an in-memory server: every outcome's effect on the outbox and the
// cells, failures that keep the outbox, pull pages saved with their cursor, and the user's choices.
import { afterEach, describe, expect, it } from 'vitest'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { saveValue, submitReport } from '../../../src/client/local/edits'
import { mergedValue } from '../../../src/client/local/queries'
import { discardRejected, OutboxStateError, requestFullPull, resolveConflict, retryRejected, syncOnce, type SyncDeps } from '../../../src/client/sync/engine'
import { runBackgroundSync } from '../../../src/client/sync/scheduler'
import type { ValueMutation } from '../../../src/shared/protocol'
import { C, editDeps, freshDb, T0 } from '../local/testDb'
import { MemoryServer } from './memoryServer'
import { RequestRefusedError } from '../../../src/client/sync/api'

const dbs: ThiDuaDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

async function setup(options: Partial<SyncDeps> = {}) {
  const db = freshDb('engine')
  dbs.push(db)
  await db.meta.put({ key: 'deviceId', value: 'device-0001' })
  const server = new MemoryServer()
  const deps: SyncDeps = { db, transport: server.transport, commune: C, clock: () => new Date(T0), ...options }
  return { db, server, deps, edits: editDeps(db) }
}

const num = (value: number) => ({ kind: 'number' as const, value })
const at = (indicator: string, unit = 'T1', period = '2024-Q1') => ({ commune: C, unit, period, indicator })
const cellOf = (db: ThiDuaDb, indicator: string, unit = 'T1', period = '2024-Q1') => db.cells.get([C, unit, period, indicator])
const states = async (db: ThiDuaDb) => (await db.outbox.toArray()).map((e) => e.state)

describe('push', () => {
  it('a 100% rate (numerator = denominator) goes through the shared validation and is applied; one above 100% is refused by it', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('BHYT'), value: { kind: 'ratio', numerator: 1000, denominator: 1000 } })
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1, rejected: 0 })
    expect(server.cell('T1', '2024-Q1', 'BHYT')!.value).toEqual({ kind: 'ratio', numerator: 1000, denominator: 1000 })
    expect(await cellOf(db, 'BHYT')).toMatchObject({ local: null, server: { value: { kind: 'ratio', numerator: 1000, denominator: 1000 } } })
    // The same server refuses what the real one refuses: the validation really runs.
    const over: ValueMutation = { kind: 'value', mutationId: 'm-over-100-percent', deviceId: 'device-0001', ...at('BHYT', 'T2'), value: { kind: 'ratio', numerator: 1001, denominator: 1000 }, baseVersion: 0, clientTime: T0 }
    expect(server.ingest([over]).outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid' })
  })

  it('applied: the entry leaves, the cell’s server state takes the value at the returned version, its local state goes', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(120.5), note: 'vụ Đông Xuân' })
    await saveValue(edits, { ...at('LUA_SL'), value: num(700) })
    const result = await syncOnce(deps)
    expect(result).toMatchObject({ ok: true, sent: 2, applied: 2, conflicts: 0, rejected: 0, error: null })
    expect(await db.outbox.count()).toBe(0)
    const v = server.cell('T1', '2024-Q1', 'LUA_DT')!.version
    expect(server.pushes).toHaveLength(1)
    expect(await cellOf(db, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(120.5), note: 'vụ Đông Xuân', version: v } })
    expect(await db.syncState.get(C)).toMatchObject({ cursor: server.version, lastSuccessAt: T0, lastError: null })
  })

  it('sends the outbox in seq order, in batches, until nothing is pending', async () => {
    const { db, server, deps, edits } = await setup({ batchSize: 2 })
    for (const [i, ind] of ['LUA_DT', 'LUA_SL', 'BHYT'].entries()) await saveValue(edits, { ...at(ind), value: ind === 'BHYT' ? { kind: 'ratio', numerator: 9, denominator: 10 } : num(i) })
    await saveValue(edits, { ...at('LUA_DT', 'T2'), value: num(9) })
    await saveValue(edits, { ...at('LUA_SL', 'T2'), value: num(8) })
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 5 })
    expect(server.pushes.map((p) => p.mutations.map((m) => m.mutationId))).toEqual([['mut-0001', 'mut-0002'], ['mut-0003', 'mut-0004'], ['mut-0005']])
    expect(server.pushes[0]!.deviceId).toBe('device-0001')
    expect(await db.outbox.count()).toBe(0)
  })

  it('halves the batch when the body is too large (413) and sends everything', async () => {
    const { db, server, deps, edits } = await setup()
    for (const ind of ['LUA_DT', 'LUA_SL']) for (const unit of ['T1', 'T2']) await saveValue(edits, { ...at(ind, unit), value: num(1) })
    const push = server.transport.push
    deps.transport = {
      ...server.transport,
      push: (commune, body) => (body.mutations.length > 1 ? Promise.reject(new RequestRefusedError(413, 'payload_too_large', 'Dữ liệu gửi lên quá lớn')) : push(commune, body)),
    }
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 4 })
    expect(await db.outbox.count()).toBe(0)
  })

  it('puts one entry per cell in a batch and rebases the next on the version the first got', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    await db.outbox.update(1, { attempts: 1 }) // sent once, answer lost: never coalesced
    await saveValue(edits, { ...at('LUA_DT'), value: num(2) })
    expect(await db.outbox.count()).toBe(2)
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, conflicts: 0 })
    expect(server.pushes.map((p) => p.mutations.length)).toEqual([1, 1])
    const firstVersion = server.recorded.get('mut-0001') as { version: number }
    expect((server.pushes[1]!.mutations[0] as ValueMutation).baseVersion).toBe(firstVersion.version)
    expect(server.cell('T1', '2024-Q1', 'LUA_DT')!.value).toEqual(num(2))
    expect(await cellOf(db, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(2) } })
  })

  it('rebases an edit made while its cell was being sent, and keeps the local state until that edit is acknowledged', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    const push = server.transport.push
    let localDuringFirstAnswer: unknown
    deps.transport = {
      ...server.transport,
      push: async (commune, body) => {
        if (server.pushes.length === 0) await saveValue(edits, { ...at('LUA_DT'), value: num(2) })
        const res = await push(commune, body)
        localDuringFirstAnswer ??= (await cellOf(db, 'LUA_DT'))!.local
        return res
      },
    }
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, conflicts: 0 })
    expect(localDuringFirstAnswer).toEqual({ value: num(2) })
    expect(server.cell('T1', '2024-Q1', 'LUA_DT')!.value).toEqual(num(2))
    expect(await cellOf(db, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(2) } })
  })

  it('conflict: the entry stays with the server’s cell; the cell’s server state moves, its local state stays', async () => {
    const { db, server, deps, edits } = await setup()
    const v = server.write('T1', '2024-Q1', 'LUA_SL', num(650), 'cán bộ sửa')
    await saveValue(edits, { ...at('LUA_SL'), value: num(610) })
    expect(await syncOnce(deps)).toMatchObject({ ok: true, conflicts: 1, applied: 0 })
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'conflict', conflict: { value: num(650), note: 'cán bộ sửa', version: v, updatedBy: 'Cán bộ xã' } })
    expect(await cellOf(db, 'LUA_SL')).toMatchObject({ server: { value: num(650), version: v }, local: { value: num(610) } })
    expect(mergedValue(await cellOf(db, 'LUA_SL')).value).toEqual(num(610))
    // Never sent again on its own.
    await syncOnce(deps)
    expect(server.pushes).toHaveLength(1)
    expect(await states(db)).toEqual(['conflict'])
  })

  it('rejected: the entry stays with the code and message, the local state too, until the user acts', async () => {
    const { db, server, deps, edits } = await setup()
    server.lock('2024-Q1', 'Đã tổng hợp gửi huyện')
    await saveValue(edits, { ...at('LUA_DT'), value: num(5) })
    expect(await syncOnce(deps)).toMatchObject({ ok: true, rejected: 1 })
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'rejected', rejection: { code: 'period_locked', message: 'Kỳ báo cáo 2024-Q1 đã khóa: Đã tổng hợp gửi huyện' } }])
    expect((await cellOf(db, 'LUA_DT'))!.local).toEqual({ value: num(5) })
    expect(await db.periods.get([C, '2024-Q1'])).toMatchObject({ locked: true, lockReason: 'Đã tổng hợp gửi huyện' })
    await syncOnce(deps)
    expect(server.pushes).toHaveLength(1)
  })

  it('network failure: every entry stays, back to pending, the error is recorded, pull is skipped', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
    server.pushFailures = ['network']
    const result = await syncOnce(deps)
    expect(result).toMatchObject({ ok: false, error: { kind: 'network' } })
    expect(await db.outbox.toArray()).toMatchObject([
      { state: 'pending', attempts: 1 },
      { state: 'pending', attempts: 1 },
    ])
    expect(server.pulls).toEqual([])
    expect(server.cells.size).toBe(0)
    expect(await db.syncState.get(C)).toMatchObject({ lastSuccessAt: null, lastError: { kind: 'network', at: T0 } })
    expect((await cellOf(db, 'LUA_DT'))!.local).toEqual({ value: num(1) })
  })

  it('5xx: every entry stays pending; pull still runs so the officer’s decisions arrive', async () => {
    const { db, server, deps, edits } = await setup()
    server.decide('T1', '2024-Q1', 'returned', 'Thiếu số liệu lúa')
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    server.pushFailures = ['server']
    expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'server' } })
    expect(await states(db)).toEqual(['pending'])
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'returned', returnReason: 'Thiếu số liệu lúa' })
  })

  it('unauthorized: entries stay pending, the error says to sign in again', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    server.pushFailures = ['unauthorized']
    expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'unauthorized', code: 'unauthorized' } })
    expect(await states(db)).toEqual(['pending'])
  })

  it('a lost response: the resend gets duplicates, acts on the original, and writes nothing twice', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
    server.pushFailures = ['lost']
    expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'network' } })
    const versionAfterCommit = server.version
    expect(await states(db)).toEqual(['pending', 'pending'])
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2 })
    expect(server.version).toBe(versionAfterCommit)
    expect(server.pushes[1]!.mutations.map((m) => m.mutationId)).toEqual(server.pushes[0]!.mutations.map((m) => m.mutationId))
    expect(await db.outbox.count()).toBe(0)
    expect(await cellOf(db, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(1), version: versionAfterCommit } })
  })

  it('a duplicate of a conflict or a rejection acts on the original', async () => {
    const { db, server, deps, edits } = await setup()
    server.write('T1', '2024-Q1', 'LUA_SL', num(650))
    server.lock('2024-Q2', 'Hết hạn')
    await saveValue(edits, { ...at('LUA_SL'), value: num(610) })
    await saveValue(edits, { ...at('LUA_DT', 'T1', '2024-Q2'), value: num(1) })
    server.pushFailures = ['lost']
    await syncOnce(deps)
    await syncOnce(deps)
    expect(await db.outbox.toArray()).toMatchObject([
      { state: 'conflict', conflict: { value: num(650) } },
      { state: 'rejected', rejection: { code: 'period_locked' } },
    ])
  })

  it('never moves a cell’s server state back: a late duplicate answer does not undo a newer pulled value', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    server.pushFailures = ['lost']
    await syncOnce(deps) // committed on the server, answer lost; pull skipped (network)
    const newer = server.write('T1', '2024-Q1', 'LUA_DT', num(99))
    // Pull first (push refused with a 5xx), then the duplicate arrives.
    server.pushFailures = ['server']
    await syncOnce(deps)
    expect((await cellOf(db, 'LUA_DT'))!.server).toMatchObject({ value: num(99), version: newer })
    await syncOnce(deps)
    expect(await db.outbox.count()).toBe(0)
    expect(await cellOf(db, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(99), version: newer } })
  })
})

describe('push, settled in bulk', () => {
  // A batch of values all applied is settled with bulk reads and writes; any other batch entry by
  // entry. Both must leave the phone in the same state.
  async function run(forceEntryByEntry: boolean) {
    const { db, server, deps, edits } = await setup()
    // One cell the phone already knows from the server; then the pull fails, so that what the
    // push's outcomes wrote stays in view (no pulled page writes over it).
    server.write('T1', '2024-Q1', 'BHYT', { kind: 'ratio', numerator: 1, denominator: 2 })
    await syncOnce(deps)
    server.pullFailures = ['network']
    if (forceEntryByEntry) {
      server.lock('2024-Q2', 'Đã chốt số liệu')
      await saveValue(edits, { ...at('LUA_DT', 'T9', '2024-Q2'), value: num(5) })
    }
    await saveValue(edits, { ...at('LUA_DT'), value: num(120.5), note: 'vụ Đông Xuân' })
    await saveValue(edits, { ...at('LUA_SL'), value: num(700) })
    await saveValue(edits, { ...at('BHYT'), value: { kind: 'ratio', numerator: 2, denominator: 2 } })
    await saveValue(edits, { ...at('LUA_DT', 'T2'), value: num(9) })
    const result = await syncOnce(deps)
    expect(result).toMatchObject({ applied: 4, rejected: forceEntryByEntry ? 1 : 0 })
    const cells = (await db.cells.toArray()).filter((c) => c.unit !== 'T9')
    const reports = (await db.reports.toArray()).filter((r) => r.unit !== 'T9')
    const outbox = (await db.outbox.toArray()).filter((e) => e.unit !== 'T9')
    return { cells, reports, outbox }
  }

  it('leaves the same cells, reports and outbox as settling entry by entry', async () => {
    const bulk = await run(false)
    const oneByOne = await run(true)
    expect(bulk.outbox).toEqual([])
    expect(bulk.cells.map((c) => c.local)).toEqual(bulk.cells.map(() => null))
    expect(bulk.reports.map((r) => [r.unit, r.status])).toEqual([['T1', 'draft'], ['T2', 'draft']])
    // The versions differ by the locked period's write; compare what they say, relative to each run.
    const shape = (x: Awaited<ReturnType<typeof run>>) => ({
      cells: x.cells.map((c) => ({ ...c, server: c.server && { ...c.server, version: 0 } })),
      reports: x.reports.map((r) => ({ ...r, version: 0 })),
      outbox: x.outbox,
    })
    expect(shape(bulk)).toEqual(shape(oneByOne))
  })
})

describe('reports', () => {
  const report = { commune: C, unit: 'T1', period: '2024-Q1' }

  it('a submit applied makes the report submitted and clears the pending action', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    await submitReport(edits, report)
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2 })
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null, version: server.reports.get('T1|2024-Q1')!.version })
  })

  it('a submit in a later batch than the values that created the draft is not a conflict', async () => {
    const { db, deps, edits } = await setup({ batchSize: 2 })
    for (const ind of ['LUA_DT', 'LUA_SL', 'BHYT']) {
      await saveValue(edits, { ...at(ind), value: ind === 'BHYT' ? { kind: 'ratio', numerator: 1, denominator: 2 } : num(3) })
    }
    await submitReport(edits, report)
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 4, conflicts: 0 })
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null })
  })

  it('a report conflict keeps the entry and shows the server’s status', async () => {
    const { db, server, deps, edits } = await setup()
    await submitReport(edits, report) // based on version 0: the phone knows no report
    const v = server.decide('T1', '2024-Q1', 'returned', 'Sai số liệu')
    expect(await syncOnce(deps)).toMatchObject({ conflicts: 1 })
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'conflict', conflict: { status: 'returned', version: v } }])
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'returned', version: v, pendingAction: 'submit', returnReason: 'Sai số liệu' })
    await resolveConflict(editDeps(db, 'again'), 1, 'mine')
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1 })
    expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null })
  })
})

describe('pull', () => {
  it('never overwrites an edit still waiting: the pulled value goes to the server state only', async () => {
    const { db, server, deps, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1), note: 'của tôi' })
    const v = server.write('T1', '2024-Q1', 'LUA_DT', num(50), 'của cán bộ')
    server.pushFailures = ['server']
    await syncOnce(deps)
    expect(await cellOf(db, 'LUA_DT')).toMatchObject({ server: { value: num(50), note: 'của cán bộ', version: v }, local: { value: num(1), note: 'của tôi' } })
    expect(mergedValue(await cellOf(db, 'LUA_DT'))).toEqual({ value: num(1), note: 'của tôi' })
  })

  it('saves each page with its cursor, and resumes from the last saved page after a failure', async () => {
    const { db, server, deps } = await setup({ pullLimit: 1 })
    const v1 = server.write('T1', '2024-Q1', 'LUA_DT', num(1))
    const v2 = server.write('T1', '2024-Q1', 'LUA_SL', num(2))
    server.write('T2', '2024-Q1', 'LUA_DT', num(3))
    server.pullFailures = [null, null, 'network']
    expect(await syncOnce(deps)).toMatchObject({ ok: false, pulledPages: 2 })
    expect(server.pulls).toEqual([0, v1, v2])
    expect((await db.syncState.get(C))!.cursor).toBe(v2)
    expect(await db.cells.count()).toBe(2)
    expect(await db.units.count()).toBe(2)
    expect(await db.plans.get([C, 2024])).toMatchObject({ version: 1, plan: { title: 'Kế hoạch thi đua năm 2024' } })
    expect(await syncOnce(deps)).toMatchObject({ ok: true })
    expect(server.pulls.slice(3)).toEqual([v2])
    expect(await db.cells.count()).toBe(3)
  })

  it('a page’s rows and its cursor commit together: a failure while saving leaves neither', async () => {
    const { db, server, deps } = await setup()
    server.write('T1', '2024-Q1', 'LUA_DT', num(1))
    db.syncState.hook('creating', () => {
      throw new Error('write failed')
    })
    expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'internal' } })
    expect(await db.cells.count()).toBe(0)
    expect(await db.periods.count()).toBe(0)
  })

  it('cursor_ahead: starts again from 0 and keeps the outbox', async () => {
    const { db, server, deps, edits } = await setup()
    server.write('T1', '2024-Q1', 'LUA_SL', num(650))
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    await db.syncState.put({ commune: C, cursor: 999, lastSuccessAt: null, lastError: null, nextRetryAt: null })
    server.pushFailures = ['server']
    await syncOnce(deps)
    expect(server.pulls).toEqual([999, 0])
    expect((await db.syncState.get(C))!.cursor).toBe(server.version)
    expect(await db.outbox.count()).toBe(1)
    expect(await cellOf(db, 'LUA_SL')).toMatchObject({ server: { value: num(650) } })
  })

  it('requestFullPull makes the next sync start at 0', async () => {
    const { db, server, deps } = await setup()
    await syncOnce(deps)
    await requestFullPull(db, C)
    await syncOnce(deps)
    expect(server.pulls).toEqual([0, 0])
  })
})

describe('the user’s choices', () => {
  async function conflicted() {
    const s = await setup()
    const v = s.server.write('T1', '2024-Q1', 'LUA_SL', num(650), 'cán bộ')
    await saveValue(s.edits, { ...at('LUA_SL'), value: num(610) })
    await syncOnce(s.deps)
    return { ...s, v }
  }

  it('mine: a new entry with a new id, based on the server’s version, replaces the old one in one go', async () => {
    const { db, server, deps, v } = await conflicted()
    const queued = await resolveConflict(editDeps(db, 'mine'), 1, 'mine')
    expect(queued).toMatchObject({ mutationId: 'mine-0001', coalesced: false })
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending', mutation: { mutationId: 'mine-0001', baseVersion: v, value: num(610) } }])
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1 })
    expect(server.cell('T1', '2024-Q1', 'LUA_SL')!.value).toEqual(num(610))
    expect(await cellOf(db, 'LUA_SL')).toMatchObject({ local: null, server: { value: num(610) } })
  })

  it('mine after a later edit: that edit (the phone’s latest value) is what goes, rebased', async () => {
    const { db, server, deps, edits, v } = await conflicted()
    await saveValue(edits, { ...at('LUA_SL'), value: num(620) })
    await resolveConflict(editDeps(db, 'mine'), 1, 'mine')
    expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending', mutation: { value: num(620), baseVersion: v } }])
    await syncOnce(deps)
    expect(server.cell('T1', '2024-Q1', 'LUA_SL')!.value).toEqual(num(620))
  })

  it('theirs: the entry and the local state go; the cell shows the server’s value', async () => {
    const { db, deps, server } = await conflicted()
    expect(await resolveConflict(editDeps(db), 1, 'theirs')).toBeNull()
    expect(await db.outbox.count()).toBe(0)
    expect(mergedValue(await cellOf(db, 'LUA_SL'))).toEqual({ value: num(650), note: 'cán bộ' })
    await syncOnce(deps)
    expect(server.pushes).toHaveLength(1)
  })

  it('refuses a choice on an entry that is not in that state', async () => {
    const { db } = await conflicted()
    await expect(discardRejected(editDeps(db), 1)).rejects.toBeInstanceOf(OutboxStateError)
    await expect(resolveConflict(editDeps(db), 99, 'mine')).rejects.toBeInstanceOf(OutboxStateError)
    expect(await db.outbox.count()).toBe(1)
  })

  it('discardRejected drops the entry and the local state; retryRejected sends a fixed value as a new entry', async () => {
    const { db, server, deps, edits } = await setup()
    server.lock('2024-Q1', 'Đã khóa')
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
    await syncOnce(deps)
    expect(await states(db)).toEqual(['rejected', 'rejected'])
    await discardRejected(editDeps(db), 1)
    expect(await cellOf(db, 'LUA_DT')).toBeUndefined()
    server.periods.set('2024-Q1', { ...server.periods.get('2024-Q1')!, locked: false, version: ++server.version })
    const retried = await retryRejected(editDeps(db, 'retry'), 2, { value: num(3), note: 'đã sửa' })
    expect(retried).toMatchObject({ mutationId: 'retry-0001', coalesced: false })
    expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1 })
    expect(server.cell('T1', '2024-Q1', 'LUA_SL')).toMatchObject({ value: num(3), note: 'đã sửa' })
    expect(await db.outbox.count()).toBe(0)
  })
})

describe('runBackgroundSync (for the service worker)', () => {
  it('syncs the signed-in user’s commune, and does nothing when nobody signed in', async () => {
    const { db, server, edits } = await setup()
    await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
    expect(await runBackgroundSync(db, server.transport, null)).toBeNull()
    expect(server.pushes).toHaveLength(0)
    await db.meta.put({ key: 'user', value: { username: 't1', displayName: 'Trưởng thôn 1', role: 'reporter', deviceId: 'device-0001', commune: { code: C, name: 'Xã Thử' }, units: [] } })
    expect(await runBackgroundSync(db, server.transport, null)).toMatchObject({ ok: true, applied: 1 })
    expect(await db.outbox.count()).toBe(0)
  })
})
