// @vitest-environment node
// The PWA as built: a real `vite build` with the project's config into a temporary folder, then
// what a phone gets from it: the web app manifest and its icons, the service worker's precache
// list (the whole app shell, never /api), and the entry screen's first-load size.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copyOfBuild, ROOT } from './build'

let outDir = ''
/**
 * The first load's JavaScript, gzip, in bytes: 71,886 reached when Dexie left it (issue 18: the
 * first screen reads the bare IndexedDB; 101,574 before, 102,310 before the officer's route table,
 * the sync badge and the account menu's words left it), plus ~1 KB of room. DESIGN.md §6's budget
 * (100 KB, test/bench/size.ts) stays the bench's, issue 18's goal 85 KB; this is the test's ratchet.
 */
const ENTRY_JS_GZIP_LIMIT = 72_960

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'thidua-pwa-build-'))
  await copyOfBuild(outDir)
}, 180_000)

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

interface WebManifest {
  name: string
  short_name: string
  lang: string
  description: string
  start_url: string
  scope: string
  display: string
  theme_color: string
  background_color: string
  icons: { src: string; sizes: string; type: string; purpose?: string }[]
}

describe('web app manifest', () => {
  it('names the app in Vietnamese and opens standalone at /', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.webmanifest'), 'utf8')) as WebManifest
    expect(manifest).toMatchObject({
      name: 'Thi đua – Báo cáo chỉ tiêu',
      short_name: 'Thi đua',
      lang: 'vi',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#b3261e',
      background_color: '#f7f5f2',
    })
    expect(manifest.description).toMatch(/chỉ tiêu/)
  })

  it('lists 192 and 512 icons and a maskable 512, each a PNG of the size it claims', async () => {
    const manifest = JSON.parse(await readFile(join(outDir, 'manifest.webmanifest'), 'utf8')) as WebManifest
    const has = (sizes: string, purpose: string): boolean => manifest.icons.some((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose))
    expect(has('192x192', 'any')).toBe(true)
    expect(has('512x512', 'any')).toBe(true)
    expect(has('512x512', 'maskable')).toBe(true)
    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png')
      const [w, h] = icon.sizes.split('x').map(Number)
      expect(pngSize(await readFile(join(outDir, icon.src)))).toEqual({ width: w, height: h })
    }
  })

  it('is linked from index.html, with the apple-touch-icon', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">')
    const touch = /<link rel="apple-touch-icon" href="\/([^"]+)"/.exec(html)?.[1]
    expect(touch).toBeDefined()
    expect(pngSize(await readFile(join(outDir, touch!)))).toEqual({ width: 180, height: 180 })
    // CSP script-src 'self': nothing inline, no registerSW.js injected by the plugin.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)
    expect(html).not.toContain('registerSW')
  })
})

describe('service worker', () => {
  it('precaches the whole app shell: index.html, every built script and style, the icons and the manifest', async () => {
    const urls = precacheUrls(await readFile(join(outDir, 'sw.js'), 'utf8'))
    const assets = (await readdir(join(outDir, 'assets'))).filter((f) => /\.(js|css)$/.test(f)).map((f) => `assets/${f}`)
    expect(assets.length).toBeGreaterThan(1)
    expect(urls).toEqual(expect.arrayContaining(['index.html', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', 'icons/icon-512.png', 'icons/icon-maskable-512.png', ...assets]))
    expect(new Set(urls).size).toBe(urls.length)
    expect(urls.filter((u) => u.endsWith('.map') || u.startsWith('.vite/'))).toEqual([])
  })

  it('keeps the officer\'s workspace out of the precache: a village head\'s phone never downloads it', async () => {
    const urls = precacheUrls(await readFile(join(outDir, 'sw.js'), 'utf8'))
    const officer = await readdir(join(outDir, 'assets', 'officer'))
    expect(officer.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(5)
    expect(officer.some((f) => f.endsWith('.css'))).toBe(true)
    expect(urls.filter((u) => u.startsWith('assets/officer/'))).toEqual([])
    // No precached script carries workspace code or the chart library (their source maps say what
    // they hold), except the workspace's route table, which the router needs to know its addresses.
    const workspace = (src: string) => /client\/officer\/(?!routes\.ts$)|node_modules\/chart\.js|shared\/(results|summary)\./.test(src)
    let mapped = 0
    for (const url of urls.filter((u) => u.endsWith('.js') && u.startsWith('assets/'))) {
      const text = await readFile(join(outDir, `${url}.map`), 'utf8').catch(() => null) // the bundler's tiny runtime has none
      if (text === null) continue
      mapped++
      const { sources } = JSON.parse(text) as { sources: string[] }
      expect(sources.filter(workspace), url).toEqual([])
    }
    expect(mapped).toBeGreaterThan(5)
  })

  it('precaches the late route table apart from the first load: a deep link to the workspace resolves offline', async () => {
    const urls = precacheUrls(await readFile(join(outDir, 'sw.js'), 'utf8'))
    const manifest = JSON.parse(await readFile(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, { file: string; imports?: string[] }>
    const late = manifest['src/client/lateRoutes.ts']
    expect(late, 'lateRoutes.ts is a chunk of its own').toBeDefined()
    expect(urls).toContain(late!.file)
    const { sources } = JSON.parse(await readFile(join(outDir, `${late!.file}.map`), 'utf8')) as { sources: string[] }
    expect(sources.filter((s) => /client\/(officer|province)\/routes\.ts$/.test(s))).toHaveLength(2)
    // Not in what index.html loads: its scripts carry no route table but the first screens'.
    const first = [manifest['index.html']!.file, ...(manifest['index.html']!.imports ?? []).map((key) => manifest[key]!.file)]
    for (const file of first) {
      const map = await readFile(join(outDir, `${file}.map`), 'utf8').catch(() => null)
      if (map === null) continue
      expect((JSON.parse(map) as { sources: string[] }).sources.filter((s) => /lateRoutes|\/routes\.ts$/.test(s)), file).toEqual([])
    }
  })

  it('writes a brotli and a gzip copy beside every script, style and page of 1 KB or more, the worker included', async () => {
    const files = (await readdir(outDir, { recursive: true })).filter((f) => /\.(js|css|html)$/.test(f) && !f.startsWith('.vite'))
    let checked = 0
    for (const file of files) {
      const body = await readFile(join(outDir, file))
      if (body.length < 1024) continue
      expect(brotliDecompressSync(await readFile(join(outDir, `${file}.br`))).equals(body), file).toBe(true)
      expect(gunzipSync(await readFile(join(outDir, `${file}.gz`))).equals(body), file).toBe(true)
      checked++
    }
    expect(files).toContain('sw.js')
    expect(checked).toBeGreaterThan(10)
  })

  it('never caches /api: nothing under /api is precached, and /api appears only in the navigation route\'s denylist', async () => {
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8')
    expect(precacheUrls(sw).filter((u) => /(^|\/)api(\/|$)/.test(u))).toEqual([])
    const mentions = sw.match(/\\\/api/g) ?? []
    expect(mentions).toHaveLength(1)
    expect(sw).toContain(String.raw`/^\/api(?:\/|$)/`)
  })

  it('speaks the page\'s messages and listens for the outbox sync tag', async () => {
    const sw = await readFile(join(outDir, 'sw.js'), 'utf8')
    for (const word of ['SKIP_WAITING', 'SYNC_REQUESTED', 'thidua-outbox', 'periodicsync']) expect(sw).toContain(word)
    // A classic worker (registered without type: 'module'): no import or export statements left.
    expect(sw).not.toMatch(/^\s*(import|export)\s/m)
  })
})

describe('first load of the entry screen', () => {
  // `npm run size` itself (test/bench/size.ts, run as a script: it belongs to the node project).
  it('stays within the JavaScript budget, the lazy service-worker helpers left out', async () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/size.ts', outDir], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
    expect(run.status, run.stderr).toBe(0)
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    const entryScript = /<script type="module" crossorigin src="\/([^"]+)"/.exec(html)?.[1]
    const files = [...run.stdout.matchAll(/^(assets\/\S+)\s/gm)].map((m) => m[1])
    expect(files[0]).toBe(entryScript)
    expect(files.filter((f) => /workbox|UpdatePrompt|\/pwa-/.test(f ?? ''))).toEqual([])
    // The page starts opening IndexedDB first, from a script of its own that imports nothing (src/client/early.ts).
    const early = /<script type="module" async crossorigin src="\/(assets\/early-[\w-]+\.js)"><\/script>/.exec(html)?.[1]
    expect(html.indexOf(`src="/${early}"`), 'the early script comes first').toBeLessThan(html.indexOf(`src="/${entryScript}"`))
    expect(await readFile(join(outDir, early!), 'utf8')).not.toMatch(/\bimport\b/)
    expect(files).toContain(early)
    // Dexie loads after the first screen (local/open.ts): none of its code rides in the first load.
    for (const file of files) expect(await readFile(join(outDir, file!), 'utf8'), file).not.toMatch(/DatabaseClosedError|MissingAPIError/)
    expect(await readFile(join(outDir, 'assets', (await readdir(join(outDir, 'assets'))).find((f) => /^dexie-.*\.js$/.test(f))!), 'utf8')).toMatch(/DatabaseClosedError/)
    expect(run.stdout).toMatch(/^JS gzip [\d.]+ KB of 100\.00 KB \([^)]*\): within budget$/m)
    // The ratchet under DESIGN.md's 100 KB: what the first load reached (issue 18), plus ~1 KB.
    const bytes = Number(/\(\S+ %, (\d+) of \d+ bytes\)/.exec(run.stdout)?.[1])
    expect(bytes, `the first load's JS is ${bytes} bytes gzip, over the ${ENTRY_JS_GZIP_LIMIT} this test allows`).toBeLessThanOrEqual(ENTRY_JS_GZIP_LIMIT)
  })

  it('fails above 100 KB of gzip JS, counting static imports and not lazy chunks', async () => {
    const fake = await mkdtemp(join(tmpdir(), 'thidua-size-'))
    try {
      await mkdir(join(fake, '.vite'))
      await mkdir(join(fake, 'assets'))
      // Random bytes do not compress: 60 KB + 60 KB statically, 200 KB lazily.
      const files = { 'entry.js': 60, 'shared.js': 60, 'charts.js': 200 }
      for (const [name, kib] of Object.entries(files)) await writeFile(join(fake, 'assets', name), randomBytes(kib * 1024).toString('latin1'))
      const manifest = {
        'index.html': { file: 'assets/entry.js', isEntry: true, imports: ['_shared.js'], dynamicImports: ['src/client/charts.ts'] },
        '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] },
        'src/client/charts.ts': { file: 'assets/charts.js', isDynamicEntry: true, imports: ['_shared.js'] },
      }
      await writeFile(join(fake, '.vite', 'manifest.json'), JSON.stringify(manifest))
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/bench/size.ts', fake], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
      expect(run.status).toBe(1)
      expect(run.stderr).toMatch(/^Over budget: the entry screen loads [\d.]+ KB of JavaScript \(gzip\), more than 100\.00 KB/)
      expect([...run.stdout.matchAll(/^(assets\/\S+)\s/gm)].map((m) => m[1])).toEqual(['assets/entry.js', 'assets/shared.js'])
    } finally {
      await rm(fake, { recursive: true, force: true })
    }
  })
})

/** Width and height from a PNG's IHDR chunk; throws on anything that is not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  if (!bytes.subarray(0, 8).equals(signature) || bytes.toString('ascii', 12, 16) !== 'IHDR') throw new Error('not a PNG')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** The URLs of the precache list workbox-build wrote into sw.js. */
function precacheUrls(sw: string): string[] {
  const list = [...sw.matchAll(/\{"revision":(?:"[0-9a-f]+"|null),"url":"([^"]+)"\}/g)].map((m) => m[1] ?? '')
  if (list.length === 0) throw new Error('no precache list found in sw.js')
  return list
}
