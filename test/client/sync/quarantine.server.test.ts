// @vitest-environment node
import 'fake-indexeddb/auto'
// A poison mutation against the REAL server (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set): the database refuses one value (a trigger raises on its note, as PostgreSQL refuses a NUL),
// so every batch holding it answers 500. The phone bisects, quarantines that one, and everything
// else reaches the server; a reload in the middle of the bisection continues where it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import { saveValue, type EditDeps } from '../../../src/client/local/edits'
import { syncSummary } from '../../../src/client/local/queries'
import { quarantinedItems } from '../../../src/client/sync/quarantine'
import type { SyncTransport } from '../../../src/client/sync/api'
import { BISECT_AFTER_FAILURES, discardQuarantined, retryQuarantined, syncOnce, type SyncResult } from '../../../src/client/sync/engine'
import { DATABASES, fixtureFile, startServer, type TestServer } from '../../server/harness'
import { injectTransport } from './injectTransport'

const C = 'xa-thu'
const POISON_NOTE = 'máy chủ không lưu được'
/** 167 villages × 3 indicators: 501 cells of one period, one push of 500 and one more. */
const VILLAGES = Array.from({ length: 167 }, (_, i) => `TH${String(i + 1).padStart(3, '0')}`)
const INDICATORS = ['LUA_DT', 'LUA_SL', 'BHYT'] as const

/** The transport, recording how many mutations each push carried. */
function recording(inner: SyncTransport, sizes: number[]): SyncTransport {
  return {
    push: (commune, body) => (sizes.push(body.mutations.length), inner.push(commune, body)),
    pull: (commune, cursor, limit) => inner.pull(commune, cursor, limit),
  }
}

const unsent = async (db: ThiDuaDb) => (await db.outbox.toArray()).filter((e) => e.state === 'pending' || e.state === 'sending').length

const valueOf = (indicator: string, i: number) =>
  indicator === 'BHYT' ? { kind: 'ratio' as const, numerator: 900 + (i % 50), denominator: 1000 } : { kind: 'number' as const, value: 100 + i }

describe.each(DATABASES)('a poison mutation on $name', (factory) => {
  let s: TestServer
  const dbs: ThiDuaDb[] = []

  beforeAll(async () => {
    const base = fixtureFile()
    s = await startServer(factory, [{ ...base, units: [...base.units, ...VILLAGES.map((code, i) => ({ code, name: `Thôn mới ${i + 1}`, kind: 'thon' as const }))] }])
    // The server's database refuses one note: the whole push holding it fails with a 500.
    await s.db.query(
      `CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.note = '${POISON_NOTE}' THEN RAISE EXCEPTION 'poison'; END IF; RETURN NEW; END $$`,
    )
    await s.db.query('CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON cell_values FOR EACH ROW EXECUTE FUNCTION refuse_poison()')
  }, 120_000)
  afterAll(async () => {
    for (const db of dbs) await db.delete()
    await s?.close()
  })

  const serverCount = async () =>
    Number(
      (
        await s.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM cell_values c JOIN communes m ON m.id = c.commune_id JOIN periods p ON p.id = c.period_id WHERE m.code = $1 AND p.code = '2024-Q2'`,
          [C],
        )
      ).rows[0]!.n,
    )

  it('bisects, quarantines the one the server fails on (kept, shown), and every other change reaches the server; a reload mid-bisection continues', async () => {
    const agent = await s.login(`${C}.canbo`)
    let db = createDb(`thidua-poison-${factory.name}-${Math.random().toString(36).slice(2)}`)
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: agent.deviceId })
    const sizes: number[] = []
    const transport = recording(injectTransport(agent), sizes)
    const run = () => syncOnce({ db, transport, commune: C, clock: () => s.clock.now })
    expect(await run()).toMatchObject({ ok: true })

    const edits: EditDeps = { db, clock: () => s.clock.now }
    let n = 0
    let poisonId = ''
    for (const [i, unit] of VILLAGES.entries()) {
      for (const indicator of INDICATORS) {
        const poison = n === 200
        const q = await saveValue(edits, { commune: C, unit, period: '2024-Q2', indicator, value: valueOf(indicator, i), ...(poison ? { note: POISON_NOTE } : {}) })
        if (poison) poisonId = q.mutationId
        n++
      }
    }
    expect(n).toBe(501)

    const results: SyncResult[] = []
    // The first BISECT_AFTER_FAILURES runs push the same 500 and fail; then the halves go in turn.
    // (The 501st travels beside the first 500 of the first run, goes through and is settled.)
    for (let i = 0; i < BISECT_AFTER_FAILURES; i++) results.push(await run())
    expect(results.map((r) => [r.ok, r.error?.kind, r.sent, r.applied])).toEqual(Array.from({ length: BISECT_AFTER_FAILURES }, (_, i) => [false, 'server', i === 0 ? 501 : 500, i === 0 ? 1 : 0]))
    expect(await serverCount()).toBe(1)
    expect(await unsent(db)).toBe(500)
    expect((await db.syncState.get(C))?.suspects?.map((g) => g.length)).toEqual([250, 250])

    // Two more runs, then the phone restarts: the bisection goes on from Dexie, not from scratch.
    results.push(await run(), await run())
    const before = (await db.syncState.get(C))?.suspects
    expect(before?.length).toBeGreaterThan(1)
    db.close()
    db = createDb(db.name)
    dbs.push(db)
    expect((await db.syncState.get(C))?.suspects).toEqual(before)
    sizes.length = 0
    results.push(await run())
    expect(sizes[0]).toBe(before![0]!.length)

    for (let i = 0; i < 30 && (await unsent(db)) > 0; i++) results.push(await run())

    // Every failed push ended its run as a server error: the scheduler's backoff applied to each.
    for (const r of results.filter((r) => !r.ok)) expect(r.error?.kind).toBe('server')
    expect(results.length).toBeLessThanOrEqual(BISECT_AFTER_FAILURES + Math.ceil(Math.log2(500)) + 4)
    expect(results.reduce((sum, r) => sum + r.quarantined, 0)).toBe(1)

    // The 500 good ones are on the server; the poison one is not, and waits on the phone.
    expect(await serverCount()).toBe(500)
    const left = await db.outbox.toArray()
    expect(left.map((e) => [e.mutationId, e.state])).toEqual([[poisonId, 'quarantined']])
    expect(left[0]!.quarantine).toMatchObject({ status: 500 })
    const [item] = await quarantinedItems(db, C)
    expect(item).toMatchObject({ unit: VILLAGES[66], unitName: 'Thôn mới 67', period: '2024-Q2', indicator: 'BHYT', indicatorName: 'Tỷ lệ tham gia BHYT', mine: { value: valueOf('BHYT', 66), note: POISON_NOTE } })
    expect(await syncSummary(db, C)).toMatchObject({ waiting: 0, attention: 1 })
    // The cell still shows the user's figure.
    expect((await db.cells.get([C, VILLAGES[66]!, '2024-Q2', 'BHYT']))?.local).toMatchObject({ value: valueOf('BHYT', 66) })

    // Nothing else is held back: the next sync succeeds without sending the quarantined change.
    expect(await run()).toMatchObject({ ok: true, sent: 0 })

    // The user sends it again: it goes alone, fails alone, and is quarantined again at once.
    await retryQuarantined({ db }, left[0]!.seq)
    expect(await syncSummary(db, C)).toMatchObject({ waiting: 1, attention: 0 })
    expect(await run()).toMatchObject({ ok: false, sent: 1, quarantined: 1, error: { kind: 'server' } })
    expect((await db.outbox.toArray()).map((e) => e.state)).toEqual(['quarantined'])

    // The server is fixed: sent again, it is applied.
    await s.db.query('DROP TRIGGER refuse_poison ON cell_values')
    await retryQuarantined({ db }, left[0]!.seq)
    expect(await run()).toMatchObject({ ok: true, applied: 1 })
    expect(await db.outbox.count()).toBe(0)
    expect(await serverCount()).toBe(501)
    await s.db.query('CREATE TRIGGER refuse_poison BEFORE INSERT OR UPDATE ON cell_values FOR EACH ROW EXECUTE FUNCTION refuse_poison()')
  }, 300_000)

  it('a quarantined change leaves only when the user gives it up', async () => {
    const agent = await s.login(`${C}.t1`)
    const db = createDb(`thidua-poison2-${factory.name}-${Math.random().toString(36).slice(2)}`)
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: agent.deviceId })
    const edits: EditDeps = { db, clock: () => s.clock.now }
    const run = () => syncOnce({ db, transport: injectTransport(agent), commune: C, clock: () => s.clock.now })
    expect(await run()).toMatchObject({ ok: true })
    await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_DT', value: { kind: 'number', value: 5 }, note: POISON_NOTE })
    await saveValue(edits, { commune: C, unit: 'T1', period: '2024-Q3', indicator: 'LUA_SL', value: { kind: 'number', value: 7 } })
    const results: SyncResult[] = []
    for (let i = 0; i < 10 && (await unsent(db)) > 0; i++) results.push(await run())
    expect(results.reduce((sum, r) => sum + r.quarantined, 0)).toBe(1)
    const [entry] = await db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'quarantined', indicator: 'LUA_DT' })
    // Many more syncs: it stays.
    for (let i = 0; i < 3; i++) await run()
    expect(await db.outbox.count()).toBe(1)

    await discardQuarantined(edits, entry!.seq)
    expect(await db.outbox.count()).toBe(0)
    expect(await db.cells.get([C, 'T1', '2024-Q3', 'LUA_DT'])).toBeUndefined()
    await expect(discardQuarantined(edits, entry!.seq)).rejects.toThrow('already handled')
  }, 120_000)
})
