// @vitest-environment node
import 'fake-indexeddb/auto'
// What may and may not quarantine a change (sync/engine.ts): only a server that answers 5xx to a
// mutation alone while it otherwise works. A network error, a server that is down altogether, a
// malformed answer, or failures that are not in a row never do; and a malformed pull is never saved.
// The server is the REAL one (PGlite, and PostgreSQL when TEST_DATABASE_URL is set); the wire in
// front of it injects what that server does not do on cue: a cut connection, a 500 for every push
// holding a chosen change, a server down altogether.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { saveValue } from '../../../src/client/local/edits'
import { createFetchTransport, NetworkError, ServerError, type SyncTransport } from '../../../src/client/sync/api'
import { BISECT_AFTER_FAILURES, syncOnce, type SyncResult } from '../../../src/client/sync/engine'
import { DATABASES, startServer, type TestServer } from '../../server/harness'
import { C, editDeps, freshDb, T0 } from '../local/testDb'
import { openCommune } from '../../support/phoneServer'

const dbs: ThiDuaDb[] = []
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete()
})

const num = (value: number) => ({ kind: 'number' as const, value })

describe.each(DATABASES)('quarantine, against the server on $name', (factory) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startServer(factory, [])
  }, 60_000)
  afterAll(async () => {
    await s?.close()
  })

  /** A phone of a fresh commune with `n` values waiting (distinct cells); the wire answers 500 to every push holding one in `poison`. */
  async function setup(n: number) {
    const server = await openCommune(s)
    const C = server.C
    const db = freshDb('quarantine')
    dbs.push(db)
    const deviceId = `${server.prefix}-device-0001`
    await db.meta.put({ key: 'deviceId', value: deviceId })
    const real = await server.transport(deviceId)
    const edits = editDeps(db, `${server.prefix}-mut`)
    const ids: string[] = []
    const cells = ['LUA_DT', 'LUA_SL', 'BHYT'].flatMap((indicator) => ['T1', 'T2'].flatMap((unit) => ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'].map((period) => ({ unit, period, indicator }))))
    for (const cell of cells.slice(0, n)) {
      const value = cell.indicator === 'BHYT' ? { kind: 'ratio' as const, numerator: 9, denominator: 10 } : num(ids.length + 1)
      ids.push((await saveValue(edits, { commune: C, ...cell, value })).mutationId)
    }
    const poison = new Set<string>()
    let down = false
    let offline = false
    const transport: SyncTransport = {
      push: (commune, body) => {
        if (offline) return Promise.reject(new NetworkError())
        if (down || body.mutations.some((m) => poison.has(m.mutationId))) return Promise.reject(new ServerError(500))
        return real.push(commune, body)
      },
      pull: (commune, cursor, limit) => {
        if (offline) return Promise.reject(new NetworkError())
        if (down) return Promise.reject(new ServerError(500))
        return real.pull(commune, cursor, limit)
      },
    }
    const run = () => syncOnce({ db, transport, commune: C, clock: () => new Date(T0) })
    const states = async () => (await db.outbox.toArray()).map((e) => e.state)
    const state = async () => db.syncState.get(C)
    return {
      C,
      db,
      server,
      ids,
      poison,
      run,
      states,
      state,
      setDown: (v: boolean) => (down = v),
      setOffline: (v: boolean) => (offline = v),
    }
  }

  it('a network error never counts: no bisection, no quarantine, however often', async () => {
    const p = await setup(4)
    p.poison.add(p.ids[1]!)
    p.setOffline(true)
    for (let i = 0; i < 10; i++) expect(await p.run()).toMatchObject({ ok: false, quarantined: 0, error: { kind: 'network' } })
    expect(await p.states()).toEqual(['pending', 'pending', 'pending', 'pending'])
    expect((await p.state())?.serverFailures ?? 0).toBe(0)
    expect((await p.state())?.suspects ?? []).toEqual([])
  })

  it('a network error in the middle of a bisection changes nothing; the bisection then goes on', async () => {
    const p = await setup(4)
    p.poison.add(p.ids[1]!)
    for (let i = 0; i < BISECT_AFTER_FAILURES; i++) await p.run()
    const suspects = (await p.state())?.suspects
    expect(suspects?.map((g) => g.length)).toEqual([2, 2])
    p.setOffline(true)
    for (let i = 0; i < 5; i++) expect(await p.run()).toMatchObject({ ok: false, quarantined: 0, error: { kind: 'network' } })
    expect((await p.state())?.suspects).toEqual(suspects)
    expect(await p.states()).toEqual(['pending', 'pending', 'pending', 'pending'])
    p.setOffline(false)
    const results: SyncResult[] = []
    for (let i = 0; i < 6 && (await p.states()).some((s) => s === 'pending'); i++) results.push(await p.run())
    expect(results.reduce((n, r) => n + r.quarantined, 0)).toBe(1)
    expect((await p.db.outbox.toArray()).map((e) => [e.mutationId, e.state])).toEqual([[p.ids[1], 'quarantined']])
    expect(await p.server.cellCount()).toBe(3)
  })

  it('a server that is down (the pull fails too) never quarantines; once it is back, everything syncs', async () => {
    const p = await setup(4)
    p.setDown(true)
    for (let i = 0; i < 20; i++) expect(await p.run()).toMatchObject({ ok: false, quarantined: 0, error: { kind: 'server' } })
    expect(await p.states()).toEqual(['pending', 'pending', 'pending', 'pending'])
    p.setDown(false)
    const results: SyncResult[] = []
    for (let i = 0; i < 10 && (await p.db.outbox.count()) > 0; i++) results.push(await p.run())
    expect(results.at(-1)).toMatchObject({ ok: true })
    expect(await p.server.cellCount()).toBe(4)
    expect((await p.state())?.suspects ?? []).toEqual([])
  })

  it('failures count only in a row: an answered push starts the count again', async () => {
    const p = await setup(2)
    p.setDown(true)
    for (let i = 0; i < BISECT_AFTER_FAILURES - 1; i++) await p.run()
    expect(await p.state()).toMatchObject({ serverFailures: BISECT_AFTER_FAILURES - 1 })
    p.setDown(false)
    expect(await p.run()).toMatchObject({ ok: true, applied: 2 })
    expect(await p.state()).toMatchObject({ serverFailures: 0 })
  })
})

describe('quarantine, whatever the server', () => {
  it('a malformed answer (200 of the wrong shape) is a server error to retry, not a reason to bisect', async () => {
    const db = freshDb('quarantine')
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: 'device-0001' })
    await saveValue(editDeps(db), { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(1) })
    const transport = createFetchTransport({ fetch: async () => new Response(JSON.stringify({ outcomes: 'none', version: 1 }), { status: 200 }) })
    for (let i = 0; i < BISECT_AFTER_FAILURES + 2; i++) expect(await syncOnce({ db, transport, commune: C })).toMatchObject({ ok: false, quarantined: 0, error: { kind: 'server' } })
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['pending'])
    expect((await db.syncState.get(C))?.serverFailures ?? 0).toBe(0)
  })
})

describe('a malformed pull', () => {
  it('is not saved: not its good rows, not its cursor', async () => {
    const db = freshDb('quarantine')
    dbs.push(db)
    const good = { unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(5), note: null, version: 8, updatedBy: 'Cán bộ', updatedAt: T0 }
    const page = { cursor: 9, more: false, values: [good, { ...good, indicator: 'LUA_SL', value: { kind: 'number', value: 'mười' } }], reports: [], periods: [], units: [], plans: [] }
    const transport = createFetchTransport({ fetch: async () => new Response(JSON.stringify(page), { status: 200 }) })
    const result = await syncOnce({ db, transport, commune: C })
    expect(result).toMatchObject({ ok: false, pulledPages: 0, error: { kind: 'server' } })
    expect(await db.cells.count()).toBe(0)
    expect((await db.syncState.get(C))?.cursor ?? 0).toBe(0)
    // The same page, well formed, is saved.
    page.values = [good]
    expect(await syncOnce({ db, transport, commune: C })).toMatchObject({ ok: true, pulledPages: 1 })
    expect(await db.cells.get([C, 'T1', '2024-Q1', 'LUA_DT'])).toMatchObject({ server: { value: num(5), version: 8 } })
    expect(await db.syncState.get(C)).toMatchObject({ cursor: 9 })
  })
})
