// @vitest-environment node
import 'fake-indexeddb/auto'
// A village head's registration for emulation titles on the phone, against the REAL server
// (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): queued offline in the outbox with its
// local state in one transaction, pushed by the sync engine, its outcome applied (applied,
// rejected, conflict), pulled by another device, and the officer's decision pulled back. The only
// double is the wire's faults (a cut connection, a lost answer).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ThiDuaDb } from '../../../src/client/local/db'
import { recallRegistration, registrationView, saveRegistrationDraft, submitRegistration } from '../../../src/client/registration/local'
import { discardRejected, resolveConflict, syncOnce, type SyncDeps } from '../../../src/client/sync/engine'
import type { RegistrationContent } from '../../../src/shared/registration'
import { DATABASES, startServer, type TestServer } from '../../server/harness'
import { editDeps, freshDb, T0 } from '../local/testDb'
import { FaultyWire } from './faults'
import { openCommune, type Office } from '../../support/phoneServer'

describe.each(DATABASES)('registration through the outbox, against the server on $name', (factory) => {
  let s: TestServer
  let server: Office
  /** This test's commune on the server. */
  let C = ''
  const dbs: ThiDuaDb[] = []
  beforeAll(async () => {
    s = await startServer(factory, [])
  }, 60_000)
  afterAll(async () => {
    await s?.close()
  })
  beforeEach(async () => {
    server = await openCommune(s)
    C = server.C
  })
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete()
  })

  async function device(label: string) {
    const db = freshDb(label)
    dbs.push(db)
    const deviceId = `${server.prefix}-device-${label}`
    await db.meta.put({ key: 'deviceId', value: deviceId })
    const wire = new FaultyWire(await server.transport(deviceId))
    const deps: SyncDeps = { db, transport: wire, commune: C, clock: () => new Date(T0) }
    return { db, deps, wire, edits: editDeps(db, `${server.prefix}-mut-${label}`) }
  }

  /** The village's registration in this test's commune. */
  let T1 = { commune: C, unit: 'T1', year: 2024 }
  beforeEach(() => {
    T1 = { commune: C, unit: 'T1', year: 2024 }
  })
  const content = (pledges = 'Giữ vững thôn văn hóa'): RegistrationContent => ({
    collective: ['TDPVH'],
    people: [{ name: 'Nguyễn Văn An', position: 'Trưởng thôn', title: 'LDTT' }],
    pledges,
  })

  it('queues offline, survives a failed push, is applied, reaches another phone, and the approval comes back', async () => {
    const a = await device('a')
    const b = await device('b')
    await saveRegistrationDraft(a.edits, T1, content('nháp'))
    expect((await registrationView(a.db, T1)).content.pledges).toBe('nháp')
    await submitRegistration(a.edits, T1, content())
    expect(await a.db.outbox.count()).toBe(1)
    expect((await registrationView(a.db, T1)).row).toMatchObject({ status: 'none', draft: null, pending: { action: 'submit', content: content() } })

    a.wire.pushFaults.push('network')
    expect(await syncOnce(a.deps)).toMatchObject({ ok: false })
    expect((await a.db.outbox.toArray()).map((e) => e.state)).toEqual(['pending'])

    // The answer lost after the server applied it: the resend is a duplicate, applied once.
    a.wire.pushFaults.push('lost')
    await syncOnce(a.deps)
    expect(await syncOnce(a.deps)).toMatchObject({ ok: true, applied: 1 })
    expect(await a.db.outbox.count()).toBe(0)
    const version = (await server.registration('T1', 2024)).version
    expect(await a.db.registrations.get([C, 'T1', 2024])).toMatchObject({ status: 'submitted', content: content(), version, pending: null })

    await syncOnce(b.deps)
    expect(await b.db.registrations.get([C, 'T1', 2024])).toMatchObject({ status: 'submitted', content: content(), version })

    const approved = await server.decideRegistration('T1', 2024, 'approve')
    await syncOnce(a.deps)
    expect(await a.db.registrations.get([C, 'T1', 2024])).toMatchObject({ status: 'approved', version: approved, pending: null })
  })

  it('keeps a rejection for the user, with its code, until discarded', async () => {
    await server.registrationSettings(2024, { deadline: '2024-01-31', allowLate: false, allowLateUnits: [] })
    const a = await device('a')
    await submitRegistration(a.edits, T1, content())
    expect(await syncOnce(a.deps)).toMatchObject({ ok: true, rejected: 1 })
    const [entry] = await a.db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'rejected', rejection: { code: 'registration_closed' } })
    expect((await registrationView(a.db, T1)).row.pending).toMatchObject({ action: 'submit' })
    await discardRejected(a.edits, entry!.seq)
    expect(await a.db.outbox.count()).toBe(0)
    expect((await registrationView(a.db, T1)).row).toMatchObject({ status: 'none', pending: null })
  })

  it('coalesces unsent edits: a new content replaces the unsent one; a recall cancels an unsent submit', async () => {
    const a = await device('a')
    await submitRegistration(a.edits, T1, content('một'))
    await submitRegistration(a.edits, T1, content('hai'))
    const entries = await a.db.outbox.toArray()
    expect(entries).toHaveLength(1)
    expect(entries[0]!.mutation).toMatchObject({ kind: 'registration', action: 'submit', content: { pledges: 'hai' } })
    expect(await recallRegistration(a.edits, T1)).toBeNull()
    expect(await a.db.outbox.count()).toBe(0)
    expect((await registrationView(a.db, T1)).row.pending).toBeNull()
    expect(a.wire.pushes).toHaveLength(0)
  })

  it('a stale base is a conflict; keeping mine sends it again on the server’s version', async () => {
    const a = await device('a')
    const b = await device('b')
    await submitRegistration(a.edits, T1, content('từ máy A'))
    await syncOnce(a.deps)
    // Phone B never pulled: its submit is based on nothing.
    await submitRegistration(b.edits, T1, content('từ máy B'))
    await server.decideRegistration('T1', 2024, 'return', 'Thiếu chức vụ')
    expect(await syncOnce(b.deps)).toMatchObject({ conflicts: 1 })
    const [entry] = await b.db.outbox.toArray()
    expect(entry).toMatchObject({ state: 'conflict', conflict: { status: 'returned' } })
    // The pull of the same run brought the returned registration and its reason.
    expect(await b.db.registrations.get([C, 'T1', 2024])).toMatchObject({ status: 'returned', returnReason: 'Thiếu chức vụ', pending: { action: 'submit' } })
    await resolveConflict(b.edits, entry!.seq, 'mine')
    expect(await syncOnce(b.deps)).toMatchObject({ ok: true, applied: 1 })
    expect(await server.registration('T1', 2024)).toMatchObject({ status: 'submitted', content: { pledges: 'từ máy B' } })
    expect(await b.db.registrations.get([C, 'T1', 2024])).toMatchObject({ status: 'submitted', content: { pledges: 'từ máy B' }, pending: null })
  })
})
