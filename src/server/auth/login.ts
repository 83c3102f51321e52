// Signing in: a password check throttled per username (in the database, so it holds across
// instances), then a new device session.
import { randomUUID } from 'node:crypto'
import type { Db } from '../db/types'
import { HttpError } from '../errors'
import { dummyHash, verifyPassword } from './passwords'
import { createSession } from './sessions'

export const MAX_FAILURES = 5
export const FAILURE_WINDOW_MS = 15 * 60 * 1000

export interface LoginInput {
  username: string
  password: string
  deviceId?: string | undefined
  userAgent?: string | undefined
  ip?: string | undefined
}

export async function login(db: Db, input: LoginInput, now: Date): Promise<{ token: string; expiresAt: Date; deviceId: string }> {
  const username = input.username.trim().toLowerCase()
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS)
  const failures = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM login_failures WHERE username = $1 AND at > $2', [username, since])
  if (Number(failures.rows[0]?.n) >= MAX_FAILURES) {
    throw new HttpError(429, 'too_many_attempts', 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.')
  }
  const r = await db.query<{ id: number; password_hash: string }>('SELECT id, password_hash FROM users WHERE username = $1 AND active', [username])
  const user = r.rows[0]
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()))
  if (!user || !ok) {
    await db.query('INSERT INTO login_failures (username, ip, at) VALUES ($1, $2, $3)', [username, input.ip ?? null, now])
    throw new HttpError(401, 'invalid_credentials', 'Sai tên đăng nhập hoặc mật khẩu')
  }
  await db.query('DELETE FROM login_failures WHERE username = $1', [username])
  const deviceId = input.deviceId ?? randomUUID()
  const session = await createSession(db, Number(user.id), deviceId, input.userAgent, now)
  return { ...session, deviceId }
}
