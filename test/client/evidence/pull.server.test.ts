// @vitest-environment node
import 'fake-indexeddb/auto'
// Pulled evidence against the REAL server (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// a photo uploaded from the head's one phone reaches the other phone's evidence database through
// the sync engine's pull (listed as stored, without bytes, with its thumbnail), and its removal
// takes it away there too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evidenceDb } from '../../../src/client/evidence/store'
import { type ThiDuaDb } from '../../../src/client/local/db'
import { createDb } from '../../../src/client/local/open'
import { syncOnce } from '../../../src/client/sync/engine'
import type { Evidence } from '../../../src/shared/evidence'
import { DATABASES } from '../../server/harness'
import { injectTransport } from '../sync/injectTransport'
import { C, cid, photo, startEvidenceServer, upload, type EvidenceServer } from '../../server/evidenceHelpers'

describe.each(DATABASES)('pulled evidence on $name', (factory) => {
  let s: EvidenceServer
  const dbs: ThiDuaDb[] = []
  beforeAll(async () => {
    s = await startEvidenceServer(factory)
  }, 120_000)
  afterAll(async () => {
    for (const db of dbs) await db.delete()
    await s?.close()
  })

  it('lists a photo sent from the other phone, then drops it once removed', async () => {
    const t1 = await s.login(`${C}.t1`)
    const clientId = cid()
    const sent = await upload(s, t1, { clientId, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Ruộng lúa' }, await photo(640, 480))
    expect(sent.statusCode, sent.body).toBe(200)
    const e = sent.json<Evidence>()

    const db = createDb(`thidua-pulled-${factory.name}-${Math.random().toString(36).slice(2)}`)
    dbs.push(db)
    await db.meta.put({ key: 'deviceId', value: t1.deviceId })
    const phone = { db, transport: injectTransport(t1), commune: C }
    expect((await syncOnce(phone)).ok).toBe(true)
    expect(await evidenceDb().files.get(clientId)).toMatchObject({
      commune: C,
      unit: 'T1',
      period: '2024-Q1',
      indicator: 'LUA_DT',
      caption: 'Ruộng lúa',
      state: 'stored',
      blob: null,
      evidenceId: e.id,
      thumbnail: true,
      version: e.version,
    })

    const removed = await t1.request('DELETE', `/api/communes/${C}/evidence/${e.id}`)
    expect(removed.statusCode, removed.body).toBe(200)
    expect((await syncOnce(phone)).ok).toBe(true)
    expect(await evidenceDb().files.get(clientId)).toBeUndefined()
  })
})
