import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sealBackup, type BackupFile } from '../../src/shared/backup'
import { DATABASES, fixtureFile, startServer, type Agent, type TestServer } from './harness'

const C = 'xa-thu'
const sha256 = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

describe.each(DATABASES)('backup import on $name', (factory) => {
  let s: TestServer
  let head: Agent
  let officer: Agent
  let backup: BackupFile

  beforeAll(async () => {
    s = await startServer(factory, [fixtureFile(C), fixtureFile('xa-khac')])
    ;[head, officer] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.canbo`)])
    // Weeks offline: more changes than one push carries.
    const mutations = Array.from({ length: 620 }, (_, i) =>
      head.value({ unit: 'T1', indicator: i % 2 ? 'LUA_DT' : 'LUA_SL', period: ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4'][i % 4]!, value: { kind: 'number', value: i } }),
    )
    // Four cells edited over and over, each edit based on version 0: the first of each cell applies,
    // the later ones conflict (the phone rebases them as it syncs; a file cannot), and say so.
    backup = await sealBackup(
      { format: 'thi-dua.backup/1', commune: C, deviceId: head.deviceId, user: { username: `${C}.t1`, displayName: 'Trưởng thôn 1' }, createdAt: '2024-05-01T00:00:00.000Z', mutations },
      sha256,
    )
  }, 60_000)
  afterAll(() => s?.close())

  const upload = (agent: Agent, body: unknown, commune = C) => agent.request('POST', `/api/communes/${commune}/sync/import`, body)

  it('applies a phone’s backup through the ingest, in batches, and a second upload changes nothing', async () => {
    const first = await upload(officer, backup)
    expect(first.statusCode, first.body).toBe(200)
    const body = first.json<{ counts: Record<string, number>; outcomes: unknown[] }>()
    expect(body.outcomes).toHaveLength(620)
    expect(body.counts.applied).toBe(4)
    expect(body.counts.conflict).toBe(616)
    const audit = async () => Number((await s.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit WHERE entity = 'value'")).rows[0]!.n)
    const before = await audit()
    const again = await upload(officer, backup)
    expect(again.json<{ counts: Record<string, number> }>().counts).toEqual({ applied: 0, duplicate: 620, conflict: 0, rejected: 0 })
    expect(await audit()).toBe(before)
    // Audited under the phone's device and its own user, with the officer who uploaded it beside them.
    const row = (
      await s.db.query<{ device_id: string; username: string; imported_by: string }>(
        "SELECT a.device_id, u.username, o.username AS imported_by FROM audit a JOIN users u ON u.id = a.user_id JOIN users o ON o.id = a.imported_by WHERE a.entity = 'value' ORDER BY a.id DESC LIMIT 1",
      )
    ).rows[0]
    expect(row).toEqual({ device_id: head.deviceId, username: `${C}.t1`, imported_by: `${C}.canbo` })
    // The conflicts' outcomes are stored under the same names; an applied one is kept on its audit row.
    const recorded = (await s.db.query<{ username: string; imported_by: string }>('SELECT u.username, o.username AS imported_by FROM mutations m JOIN users u ON u.id = m.user_id JOIN users o ON o.id = m.imported_by LIMIT 1')).rows[0]
    expect(recorded).toEqual({ username: `${C}.t1`, imported_by: `${C}.canbo` })
    const kept = (await s.db.query<{ audit: number; mutations: number }>("SELECT (SELECT count(*)::int FROM audit WHERE entity = 'value' AND version IS NOT NULL) AS audit, (SELECT count(*)::int FROM mutations) AS mutations")).rows[0]
    expect(kept).toEqual({ audit: 4, mutations: 616 })
    // And the API says so: the cell's history and the commune's change log name both.
    const history = await officer.request('GET', `/api/communes/${C}/history?unit=T1&period=2024-Q1&indicator=LUA_SL`)
    expect(history.json<unknown[]>()[0]).toMatchObject({ user: { username: `${C}.t1` }, importedBy: { username: `${C}.canbo`, displayName: 'Cán bộ Văn phòng – Thống kê' }, deviceId: head.deviceId })
    const feed = await officer.request('GET', `/api/communes/${C}/audit?entity=value&limit=1`)
    expect(feed.json<unknown[]>()[0]).toMatchObject({ user: { username: `${C}.t1` }, importedBy: { username: `${C}.canbo` } })
  })

  describe('the file is authorised as its own user and device, never with the officer’s rights', () => {
    const seal = (over: Partial<BackupFile>, mutations: unknown[]) =>
      sealBackup({ format: 'thi-dua.backup/1', commune: C, deviceId: head.deviceId, user: { username: `${C}.t1`, displayName: 'Trưởng thôn 1' }, createdAt: '2024-05-01T00:00:00.000Z', mutations: mutations as BackupFile['mutations'], ...over }, sha256)
    const cells = async () => Number((await s.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cell_values')).rows[0]!.n)

    it('rejects the mutations of a unit the file’s user may not write, and applies the others', async () => {
      const own = head.value({ unit: 'T1', indicator: 'LUA_DT', period: '2024-Q3', value: { kind: 'number', value: 7 }, baseVersion: 1 })
      const foreign = head.value({ unit: 'T2', indicator: 'LUA_DT', period: '2024-Q1', value: { kind: 'number', value: 999 } })
      const res = await upload(officer, await seal({}, [foreign, own]))
      expect(res.statusCode, res.body).toBe(200)
      const outcomes = res.json<{ outcomes: { status: string; code?: string }[] }>().outcomes
      expect(outcomes[0]).toMatchObject({ status: 'rejected', code: 'forbidden' })
      expect(outcomes[1]!.status).not.toBe('rejected')
      const t2 = await s.db.query("SELECT 1 FROM cell_values c JOIN units u ON u.id = c.unit_id WHERE u.code = 'T2'")
      expect(t2.rows).toEqual([])
    })

    it('refuses a file that names the officer (or anyone) as its user from a device that user never signed in on', async () => {
      const before = await cells()
      const forged = await seal({ user: { username: `${C}.canbo`, displayName: 'Cán bộ' } }, [head.value({ unit: 'T2', indicator: 'LUA_DT', value: { kind: 'number', value: 5 } })])
      const res = await upload(officer, forged)
      expect(res.statusCode).toBe(400)
      expect(res.json()).toMatchObject({ code: 'unknown_device', message: expect.any(String) })
      expect(await cells()).toBe(before)
    })

    it('refuses a file without its user, or with a user of another commune', async () => {
      const m = [head.value({ unit: 'T1', indicator: 'LUA_DT', value: { kind: 'number', value: 5 } })]
      const anonymous = await upload(officer, await seal({ user: null }, m))
      expect(anonymous.statusCode).toBe(400)
      expect(anonymous.json()).toMatchObject({ code: 'invalid_backup' })
      const stranger = await upload(officer, await seal({ user: { username: 'xa-khac.canbo', displayName: 'Cán bộ xã khác' } }, m))
      expect(stranger.statusCode).toBe(400)
      expect(stranger.json()).toMatchObject({ code: 'unknown_user' })
    })

    it('rejects a mutation made on another device than the file’s', async () => {
      const other = head.value({ unit: 'T1', indicator: 'LUA_SL', period: '2024-Q4', value: { kind: 'number', value: 3 }, deviceId: 'dev-someone-else' })
      const res = await upload(officer, await seal({}, [other]))
      expect(res.json<{ outcomes: { status: string; code?: string }[] }>().outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid' })
    })
  })

  it('refuses a tampered file, another commune’s file, and a village head uploading, writing nothing', async () => {
    const tampered = { ...backup, mutations: backup.mutations.map((m, i) => (i === 0 ? { ...m, value: { kind: 'number', value: 999 } } : m)) }
    const bad = await upload(officer, tampered)
    expect(bad.statusCode).toBe(400)
    expect(bad.json()).toMatchObject({ code: 'invalid_backup', message: expect.stringContaining('mã kiểm tra') })
    const other = await s.login('xa-khac.canbo')
    const wrong = await upload(other, backup, 'xa-khac')
    expect(wrong.json()).toMatchObject({ code: 'wrong_commune' })
    expect((await upload(head, backup)).statusCode).toBe(403)
    expect((await upload(officer, { format: 'something else' })).json()).toMatchObject({ code: 'invalid_backup' })
  })
})
