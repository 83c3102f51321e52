// A zip archive (an .xlsx, a .docx) looked at by hand before a library loads it: the central
// directory read and bounded, then every entry inflated once with a cap on its size, since the
// sizes a zip declares may lie. What this finds is a reason, not a message: each kind of file
// (planFiles/xlsx.ts, planDraft/readDocument.ts) says it in its own words.
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated; nothing else is read. */
  method: number
  /** The general purpose flags: bit 0 is an encrypted entry. */
  flags: number
  compressedSize: number
  /** As the central directory declares it. */
  size: number
  localOffset: number
}

export interface ZipLimits {
  entries: number
  /** Uncompressed bytes of one entry. */
  entryBytes: number
  /** Uncompressed bytes of all entries. */
  totalBytes: number
}

/** Why a zip is refused: unreadable, too many entries, too large once inflated, or password-protected. */
export type ZipProblem = { kind: 'broken' } | { kind: 'entries'; count: number } | { kind: 'too_big' } | { kind: 'encrypted' }

export type ZipDirectory = { ok: true; entries: ZipEntry[]; names: Set<string> } | { ok: false; problem: ZipProblem }

const PK_LOCAL = 0x04034b50
const PK_CENTRAL = 0x02014b50
const PK_END = 0x06054b50

/** Whether the bytes start as a zip does (a local header, or the end record of an empty zip). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
}

const broken = { ok: false, problem: { kind: 'broken' } } as const

/** The entries of the central directory, without inflating anything. */
export function readZipDirectory(bytes: Uint8Array, limits: Pick<ZipLimits, 'entries'>): ZipDirectory {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === PK_END) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return broken
  const count = buf.readUInt16LE(eocd + 10)
  const cdSize = buf.readUInt32LE(eocd + 12)
  const cdOffset = buf.readUInt32LE(eocd + 16)
  if (count === 0xffff || cdOffset === 0xffffffff) return broken // ZIP64: no office file of ours needs it
  if (count > limits.entries) return { ok: false, problem: { kind: 'entries', count } }
  if (cdOffset + cdSize > buf.length) return broken
  const entries: ZipEntry[] = []
  let p = cdOffset
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== PK_CENTRAL) return broken
    const nameLength = buf.readUInt16LE(p + 28)
    entries.push({
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.subarray(p + 46, p + 46 + nameLength).toString('utf8'),
    })
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
  }
  return { ok: true, entries, names: new Set(entries.map((e) => e.name)) }
}

/**
 * Inflates every entry once, one at a time, none past `entryBytes` and all together not past
 * `totalBytes` (checked against what the directory declares first, then against what inflates):
 * a bomb is stopped at the cap, never inflated whole. `visit` sees each entry's bytes and may
 * refuse with a reason of its own (returned as it is).
 */
export function inflateZip(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: Omit<ZipLimits, 'entries'>,
  visit?: (entry: ZipEntry, content: Buffer) => string | undefined,
): ZipProblem | string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  let declared = 0
  for (const e of entries) declared += e.size
  if (declared > limits.totalBytes) return { kind: 'too_big' }
  let total = 0
  for (const e of entries) {
    if (e.size > limits.entryBytes) return { kind: 'too_big' }
    if ((e.flags & 1) !== 0) return { kind: 'encrypted' }
    const lp = e.localOffset
    if (lp + 30 > buf.length || buf.readUInt32LE(lp) !== PK_LOCAL) return { kind: 'broken' }
    const start = lp + 30 + buf.readUInt16LE(lp + 26) + buf.readUInt16LE(lp + 28)
    const data = buf.subarray(start, start + e.compressedSize)
    if (data.length !== e.compressedSize) return { kind: 'broken' }
    let content: Buffer
    if (e.method === 0) content = data
    else if (e.method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: limits.entryBytes })
      } catch (err) {
        return err instanceof RangeError ? { kind: 'too_big' } : { kind: 'broken' }
      }
    } else return { kind: 'broken' }
    total += content.length
    if (total > limits.totalBytes) return { kind: 'too_big' }
    const refused = visit?.(e, content)
    if (refused !== undefined) return refused
  }
  return undefined
}
