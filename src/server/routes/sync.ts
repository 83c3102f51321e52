// Sync endpoints (docs/sync.md): push a batch of mutations, pull changes above a cursor.
import type { FastifyInstance } from 'fastify'
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION, PullQuerySchema, PullVersionSchema, PushRequestSchema, PushVersionSchema } from '../../shared/protocol'
import { canPush } from '../auth/actor'
import { communeOf, requireActor, requireManager } from '../auth/plugin'
import type { Db } from '../db/types'
import { forbidden, HttpError, parseWith, say } from '../errors'
import { importBackup } from '../sync/importBackup'
import { ingest } from '../sync/ingest'
import { pull } from '../sync/pull'

/** Weeks of changes from one phone: far more than one push, still bounded. */
export const IMPORT_BODY_LIMIT = 32 * 1024 * 1024

/**
 * Refuses, before anything is read or written, a phone whose protocol this server does not speak:
 * older than MIN_PROTOCOL_VERSION gets 426 `upgrade_required` (it must update, keeping its
 * outbox); newer than PROTOCOL_VERSION (this server was rolled back) gets 400.
 */
export function checkProtocolVersion(version: number): void {
  if (version < MIN_PROTOCOL_VERSION) throw new HttpError(426, 'upgrade_required', say('upgrade_required'))
  if (version > PROTOCOL_VERSION) {
    throw new HttpError(400, 'protocol_unsupported', say('protocol_unsupported'))
  }
}

export function syncRoutes(app: FastifyInstance, { db, clock }: { db: Db; clock: () => Date }): void {
  app.post<{ Params: { commune: string } }>('/communes/:commune/sync/push', async (req) => {
    const actor = requireActor(req)
    const commune = await communeOf(db, actor, req.params.commune)
    if (!canPush(actor)) throw forbidden(say('leader_reads_only'))
    // The version before the rest: another version's body may not fit this version's schema.
    checkProtocolVersion(parseWith(PushVersionSchema, req.body, 'Gói thay đổi').protocolVersion)
    const body = parseWith(PushRequestSchema, req.body, 'Gói thay đổi')
    // The time and name the applied values are written with, told to the phone (PushResponse.at, .by).
    const now = clock()
    return { ...(await ingest(db, actor, commune.id, body.mutations, now)), at: now.toISOString(), by: actor.displayName }
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
    return pull(db, actor, commune.id, query.cursor, query.limit, query.skip ?? [])
  })
}
