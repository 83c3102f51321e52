// Sync endpoints (docs/sync.md): push a batch of mutations, pull changes above a cursor.
import type { FastifyInstance } from 'fastify'
import { PullQuerySchema, PushRequestSchema } from '../../shared/protocol'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import type { Db } from '../db/types'
import { forbidden, parseWith } from '../errors'
import { importBackup } from '../sync/importBackup'
import { ingest } from '../sync/ingest'
import { pull } from '../sync/pull'

/** Weeks of changes from one phone: far more than one push, still bounded. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024

export function syncRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.post<{ Params: { commune: string } }>('/communes/:commune/sync/push', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    if (actor.role === 'leader') throw forbidden('Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu')
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
    const query = parseWith(PullQuerySchema, req.query, 'Tham số')
    return pull(db, actor, commune.id, query.cursor, query.limit)
  })
}
