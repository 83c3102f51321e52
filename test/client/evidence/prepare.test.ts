// The phone's preparation of a chosen file: the size a photo is drawn at, photos shrunk, PDFs kept,
// refusals by the bytes, the location kept only when the head's setting says so, and the storage
// warning.
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { readGps, withGps } from '../../../src/client/evidence/exif'
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
    expect(await prepareFile(jpeg, async () => small)).toEqual({ ok: true, blob: small, type: 'image/jpeg', location: null })
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

/** A camera's photo: EXIF with the make, the time and the location (Hà Nội, 21.0285 N 105.8542 E). */
async function cameraPhoto(): Promise<Uint8Array<ArrayBuffer>> {
  const buf = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#4a7' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCam', Model: 'X1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '21/1 1/1 42600/1000', GPSLongitudeRef: 'E', GPSLongitude: '105/1 51/1 15120/1000' },
    })
    .toBuffer()
  return new Uint8Array(buf)
}
/** What a canvas makes of it: a JPEG without any EXIF. */
const plainJpeg = async (): Promise<Blob> => new Blob([new Uint8Array(await sharp({ create: { width: 32, height: 24, channels: 3, background: '#a74' } }).jpeg().toBuffer())])

describe('location', () => {
  it('reads a camera photo’s location from its EXIF; none from a photo without', async () => {
    const loc = readGps(await cameraPhoto())
    expect(loc?.lat).toBeCloseTo(21.0285, 4)
    expect(loc?.long).toBeCloseTo(105.8542, 4)
    expect(readGps(new Uint8Array(await (await plainJpeg()).arrayBuffer()))).toBeNull()
    expect(readGps(bytes([0xff, 0xd8, 0xff, 0xe1, 0, 8], 'Exif', [0, 0, 1, 2]))).toBeNull()
  })

  it('drops the location by default: the compressed photo carries no EXIF', async () => {
    const photo = new Blob([await cameraPhoto()])
    const r = await prepareFile(photo, plainJpeg)
    expect(r).toMatchObject({ ok: true, location: null })
    const meta = await sharp(new Uint8Array(await (r.ok ? r.blob : photo).arrayBuffer())).metadata()
    expect(meta.exif).toBeUndefined()
  })

  it('with the setting on, keeps the location alone in the compressed photo, readable by the server’s decoder', async () => {
    const r = await prepareFile(new Blob([await cameraPhoto()]), plainJpeg, { keepLocation: true })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.location?.lat).toBeCloseTo(21.0285, 4)
    const out = new Uint8Array(await r.blob.arrayBuffer())
    expect(readGps(out)?.long).toBeCloseTo(105.8542, 3)
    // sharp decodes it whole (the server's check) and sees the EXIF; the camera's make is not in it.
    const meta = await sharp(out, { failOn: 'warning' }).metadata()
    expect(meta.exif).toBeDefined()
    expect(meta.exif!.includes(Buffer.from('PhoneCam'))).toBe(false)
    await sharp(out, { failOn: 'warning' }).toBuffer()
  })

  it('writes nothing when the photo had no location, and replaces an EXIF already there', async () => {
    expect(await prepareFile(await plainJpeg(), plainJpeg, { keepLocation: true })).toMatchObject({ ok: true, location: null })
    const twice = withGps(withGps(await cameraPhoto(), { lat: -8.5, long: -35.25 }), { lat: 10.5, long: 106.75 })
    expect(readGps(twice)).toEqual({ lat: 10.5, long: 106.75 })
    expect(Buffer.from(twice).includes(Buffer.from('PhoneCam'))).toBe(false)
  })
})

describe('storageUse', () => {
  it('warns when the phone’s storage for the app is nearly full', async () => {
    expect(await storageUse({ estimate: async () => ({ usage: 95, quota: 100 }) })).toEqual({ usage: 95, quota: 100, nearlyFull: true })
    expect(await storageUse({ estimate: async () => ({ usage: 10, quota: 100 }) })).toMatchObject({ nearlyFull: false })
    expect(await storageUse(undefined)).toBeNull()
  })
})
