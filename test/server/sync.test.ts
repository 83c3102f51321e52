import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { buildApp } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import { seedPlanFile } from '../../src/server/db/seed'
import type { Db } from '../../src/server/db/types'
import { bumpVersion } from '../../src/server/db/versions'
import type { MutationOutcome, PullResponse, PushResponse } from '../../src/shared/protocol'
import { DATABASES, fixtureFile, mid, startServer, type Agent, type TestServer } from './harness'

const C = 'xa-thu'

describe.each(DATABASES)('sync on $name', (factory) => {
  let s: TestServer
  let t1: Agent
  let t2: Agent
  let officer: Agent

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    ;[t1, t2, officer] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.t2`), s.login(`${C}.canbo`)])
  }, 60_000)
  afterAll(() => s?.close())

  const cellRows = async (unit: string, indicator: string, period = '2024-Q1') =>
    (
      await s.db.query<{ data: unknown; version: number }>(
        `SELECT c.data, c.version FROM cell_values c JOIN units u ON u.id = c.unit_id JOIN indicators i ON i.id = c.indicator_id JOIN periods p ON p.id = c.period_id
          WHERE u.code = $1 AND i.code = $2 AND p.code = $3 AND u.commune_id = (SELECT id FROM communes WHERE code = $4)`,
        [unit, indicator, period, C],
      )
    ).rows

  describe('push', () => {
    it('accepts a 100% rate (numerator = denominator), and 0%', async () => {
      // In the other commune, so that no cell another test uses is touched.
      const head = await s.login('xa-khac.t1')
      const res = await head.push('xa-khac', [
        head.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 1000, denominator: 1000 }, period: '2024-Q3' }),
        head.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 0, denominator: 7 }, period: '2024-Q4' }),
      ])
      expect(res.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
      const values = (await head.pullAll('xa-khac', 0)).pages.flatMap((p) => p.values)
      expect(values.find((x) => x.period === '2024-Q3')).toMatchObject({ indicator: 'BHYT', value: { kind: 'ratio', numerator: 1000, denominator: 1000 } })
    })

    it('applies a batch and stamps it with one new commune version', async () => {
      const res = await t1.push(C, [
        t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 120.5 } }),
        t1.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 940, denominator: 1000 } }),
      ])
      expect(res.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
      const versions = res.outcomes.map((o) => (o as { version: number }).version)
      expect(versions[0]).toBe(versions[1])
      expect(res.version).toBe(versions[0])
      expect(await cellRows('T1', 'LUA_DT')).toEqual([{ data: { kind: 'number', value: 120.5 }, version: res.version }])
    })

    it('replays a batch after a lost response without changing anything twice', async () => {
      const batch = [t1.value({ unit: 'T1', indicator: 'LUA_SL', value: { kind: 'number', value: 700 } })]
      const first = await t1.push(C, batch)
      const audit = async () => Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit')).rows[0]!.n)
      const before = await audit()
      const again = await t1.push(C, batch)
      const third = await t1.push(C, batch)
      expect(first.outcomes[0]).toMatchObject({ status: 'applied' })
      expect(again.outcomes[0]).toEqual({ mutationId: batch[0]!.mutationId, status: 'duplicate', original: first.outcomes[0] })
      expect(third.outcomes).toEqual(again.outcomes)
      expect(await audit()).toBe(before)
      expect(await cellRows('T1', 'LUA_SL')).toEqual([{ data: { kind: 'number', value: 700 }, version: (first.outcomes[0] as { version: number }).version }])
    })

    it('keeps each outcome once, an applied change on its audit row, and replays every kind exactly', async () => {
      const period = '2024-Q4'
      const write = t1.value({ unit: 'T1', indicator: 'LUA_SL', value: { kind: 'number', value: 41 }, period })
      const stale = t1.value({ unit: 'T1', indicator: 'LUA_SL', value: { kind: 'number', value: 42 }, period })
      const same = t1.value({ unit: 'T1', indicator: 'LUA_SL', value: { kind: 'number', value: 41 }, period })
      const bad = t1.value({ unit: 'T1', indicator: 'NOPE', value: { kind: 'number', value: 1 }, period })
      const batch = [write, stale, same, bad]
      const first = await t1.push(C, batch)
      expect(first.outcomes.map((o) => o.status)).toEqual(['applied', 'conflict', 'applied', 'rejected'])
      // The change's outcome is its audit row (with the version it was applied at); the others, which wrote nothing, are in `mutations`.
      const ids = batch.map((m) => m.mutationId)
      const kept = await s.db.query<{ mutation_id: string; version: number }>('SELECT mutation_id, version FROM audit WHERE mutation_id = ANY($1::text[])', [ids])
      expect(kept.rows).toEqual([{ mutation_id: write.mutationId, version: first.version }])
      const stored = await s.db.query<{ mutation_id: string }>('SELECT mutation_id FROM mutations WHERE mutation_id = ANY($1::text[]) ORDER BY mutation_id', [ids])
      expect(stored.rows.map((r) => r.mutation_id)).toEqual([stale, same, bad].map((m) => m.mutationId).sort())
      // A lost answer, pushed again in another order: each outcome as it was, nothing changed.
      const again = await t1.push(C, [bad, same, write, stale])
      expect(again.outcomes).toEqual([bad, same, write, stale].map((m) => ({ mutationId: m.mutationId, status: 'duplicate', original: first.outcomes[batch.indexOf(m)] })))
      expect(again.version).toBe(first.version)
      // The same id in another commune is refused, whichever table keeps it.
      const other = await s.login('xa-khac.t1')
      for (const m of [write, bad]) {
        const res = await other.push('xa-khac', [{ ...other.value({ unit: 'T1', indicator: 'LUA_SL', value: { kind: 'number', value: 1 }, period }), mutationId: m.mutationId }])
        expect(res.outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid' })
      }
    })

    it('answers a duplicate inside one batch from the first occurrence', async () => {
      const m = t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 100 } })
      const res = await t2.push(C, [m, m])
      expect(res.outcomes[0]).toMatchObject({ status: 'applied' })
      expect(res.outcomes[1]).toMatchObject({ status: 'duplicate', original: res.outcomes[0] })
    })

    it('detects a conflict on a stale base version and shows the server’s value', async () => {
      const first = await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_SL', value: { kind: 'number', value: 600 }, note: 'vụ Đông Xuân' })])
      const v1 = (first.outcomes[0] as { version: number }).version
      // The officer corrects the figure from the office, based on what the village sent.
      const fix = await officer.push(C, [officer.value({ unit: 'T2', indicator: 'LUA_SL', value: { kind: 'number', value: 650 }, baseVersion: v1 })])
      expect(fix.outcomes[0]).toMatchObject({ status: 'applied' })
      // The village head, still on v1, edits again: a conflict, never a silent overwrite.
      const stale = await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_SL', value: { kind: 'number', value: 610 }, baseVersion: v1 })])
      expect(stale.outcomes[0]).toMatchObject({
        status: 'conflict',
        server: { value: { kind: 'number', value: 650 }, note: 'vụ Đông Xuân', version: fix.version, updatedBy: 'Cán bộ Văn phòng – Thống kê' },
      })
      expect(await cellRows('T2', 'LUA_SL')).toEqual([{ data: { kind: 'number', value: 650 }, version: fix.version }])
      // Choosing their own value means a new mutation based on the server's version.
      const resolved = await t2.push(C, [t2.value({ unit: 'T2', indicator: 'LUA_SL', value: { kind: 'number', value: 610 }, baseVersion: fix.version })])
      expect(resolved.outcomes[0]).toMatchObject({ status: 'applied' })
    })

    it('converges without a conflict when a stale edit carries the value the server already has', async () => {
      const cur = await cellRows('T1', 'LUA_DT')
      const res = await t1.push(C, [t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 120.5 }, baseVersion: 0 })])
      expect(res.outcomes[0]).toEqual({ mutationId: expect.any(String), status: 'applied', version: cur[0]!.version })
    })

    it('rejects what a bad mutation asks without blocking the good ones in the batch', async () => {
      const good = t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 121 }, period: '2024-Q2' })
      const res = await t1.push(C, [
        t1.value({ unit: 'T1', indicator: 'BHYT', value: { kind: 'ratio', numerator: 1200, denominator: 1000 } }),
        t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'ratio', numerator: 1, denominator: 2 } }),
        t1.value({ unit: 'T1', indicator: 'LUA_NS', value: { kind: 'number', value: 60 } }),
        t1.value({ unit: 'T1', indicator: 'ANTT', value: { kind: 'yes_no', achieved: true } }),
        t1.value({ unit: 'T1', indicator: 'NOPE', value: { kind: 'number', value: 1 } }),
        t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 }, period: '2031-Q1' }),
        { kind: 'value', mutationId: 'broken-1', unit: 'T1' },
        { ...t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 } }), value: { kind: 'number', value: 1e300 } },
        good,
      ])
      const summary = res.outcomes.map((o) => (o.status === 'rejected' ? o.code : o.status))
      expect(summary).toEqual(['invalid', 'invalid', 'invalid', 'not_assigned', 'not_found', 'not_found', 'invalid', 'invalid', 'applied'])
      for (const o of res.outcomes.filter((x): x is Extract<MutationOutcome, { status: 'rejected' }> => x.status === 'rejected')) {
        expect(o.message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýộệếềểễấầẩẫậắằẳẵặ]/i)
      }
      expect(res.outcomes[6]).toMatchObject({ mutationId: 'broken-1' })
      expect(await cellRows('T1', 'LUA_DT', '2024-Q2')).toHaveLength(1)
    })
  })

  describe('reports and periods', () => {
    it('refuses edits to a locked period with the officer’s reason, and accepts them once reopened', async () => {
      const lock = await officer.request('PATCH', `/api/communes/${C}/periods/2024-Q3`, { locked: true, lockReason: 'Đã tổng hợp gửi huyện' })
      expect(lock.statusCode).toBe(200)
      const m = t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 5 }, period: '2024-Q3' })
      const res = await t1.push(C, [m])
      expect(res.outcomes[0]).toMatchObject({ status: 'rejected', code: 'period_locked' })
      expect((res.outcomes[0] as { message: string }).message).toContain('Đã tổng hợp gửi huyện')
      await officer.request('PATCH', `/api/communes/${C}/periods/2024-Q3`, { locked: false })
      // The rejected mutation keeps its recorded outcome; the phone resends the edit as a new mutation.
      expect((await t1.push(C, [m])).outcomes[0]).toMatchObject({ status: 'duplicate', original: { status: 'rejected' } })
      expect((await t1.push(C, [{ ...m, mutationId: mid() }])).outcomes[0]).toMatchObject({ status: 'applied' })
    })

    it('walks a report through submit, return, fix, resubmit and approve, and refuses edits once approved', async () => {
      const q = '2024-Q4'
      const put = (value: number, base = 0) => t2.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value }, period: q, baseVersion: base })
      const first = await t2.push(C, [put(80)])
      const v1 = (first.outcomes[0] as { version: number }).version
      const submit = await t2.push(C, [{ kind: 'report', mutationId: mid(), deviceId: t2.deviceId, unit: 'T2', period: q, action: 'submit', baseVersion: v1, clientTime: '2024-12-31T00:00:00Z' }])
      expect(submit.outcomes[0]).toMatchObject({ status: 'applied' })
      // Submitted: waiting for review, edits are refused until recalled or returned.
      expect((await t2.push(C, [put(81, v1)])).outcomes[0]).toMatchObject({ status: 'rejected', code: 'report_submitted' })
      const ret = await officer.request('POST', `/api/communes/${C}/reports/T2/${q}/decision`, { action: 'return', reason: 'Diện tích lúa chưa khớp số liệu địa chính' })
      expect(ret.json()).toMatchObject({ status: 'returned' })
      const fixed = await t2.push(C, [put(85, v1)])
      expect(fixed.outcomes[0]).toMatchObject({ status: 'applied' })
      const report = async () => (await t2.pull(C, 0)).reports.find((r) => r.unit === 'T2' && r.period === q)!
      expect(await report()).toMatchObject({ status: 'returned', returnReason: 'Diện tích lúa chưa khớp số liệu địa chính' })
      const resubmit = await t2.push(C, [{ kind: 'report', mutationId: mid(), deviceId: t2.deviceId, unit: 'T2', period: q, action: 'submit', baseVersion: (await report()).version, clientTime: '2025-01-02T00:00:00Z' }])
      expect(resubmit.outcomes[0]).toMatchObject({ status: 'applied' })
      expect((await officer.request('POST', `/api/communes/${C}/reports/T2/${q}/decision`, { action: 'approve' })).json()).toMatchObject({ status: 'approved' })
      const late = await t2.push(C, [put(90, (fixed.outcomes[0] as { version: number }).version)])
      expect(late.outcomes[0]).toMatchObject({ status: 'rejected', code: 'report_approved' })
      // Deciding twice is refused with the reason.
      const again = await officer.request('POST', `/api/communes/${C}/reports/T2/${q}/decision`, { action: 'approve' })
      expect(again.statusCode).toBe(409)
      expect(again.json()).toMatchObject({ code: 'invalid_transition' })
      // The officer can reopen an approved report, with a reason.
      expect((await officer.request('POST', `/api/communes/${C}/reports/T2/${q}/decision`, { action: 'reopen', reason: 'Huyện yêu cầu bổ sung' })).json()).toMatchObject({ status: 'returned' })
    })

    it('lets a reporter recall a submitted report to fix it', async () => {
      const q = '2024-Y'
      const sent = await t1.push(C, [
        t1.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 10 }, period: q }),
        { kind: 'report', mutationId: mid(), deviceId: t1.deviceId, unit: 'T1', period: q, action: 'submit', baseVersion: 0, clientTime: '2024-06-30T00:00:00Z' },
      ])
      expect(sent.outcomes.map((o) => o.status)).toEqual(['applied', 'applied'])
      const recall = await t1.push(C, [{ kind: 'report', mutationId: mid(), deviceId: t1.deviceId, unit: 'T1', period: q, action: 'recall', baseVersion: sent.version, clientTime: '2024-06-30T01:00:00Z' }])
      expect(recall.outcomes[0]).toMatchObject({ status: 'applied' })
      expect((await t1.pull(C, sent.version)).reports).toEqual([expect.objectContaining({ unit: 'T1', period: q, status: 'draft' })])
    })
  })

  describe('pull', () => {
    it('returns every change above the cursor in pages of whole versions, and nothing twice', async () => {
      const all = await officer.pullAll(C, 0)
      const paged = await officer.pullAll(C, 0, 3)
      expect(paged.cursor).toBe(all.cursor)
      expect(paged.pages.length).toBeGreaterThan(2)
      const key = (v: { unit: string; period: string; indicator: string }) => `${v.unit}/${v.period}/${v.indicator}`
      const pagedValues = paged.pages.flatMap((p) => p.values)
      // A cell may appear in two pages when it changed in both; its last version is what counts.
      const latest = new Map<string, number>()
      for (const v of pagedValues) latest.set(key(v), Math.max(latest.get(key(v)) ?? 0, v.version))
      expect(new Map(all.pages.flatMap((p) => p.values).map((v) => [key(v), v.version]))).toEqual(latest)
      for (const p of paged.pages) for (const v of p.values) expect(v.version).toBeLessThanOrEqual(p.cursor)
      // The first page carries the plan, units and periods.
      expect(all.pages[0]!.plans[0]!.plan).toMatchObject({ year: 2024 })
      expect(all.pages[0]!.periods.map((p) => p.code)).toContain('2024-Q1')
      expect(await officer.pull(C, all.cursor)).toEqual({ cursor: all.cursor, more: false, values: [], reports: [], periods: [], units: [], plans: [] })
    })

    it('leaves out the values of the versions a phone says its own pushes wrote (skip), and nothing else', async () => {
      // Based on each cell's version now (other tests wrote some of them), with values none has.
      const at = async (unit: string, indicator: string) => ({ unit, indicator, period: '2024-Q3', baseVersion: (await cellRows(unit, indicator, '2024-Q3'))[0]?.version ?? 0 })
      const before = (await t1.pullAll(C, 0)).cursor
      const mine = await t1.push(C, [t1.value({ ...(await at('T1', 'LUA_DT')), value: { kind: 'number', value: 1011 } })])
      expect(mine).toMatchObject({ written: true, version: before + 1 })
      // Another device's write in between: never left out.
      const other = await t2.push(C, [t2.value({ ...(await at('T2', 'LUA_DT')), value: { kind: 'number', value: 1012 } })])
      const again = await t1.push(C, [t1.value({ ...(await at('T1', 'LUA_SL')), value: { kind: 'number', value: 1013 } })])
      // A push that wrote nothing (a value the server already has): the version it answers is not its own.
      expect(await t1.push(C, [t1.value({ ...(await at('T1', 'LUA_SL')), value: { kind: 'number', value: 1013 } })])).toMatchObject({ written: false, version: again.version })
      const res = await officer.request('GET', `/api/communes/${C}/sync/pull?cursor=${before}&skip=${mine.version},${again.version}`)
      expect(res.statusCode).toBe(200)
      const page = res.json<PullResponse>()
      expect(page.values.map((v) => [v.unit, v.indicator, v.version])).toEqual([['T2', 'LUA_DT', other.version]])
      // Without skip, all three; the reports of those versions come either way.
      const whole = await officer.pull(C, before)
      expect(whole.values.map((v) => v.version)).toEqual([mine.version, other.version, again.version])
      expect(page.reports).toEqual(whole.reports)
      expect(page.cursor).toBe(whole.cursor)
    })

    it('refuses a skip that is not a short list of versions', async () => {
      for (const skip of ['a', '1,,2', '-1', Array.from({ length: 33 }, (_, i) => i + 1).join(','), '1\u0000']) {
        const res = await t1.request('GET', `/api/communes/${C}/sync/pull?cursor=0&skip=${encodeURIComponent(skip)}`)
        expect(res.statusCode).toBe(400)
        expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) })
      }
    })

    it('refuses a cursor ahead of the server', async () => {
      const res = await t1.request('GET', `/api/communes/${C}/sync/pull?cursor=999999999`)
      expect(res.statusCode).toBe(409)
      expect(res.json()).toMatchObject({ code: 'cursor_ahead' })
    })

    it('never skips a change committed late by a concurrent writer', async () => {
      const { cursor: start } = await officer.pullAll(C, 0)
      const communeId = Number((await s.db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [C])).rows[0]!.id)
      // A second instance over the same database that counts the calls it makes, so the test
      // knows when the push and the pull have reached the database: no sleeps.
      let calls = 0
      let onCall = (): void => undefined
      const count = () => {
        calls++
        onCall()
      }
      const watched: Db = {
        kind: s.db.kind,
        query: (sql, params) => (count(), s.db.query(sql, params)),
        exec: (sql) => s.db.exec(sql),
        transaction: (fn, opts) => (count(), s.db.transaction(fn, opts)),
        withLock: (key, fn) => s.db.withLock(key, fn),
        close: async () => undefined,
      }
      const other = await buildApp({ config: readConfig({}), db: watched, logger: false, clock: () => s.clock.now })
      const via = (agent: Agent, method: 'GET' | 'POST', url: string, payload?: object) => other.inject({ method, url, headers: { cookie: agent.cookie }, ...(payload ? { payload } : {}) })
      let release!: () => void
      const held = new Promise<void>((r) => (release = r))
      let slowVersion = 0
      let writing!: () => void
      const written = new Promise<void>((r) => (writing = r))
      // A slow writer: takes its version, writes, and waits before committing.
      const slow = s.db.transaction(async (tx) => {
        slowVersion = await bumpVersion(tx, communeId)
        await tx.query(
          `UPDATE cell_values SET data = '{"kind":"number","value":4242}', version = $1
            WHERE unit_id = (SELECT id FROM units WHERE commune_id = $2 AND code = 'T1')
              AND indicator_id = (SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.commune_id = $2 AND i.code = 'LUA_DT')
              AND period_id = (SELECT id FROM periods WHERE commune_id = $2 AND code = '2024-Q1')`,
          [slowVersion, communeId],
        )
        writing()
        await held
      })
      await written
      // Meanwhile another device pushes (it queues behind the slow writer) and a client pulls.
      const bothReached = new Promise<void>((r) => (onCall = () => calls >= 2 && r()))
      const fast = via(t2, 'POST', `/api/communes/${C}/sync/push`, { deviceId: t2.deviceId, mutations: [t2.value({ unit: 'T2', indicator: 'BHYT', value: { kind: 'ratio', numerator: 500, denominator: 510 }, period: '2024-Q2' })] })
      const during = via(officer, 'GET', `/api/communes/${C}/sync/pull?cursor=${start}`)
      await bothReached
      let duringRes: PullResponse
      if (s.db.kind === 'postgres') {
        // PostgreSQL: the pull reads its snapshot without waiting for the writer; it must see
        // nothing of the uncommitted version, and it answers while the writer still holds it.
        duringRes = (await during).json<PullResponse>()
        expect(duringRes.cursor).toBeLessThan(slowVersion)
        release()
      } else {
        // PGlite runs one transaction at a time: the pull queues behind the writer and must see
        // everything the writer committed before it.
        release()
        duringRes = (await during).json<PullResponse>()
        expect(duringRes.cursor).toBeGreaterThanOrEqual(slowVersion)
      }
      await slow
      const fastRes = (await fast).json<PushResponse>()
      await other.close()
      // Whatever the pull saw, it saw no version above its cursor…
      expect(duringRes.cursor).toBeLessThanOrEqual(fastRes.version)
      expect(duringRes.values.every((x) => x.version <= duringRes.cursor)).toBe(true)
      // …and pulling on from its cursor brings both changes, each once: nothing skipped.
      const after = await officer.pullAll(C, duringRes.cursor)
      const seen = [...duringRes.values, ...after.pages.flatMap((p) => p.values)]
      expect(seen.filter((x) => x.unit === 'T1' && x.indicator === 'LUA_DT' && x.period === '2024-Q1' && x.version === slowVersion)).toEqual([
        expect.objectContaining({ value: { kind: 'number', value: 4242 } }),
      ])
      expect(seen.filter((x) => x.unit === 'T2' && x.indicator === 'BHYT' && x.period === '2024-Q2' && x.version === fastRes.version)).toHaveLength(1)
      expect(fastRes.version).toBe(slowVersion + 1)
    })
  })

  describe('authorisation', () => {
    it('keeps a village head to their own unit, for writing and for reading', async () => {
      const res = await t1.push(C, [t1.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 1 }, period: '2024-Q2' })])
      expect(res.outcomes[0]).toMatchObject({ status: 'rejected', code: 'forbidden' })
      const pulled = await t1.pullAll(C, 0)
      const units = new Set(pulled.pages.flatMap((p) => [...p.values, ...p.reports].map((v) => v.unit)))
      expect([...units]).toEqual(['T1'])
      expect(pulled.pages.flatMap((p) => p.units).map((u) => u.code)).toEqual(['T1'])
      const reports = await t1.request('GET', `/api/communes/${C}/reports`)
      expect(reports.json<{ unit: string }[]>().every((r) => r.unit === 'T1')).toBe(true)
    })

    it('hides commune X from commune Y exactly like a commune that does not exist', async () => {
      const other = await s.login('xa-khac.canbo')
      for (const url of [`/api/communes/${C}/sync/pull?cursor=0`, `/api/communes/${C}/plan`, `/api/communes/${C}/reports`, '/api/communes/khong-co/plan']) {
        const res = await other.request('GET', url)
        expect(res.statusCode, url).toBe(404)
        expect(res.json()).toEqual({ code: 'not_found', key: 'commune_not_found', message: 'Không tìm thấy xã/phường' })
      }
      const push = await other.request('POST', `/api/communes/${C}/sync/push`, { deviceId: other.deviceId, mutations: [other.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 } })] })
      expect(push.statusCode).toBe(404)
      expect((await other.request('GET', '/api/communes')).json<{ code: string }[]>().map((c) => c.code)).toEqual(['xa-khac'])
    })

    it('lets a leader read but not write', async () => {
      const leader = await s.login(`${C}.lanhdao`)
      expect((await leader.request('GET', `/api/communes/${C}/sync/pull?cursor=0`)).statusCode).toBe(200)
      const push = await leader.request('POST', `/api/communes/${C}/sync/push`, { deviceId: leader.deviceId, mutations: [leader.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 1 } })] })
      expect(push.statusCode).toBe(403)
      expect((await leader.request('PATCH', `/api/communes/${C}/periods/2024-Q1`, { locked: true })).statusCode).toBe(403)
      expect((await leader.request('POST', `/api/communes/${C}/reports/T1/2024-Q1/decision`, { action: 'approve' })).statusCode).toBe(403)
    })

    it('refuses report decisions and period locks to village heads', async () => {
      expect((await t1.request('PATCH', `/api/communes/${C}/periods/2024-Q1`, { locked: true })).statusCode).toBe(403)
      expect((await t1.request('POST', `/api/communes/${C}/reports/T1/2024-Q1/decision`, { action: 'approve' })).statusCode).toBe(403)
    })
  })

  describe('audit', () => {
    it('records who, which device, when, old → new and the mutationId of every value change', async () => {
      const m1 = t1.value({ unit: 'T1', indicator: 'BHYT', period: '2024-Q3', value: { kind: 'ratio', numerator: 90, denominator: 100 } })
      const r1 = await t1.push(C, [m1])
      const m2 = t1.value({ unit: 'T1', indicator: 'BHYT', period: '2024-Q3', value: { kind: 'ratio', numerator: 95, denominator: 100 }, baseVersion: r1.version })
      await t1.push(C, [m2])
      const rows = (
        await s.db.query<{ mutation_id: string; device_id: string; username: string; old: unknown; new: unknown; at: Date }>(
          `SELECT a.mutation_id, a.device_id, u.username, a.old, a.new, a.at FROM audit a JOIN users u ON u.id = a.user_id
            WHERE a.entity = 'value' AND a.mutation_id = ANY($1::text[]) ORDER BY a.id`,
          [[m1.mutationId, m2.mutationId]],
        )
      ).rows
      expect(rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))).toEqual([
        { mutation_id: m1.mutationId, device_id: t1.deviceId, username: `${C}.t1`, old: null, new: { value: m1.value, note: null }, at: s.clock.now.toISOString() },
        { mutation_id: m2.mutationId, device_id: t1.deviceId, username: `${C}.t1`, old: { value: m1.value, note: null, version: r1.version }, new: { value: m2.value, note: null }, at: s.clock.now.toISOString() },
      ])
    })
  })

  describe('property: replayed, reordered and duplicated pushes give the same rows', () => {
    it('holds for random batches replayed in random order', async () => {
      let n = 0
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fc.constantFrom('T1', 'T2'), fc.constantFrom('2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'), fc.constantFrom('LUA_DT', 'LUA_SL')), { minLength: 1, maxLength: 12, selector: (t) => t.join('/') }),
          fc.integer({ min: 1, max: 4 }),
          fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          async (cells, batchCount, replays) => {
            const code = `prop-${factory.name}-${n++}`
            await seedPlanFile(s.db, fixtureFile(code))
            const agent = await s.login(`${code}.canbo`)
            const mutations = cells.map(([unit, period, indicator], i) => agent.value({ unit, period, indicator, value: { kind: 'number', value: i + 0.5 } }))
            const batches = Array.from({ length: batchCount }, (_, b) => mutations.filter((_, i) => i % batchCount === b)).filter((b) => b.length > 0)
            for (const b of batches) await agent.push(code, b)
            const snapshot = async () =>
              (
                await s.db.query(
                  `SELECT u.code AS unit, p.code AS period, i.code AS indicator, c.data, c.version,
                          (SELECT count(*)::int FROM audit a WHERE a.commune_id = c.commune_id) AS audits,
                          (SELECT version FROM communes WHERE id = c.commune_id) AS head
                     FROM cell_values c JOIN units u ON u.id = c.unit_id JOIN periods p ON p.id = c.period_id JOIN indicators i ON i.id = c.indicator_id
                    WHERE c.commune_id = (SELECT id FROM communes WHERE code = $1) ORDER BY 1, 2, 3`,
                  [code],
                )
              ).rows
            const once = await snapshot()
            expect(once).toHaveLength(cells.length)
            // Replay batches (some twice, in any order, some merged) after "lost responses".
            for (const r of replays) {
              const b = batches[r % batches.length]!
              const merged = r % 3 === 0 ? [...b, ...mutations.slice(0, 2)] : [...b].reverse()
              const res = await agent.push(code, merged)
              expect(res.outcomes.every((o) => o.status === 'duplicate')).toBe(true)
            }
            expect(await snapshot()).toEqual(once)
          },
        ),
        { numRuns: 6 },
      )
    }, 120_000)
  })
})
