// The S3 adapter against an S3 emulator on loopback (s3rver): the storage interface itself, then
// a whole upload through the API with the files and the uploads in progress in the bucket.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../src/server/config'
import { s3Storage, type EvidenceStorage } from '../../src/server/evidence/storage'
import type { Evidence } from '../../src/shared/evidence'
import { DATABASES, type Agent } from './harness'
import { C, cid, droppedPatch, filesUnder, HTML_AS_JPG, photo, startEvidenceServer, tusCreate, tusHead, tusPatch, upload, type EvidenceServer } from './evidenceHelpers'

const BUCKET = 'thidua-evidence'
let emulator: S3rver
let dir: string
let env: Record<string, string>

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-s3-'))
  emulator = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] })
  const { port } = await emulator.run()
  env = { EVIDENCE_S3_BUCKET: BUCKET, S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER' }
})
afterAll(async () => {
  await emulator?.close()
  await rm(dir, { recursive: true, force: true })
})

describe('s3Storage', () => {
  let storage: EvidenceStorage
  beforeAll(() => {
    storage = s3Storage(readConfig(env).evidence.s3!)
  })

  it('puts, reads, stats and deletes; a missing key is undefined, its deletion no error', async () => {
    const body = Buffer.from('%PDF-1.4 …%%EOF')
    await storage.put('c1/abc', body, 'application/pdf')
    expect(await storage.stat('c1/abc')).toEqual({ size: body.length })
    const stream = await storage.get('c1/abc')
    const chunks: Buffer[] = []
    for await (const c of stream!) chunks.push(Buffer.from(c as Uint8Array))
    expect(Buffer.concat(chunks).equals(body)).toBe(true)
    await storage.delete('c1/abc')
    expect(await storage.stat('c1/abc')).toBeUndefined()
    expect(await storage.get('c1/abc')).toBeUndefined()
    await storage.delete('c1/abc')
  })

  it('refuses a key it did not make', async () => {
    await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/)
  })
})

describe.each(DATABASES)('evidence in S3 on $name', (factory) => {
  let s: EvidenceServer
  let t1: Agent, t2: Agent
  beforeAll(async () => {
    s = await startEvidenceServer(factory, env)
    ;[t1, t2] = await Promise.all([s.login(`${C}.t1`), s.login(`${C}.t2`)])
  }, 120_000)
  afterAll(async () => {
    await s?.close()
  })

  it('uploads with a dropped connection and a resume, once, readable by its unit only', async () => {
    const jpeg = await photo(600, 400)
    const clientId = cid()
    const created = await tusCreate(s, t1, { clientId, unit: 'T1', period: '2024-Q1', caption: 'Đường bê tông' }, jpeg.length)
    expect(created.statusCode, created.body).toBe(201)
    const location = created.headers.location!
    await droppedPatch(s, t1, location, 0, jpeg, 50_000)
    const offset = Number((await tusHead(s, t1, location)).headers['upload-offset'])
    expect(offset).toBeGreaterThan(0)
    const done = await tusPatch(s, t1, location, offset, jpeg.subarray(offset))
    expect(done.statusCode, done.body).toBe(200)
    const e = done.json<Evidence>()
    const again = await upload(s, t1, { clientId, unit: 'T1', period: '2024-Q1' }, jpeg)
    expect(again.json<Evidence>().id).toBe(e.id)
    const file = await t1.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)
    expect(Buffer.compare(file.rawPayload, jpeg)).toBe(0)
    expect((await t1.request('GET', `/api/communes/${C}/evidence/${e.id}/thumbnail`)).statusCode).toBe(200)
    expect((await t2.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)).statusCode).toBe(404)
    // The bytes are in the bucket, none under DATA_DIR.
    const key = (await s.db.query<{ storage_key: string }>('SELECT storage_key FROM evidence WHERE id = $1::uuid', [e.id])).rows[0]!.storage_key
    expect(await s3Storage(readConfig(env).evidence.s3!).stat(key)).toEqual({ size: jpeg.length })
    expect(await filesUnder(join(s.dataDir, 'evidence', 'files'))).toEqual([])
  })

  it('refuses a forged type and keeps nothing of it', async () => {
    const forged = await upload(s, t1, { clientId: cid(), unit: 'T1', period: '2024-Q1', filename: 'anh.jpg' }, HTML_AS_JPG)
    expect([forged.statusCode, forged.json().code]).toEqual([415, 'evidence_type'])
  })
})
