// The backup file of unsent changes (`thi-dua.backup/1`) and its checksum: pure functions, no
// DOM, no Node, no storage, so the server's import can run the very same check (the SHA-256
// function is passed in: crypto.subtle on the phone, node:crypto or crypto.subtle on the server).
import type { Mutation } from './protocol'

export const BACKUP_FORMAT = 'thi-dua.backup/1'

export interface BackupUser {
  username: string
  displayName: string
}

/** Everything but the checksum: what the checksum covers. */
export interface BackupPayload {
  format: typeof BACKUP_FORMAT
  commune: string
  deviceId: string
  user: BackupUser | null
  createdAt: string
  /** Every unsent mutation, in the order the user made them, exactly as push sends them. */
  mutations: Mutation[]
}

export interface BackupFile extends BackupPayload {
  /** Lowercase hex SHA-256 of `canonicalJson(payload)` (UTF-8). */
  checksum: string
}

/** Hex SHA-256 of a string's UTF-8 bytes. */
export type Sha256Hex = (text: string) => Promise<string>

/**
 * JSON with object keys sorted (by UTF-16 code units) at every depth and no spaces; `undefined`
 * members are left out, as JSON.stringify does. The same value always gives the same text.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value)
    if (text === undefined) throw new TypeError('canonicalJson: not representable in JSON')
    return text
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
  return `{${entries.join(',')}}`
}

/** Adds the checksum to a payload. */
export async function sealBackup(payload: BackupPayload, sha256: Sha256Hex): Promise<BackupFile> {
  return { ...payload, checksum: await sha256(canonicalJson(payload)) }
}

export type VerifyResult = { ok: true; backup: BackupFile } | { ok: false; reason: string }

/**
 * Checks a backup file (its text or the parsed value): the format, the envelope's fields and
 * the checksum over everything else. Each mutation is checked later, one by one, by the ingest.
 */
export async function verifyBackupWith(input: unknown, sha256: Sha256Hex): Promise<VerifyResult> {
  let data = input
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input)
    } catch {
      return { ok: false, reason: 'Tệp sao lưu không đọc được (không phải JSON).' }
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'Tệp sao lưu không đúng dạng.' }
  const { checksum, ...payload } = data as Record<string, unknown>
  if (payload.format !== BACKUP_FORMAT) return { ok: false, reason: `Tệp không phải bản sao lưu ${BACKUP_FORMAT}.` }
  const strings = ['commune', 'deviceId', 'createdAt'] as const
  if (strings.some((k) => typeof payload[k] !== 'string') || !Array.isArray(payload.mutations) || typeof checksum !== 'string') {
    return { ok: false, reason: 'Tệp sao lưu thiếu thông tin.' }
  }
  if ((await sha256(canonicalJson(payload))) !== checksum.toLowerCase()) {
    return { ok: false, reason: 'Tệp sao lưu đã bị thay đổi hoặc hỏng (mã kiểm tra không khớp).' }
  }
  return { ok: true, backup: data as BackupFile }
}
