// Administrator tasks run from the command line (admin.ts): the first administrator with a
// one-time link, and closing the demo accounts of a database that goes into production.
import * as v from 'valibot'
import { issueMessage } from '../shared/model'
import { ENROLMENT_PATH, UsernameSchema } from '../shared/province'
import type { Config } from './config'
import { issueEnrolment } from './db/enrolments'
import type { Db } from './db/types'
import { activeDemoAccounts } from './start'

/** A mistake in the command's words: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export async function createAdmin(db: Db, config: Pick<Config, 'publicUrl'>, rawUsername: string, displayName: string, now: Date): Promise<{ link: string; expiresAt: string; created: boolean }> {
  const parsed = v.safeParse(UsernameSchema, rawUsername)
  if (!parsed.success) throw new UsageError(`--username: ${issueMessage(parsed.issues[0]!)}`)
  const username = parsed.output
  return db.transaction(async (tx) => {
    const found = await tx.query<{ id: number; role: string }>('SELECT id, role FROM users WHERE username = $1 FOR UPDATE', [username])
    const existing = found.rows[0]
    if (existing && existing.role !== 'admin') throw new UsageError(`"${username}" is already the name of a ${existing.role} account; choose another name`)
    const userId = existing
      ? Number(existing.id)
      : Number((await tx.query<{ id: number }>("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ($1, $2, 'admin', NULL, $3) RETURNING id", [username, displayName, now])).rows[0]!.id)
    if (existing) await tx.query('UPDATE users SET active = true WHERE id = $1', [userId])
    const enrolment = await issueEnrolment(tx, userId, 'password', null, now)
    return { link: `${config.publicUrl}${ENROLMENT_PATH}${enrolment.token}`, expiresAt: enrolment.expiresAt, created: !existing }
  })
}

export async function closeDemoAccounts(db: Db, now: Date): Promise<string[]> {
  const names = await activeDemoAccounts(db)
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET active = false WHERE demo AND active')
    await tx.query('UPDATE sessions SET revoked_at = $1 WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE demo)', [now])
  })
  return names
}

