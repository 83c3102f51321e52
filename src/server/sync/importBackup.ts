// Applies a phone's backup file of unsent changes, uploaded by an officer, through the same
// idempotent ingest as a push: batches of at most 500, each one transaction, so importing the
// same file twice, or a file whose changes already arrived by sync, changes nothing twice.
import { createHash } from 'node:crypto'
import { verifyBackupWith, type BackupFile } from '../../shared/backup'
import { MAX_PUSH_BATCH } from '../../shared/limits'
import type { MutationOutcome } from '../../shared/protocol'
import type { Actor } from '../auth/actor'
import type { Db } from '../db/types'
import { HttpError } from '../errors'
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
  const outcomes: MutationOutcome[] = []
  for (let i = 0; i < backup.mutations.length; i += MAX_PUSH_BATCH) {
    const res = await ingest(db, actor, commune.id, backup.mutations.slice(i, i + MAX_PUSH_BATCH), now)
    outcomes.push(...res.outcomes)
  }
  const counts = { applied: 0, duplicate: 0, conflict: 0, rejected: 0 }
  for (const o of outcomes) counts[o.status]++
  return { deviceId: backup.deviceId, user: backup.user, createdAt: backup.createdAt, counts, outcomes }
}
