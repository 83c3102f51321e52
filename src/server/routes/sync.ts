// Sync endpoints (docs/sync.md): push a batch of mutations, pull changes above a cursor.
import type { FastifyInstance } from 'fastify'
import { PullQuerySchema, PushRequestSchema } from '../../shared/protocol'
import { communeOf, requireActor } from '../auth/plugin'
import type { Db } from '../db/types'
import { forbidden, parseWith } from '../errors'
import { ingest } from '../sync/ingest'
import { pull } from '../sync/pull'

export function syncRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.post<{ Params: { commune: string } }>('/communes/:commune/sync/push', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    if (actor.role === 'leader') throw forbidden('Tài khoản lãnh đạo chỉ được xem, không được nhập số liệu')
    const body = parseWith(PushRequestSchema, req.body, 'Gói thay đổi')
    return ingest(db, actor, commune.id, body.mutations, clock())
  })

  app.get<{ Params: { commune: string } }>('/communes/:commune/sync/pull', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    const query = parseWith(PullQuerySchema, req.query, 'Tham số')
    return pull(db, actor, commune.id, query.cursor, query.limit)
  })
}
