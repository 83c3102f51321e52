// @vitest-environment node
import 'fake-indexeddb/auto'
// The sync engine against the REAL server (Fastify on PGlite, and on PostgreSQL when
// TEST_DATABASE_URL is set), in-process: every outcome's effect on the outbox and the cells,
// failures that keep the outbox, pull pages saved with their cursor, and the user's choices.
// Each test has a commune of its own. The only double is the wire: a fetch that forwards to the
// server (`app.inject`) and, when a test asks, injects what the server itself cannot produce: a
// connection cut before the request, a response lost after the server committed, a proxy's 5xx,
// a 413 from a body limit. Everything the server decides, it decides.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type ThiDuaDb } from '../../../src/client/local/db'
import { PeriodWrites } from '../../../src/client/local/periodWrites'
import { coalescible, sendingSeqs } from '../../../src/client/local/outbox'
import { createDb } from '../../../src/client/local/open'
import { recallReport, saveValue, submitReport, type EditDeps } from '../../../src/client/local/edits'
import { mergedValue } from '../../../src/client/local/queries'
import { discardRejected, OutboxStateError, requestFullPull, resolveConflict, retryRejected, syncOnce, type SyncDeps } from '../../../src/client/sync/engine'
import { runBackgroundSync } from '../../../src/client/sync/scheduler'
import { createFetchTransport, type SyncTransport } from '../../../src/client/sync/api'
import type { PulledValue, PullResponse, PushRequest, PushResponse, ValueMutation } from '../../../src/shared/protocol'
import type { ValueData } from '../../../src/shared/model'
import { seedPlanFile } from '../../../src/server/db/seed'
import { Agent, DATABASES, fixtureFile, PASSWORD, startServer, type TestServer } from '../../server/harness'
import { sequentialIds } from '../local/testDb'
import { serverCell } from '../../support/phoneServer'
import { sentJson, sentPayload } from '../requestBody'

const T0 = '2024-05-10T08:00:00.000Z'
const num = (value: number) => ({ kind: 'number' as const, value })

/** What the wire does to one request: nothing (null), or a fault the server cannot produce itself. */
type Fault = 'network' | 'lost' | 'server' | 'too_large_if_many' | null

/**
 * The phone's fetch, answered by the real server in-process with the agent's session cookie.
 * Records every push body and pull cursor; applies the queued faults, one per request.
 */
class Wire {
  /**
   * Every push body, in the order the engine handed it to the transport: two batches in flight
   * reach the fetch in either order (each is gzipped first), so the fetch does not record them.
   */
  pushes: PushRequest[] = []
  answers: PushResponse[] = []
  pulls: number[] = []
  /** Each pull's `skip` (versions whose values the phone said it holds), '' without one. */
  pullSkips: string[] = []
  pushFaults: Fault[] = []
  pullFaults: Fault[] = []
  /** Every push is refused with a 413 while it carries more than one mutation. */
  tooLargeAboveOne = false
  /** The session cookie sent; cleared to pose as a phone whose session is gone. */
  cookie: string
  readonly transport: SyncTransport

  constructor(readonly agent: Agent) {
    this.cookie = agent.cookie
    const wire = createFetchTransport({ fetch: (input, init) => this.fetch(String(input), init) })
    this.transport = {
      ...wire,
      push: (commune, body) => {
        this.pushes.push(body)
        return wire.push(commune, body)
      },
    }
  }

  private async fetch(url: string, init?: RequestInit): Promise<Response> {
    const isPush = url.includes('/sync/push')
    let fault: Fault
    if (isPush) {
      const body = sentJson(init) as PushRequest
      fault = this.pushFaults.shift() ?? null
      if (this.tooLargeAboveOne && body.mutations.length > 1) {
        return Response.json({ code: 'payload_too_large', message: 'Dữ liệu gửi lên quá lớn' }, { status: 413 })
      }
    } else {
      this.pulls.push(Number(new URL(url, 'http://x').searchParams.get('cursor')))
      this.pullSkips.push(new URL(url, 'http://x').searchParams.get('skip') ?? '')
      fault = this.pullFaults.shift() ?? null
    }
    if (fault === 'network') throw new TypeError('Failed to fetch')
    // A proxy in front of the server answering for it: the server never saw the request.
    if (fault === 'server') return new Response('<html>502 Bad Gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })
    const res = await this.agent.app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url,
      headers: { ...(init?.headers as Record<string, string>), ...(this.cookie ? { cookie: this.cookie } : {}) },
      ...(init?.body === undefined ? {} : { payload: sentPayload(init) }),
    })
    if (isPush && res.statusCode === 200) this.answers.push(res.json<PushResponse>())
    // The server committed and answered; the answer never reaches the phone.
    if (fault === 'lost') throw new TypeError('Failed to fetch')
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': String(res.headers['content-type'] ?? '') } })
  }
}

describe.each(DATABASES)('the sync engine against the server on $name', (factory) => {
  let s: TestServer
  const dbs: ThiDuaDb[] = []
  let n = 0

  beforeAll(async () => {
    s = await startServer(factory, [])
  }, 60_000)
  afterAll(async () => {
    for (const db of dbs) await db.delete()
    await s?.close()
  })

  /**
   * A sign-in from an address of its own: the server allows an address 30 sign-ins a minute, and
   * this file signs in some 90 times.
   */
  let logins = 0
  async function login(username: string): Promise<Agent> {
    const deviceId = `dev-${username.replaceAll(".", "-")}-${++logins}`
    const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD, deviceId }, remoteAddress: `10.1.${Math.floor(logins / 200)}.${logins % 200}` })
    const cookie = res.cookies.find((c) => c.name === 'td_session')
    if (res.statusCode !== 200 || !cookie) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`)
    return new Agent(s.app, `td_session=${cookie.value}`, deviceId)
  }

  /** A fresh commune on the server (the fixture's), its village head's phone, and its officer. */
  async function setup(options: Partial<SyncDeps> = {}) {
    const C = `xa-e${factory.name.slice(0, 2)}${++n}`
    await seedPlanFile(s.db, fixtureFile(C))
    const agent = await login(`${C}.t1`)
    const officer = await login(`${C}.canbo`)
    const db = createDb(`thidua-engine-${factory.name}-${n}-${Math.random().toString(36).slice(2)}`)
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: agent.deviceId })
    const wire = new Wire(agent)
    const deps: SyncDeps = { db, transport: wire.transport, commune: C, clock: () => s.clock.now, ...options }
    // Mutation ids are unique on the server across communes: each phone has a prefix of its own.
    const prefix = `p${n}${factory.name.slice(0, 2)}`
    const edits = (label = 'mut'): EditDeps => ({ db, clock: () => s.clock.now, newId: sequentialIds(`${prefix}${label}`) })
    const server = serverOf(C, officer)
    return { C, db, wire, deps, agent, officer, server, edits: edits(), editDeps: edits, at: (indicator: string, unit = 'T1', period = '2024-Q1') => ({ commune: C, unit, period, indicator }) }
  }

  /** The server's state of one commune, read from its database, and the officer's actions on it. */
  function serverOf(C: string, officer: Agent) {
    const cell = (unit: string, period: string, indicator: string) => serverCell(s, C, unit, period, indicator)
    const version = async () => Number((await s.db.query<{ version: number }>('SELECT version FROM communes WHERE code = $1', [C])).rows[0]!.version)
    const cellCount = async () =>
      Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_values c JOIN communes m ON m.id = c.commune_id WHERE m.code = $1', [C])).rows[0]!.n)
    return {
      cell,
      version,
      cellCount,
      /** The officer writes a cell from the office (on the current version): the new version. */
      async write(unit: string, period: string, indicator: string, value: ValueData | null, note: string | null = null): Promise<number> {
        const base = (await cell(unit, period, indicator))?.version ?? 0
        const { outcomes } = await officer.push(C, [officer.value({ unit, period, indicator, value, note, baseVersion: base })])
        expect(outcomes[0]).toMatchObject({ status: 'applied' })
        return (outcomes[0] as { version: number }).version
      },
      /** Every value of the commune as a pull brings it (the officer's whole pull). */
      async values(): Promise<PulledValue[]> {
        return (await officer.pullAll(C, 0)).pages.flatMap((p) => p.values)
      },
      async lock(period: string, lockReason: string, locked = true): Promise<number> {
        const res = await officer.request('PATCH', `/api/communes/${C}/periods/${period}`, locked ? { locked, lockReason } : { locked })
        expect(res.statusCode).toBe(200)
        return version()
      },
      /** Another device of the village submits the report, and the officer returns it: the new version. */
      async returnReport(unit: string, period: string, reason: string): Promise<number> {
        const other = await login(`${C}.t1`)
        const { outcomes } = await other.push(C, [{ kind: 'report', action: 'submit', mutationId: `sub-${C}-${unit}-${period}`, deviceId: other.deviceId, unit, period, baseVersion: 0, clientTime: T0 }])
        expect(outcomes[0]).toMatchObject({ status: 'applied' })
        const res = await officer.request('POST', `/api/communes/${C}/reports/${unit}/${period}/decision`, { action: 'return', reason })
        expect(res.statusCode).toBe(200)
        return version()
      },
    }
  }

  const cellOf = (db: ThiDuaDb, C: string, indicator: string, unit = 'T1', period = '2024-Q1') => db.cells.get([C, unit, period, indicator])
  const states = async (db: ThiDuaDb) => (await db.outbox.toArray()).map((e) => e.state)
  /** The entries in a push not yet settled: listed in the `sending` meta row (they stay `pending`). */
  const inPush = (db: ThiDuaDb) =>
    db.transaction('r', [db.outbox, db.meta], async () => {
      const [sending, entries] = await Promise.all([sendingSeqs(db), db.outbox.toArray()])
      return entries.filter((e) => sending.has(e.seq))
    })
  const ids = async (db: ThiDuaDb) => (await db.outbox.toArray()).map((e) => e.mutationId)

  describe('push', () => {
    it('a 100% rate (numerator = denominator) is applied; one above 100% is refused by the same server', async () => {
      const { C, db, server, deps, edits, agent, at } = await setup()
      await saveValue(edits, { ...at('BHYT'), value: { kind: 'ratio', numerator: 1000, denominator: 1000 } })
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1, rejected: 0 })
      expect((await server.cell('T1', '2024-Q1', 'BHYT'))!.value).toEqual({ kind: 'ratio', numerator: 1000, denominator: 1000 })
      expect(await cellOf(db, C, 'BHYT')).toMatchObject({ local: null, server: { value: { kind: 'ratio', numerator: 1000, denominator: 1000 } } })
      const over = agent.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 1001, denominator: 1000 } })
      expect((await agent.push(C, [over])).outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid' })
    })

    it('applied: the entry leaves, the cell’s server state takes the value at the returned version, its local state goes', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(120.5), note: 'vụ Đông Xuân' })
      await saveValue(edits, { ...at('LUA_SL'), value: num(700) })
      const result = await syncOnce(deps)
      expect(result).toMatchObject({ ok: true, sent: 2, applied: 2, conflicts: 0, rejected: 0, error: null })
      expect(await db.outbox.count()).toBe(0)
      const v = (await server.cell('T1', '2024-Q1', 'LUA_DT'))!.version
      expect(wire.pushes).toHaveLength(1)
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(120.5), note: 'vụ Đông Xuân', version: v, updatedBy: 'Trưởng thôn 1' } })
      expect(await db.syncState.get(C)).toMatchObject({ cursor: await server.version(), lastSuccessAt: T0, lastError: null })
    })

    it('sends the outbox in seq order, in batches, until nothing is pending', async () => {
      const { db, deps, edits, wire, agent, at } = await setup({ batchSize: 2 })
      for (const [i, ind] of ['LUA_DT', 'LUA_SL', 'BHYT'].entries()) await saveValue(edits, { ...at(ind), value: ind === 'BHYT' ? { kind: 'ratio', numerator: 9, denominator: 10 } : num(i) })
      await saveValue(edits, { ...at('LUA_DT', 'T1', '2024-Q2'), value: num(9) })
      await saveValue(edits, { ...at('LUA_SL', 'T1', '2024-Q2'), value: num(8) })
      const sent = await ids(db)
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 5 })
      // Batches are taken in seq order; two in flight may reach the server in either order (the
      // second's body can be ready first), as nothing in one depends on the other (docs/sync.md).
      const batches = wire.pushes.map((p) => p.mutations.map((m) => m.mutationId))
      expect(batches.sort((a, b) => sent.indexOf(a[0]!) - sent.indexOf(b[0]!))).toEqual([sent.slice(0, 2), sent.slice(2, 4), sent.slice(4)])
      expect(wire.pushes.every((p) => p.deviceId === agent.deviceId)).toBe(true)
      expect(await db.outbox.count()).toBe(0)
    })

    it("takes a batch whose entries lie among another commune's: every one, in seq order", async () => {
      const { C, db, deps, edits, wire, at } = await setup({ batchSize: 4 })
      // Two entries of another commune after each of this one's: a batch's seqs span more than
      // twice as many rows as it takes, so the range read stops short and the rest are read by key.
      let other = 0
      for (const period of ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']) {
        for (const ind of ['LUA_DT', 'LUA_SL']) {
          await saveValue(edits, { ...at(ind, 'T1', period), value: num(1) })
          for (let i = 0; i < 2; i++) await saveValue(edits, { commune: 'xa-khac', unit: 'T1', period: '2024-Q1', indicator: `O${++other}`, value: num(i) })
        }
      }
      const mine = (await db.outbox.toArray()).filter((e) => e.commune === C).map((e) => e.mutationId)
      expect(mine).toHaveLength(8)
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 8 })
      expect(wire.pushes.map((p) => p.mutations.map((m) => m.mutationId))).toEqual([mine.slice(0, 4), mine.slice(4)])
      expect((await db.outbox.toArray()).map((e) => e.commune)).toEqual(Array.from({ length: 16 }, () => 'xa-khac'))
    })

    it('halves the batch when the body is too large (413) and sends everything', async () => {
      const { db, server, deps, edits, wire, at } = await setup()
      for (const ind of ['LUA_DT', 'LUA_SL']) for (const period of ['2024-Q1', '2024-Q2']) await saveValue(edits, { ...at(ind, 'T1', period), value: num(1) })
      wire.tooLargeAboveOne = true
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 4 })
      expect(await db.outbox.count()).toBe(0)
      expect(await server.cellCount()).toBe(4)
    })

    it('puts one entry per cell in a batch and rebases the next on the version the first got', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await db.outbox.update(1, { attempts: 1 }) // sent once, answer lost: never coalesced
      await saveValue(edits, { ...at('LUA_DT'), value: num(2) })
      expect(await db.outbox.count()).toBe(2)
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, conflicts: 0 })
      expect(wire.pushes.map((p) => p.mutations.length)).toEqual([1, 1])
      const first = wire.answers[0]!.outcomes[0] as { version: number }
      expect((wire.pushes[1]!.mutations[0] as ValueMutation).baseVersion).toBe(first.version)
      expect((await server.cell('T1', '2024-Q1', 'LUA_DT'))!.value).toEqual(num(2))
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(2) } })
    })

    it('sends the next batch while the answer is settled, leaving out what depends on it; everything arrives, nothing conflicts', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup({ batchSize: 2 })
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await db.outbox.update(1, { attempts: 1 }) // sent once, answer lost: never coalesced
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      await saveValue(edits, { ...at('LUA_DT'), value: num(3) }) // the same cell as the first
      await saveValue(edits, { ...at('LUA_DT', 'T1', '2024-Q2'), value: num(4) })
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' }) // the report of the first batch's cells
      const [a, b, again, other, submit] = await ids(db)
      // The order the engine sent the batches in, and what the phone still had to settle when each
      // left: the order is taken before the first await, as pushes in flight may meet the wire in
      // either order.
      const sent: string[][] = []
      const unsettled: string[][] = []
      deps.transport = {
        ...wire.transport,
        push: async (commune, body) => {
          const slot = sent.push(body.mutations.map((m) => m.mutationId)) - 1
          unsettled[slot] = (await inPush(db)).map((e) => e.mutationId)
          return wire.transport.push(commune, body)
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 5, conflicts: 0, rejected: 0 })
      expect(sent).toEqual([[a, b], [other], [again, submit]])
      // The second and third pushes left before the batch before them was settled.
      expect(unsettled[1]).toEqual(expect.arrayContaining([a, b, other]))
      expect(unsettled[2]).toEqual(expect.arrayContaining([other, again, submit]))
      expect((await server.cell('T1', '2024-Q1', 'LUA_DT'))!.value).toEqual(num(3))
      expect(await db.outbox.count()).toBe(0)
      expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null })
    })

    it('asks for the pull’s first page as soon as the last push is answered, and saves it after that answer is settled', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      const v = await server.write('T1', '2024-Q2', 'LUA_DT', num(7), 'của cán bộ')
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      const sendingWhenAsked: number[] = []
      deps.transport = {
        ...wire.transport,
        pull: async (commune, cursor, limit) => {
          sendingWhenAsked.push((await inPush(db)).length)
          return wire.transport.pull(commune, cursor, limit)
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, pulledPages: 1 })
      expect(sendingWhenAsked).toEqual([2])
      expect(wire.pulls).toHaveLength(1)
      expect((await db.syncState.get(C))!.cursor).toBe(await server.version())
      expect(await cellOf(db, C, 'LUA_DT', 'T1', '2024-Q2')).toMatchObject({ server: { value: num(7), version: v } })
      expect(await cellOf(db, C, 'LUA_SL')).toMatchObject({ local: null, server: { value: num(2) } })
      expect(await db.outbox.count()).toBe(0)
    })

    it('with several batches, asks for the first page when the last batch is answered, before that batch is settled', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup({ batchSize: 1 })
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      const [, second] = await ids(db)
      const sendingWhenAsked: string[][] = []
      deps.transport = {
        ...wire.transport,
        pull: async (commune, cursor, limit) => {
          sendingWhenAsked.push((await inPush(db)).map((e) => e.mutationId))
          return wire.transport.pull(commune, cursor, limit)
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, pulledPages: 1 })
      expect(wire.pushes).toHaveLength(2)
      expect(sendingWhenAsked).toHaveLength(1)
      expect(sendingWhenAsked[0]).toContain(second)
      expect((await db.syncState.get(C))!.cursor).toBe(await server.version())
      expect(await db.outbox.count()).toBe(0)
      expect(await cellOf(db, C, 'LUA_SL')).toMatchObject({ local: null, server: { value: num(2) } })
    })

    it('sends the next batch while the one before it still travels: two pushes in flight', async () => {
      const { db, server, deps, edits, wire, at } = await setup({ batchSize: 1 })
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      // The first answer is held until the second push is asked for (or, if it never is, a while).
      let secondAsked: () => void = () => undefined
      const asked = new Promise<void>((resolve) => (secondAsked = resolve))
      let answered = 0
      const answeredWhenSent: number[] = []
      deps.transport = {
        ...wire.transport,
        push: async (commune, body) => {
          answeredWhenSent.push(answered)
          const first = answeredWhenSent.length === 1
          if (!first) secondAsked()
          const answer = await wire.transport.push(commune, body)
          if (first) await Promise.race([asked, new Promise((r) => setTimeout(r, 5_000))])
          answered++
          return answer
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, pulledPages: 1 })
      expect(answeredWhenSent).toEqual([0, 0])
      expect(await db.outbox.count()).toBe(0)
      expect(await server.cellCount()).toBe(2)
    })

    it('what the user did after an entry left for a later batch waits with it: a submit after a value to rebase, a value after a recall', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      // A value sent once (its answer lost), typed again, then the report submitted: the submit
      // waits for the second value, which waits for the first's version (one entry per cell a batch).
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await db.outbox.update(1, { attempts: 1 })
      await saveValue(edits, { ...at('LUA_DT'), value: num(2) })
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' })
      // Another period: a submit sent once (answer lost), recalled, then a value typed.
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q2' })
      const [, , , q2submit] = await db.outbox.toArray()
      await db.outbox.update(q2submit!.seq, { attempts: 1 })
      await recallReport(edits, { commune: C, unit: 'T1', period: '2024-Q2' })
      await saveValue(edits, { ...at('LUA_SL', 'T1', '2024-Q2'), value: num(5) })
      const [v1, v2, submit, sub2, recall, typed] = await ids(db)
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 6, conflicts: 0, rejected: 0 })
      expect(wire.pushes.map((p) => p.mutations.map((m) => m.mutationId))).toEqual([
        [v1, sub2],
        [v2, submit, recall, typed],
      ])
      expect((await server.cell('T1', '2024-Q1', 'LUA_DT'))!.value).toEqual(num(2))
      expect((await server.cell('T1', '2024-Q2', 'LUA_SL'))!.value).toEqual(num(5))
      expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null })
      expect(await db.reports.get([C, 'T1', '2024-Q2'])).toMatchObject({ status: 'draft', pendingAction: null })
      expect(await db.outbox.count()).toBe(0)
    })

    it('the pull leaves out the values of the run’s own pushes; a value another device wrote in between still arrives', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      let officerVersion = 0
      const pages: PullResponse[] = []
      deps.transport = {
        ...wire.transport,
        push: async (commune, body) => {
          const answer = await wire.transport.push(commune, body)
          officerVersion = await server.write('T1', '2024-Q2', 'LUA_DT', num(9))
          return answer
        },
        pull: async (...args) => {
          const page = await wire.transport.pull(...args)
          pages.push(page)
          return page
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, pulledPages: 1 })
      const [answer] = wire.answers
      expect(answer).toMatchObject({ written: true })
      expect(wire.pullSkips).toEqual([String(answer!.version)])
      expect(pages[0]!.values.map((v) => [v.period, v.indicator, v.version])).toEqual([['2024-Q2', 'LUA_DT', officerVersion]])
      // The run's own cells hold what a pull would have brought.
      const whole = await server.values()
      for (const indicator of ['LUA_DT', 'LUA_SL']) {
        const pulled = whole.find((v) => v.unit === 'T1' && v.period === '2024-Q1' && v.indicator === indicator)!
        expect((await cellOf(db, C, indicator))!.server).toEqual({ value: pulled.value, note: pulled.note, version: pulled.version, updatedBy: pulled.updatedBy, updatedAt: pulled.updatedAt })
      }
      expect(await cellOf(db, C, 'LUA_DT', 'T1', '2024-Q2')).toMatchObject({ server: { value: num(9), version: officerVersion } })
      expect((await db.syncState.get(C))!.cursor).toBe(await server.version())
    })

    it('an answer that could not be settled is not left out of the pull: its values come back', async () => {
      const { C, db, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      // Settling the answer fails on the phone (its entries cannot be deleted); the pull's page can be saved.
      const refuse = () => {
        throw new Error('write failed')
      }
      db.outbox.hook('deleting', refuse)
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'internal' }, pulledPages: 1 })
      db.outbox.hook('deleting').unsubscribe(refuse)
      // The page asked for early (with the push's version left out) was not used: the one saved was asked without it.
      expect(wire.pullSkips.at(-1)).toBe('')
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ server: { value: num(1), version: wire.answers[0]!.version } })
    })

    it('with an older server (no `written` in its answers), the pull leaves nothing out', async () => {
      const { C, db, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      deps.transport = {
        ...wire.transport,
        push: async (commune, body) => {
          const { written: _written, ...older } = await wire.transport.push(commune, body)
          return older
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1, pulledPages: 1 })
      expect(wire.pullSkips).toEqual([''])
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(1), version: wire.answers[0]!.version } })
    })

    it('a batch in flight when the run stops (the answer before it cannot be settled) goes back to pending and is resent', async () => {
      const { db, server, deps, edits, wire, at } = await setup({ batchSize: 1 })
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      // Settling the first answer fails on the phone (storage): the second push was already sent.
      let fail = true
      const refuse = () => {
        if (fail) throw new Error('write failed')
      }
      db.cells.hook('creating', refuse)
      db.cells.hook('updating', refuse)
      // The bulk settle puts its cells on the bare IndexedDB (no Dexie hooks): it fails there.
      const putPeriodRows = PeriodWrites.prototype.put
      const bare = vi.spyOn(PeriodWrites.prototype, 'put').mockImplementation(function (this: PeriodWrites, tx, store, rows) {
        refuse()
        return putPeriodRows.call(this, tx, store, rows)
      })
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'internal' } })
      expect(bare).toHaveBeenCalled()
      bare.mockRestore()
      expect(wire.pushes).toHaveLength(2)
      // The batch in flight went back to pending, marked as sent; the one whose answer failed to
      // settle stays in the `sending` list until the next run's recovery (recoverSending) takes it
      // back, as after a tab closed mid-push. Neither may be changed in place by an edit meanwhile.
      const [first, second] = await db.outbox.toArray()
      expect(await states(db)).toEqual(['pending', 'pending'])
      expect((await inPush(db)).map((e) => e.seq)).toEqual([first!.seq])
      expect([first!.attempts, second!.attempts]).toEqual([0, 1])
      expect(coalescible([first!], await sendingSeqs(db))).toBeUndefined()
      expect(coalescible([second!], await sendingSeqs(db))).toBeUndefined()
      expect(await server.cellCount()).toBe(2)
      fail = false
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2 })
      expect(wire.answers.slice(2).map((r) => r.outcomes.map((o) => o.status))).toEqual([['duplicate'], ['duplicate']])
      expect(await db.outbox.count()).toBe(0)
    })

    it('rebases an edit made while its cell was being sent, and keeps the local state until that edit is acknowledged', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      let localDuringFirstAnswer: unknown
      deps.transport = {
        ...wire.transport,
        push: async (commune, body) => {
          if (wire.pushes.length === 0) await saveValue(edits, { ...at('LUA_DT'), value: num(2) })
          const res = await wire.transport.push(commune, body)
          localDuringFirstAnswer ??= (await cellOf(db, C, 'LUA_DT'))!.local
          return res
        },
      }
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2, conflicts: 0 })
      expect(localDuringFirstAnswer).toEqual({ value: num(2) })
      expect((await server.cell('T1', '2024-Q1', 'LUA_DT'))!.value).toEqual(num(2))
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(2) } })
    })

    it('conflict: the entry stays with the server’s cell; the cell’s server state moves, its local state stays', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      const v = await server.write('T1', '2024-Q1', 'LUA_SL', num(650), 'cán bộ sửa')
      await saveValue(edits, { ...at('LUA_SL'), value: num(610) })
      expect(await syncOnce(deps)).toMatchObject({ ok: true, conflicts: 1, applied: 0 })
      const [entry] = await db.outbox.toArray()
      expect(entry).toMatchObject({ state: 'conflict', conflict: { value: num(650), note: 'cán bộ sửa', version: v, updatedBy: 'Cán bộ Văn phòng – Thống kê' } })
      expect(await cellOf(db, C, 'LUA_SL')).toMatchObject({ server: { value: num(650), version: v }, local: { value: num(610) } })
      expect(mergedValue(await cellOf(db, C, 'LUA_SL')).value).toEqual(num(610))
      // Never sent again on its own.
      await syncOnce(deps)
      expect(wire.pushes).toHaveLength(1)
      expect(await states(db)).toEqual(['conflict'])
    })

    it('rejected: the entry stays with the code and message, the local state too, until the user acts', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await server.lock('2024-Q1', 'Đã tổng hợp gửi huyện')
      await saveValue(edits, { ...at('LUA_DT'), value: num(5) })
      expect(await syncOnce(deps)).toMatchObject({ ok: true, rejected: 1 })
      expect(await db.outbox.toArray()).toMatchObject([{ state: 'rejected', rejection: { code: 'period_locked', message: 'Kỳ báo cáo 2024-Q1 đã khóa: Đã tổng hợp gửi huyện' } }])
      expect((await cellOf(db, C, 'LUA_DT'))!.local).toEqual({ value: num(5) })
      expect(await db.periods.get([C, '2024-Q1'])).toMatchObject({ locked: true, lockReason: 'Đã tổng hợp gửi huyện' })
      await syncOnce(deps)
      expect(wire.pushes).toHaveLength(1)
    })

    it('network failure: every entry stays, back to pending, the error is recorded, pull is skipped', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      wire.pushFaults = ['network']
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'network' } })
      expect(await db.outbox.toArray()).toMatchObject([
        { state: 'pending', attempts: 1 },
        { state: 'pending', attempts: 1 },
      ])
      expect(wire.pulls).toEqual([])
      expect(await server.cellCount()).toBe(0)
      expect(await db.syncState.get(C)).toMatchObject({ lastSuccessAt: null, lastError: { kind: 'network', at: T0 } })
      expect((await cellOf(db, C, 'LUA_DT'))!.local).toEqual({ value: num(1) })
    })

    it('5xx: every entry stays pending; pull still runs so the officer’s decisions arrive', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await server.returnReport('T1', '2024-Q2', 'Thiếu số liệu lúa')
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      wire.pushFaults = ['server']
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'server' } })
      expect(await states(db)).toEqual(['pending'])
      expect(await server.cellCount()).toBe(0)
      expect(await db.reports.get([C, 'T1', '2024-Q2'])).toMatchObject({ status: 'returned', returnReason: 'Thiếu số liệu lúa' })
    })

    it('unauthorized (the session is gone): entries stay pending, the error says to sign in again', async () => {
      const { db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      wire.cookie = ''
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } })
      expect(await states(db)).toEqual(['pending'])
      expect(await server.cellCount()).toBe(0)
    })

    it('a lost response: the resend gets duplicates, acts on the original, and writes nothing twice', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      wire.pushFaults = ['lost']
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'network' } })
      const versionAfterCommit = await server.version()
      expect(await states(db)).toEqual(['pending', 'pending'])
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2 })
      expect(await server.version()).toBe(versionAfterCommit)
      expect(wire.pushes[1]!.mutations.map((m) => m.mutationId)).toEqual(wire.pushes[0]!.mutations.map((m) => m.mutationId))
      expect(wire.answers.map((a) => a.outcomes.map((o) => o.status))).toEqual([
        ['applied', 'applied'],
        ['duplicate', 'duplicate'],
      ])
      expect(await db.outbox.count()).toBe(0)
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(1), version: versionAfterCommit } })
    })

    it('a duplicate of a conflict or a rejection acts on the original', async () => {
      const { db, server, deps, edits, wire, at } = await setup()
      await server.write('T1', '2024-Q1', 'LUA_SL', num(650))
      await server.lock('2024-Q2', 'Hết hạn')
      await saveValue(edits, { ...at('LUA_SL'), value: num(610) })
      await saveValue(edits, { ...at('LUA_DT', 'T1', '2024-Q2'), value: num(1) })
      wire.pushFaults = ['lost']
      await syncOnce(deps)
      await syncOnce(deps)
      expect(wire.answers.map((a) => a.outcomes.map((o) => o.status))).toEqual([
        ['conflict', 'rejected'],
        ['duplicate', 'duplicate'],
      ])
      expect(await db.outbox.toArray()).toMatchObject([
        { state: 'conflict', conflict: { value: num(650) } },
        { state: 'rejected', rejection: { code: 'period_locked' } },
      ])
    })

    it('never moves a cell’s server state back: a late duplicate answer does not undo a newer pulled value', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      wire.pushFaults = ['lost']
      await syncOnce(deps) // committed on the server, answer lost; pull skipped (network)
      const newer = await server.write('T1', '2024-Q1', 'LUA_DT', num(99))
      // Pull first (push refused with a 5xx), then the duplicate arrives.
      wire.pushFaults = ['server']
      await syncOnce(deps)
      expect((await cellOf(db, C, 'LUA_DT'))!.server).toMatchObject({ value: num(99), version: newer })
      await syncOnce(deps)
      expect(wire.answers.at(-1)!.outcomes.map((o) => o.status)).toEqual(['duplicate'])
      expect(await db.outbox.count()).toBe(0)
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ local: null, server: { value: num(99), version: newer } })
    })
  })

  describe('push, settled in bulk', () => {
    // A batch of values all applied is settled with bulk reads and writes; any other batch entry by
    // entry. Both must leave the phone in the same state.
    async function run(forceEntryByEntry: boolean) {
      const { db, server, deps, edits, wire, at } = await setup()
      // One cell the phone already knows from the server; then the pull fails, so that what the
      // push's outcomes wrote stays in view (no pulled page writes over it).
      await server.write('T1', '2024-Q1', 'BHYT', { kind: 'ratio', numerator: 1, denominator: 2 })
      await syncOnce(deps)
      wire.pullFaults = ['network']
      if (forceEntryByEntry) {
        await server.lock('2024-Q2', 'Đã chốt số liệu')
        await saveValue(edits, { ...at('LUA_DT', 'T1', '2024-Q2'), value: num(5) })
      }
      await saveValue(edits, { ...at('LUA_DT'), value: num(120.5), note: 'vụ Đông Xuân' })
      await saveValue(edits, { ...at('LUA_SL'), value: num(700) })
      await saveValue(edits, { ...at('BHYT'), value: { kind: 'ratio', numerator: 2, denominator: 2 } })
      await saveValue(edits, { ...at('LUA_DT', 'T1', '2024-Q3'), value: num(9) })
      const result = await syncOnce(deps)
      expect(result).toMatchObject({ applied: 4, rejected: forceEntryByEntry ? 1 : 0 })
      const mine = (x: { commune: string; period: string }) => x.period !== '2024-Q2'
      const cells = (await db.cells.toArray()).filter(mine).map((c) => ({ ...c, commune: '' }))
      const reports = (await db.reports.toArray()).filter(mine).map((r) => ({ ...r, commune: '' }))
      const outbox = (await db.outbox.toArray()).filter(mine)
      return { cells, reports, outbox }
    }

    it('leaves the same cells, reports and outbox as settling entry by entry', async () => {
      const bulk = await run(false)
      const oneByOne = await run(true)
      expect(bulk.outbox).toEqual([])
      expect(bulk.cells.map((c) => c.local)).toEqual(bulk.cells.map(() => null))
      expect(bulk.reports.map((r) => [r.unit, r.period, r.status])).toEqual([
        ['T1', '2024-Q1', 'draft'],
        ['T1', '2024-Q3', 'draft'],
      ])
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
    it('a submit applied makes the report submitted and clears the pending action', async () => {
      const { C, db, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' })
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 2 })
      const submitted = wire.answers[0]!.outcomes[1] as { version: number }
      expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null, version: submitted.version })
    })

    it('a submit in a later batch than the values that created the draft is not a conflict', async () => {
      const { C, db, deps, edits, at } = await setup({ batchSize: 2 })
      for (const ind of ['LUA_DT', 'LUA_SL', 'BHYT']) {
        await saveValue(edits, { ...at(ind), value: ind === 'BHYT' ? { kind: 'ratio', numerator: 1, denominator: 2 } : num(3) })
      }
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' })
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 4, conflicts: 0 })
      expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null })
    })

    it('a report conflict keeps the entry and shows the server’s status', async () => {
      const { C, db, server, deps, edits, editDeps } = await setup()
      await submitReport(edits, { commune: C, unit: 'T1', period: '2024-Q1' }) // based on version 0: the phone knows no report
      const v = await server.returnReport('T1', '2024-Q1', 'Sai số liệu')
      expect(await syncOnce(deps)).toMatchObject({ conflicts: 1 })
      expect(await db.outbox.toArray()).toMatchObject([{ state: 'conflict', conflict: { status: 'returned', version: v } }])
      expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'returned', version: v, pendingAction: 'submit', returnReason: 'Sai số liệu' })
      await resolveConflict(editDeps('again'), 1, 'mine')
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1 })
      expect(await db.reports.get([C, 'T1', '2024-Q1'])).toMatchObject({ status: 'submitted', pendingAction: null })
    })
  })

  describe('pull', () => {
    it('never overwrites an edit still waiting: the pulled value goes to the server state only', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1), note: 'của tôi' })
      const v = await server.write('T1', '2024-Q1', 'LUA_DT', num(50), 'của cán bộ')
      wire.pushFaults = ['server']
      await syncOnce(deps)
      expect(await cellOf(db, C, 'LUA_DT')).toMatchObject({ server: { value: num(50), note: 'của cán bộ', version: v }, local: { value: num(1), note: 'của tôi' } })
      expect(mergedValue(await cellOf(db, C, 'LUA_DT'))).toEqual({ value: num(1), note: 'của tôi' })
    })

    it('saves each page with its cursor, and resumes from the last saved page after a failure', async () => {
      const { C, db, server, deps, wire } = await setup({ pullLimit: 1 })
      expect(await syncOnce(deps)).toMatchObject({ ok: true })
      const start = (await db.syncState.get(C))!.cursor
      expect(start).toBe(await server.version())
      expect(await db.units.count()).toBeGreaterThan(0)
      expect(await db.plans.get([C, 2024])).toMatchObject({ plan: { title: 'Kế hoạch thi đua năm 2024' } })
      const v1 = await server.write('T1', '2024-Q1', 'LUA_DT', num(1))
      const v2 = await server.write('T1', '2024-Q1', 'LUA_SL', num(2))
      await server.write('T1', '2024-Q2', 'LUA_DT', num(3))
      wire.pulls = []
      wire.pullFaults = [null, null, 'network']
      expect(await syncOnce(deps)).toMatchObject({ ok: false, pulledPages: 2 })
      expect(wire.pulls).toEqual([start, v1, v2])
      expect((await db.syncState.get(C))!.cursor).toBe(v2)
      expect(await db.cells.count()).toBe(2)
      expect(await syncOnce(deps)).toMatchObject({ ok: true })
      expect(wire.pulls.slice(3)).toEqual([v2])
      expect(await db.cells.count()).toBe(3)
    })

    it('a page’s rows and its cursor commit together: a failure while saving leaves neither', async () => {
      const { db, server, deps } = await setup()
      await server.write('T1', '2024-Q1', 'LUA_DT', num(1))
      db.syncState.hook('creating', () => {
        throw new Error('write failed')
      })
      expect(await syncOnce(deps)).toMatchObject({ ok: false, error: { kind: 'internal' } })
      expect(await db.cells.count()).toBe(0)
      expect(await db.periods.count()).toBe(0)
    })

    it('cursor_ahead (the server was restored from a backup): starts again from 0 and keeps the outbox', async () => {
      const { C, db, server, deps, edits, wire, at } = await setup()
      await server.write('T1', '2024-Q1', 'LUA_SL', num(650))
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await db.syncState.put({ commune: C, cursor: 999_999, lastSuccessAt: null, lastError: null, nextRetryAt: null })
      wire.pushFaults = ['server']
      await syncOnce(deps)
      expect(wire.pulls).toEqual([999_999, 0])
      expect((await db.syncState.get(C))!.cursor).toBe(await server.version())
      expect(await db.outbox.count()).toBe(1)
      expect(await cellOf(db, C, 'LUA_SL')).toMatchObject({ server: { value: num(650) } })
    })

    it('requestFullPull makes the next sync start at 0', async () => {
      const { C, db, deps, wire } = await setup()
      await syncOnce(deps)
      await requestFullPull(db, C)
      await syncOnce(deps)
      expect(wire.pulls).toEqual([0, 0])
    })
  })

  describe('the user’s choices', () => {
    async function conflicted() {
      const x = await setup()
      const v = await x.server.write('T1', '2024-Q1', 'LUA_SL', num(650), 'cán bộ')
      await saveValue(x.edits, { ...x.at('LUA_SL'), value: num(610) })
      await syncOnce(x.deps)
      return { ...x, v }
    }

    it('mine: a new entry with a new id, based on the server’s version, replaces the old one in one go', async () => {
      const { C, db, server, deps, editDeps, v } = await conflicted()
      const queued = await resolveConflict(editDeps('mine'), 1, 'mine')
      expect(queued).toMatchObject({ mutationId: expect.stringMatching(/mine-0001$/), coalesced: false })
      expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending', mutation: { mutationId: queued!.mutationId, baseVersion: v, value: num(610) } }])
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1 })
      expect((await server.cell('T1', '2024-Q1', 'LUA_SL'))!.value).toEqual(num(610))
      expect(await cellOf(db, C, 'LUA_SL')).toMatchObject({ local: null, server: { value: num(610) } })
    })

    it('mine after a later edit: that edit (the phone’s latest value) is what goes, rebased', async () => {
      const { db, server, deps, edits, editDeps, at, v } = await conflicted()
      await saveValue(edits, { ...at('LUA_SL'), value: num(620) })
      await resolveConflict(editDeps('mine'), 1, 'mine')
      expect(await db.outbox.toArray()).toMatchObject([{ state: 'pending', mutation: { value: num(620), baseVersion: v } }])
      await syncOnce(deps)
      expect((await server.cell('T1', '2024-Q1', 'LUA_SL'))!.value).toEqual(num(620))
    })

    it('theirs: the entry and the local state go; the cell shows the server’s value', async () => {
      const { C, db, deps, wire, editDeps } = await conflicted()
      expect(await resolveConflict(editDeps(), 1, 'theirs')).toBeNull()
      expect(await db.outbox.count()).toBe(0)
      expect(mergedValue(await cellOf(db, C, 'LUA_SL'))).toEqual({ value: num(650), note: 'cán bộ' })
      await syncOnce(deps)
      expect(wire.pushes).toHaveLength(1)
    })

    it('refuses a choice on an entry that is not in that state', async () => {
      const { db, editDeps } = await conflicted()
      await expect(discardRejected(editDeps(), 1)).rejects.toBeInstanceOf(OutboxStateError)
      await expect(resolveConflict(editDeps(), 99, 'mine')).rejects.toBeInstanceOf(OutboxStateError)
      expect(await db.outbox.count()).toBe(1)
    })

    it('discardRejected drops the entry and the local state; retryRejected sends a fixed value as a new entry', async () => {
      const { C, db, server, deps, edits, editDeps, at } = await setup()
      await server.lock('2024-Q1', 'Đã khóa')
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      await saveValue(edits, { ...at('LUA_SL'), value: num(2) })
      await syncOnce(deps)
      expect(await states(db)).toEqual(['rejected', 'rejected'])
      await discardRejected(editDeps(), 1)
      expect(await cellOf(db, C, 'LUA_DT')).toBeUndefined()
      await server.lock('2024-Q1', '', false)
      const retried = await retryRejected(editDeps('retry'), 2, { value: num(3), note: 'đã sửa' })
      expect(retried).toMatchObject({ mutationId: expect.stringMatching(/retry-0001$/), coalesced: false })
      expect(await syncOnce(deps)).toMatchObject({ ok: true, applied: 1 })
      expect(await server.cell('T1', '2024-Q1', 'LUA_SL')).toMatchObject({ value: num(3), note: 'đã sửa' })
      expect(await db.outbox.count()).toBe(0)
    })
  })

  describe('runBackgroundSync (for the service worker)', () => {
    it('syncs the signed-in user’s commune, and does nothing when nobody signed in', async () => {
      const { C, db, edits, wire, agent, at } = await setup()
      await saveValue(edits, { ...at('LUA_DT'), value: num(1) })
      expect(await runBackgroundSync(db, wire.transport, null)).toBeNull()
      expect(wire.pushes).toHaveLength(0)
      await db.meta.put({ key: 'user', value: { username: `${C}.t1`, displayName: 'Trưởng thôn 1', role: 'reporter', deviceId: agent.deviceId, commune: { code: C, name: 'Xã Thử' }, units: [] } })
      expect(await runBackgroundSync(db, wire.transport, null)).toMatchObject({ ok: true, applied: 1 })
      expect(await db.outbox.count()).toBe(0)
    })
  })
})
