// The phone's preparation of a chosen file: the size a photo is drawn at, photos shrunk, PDFs kept,
// refusals by the bytes, and the storage warning.
import { describe, expect, it } from 'vitest'
import { fitWithin, prepareFile, storageUse } from '../../../src/client/evidence/prepare'

const bytes = (...parts: (number[] | string)[]): Uint8Array<ArrayBuffer> =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))

describe('fitWithin', () => {
  it('brings a 12-megapixel photo to 1600 px on its longest side, keeping its shape', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 })
  })
})

describe('prepareFile', () => {
  const jpeg = new Blob([bytes([0xff, 0xd8, 0xff, 0xe0], 'x'.repeat(100), [0xff, 0xd9])])
  it('shrinks a photo through the compressor, as JPEG', async () => {
    const small = new Blob([bytes([0xff, 0xd8, 0xff, 0xdb, 0xff, 0xd9])], { type: 'image/jpeg' })
    expect(await prepareFile(jpeg, async () => small)).toEqual({ ok: true, blob: small, type: 'image/jpeg' })
  })
  it('refuses a photo the browser cannot decode as cut short', async () => {
    expect(await prepareFile(jpeg, () => Promise.reject(new Error('decode')))).toEqual({ ok: false, refusal: 'evidence_truncated' })
  })
  it('keeps a whole PDF as it is', async () => {
    const pdf = new Blob([bytes('%PDF-1.4\n…\n%%EOF\n')])
    const r = await prepareFile(pdf)
    expect(r).toMatchObject({ ok: true, type: 'application/pdf' })
    expect(r.ok && r.blob).toBe(pdf)
  })
  it('refuses an empty file and a page named like a photo', async () => {
    expect(await prepareFile(new Blob([]))).toEqual({ ok: false, refusal: 'evidence_empty' })
    expect(await prepareFile(new Blob([bytes('<html></html>')]))).toEqual({ ok: false, refusal: 'evidence_type' })
  })
})

describe('storageUse', () => {
  it('warns when the phone’s storage for the app is nearly full', async () => {
    expect(await storageUse({ estimate: async () => ({ usage: 95, quota: 100 }) })).toEqual({ usage: 95, quota: 100, nearlyFull: true })
    expect(await storageUse({ estimate: async () => ({ usage: 10, quota: 100 }) })).toMatchObject({ nearlyFull: false })
    expect(await storageUse(undefined)).toBeNull()
  })
})
