// Evidence (minh chứng) on a report: a photo or a PDF attached to one figure or to the whole
// report, with a caption. The shape both sides speak, the limits, and the check of a file's
// bytes (its type read from its magic bytes, never from its name). Pure: no I/O, no clock.
import * as v from 'valibot'
import { CodeSchema } from './model'
import { TextSchema } from './text'

// ---------------------------------------------------------------------------
// Limits (the server enforces them; the phone checks the first three before queueing)

/** Largest file accepted. A photo compressed on the phone is about 300 KB; a scanned list in PDF a few MB. */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
/** At most this many files on one report (its figures and the whole report together). */
export const EVIDENCE_MAX_PER_REPORT = 30
/** What a commune may store in all, by default (the server's EVIDENCE_QUOTA_MB overrides it). */
export const EVIDENCE_COMMUNE_QUOTA_BYTES = 2 * 1024 * 1024 * 1024
/** A caption's and a file name's longest form, in characters. */
export const EVIDENCE_CAPTION_MAX = 500
export const EVIDENCE_FILENAME_MAX = 200
/** The longest side of a server-made thumbnail, in pixels. */
export const EVIDENCE_THUMB_PX = 320
/** What the phone aims for when it compresses a photo: the longest side, and a JPEG quality. */
export const EVIDENCE_PHOTO_MAX_PX = 1600
export const EVIDENCE_PHOTO_QUALITY = 0.8

// ---------------------------------------------------------------------------
// Types

export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const
export type EvidenceType = (typeof EVIDENCE_TYPES)[number]
export const EvidenceTypeSchema = v.picklist(EVIDENCE_TYPES)

/** Whether a type is a picture (a thumbnail is made of it) rather than a document. */
export const isImageType = (type: EvidenceType): boolean => type !== 'application/pdf'

/**
 * Why a file is refused. The API answers with these as its `code` (and the wording's key in
 * shared/errors.ts); the phone keeps the file and shows the reason until the user acts.
 */
export const EVIDENCE_REFUSALS = [
  'evidence_empty',
  'evidence_too_large',
  'evidence_type',
  'evidence_truncated',
  'evidence_too_many',
  'evidence_quota',
  'evidence_period_locked',
  'evidence_report_approved',
] as const
export type EvidenceRefusal = (typeof EVIDENCE_REFUSALS)[number]

/** The HTTP status of each refusal. */
export const EVIDENCE_REFUSAL_STATUS: Readonly<Record<EvidenceRefusal, number>> = {
  evidence_empty: 400,
  evidence_too_large: 413,
  evidence_type: 415,
  evidence_truncated: 400,
  evidence_too_many: 409,
  evidence_quota: 409,
  evidence_period_locked: 409,
  evidence_report_approved: 409,
}

// ---------------------------------------------------------------------------
// Sniffing: the type by the file's first bytes, and whether the file ends as its type must

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b)

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const RIFF = ascii('RIFF')
const WEBP = ascii('WEBP')
const PDF = ascii('%PDF-')

/** The type the bytes say, from their first 12; undefined for anything else (HTML, a GIF, a Word file, text). */
export function sniffType(bytes: Uint8Array): EvidenceType | undefined {
  if (startsWith(bytes, JPEG)) return 'image/jpeg'
  if (startsWith(bytes, PNG)) return 'image/png'
  if (startsWith(bytes, RIFF) && startsWith(bytes, WEBP, 8)) return 'image/webp'
  if (startsWith(bytes, PDF)) return 'application/pdf'
  return undefined
}

/** The last index of `needle` in `bytes` at or after `from`, or -1. */
function lastIndexOf(bytes: Uint8Array, needle: readonly number[], from: number): number {
  for (let i = bytes.length - needle.length; i >= Math.max(0, from); i--) {
    if (needle.every((b, j) => bytes[i + j] === b)) return i
  }
  return -1
}

/** How far from its end a file may carry padding after its end marker (cameras pad JPEGs; PDFs end with a newline or two). */
const TAIL = 4096

/**
 * Whether a file of `type` is whole: a JPEG ends with its EOI marker, a PNG with its IEND chunk,
 * a WebP is as long as its RIFF header says, a PDF has `%%EOF` near its end. A transfer cut short
 * (a truncated photo) fails this; a file damaged inside is caught by decoding it (the server's thumbnail).
 */
export function isWhole(type: EvidenceType, bytes: Uint8Array): boolean {
  const tail = bytes.length - TAIL
  switch (type) {
    case 'image/jpeg':
      return bytes.length > 4 && lastIndexOf(bytes, [0xff, 0xd9], tail) > 2
    case 'image/png':
      return lastIndexOf(bytes, [...ascii('IEND'), 0xae, 0x42, 0x60, 0x82], tail) > PNG.length
    case 'image/webp': {
      if (bytes.length < 12) return false
      const declared = (bytes[4]! | (bytes[5]! << 8) | (bytes[6]! << 16) | (bytes[7]! << 24)) >>> 0
      return declared + 8 <= bytes.length
    }
    case 'application/pdf':
      return lastIndexOf(bytes, ascii('%%EOF'), tail) > PDF.length
  }
}

export type EvidenceBytesCheck = { ok: true; type: EvidenceType } | { ok: false; refusal: EvidenceRefusal }

/**
 * The checks a file's bytes must pass, in order: not empty, not over `maxBytes`, a known type by
 * its bytes (whatever its name or declared type says), and whole.
 */
export function checkEvidenceBytes(bytes: Uint8Array, maxBytes: number = EVIDENCE_MAX_BYTES): EvidenceBytesCheck {
  if (bytes.length === 0) return { ok: false, refusal: 'evidence_empty' }
  if (bytes.length > maxBytes) return { ok: false, refusal: 'evidence_too_large' }
  const type = sniffType(bytes)
  if (type === undefined) return { ok: false, refusal: 'evidence_type' }
  if (!isWhole(type, bytes)) return { ok: false, refusal: 'evidence_truncated' }
  return { ok: true, type }
}

/** The check of a declared size, before any byte is sent (tus `Upload-Length`). */
export function checkDeclaredSize(size: number, maxBytes: number = EVIDENCE_MAX_BYTES): EvidenceRefusal | undefined {
  if (size === 0) return 'evidence_empty'
  if (size > maxBytes) return 'evidence_too_large'
  return undefined
}

// ---------------------------------------------------------------------------
// Wire shapes

/** A client-made id of one file (a UUID): a retried upload with the same id is the same evidence. */
export const EvidenceClientIdSchema = v.pipe(TextSchema, v.regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId phải gồm 8–64 ký tự chữ, số, _ hoặc -'))
/** The server's id of a stored file (a UUID). */
export const EvidenceIdSchema = v.pipe(TextSchema, v.uuid('mã minh chứng không hợp lệ'))

export const EvidenceCaptionSchema = v.pipe(TextSchema, v.maxLength(EVIDENCE_CAPTION_MAX, `chú thích tối đa ${EVIDENCE_CAPTION_MAX} ký tự`))
export const EvidenceFilenameSchema = v.pipe(TextSchema, v.maxLength(EVIDENCE_FILENAME_MAX, `tên tệp tối đa ${EVIDENCE_FILENAME_MAX} ký tự`))

/**
 * What an upload says of itself (tus `Upload-Metadata`, each value base64): the report it
 * supports, the figure (absent: the whole report), the caption, the phone's id of the file. The
 * declared file type is not read: the bytes decide.
 */
export const EvidenceUploadMetaSchema = v.object({
  clientId: EvidenceClientIdSchema,
  unit: CodeSchema,
  period: CodeSchema,
  indicator: v.optional(CodeSchema),
  caption: v.optional(EvidenceCaptionSchema, ''),
  filename: v.optional(EvidenceFilenameSchema, ''),
})
export type EvidenceUploadMeta = v.InferOutput<typeof EvidenceUploadMetaSchema>

/** A stored file's metadata, as the API answers it and pull delivers it. */
export const EvidenceSchema = v.object({
  id: EvidenceIdSchema,
  clientId: EvidenceClientIdSchema,
  unit: CodeSchema,
  period: CodeSchema,
  /** The figure it supports; null for the whole report. */
  indicator: v.nullable(CodeSchema),
  caption: EvidenceCaptionSchema,
  filename: EvidenceFilenameSchema,
  type: EvidenceTypeSchema,
  size: v.pipe(v.number(), v.integer(), v.minValue(1)),
  width: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  height: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** A thumbnail exists (pictures; a PDF has none). */
  thumbnail: v.boolean(),
  uploadedBy: v.nullable(TextSchema),
  uploadedAt: v.pipe(TextSchema, v.isoTimestamp()),
  /** Removed by its owner: the phone drops its copy; the file is gone from storage. */
  deleted: v.boolean(),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
})
export type Evidence = v.InferOutput<typeof EvidenceSchema>

/** The list of a report's evidence (`GET …/evidence?unit=&period=`). */
export const EvidenceQuerySchema = v.object({ unit: CodeSchema, period: CodeSchema })

/** Reads tus `Upload-Metadata` (`key base64,key base64`) into plain strings; undefined when malformed. */
export function parseUploadMetadata(header: string, decode: (base64: string) => string): Record<string, string> | undefined {
  const out: Record<string, string> = {}
  if (header.trim() === '') return out
  for (const pair of header.split(',')) {
    const [key, value, extra] = pair.trim().split(' ')
    if (!key || extra !== undefined || !/^[A-Za-z0-9_-]{1,64}$/.test(key) || key in out) return undefined
    if (value !== undefined && !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) return undefined
    out[key] = value === undefined ? '' : decode(value)
  }
  return out
}

/** The share of a quota used from which the phone warns (storage on the phone, the commune's on the server). */
export const QUOTA_WARNING_SHARE = 0.9
