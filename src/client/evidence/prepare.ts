// A file chosen on the phone, made ready to queue: its type read from its bytes (shared
// sniffType), a photo turned upright and shrunk (longest side 1600 px, JPEG, about 200–300 KB: a
// 12-megapixel photo from a phone is 4–8 MB), a PDF kept as it is. Re-encoding through a canvas
// drops every EXIF tag, the location among them; with the head's setting "keep location" on
// (settings.ts), the photo's location alone is written back into the compressed JPEG (exif.ts).
import { readGps, withGps, type GpsLocation } from './exif'
import { checkEvidenceBytes, EVIDENCE_MAX_BYTES, EVIDENCE_PHOTO_MAX_PX, EVIDENCE_PHOTO_QUALITY, isImageType, QUOTA_WARNING_SHARE, sniffType, type EvidenceRefusal, type EvidenceType } from '../../shared/evidence'

/** The size to draw a picture of `width` × `height` at, its longest side at most `max`. */
export function fitWithin(width: number, height: number, max = EVIDENCE_PHOTO_MAX_PX): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Aim: a photo under this many bytes; the quality steps down until it is (never below 0.5). */
export const PHOTO_TARGET_BYTES = 300 * 1024

/** The picture upright (EXIF orientation applied), drawn at most 1600 px, as JPEG. */
export async function compressPhoto(file: Blob, target = PHOTO_TARGET_BYTES): Promise<Blob> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height)
    const canvas = new OffscreenCanvas(width, height)
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2d canvas')
    ctx.drawImage(bitmap, 0, 0, width, height)
    let quality = EVIDENCE_PHOTO_QUALITY
    let out = await canvas.convertToBlob({ type: 'image/jpeg', quality })
    while (out.size > target && quality > 0.5) {
      quality = Math.round((quality - 0.1) * 10) / 10
      out = await canvas.convertToBlob({ type: 'image/jpeg', quality })
    }
    return out
  } finally {
    bitmap.close()
  }
}

export type Prepared = { ok: true; blob: Blob; type: EvidenceType; location: GpsLocation | null } | { ok: false; refusal: EvidenceRefusal }

/** Where a JPEG's EXIF sits: within its first bytes (64 KB at most by the format, before the picture). */
const EXIF_WITHIN = 128 * 1024

/**
 * The file as it will be queued, or why not: refused on the phone for what the server would
 * refuse by the bytes (empty, too large, not a JPEG, PNG, WebP or PDF, cut short).
 */
export async function prepareFile(file: Blob, compress: (photo: Blob) => Promise<Blob> = compressPhoto, options: { keepLocation?: boolean } = {}): Promise<Prepared> {
  if (file.size === 0) return { ok: false, refusal: 'evidence_empty' }
  const type = sniffType(new Uint8Array(await file.slice(0, 16).arrayBuffer()))
  if (type === undefined) return { ok: false, refusal: 'evidence_type' }
  if (isImageType(type)) {
    let blob: Blob
    try {
      blob = await compress(file)
    } catch {
      // The browser could not decode it: a photo cut short or damaged.
      return { ok: false, refusal: 'evidence_truncated' }
    }
    // Setting off (the default): the compressed photo carries no EXIF, so no location.
    const location = options.keepLocation && type === 'image/jpeg' ? readGps(new Uint8Array(await file.slice(0, EXIF_WITHIN).arrayBuffer())) : null
    if (location) blob = new Blob([withGps(new Uint8Array(await blob.arrayBuffer()), location) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' })
    return { ok: true, blob, type: 'image/jpeg', location }
  }
  if (file.size > EVIDENCE_MAX_BYTES) return { ok: false, refusal: 'evidence_too_large' }
  const check = checkEvidenceBytes(new Uint8Array(await file.arrayBuffer()))
  return check.ok ? { ok: true, blob: file, type: check.type, location: null } : { ok: false, refusal: check.refusal }
}

/** What the browser lets this site store, and whether it is nearly full (QUOTA_WARNING_SHARE). */
export async function storageUse(storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage): Promise<{ usage: number; quota: number; nearlyFull: boolean } | null> {
  if (!storage?.estimate) return null
  const { usage = 0, quota = 0 } = await storage.estimate()
  return { usage, quota, nearlyFull: quota > 0 && usage / quota >= QUOTA_WARNING_SHARE }
}
