// Exports the outbox (IndexedDB `outbox`, every state) to a checksummed JSON file for a user who
// cannot get online, and hands it over by the Web Share API or as a download.
import { communeRange, currentUser, type ThiDuaDb } from '../local/db'
import { BACKUP_FORMAT, sealBackup, verifyBackupWith, type BackupFile, type VerifyResult } from '../../shared/backup'

export { BACKUP_FORMAT, canonicalJson, type BackupFile, type VerifyResult } from '../../shared/backup'

/** Hex SHA-256 of the UTF-8 text, by Web Crypto (browsers on HTTPS and localhost, Node ≥ 19). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** Every change of the commune not yet acknowledged by the server (pending, sending, conflict, rejected), in order. */
export async function createBackup(db: ThiDuaDb, commune: string, clock: () => Date = () => new Date()): Promise<BackupFile> {
  const [entries, user, device] = await db.transaction('r', [db.outbox, db.meta], () =>
    Promise.all([db.outbox.where('[commune+unit+period+indicator]').between(...communeRange(commune), true, true).toArray(), currentUser(db), db.meta.get('deviceId')]),
  )
  entries.sort((a, b) => a.seq - b.seq)
  const deviceId = device?.key === 'deviceId' ? device.value : (entries[0]?.mutation.deviceId ?? '')
  return sealBackup(
    {
      format: BACKUP_FORMAT,
      commune,
      deviceId,
      user: user ? { username: user.username, displayName: user.displayName } : null,
      createdAt: clock().toISOString(),
      mutations: entries.map((e) => e.mutation),
    },
    sha256Hex,
  )
}

/** Checks a backup file's format and checksum (the server's import runs the same check). */
export function verifyBackup(input: unknown): Promise<VerifyResult> {
  return verifyBackupWith(input, sha256Hex)
}

/** `thidua-<commune>-<yyyymmdd-hhmm>.json`, in UTC so two exports never share a name by time zone. */
export function backupFileName(backup: Pick<BackupFile, 'commune' | 'createdAt'>): string {
  const stamp = backup.createdAt.slice(0, 16).replace(/[-:]/g, '').replace('T', '-')
  return `thidua-${backup.commune}-${stamp}.json`
}

export interface ShareEnv {
  navigator?: Partial<Pick<Navigator, 'share' | 'canShare'>>
  document?: Pick<Document, 'createElement' | 'body'>
  url?: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>
}

/**
 * Hands the file to the user: the share sheet (Zalo, mail, Drive) where the browser can share
 * files, else a download. `cancelled` when the user closed the share sheet.
 */
/** The browser can neither share nor download a file: the screen says so in the user's language. */
export class BackupUnsupportedError extends Error {
  override name = 'BackupUnsupportedError'
  constructor() {
    super('this browser can neither share nor save a file')
  }
}

/** The share sheet's title and text, in the user's language (the screen's words). */
export interface ShareWords {
  title: string
  text: string
}

export async function shareBackup(backup: BackupFile, words: ShareWords, env: ShareEnv = browserEnv()): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const name = backupFileName(backup)
  const text = JSON.stringify(backup, null, 2)
  const blob = new Blob([text], { type: 'application/json' })
  const nav = env.navigator
  if (nav?.share && nav.canShare && typeof File !== 'undefined') {
    const file = new File([blob], name, { type: 'application/json' })
    const data: ShareData = { files: [file], title: words.title, text: words.text }
    if (nav.canShare(data)) {
      try {
        await nav.share(data)
        return 'shared'
      } catch (err) {
        if (err instanceof DOMException && err.name === 'AbortError') return 'cancelled'
        // NotAllowedError and friends: fall back to a download
      }
    }
  }
  const doc = env.document
  const url = env.url
  if (!doc || !url) throw new BackupUnsupportedError()
  const href = url.createObjectURL(blob)
  const a = doc.createElement('a')
  a.href = href
  a.download = name
  a.rel = 'noopener'
  doc.body.appendChild(a)
  a.click()
  a.remove()
  // Some browsers read the URL after click() returns: revoke it later.
  setTimeout(() => url.revokeObjectURL(href), 60_000)
  return 'downloaded'
}

function browserEnv(): ShareEnv {
  return {
    ...(typeof navigator === 'undefined' ? {} : { navigator }),
    ...(typeof document === 'undefined' ? {} : { document }),
    ...(typeof URL === 'undefined' ? {} : { url: URL }),
  }
}
