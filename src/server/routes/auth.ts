// Sign in, sign out, and who am I. Parse → delegate to auth/login.ts and auth/sessions.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import * as v from 'valibot'
import { TextSchema } from '../../shared/text'
import { DeviceIdSchema } from '../../shared/protocol'
import type { LoginResult, Me } from '../../shared/api'
import type { Actor } from '../auth/actor'
import { login } from '../auth/login'
import { requireActor } from '../auth/plugin'
import { resolveSession, revokeSession, SESSION_COOKIE, SESSION_DAYS } from '../auth/sessions'
import type { Db } from '../db/types'
import { parseWith } from '../errors'

const LoginSchema = v.object({
  username: v.pipe(TextSchema, v.trim(), v.minLength(1, 'chưa nhập tên đăng nhập'), v.maxLength(64, 'tên đăng nhập quá dài')),
  password: v.pipe(TextSchema, v.minLength(1, 'chưa nhập mật khẩu'), v.maxLength(200, 'mật khẩu quá dài')),
  deviceId: v.optional(DeviceIdSchema),
})

export interface AuthRouteOptions {
  db: Db
  clock: () => Date
  secureCookies: boolean
}

export function authRoutes(app: FastifyInstance, { db, clock, secureCookies }: AuthRouteOptions): void {
  app.post('/auth/login', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, async (req, reply): Promise<LoginResult> => {
    const body = parseWith(LoginSchema, req.body, 'Thông tin đăng nhập')
    const now = clock()
    const session = await login(db, { ...body, userAgent: req.headers['user-agent'], ip: req.ip }, now)
    return signedIn(db, req, reply, session, now, secureCookies)
  })

  app.post('/auth/logout', async (req, reply) => {
    const actor = requireActor(req)
    await revokeSession(db, actor.sessionHash, clock())
    reply.clearCookie(SESSION_COOKIE, { path: '/' })
    return { ok: true }
  })

  app.get('/auth/me', async (req) => describe(db, requireActor(req)))
}

/**
 * A new session's cookie, and the answer of a sign-in (a password, or an enrolment link). The
 * cookie is `Secure` when COOKIE_SECURE says so, and always over HTTPS, directly or through a
 * reverse proxy (`req.protocol` honours X-Forwarded-Proto only with TRUST_PROXY).
 */
export async function signedIn(db: Db, req: FastifyRequest, reply: FastifyReply, session: { token: string; expiresAt: Date }, now: Date, secureCookies: boolean): Promise<LoginResult> {
  const actor = await resolveSession(db, session.token, now)
  if (!actor) throw new Error('a session just created does not resolve')
  const secure = secureCookies || req.protocol === 'https'
  reply.setCookie(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: SESSION_DAYS * 86_400 })
  return { expiresAt: session.expiresAt.toISOString(), me: await describe(db, actor) }
}

async function describe(db: Db, actor: Actor): Promise<Me> {
  const commune = actor.communeId === null ? null : ((await db.query<{ code: string; name: string }>('SELECT code, name FROM communes WHERE id = $1', [actor.communeId])).rows[0] ?? null)
  // A province account's own province, or the province of the commune.
  const province =
    (await db.query<{ code: string; name: string }>('SELECT code, name FROM provinces WHERE id = COALESCE($1::bigint, (SELECT province_id FROM communes WHERE id = $2))', [actor.provinceId, actor.communeId])).rows[0] ?? null
  const units = (await db.query<{ code: string; name: string; kind: string }>('SELECT code, name, kind FROM units WHERE id = ANY($1::bigint[]) ORDER BY code', [[...actor.unitIds]])).rows
  return { username: actor.username, displayName: actor.displayName, role: actor.role, deviceId: actor.deviceId, commune, province, units }
}
