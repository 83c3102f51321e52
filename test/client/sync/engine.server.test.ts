// @vitest-environment node
import 'fake-indexeddb/auto'
// The phone's data layer and sync engine against the REAL server (Fastify on PGlite, and on
// PostgreSQL when TEST_DATABASE_URL is set): the fetch transport runs over `app.inject` with the
// session cookie of a real sign-in. Each "phone" is its own Dexie database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type CellRow, type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import { PeriodWrites } from '../../../src/client/local/periodWrites'
import { saveValue, submitReport, type EditDeps } from '../../../src/client/local/edits'
import { attentionItems } from '../../../src/client/components/attention/items'
import { inbox, mergedValue, waitingCount } from '../../../src/client/local/queries'
import { NetworkError, type SyncTransport } from '../../../src/client/sync/api'
import { resolveConflict, syncOnce, type SyncDeps } from '../../../src/client/sync/engine'
import { DATABASES, startServer, type Agent, type TestServer } from '../../server/harness'
import { injectTransport } from './injectTransport'

const C = 'xa-thu'
const num = (value: number) => ({ kind: 'number' as const, value })

/** A transport with the network cut: nothing reaches the server. */
const offline: SyncTransport = {
  push: () => Promise.reject(new NetworkError()),
  pull: () => Promise.reject(new NetworkError()),
}

interface Phone {
  db: ThiDuaDb
  agent: Agent
  edits: EditDeps
  sync(transport?: SyncTransport): ReturnType<typeof syncOnce>
}

describe.each(DATABASES)('the phone against the server on $name', (factory) => {
  let s: TestServer
  const dbs: ThiDuaDb[] = []
  let n = 0

  async function phone(username: string): Promise<Phone> {
    const agent = await s.login(username)
    const db = createDb(`thidua-server-${factory.name}-${++n}-${Math.random().toString(36).slice(2)}`)
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: agent.deviceId })
    const deps = (transport: SyncTransport): SyncDeps => ({ db, transport, commune: C, clock: () => s.clock.now })
    return { db, agent, edits: { db, clock: () => s.clock.now }, sync: (transport = injectTransport(agent)) => syncOnce(deps(transport)) }
  }

  const serverCells = async (unit: string, period: string) =>
    (
      await s.db.query<{ indicator: string; data: unknown; note: string | null; version: number }>(
        `SELECT i.code AS indicator, c.data, c.note, c.version FROM cell_values c
           JOIN units u ON u.id = c.unit_id JOIN indicators i ON i.id = c.indicator_id JOIN periods p ON p.id = c.period_id
          WHERE u.code = $1 AND p.code = $2 ORDER BY i.code`,
        [unit, period],
      )
    ).rows.map((r) => ({ ...r, version: Number(r.version) }))
  const auditOf = async (mutationIds: string[]) =>
    Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit WHERE mutation_id = ANY($1::text[])', [mutationIds])).rows[0]!.n)
  const communeVersion = async () => Number((await s.db.query<{ version: number }>('SELECT version FROM communes WHERE code = $1', [C])).rows[0]!.version)

  beforeAll(async () => {
    s = await startServer(factory)
  }, 60_000)
  afterAll(async () => {
    for (const db of dbs) await db.delete()
    await s?.close()
  })

  it('offline edits survive a reload, then reach the server exactly once', async () => {
    const p = await phone(`${C}.t1`)
    expect(await p.sync()).toMatchObject({ ok: true })
    expect((await inbox(p.db, C, { units: ['T1'], periodKinds: ['quarter'] })).find((c) => c.period === '2024-Q1')).toMatchObject({ status: 'empty', total: 3 })

    // Offline: three values and the submit, and a sync that cannot get through.
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(229) })
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_SL', value: num(1488.5), note: 'vụ Đông Xuân' })
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 940, denominator: 1000 } })
    await submitReport(p.edits, { commune: C, unit: 'T1', period: '2024-Q1' })
    expect(await p.sync(offline)).toMatchObject({ ok: false, error: { kind: 'network' } })

    // The phone restarts: a new connection to the same database still has everything.
    p.db.close()
    const reopened = createDb(p.db.name)
    dbs.push(reopened)
    expect(await waitingCount(reopened, C)).toBe(4)
    const ids = (await reopened.outbox.toArray()).map((e) => e.mutationId)
    expect((await inbox(reopened, C, { units: ['T1'] })).find((c) => c.period === '2024-Q1')).toMatchObject({ status: 'waiting', filled: 3, waiting: 4 })

    const result = await syncOnce({ db: reopened, transport: injectTransport(p.agent), commune: C, clock: () => s.clock.now })
    expect(result).toMatchObject({ ok: true, applied: 4, conflicts: 0, rejected: 0 })
    const rows = await serverCells('T1', '2024-Q1')
    expect(rows.map(({ indicator, data, note }) => ({ indicator, data, note }))).toEqual([
      { indicator: 'BHYT', data: { kind: 'ratio', numerator: 940, denominator: 1000 }, note: null },
      { indicator: 'LUA_DT', data: num(229), note: null },
      { indicator: 'LUA_SL', data: num(1488.5), note: 'vụ Đông Xuân' },
    ])
    expect(await auditOf(ids)).toBe(4)
    expect(await waitingCount(reopened, C)).toBe(0)
    const local = await reopened.cells.get([C, 'T1', '2024-Q1', 'LUA_SL'])
    expect(local).toMatchObject({ local: null, server: { value: num(1488.5), note: 'vụ Đông Xuân', version: rows[2]!.version, updatedBy: 'Trưởng thôn 1' } })
    expect((await inbox(reopened, C, { units: ['T1'] })).find((c) => c.period === '2024-Q1')).toMatchObject({ status: 'submitted', filled: 3, waiting: 0 })

    // Syncing again changes nothing on the server.
    const before = await communeVersion()
    expect(await syncOnce({ db: reopened, transport: injectTransport(p.agent), commune: C, clock: () => s.clock.now })).toMatchObject({ ok: true, sent: 0 })
    expect(await communeVersion()).toBe(before)
  })

  it("the push's answer settles a value as the pull brings it: the pull writes no cell again", async () => {
    const p = await phone(`${C}.t1`)
    expect(await p.sync()).toMatchObject({ ok: true })
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_DT', value: num(231) })
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_SL', value: num(1390), note: 'vụ Mùa' })
    const written: string[] = []
    const bulkPut = p.db.cells.bulkPut.bind(p.db.cells)
    const put = p.db.cells.put.bind(p.db.cells)
    const putPeriodRows = PeriodWrites.prototype.put
    // Reads of stored cells: the push's settle reads its (unit, period) once; the pull, whose
    // page is the values the run just settled, reads none back.
    const where = p.db.cells.where.bind(p.db.cells)
    let reads = 0
    const spies = [
      vi.spyOn(p.db.cells, 'where').mockImplementation((index: Parameters<typeof where>[0]) => {
        reads++
        return where(index)
      }),
      vi.spyOn(p.db.cells, 'bulkPut').mockImplementation((rows, ...rest) => {
        written.push(...(rows as CellRow[]).map((r) => r.indicator))
        return bulkPut(rows as CellRow[], ...(rest as []))
      }),
      vi.spyOn(p.db.cells, 'put').mockImplementation((row, ...rest) => {
        written.push(row.indicator)
        return put(row, ...(rest as []))
      }),
      // The sync's own bulk writes of cells and reports (local/periodWrites.ts).
      vi.spyOn(PeriodWrites.prototype, 'put').mockImplementation(function (this: PeriodWrites, tx, store, rows) {
        if (store === 'cells') written.push(...(rows as readonly CellRow[]).map((r) => r.indicator))
        return putPeriodRows.call(this, tx, store, rows)
      }),
    ]
    try {
      expect(await p.sync()).toMatchObject({ ok: true, applied: 2, pulledPages: 1 })
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    // Written once each, from the push's answer; the pulled page brought the same rows.
    expect(written.sort()).toEqual(['LUA_DT', 'LUA_SL'])
    expect(reads).toBe(1)
    const server = (
      await s.db.query<{ indicator: string; updated_at: Date }>(
        `SELECT i.code AS indicator, c.updated_at FROM cell_values c JOIN units u ON u.id = c.unit_id JOIN indicators i ON i.id = c.indicator_id
           JOIN periods p ON p.id = c.period_id WHERE u.code = 'T1' AND p.code = '2024-Q3' ORDER BY i.code`,
      )
    ).rows
    for (const row of server) {
      const cell = await p.db.cells.get([C, 'T1', '2024-Q3', row.indicator])
      expect(cell?.server?.updatedAt).toBe(new Date(row.updated_at).toISOString())
    }
  })

  it('a value another device changes between the push and the pull is pulled, not taken for the one just settled', async () => {
    const a = await phone(`${C}.t1`)
    const b = await phone(`${C}.t1`)
    await Promise.all([a.sync(), b.sync()])
    await saveValue(a.edits, { commune: C, unit: 'T1', period: '2024-Q4', indicator: 'LUA_DT', value: num(240) })
    await saveValue(a.edits, { commune: C, unit: 'T1', period: '2024-Q4', indicator: 'LUA_SL', value: num(1500) })
    // B overwrites LUA_SL after A's push is answered and before A's pull reads the page.
    const transport = injectTransport(a.agent)
    let first = true
    const between: SyncTransport = {
      push: (commune, body) => transport.push(commune, body),
      pull: async (commune, cursor, limit) => {
        if (first) {
          first = false
          expect(await b.sync()).toMatchObject({ ok: true })
          await saveValue(b.edits, { commune: C, unit: 'T1', period: '2024-Q4', indicator: 'LUA_SL', value: num(1520), note: 'máy B' })
          expect(await b.sync()).toMatchObject({ ok: true, applied: 1 })
        }
        return transport.pull(commune, cursor, limit)
      },
    }
    expect(await a.sync(between)).toMatchObject({ ok: true, applied: 2, error: null })
    const server = await serverCells('T1', '2024-Q4')
    const sl = server.find((r) => r.indicator === 'LUA_SL')!
    expect(await a.db.cells.get([C, 'T1', '2024-Q4', 'LUA_SL'])).toMatchObject({ local: null, server: { value: num(1520), note: 'máy B', version: sl.version } })
    expect(await a.db.cells.get([C, 'T1', '2024-Q4', 'LUA_DT'])).toMatchObject({ local: null, server: { value: num(240) } })
    // A run later reads everything as before: the next sync finds nothing to change.
    expect(await a.sync()).toMatchObject({ ok: true, sent: 0 })
    expect(await a.db.cells.get([C, 'T1', '2024-Q4', 'LUA_SL'])).toMatchObject({ server: { value: num(1520), version: sl.version } })
  })

  it('a 100% rate (numerator = denominator) typed on the phone is accepted by the server', async () => {
    const p = await phone(`${C}.t2`)
    await saveValue(p.edits, { commune: C, unit: 'T2', period: '2024-Q3', indicator: 'BHYT', value: { kind: 'ratio', numerator: 512, denominator: 512 } })
    expect(await p.sync()).toMatchObject({ ok: true, applied: 1, rejected: 0 })
    expect((await serverCells('T2', '2024-Q3')).map((r) => r.data)).toEqual([{ kind: 'ratio', numerator: 512, denominator: 512 }])
    expect(await waitingCount(p.db, C)).toBe(0)
  })

  it('two devices edit the same cell: the second sees a conflict with both values and chooses', async () => {
    const a = await phone(`${C}.t2`)
    const b = await phone(`${C}.t2`)
    await Promise.all([a.sync(), b.sync()])
    await saveValue(a.edits, { commune: C, unit: 'T2', period: '2024-Q1', indicator: 'LUA_SL', value: num(600), note: 'máy A' })
    await saveValue(b.edits, { commune: C, unit: 'T2', period: '2024-Q1', indicator: 'LUA_SL', value: num(610), note: 'máy B' })
    expect(await a.sync()).toMatchObject({ ok: true, applied: 1 })
    expect(await b.sync()).toMatchObject({ ok: true, conflicts: 1 })

    const [item] = await attentionItems(b.db, C)
    const aVersion = (await serverCells('T2', '2024-Q1'))[0]!.version
    expect(item).toMatchObject({
      kind: 'conflict',
      indicatorName: 'Sản lượng lúa',
      mine: { value: num(610), note: 'máy B' },
      server: { value: num(600), note: 'máy A', version: aVersion, updatedBy: 'Trưởng thôn 2' },
    })
    // B keeps showing its own value until the user chooses.
    expect(mergedValue(await b.db.cells.get([C, 'T2', '2024-Q1', 'LUA_SL']))).toEqual({ value: num(610), note: 'máy B' })

    await resolveConflict(b.edits, item!.seq, 'mine')
    expect(await b.sync()).toMatchObject({ ok: true, applied: 1, conflicts: 0 })
    expect((await serverCells('T2', '2024-Q1')).map((r) => r.data)).toEqual([num(610)])
    expect(await attentionItems(b.db, C)).toEqual([])

    // A learns B's value by pulling; A had nothing waiting, so its cell simply follows.
    await a.sync()
    expect(mergedValue(await a.db.cells.get([C, 'T2', '2024-Q1', 'LUA_SL']))).toEqual({ value: num(610), note: 'máy B' })
  })

  it('the officer locks the period: the waiting edit is rejected and stays with the reason', async () => {
    const p = await phone(`${C}.t1`)
    const officer = await s.login(`${C}.canbo`)
    await p.sync()
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q2', indicator: 'LUA_DT', value: num(230) })
    const lock = await officer.request('PATCH', `/api/communes/${C}/periods/2024-Q2`, { locked: true, lockReason: 'Đã tổng hợp gửi huyện' })
    expect(lock.statusCode).toBe(200)

    expect(await p.sync()).toMatchObject({ ok: true, rejected: 1 })
    expect(await attentionItems(p.db, C)).toMatchObject([
      { kind: 'rejected', unit: 'T1', period: '2024-Q2', indicator: 'LUA_DT', mine: { value: num(230) }, rejection: { code: 'period_locked', message: expect.stringContaining('Đã tổng hợp gửi huyện') } },
    ])
    expect(await serverCells('T1', '2024-Q2')).toEqual([])
    // It stays through further syncs, and the phone knows why the period is read-only.
    await p.sync()
    expect(await p.db.outbox.toArray()).toMatchObject([{ state: 'rejected' }])
    expect(await p.db.periods.get([C, '2024-Q2'])).toMatchObject({ locked: true, lockReason: 'Đã tổng hợp gửi huyện' })
    expect(mergedValue(await p.db.cells.get([C, 'T1', '2024-Q2', 'LUA_DT'])).value).toEqual(num(230))
  })

  it('the server commits and the response is lost: the retry gets duplicates and nothing is written twice', async () => {
    const p = await phone(`${C}.t1`)
    await p.sync()
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_DT', value: num(100) })
    await saveValue(p.edits, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_SL', value: num(650) })
    const ids = (await p.db.outbox.toArray()).map((e) => e.mutationId)

    const real = injectTransport(p.agent)
    const answers: string[][] = []
    let drop = true
    const flaky: SyncTransport = {
      pull: real.pull,
      push: async (commune, body) => {
        const res = await real.push(commune, body)
        answers.push(res.outcomes.map((o) => o.status))
        if (drop) {
          drop = false
          throw new NetworkError()
        }
        return res
      },
    }
    expect(await p.sync(flaky)).toMatchObject({ ok: false, error: { kind: 'network' } })
    const committed = await serverCells('T1', '2024-Q3')
    const versionAfterCommit = await communeVersion()
    expect(committed.map((r) => r.data)).toEqual([num(100), num(650)])
    expect(await p.db.outbox.toArray()).toMatchObject([
      { state: 'pending', attempts: 1 },
      { state: 'pending', attempts: 1 },
    ])

    expect(await p.sync(flaky)).toMatchObject({ ok: true, applied: 2 })
    expect(answers).toEqual([
      ['applied', 'applied'],
      ['duplicate', 'duplicate'],
    ])
    expect(await serverCells('T1', '2024-Q3')).toEqual(committed)
    expect(await communeVersion()).toBe(versionAfterCommit)
    expect(await auditOf(ids)).toBe(2)
    expect(await p.db.outbox.count()).toBe(0)
    expect(await p.db.cells.get([C, 'T1', '2024-Q3', 'LUA_DT'])).toMatchObject({ local: null, server: { value: num(100), version: committed[0]!.version } })
  })
})
