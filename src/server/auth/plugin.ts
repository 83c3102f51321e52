// Resolves the session cookie of each API request into an Actor, and the guards routes use.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../db/types'
import { forbidden, notFound, unauthorized } from '../errors'
import type { Actor } from './actor'
import { canManage, isProvinceRole } from './actor'
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
 * The commune a request names, if the actor belongs to it: an administrator to any, a province
 * account to those of its province. Another commune's code answers exactly as a code that does
 * not exist: commune X cannot see commune Y, province A nothing of province B.
 */
export async function communeOf(db: Db, actor: Actor, code: string): Promise<{ id: number; code: string; provinceId: number }> {
  const r = await db.query<{ id: number; province_id: number }>('SELECT id, province_id FROM communes WHERE code = $1', [code])
  const row = r.rows[0]
  if (!row) throw notFound('Không tìm thấy xã/phường')
  const id = Number(row.id)
  const provinceId = Number(row.province_id)
  const allowed = actor.role === 'admin' || (isProvinceRole(actor.role) ? actor.provinceId === provinceId : actor.communeId === id)
  if (!allowed) throw notFound('Không tìm thấy xã/phường')
  return { id, code, provinceId }
}
