import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  checkDeclaredSize,
  checkEvidenceBytes,
  EVIDENCE_MAX_BYTES,
  EVIDENCE_REFUSAL_STATUS,
  EVIDENCE_REFUSALS,
  EvidenceUploadMetaSchema,
  isWhole,
  parseUploadMetadata,
  sniffType,
} from '../../src/shared/evidence'
import { REFUSALS } from '../../src/shared/errors'

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))

const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF body', [0xff, 0xd9])
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'IHDR....', [0, 0, 0, 0], 'IEND', [0xae, 0x42, 0x60, 0x82])
const webp = (declared: number, length: number): Uint8Array => {
  const b = new Uint8Array(length)
  b.set(bytes('RIFF'), 0)
  new DataView(b.buffer).setUint32(4, declared, true)
  b.set(bytes('WEBPVP8 '), 8)
  return b
}
const pdf = bytes('%PDF-1.7\n1 0 obj << >> endobj\ntrailer\n%%EOF\n')

describe('sniffType: the type by the bytes', () => {
  it.each([
    ['JPEG', jpeg, 'image/jpeg'],
    ['PNG', png, 'image/png'],
    ['WebP', webp(12, 20), 'image/webp'],
    ['PDF', pdf, 'application/pdf'],
  ])('%s', (_name, b, type) => {
    expect(sniffType(b)).toBe(type)
  })

  it.each([
    ['HTML named .jpg', bytes('<!doctype html><html><body>…</body></html>')],
    ['a GIF', bytes('GIF89a……')],
    ['a Word file (zip)', bytes([0x50, 0x4b, 0x03, 0x04], 'word/document.xml')],
    ['a RIFF that is a WAV', bytes('RIFF', [4, 0, 0, 0], 'WAVEfmt ')],
    ['two bytes of a JPEG', bytes([0xff, 0xd8])],
    ['nothing', new Uint8Array(0)],
  ])('refuses %s', (_name, b) => {
    expect(sniffType(b)).toBeUndefined()
  })
})

describe('isWhole: a file cut short is refused', () => {
  it('JPEG: ends with EOI, padding after it allowed', () => {
    expect(isWhole('image/jpeg', jpeg)).toBe(true)
    expect(isWhole('image/jpeg', bytes([...jpeg], [0, 0, 0]))).toBe(true)
    expect(isWhole('image/jpeg', jpeg.slice(0, -2))).toBe(false)
  })
  it('PNG: ends with IEND', () => {
    expect(isWhole('image/png', png)).toBe(true)
    expect(isWhole('image/png', png.slice(0, -5))).toBe(false)
  })
  it('WebP: as long as its RIFF header says', () => {
    expect(isWhole('image/webp', webp(12, 20))).toBe(true)
    expect(isWhole('image/webp', webp(100, 20))).toBe(false)
  })
  it('PDF: %%EOF near its end', () => {
    expect(isWhole('application/pdf', pdf)).toBe(true)
    expect(isWhole('application/pdf', pdf.slice(0, 20))).toBe(false)
  })
})

describe('checkEvidenceBytes: the bad-input table', () => {
  it.each([
    ['a 0-byte file', new Uint8Array(0), 'evidence_empty'],
    ['an HTML file named .jpg', bytes('<html><script>alert(1)</script></html>'), 'evidence_type'],
    ['a truncated JPEG', jpeg.slice(0, 6), 'evidence_truncated'],
  ])('%s', (_name, b, refusal) => {
    expect(checkEvidenceBytes(b)).toEqual({ ok: false, refusal })
  })
  it('a file over the limit, before its type is read', () => {
    expect(checkEvidenceBytes(jpeg, 4)).toEqual({ ok: false, refusal: 'evidence_too_large' })
    expect(checkDeclaredSize(100 * 1024 * 1024)).toBe('evidence_too_large')
    expect(checkDeclaredSize(0)).toBe('evidence_empty')
    expect(checkDeclaredSize(EVIDENCE_MAX_BYTES)).toBeUndefined()
  })
  it('accepts whole files of the four types', () => {
    for (const b of [jpeg, png, webp(12, 20), pdf]) expect(checkEvidenceBytes(b).ok).toBe(true)
  })
})

describe('refusals and metadata', () => {
  it('every refusal has a wording and a status', () => {
    for (const code of EVIDENCE_REFUSALS) {
      expect(REFUSALS.api[code]).toBeTruthy()
      expect(EVIDENCE_REFUSAL_STATUS[code]).toBeGreaterThanOrEqual(400)
    }
  })

  const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')
  const decode = (s: string): string => Buffer.from(s, 'base64').toString('utf8')

  it('reads tus Upload-Metadata', () => {
    const header = `clientId ${b64('c-12345678')},unit ${b64('T1')},period ${b64('2024-Q1')},caption ${b64('Đường bê tông thôn 1')},indicator`
    expect(parseUploadMetadata(header, decode)).toEqual({ clientId: 'c-12345678', unit: 'T1', period: '2024-Q1', caption: 'Đường bê tông thôn 1', indicator: '' })
    expect(parseUploadMetadata('a b c', decode)).toBeUndefined()
    expect(parseUploadMetadata(`a ${b64('x')},a ${b64('y')}`, decode)).toBeUndefined()
    expect(parseUploadMetadata('a !!!', decode)).toBeUndefined()
  })

  it('the metadata schema refuses what PostgreSQL cannot store and long captions', () => {
    const ok = { clientId: 'c-12345678', unit: 'T1', period: '2024-Q1' }
    expect(v.safeParse(EvidenceUploadMetaSchema, ok).success).toBe(true)
    expect(v.safeParse(EvidenceUploadMetaSchema, { ...ok, caption: 'a\u0000b' }).success).toBe(false)
    expect(v.safeParse(EvidenceUploadMetaSchema, { ...ok, caption: 'x'.repeat(501) }).success).toBe(false)
    expect(v.safeParse(EvidenceUploadMetaSchema, { ...ok, clientId: 'short' }).success).toBe(false)
  })
})
