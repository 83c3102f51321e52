// @vitest-environment node
import 'fake-indexeddb/auto'
// The phone's evidence queue against the REAL server over loopback HTTP (tus-js-client's Node
// build; the browser's gives it the Blob itself): queued offline, uploaded when online, refused with
// the server's reason and kept until the user acts, confirmed before the bytes leave the phone, and
// a retry never a second copy. On PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Evidence } from '../../../src/shared/evidence'
import { queueFile, type QueueDeps } from '../../../src/client/evidence/queue'
import { dropFile, filesOfReport, openEvidenceDb, retryFile, type EvidenceDb } from '../../../src/client/evidence/store'
import { uploadWaiting, type UploadDeps } from '../../../src/client/evidence/upload'
import { DATABASES, type Agent } from '../../server/harness'
import { C, HTML_AS_JPG, PDF, photo, startEvidenceServer, type EvidenceServer } from '../../server/evidenceHelpers'

describe.each(DATABASES)('the phone uploads its evidence on $name', (factory) => {
  let s: EvidenceServer
  let t1: Agent, officer: Agent
  let db: EvidenceDb
  let jpeg: Buffer

  beforeAll(async () => {
    s = await startEvidenceServer(factory)
    ;[t1, officer] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.canbo`)])
    db = openEvidenceDb(`thidua-evidence-${randomUUID()}`)
    jpeg = await photo(500, 400)
  }, 120_000)
  afterAll(async () => {
    db?.close()
    await s?.close()
  })

  const queue: QueueDeps = { get db() { return db }, clock: () => new Date('2024-05-10T08:00:00Z'), newId: () => randomUUID(), compress: async (b) => b }
  const list = async (agent: Agent, unit: string, period: string): Promise<Evidence[]> =>
    (await agent.request('GET', `/api/communes/${C}/evidence?unit=${unit}&period=${period}`)).json<{ evidence: Evidence[] }>().evidence
  const deps = (base = `${s.origin}/api/communes/${C}/evidence`): UploadDeps => ({
    db,
    commune: C,
    base,
    list: (unit, period) => list(t1, unit, period),
    source: async (blob) => Buffer.from(await blob.arrayBuffer()),
    options: { headers: { cookie: t1.cookie }, retryDelays: [] },
  })

  it('keeps a photo taken offline, uploads it when online, and lets go of its bytes once the server has it', async () => {
    const q = await queueFile(queue, { commune: C, unit: 'T1', period: '2024-Q1', indicator: 'LUA_DT', caption: 'Đường bê tông thôn 1', file: new Blob([new Uint8Array(jpeg)]), filename: 'IMG_0001.jpg' })
    expect(q.ok).toBe(true)
    // No signal: nothing reaches the server; the file waits.
    expect(await uploadWaiting(deps('http://127.0.0.1:9/api/communes/xa-thu/evidence'))).toEqual({ stored: 0, refused: 0, waiting: 1 })
    expect((await filesOfReport(db, C, 'T1', '2024-Q1'))[0]).toMatchObject({ state: 'waiting', blob: expect.any(Blob) })
    // Online.
    const progress: number[] = []
    expect(await uploadWaiting({ ...deps(), onProgress: (_id, sent) => progress.push(sent) })).toEqual({ stored: 1, refused: 0, waiting: 0 })
    const [row] = await filesOfReport(db, C, 'T1', '2024-Q1')
    expect(row).toMatchObject({ state: 'stored', blob: null, sent: jpeg.length })
    expect(progress.at(-1)).toBe(jpeg.length)
    // The officer sees it.
    const seen = await list(officer, 'T1', '2024-Q1')
    expect(seen).toEqual([expect.objectContaining({ id: row!.evidenceId, clientId: row!.clientId, caption: 'Đường bê tông thôn 1', indicator: 'LUA_DT' })])
    const file = await officer.request('GET', `/api/communes/${C}/evidence/${row!.evidenceId}/file`)
    expect(Buffer.compare(file.rawPayload, jpeg)).toBe(0)
  })

  it('a file sent again after a lost answer is the same evidence, never a second copy', async () => {
    const [row] = await filesOfReport(db, C, 'T1', '2024-Q1')
    // As if the last answer never came: the phone still holds the bytes and sends them again.
    await db.files.update(row!.clientId, { state: 'waiting', blob: new Blob([new Uint8Array(jpeg)]), uploadUrl: null, sent: 0, evidenceId: null })
    expect(await uploadWaiting(deps())).toEqual({ stored: 1, refused: 0, waiting: 0 })
    expect((await db.files.get(row!.clientId))?.evidenceId).toBe(row!.evidenceId)
    expect(await list(officer, 'T1', '2024-Q1')).toHaveLength(1)
  })

  it('keeps a refused file with the server’s reason until the user retries or drops it', async () => {
    expect((await officer.request('PATCH', `/api/communes/${C}/periods/2024-Q2`, { locked: true, lockReason: 'Đã tổng hợp' })).statusCode).toBe(200)
    const q = await queueFile(queue, { commune: C, unit: 'T1', period: '2024-Q2', indicator: null, caption: 'Danh sách hộ BHYT', file: new Blob([new Uint8Array(PDF)]), filename: 'bhyt.pdf' })
    expect(q.ok).toBe(true)
    expect(await uploadWaiting(deps())).toEqual({ stored: 0, refused: 1, waiting: 0 })
    const [refused] = await filesOfReport(db, C, 'T1', '2024-Q2')
    expect(refused).toMatchObject({ state: 'refused', refusal: { code: 'evidence_period_locked', message: expect.stringContaining('khóa') }, blob: expect.any(Blob) })
    // The officer unlocks the period; the user sends it again.
    expect((await officer.request('PATCH', `/api/communes/${C}/periods/2024-Q2`, { locked: false })).statusCode).toBe(200)
    await retryFile(db, refused!.clientId)
    expect(await uploadWaiting(deps())).toEqual({ stored: 1, refused: 0, waiting: 0 })
    expect((await db.files.get(refused!.clientId))?.state).toBe('stored')
    await dropFile(db, refused!.clientId)
    expect(await db.files.get(refused!.clientId)).toBeUndefined()
  })

  it('refuses on the phone what the server would refuse by its bytes, keeping nothing', async () => {
    const before = await db.files.count()
    expect(await queueFile(queue, { commune: C, unit: 'T1', period: '2024-Q1', indicator: null, caption: '', file: new Blob([new Uint8Array(HTML_AS_JPG)]), filename: 'anh.jpg' })).toEqual({ ok: false, refusal: 'evidence_type' })
    expect(await queueFile(queue, { commune: C, unit: 'T1', period: '2024-Q1', indicator: null, caption: '', file: new Blob([]), filename: 'rong.jpg' })).toEqual({ ok: false, refusal: 'evidence_empty' })
    expect(await queueFile(queue, { commune: C, unit: 'T1', period: '2024-Q1', indicator: null, caption: '', file: new Blob([new Uint8Array(PDF.subarray(0, 20))]), filename: 'cut.pdf' })).toEqual({ ok: false, refusal: 'evidence_truncated' })
    expect(await db.files.count()).toBe(before)
  })
})
