// Evidence's rules on the server: what may be uploaded where (checked before a byte is accepted
// and again, under the commune lock, when the last byte came), turning a finished upload into a
// stored file with its thumbnail and its versioned row, and removing one. Bytes go to the
// evidence storage before the row is written; a refused or failed write removes them again, so
// nothing is ever half-stored.
import { createHash, randomUUID } from 'node:crypto'
import sharp from 'sharp'
import {
  checkDeclaredSize,
  checkEvidenceBytes,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_MAX_PER_REPORT,
  EVIDENCE_THUMB_PX,
  isImageType,
  type Evidence,
  type EvidenceType,
  type EvidenceUploadMeta,
} from '../../shared/evidence'
import { canReadUnit, canWriteUnit, type Actor } from '../auth/actor'
import { checkReportOpen, evidenceById, evidenceByClientId, evidenceRefusal, insertEvidence, markDeleted, reportTarget, usage, type ReportTarget, type StoredEvidence } from '../db/evidence'
import type { Db, Queryable } from '../db/types'
import { bumpVersion } from '../db/versions'
import { forbidden, notFound, say } from '../errors'
import type { EvidenceStorage } from './storage'

export interface EvidenceDeps {
  db: Db
  storage: EvidenceStorage
  /** What one commune may store in all (config EVIDENCE_QUOTA_MB). */
  quotaBytes: number
  /** Largest file (shared EVIDENCE_MAX_BYTES; tests lower it). */
  maxBytes?: number
  clock: () => Date
}

const MB = 1024 * 1024
const maxOf = (deps: EvidenceDeps): number => deps.maxBytes ?? EVIDENCE_MAX_BYTES

/** The limits a new file of `size` bytes must fit: the report's count, the commune's quota. */
async function checkLimits(q: Queryable, deps: EvidenceDeps, communeId: number, target: ReportTarget, size: number): Promise<void> {
  const used = await usage(q, communeId, target.unitId, target.periodId)
  if (used.onReport >= EVIDENCE_MAX_PER_REPORT) throw evidenceRefusal('evidence_too_many', { max: EVIDENCE_MAX_PER_REPORT })
  if (used.communeBytes + size > deps.quotaBytes) throw evidenceRefusal('evidence_quota', { max: Math.round(deps.quotaBytes / MB) })
}

/** The report a new upload names, if this actor may add to it now; refused before any byte is accepted. */
export async function precheckUpload(deps: EvidenceDeps, actor: Actor, communeId: number, meta: EvidenceUploadMeta, size: number): Promise<ReportTarget> {
  const refusal = checkDeclaredSize(size, maxOf(deps))
  if (refusal) throw evidenceRefusal(refusal, { max: Math.round(maxOf(deps) / MB) })
  const target = await reportTarget(deps.db, communeId, meta.unit, meta.period, meta.indicator)
  if (!canWriteUnit(actor, target.unitId)) throw forbidden(say('reporter_reads_own_reports'))
  checkReportOpen(target)
  await checkLimits(deps.db, deps, communeId, target, size)
  return target
}

/** What the server makes of a picture: its size upright and a small WebP thumbnail. */
interface Picture {
  width: number
  height: number
  thumbnail: Buffer
}

/**
 * Decodes the whole picture (a file damaged inside fails here) and makes its thumbnail, turned
 * upright by its EXIF orientation and without its metadata (no location leaves in a thumbnail).
 */
async function picture(bytes: Buffer): Promise<Picture> {
  const options = { failOn: 'warning' as const, limitInputPixels: 100_000_000 }
  const meta = await sharp(bytes, options).metadata()
  const thumbnail = await sharp(bytes, options)
    .autoOrient()
    .resize(EVIDENCE_THUMB_PX, EVIDENCE_THUMB_PX, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 70 })
    .toBuffer()
  const upright = meta.autoOrient ?? { width: meta.width, height: meta.height }
  return { width: upright.width, height: upright.height, thumbnail }
}

/** Thrown inside the transaction when the same client id was stored meanwhile: nothing of this upload is kept. */
class AlreadyStored extends Error {
  constructor(readonly existing: StoredEvidence) {
    super('already stored')
  }
}

/**
 * A finished upload becomes a stored file: the bytes are checked (type by their magic bytes, whole,
 * decodable), the thumbnail made, both put in storage, then the row written in one transaction that
 * bumps the commune version (so pull delivers it), with every rule checked again under the lock.
 * The same client id again answers the evidence stored the first time.
 */
export async function storeUpload(deps: EvidenceDeps, actor: Actor, communeId: number, meta: EvidenceUploadMeta, bytes: Buffer): Promise<Evidence> {
  const earlier = await evidenceByClientId(deps.db, communeId, meta.clientId)
  if (earlier) return sameEvidence(actor, earlier)
  const check = checkEvidenceBytes(bytes, maxOf(deps))
  if (!check.ok) throw evidenceRefusal(check.refusal, { max: Math.round(maxOf(deps) / MB) })
  const type: EvidenceType = check.type
  let pic: Picture | undefined
  if (isImageType(type)) {
    try {
      pic = await picture(bytes)
    } catch {
      throw evidenceRefusal('evidence_truncated')
    }
  }
  const id = randomUUID()
  const storageKey = `c${communeId}/${id}`
  const thumbKey = pic ? `${storageKey}.thumb.webp` : null
  await deps.storage.put(storageKey, bytes, type)
  try {
    if (pic && thumbKey) await deps.storage.put(thumbKey, pic.thumbnail, 'image/webp')
    const now = deps.clock()
    await deps.db.transaction(async (tx) => {
      const version = await bumpVersion(tx, communeId)
      const again = await evidenceByClientId(tx, communeId, meta.clientId)
      if (again) throw new AlreadyStored(again)
      const target = await reportTarget(tx, communeId, meta.unit, meta.period, meta.indicator)
      if (!canWriteUnit(actor, target.unitId)) throw forbidden(say('reporter_reads_own_reports'))
      checkReportOpen(target)
      await checkLimits(tx, deps, communeId, target, bytes.length)
      await insertEvidence(
        tx,
        communeId,
        actor,
        {
          id,
          clientId: meta.clientId,
          target,
          indicator: meta.indicator ?? null,
          caption: meta.caption,
          filename: meta.filename,
          type,
          size: bytes.length,
          width: pic?.width ?? null,
          height: pic?.height ?? null,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          storageKey,
          thumbKey,
        },
        version,
        now,
      )
    })
  } catch (err) {
    await removeBytes(deps.storage, storageKey, thumbKey)
    if (err instanceof AlreadyStored) return sameEvidence(actor, err.existing)
    throw err
  }
  const stored = await evidenceById(deps.db, communeId, id)
  return stored!.evidence
}

/** A retried upload of a stored file: the same evidence, to whoever may write its unit. */
function sameEvidence(actor: Actor, e: StoredEvidence): Evidence {
  if (!canWriteUnit(actor, e.unitId)) throw forbidden(say('reporter_reads_own_reports'))
  return e.evidence
}

async function removeBytes(storage: EvidenceStorage, ...keys: (string | null)[]): Promise<void> {
  await Promise.all(keys.filter((k): k is string => k !== null).map((k) => storage.delete(k).catch(() => undefined)))
}

/** A stored file the actor may read (another unit's answers as one that does not exist). */
export async function readableEvidence(deps: Pick<EvidenceDeps, 'db'>, actor: Actor, communeId: number, id: string): Promise<StoredEvidence> {
  const e = await evidenceById(deps.db, communeId, id)
  if (!e || e.evidence.deleted || !canReadUnit(actor, e.unitId)) throw notFound(say('evidence_not_found'))
  return e
}

/** Removes a file: by whoever may write its unit, before the report is approved or its period locked. */
export async function deleteEvidence(deps: EvidenceDeps, actor: Actor, communeId: number, id: string): Promise<{ version: number }> {
  const now = deps.clock()
  const { version, gone } = await deps.db.transaction(async (tx) => {
    const version = await bumpVersion(tx, communeId)
    const e = await evidenceById(tx, communeId, id)
    if (!e || e.evidence.deleted || !canReadUnit(actor, e.unitId)) throw notFound(say('evidence_not_found'))
    if (!canWriteUnit(actor, e.unitId)) throw forbidden()
    const target = await reportTarget(tx, communeId, e.evidence.unit, e.evidence.period, undefined)
    checkReportOpen(target)
    await markDeleted(tx, communeId, actor, e, target, version, now)
    return { version, gone: e }
  })
  // After the commit: a failure here leaves bytes no row points to, never a row without bytes.
  await removeBytes(deps.storage, gone.storageKey, gone.thumbKey)
  return { version }
}
