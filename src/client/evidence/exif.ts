// The location of a photo (EXIF GPS) read from a JPEG's bytes, and written into another JPEG as a
// minimal EXIF block that holds the location and nothing else (no camera, no time, no
// orientation: the picture was already drawn upright). Used only when the head's setting "keep
// location" is on (settings.ts); off, the re-encoding through a canvas drops every EXIF tag.

export interface GpsLocation {
  /** Degrees, north positive. */
  lat: number
  /** Degrees, east positive. */
  long: number
}

const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0, 0] // "Exif\0\0"

/** The TIFF block of a JPEG's EXIF segment (APP1 "Exif"), or undefined. */
function exifTiff(jpeg: Uint8Array): DataView | undefined {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return undefined
  let at = 2
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff) {
    const marker = jpeg[at + 1]!
    if (marker === 0xda || marker === 0xd9) return undefined // the picture's data: no EXIF before it
    const length = (jpeg[at + 2]! << 8) | jpeg[at + 3]!
    if (length < 2) return undefined
    if (marker === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[at + 4 + i] === b)) {
      const start = at + 4 + EXIF_HEADER.length
      const end = Math.min(jpeg.length, at + 2 + length)
      return end > start ? new DataView(jpeg.buffer, jpeg.byteOffset + start, end - start) : undefined
    }
    at += 2 + length
  }
  return undefined
}

/** The photo's location from its EXIF, or null (none, or malformed: never an error). */
export function readGps(jpeg: Uint8Array): GpsLocation | null {
  const tiff = exifTiff(jpeg)
  if (!tiff) return null
  try {
    const little = tiff.getUint16(0) === 0x4949
    const u16 = (o: number): number => tiff.getUint16(o, little)
    const u32 = (o: number): number => tiff.getUint32(o, little)
    if (u16(2) !== 42) return null
    const entries = (ifd: number): Map<number, number> => {
      const out = new Map<number, number>()
      const n = u16(ifd)
      for (let i = 0; i < n; i++) out.set(u16(ifd + 2 + i * 12), ifd + 2 + i * 12)
      return out
    }
    const gpsEntry = entries(u32(4)).get(0x8825)
    if (gpsEntry === undefined) return null
    const gps = entries(u32(gpsEntry + 8))
    const ref = (tag: number): string => {
      const e = gps.get(tag)
      return e === undefined ? '' : String.fromCharCode(tiff.getUint8(e + 8))
    }
    const degrees = (tag: number): number | undefined => {
      const e = gps.get(tag)
      if (e === undefined || u16(e + 2) !== 5 || u32(e + 4) !== 3) return undefined
      const at = u32(e + 8)
      const part = (i: number): number => {
        const den = u32(at + i * 8 + 4)
        return den === 0 ? 0 : u32(at + i * 8) / den
      }
      return part(0) + part(1) / 60 + part(2) / 3600
    }
    const lat = degrees(2)
    const long = degrees(4)
    if (lat === undefined || long === undefined || lat > 90 || long > 180) return null
    return { lat: ref(1) === 'S' ? -lat : lat, long: ref(3) === 'W' ? -long : long }
  } catch {
    return null
  }
}

/** Degrees as three EXIF rationals: degrees, minutes, seconds (to a thousandth). */
function dms(value: number): [number, number][] {
  const abs = Math.abs(value)
  const d = Math.floor(abs)
  const m = Math.floor((abs - d) * 60)
  const s = Math.round(((abs - d) * 60 - m) * 60 * 1000)
  return [
    [d, 1],
    [m, 1],
    [s, 1000],
  ]
}

/** A minimal EXIF block (little-endian TIFF): IFD0 with the GPS pointer, the GPS IFD with version, references and the two positions. */
function gpsTiff(loc: GpsLocation): Uint8Array {
  const bytes = new Uint8Array(140)
  const view = new DataView(bytes.buffer)
  const w16 = (o: number, v: number): void => view.setUint16(o, v, true)
  const w32 = (o: number, v: number): void => view.setUint32(o, v, true)
  bytes.set([0x49, 0x49], 0)
  w16(2, 42)
  w32(4, 8)
  // IFD0: one entry, the GPS IFD's offset (26).
  w16(8, 1)
  w16(10, 0x8825)
  w16(12, 4)
  w32(14, 1)
  w32(18, 26)
  w32(22, 0)
  // GPS IFD at 26: five entries, then the rationals at 92 (latitude) and 116 (longitude).
  w16(26, 5)
  const entry = (i: number, tag: number, type: number, count: number): number => {
    const o = 28 + i * 12
    w16(o, tag)
    w16(o + 2, type)
    w32(o + 4, count)
    return o + 8
  }
  bytes.set([2, 3, 0, 0], entry(0, 0, 1, 4))
  bytes[entry(1, 1, 2, 2)] = (loc.lat < 0 ? 'S' : 'N').charCodeAt(0)
  w32(entry(2, 2, 5, 3), 92)
  bytes[entry(3, 3, 2, 2)] = (loc.long < 0 ? 'W' : 'E').charCodeAt(0)
  w32(entry(4, 4, 5, 3), 116)
  w32(88, 0)
  const rationals = (at: number, value: number): void =>
    dms(value).forEach(([num, den], i) => {
      w32(at + i * 8, num)
      w32(at + i * 8 + 4, den)
    })
  rationals(92, loc.lat)
  rationals(116, loc.long)
  return bytes
}

/** The JPEG with an EXIF segment holding only `loc`, right after its start marker (any EXIF it had is left out). */
export function withGps(jpeg: Uint8Array, loc: GpsLocation): Uint8Array {
  const tiff = gpsTiff(loc)
  const length = 2 + EXIF_HEADER.length + tiff.length
  const segment = new Uint8Array(2 + length)
  segment.set([0xff, 0xe1, length >> 8, length & 0xff, ...EXIF_HEADER], 0)
  segment.set(tiff, 4 + EXIF_HEADER.length)
  // Drop an EXIF segment already there (a canvas writes none; a test's stand-in might).
  const out: Uint8Array[] = [jpeg.subarray(0, 2), segment]
  let at = 2
  while (at + 4 <= jpeg.length && jpeg[at] === 0xff && jpeg[at + 1] !== 0xda) {
    const len = (jpeg[at + 2]! << 8) | jpeg[at + 3]!
    const isExif = jpeg[at + 1] === 0xe1 && EXIF_HEADER.every((b, i) => jpeg[at + 4 + i] === b)
    if (!isExif) out.push(jpeg.subarray(at, at + 2 + len))
    at += 2 + len
  }
  out.push(jpeg.subarray(at))
  const all = new Uint8Array(out.reduce((n, p) => n + p.length, 0))
  let o = 0
  for (const p of out) {
    all.set(p, o)
    o += p.length
  }
  return all
}
