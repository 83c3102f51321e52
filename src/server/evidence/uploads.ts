// Resumable uploads of evidence (the tus protocol, @tus/server): an upload in progress lives in
// the tus store (DATA_DIR/evidence/uploads, or the S3 bucket when evidence goes to S3) under an id
// made of the commune and the phone's client id, so a retried creation finds the same upload and a
// finished one the same evidence. When the last byte arrives, service.ts storeUpload turns it into
// a stored file and the upload is removed. Rights are checked by routes/evidence.ts before the tus
// server sees a request; the request's context reaches the hooks through `contexts`.
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { FileStore } from '@tus/file-store'
import { S3Store } from '@tus/s3-store'
import { Server } from '@tus/server'
import type { DataStore, Upload } from '@tus/utils'
import * as v from 'valibot'
import { EVIDENCE_MAX_BYTES, EvidenceUploadMetaSchema, type Evidence, type EvidenceUploadMeta } from '../../shared/evidence'
import type { Actor } from '../auth/actor'
import type { EvidenceConfig } from '../config'
import { HttpError } from '../errors'
import { storeUpload, type EvidenceDeps } from './service'
import { s3ClientConfig } from './storage'

/** An upload in progress is dropped this long after it was created (a phone offline for weeks starts again). */
export const UPLOAD_EXPIRY_MS = 30 * 24 * 3600 * 1000

/** Who is uploading what: set by the route before it hands the request to the tus server. */
export interface UploadContext {
  actor: Actor
  communeId: number
  communeCode: string
  meta: EvidenceUploadMeta
}

type ReadableStore = DataStore & { read(id: string): Readable | Promise<unknown> }

export interface EvidenceUploads {
  tus: Server
  store: ReadableStore
  contexts: WeakMap<IncomingMessage, UploadContext>
  /** The store's id of an upload from its URL id (`c12-<clientId>`). */
  storeId(urlId: string): string
  /** The URL id of a commune's upload of a client id. */
  urlId(communeId: number, clientId: string): string
  /** A finished upload not turned into a stored file yet (a server error then): done now. */
  finish(ctx: UploadContext, upload: Upload): Promise<Evidence>
  /** Drops expired uploads in progress; run now and then. */
  cleanUp(): Promise<number>
}

/** The upload's metadata as the server reads it back from the store (the same schema as at creation). */
export function metaOf(upload: Upload): EvidenceUploadMeta | undefined {
  const m = upload.metadata ?? {}
  const r = v.safeParse(EvidenceUploadMetaSchema, {
    clientId: m.clientId ?? undefined,
    unit: m.unit ?? undefined,
    period: m.period ?? undefined,
    ...(m.indicator ? { indicator: m.indicator } : {}),
    ...(m.caption ? { caption: m.caption } : {}),
    ...(m.filename ? { filename: m.filename } : {}),
  })
  return r.success ? r.output : undefined
}

async function readAll(source: unknown, max: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    total += chunk.length
    if (total > max) throw new HttpError(413, 'evidence_too_large', 'Tệp minh chứng quá lớn')
    chunks.push(Buffer.from(chunk))
  }
  return Buffer.concat(chunks)
}

export function evidenceUploads(deps: EvidenceDeps, config: EvidenceConfig, dataDir: string): EvidenceUploads {
  // With EVIDENCE_UPLOADS_S3 the uploads in progress sit in the bucket beside the files, under the
  // same prefix (the S3 store needs multipart uploads with ListParts: AWS S3, MinIO, Ceph …).
  const s3 = config.uploadsInS3 ? config.s3 : undefined
  const prefix = s3 ? `${s3.prefix}uploads/` : ''
  const store: ReadableStore = s3
    ? new S3Store({ s3ClientConfig: { ...s3ClientConfig(s3), bucket: s3.bucket }, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS })
    : new FileStore({ directory: join(dataDir, 'evidence', 'uploads'), expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS })
  const contexts = new WeakMap<IncomingMessage, UploadContext>()
  const max = deps.maxBytes ?? EVIDENCE_MAX_BYTES
  const contextOf = (req: unknown): UploadContext => {
    const node = (req as { runtime?: { node?: { req?: IncomingMessage } } }).runtime?.node?.req
    const ctx = node ? contexts.get(node) : undefined
    if (!ctx) throw { status_code: 500, body: 'no upload context\n' }
    return ctx
  }
  const urlId = (communeId: number, clientId: string): string => `c${communeId}-${clientId}`

  async function finish(ctx: UploadContext, upload: Upload): Promise<Evidence> {
    try {
      const bytes = await readAll(await store.read(upload.id), max)
      const evidence = await storeUpload(deps, ctx.actor, ctx.communeId, ctx.meta, bytes)
      await store.remove(upload.id).catch(() => undefined)
      return evidence
    } catch (err) {
      // A refusal is final: the upload goes, nothing of it is kept. A server error keeps it, and
      // the phone's resume (HEAD) finishes it later.
      if (err instanceof HttpError) await store.remove(upload.id).catch(() => undefined)
      throw err
    }
  }

  const tus = new Server({
    path: '/api/evidence-uploads',
    datastore: store,
    maxSize: max,
    relativeLocation: true,
    // Same origin only: no CORS header for anyone.
    allowedOrigins: () => false,
    namingFunction: (req) => {
      const ctx = contextOf(req)
      return prefix + urlId(ctx.communeId, ctx.meta.clientId)
    },
    getFileIdFromRequest: (_req, last) => (last ? prefix + last : undefined),
    generateUrl: (req, { id }) => `/api/communes/${encodeURIComponent(contextOf(req).communeCode)}/evidence/uploads/${id.slice(prefix.length)}`,
    onUploadFinish: async (req, upload) => {
      const ctx = contextOf(req)
      try {
        const evidence = await finish(ctx, upload)
        return { status_code: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: JSON.stringify(evidence) }
      } catch (err) {
        if (err instanceof HttpError) throw { status_code: err.statusCode, body: JSON.stringify(err.body()) }
        throw err
      }
    },
  })

  return {
    tus,
    store,
    contexts,
    storeId: (id) => prefix + id,
    urlId,
    finish,
    cleanUp: () => tus.cleanUpExpiredUploads(),
  }
}
