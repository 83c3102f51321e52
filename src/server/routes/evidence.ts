// Evidence (minh chứng, issue 16): resumable uploads (tus) under …/evidence/uploads, a report's
// list, a file and its thumbnail, and removal. Every request is authorised here, before the tus
// server reads a byte: the session, the commune, the unit the upload names (writable by this
// account), the report still open, the limits. Parse → authorise → delegate (evidence/service.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { EvidenceClientIdSchema, EvidenceIdSchema, EvidenceQuerySchema, EvidenceUploadMetaSchema, parseUploadMetadata, type Evidence } from '../../shared/evidence'
import { canPush, canReadUnit, canWriteUnit, type Actor } from '../auth/actor'
import { communeOf, requireActor } from '../auth/plugin'
import { evidenceByClientId, reportEvidence, reportTarget } from '../db/evidence'
import { unitIdOf } from '../db/units'
import { forbidden, HttpError, notFound, parseWith, say } from '../errors'
import { deleteEvidence, precheckUpload, readableEvidence, type EvidenceDeps } from '../evidence/service'
import { metaOf, type EvidenceUploads } from '../evidence/uploads'

const TUS_VERSION = '1.0.0'
const UPLOAD_ID = /^c(\d{1,15})-([A-Za-z0-9_-]{8,64})$/
const IdParamsSchema = v.object({ id: EvidenceIdSchema })

const uploadGone = (): HttpError => new HttpError(404, 'not_found', say('evidence_upload_not_found'))

/** The upload metadata header, decoded and checked with the shared schema; an empty indicator is the whole report. */
function readMeta(req: FastifyRequest): ReturnType<typeof v.parse<typeof EvidenceUploadMetaSchema>> {
  const header = req.headers['upload-metadata']
  const raw = parseUploadMetadata(typeof header === 'string' ? header : '', (b) => Buffer.from(b, 'base64').toString('utf8'))
  if (!raw) throw new HttpError(400, 'invalid', say('invalid', { path: 'Upload-Metadata' }))
  const { indicator, ...rest } = raw
  return parseWith(EvidenceUploadMetaSchema, indicator ? { ...rest, indicator } : rest, 'Thông tin tệp minh chứng')
}

function declaredLength(req: FastifyRequest): number {
  const header = req.headers['upload-length']
  if (typeof header !== 'string' || !/^\d{1,15}$/.test(header)) throw new HttpError(400, 'invalid', say('invalid', { path: 'Upload-Length' }))
  return Number(header)
}

/** The tus answer for a file already stored: complete at its size (a retried upload ends here). */
function answerStored(reply: FastifyReply, status: number, urlPath: string | undefined, e: Evidence): FastifyReply {
  reply.header('tus-resumable', TUS_VERSION).header('upload-offset', String(e.size)).header('upload-length', String(e.size)).header('cache-control', 'no-store')
  if (urlPath) reply.header('location', urlPath)
  return reply.code(status).send(e)
}

export function evidenceRoutes(app: FastifyInstance, { deps, uploads }: { deps: EvidenceDeps; uploads: () => EvidenceUploads }): void {
  const { db } = deps
  // tus sends the bytes as application/offset+octet-stream: left unread here, the tus server streams them.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null))

  const base = (commune: string): string => `/api/communes/${encodeURIComponent(commune)}/evidence/uploads`

  async function writer(req: FastifyRequest<{ Params: { commune: string } }>): Promise<{ actor: Actor; commune: { id: number; code: string } }> {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    if (!canPush(actor)) throw forbidden(say('leader_reads_only'))
    return { actor, commune }
  }

  /** Hands the request to the tus server, with who is uploading what. */
  async function toTus(req: FastifyRequest, reply: FastifyReply, ctx: Parameters<EvidenceUploads['contexts']['set']>[1]): Promise<void> {
    const u = uploads()
    u.contexts.set(req.raw, ctx)
    reply.hijack()
    await u.tus.handle(req.raw, reply.raw)
  }

  // Creation. A client id seen before answers its stored file or its upload in progress: never a second copy.
  app.post<{ Params: { commune: string } }>('/communes/:commune/evidence/uploads', async (req, reply) => {
    const { actor, commune } = await writer(req)
    const meta = readMeta(req)
    const size = declaredLength(req)
    const u = uploads()
    const id = u.urlId(commune.id, meta.clientId)
    const stored = await evidenceByClientId(db, commune.id, meta.clientId)
    if (stored) {
      if (!canWriteUnit(actor, stored.unitId)) throw forbidden(say('reporter_reads_own_reports'))
      return answerStored(reply, 201, `${base(commune.code)}/${id}`, stored.evidence)
    }
    const pending = await u.store.getUpload(u.storeId(id)).catch(() => undefined)
    if (pending) {
      const pendingMeta = metaOf(pending)
      if (!pendingMeta || !canWriteUnit(actor, await unitIdOf(db, commune.id, pendingMeta.unit))) throw forbidden(say('reporter_reads_own_reports'))
      return reply.code(201).header('tus-resumable', TUS_VERSION).header('location', `${base(commune.code)}/${id}`).header('upload-offset', String(pending.offset)).send()
    }
    await precheckUpload(deps, actor, commune.id, meta, size)
    await toTus(req, reply, { actor, communeId: commune.id, communeCode: commune.code, meta })
  })

  /** An upload of this commune this actor may write, in progress or stored; another's is not found. */
  async function uploadOf(req: FastifyRequest<{ Params: { commune: string; upload: string } }>) {
    const { actor, commune } = await writer(req)
    const m = UPLOAD_ID.exec(req.params.upload)
    if (!m || Number(m[1]) !== commune.id || !v.is(EvidenceClientIdSchema, m[2])) throw uploadGone()
    const clientId = m[2]!
    const stored = await evidenceByClientId(db, commune.id, clientId)
    if (stored) {
      if (!canWriteUnit(actor, stored.unitId)) throw uploadGone()
      return { actor, commune, stored }
    }
    const u = uploads()
    const pending = await u.store.getUpload(u.storeId(req.params.upload)).catch(() => undefined)
    const meta = pending ? metaOf(pending) : undefined
    if (!pending || !meta) throw uploadGone()
    const target = await reportTarget(db, commune.id, meta.unit, meta.period, undefined)
    if (!canWriteUnit(actor, target.unitId)) throw uploadGone()
    return { actor, commune, pending, meta }
  }

  // Where to resume. A finished upload a server error left unstored is stored now.
  app.head<{ Params: { commune: string; upload: string } }>('/communes/:commune/evidence/uploads/:upload', async (req, reply) => {
    const found = await uploadOf(req)
    if (found.stored) return answerStored(reply, 200, undefined, found.stored.evidence)
    const { actor, commune, pending, meta } = found
    const ctx = { actor, communeId: commune.id, communeCode: commune.code, meta }
    if (pending.size !== undefined && pending.offset === pending.size) {
      const e = await uploads().finish(ctx, pending)
      return answerStored(reply, 200, undefined, e)
    }
    await toTus(req, reply, ctx)
  })

  app.patch<{ Params: { commune: string; upload: string } }>('/communes/:commune/evidence/uploads/:upload', async (req, reply) => {
    const found = await uploadOf(req)
    // Bytes for a file already stored (a retried upload): done, at its size, the same evidence.
    if (found.stored) return answerStored(reply, 200, undefined, found.stored.evidence)
    const { actor, commune, meta } = found
    await toTus(req, reply, { actor, communeId: commune.id, communeCode: commune.code, meta })
  })

  // Abandoning an upload in progress (the user dropped the photo before it was sent).
  app.delete<{ Params: { commune: string; upload: string } }>('/communes/:commune/evidence/uploads/:upload', async (req, reply) => {
    const found = await uploadOf(req)
    if (found.stored) return reply.code(204).header('tus-resumable', TUS_VERSION).send()
    const { actor, commune, meta } = found
    await toTus(req, reply, { actor, communeId: commune.id, communeCode: commune.code, meta })
  })

  // A report's files: its unit's readers (a village head: their own units).
  app.get<{ Params: { commune: string }; Querystring: Record<string, string> }>('/communes/:commune/evidence', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const q = parseWith(EvidenceQuerySchema, req.query, 'Tham số')
    const target = await reportTarget(db, commune.id, q.unit, q.period, undefined)
    if (!canReadUnit(actor, target.unitId)) throw forbidden(say('reporter_reads_own_reports'))
    return { evidence: await reportEvidence(db, commune.id, target.unitId, target.periodId) }
  })

  async function sendBytes(req: FastifyRequest<{ Params: { commune: string; id: string } }>, reply: FastifyReply, which: 'file' | 'thumbnail'): Promise<FastifyReply> {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const { id } = parseWith(IdParamsSchema, { id: req.params.id }, 'Địa chỉ')
    const e = await readableEvidence(deps, actor, commune.id, id)
    const key = which === 'file' ? e.storageKey : e.thumbKey
    const body = key ? await deps.storage.get(key) : undefined
    if (!body) throw notFound(say('evidence_not_found'))
    const type = which === 'file' ? e.evidence.type : 'image/webp'
    const name = e.evidence.filename || `minh-chung-${e.evidence.id}`
    // A stored file never changes under its id; it is private to the people who may read the report.
    return reply
      .type(type)
      .header('cache-control', 'private, max-age=86400, immutable')
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(body)
  }

  app.get<{ Params: { commune: string; id: string } }>('/communes/:commune/evidence/:id/file', (req, reply) => sendBytes(req, reply, 'file'))
  app.get<{ Params: { commune: string; id: string } }>('/communes/:commune/evidence/:id/thumbnail', (req, reply) => sendBytes(req, reply, 'thumbnail'))

  app.delete<{ Params: { commune: string; id: string } }>('/communes/:commune/evidence/:id', async (req) => {
    const { actor, commune } = await writer(req)
    const { id } = parseWith(IdParamsSchema, { id: req.params.id }, 'Địa chỉ')
    return deleteEvidence(deps, actor, commune.id, id)
  })
}
