// One-time enrolment links: read whose link it is, then use it to set a password and sign in.
// Parse → delegate to db/enrolments.ts; the session is opened as a sign-in opens one.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { LoginResult } from '../../shared/api'
import { EnrolmentTokenSchema, EnrolSchema } from '../../shared/province'
import { hashPassword } from '../auth/passwords'
import { createSession } from '../auth/sessions'
import { enrolmentInfo, useEnrolment } from '../db/enrolments'
import { enforce, type RateLimit } from '../db/rateLimits'
import type { Db } from '../db/types'
import { parseWith, say } from '../errors'
import { signedIn } from './auth'

/**
 * Guessing a 256-bit token is hopeless; the budget keeps a scan from loading the database (and the
 * password hashing). Held in the database, per client address, so it holds across instances.
 */
export const ENROLMENT_LIMIT: RateLimit = { bucket: 'enrolment', max: 30, windowMs: 60_000 }

export function enrolmentRoutes(app: FastifyInstance, { db, clock, secureCookies }: { db: Db; clock: () => Date; secureCookies: boolean }): void {
  const limit = (ip: string, now: Date) => enforce(db, ENROLMENT_LIMIT, ip, now, say('too_many_enrolments'))

  app.get<{ Params: { token: string } }>('/enrolments/:token', async (req) => {
    const token = parseWith(EnrolmentTokenSchema, req.params.token, 'Liên kết kích hoạt')
    const now = clock()
    await limit(req.ip, now)
    return enrolmentInfo(db, token, now)
  })

  app.post<{ Params: { token: string } }>('/enrolments/:token', async (req, reply): Promise<LoginResult> => {
    const token = parseWith(EnrolmentTokenSchema, req.params.token, 'Liên kết kích hoạt')
    const body = parseWith(EnrolSchema, req.body, 'Mật khẩu')
    const now = clock()
    await limit(req.ip, now)
    const userId = await useEnrolment(db, token, await hashPassword(body.password), now)
    const session = await createSession(db, userId, body.deviceId ?? randomUUID(), req.headers['user-agent'], now)
    return signedIn(db, req, reply, session, now, secureCookies)
  })
}
