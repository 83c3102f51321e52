// Applies a phone's backup file of unsent changes, uploaded by an officer, through the same
// idempotent ingest as a push: batches of at most 500, each one transaction, so importing the
// same file twice, or a file whose changes already arrived by sync, changes nothing twice.
//
// The file is authorised as its own user on its own device, never with the officer's rights:
// its checksum is a plain SHA-256 anyone can recompute, so a reporter could otherwise write
// another unit through the officer. The file's user must be an account of this commune that
// has signed in on the file's device; each mutation is then decided with that user's role and
// units, and the audit names that user and, beside them, the officer who uploaded the file.
import { createHash } from 'node:crypto'
import { verifyBackupWith, type BackupFile } from '../../shared/backup'
import { MAX_PUSH_BATCH } from '../../shared/limits'
import type { MutationOutcome } from '../../shared/protocol'
import { unstorableReason } from '../../shared/text'
import type { Actor } from '../auth/actor'
import type { Db, Queryable } from '../db/types'
import { forbidden, HttpError } from '../errors'
import { ingest } from './ingest'

const sha256Hex = async (text: string): Promise<string> => createHash('sha256').update(text, 'utf8').digest('hex')

export interface ImportResult {
  deviceId: string
  user: BackupFile['user']
  createdAt: string
  counts: Record<MutationOutcome['status'], number>
  outcomes: MutationOutcome[]
}

export async function importBackup(db: Db, actor: Actor, commune: { id: number; code: string }, input: unknown, now: Date): Promise<ImportResult> {
  const verified = await verifyBackupWith(input, sha256Hex)
  if (!verified.ok) throw new HttpError(400, 'invalid_backup', verified.reason)
  const backup = verified.backup
  if (backup.commune !== commune.code) {
    throw new HttpError(400, 'wrong_commune', `Tệp sao lưu của xã/phường “${backup.commune}”, không phải “${commune.code}”`)
  }
  if (backup.mutations.length === 0) throw new HttpError(400, 'invalid_backup', 'Tệp sao lưu không có thay đổi nào')
  const owner = await fileOwner(db, commune.id, backup)
  const outcomes: MutationOutcome[] = []
  for (let i = 0; i < backup.mutations.length; i += MAX_PUSH_BATCH) {
    const res = await ingest(db, owner, commune.id, backup.mutations.slice(i, i + MAX_PUSH_BATCH), now, { importedBy: actor })
    outcomes.push(...res.outcomes)
  }
  const counts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 }
  for (const o of outcomes) counts[o.status]++
  return { deviceId: backup.deviceId, user: backup.user, createdAt: backup.createdAt, counts, outcomes }
}

interface OwnerRow {
  id: number
  username: string
  display_name: string
  role: Actor['role']
  commune_id: number | null
  active: boolean
  unit_ids: number[] | null
  signed_in: boolean
}

/** The file's own user on the file's device, as the actor its mutations are decided for. */
async function fileOwner(q: Queryable, communeId: number, backup: BackupFile): Promise<Actor> {
  const username = backup.user?.username
  if (typeof username !== 'string' || username.length > 64 || unstorableReason(username) || unstorableReason(backup.deviceId) || backup.deviceId.length > 64) {
    throw new HttpError(400, 'invalid_backup', 'Tệp sao lưu không ghi tài khoản đã tạo ra nó, nên không biết nhập với quyền của ai.')
  }
  const r = await q.query<OwnerRow>(
    `SELECT u.id, u.username, u.display_name, u.role, u.commune_id, u.active,
            (SELECT array_agg(uu.unit_id) FROM user_units uu WHERE uu.user_id = u.id) AS unit_ids,
            EXISTS (SELECT 1 FROM sessions s WHERE s.user_id = u.id AND s.device_id = $2) AS signed_in
       FROM users u WHERE u.username = $1`,
    [username.toLowerCase(), backup.deviceId],
  )
  const row = r.rows[0]
  if (!row || row.commune_id === null || Number(row.commune_id) !== communeId) {
    throw new HttpError(400, 'unknown_user', `Tài khoản “${username}” của tệp sao lưu không thuộc xã/phường này`)
  }
  if (!row.signed_in) {
    throw new HttpError(400, 'unknown_device', `Tài khoản “${username}” chưa từng đăng nhập trên thiết bị của tệp sao lưu`)
  }
  if (!row.active) throw forbidden(`Tài khoản “${username}” đã bị khóa: không nhập được số liệu của tài khoản này`)
  return {
    userId: Number(row.id),
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    communeId: Number(row.commune_id),
    provinceId: null,
    unitIds: new Set((row.unit_ids ?? []).map(Number)),
    deviceId: backup.deviceId,
    // No session: the file is not a sign-in, and the ingest leaves sessions alone for an import.
    sessionHash: '',
  }
}
