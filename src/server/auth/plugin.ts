// Resolves the session cookie of each API request into an Actor, and the guards routes use.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/types'
import { forbidden, notFound, unauthorized } from '../errors'
import type { Actor } from './actor'
import { canManage } from './actor'
import { resolveSession, SESSION_COOKIE } from './sessions'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
}

export function sessionHook(db: Db, clock: () => Date) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = req.cookies[SESSION_COOKIE]
    req.actor = token ? ((await resolveSession(db, token, clock())) ?? null) : null
  }
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized()
  return req.actor
}

export function requireManager(req: FastifyRequest): Actor {
  const actor = requireActor(req)
  if (!canManage(actor)) throw forbidden()
  return actor
}

/**
 * The commune a request names, if the actor belongs to it (an administrator to any). Another
 * commune's code answers exactly as a code that does not exist: commune X cannot see commune Y.
 */
export async function communeOf(db: Db, actor: Actor, code: string): Promise<{ id: number; code: string }> {
  const r = await db.query<{ id: number }>('SELECT id FROM communes WHERE code = $1', [code])
  const id = r.rows[0] ? Number(r.rows[0].id) : undefined
  if (id === undefined || (actor.role !== 'admin' && actor.communeId !== id)) throw notFound('Không tìm thấy xã/phường')
  return { id, code }
}
