import 'fake-indexeddb/auto'
// Evidence rows pulled from the server are kept in the phone's evidence database: a file from the
// head's other phone is listed, the phone's own waiting file is confirmed (its bytes go), a removal
// drops the row, an older version never overwrites a newer one, a page taken twice changes nothing.
// The pull answer's check keeps the rows (it dropped them before).
import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { Evidence } from '../../../src/shared/evidence'
import { parsePullResponse } from '../../../src/shared/responses'
import { keepPulledEvidence } from '../../../src/client/evidence/pulled'
import { openEvidenceDb, type QueuedFile } from '../../../src/client/evidence/store'

const dbs: ReturnType<typeof openEvidenceDb>[] = []
afterEach(() => {
  for (const db of dbs.splice(0)) db.close()
})
const fresh = () => {
  const db = openEvidenceDb(`pulled-${randomUUID()}`)
  dbs.push(db)
  return db
}

const row = (over: Partial<Evidence> = {}): Evidence => ({
  id: randomUUID(),
  clientId: `c-${randomUUID()}`,
  unit: 'T1',
  period: '2024-Q1',
  indicator: 'LUA_DT',
  caption: 'Ruộng lúa thôn 1',
  filename: 'IMG_0001.jpg',
  type: 'image/jpeg',
  size: 1234,
  width: 1600,
  height: 1200,
  thumbnail: true,
  uploadedBy: 'xa-thu.t1',
  uploadedAt: '2024-05-10T08:00:00.000Z',
  deleted: false,
  version: 7,
  ...over,
})

const waiting = (clientId: string): QueuedFile => ({
  clientId,
  commune: 'xa-thu',
  unit: 'T1',
  period: '2024-Q1',
  indicator: 'LUA_DT',
  caption: 'Ruộng lúa thôn 1',
  filename: 'IMG_0001.jpg',
  type: 'image/jpeg',
  size: 1234,
  blob: new Blob([new Uint8Array(1234)]),
  state: 'waiting',
  uploadUrl: '/api/communes/xa-thu/evidence/uploads/c1-x',
  sent: 512,
  refusal: null,
  evidenceId: null,
  createdAt: '2024-05-10T07:59:00.000Z',
})

describe('keepPulledEvidence', () => {
  it('lists a file uploaded from another phone, stored, without bytes', async () => {
    const db = fresh()
    const e = row()
    await keepPulledEvidence('xa-thu', [e], db)
    expect(await db.files.get(e.clientId)).toMatchObject({ commune: 'xa-thu', state: 'stored', blob: null, evidenceId: e.id, thumbnail: true, version: 7, caption: 'Ruộng lúa thôn 1', uploadedBy: 'xa-thu.t1' })
  })

  it('confirms the phone’s own waiting file (its answer was lost): its bytes go, its time stays', async () => {
    const db = fresh()
    const mine = waiting(`c-${randomUUID()}`)
    await db.files.add(mine)
    const e = row({ clientId: mine.clientId })
    await keepPulledEvidence('xa-thu', [e], db)
    expect(await db.files.get(mine.clientId)).toMatchObject({ state: 'stored', blob: null, evidenceId: e.id, createdAt: mine.createdAt, uploadUrl: null })
  })

  it('drops a removed file, keeps a newer version against an older one, and a page taken twice changes nothing', async () => {
    const db = fresh()
    const e = row({ version: 9, caption: 'mới' })
    await keepPulledEvidence('xa-thu', [e], db)
    await keepPulledEvidence('xa-thu', [{ ...e, version: 8, caption: 'cũ' }], db)
    expect((await db.files.get(e.clientId))?.caption).toBe('mới')
    await keepPulledEvidence('xa-thu', [e], db)
    expect(await db.files.count()).toBe(1)
    await keepPulledEvidence('xa-thu', [{ ...e, deleted: true, version: 10 }], db)
    expect(await db.files.count()).toBe(0)
    await keepPulledEvidence('xa-thu', [{ ...e, deleted: true, version: 10 }], db)
    expect(await db.files.count()).toBe(0)
  })

  it('never drops a file the phone still holds bytes of', async () => {
    const db = fresh()
    const mine = waiting(`c-${randomUUID()}`)
    await db.files.add(mine)
    await keepPulledEvidence('xa-thu', [row({ clientId: mine.clientId, deleted: true })], db)
    expect((await db.files.get(mine.clientId))?.state).toBe('waiting')
  })
})

describe('the pull answer’s check', () => {
  const page = { cursor: 3, more: false, values: [], reports: [], periods: [], units: [], plans: [] }
  it('keeps evidence rows, and none from a server before evidence', () => {
    const e = row()
    expect(parsePullResponse({ ...page, evidence: [e] })?.evidence).toEqual([e])
    expect(parsePullResponse(page)?.evidence).toEqual([])
  })
  it('refuses a page whose evidence row is malformed', () => {
    expect(parsePullResponse({ ...page, evidence: [{ ...row(), type: 'text/html' }] })).toBeUndefined()
  })
})
