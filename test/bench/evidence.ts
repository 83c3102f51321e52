// Evidence (issue 16, item 5): upload throughput of photos through the real server over loopback
// HTTP, as the phone sends them (tus, 256 KB chunks), one phone at a time and several at once; and
// the phone's memory while it compresses ten 12-megapixel photos in a row (Chromium, the phone's
// own compressPhoto bundled from src/client/evidence/prepare.ts, the Chromium processes' resident
// memory sampled every 50 ms).
import { randomUUID } from 'node:crypto'
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import sharp from 'sharp'
import { build } from 'vite'
import { buildApp } from '../../src/server/app'
import { readConfig } from '../../src/server/config'
import { openDb } from '../../src/server/db'
import { seedPlanFile } from '../../src/server/db/seed'
import { CHUNK_BYTES } from '../../src/client/evidence/upload'
import { fixtureFile, PASSWORD } from '../server/harness'
import { launchChromium } from '../client/e2e/harness'
import { fmtMs, type Measurement, type MeasurementContext, type MeasurementResult, type Section } from './report'
import { percentile } from './stats'

const ID = 'evidence'
const TITLE = 'Evidence: upload throughput and the phone’s memory while compressing photos'
const DESCRIPTION = [
  'Upload: the real server on PGlite (files under a temporary DATA_DIR) on loopback; each file is a 1600 × 1200 JPEG as the phone makes them, sent as the phone sends it (tus creation, then PATCH requests of 256 KB, the last one answered with the stored evidence after the server checked the bytes, made the thumbnail and wrote the row). One phone sends its files one after another; then several phones at once.',
  'Compression: Chromium (360 × 640 page), ten 12-megapixel JPEGs (4000 × 3000) made in the page, then compressed one after another by the phone’s own compressPhoto (createImageBitmap with the EXIF orientation, a canvas of at most 1600 px, JPEG stepping down to about 300 KB); the resident memory of all Chromium processes is sampled every 50 ms.',
]

const PHOTOS = Math.max(1, Math.min(200, Number(process.env.BENCH_EVIDENCE_FILES ?? '') || 20))
const PARALLEL = 4

/** A photo-like JPEG: smooth shapes with a little grain, about the size the phone makes. */
async function phoneLikePhoto(seed: number): Promise<Buffer> {
  const w = 1600
  const h = 1200
  const raw = Buffer.alloc(w * h * 3)
  let x = seed * 2654435761
  for (let i = 0; i < w * h; i++) {
    x = (x * 1103515245 + 12345) >>> 0
    const px = i % w
    const py = Math.floor(i / w)
    const grain = (x >>> 24) % 24
    raw[i * 3] = (px * 255) / w + grain
    raw[i * 3 + 1] = (py * 255) / h + grain
    raw[i * 3 + 2] = ((px + py + seed * 97) % 255) + grain
  }
  return sharp(raw, { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality: 80 }).toBuffer()
}

interface Phone {
  cookie: string
}

async function signIn(origin: string, username: string): Promise<Phone> {
  const res = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD, deviceId: `bench-${randomUUID()}` }) })
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`)
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! }
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64')

/** Sends one file as the phone does; the milliseconds it took. */
async function send(origin: string, phone: Phone, unit: string, period: string, bytes: Buffer): Promise<number> {
  const t0 = performance.now()
  const headers = { cookie: phone.cookie, 'tus-resumable': '1.0.0' }
  const meta = `clientId ${b64(randomUUID())},unit ${b64(unit)},period ${b64(period)},caption ${b64('Ảnh minh chứng')}`
  const created = await fetch(`${origin}/api/communes/xa-thu/evidence/uploads`, { method: 'POST', headers: { ...headers, 'upload-length': String(bytes.length), 'upload-metadata': meta } })
  if (created.status !== 201) throw new Error(`create: ${created.status} ${await created.text()}`)
  const location = created.headers.get('location')!
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = bytes.subarray(offset, offset + CHUNK_BYTES)
    const res = await fetch(origin + location, {
      method: 'PATCH',
      headers: { ...headers, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      body: new Uint8Array(chunk),
    })
    await res.arrayBuffer()
    if (res.status !== 204 && res.status !== 200) throw new Error(`patch: ${res.status}`)
  }
  return performance.now() - t0
}

async function measureUpload(ctx: MeasurementContext): Promise<Section[]> {
  const dataDir = await mkdtemp(join(tmpdir(), 'thidua-bench-evidence-'))
  const db = await openDb({})
  await seedPlanFile(db, fixtureFile('xa-thu'))
  const app = await buildApp({ config: readConfig({ DATA_DIR: dataDir, EVIDENCE_QUOTA_MB: '100000' }), db, logger: false })
  const stop = ctx.cleanup.defer('evidence bench server', async () => {
    await app.close()
    await db.close()
    await rm(dataDir, { recursive: true, force: true })
  })
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' })
    ctx.log(`evidence: making ${PHOTOS} photos`)
    const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => phoneLikePhoto(i + 1)))
    const totalBytes = photos.reduce((n, p) => n + p.length, 0)
    const [t1, t2] = await Promise.all([signIn(origin, 'xa-thu.t1'), signIn(origin, 'xa-thu.t2')])
    // Warm-up: sharp and the routes' first use.
    await send(origin, t1, 'T1', '2024-Q3', photos[0]!)

    ctx.log(`evidence: one phone sends ${PHOTOS} photos`)
    const one: number[] = []
    const s0 = performance.now()
    for (const [i, p] of photos.entries()) one.push(await send(origin, i % 2 ? t1 : t2, i % 2 ? 'T1' : 'T2', i < PHOTOS / 2 ? '2024-Q1' : '2024-Q2', p))
    const oneSeconds = (performance.now() - s0) / 1000

    ctx.log(`evidence: ${PARALLEL} phones at once`)
    const phones = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => signIn(origin, i % 2 ? 'xa-thu.t1' : 'xa-thu.t2')))
    const p0 = performance.now()
    const many: number[] = []
    await Promise.all(
      phones.map(async (phone, k) => {
        for (let i = k; i < PHOTOS; i += PARALLEL) many.push(await send(origin, phone, k % 2 ? 'T1' : 'T2', '2024-Q4', photos[i]!))
      }),
    )
    const manySeconds = (performance.now() - p0) / 1000
    const stored = (await readdir(join(dataDir, 'evidence', 'files'), { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).length
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(2)
    return [
      {
        title: `Upload: ${PHOTOS} photos of ${mb(totalBytes / PHOTOS)} MB on average (${mb(totalBytes)} MB), PGlite, loopback`,
        table: {
          columns: [{ title: 'scenario' }, { title: 'files/s', align: 'right' }, { title: 'MB/s', align: 'right' }, { title: 'per file p50 (ms)', align: 'right' }, { title: 'per file p95 (ms)', align: 'right' }],
          rows: [
            ['one phone, one file after another', (PHOTOS / oneSeconds).toFixed(1), mb(totalBytes / oneSeconds), fmtMs(percentile(one, 50)), fmtMs(percentile(one, 95))],
            [`${PARALLEL} phones at once`, (PHOTOS / manySeconds).toFixed(1), mb(totalBytes / manySeconds), fmtMs(percentile(many, 50)), fmtMs(percentile(many, 95))],
          ],
        },
        notes: [`${stored} files and thumbnails stored. A file's time includes the server's check of its bytes, its thumbnail and its row; on a phone's link the network, not the server, sets the pace (a 300 KB photo is about 2 s at 1 Mbit/s).`],
      },
    ]
  } finally {
    stop()
    await app.close()
    await db.close()
    await rm(dataDir, { recursive: true, force: true })
  }
}

/** The phone's compressor as one script for the page (window.EvidencePrepare). */
async function bundledPrepare(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry: join(process.cwd(), 'src/client/evidence/prepare.ts'), formats: ['iife'], name: 'EvidencePrepare' },
    },
  })
  const result = Array.isArray(out) ? out[0]! : out
  const chunk = 'output' in result ? result.output.find((o) => o.type === 'chunk') : undefined
  if (!chunk || chunk.type !== 'chunk') throw new Error('no bundle of prepare.ts')
  return chunk.code
}

/** Resident memory of a process's descendants (not the process itself), kB (Linux /proc). */
async function treeRssKb(pid: number): Promise<number> {
  const all = await readdir('/proc').catch(() => [] as string[])
  const parent = new Map<number, number>()
  const rss = new Map<number, number>()
  await Promise.all(
    all.filter((d) => /^\d+$/.test(d)).map(async (d) => {
      const status = await readFile(`/proc/${d}/status`, 'utf8').catch(() => '')
      const pp = /^PPid:\s+(\d+)/m.exec(status)
      const r = /^VmRSS:\s+(\d+)/m.exec(status)
      if (pp) parent.set(Number(d), Number(pp[1]))
      if (r) rss.set(Number(d), Number(r[1]))
    }),
  )
  const inTree = (p: number): boolean => {
    for (let x: number | undefined = parent.get(p), n = 0; x !== undefined && n < 64; x = parent.get(x), n++) if (x === pid) return true
    return false
  }
  let total = 0
  for (const [p, kb] of rss) if (inTree(p)) total += kb
  return total
}

async function measureCompression(ctx: MeasurementContext): Promise<Section[]> {
  const script = await bundledPrepare()
  const browser = await launchChromium()
  const stop = ctx.cleanup.defer('evidence bench chromium', () => browser.close())
  try {
    // Chromium runs as this process's children: their resident memory is the phone's.
    const pid = process.pid
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } })
    await page.setContent('<!doctype html><title>evidence</title>')
    await page.addScriptTag({ content: script })
    ctx.log('evidence: ten 12-megapixel photos in the page')
    const inputs = await page.evaluate(async () => {
      const w = window as unknown as { photos: Blob[] }
      w.photos = []
      for (let i = 0; i < 10; i++) {
        const c = new OffscreenCanvas(4000, 3000)
        const g = c.getContext('2d')!
        const grad = g.createLinearGradient(0, 0, 4000, 3000)
        grad.addColorStop(0, `hsl(${i * 36}, 70%, 40%)`)
        grad.addColorStop(1, `hsl(${i * 36 + 120}, 60%, 70%)`)
        g.fillStyle = grad
        g.fillRect(0, 0, 4000, 3000)
        for (let k = 0; k < 4000; k++) {
          g.fillStyle = `hsla(${(k * 37) % 360}, 60%, 50%, 0.5)`
          g.fillRect((k * 997) % 4000, (k * 613) % 3000, 40, 40)
        }
        w.photos.push(await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 }))
      }
      return w.photos.map((p) => p.size)
    })
    const samples: number[] = []
    const baseline = await treeRssKb(pid)
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        samples.push(await treeRssKb(pid))
        await new Promise((r) => setTimeout(r, 50))
      }
    })()
    ctx.log('evidence: compressing them one after another')
    const results = await page.evaluate(async () => {
      const w = window as unknown as { photos: Blob[]; EvidencePrepare: { compressPhoto(b: Blob): Promise<Blob> } }
      const out: { ms: number; bytes: number }[] = []
      for (const p of w.photos) {
        const t0 = performance.now()
        const small = await w.EvidencePrepare.compressPhoto(p)
        out.push({ ms: performance.now() - t0, bytes: small.size })
      }
      return out
    })
    sampling = false
    await sampler
    const after = await treeRssKb(pid)
    const peak = Math.max(baseline, ...samples)
    const mib = (kb: number): string => (kb / 1024).toFixed(0)
    const avgIn = inputs.reduce((a, b) => a + b, 0) / inputs.length
    return [
      {
        title: `Compression on the phone: ten 4000 × 3000 JPEGs of ${(avgIn / 1024 / 1024).toFixed(1)} MB on average, one after another (Chromium)`,
        table: {
          columns: [{ title: 'figure' }, { title: 'value', align: 'right' }],
          rows: [
            ['time per photo, p50 (ms)', fmtMs(percentile(results.map((r) => r.ms), 50))],
            ['time per photo, max (ms)', fmtMs(Math.max(...results.map((r) => r.ms)))],
            ['output size, p50', `${(percentile(results.map((r) => r.bytes), 50) / 1024).toFixed(0)} KB`],
            ['output size, max', `${(Math.max(...results.map((r) => r.bytes)) / 1024).toFixed(0)} KB`],
            ['Chromium resident memory before (inputs held)', `${mib(baseline)} MiB`],
            ['peak while compressing', `${mib(peak)} MiB (+${mib(peak - baseline)} MiB)`],
            ['after the ten', `${mib(after)} MiB (+${mib(after - baseline)} MiB)`],
          ],
        },
        notes: ['A 12-megapixel bitmap takes 46 MB decoded; the compressor holds one at a time (the bitmap is closed after each photo), so the peak should not grow with the number of photos.'],
      },
    ]
  } finally {
    stop()
    await browser.close()
  }
}

export const evidenceMeasurement: Measurement = {
  id: ID,
  title: TITLE,
  async run(ctx): Promise<MeasurementResult> {
    const sections: Section[] = []
    const errors: string[] = []
    for (const part of [measureUpload, measureCompression]) {
      try {
        sections.push(...(await part(ctx)))
      } catch (e) {
        errors.push(`${part.name}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    return { id: ID, title: TITLE, description: DESCRIPTION, environment: [], sections, errors }
  },
}
