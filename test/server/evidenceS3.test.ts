// The S3 adapter against an S3 emulator on loopback (s3rver): the storage interface itself, then
// a whole upload through the API with the files in the bucket, and with the uploads in progress
// there too (EVIDENCE_UPLOADS_S3, @tus/s3-store). s3rver lacks two multipart calls the tus S3
// store makes, ListParts and AbortMultipartUpload: a small middleware in front of it answers them
// from the parts it saw uploaded (listParts below); everything else is s3rver's own.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../src/server/config'
import { s3Storage, type EvidenceStorage } from '../../src/server/evidence/storage'
import type { Evidence } from '../../src/shared/evidence'
import { DATABASES, type Agent } from './harness'
import { C, cid, droppedPatch, filesUnder, HTML_AS_JPG, photo, startEvidenceServer, tusCreate, tusHead, tusPatch, upload, UPLOADS, type EvidenceServer } from './evidenceHelpers'

const BUCKET = 'thidua-evidence'
let emulator: S3rver
let dir: string
let env: Record<string, string>

interface KoaContext {
  method: string
  query: Record<string, string | string[] | undefined>
  status: number
  body: unknown
  type: string
  request: { get(name: string): string }
  response: { get(name: string): string }
}
type Middleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>

/** ListParts and AbortMultipartUpload, which s3rver answers 405: kept from the UploadPart calls it served. */
function listParts(): Middleware {
  const parts = new Map<string, Map<number, { etag: string; size: number }>>()
  return async (ctx, next) => {
    const uploadId = typeof ctx.query.uploadId === 'string' ? ctx.query.uploadId : undefined
    if (uploadId && ctx.method === 'GET') {
      const list = [...(parts.get(uploadId) ?? new Map<number, { etag: string; size: number }>())].sort(([a], [b]) => a - b)
      ctx.type = 'application/xml'
      ctx.body =
        `<?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><UploadId>${uploadId}</UploadId>` +
        `<MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>` +
        list.map(([n, p]) => `<Part><PartNumber>${n}</PartNumber><ETag>${p.etag}</ETag><Size>${p.size}</Size></Part>`).join('') +
        `</ListPartsResult>`
      return
    }
    if (uploadId && ctx.method === 'DELETE') {
      parts.delete(uploadId)
      ctx.status = 204
      return
    }
    await next()
    const partNumber = Number(ctx.query.partNumber)
    if (uploadId && ctx.method === 'PUT' && partNumber > 0 && ctx.status === 200) {
      const known = parts.get(uploadId) ?? new Map<number, { etag: string; size: number }>()
      known.set(partNumber, { etag: ctx.response.get('ETag'), size: Number(ctx.request.get('content-length')) })
      parts.set(uploadId, known)
    }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-s3-'))
  emulator = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: BUCKET }] })
  // First in the chain (Koa composes its middleware when the server starts).
  ;(emulator as unknown as { middleware: Middleware[] }).middleware.unshift(listParts())
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

describe.each(DATABASES)('uploads in progress in S3 (EVIDENCE_UPLOADS_S3) on $name', (factory) => {
  let s: EvidenceServer
  let t1: Agent
  beforeAll(async () => {
    s = await startEvidenceServer(factory, { ...env, EVIDENCE_UPLOADS_S3: 'true' })
    t1 = await s.login(`${C}.t1`)
  }, 120_000)
  afterAll(async () => {
    await s?.close()
  })

  it('resumes an upload cut short from the bucket, stores it once, and keeps nothing under DATA_DIR', async () => {
    const jpeg = await photo(600, 400)
    const clientId = cid()
    const created = await tusCreate(s, t1, { clientId, unit: 'T1', period: '2024-Q1', caption: 'Nhà văn hoá' }, jpeg.length)
    expect(created.statusCode, created.body).toBe(201)
    const location = created.headers.location!
    await droppedPatch(s, t1, location, 0, jpeg, 50_000)
    const offset = Number((await tusHead(s, t1, location)).headers['upload-offset'])
    expect(offset).toBeLessThan(jpeg.length)
    // Half-sent, the upload lives in the bucket (its .info beside the multipart upload), not on disk.
    expect(await s3Storage(readConfig(env).evidence.s3!).stat(`uploads/${location.split('/').pop()!}.info`)).toBeDefined()
    expect(await filesUnder(join(s.dataDir, 'evidence'))).toEqual([])
    const done = await tusPatch(s, t1, location, offset, jpeg.subarray(offset))
    expect(done.statusCode, done.body).toBe(200)
    const e = done.json<Evidence>()
    expect(e.size).toBe(jpeg.length)
    // The same file again (a retry whose answer was lost): the same evidence, not a second copy.
    const again = await upload(s, t1, { clientId, unit: 'T1', period: '2024-Q1' }, jpeg)
    expect(again.json<Evidence>().id).toBe(e.id)
    const file = await t1.request('GET', `/api/communes/${C}/evidence/${e.id}/file`)
    expect(Buffer.compare(file.rawPayload, jpeg)).toBe(0)
    expect(await filesUnder(join(s.dataDir, 'evidence'))).toEqual([])
  })

  it('refuses a forged type at its last byte and keeps no upload of it', async () => {
    const clientId = cid()
    const forged = await upload(s, t1, { clientId, unit: 'T1', period: '2024-Q1', filename: 'anh.jpg' }, HTML_AS_JPG)
    expect([forged.statusCode, forged.json().code]).toEqual([415, 'evidence_type'])
    const communeId = (await s.db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [C])).rows[0]!.id
    expect((await tusHead(s, t1, `${UPLOADS}/c${communeId}-${clientId}`)).statusCode).toBe(404)
  })
})
