// Resolves the session cookie of each API request into an Actor, and the guards routes use.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isMerged } from '../db/provinces'
import type { Db } from '../db/types'
import { forbidden, notFound, say, unauthorized } from '../errors'
import type { Actor } from './actor'
import { canManage, isProvinceRole } from './actor'
import { resolveSession, SESSION_COOKIE, type PrefetchedCommune } from './sessions'

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null
  }
}

/** The commune of a request's `:commune`, read with the session, by the actor it was read for. */
const prefetched = new WeakMap<Actor, { code: string; commune: PrefetchedCommune }>()

export function sessionHook(db: Db, clock: () => Date) {
  return async (req: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = req.cookies[SESSION_COOKIE]
    if (!token) {
      req.actor = null
      return
    }
    // A route under /communes/:commune gets the commune row in the session's query.
    const code = (req.params as { commune?: unknown } | undefined)?.commune
    if (typeof code === 'string') {
      const found = await resolveSession(db, token, clock(), code)
      req.actor = found?.actor ?? null
      if (found) prefetched.set(found.actor, { code, commune: found.commune })
    } else {
      req.actor = (await resolveSession(db, token, clock())) ?? null
    }
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

/** Whether the commune of this code was merged into another, from the session's query when it read that commune. */
export async function communeMerged(db: Db, actor: Actor | null, code: string): Promise<boolean> {
  const pre = actor ? prefetched.get(actor) : undefined
  if (pre?.code === code) return pre.commune?.merged === true
  return isMerged(db, code)
}

/**
 * The commune a request names, if the actor belongs to it: an administrator to any, a province
 * account to those of its province. Another commune's code answers exactly as a code that does
 * not exist: commune X cannot see commune Y, province A nothing of province B.
 */
export async function communeOf(db: Db, actor: Actor, code: string): Promise<{ id: number; code: string; provinceId: number }> {
  const pre = prefetched.get(actor)
  let row: PrefetchedCommune
  if (pre?.code === code) {
    row = pre.commune
  } else {
    const r = await db.query<{ id: number; province_id: number; merged: boolean }>('SELECT id, province_id, merged_into IS NOT NULL AS merged FROM communes WHERE code = $1', [code])
    row = r.rows[0] ? { id: Number(r.rows[0].id), provinceId: Number(r.rows[0].province_id), merged: r.rows[0].merged } : null
  }
  if (!row) throw notFound(say('commune_not_found'))
  const { id, provinceId } = row
  const allowed = actor.role === 'admin' || (isProvinceRole(actor.role) ? actor.provinceId === provinceId : actor.communeId === id)
  if (!allowed) throw notFound(say('commune_not_found'))
  return { id, code, provinceId }
}
