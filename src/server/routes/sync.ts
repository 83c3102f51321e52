// Sync endpoints (docs/sync.md): push a batch of mutations, pull changes above a cursor.
import type { FastifyInstance } from 'fastify'
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, PullQuerySchema, PullVersionSchema, PushRequestSchema, PushVersionSchema } from '../../shared/protocol'
import { canPush } from '../auth/actor'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import type { Db } from '../db/types'
import { forbidden, HttpError, parseWith } from '../errors'
import { importBackup } from '../sync/importBackup'
import { ingest } from '../sync/ingest'
import { pull } from '../sync/pull'

/** Weeks of changes from one phone: far more than one push, still bounded. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024

/** What a phone too old for this server is told (old phones show it as it is: keep it self-contained). */
export const UPGRADE_REQUIRED_MESSAGE =
  'Ứng dụng trên máy này đã cũ, máy chủ không nhận được nữa. Hãy cập nhật ứng dụng (mở lại hoặc tải lại trang khi có mạng). Các thay đổi chưa gửi vẫn được giữ nguyên trên máy.'

/**
 * Refuses, before anything is read or written, a phone whose protocol this server does not speak:
 * older than MIN_PROTOCOL_VERSION gets 426 `upgrade_required` (it must update, keeping its
 * outbox); newer than PROTOCOL_VERSION (this server was rolled back) gets 400.
 */
export function checkProtocolVersion(version: number): void {
  if (version < MIN_PROTOCOL_VERSION) throw new HttpError(426, 'upgrade_required', UPGRADE_REQUIRED_MESSAGE)
  if (version > PROTOCOL_VERSION) {
    throw new HttpError(400, 'protocol_unsupported', 'Máy chủ chưa hỗ trợ phiên bản ứng dụng này. Các thay đổi vẫn được giữ trên máy; hãy báo cán bộ phụ trách.')
  }
}

export function syncRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.post<{ Params: { commune: string } }>('/communes/:commune/sync/push', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    if (!canPush(actor)) throw forbidden('Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu')
    // The version before the rest: another version's body may not fit this version's schema.
    checkProtocolVersion(parseWith(PushVersionSchema, req.body, 'Gói thay đổi').protocolVersion)
    const body = parseWith(PushRequestSchema, req.body, 'Gói thay đổi')
    return ingest(db, actor, commune.id, body.mutations, clock())
  })

  // A phone's backup of unsent changes, uploaded by the officer when the phone cannot get online.
  app.post<{ Params: { commune: string } }>('/communes/:commune/sync/import', { bodyLimit: IMPORT_BODY_LIMIT }, async (req) => {
    const actor = requireManager(req)
    const commune = await communeOf(db, actor, req.params.commune)
    return importBackup(db, actor, commune, req.body, clock())
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/sync/pull', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    checkProtocolVersion(parseWith(PullVersionSchema, req.query, 'Tham số').protocolVersion)
    const query = parseWith(PullQuerySchema, req.query, 'Tham số')
    return pull(db, actor, commune.id, query.cursor, query.limit)
  })
}
