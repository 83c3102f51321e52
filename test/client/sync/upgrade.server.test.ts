// @vitest-environment node
import 'fake-indexeddb/auto'
// A server that no longer serves protocol 1 (a release after the 180 days, docs/sync.md) meets a
// phone with an old app and a full outbox: 426 `upgrade_required` for push and pull, nothing
// written; the phone keeps every entry, stops, and says to update; updated, it syncs it all.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import { saveValue, submitReport, type EditDeps } from '../../../src/client/local/edits'
import { syncSummary } from '../../../src/client/local/queries'
import { syncOnce } from '../../../src/client/sync/engine'
import { DATABASES, startServer, type TestServer } from '../../server/harness'
import { injectTransport } from './injectTransport'

// This server speaks protocol 2 and no longer 1.
vi.mock('../../../src/shared/limits', async (importOriginal) => ({ ...(await importOriginal<object>()), PROTOCOL_VERSION: 2, MIN_PROTOCOL_VERSION: 2 }))

const C = 'xa-thu'
const num = (value: number) => ({ kind: 'number' as const, value })

describe.each(DATABASES)('an app too old for the server on $name', (factory) => {
  let s: TestServer
  const dbs: ThiDuaDb[] = []
  beforeAll(async () => {
    s = await startServer(factory)
  }, 60_000)
  afterAll(async () => {
    for (const db of dbs) await db.delete()
    await s?.close()
  })

  const writes = async () => ({
    cells: Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_values')).rows[0]!.n),
    audit: Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit')).rows[0]!.n),
    version: Number((await s.db.query<{ version: number }>('SELECT version FROM communes WHERE code = $1', [C])).rows[0]!.version),
  })

  it('answers 426 with a Vietnamese message to a request without a version or below the minimum, 400 above its own, and serves its own', async () => {
    const agent = await s.login(`${C}.t1`)
    const m = { kind: 'value', mutationId: 'm-upgrade-0001', deviceId: agent.deviceId, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', value: num(1), baseVersion: 0, clientTime: '2024-05-10T08:00:00.000Z' }
    const before = await writes()
    for (const body of [{ deviceId: agent.deviceId, mutations: [m] }, { protocolVersion: 1, deviceId: agent.deviceId, mutations: [m] }]) {
      const res = await agent.request('POST', `/api/communes/${C}/sync/push`, body)
      expect(res.statusCode).toBe(426)
      expect(res.json()).toMatchObject({ code: 'upgrade_required', message: expect.stringContaining('cập nhật ứng dụng') })
    }
    for (const query of ['cursor=0', 'protocolVersion=1&cursor=0']) {
      const res = await agent.request('GET', `/api/communes/${C}/sync/pull?${query}`)
      expect(res.statusCode).toBe(426)
      expect(res.json()).toMatchObject({ code: 'upgrade_required' })
    }
    expect(await writes()).toEqual(before)
    const newer = await agent.request('POST', `/api/communes/${C}/sync/push`, { protocolVersion: 3, deviceId: agent.deviceId, mutations: [m] })
    expect(newer.statusCode).toBe(400)
    expect(newer.json()).toMatchObject({ code: 'protocol_unsupported' })
    expect(await writes()).toEqual(before)
    const served = await agent.request('POST', `/api/communes/${C}/sync/push`, { protocolVersion: 2, deviceId: agent.deviceId, mutations: [m] })
    expect(served.statusCode).toBe(200)
    expect((await agent.request('GET', `/api/communes/${C}/sync/pull?protocolVersion=2&cursor=0`)).statusCode).toBe(200)
  })

  it('the phone keeps its whole outbox, stops and says to update; the updated app sends it all', async () => {
    const agent = await s.login(`${C}.t2`)
    const db = createDb(`thidua-upgrade-${factory.name}-${Math.random().toString(36).slice(2)}`)
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: agent.deviceId })
    const edits: EditDeps = { db, clock: () => s.clock.now }
    await saveValue(edits, { commune: C, unit: 'T2', period: '2024-Q1', indicator: 'LUA_DT', value: num(12) })
    await saveValue(edits, { commune: C, unit: 'T2', period: '2024-Q1', indicator: 'LUA_SL', value: num(60), note: 'vụ Đông Xuân' })
    await submitReport(edits, { commune: C, unit: 'T2', period: '2024-Q1' })
    const outbox = await db.outbox.toArray()
    const before = await writes()

    const old = await syncOnce({ db, transport: injectTransport(agent, { protocolVersion: 1 }), commune: C, clock: () => s.clock.now })
    expect(old).toMatchObject({ ok: false, applied: 0, pulledPages: 0, error: { kind: 'upgrade_required', code: 'upgrade_required', message: expect.stringContaining('cập nhật ứng dụng') } })
    expect(await db.outbox.toArray()).toEqual(outbox.map((e) => ({ ...e, attempts: e.attempts + 1 })))
    expect(await writes()).toEqual(before)
    // What the sync badge shows: the changes still waiting and the reason, in Vietnamese.
    expect(await syncSummary(db, C)).toMatchObject({ waiting: 3, lastError: { kind: 'upgrade_required', message: expect.stringContaining('Các thay đổi chưa gửi vẫn được giữ') } })

    const updated = await syncOnce({ db, transport: injectTransport(agent, { protocolVersion: 2 }), commune: C, clock: () => s.clock.now })
    expect(updated).toMatchObject({ ok: true, applied: 3 })
    expect(await db.outbox.count()).toBe(0)
    expect(await syncSummary(db, C)).toMatchObject({ waiting: 0, lastError: null })
  })
})
