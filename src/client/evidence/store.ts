// The phone's evidence queue: photos and PDFs waiting to be uploaded, as Blobs in IndexedDB (a
// Dexie database of its own, `thidua-evidence`, beside the `thidua` database and its outbox: it
// loads only with the evidence screens, so the first load does not carry it, and a photo never
// sits in a transaction of the figures). A file stays here until the server confirmed it stored.
import Dexie, { type EntityTable } from 'dexie'
import type { EvidenceRefusal, EvidenceType } from '../../shared/evidence'

export const EVIDENCE_DB_NAME = 'thidua-evidence'

/**
 * `waiting`: to upload (again) when online; `refused`: the server said no (kept with its reason
 * until the user retries or drops it); `stored`: confirmed by the server, the Blob already gone.
 */
export type QueuedState = 'waiting' | 'refused' | 'stored'

export interface QueuedFile {
  /** The phone's id of the file, sent as the upload's `clientId`: a retry is the same evidence. */
  clientId: string
  commune: string
  unit: string
  period: string
  /** The figure it supports; null for the whole report. */
  indicator: string | null
  caption: string
  filename: string
  type: EvidenceType
  size: number
  /** The bytes; null once the server confirmed them. */
  blob: Blob | null
  state: QueuedState
  /** Where the upload in progress lives on the server (tus), to resume it. */
  uploadUrl: string | null
  /** Bytes the server has, as last reported. */
  sent: number
  /** The server's refusal, in its words (`code`, `message`, wording `key`). */
  refusal: { code: EvidenceRefusal | string; message: string; key?: string; params?: Record<string, string | number> } | null
  /** The stored evidence's id, once confirmed. */
  evidenceId: string | null
  createdAt: string
  /** The server made a thumbnail of it (a picture stored); absent on a file not confirmed yet. */
  thumbnail?: boolean
  /** The server's version of the row (pull), to keep the newest. */
  version?: number
  /** Who uploaded it (a row pulled from the server: the head's other phone, say). */
  uploadedBy?: string | null
  /** The location kept with the photo (the setting "keep location" was on when it was taken). */
  location?: { lat: number; long: number } | null
}

export type EvidenceDb = Dexie & { files: EntityTable<QueuedFile, 'clientId'> }

export function openEvidenceDb(name = EVIDENCE_DB_NAME): EvidenceDb {
  const db = new Dexie(name) as EvidenceDb
  db.version(1).stores({ files: 'clientId, state, [commune+unit+period]' })
  // 2: rows pulled from the server (stored files uploaded elsewhere) sit beside the phone's own; found by the server's id.
  db.version(2).stores({ files: 'clientId, state, [commune+unit+period], evidenceId' })
  return db
}

let shared: EvidenceDb | undefined
/** The evidence database of this phone (opened once). */
export function evidenceDb(): EvidenceDb {
  return (shared ??= openEvidenceDb())
}

/** The files of a report the phone holds, waiting or refused or stored, oldest first. */
export async function filesOfReport(db: EvidenceDb, commune: string, unit: string, period: string): Promise<QueuedFile[]> {
  const rows = await db.files.where('[commune+unit+period]').equals([commune, unit, period]).toArray()
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** What waits to be uploaded, oldest first. */
export async function waitingFiles(db: EvidenceDb, commune: string): Promise<QueuedFile[]> {
  const rows = await db.files.where('state').equals('waiting').toArray()
  return rows.filter((r) => r.commune === commune).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
}

/** The user drops a file (refused, or not wanted any more): it leaves the phone. */
export async function dropFile(db: EvidenceDb, clientId: string): Promise<void> {
  await db.files.delete(clientId)
}

/** The user sends a refused file again (after the officer unlocked the period, say). */
export async function retryFile(db: EvidenceDb, clientId: string): Promise<void> {
  await db.files.update(clientId, { state: 'waiting', refusal: null, uploadUrl: null, sent: 0 })
}
