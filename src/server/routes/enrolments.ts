// One-time enrolment links: read whose link it is, then use it to set a password and sign in.
// Parse → delegate to db/enrolments.ts; the session is opened as a sign-in opens one.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { LoginResult } from '../../shared/api'
import { EnrolmentTokenSchema, EnrolSchema } from '../../shared/province'
import { hashPassword } from '../auth/passwords'
import { createSession } from '../auth/sessions'
import { enrolmentInfo, useEnrolment } from '../db/enrolments'
import type { Db } from '../db/types'
import { parseWith } from '../errors'
import { signedIn } from './auth'

export function enrolmentRoutes(app: FastifyInstance, { db, clock, secureCookies }: { db: Db; clock: () => Date; secureCookies: boolean }): void {
  // Guessing a 256-bit token is hopeless; the limit keeps a scan from loading the database.
  const limited = { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }

  app.get<{ Params: { token: string } }>('/enrolments/:token', limited, async (req) => {
    const token = parseWith(EnrolmentTokenSchema, req.params.token, 'Liên kết kích hoạt')
    return enrolmentInfo(db, token, clock())
  })

  app.post<{ Params: { token: string } }>('/enrolments/:token', limited, async (req, reply): Promise<LoginResult> => {
    const token = parseWith(EnrolmentTokenSchema, req.params.token, 'Liên kết kích hoạt')
    const body = parseWith(EnrolSchema, req.body, 'Mật khẩu')
    const now = clock()
    const userId = await useEnrolment(db, token, await hashPassword(body.password), now)
    const session = await createSession(db, userId, body.deviceId ?? randomUUID(), req.headers['user-agent'], now)
    return signedIn(db, req, reply, session, now, secureCookies)
  })
}
