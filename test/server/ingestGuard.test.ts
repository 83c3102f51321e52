// A push reads its state without a lock, decides, and writes in one statement guarded by the
// commune row's `xmin` (docs/sync.md, "How the server runs a push"). Here another writer commits
// a write of the commune between a push's read and its write (the ingest's test seam), as another
// server instance or an officer would: the guard fails, nothing of that try is written, and the
// push reads and decides again. Nothing is lost, nothing is written twice, and a commune written
// at every try ends in the commune-locked transaction. On PGlite (one connection) the writer
// runs between the two statements; on PostgreSQL it is another instance on the same database.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../src/server/auth/actor'
import type { Db } from '../../src/server/db/types'
import { bumpVersion } from '../../src/server/db/versions'
import { ingest, ingestHooks } from '../../src/server/sync/ingest'
import type { Mutation, MutationOutcome, RegistrationMutation, ValueMutation } from '../../src/shared/protocol'
import { DATABASES, fixtureFile, mid, officerActor, startServer, type TestServer } from './harness'

const C = 'xa-rao'
const DEVICE = 'dev-guard-0001'
const OTHER_DEVICE = 'dev-guard-0002'

describe.each(DATABASES)('push write guard on $name', (factory) => {
  let s: TestServer
  let communeId: number
  let officer: Actor
  /** A second server instance on the same database: its own structure cache and push queue. */
  let other: Db
  const now = new Date('2024-05-10T08:00:00Z')

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C)])
    ;({ communeId, officer } = await officerActor(s.db, C, DEVICE, now))
    other = { ...s.db }
  }, 60_000)
  afterEach(() => {
    ingestHooks.afterRead = undefined
  })
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
  const push = async (db: Db, m: Mutation, actor: Actor = officer): Promise<MutationOutcome> => (await ingest(db, actor, communeId, [m], now)).outcomes[0]!
  const communeVersion = async (): Promise<number> => Number((await s.db.query<{ version: number }>('SELECT version FROM communes WHERE id = $1', [communeId])).rows[0]!.version)
  const cell = async (period: string, indicator = 'LUA_DT'): Promise<{ value: unknown; version: number } | undefined> => {
    const r = await s.db.query<{ data: unknown; version: number }>(
      `SELECT c.data, c.version FROM cell_values c JOIN indicators i ON i.id = c.indicator_id JOIN periods p ON p.id = c.period_id JOIN units u ON u.id = c.unit_id
        WHERE c.commune_id = $1 AND i.code = $2 AND p.code = $3 AND u.code = 'T1'`,
      [communeId, indicator, period],
    )
    const row = r.rows[0]
    return row ? { value: row.data, version: Number(row.version) } : undefined
  }
  /** Audit rows and stored outcomes of the given mutation ids. */
  const stored = async (ids: string[]): Promise<{ audit: number; mutations: number }> => {
    const r = await s.db.query<{ audit: number; mutations: number }>(
      `SELECT (SELECT count(*)::int FROM audit WHERE mutation_id = ANY($1::text[])) AS audit,
              (SELECT count(*)::int FROM mutations WHERE mutation_id = ANY($1::text[])) AS mutations`,
      [ids],
    )
    return r.rows[0]!
  }
  /**
   * Runs `write` between the read and the write of the push's tries listed; records its tries
   * (not those of a push that `write` makes itself).
   */
  const between = (tries: readonly number[], write: () => Promise<unknown>): number[] => {
    const seen: number[] = []
    let writing = false
    ingestHooks.afterRead = async (commune, attempt) => {
      if (commune !== communeId || writing) return
      seen.push(attempt)
      if (!tries.includes(attempt)) return
      writing = true
      try {
        await write()
      } finally {
        writing = false
      }
    }
    return seen
  }

  it('decides again when another instance wrote the same cell between the read and the write', async () => {
    const before = await communeVersion()
    const mine = value({ period: '2024-Q1', value: { kind: 'number', value: 2 } })
    const theirs = value({ period: '2024-Q1', value: { kind: 'number', value: 3 }, deviceId: OTHER_DEVICE })
    let theirOutcome: MutationOutcome | undefined
    const tries = between([1], async () => {
      theirOutcome = await push(other, theirs)
    })
    const outcome = await push(s.db, mine)
    // The first try's write found the commune row changed, wrote nothing, and the second try
    // saw the other instance's value: a conflict, not a lost update.
    expect(tries).toEqual([1, 2])
    expect(theirOutcome).toEqual({ mutationId: theirs.mutationId, status: 'applied', version: before + 1 })
    expect(outcome).toMatchObject({ status: 'conflict', server: { value: { kind: 'number', value: 3 }, version: before + 1 } })
    expect(await cell('2024-Q1')).toEqual({ value: { kind: 'number', value: 3 }, version: before + 1 })
    // One version, one audit row (theirs); my conflict is stored once, for the replay.
    expect(await communeVersion()).toBe(before + 1)
    expect(await stored([mine.mutationId, theirs.mutationId])).toEqual({ audit: 1, mutations: 1 })
    ingestHooks.afterRead = undefined
    expect(await push(s.db, mine)).toMatchObject({ status: 'duplicate', original: { status: 'conflict', server: { value: { kind: 'number', value: 3 } } } })
  })

  it('answers a duplicate when the same mutation reached another instance meanwhile', async () => {
    const before = await communeVersion()
    const m = value({ period: '2024-Q2', value: { kind: 'number', value: 5 } })
    const tries = between([1], () => push(other, m))
    expect(await push(s.db, m)).toEqual({ mutationId: m.mutationId, status: 'duplicate', original: { mutationId: m.mutationId, status: 'applied', version: before + 1 } })
    expect(tries).toEqual([1, 2])
    expect(await communeVersion()).toBe(before + 1)
    expect(await cell('2024-Q2')).toEqual({ value: { kind: 'number', value: 5 }, version: before + 1 })
    expect(await stored([m.mutationId])).toEqual({ audit: 1, mutations: 0 })
  })

  it('stores a push of outcomes alone once, behind the same guard', async () => {
    // A computed indicator is refused: the push writes its outcome and nothing else.
    const m = value({ period: '2024-Q3', indicator: 'LUA_NS' })
    const tries = between([1], () => s.db.transaction((tx) => bumpVersion(tx, communeId)))
    expect(await push(s.db, m)).toMatchObject({ status: 'rejected', code: 'invalid' })
    expect(tries).toEqual([1, 2])
    expect(await stored([m.mutationId])).toEqual({ audit: 0, mutations: 1 })
    ingestHooks.afterRead = undefined
    expect(await push(s.db, m)).toMatchObject({ status: 'duplicate', original: { status: 'rejected', code: 'invalid' } })
  })

  it('decides a registration again when another instance registered the unit meanwhile', async () => {
    const registration = (over: Partial<RegistrationMutation>): RegistrationMutation => ({
      kind: 'registration',
      mutationId: mid(),
      deviceId: DEVICE,
      unit: 'T1',
      year: 2024,
      action: 'submit',
      content: { collective: ['TDPVH'], people: [], pledges: 'Giữ vững danh hiệu thôn văn hóa.' },
      baseVersion: 0,
      clientTime: '2024-04-02T03:04:05.000Z',
      ...over,
    })
    const before = await communeVersion()
    const theirs = registration({ deviceId: OTHER_DEVICE, content: { collective: ['TDPVH'], people: [], pledges: 'Không có hộ nghèo phát sinh.' } })
    const mine = registration({})
    const tries = between([1], () => push(other, theirs))
    expect(await push(s.db, mine)).toMatchObject({ status: 'conflict', server: { status: 'submitted', version: before + 1 } })
    expect(tries).toEqual([1, 2])
    const r = await s.db.query<{ pledges: string; version: number }>("SELECT content->>'pledges' AS pledges, version FROM registrations WHERE commune_id = $1 AND year = 2024", [communeId])
    expect(r.rows.map((row) => ({ ...row, version: Number(row.version) }))).toEqual([{ pledges: 'Không có hộ nghèo phát sinh.', version: before + 1 }])
    expect(await stored([mine.mutationId, theirs.mutationId])).toEqual({ audit: 1, mutations: 1 })
  })

  it('applies a backup import once when the guard fails under it', async () => {
    const before = await communeVersion()
    const m = value({ period: '2024-Q4', value: { kind: 'number', value: 8 } })
    const tries = between([1], () => s.db.transaction((tx) => bumpVersion(tx, communeId)))
    const res = await ingest(s.db, officer, communeId, [m], now, { importedBy: officer })
    expect(res.outcomes).toEqual([{ mutationId: m.mutationId, status: 'applied', version: before + 2 }])
    expect(tries).toEqual([1, 2])
    const audit = await s.db.query<{ imported_by: number }>('SELECT imported_by FROM audit WHERE mutation_id = $1', [m.mutationId])
    expect(audit.rows.map((row) => Number(row.imported_by))).toEqual([officer.userId])
  })

  it('takes the commune lock when the commune is written at every try', async () => {
    const before = await communeVersion()
    const m = value({ period: '2024-Q1', indicator: 'LUA_SL', value: { kind: 'number', value: 9 } })
    const tries = between([1, 2, 3, 4], () => s.db.transaction((tx) => bumpVersion(tx, communeId)))
    expect(await push(s.db, m)).toEqual({ mutationId: m.mutationId, status: 'applied', version: before + 4 })
    // Three optimistic tries, each beaten by a writer; the fourth runs under the row lock, with
    // no seam to write between its read and its write.
    expect(tries).toEqual([1, 2, 3])
    expect(await communeVersion()).toBe(before + 4)
    expect(await cell('2024-Q1', 'LUA_SL')).toEqual({ value: { kind: 'number', value: 9 }, version: before + 4 })
    expect(await stored([m.mutationId])).toEqual({ audit: 1, mutations: 0 })
  })
})
