// Ingest caches each commune's units, periods and indicators per `communes.structure_version`,
// which triggers bump on any write of those rows (migration 005). Whoever changes the structure
// (another server instance, a script, code that forgot bumpVersion), the next push sees it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/server/auth/actor'
import type { Db } from '../../src/server/db/types'
import { ingest } from '../../src/server/sync/ingest'
import type { MutationOutcome, ValueMutation } from '../../src/shared/protocol'
import { DATABASES, fixtureFile, mid, officerActor, startServer, type TestServer } from './harness'

const C = 'xa-dem'
const DEVICE = 'dev-cache-0001'

describe.each(DATABASES)('ingest structure cache on $name', (factory) => {
  let s: TestServer
  let communeId: number
  let officer: Actor
  const now = new Date('2024-05-10T08:00:00Z')

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
    ;({ communeId, officer } = await officerActor(s.db, C, DEVICE, now))
  }, 60_000)
  afterAll(() => s?.close())

  const value = (over: Partial<ValueMutation>): ValueMutation => ({
    kind: 'value',
    mutationId: mid(),
    deviceId: DEVICE,
    unit: 'T1',
    period: '2024-Q1',
    indicator: 'LUA_DT',
    value: { kind: 'number', value: 1 },
    baseVersion: 0,
    clientTime: '2024-04-02T03:04:05.000Z',
    ...over,
  })
  const push = async (db: Db, m: ValueMutation): Promise<MutationOutcome> => (await ingest(db, officer, communeId, [m], now)).outcomes[0]!
  const summary = (o: MutationOutcome): string => (o.status === 'rejected' ? o.code : o.status)

  it('sees a period locked, a unit closed and an indicator removed behind its back', async () => {
    // Two server instances on one database: each its own cache.
    const a = s.db
    const b: Db = { ...s.db }
    expect(summary(await push(a, value({ period: '2024-Q1' })))).toBe('applied')
    expect(summary(await push(b, value({ period: '2024-Q1', indicator: 'LUA_SL' })))).toBe('applied')

    // Written straight in SQL, without bumping the commune version: the triggers still count it.
    await s.db.query("UPDATE periods SET locked = true, lock_reason = 'Đã tổng hợp' WHERE commune_id = $1 AND code = '2024-Q1'", [communeId])
    expect(summary(await push(a, value({ period: '2024-Q1', value: { kind: 'number', value: 2 } })))).toBe('period_locked')
    expect(summary(await push(b, value({ period: '2024-Q1', value: { kind: 'number', value: 3 } })))).toBe('period_locked')

    await s.db.query("UPDATE units SET active = false WHERE commune_id = $1 AND code = 'T2'", [communeId])
    expect(summary(await push(a, value({ unit: 'T2', period: '2024-Q2' })))).toBe('not_found')

    await s.db.query("UPDATE indicators SET deleted = true WHERE code = 'LUA_SL' AND plan_id IN (SELECT id FROM plans WHERE commune_id = $1)", [communeId])
    expect(summary(await push(b, value({ period: '2024-Q2', indicator: 'LUA_SL' })))).toBe('not_found')

    // And the way back: reopened, the period takes values again on both instances.
    await s.db.query("UPDATE periods SET locked = false, lock_reason = NULL WHERE commune_id = $1 AND code = '2024-Q1'", [communeId])
    const cell = await s.db.query<{ version: number }>(
      "SELECT c.version FROM cell_values c JOIN indicators i ON i.id = c.indicator_id JOIN periods p ON p.id = c.period_id WHERE c.commune_id = $1 AND i.code = 'LUA_DT' AND p.code = '2024-Q1'",
      [communeId],
    )
    expect(summary(await push(a, value({ period: '2024-Q1', value: { kind: 'number', value: 4 }, baseVersion: Number(cell.rows[0]!.version) })))).toBe('applied')
  })

  // Defined for PostgreSQL only, not skipped on PGlite: PGlite runs one transaction at a time, so
  // there no push's write ever waits for the commune row while another writer commits, and the
  // case cannot arise (ingestGuard.test.ts makes the guard fail on both, between read and write).
  const onPostgres = factory.name === 'postgres' ? it : () => undefined
  onPostgres('decides again when a writer committed while its write waited for the commune row', async () => {
    const cellVersion = async (period: string): Promise<number> =>
      Number(
        (
          await s.db.query<{ version: number }>(
            "SELECT c.version FROM cell_values c JOIN indicators i ON i.id = c.indicator_id JOIN periods p ON p.id = c.period_id JOIN units u ON u.id = c.unit_id WHERE c.commune_id = $1 AND i.code = 'LUA_DT' AND p.code = $2 AND u.code = 'T1'",
            [communeId, period],
          )
        ).rows[0]?.version ?? 0,
      )
    const waiting = async (): Promise<void> => {
      for (let i = 0; i < 200; i++) {
        const r = await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%xmin::text = $5%'")
        if (Number(r.rows[0]!.n) > 0) return
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      throw new Error('the push never waited for the commune row')
    }
    const hold = async (work: (tx: import('../../src/server/db/types').Queryable) => Promise<void>, during: () => Promise<MutationOutcome>): Promise<MutationOutcome> => {
      let release!: () => void
      const gate = new Promise<void>((resolve) => (release = resolve))
      let locked!: () => void
      const lockTaken = new Promise<void>((resolve) => (locked = resolve))
      const writer = s.db.transaction(async (tx) => {
        await tx.query('UPDATE communes SET version = version + 1 WHERE id = $1', [communeId])
        await work(tx)
        locked()
        await gate
      })
      await lockTaken
      const pushed = during()
      await waiting()
      release()
      await writer
      return pushed
    }

    // A cell changed by another writer while the push waited: a conflict, not a lost update.
    expect(summary(await push(s.db, value({ period: '2024-Q3', value: { kind: 'number', value: 10 } })))).toBe('applied')
    const base = await cellVersion('2024-Q3')
    const outcome = await hold(
      async (tx) => {
        await tx.query(
          `UPDATE cell_values SET data = '{"kind":"number","value":11}', version = (SELECT version FROM communes WHERE id = $1)
            WHERE commune_id = $1 AND unit_id = (SELECT id FROM units WHERE commune_id = $1 AND code = 'T1')
              AND period_id = (SELECT id FROM periods WHERE commune_id = $1 AND code = '2024-Q3')
              AND indicator_id = (SELECT i.id FROM indicators i JOIN plans p ON p.id = i.plan_id WHERE p.commune_id = $1 AND i.code = 'LUA_DT')`,
          [communeId],
        )
      },
      () => push(s.db, value({ period: '2024-Q3', value: { kind: 'number', value: 12 }, baseVersion: base })),
    )
    expect(outcome).toMatchObject({ status: 'conflict', server: { value: { kind: 'number', value: 11 } } })

    // Outcomes recorded by another push meanwhile: answered as a duplicate, never a 5xx.
    const m = value({ period: '2024-Q3', indicator: 'LUA_NS' })
    const again = await hold(
      async (tx) => {
        await tx.query(`INSERT INTO mutations (mutation_id, commune_id, user_id, device_id, outcome) VALUES ($1, $2, $3, $4, $5)`, [
          m.mutationId,
          communeId,
          officer.userId,
          DEVICE,
          JSON.stringify({ mutationId: m.mutationId, status: 'rejected', code: 'invalid', message: 'x' }),
        ])
      },
      () => push(s.db, m),
    )
    expect(again).toMatchObject({ status: 'duplicate', original: { status: 'rejected' } })
  })

  it('sees a period deleted and a unit added', async () => {
    await s.db.query(
      "INSERT INTO periods (commune_id, code, kind, year, starts_on, ends_on, deadline, version) VALUES ($1, '2024-M05', 'month', 2024, '2024-05-01', '2024-05-31', '2024-06-05', 1)",
      [communeId],
    )
    expect(summary(await push(s.db, value({ period: '2024-M05' })))).toBe('applied')
    await s.db.query("INSERT INTO periods (commune_id, code, kind, year, starts_on, ends_on, deadline, version) VALUES ($1, '2024-M06', 'month', 2024, '2024-06-01', '2024-06-30', '2024-07-05', 1)", [communeId])
    // The cache now holds 2024-M06 (a computed indicator is refused once the period is found).
    expect(summary(await push(s.db, value({ period: '2024-M06', indicator: 'LUA_NS' })))).toBe('invalid')
    // Deleted: a value for it is refused, not written against a period that is gone (a 5xx).
    await s.db.query("DELETE FROM periods WHERE commune_id = $1 AND code = '2024-M06'", [communeId])
    expect(summary(await push(s.db, value({ period: '2024-M06' })))).toBe('not_found')
    await s.db.query("INSERT INTO units (commune_id, code, name, kind, version) VALUES ($1, 'T9', 'Thôn 9', 'thon', 1)", [communeId])
    expect(summary(await push(s.db, value({ unit: 'T9', period: '2024-Q2' })))).toBe('applied')
  })
})
